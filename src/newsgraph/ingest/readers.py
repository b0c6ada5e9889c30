"""One reader per input format; all yield :class:`RawArticle` or :class:`InputFailure`."""

from __future__ import annotations

import gzip
import io
import json
import re
import sys
import zlib
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any, BinaryIO

from newsgraph.errors import ErrorCode, InputError, NewsgraphError
from newsgraph.ingest.article import (
    InputFailure,
    RawArticle,
    check_size,
    looks_like_headline,
    normalise_date,
    same_words,
)
from newsgraph.ingest.decode import GZIP_MAGIC, Format, decode_bytes, sniff_format
from newsgraph.ingest.html import article_from_html
from newsgraph.ingest.warc import WARC_MAGIC, read_warc_stream

ReadResult = RawArticle | InputFailure

SUFFIX_FORMATS: dict[str, Format] = {
    ".txt": "text",
    ".text": "text",
    ".md": "text",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "jsonl",
    ".warc": "warc",
}
#: Raw bytes read per character allowed: HTML markup is many times its text.
BYTES_PER_CHAR_LIMIT = 50
PUBLISHED_KEYS = ("published", "date", "publication_date", "dct")
#: newsgraph's own error listings; a directory walk never reads them as articles.
ERRORS_SUFFIX = ".errors.jsonl"


#: Called with a path and the reason it is not read (not an article file, newsgraph's output).
SkipHandler = Callable[[str, str], None]
# newsgraph's own document records (extract's JSON and JSON Lines) begin with their schema version.
_DOCUMENT_RECORD = re.compile(rb'^\s*\[?\s*\{\s*"schema_version"\s*:')


def read_paths(
    paths: Iterable[str | Path], max_chars: int = 1_000_000, on_skip: SkipHandler | None = None
) -> Iterator[ReadResult]:
    """Read files, directories (recursively, sorted) and ``-`` (stdin).

    Files a directory holds that are not articles (other suffixes, hidden files, error
    listings), and newsgraph's own output files anywhere, are not read: ``on_skip`` gets each
    with the reason.
    """
    skip = on_skip or (lambda path, reason: None)
    for path in paths:
        if str(path) == "-":
            yield from read_stream(sys.stdin.buffer, "<stdin>", max_chars)
            continue
        path = Path(path)
        if path.is_dir():
            for child in sorted(p for p in path.rglob("*") if p.is_file()):
                reason = _not_an_article(child) or _newsgraph_output(child)
                if reason:
                    skip(str(child), reason)
                else:
                    yield from read_file(child, max_chars)
        elif path.exists():
            reason = _newsgraph_output(path)
            if reason:
                skip(str(path), reason)
            else:
                yield from read_file(path, max_chars)
        else:
            yield InputFailure(str(path), InputError(ErrorCode.E008, str(path)))


def _not_an_article(path: Path) -> str | None:
    if path.name.startswith("."):
        return "hidden file"
    if path.name.endswith(ERRORS_SUFFIX):
        return "newsgraph's list of failed articles"
    suffixes = path.suffixes[-2:]
    if suffixes and suffixes[-1] == ".gz":
        suffixes = suffixes[:-1]
    if not suffixes or suffixes[-1].lower() not in SUFFIX_FORMATS:
        return f"not an article file ({''.join(suffixes) or 'no suffix'}; reads {', '.join(SUFFIX_FORMATS)})"
    return None


def _newsgraph_output(path: Path) -> str | None:
    """Why ``path`` is newsgraph's own output (document records, not articles), else ``None``."""
    name = path.name[:-3] if path.name.lower().endswith(".gz") else path.name
    if SUFFIX_FORMATS.get(Path(name).suffix.lower()) != "jsonl":
        return None
    try:
        with _open_maybe_gzip(path) as fh:
            head = fh.read(256)
    except (OSError, EOFError, zlib.error):
        return None  # read_file reports the error
    if _DOCUMENT_RECORD.match(head.removeprefix(b"\xef\xbb\xbf")):
        return "newsgraph output (document records), not articles"
    return None


