"""Ingest: bytes, files, streams and records to :class:`RawArticle`."""

from newsgraph.ingest.article import InputFailure, RawArticle, content_id, normalise_date
from newsgraph.ingest.decode import decode_bytes, sniff_format
from newsgraph.ingest.language import check_english, detect_language
from newsgraph.ingest.readers import (
    ReadResult,
    article_from_html,
    article_from_record,
    article_from_text,
    read_bytes,
    read_file,
    read_paths,
    read_stream,
)

__all__ = [
    "InputFailure",
    "RawArticle",
    "ReadResult",
    "article_from_html",
    "article_from_record",
    "article_from_text",
    "check_english",
    "content_id",
    "decode_bytes",
    "detect_language",
    "normalise_date",
    "read_bytes",
    "read_file",
    "read_paths",
    "read_stream",
    "sniff_format",
]
