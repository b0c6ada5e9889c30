"""WARC crawls: every HTML response record is an article; other records are skipped (no model)."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from newsgraph.ingest import InputFailure, RawArticle, read_paths

URL = "https://coastalherald.example/news/2024/05/14/harbour-bridge-reopens"


def _write_warc(path: Path, records: list[tuple[str, str, bytes]], gzip: bool) -> None:
    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=gzip)
        for url, content_type, payload in records:
            headers = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
            writer.write_record(
                writer.create_warc_record(url, "response", payload=io.BytesIO(payload), http_headers=headers)
            )


@pytest.mark.parametrize("gzip", [False, True], ids=["warc", "warc.gz"])
def test_warc_html_responses_are_articles(tmp_path, data_dir, gzip):
    page = (data_dir / "harbour_bridge.html").read_bytes()
    empty_page = (data_dir / "no_article.html").read_bytes()
    path = tmp_path / ("crawl.warc.gz" if gzip else "crawl.warc")
    _write_warc(
        path,
        [
            (URL, "text/html; charset=utf-8", page),
            ("https://coastalherald.example/logo.png", "image/png", b"\x89PNG\r\n\x1a\n"),
            ("https://coastalherald.example/app", "text/html", empty_page),
        ],
        gzip,
    )
    results = list(read_paths([path]))
    assert len(results) == 2  # the image is skipped
    article, failure = results
    assert isinstance(article, RawArticle)
    assert article.title == "Harbour bridge reopens after repairs"
    assert article.url == URL
    assert article.published == "2024-05-14"
    assert isinstance(failure, InputFailure)
    assert failure.error.code.name == "E005"
    assert "https://coastalherald.example/app" in failure.source


@pytest.mark.parametrize(
    "data",
    [
        pytest.param(b"Harbour bridge reopens after repairs\n\nThe bridge reopened on Tuesday.\n", id="not-warc"),
        pytest.param(b"WARC/1.0\r\nthis is not a WARC record header at all\r\n\r\n", id="bad-header"),
    ],
)
def test_file_that_is_not_warc_is_e002(tmp_path, data):
    path = tmp_path / "crawl.warc"
    path.write_bytes(data)
    results = list(read_paths([path]))
    assert [r.error.code.name for r in results if isinstance(r, InputFailure)] == ["E002"]
