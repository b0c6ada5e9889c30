"""Malformed HTML gives its text or a clear error, never a crash."""

from __future__ import annotations

import pytest

from newsgraph.errors import NewsgraphError
from newsgraph.ingest.html import article_from_html

PARA = (
    "<p>The council approved the new budget on Thursday after a long debate about spending on schools, "
    "roads and the harbour.</p>"
)
TEXT_START = "The council approved the new budget on Thursday"

READABLE = {
    "truncated": "<html><head><title>Budget approved</title></head><body><article>" + PARA * 3 + "<p>The mayor said",
    "unclosed-tags": "<html><body><div><div><p>" + PARA.replace("</p>", "") * 4,
    "bare-fragment": PARA * 4,
    "nul-bytes-in-markup": "<html><body>" + PARA * 3 + "\x00\x00</body></html>",
    "bogus-encoding-declaration": '<?xml version="1.0" encoding="ebcdic"?><html><body>' + PARA * 3 + "</body></html>",
}
UNREADABLE = {
    "nested-beyond-parser-depth": "<html><body>" + "<div>" * 20000 + PARA * 3 + "</div>" * 20000 + "</body></html>",
    "script-only": "<html><body><script>var a = '" + "x" * 5000 + "';</script></body></html>",
    "unclosed-comment": "<html><body><!--" + "x" * 100000 + PARA * 3 + "</body></html>",
}


@pytest.mark.parametrize("html", READABLE.values(), ids=READABLE.keys())
def test_malformed_page_still_gives_its_text(html):
    raw = article_from_html(html, "page.html")
    assert TEXT_START in raw.text


@pytest.mark.parametrize("html", UNREADABLE.values(), ids=UNREADABLE.keys())
def test_unreadable_page_is_a_clear_error(html):
    with pytest.raises(NewsgraphError) as caught:
        article_from_html(html, "page.html")
    assert caught.value.code.name == "E005"
    assert caught.value.message.startswith("page.html: E005")
