"""The embedded backend: one SQLite file, WAL journal, foreign keys, FTS5 full-text search."""

from __future__ import annotations

import contextlib
import os
import re
import sqlite3
from collections.abc import Iterator
from pathlib import Path

from newsgraph.errors import ErrorCode, NewsgraphError, StoreError
from newsgraph.store.base import DEFAULT_LOCK_TIMEOUT, Row, Store
from newsgraph.store.schema import MIGRATIONS, Dialect

_WORD = re.compile(r"\w+")


def fts_query(text: str) -> str:
    """An FTS5 query requiring every word of ``text``; user text never reaches FTS5 syntax."""
    return " ".join(f'"{word}"' for word in _WORD.findall(text))


class SQLiteStore(Store):
    """A knowledge base in one SQLite file (``:memory:`` for a throwaway one)."""

    dialect: Dialect = "sqlite"

    def __init__(
        self, path: str | Path, *, read_only: bool = False, lock_timeout: float = DEFAULT_LOCK_TIMEOUT
    ) -> None:
        self.path = str(path)
        self.url = f"sqlite:///{self.path}"
        self.lock_timeout = lock_timeout
        if read_only:
            self._open_reader()
            return
        try:
            if self.path != ":memory:":
                Path(self.path).parent.mkdir(parents=True, exist_ok=True)
            # Autocommit mode: transactions are explicit (BEGIN IMMEDIATE), one per batch.
            connection = sqlite3.connect(self.path, isolation_level=None, timeout=lock_timeout, check_same_thread=False)
            super().__init__(connection)
            connection.execute("PRAGMA foreign_keys = ON")
            if self.path != ":memory:":
                # WAL: readers never block the writer, and a killed writer leaves a consistent file.
                connection.execute("PRAGMA journal_mode = WAL")
                # NORMAL is durable up to the last checkpoint and never corrupts under WAL; FULL would
                # fsync every commit for little gain here, since a lost last batch is re-ingested.
                connection.execute("PRAGMA synchronous = NORMAL")
        except (sqlite3.Error, OSError) as exc:
            raise self._fault(exc) from None
        self.migrate()
        self._check_writable()

    def _check_writable(self) -> None:
        """Fail now, before any analysis, when the file takes no writes (SQLite opens it anyway)."""
        with self.transaction():
            self.execute("UPDATE schema_version SET version = version WHERE 1 = 0")

    def _open_reader(self) -> None:
        """A read-only connection to an existing file: no migration, no write lock ever taken.

        The web app opens one per worker thread, and queries open one when the file or its
        directory is read-only; memory-mapped reads and a larger page cache keep list pages fast.
        """
        path = Path(self.path).resolve()
        try:
            connection = sqlite3.connect(
                f"{path.as_uri()}?mode=ro", uri=True, timeout=self.lock_timeout, check_same_thread=False
            )
            try:
                connection.execute("SELECT 1 FROM sqlite_master LIMIT 1").fetchall()
            except sqlite3.OperationalError:
                # A WAL database needs its -shm file, which a read-only directory cannot hold.
                # With no write-ahead log left to read, the file alone is the whole database.
                connection.close()
                wal = path.with_name(path.name + "-wal")
                if os.access(path.parent, os.W_OK) or (wal.exists() and wal.stat().st_size > 0):
                    raise
                connection = sqlite3.connect(f"{path.as_uri()}?immutable=1", uri=True, check_same_thread=False)
            super().__init__(connection)
            connection.execute("PRAGMA mmap_size = 268435456")
            connection.execute("PRAGMA cache_size = -32000")
            version = self.schema_version
        except (sqlite3.Error, OSError) as exc:
            raise self._fault(exc) from None
        if version < MIGRATIONS[-1].version:
            detail = f"its schema (version {version}) needs migrating, which a read-only file cannot take"
            raise StoreError(ErrorCode.E021, db=self.path, detail=detail)

    @contextlib.contextmanager
    def transaction(self) -> Iterator[None]:
        # IMMEDIATE takes the write lock at once, so two writers queue instead of deadlocking.
        try:
            self.connection.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            raise self._fault(exc) from None
        try:
            yield
            self.connection.execute("COMMIT")
        except BaseException as exc:
            # A failed COMMIT (disk full) may leave the transaction open: end it, so nothing of
            # the batch stays and the connection can go on.
            if self.connection.in_transaction:
                with contextlib.suppress(sqlite3.Error):
                    self.connection.execute("ROLLBACK")
            if isinstance(exc, sqlite3.Error):
                raise self._fault(exc) from None
            raise

    def _fault(self, exc: sqlite3.Error | OSError) -> NewsgraphError:
        """The numbered error an SQLite failure means to the user."""
        message = str(exc)
        name = getattr(exc, "sqlite_errorname", "") or ""
        if isinstance(exc, OSError):
            detail = exc.strerror or message
            if exc.errno in (13, 30):  # EACCES, EROFS
                return StoreError(ErrorCode.E019, db=self.path, detail=detail)
            return StoreError(ErrorCode.E021, db=self.path, detail=detail)
        if "disk is full" in message or name == "SQLITE_FULL":
            return StoreError(ErrorCode.E018, db=self.path, detail=message)
        if "readonly" in message or name.startswith("SQLITE_READONLY"):
            where = "its directory is not writable" if "DIRECTORY" in name else "the file is not writable"
            return StoreError(ErrorCode.E019, db=self.path, detail=where)
        if "locked" in message or name.startswith("SQLITE_BUSY"):
            return StoreError(ErrorCode.E020, db=self.path, seconds=self.lock_timeout)
        if "unable to open" in message or name.startswith("SQLITE_CANTOPEN"):
            parent = Path(self.path).resolve().parent
            if not os.access(parent, os.W_OK):
                return StoreError(ErrorCode.E019, db=self.path, detail="its directory is not writable")
        return StoreError(ErrorCode.E021, db=self.path, detail=message)

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
