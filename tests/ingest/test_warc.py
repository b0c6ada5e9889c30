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


@pytest.mark.parametrize("gzip", [False, True], ids=["warc", "warc.gz"])
@pytest.mark.parametrize("cut", [0.1, 0.5, 0.99], ids=["header", "middle", "last-bytes"])
def test_truncated_warc_says_how_many_records_were_read(tmp_path, data_dir, gzip, cut):
    page = (data_dir / "harbour_bridge.html").read_bytes()
    path = tmp_path / ("crawl.warc.gz" if gzip else "crawl.warc")
    ends = []
    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=gzip)
        for n in range(5):
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
            payload = io.BytesIO(page.replace(b"Harbour", f"Harbour {n}".encode()))
            record = writer.create_warc_record(f"{URL}/{n}", "response", payload=payload, http_headers=headers)
            writer.write_record(record)
            ends.append(fh.tell())
    data = path.read_bytes()
    path.write_bytes(data[: ends[2] + int((ends[3] - ends[2]) * cut)])  # the 4th record breaks off

    # A gzip member cut in its last bytes still holds its whole record: 4 records are read.
    whole = 4 if gzip and cut > 0.9 else 3
    results = list(read_paths([path]))
    assert [type(r).__name__ for r in results] == ["RawArticle"] * whole + ["InputFailure"]
    assert [r.url for r in results[:whole]] == [f"{URL}/{n}" for n in range(whole)]
    failure = results[-1]
    assert failure.error.code.name == "E022"
    assert f"WARC file is truncated or corrupt after {whole} records" in failure.error.message
    assert "\n" not in failure.error.message


def test_whole_warc_has_no_truncation_failure(tmp_path, data_dir):
    page = (data_dir / "harbour_bridge.html").read_bytes()
    path = tmp_path / "crawl.warc.gz"
    _write_warc(path, [(f"{URL}/{n}", "text/html", page) for n in range(3)], gzip=True)
    assert [type(r).__name__ for r in read_paths([path])] == ["RawArticle"] * 3
