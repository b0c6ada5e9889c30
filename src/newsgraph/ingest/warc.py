"""WARC crawls (``.warc``, ``.warc.gz``): every HTML response record is one article."""

from __future__ import annotations

import gzip
import zlib
from collections.abc import Iterator
from typing import BinaryIO

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed
from warcio.recordloader import ArcWarcRecord

from newsgraph.errors import ErrorCode, InputError, NewsgraphError
from newsgraph.ingest.article import InputFailure, RawArticle
from newsgraph.ingest.decode import GZIP_MAGIC, decode_bytes
from newsgraph.ingest.html import article_from_html

WARC_MAGIC = b"WARC/"
_HTML_TYPES = ("text/html", "application/xhtml")


def read_warc_stream(
    stream: BinaryIO, source: str, max_chars: int, bytes_per_char: int
) -> Iterator[RawArticle | InputFailure]:
    """Stream a WARC file record by record; non-HTML and non-response records are skipped.

    A file that breaks off (a truncated download, a cut ``.warc.gz``) ends with an E022
    failure that says how many records were read: warcio itself reads a short last record,
    or stops at a broken gzip member, without a word.
    """
    limit = max_chars * bytes_per_char
    if not _starts_like_warc(stream):
        yield InputFailure(source, InputError(ErrorCode.E002, source, kind="not a WARC file"))
        return
    records = 0
    start = stream.tell()
    try:
        archive = ArchiveIterator(stream)
        for record in archive:
            if record.rec_type is None:  # warcio's reading of an unparseable header
                raise ArchiveLoadFailed("unreadable record header")
            result = _read_record(record, source, max_chars, limit)
            missing = _unread_bytes(record)
            if missing:
                detail = f"record {records + 1} lacks {missing:,} of its {record.length:,} bytes"
                yield _truncated(source, records, detail)
                return
            records += 1
            if result is not None:
                yield result
        # warcio ends quietly on a record header that breaks off, holding its first line.
        if (getattr(archive, "next_line", None) or b"").strip():
            yield _truncated(source, records, f"record {records + 1} breaks off in its header")
            return
        # ... and on a gzip member cut in its last bytes, after a whole record.
        broken = _gzip_breaks_off(stream, start)
        if broken:
            yield _truncated(source, records, broken)
    except ArchiveLoadFailed as exc:
        if records:
            yield _truncated(source, records, exc.msg)
        else:
            yield InputFailure(source, InputError(ErrorCode.E002, source, kind=f"corrupt WARC: {exc.msg}"))
    except Exception as exc:
        yield _truncated(source, records, f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__)


def _read_record(record: ArcWarcRecord, source: str, max_chars: int, limit: int) -> RawArticle | InputFailure | None:
    """The article of an HTML response record, its failure, or ``None`` for other records."""
    if record.rec_type != "response" or record.http_headers is None:
        return None
    content_type = (record.http_headers.get_header("Content-Type") or "").lower()
    if not content_type.startswith(_HTML_TYPES):
        return None
    url = record.rec_headers.get_header("WARC-Target-URI")
    where = f"{source} <{url}>"
    data = record.content_stream().read(limit + 1)
    try:
        if len(data) > limit:
            raise InputError(ErrorCode.E006, where, size=f"over {limit:,} bytes", limit=f"{max_chars:,} characters")
        html = decode_bytes(data, where)
        return article_from_html(html, where, max_chars=max_chars, url=url)
    except NewsgraphError as exc:
        return InputFailure(where, exc.with_source(where))


def _unread_bytes(record: ArcWarcRecord) -> int:
    """Bytes of the record's declared length the file does not hold (0 for a whole record)."""
    raw = record.raw_stream
    while raw.read(1 << 16):
        pass
    return int(getattr(raw, "limit", 0) or 0)


def _gzip_breaks_off(stream: BinaryIO, start: int) -> str | None:
    """What is wrong with a gzipped stream's members (cut short, bad checksum), ``None`` when
    whole or not gzipped. Decompressing again costs little next to analysing the articles."""
    stream.seek(start)
    if stream.read(2) != GZIP_MAGIC:
        return None
    stream.seek(start)
    member, fed = zlib.decompressobj(wbits=31), False
    try:
        while chunk := stream.read(1 << 20):
            while chunk:
                fed = True
                member.decompress(chunk, 1 << 20)  # output bounded and dropped: only the framing counts
                chunk = member.unconsumed_tail
                if member.eof:
                    chunk = member.unused_data
                    member, fed = zlib.decompressobj(wbits=31), False
    except zlib.error as exc:
        return f"corrupt gzip data: {exc}"
    return "the last gzip member breaks off" if fed and not member.eof else None


def _truncated(source: str, records: int, detail: str) -> InputFailure:
    error = InputError(ErrorCode.E022, source, kind="WARC file", count=records, detail=detail)
    return InputFailure(source, error)


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