def read_file(path: Path, max_chars: int = 1_000_000) -> Iterator[ReadResult]:
    source = str(path)
    name = path.name[:-3] if path.name.lower().endswith(".gz") else path.name
    fmt = SUFFIX_FORMATS.get(Path(name).suffix.lower())
    try:
        if fmt == "jsonl" and Path(name).suffix.lower() != ".json":
            # Crawls come as JSON Lines or WARC of any size: stream them, limiting each record.
            yield from _stream_jsonl(path, source, max_chars)
            return
        if fmt == "warc":
            with path.open("rb") as fh:  # warcio reads plain and per-record gzipped WARC
                yield from read_warc_stream(fh, source, max_chars, BYTES_PER_CHAR_LIMIT)
            return
        size = path.stat().st_size
        if size > max_chars * BYTES_PER_CHAR_LIMIT:
            raise InputError(ErrorCode.E006, source, size=f"{size:,} bytes", limit=f"{max_chars:,} characters")
        data = path.read_bytes()
    except NewsgraphError as exc:
        yield InputFailure(source, exc.with_source(source))
        return
    except (OSError, EOFError, zlib.error) as exc:
        yield InputFailure(source, _os_error(source, exc))
        return
    yield from read_bytes(data, source, fmt, max_chars)


def _stream_jsonl(path: Path, source: str, max_chars: int) -> Iterator[ReadResult]:
    """JSON Lines from a file, plain or gzipped; a gzip stream that breaks off after some
    records ends with an E022 failure counting them (the records before it went through)."""
    records = 0
    try:
        with _open_maybe_gzip(path) as fh:
            for result in read_jsonl_lines(fh, source, max_chars):
                records += 1
                yield result
    except (EOFError, zlib.error, gzip.BadGzipFile) as exc:
        if not records:
            raise
        error = InputError(ErrorCode.E022, source, kind="gzip stream", count=records, detail=str(exc))
        yield InputFailure(source, error)


def _open_maybe_gzip(path: Path) -> BinaryIO:
    with path.open("rb") as probe:
        gzipped = probe.read(2) == GZIP_MAGIC
    return gzip.open(path, "rb") if gzipped else path.open("rb")  # type: ignore[return-value]


def _os_error(source: str, exc: BaseException) -> InputError:
    if isinstance(exc, OSError) and exc.strerror:
        return InputError(ErrorCode.E008, f"{source} ({exc.strerror})")
    return InputError(ErrorCode.E002, source, kind="corrupt gzip data")


def read_stream(stream: BinaryIO, source: str, max_chars: int = 1_000_000) -> Iterator[ReadResult]:
    limit = max_chars * BYTES_PER_CHAR_LIMIT
    data = stream.read(limit + 1)
    if len(data) > limit:
        error = InputError(ErrorCode.E006, source, size=f"over {limit:,} bytes", limit=f"{max_chars:,} characters")
        yield InputFailure(source, error)
        return
    yield from read_bytes(data, source, None, max_chars)


def read_bytes(data: bytes, source: str, fmt: Format | None, max_chars: int = 1_000_000) -> Iterator[ReadResult]:
    """Decompress, decode and parse one input's bytes; ``fmt=None`` sniffs the format."""
    try:
        packed = data
        if data.startswith(GZIP_MAGIC):
            data = _gunzip(data, source, max_chars * BYTES_PER_CHAR_LIMIT)
        if fmt == "warc" or data.startswith(WARC_MAGIC):
            yield from read_warc_stream(io.BytesIO(packed), source, max_chars, BYTES_PER_CHAR_LIMIT)
            return
        text = decode_bytes(data, source)
        fmt = fmt or sniff_format(text)
        if fmt == "jsonl":
            yield from read_jsonl_text(text, source, max_chars)
        elif fmt == "html":
            yield article_from_html(text, source, max_chars=max_chars)
        else:
            yield article_from_text(text, source, max_chars=max_chars)
    except NewsgraphError as exc:
        yield InputFailure(source, exc.with_source(source))


def _gunzip(data: bytes, source: str, limit: int) -> bytes:
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as fh:
            out = fh.read(limit + 1)
    except (OSError, EOFError, zlib.error):
        raise InputError(ErrorCode.E002, source, kind="corrupt gzip data") from None
    if len(out) > limit:
        raise InputError(ErrorCode.E006, source, size="over the byte limit once decompressed", limit=f"{limit:,} bytes")
    return out


