"""The embedded backend: one SQLite file, WAL journal, foreign keys, FTS5 full-text search."""

from __future__ import annotations

import contextlib
import re
import sqlite3
from collections.abc import Iterator
from pathlib import Path

from newsgraph.store.base import Row, Store
from newsgraph.store.schema import Dialect

_WORD = re.compile(r"\w+")


def fts_query(text: str) -> str:
    """An FTS5 query requiring every word of ``text``; user text never reaches FTS5 syntax."""
    return " ".join(f'"{word}"' for word in _WORD.findall(text))


class SQLiteStore(Store):
    """A knowledge base in one SQLite file (``:memory:`` for a throwaway one)."""

    dialect: Dialect = "sqlite"

    def __init__(self, path: str | Path, *, read_only: bool = False) -> None:
        self.path = str(path)
        self.url = f"sqlite:///{self.path}"
        if read_only:
            self._open_reader()
            return
        if self.path != ":memory:":
            Path(self.path).parent.mkdir(parents=True, exist_ok=True)
        # Autocommit mode: transactions are explicit (BEGIN IMMEDIATE), one per batch.
        connection = sqlite3.connect(self.path, isolation_level=None, timeout=60.0, check_same_thread=False)
        super().__init__(connection)
        connection.execute("PRAGMA foreign_keys = ON")
        if self.path != ":memory:":
            # WAL: readers never block the writer, and a killed writer leaves a consistent file.
            connection.execute("PRAGMA journal_mode = WAL")
            # NORMAL is durable up to the last checkpoint and never corrupts under WAL; FULL would
            # fsync every commit for little gain here, since a lost last batch is re-ingested.
            connection.execute("PRAGMA synchronous = NORMAL")
        self.migrate()

    def _open_reader(self) -> None:
        """A read-only connection to an existing file: no migration, no write lock ever taken.

        The web app opens one per worker thread; memory-mapped reads and a larger page cache
        keep its list pages fast.
        """
        uri = f"{Path(self.path).resolve().as_uri()}?mode=ro"
        connection = sqlite3.connect(uri, uri=True, timeout=60.0, check_same_thread=False)
        super().__init__(connection)
        connection.execute("PRAGMA mmap_size = 268435456")
        connection.execute("PRAGMA cache_size = -32000")

    @contextlib.contextmanager
    def transaction(self) -> Iterator[None]:
        # IMMEDIATE takes the write lock at once, so two writers queue instead of deadlocking.
        self.connection.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self.connection.execute("ROLLBACK")
            raise
        self.connection.execute("COMMIT")

    def _write_search_index(self, articles: list[Row], quotes: list[Row]) -> None:
        cursor = self.connection.cursor()
        cursor.executemany(
            "INSERT INTO articles_fts (article_id, title, text) VALUES (?, ?, ?)",
            [(a["id"], a["title"], a["text"]) for a in articles],
        )
        cursor.executemany(
            "INSERT INTO quotes_fts (article_id, pos, speaker, text) VALUES (?, ?, ?, ?)",
            [(q["article_id"], q["pos"], q["speaker"], q["text"]) for q in quotes],
        )

    def search(self, text: str, limit: int = 20) -> list[Row]:
        query = fts_query(text)
        if not query:
            return []
        return self.fetch(
            "SELECT f.article_id, a.title, a.url, a.published, a.duplicate_of,"
            " snippet(articles_fts, 2, '[', ']', '…', 16) AS snippet, bm25(articles_fts) AS score"
            " FROM articles_fts f JOIN articles a ON a.id = f.article_id"
            " WHERE articles_fts MATCH ? ORDER BY score, a.seq LIMIT ?",
            (query, limit),
        )

    def search_quotes(self, text: str) -> set[tuple[str, int]]:
        query = fts_query(text)
        if not query:
            return set()
        rows = self.connection.execute("SELECT article_id, pos FROM quotes_fts WHERE quotes_fts MATCH ?", (query,))
        return {(article_id, int(pos)) for article_id, pos in rows}
