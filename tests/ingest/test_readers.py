"""Readers: every input format through ``read_paths`` to RawArticle or InputFailure (no model)."""

from __future__ import annotations

import gzip
import hashlib
import io
import json
import sys
import time
from pathlib import Path
from types import SimpleNamespace

import pytest

import newsgraph.ingest.html
from newsgraph.ingest import InputFailure, RawArticle, content_id, read_paths, read_stream
from newsgraph.ingest.readers import article_from_record, article_from_text

HEADLINE = "Harbour bridge reopens after repairs"
BODY = (
    "The Harbour Bridge in Port Elliot reopened to traffic on Tuesday morning after eight months of repairs "
    "that cost the city council 14 million dollars, officials said."
)
ARTICLE = f"{HEADLINE}\n\n{BODY}\n"


def _read(*paths, max_chars: int = 1_000_000) -> list[RawArticle | InputFailure]:
    return list(read_paths([str(p) for p in paths], max_chars))


def _ok(results) -> list[RawArticle]:
    failures = [r.error.message for r in results if isinstance(r, InputFailure)]
    assert failures == []
    return results


def _codes(results) -> list[str]:
    return [r.error.code.name for r in results if isinstance(r, InputFailure)]


# ---------------------------------------------------------------------------- plain text


def test_txt_headline_becomes_the_title(tmp_path):
    path = tmp_path / "bridge.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    (raw,) = _ok(_read(path))
    assert raw.title == HEADLINE
    assert raw.title_in_text is True
    assert raw.text == ARTICLE  # the text is kept exactly as given: offsets refer to it
    assert raw.source == str(path)
    assert raw.published is None


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(f"{BODY}\n\nThe first buses crossed a few minutes later.\n", id="first-line-is-a-sentence"),
        pytest.param(f"{HEADLINE}\n", id="single-line"),
        pytest.param("the bridge reopened\n\n" + BODY, id="lower-case-first-line"),
    ],
)
def test_txt_without_a_headline_has_no_title(tmp_path, text):
    path = tmp_path / "a.txt"
    path.write_text(text, encoding="utf-8")
    (raw,) = _ok(_read(path))
    assert raw.title is None
    assert raw.title_in_text is False


def test_seed_txt_headline_is_the_reference_title(seed_txt_path, seed_expected):
    (raw,) = _ok(_read(seed_txt_path))
    assert raw.title == seed_expected["document"]["title"]
    assert raw.title_in_text is True


def test_dateline_first_line_is_not_a_title():
    raw = article_from_text(f"March 22, 2024\n\n{BODY}", "x.txt")
    assert raw.title is None


# ---------------------------------------------------------------------------- HTML


def test_html_page_title_date_author_url_and_body(data_dir):
    (raw,) = _ok(_read(data_dir / "harbour_bridge.html"))
    assert raw.title == HEADLINE
    assert raw.title_in_text is True
    assert raw.text.startswith(HEADLINE + "\n\n")
    assert raw.published == "2024-05-14"
    assert raw.published_from == "html"
    assert raw.author == "Maria Lopez"
    assert raw.url == "https://coastalherald.example/news/2024/05/14/harbour-bridge-reopens"
    assert BODY in raw.text
    assert "Whitfield told reporters at the ceremony" in raw.text
    for furniture in ("Privacy policy", "Contact us", "Sport"):
        assert furniture not in raw.text


def test_html_without_article_is_e005(data_dir):
    (failure,) = _read(data_dir / "no_article.html")
    assert isinstance(failure, InputFailure)
    assert failure.error.code.name == "E005"
    assert failure.source.endswith("no_article.html")


