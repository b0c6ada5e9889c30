"""Readers over bytes a Spark task was handed: the same articles a local run reads from the file.

A local run opens files itself (:func:`newsgraph.ingest.readers.read_file`); in Spark the
``binaryFile`` source hands each task a file's bytes from any Hadoop-compatible filesystem, so
the choice of reader by file name is made here again, over those bytes.
"""

from __future__ import annotations

import gzip
import io
import zlib
from collections.abc import Iterator, Mapping
from pathlib import PurePosixPath
from typing import Any

from newsgraph.errors import ErrorCode, InputError, NewsgraphError
from newsgraph.ingest import InputFailure, RawArticle
from newsgraph.ingest.decode import GZIP_MAGIC
from newsgraph.ingest.readers import (
    BYTES_PER_CHAR_LIMIT,
    PUBLISHED_KEYS,
    SUFFIX_FORMATS,
    article_from_record,
    read_bytes,
    read_jsonl_lines,
)
from newsgraph.ingest.warc import read_warc_stream

#: Columns of a Parquet input read as article fields (the fields of a JSON Lines record).
RECORD_FIELDS: tuple[str, ...] = ("id", "text", "html", "title", "url", "author", *PUBLISHED_KEYS)


def read_blob(data: bytes, source: str, max_chars: int = 1_000_000) -> Iterator[RawArticle | InputFailure]:
    """The articles of one input file's bytes; ``source`` names it (its suffix picks the reader)."""
    name = PurePosixPath(source).name
    if name.lower().endswith(".gz"):
        name = name[:-3]
    suffix = PurePosixPath(name).suffix.lower()
    fmt = SUFFIX_FORMATS.get(suffix)
    try:
        if fmt == "jsonl" and suffix != ".json":
            stream = gzip.GzipFile(fileobj=io.BytesIO(data)) if data.startswith(GZIP_MAGIC) else io.BytesIO(data)
            yield from read_jsonl_lines(stream, source, max_chars)
            return
        if fmt == "warc":
            yield from read_warc_stream(io.BytesIO(data), source, max_chars, BYTES_PER_CHAR_LIMIT)
            return
        if len(data) > max_chars * BYTES_PER_CHAR_LIMIT:
            raise InputError(ErrorCode.E006, source, size=f"{len(data):,} bytes", limit=f"{max_chars:,} characters")
    except NewsgraphError as exc:
        yield InputFailure(source, exc.with_source(source))
        return
    except (OSError, EOFError, zlib.error):
        yield InputFailure(source, InputError(ErrorCode.E002, source, kind="corrupt gzip data"))
        return
    yield from read_bytes(data, source, fmt, max_chars)


def record_article(item: Mapping[str, Any], source: str, max_chars: int = 1_000_000) -> RawArticle | InputFailure:
    """One Parquet row with JSON Lines fields (``id``, ``text`` or ``html``, ``title``...)."""
    try:
        return article_from_record(item, source, max_chars)
    except NewsgraphError as exc:
        return InputFailure(source, exc.with_source(source))
