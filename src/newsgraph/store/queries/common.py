"""What the queries share: story grouping, source entries with offsets in both texts."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from typing import Any

from newsgraph.records import OffsetMap
from newsgraph.store.base import Row, Store

Item = dict[str, Any]

STORY = "COALESCE(a.duplicate_of, a.id)"
ARTICLE_COLUMNS = f"a.seq, a.doc_id, a.title, a.url, a.published, a.source AS article_source, {STORY} AS story"
SPACE = re.compile(r"\s+")


#: After ``LIKE ?``: the pattern's backslash escapes the wildcards (SQLite has no default escape).
ESCAPE = " ESCAPE '\\'"


def like_escaped(text: str) -> str:
    """``text`` for a LIKE pattern that matches it literally: ``%`` and ``_`` are no wildcards."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def in_list(values: Sequence[Any]) -> str:
    return "(" + ", ".join("?" for _ in values) + ")"


class Sources:
    """Builds source entries, mapping cleaned-text offsets to the ingested text."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self._maps: dict[str, OffsetMap] = {}
        self._texts: dict[str, tuple[str, list[tuple[int, int]]]] = {}

    def offsets(self, article_id: str) -> OffsetMap:
        if article_id not in self._maps:
            layout = self.store.scalar("SELECT layout FROM articles WHERE id = ?", (article_id,))
            segments = json.loads(layout)["offset_map"] if layout else []
            self._maps[article_id] = OffsetMap([tuple(s) for s in segments])
        return self._maps[article_id]

    def sentence(self, article_id: str, offset: int) -> str:
        """The sentence of the cleaned text around ``offset``."""
        if article_id not in self._texts:
            (row,) = self.store.fetch("SELECT text, layout FROM articles WHERE id = ?", (article_id,))
            spans = [(s["start"], s["end"]) for s in json.loads(row["layout"] or "{}").get("sentences", [])]
            self._texts[article_id] = (row["text"], spans)
        text, spans = self._texts[article_id]
        start, end = next(((a, b) for a, b in spans if a <= offset < b), (offset, offset))
        return text[start:end]

    def entry(self, row: Row) -> Item:
        start, end = row["start_char"], row["end_char"]
        source_start, source_end = self.offsets(row["article_id"]).span_to_source(start, end)
        return {
            "article_id": row["article_id"],
            # The id ``newsgraph extract`` gives the same input: the stored id hashes the cleaned
            # text, so that copies of one text from several inputs are one article.
            "input_id": row["doc_id"],
            "title": row["title"],
            "url": row["url"],
            "published": row["published"],
            "source": row["article_source"],
            "start": start,
            "end": end,
            "source_start": source_start,
            "source_end": source_end,
        }


def norm(text: str) -> str:
    return SPACE.sub(" ", text.replace("’", "'").replace("“", '"').replace("”", '"')).strip().lower()


def group(rows: Iterable[Row], key: Any, sources: Sources) -> list[tuple[Row, list[Item]]]:
    """Rows grouped per story and ``key(row)``, in first-seen order, with all their sources."""
    groups: dict[Any, tuple[Row, list[Item]]] = {}
    for row in rows:
        k = (row["story"], key(row))
        if k not in groups:
            groups[k] = (row, [])
        groups[k][1].append(sources.entry(row))
    return list(groups.values())