def test_html_of_20_mb_is_refused_without_parsing(tmp_path, monkeypatch):
    """trafilatura takes ~45 s on a 20 MB page and then keeps only a fragment of it (its
    MAX_FILE_SIZE is 20,000,000), so such a page must be refused before it is parsed."""

    def parse_anyway(*args, **kwargs):
        raise AssertionError("a 20 MB page reached trafilatura instead of being refused as too large")

    monkeypatch.setattr(newsgraph.ingest.html.trafilatura, "bare_extraction", parse_anyway)
    paragraph = f"<p>{BODY}</p>\n"
    path = tmp_path / "huge.html"
    path.write_text(
        "<html><body><article>" + paragraph * (20_000_000 // len(paragraph) + 1) + "</article></body></html>"
    )
    assert _codes(_read(path)) == ["E006"]


# ---------------------------------------------------------------------------- JSON Lines and JSON


def test_jsonl_records_and_a_malformed_line(data_dir):
    path = data_dir / "articles.jsonl"
    results = _read(path)
    assert len(results) == 4
    first, html, malformed, no_id = results

    assert isinstance(first, RawArticle)
    assert first.id == first.article_id == "ch-001"
    assert first.source == f"{path}:1 (id ch-001)"
    assert first.title == HEADLINE and first.title_in_text is True
    assert first.published == "2024-05-14" and first.published_from == "input"
    assert first.url == "https://coastalherald.example/news/2024/05/14/harbour-bridge-reopens"

    assert isinstance(html, RawArticle)
    assert html.id == "ch-002"
    assert html.title == "Rail strike called off"
    assert html.published == "2024-06-02" and html.published_from == "html"
    assert "last-minute agreement on pay" in html.text
    assert "<p>" not in html.text

    assert isinstance(malformed, InputFailure)
    assert malformed.error.code.name == "E007"
    assert malformed.source == f"{path}:3"
    assert "invalid JSON" in malformed.error.message

    assert isinstance(no_id, RawArticle)
    assert no_id.id is None
    assert no_id.article_id == content_id(no_id.text)
    assert no_id.title == "School meals scheme extended" and no_id.title_in_text is False
    assert no_id.published == "2024-06-03"  # RFC 2822 "date" field


@pytest.mark.parametrize(
    ("record", "code"),
    [
        pytest.param({"id": "x", "body": BODY}, "E007", id="no-text-or-html"),
        pytest.param({"text": 42}, "E007", id="text-not-a-string"),
        pytest.param([BODY], "E007", id="not-an-object"),
        pytest.param({"text": BODY, "published": "next Tuesday"}, "E009", id="bad-date"),
        pytest.param({"text": "   "}, "E001", id="empty-text"),
    ],
)
def test_jsonl_bad_records_fail_alone(tmp_path, record, code):
    path = tmp_path / "a.jsonl"
    path.write_text(json.dumps(record) + "\n" + json.dumps({"id": "ok", "text": ARTICLE}) + "\n")
    bad, good = _read(path)
    assert isinstance(bad, InputFailure) and bad.error.code.name == code
    assert isinstance(good, RawArticle) and good.id == "ok"


def test_json_array_file(tmp_path):
    path = tmp_path / "a.json"
    path.write_text(json.dumps([{"id": "a", "text": ARTICLE}, {"id": "b", "text": BODY}], indent=2))
    results = _ok(_read(path))
    assert [r.id for r in results] == ["a", "b"]
    assert [r.source for r in results] == [f"{path}[1] (id a)", f"{path}[2] (id b)"]


def test_pretty_printed_json_object_file(tmp_path):
    path = tmp_path / "a.json"
    path.write_text(json.dumps({"id": "a", "text": ARTICLE, "url": "https://x.example/a"}, indent=2))
    (raw,) = _ok(_read(path))
    assert (raw.id, raw.url, raw.title) == ("a", "https://x.example/a", HEADLINE)


# ---------------------------------------------------------------------------- gzip


def test_gz_of_txt_reads_like_the_txt(tmp_path):
    (tmp_path / "a.txt.gz").write_bytes(gzip.compress(ARTICLE.encode()))
    (raw,) = _ok(_read(tmp_path / "a.txt.gz"))
    assert raw.text == ARTICLE and raw.title == HEADLINE


def test_gz_of_jsonl_is_streamed(tmp_path):
    lines = [json.dumps({"id": str(i), "text": ARTICLE}) for i in range(3)] + ["{oops"]
    (tmp_path / "a.jsonl.gz").write_bytes(gzip.compress("\n".join(lines).encode()))
    results = _read(tmp_path / "a.jsonl.gz")
    assert [r.id for r in results if isinstance(r, RawArticle)] == ["0", "1", "2"]
    assert _codes(results) == ["E007"]


def test_gz_of_json_array(tmp_path):
    data = json.dumps([{"id": "a", "text": ARTICLE}, {"id": "b", "text": BODY}], indent=2)
    (tmp_path / "a.json.gz").write_bytes(gzip.compress(data.encode()))
    results = _read(tmp_path / "a.json.gz")
    assert [r.id for r in results if isinstance(r, RawArticle)] == ["a", "b"]
    assert _codes(results) == []


def test_gz_of_jsonl_that_breaks_off_says_how_many_records_were_read(tmp_path):
    # Each line its own text, so that half the compressed bytes hold whole lines.
    lines = [json.dumps({"id": str(n), "text": ARTICLE + hashlib.sha256(bytes(n)).hexdigest()}) for n in range(400)]
    packed = gzip.compress("\n".join(lines).encode())
    (tmp_path / "a.jsonl.gz").write_bytes(packed[: len(packed) // 2])
    results = _read(tmp_path / "a.jsonl.gz")
    read, failure = results[:-1], results[-1]
    assert read and all(isinstance(r, RawArticle) for r in read)
    assert [r.id for r in read] == [str(n) for n in range(len(read))]
    assert isinstance(failure, InputFailure) and failure.error.code.name == "E022"
    assert f"gzip stream is truncated or corrupt after {len(read)} records" in failure.error.message


def test_corrupt_gz_is_e002(tmp_path):
    (tmp_path / "a.txt.gz").write_bytes(gzip.compress(ARTICLE.encode())[:20])
    (tmp_path / "b.jsonl.gz").write_bytes(b"\x1f\x8b" + b"not really gzip")
    assert _codes(_read(tmp_path / "a.txt.gz", tmp_path / "b.jsonl.gz")) == ["E002", "E002"]


# ---------------------------------------------------------------------------- directories, stdin, paths


def test_directory_is_read_recursively_in_sorted_order(tmp_path, data_dir):
    (tmp_path / "b").mkdir()
    (tmp_path / "a.txt").write_text(ARTICLE)
    (tmp_path / "b" / "c.html").write_bytes((data_dir / "harbour_bridge.html").read_bytes())
    (tmp_path / "b" / "d.jsonl").write_text(json.dumps({"id": "j1", "text": BODY}) + "\n")
    (tmp_path / "b" / "e.txt.gz").write_bytes(gzip.compress(ARTICLE.encode()))
    # not articles: skipped without a report
    (tmp_path / ".hidden.txt").write_text(ARTICLE)
    (tmp_path / "notes.csv").write_text("a,b\n")
    (tmp_path / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (tmp_path / "run.errors.jsonl").write_text('{"input": "x", "code": "E001", "message": "m"}\n')
    results = _ok(_read(tmp_path))
    assert [Path(r.source.split(":")[0]).name for r in results] == ["a.txt", "c.html", "d.jsonl", "e.txt.gz"]


def test_stdin_dash_sniffs_the_format(monkeypatch, data_dir):
    html = (data_dir / "harbour_bridge.html").read_bytes()
    monkeypatch.setattr(sys, "stdin", SimpleNamespace(buffer=io.BytesIO(html)))
    (raw,) = _ok(_read("-"))
    assert raw.source == "<stdin>"
    assert raw.title == HEADLINE and raw.published == "2024-05-14"


@pytest.mark.parametrize(
    "data",
    [
        pytest.param(json.dumps([{"id": "a", "text": ARTICLE}]), id="array"),
        pytest.param(json.dumps({"id": "a", "text": ARTICLE}, indent=2), id="pretty-object"),
    ],
)
def test_stdin_json_is_read_as_records(monkeypatch, data):
    monkeypatch.setattr(sys, "stdin", SimpleNamespace(buffer=io.BytesIO(data.encode())))
    (raw,) = _ok(_read("-"))
    assert raw.id == "a"


def test_missing_path_is_e008(tmp_path):
    (failure,) = _read(tmp_path / "nope.txt")
    assert failure.error.code.name == "E008"
    assert failure.source == str(tmp_path / "nope.txt")


# ---------------------------------------------------------------------------- ids


def test_ids_are_content_hashes_stable_across_inputs(tmp_path, monkeypatch):
    (tmp_path / "a.txt").write_text(ARTICLE)
    (tmp_path / "b.txt").write_text(ARTICLE)
    (tmp_path / "c.txt").write_text(ARTICLE + "More.\n")
    monkeypatch.setattr(sys, "stdin", SimpleNamespace(buffer=io.BytesIO(ARTICLE.encode())))
    a, b, c, stdin = _ok(_read(tmp_path / "a.txt", tmp_path / "b.txt", tmp_path / "c.txt", "-"))
    assert a.article_id == b.article_id == stdin.article_id == hashlib.sha256(ARTICLE.encode()).hexdigest()[:16]
    assert c.article_id != a.article_id


def test_given_ids_are_kept_as_strings():
    raw = article_from_record({"id": 1234, "text": ARTICLE}, "x.jsonl:1")
    assert raw.article_id == "1234"
    assert raw.source == "x.jsonl:1 (id 1234)"


def test_given_title_matching_the_first_line_is_in_the_text():
    raw = article_from_record({"title": "Harbour bridge re-opens  after repairs!", "text": ARTICLE}, "x")
    assert raw.title_in_text is True


def test_given_title_that_only_starts_the_first_paragraph_is_apart():
    text = f"{HEADLINE} on Tuesday, officials said.\n\n{BODY}"
    raw = article_from_record({"title": HEADLINE, "text": text}, "x")
    assert raw.title_in_text is False


# ---------------------------------------------------------------------------- size limits


def test_20_mb_text_is_refused_quickly(tmp_path):
    path = tmp_path / "huge.txt"
    paragraph = BODY + "\n\n"
    path.write_text(paragraph * (20_000_000 // len(paragraph) + 1))
    started = time.perf_counter()
    (failure,) = _read(path)
    elapsed = time.perf_counter() - started
    assert failure.error.code.name == "E006"
    assert "limit 1,000,000" in failure.error.message
    assert elapsed < 10  # refused on its length, before cleaning or language detection


def test_byte_size_guard_refuses_without_reading(tmp_path, monkeypatch):
    path = tmp_path / "huge.txt"
    path.write_bytes(b"x" * 2_000_001)

    def read_bytes(self):
        raise AssertionError(f"{self} was read although its size alone exceeds the limit")

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    (failure,) = _read(path, max_chars=40_000)  # byte limit: 40,000 * 50 = 2,000,000
    assert failure.error.code.name == "E006"
    assert "2,000,001 bytes" in failure.error.message


def test_stream_size_guard():
    (failure,) = read_stream(io.BytesIO(b"a" * 5001), "<stdin>", max_chars=100)
    assert failure.error.code.name == "E006"
