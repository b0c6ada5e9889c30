"""WARC crawls (``.warc``, ``.warc.gz``): every HTML response record is one article."""

from __future__ import annotations

import gzip
import zlib
from collections.abc import Iterator
from typing import BinaryIO

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from newsgraph.errors import ErrorCode, InputError, NewsgraphError
from newsgraph.ingest.article import InputFailure, RawArticle
from newsgraph.ingest.decode import GZIP_MAGIC, decode_bytes
from newsgraph.ingest.html import article_from_html

WARC_MAGIC = b"WARC/"
_HTML_TYPES = ("text/html", "application/xhtml")


def read_warc_stream(
    stream: BinaryIO, source: str, max_chars: int, bytes_per_char: int
) -> Iterator[RawArticle | InputFailure]:
    """Stream a WARC file record by record; non-HTML and non-response records are skipped."""
    limit = max_chars * bytes_per_char
    if not _starts_like_warc(stream):
        yield InputFailure(source, InputError(ErrorCode.E002, source, kind="not a WARC file"))
        return
    try:
        for record in ArchiveIterator(stream):
            if record.rec_type is None:  # warcio's reading of an unparseable header
                raise ArchiveLoadFailed("unreadable record header")
            if record.rec_type != "response" or record.http_headers is None:
                continue
            content_type = (record.http_headers.get_header("Content-Type") or "").lower()
            if not content_type.startswith(_HTML_TYPES):
                continue
            url = record.rec_headers.get_header("WARC-Target-URI")
            where = f"{source} <{url}>"
            data = record.content_stream().read(limit + 1)
            try:
                if len(data) > limit:
                    raise InputError(
                        ErrorCode.E006, where, size=f"over {limit:,} bytes", limit=f"{max_chars:,} characters"
                    )
                html = decode_bytes(data, where)
                yield article_from_html(html, where, max_chars=max_chars, url=url)
            except NewsgraphError as exc:
                yield InputFailure(where, exc.with_source(where))
    except ArchiveLoadFailed as exc:
        yield InputFailure(source, InputError(ErrorCode.E002, source, kind=f"corrupt WARC: {exc.msg}"))


def _starts_like_warc(stream: BinaryIO) -> bool:
    """Whether a seekable stream begins with a WARC record, plain or gzipped.

    warcio is lenient and reads arbitrary text as records, so the check is made here.
    """
    start = stream.tell()
    head = stream.read(2)
    stream.seek(start)
    if head == GZIP_MAGIC:
        try:
            with gzip.GzipFile(fileobj=stream) as unpacked:
                head = unpacked.read(len(WARC_MAGIC))
        except (OSError, EOFError, zlib.error):
            head = b""
        stream.seek(start)
    else:
        head = stream.read(len(WARC_MAGIC))
        stream.seek(start)
    return head == WARC_MAGIC