def article_from_text(
    text: str,
    source: str,
    *,
    title: str | None = None,
    max_chars: int = 1_000_000,
    **meta: Any,
) -> RawArticle:
    """Plain text; its first line is the title when it looks like a headline."""
    check_size(text, source, max_chars)
    if not text.strip():
        raise InputError(ErrorCode.E001, source)
    first, _, rest = text.strip().partition("\n")
    first = first.strip()
    if title:
        # The title field and the text's first line often differ in spacing or symbols
        # ("US$7.2bn" / "US$7.2 bn"): compare letters and digits only.
        title_in_text = same_words(first, title)
    else:
        title_in_text = bool(rest.strip()) and looks_like_headline(first)
        title = first if title_in_text else None
    return RawArticle(text=text, source=source, title=title, title_in_text=title_in_text, **meta)


def read_jsonl_text(text: str, source: str, max_chars: int = 1_000_000) -> Iterator[ReadResult]:
    """JSON Lines (one article object per line), or one JSON object/array (a ``.json`` file)."""
    stripped = text.lstrip("\ufeff \t\r\n")
    if stripped.startswith("[") or (stripped.startswith("{") and "\n" in stripped.rstrip()):
        try:
            parsed = json.loads(stripped)
        except json.JSONDecodeError:
            parsed = None  # not one JSON value: read it as JSON Lines below
        if parsed is not None:
            items = parsed if isinstance(parsed, list) else [parsed]
            for index, item in enumerate(items, 1):
                yield _record_or_failure(item, f"{source}[{index}]" if len(items) > 1 else source, max_chars)
            return
    for lineno, line in enumerate(text.splitlines(), 1):
        if line.strip():
            yield _parse_line(line, f"{source}:{lineno}", max_chars)


def read_jsonl_lines(lines: Iterable[bytes], source: str, max_chars: int = 1_000_000) -> Iterator[ReadResult]:
    """Stream JSON Lines from a binary file; each line is decoded and checked on its own."""
    for lineno, raw in enumerate(lines, 1):
        if not raw.strip():
            continue
        where = f"{source}:{lineno}"
        try:
            line = decode_bytes(raw, where)
        except NewsgraphError as exc:
            yield InputFailure(where, exc)
            continue
        yield _parse_line(line, where, max_chars)


def _parse_line(line: str, where: str, max_chars: int) -> ReadResult:
    try:
        item = json.loads(line)
    except json.JSONDecodeError as exc:
        return InputFailure(where, InputError(ErrorCode.E007, where, detail=f"invalid JSON ({exc.msg})"))
    return _record_or_failure(item, where, max_chars)


def _record_or_failure(item: object, where: str, max_chars: int) -> ReadResult:
    try:
        if not isinstance(item, Mapping):
            raise InputError(ErrorCode.E007, where, detail="expected a JSON object")
        return article_from_record(item, where, max_chars)
    except NewsgraphError as exc:
        return InputFailure(where, exc.with_source(where))


def article_from_record(item: Mapping[str, Any], source: str, max_chars: int = 1_000_000) -> RawArticle:
    """A dict ``{"id", "text"|"html", "title", "published", "url", "author"}``."""
    text, html = item.get("text"), item.get("html")
    if not isinstance(text, str) and not isinstance(html, str):
        raise InputError(ErrorCode.E007, source, detail="needs a 'text' or 'html' string field")
    meta: dict[str, Any] = {}
    if item.get("id") is not None:
        meta["id"] = str(item["id"])
        source = f"{source} (id {item['id']})"
    for key in ("url", "author"):
        if isinstance(item.get(key), str):
            meta[key] = item[key]
    published = next((item[k] for k in PUBLISHED_KEYS if item.get(k)), None)
    if published is not None:
        meta["published"] = normalise_date(published, source)
        meta["published_from"] = "input"
    title = item.get("title") if isinstance(item.get("title"), str) else None
    if isinstance(text, str):
        return article_from_text(text, source, title=title, max_chars=max_chars, **meta)
    return article_from_html(html, source, max_chars=max_chars, title=title, **meta)  # type: ignore[arg-type]
