"""The server backend: PostgreSQL through psycopg 3, same schema and behaviour as SQLite.

Full-text search uses generated ``tsvector`` columns with GIN indexes (English configuration),
so inserts need no separate index writes. Writers serialise on a transaction-scoped advisory
lock: batches from several ingest processes interleave whole, and each process notices the
others' commits and reloads its cross-article state.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterator

import psycopg

from newsgraph.errors import ErrorCode, NewsgraphError, StoreError
from newsgraph.store.base import DEFAULT_LOCK_TIMEOUT, Row, Store
from newsgraph.store.schema import MIGRATIONS, Dialect

#: Advisory lock key that newsgraph writers take for each write transaction.
_WRITE_LOCK = 0x6E657773  # "news"


class PostgresStore(Store):
    """A knowledge base in a PostgreSQL database (``postgresql://user@host/dbname``)."""

    dialect: Dialect = "postgres"

    def __init__(self, url: str, *, read_only: bool = False, lock_timeout: float = DEFAULT_LOCK_TIMEOUT) -> None:
        self.url = url
        self.lock_timeout = lock_timeout
        try:
            # Autocommit outside explicit transactions: reads never hold a transaction open.
            super().__init__(psycopg.connect(url, autocommit=True))
            if read_only:
                version = self.schema_version if self._has_schema() else 0
            else:
                self.migrate()
                self._check_writable()
        except psycopg.Error as exc:
            raise self._fault(exc) from None
        if read_only and version < MIGRATIONS[-1].version:
            detail = f"its schema (version {version}) needs migrating, which a read-only database cannot take"
            raise StoreError(ErrorCode.E021, db=self._name, detail=detail)

    @property
    def _name(self) -> str:
        """The URL without a password, for messages."""
        return re.sub(r"://([^:@/]*):[^@/]*@", r"://\1@", self.url)

    def _has_schema(self) -> bool:
        return bool(self.scalar("SELECT to_regclass('schema_version') IS NOT NULL"))

    def _check_writable(self) -> None:
        """Fail now, before any analysis, on a read-only server or a role that may not insert."""
        if self.scalar("SHOW transaction_read_only") == "on":
            raise StoreError(ErrorCode.E019, db=self._name, detail="the server takes read-only transactions only")
        if not self.scalar("SELECT has_table_privilege('articles', 'INSERT')"):
            raise StoreError(ErrorCode.E019, db=self._name, detail="this role may not insert into its tables")

    def _fault(self, exc: psycopg.Error) -> NewsgraphError:
        """The numbered error a PostgreSQL failure means to the user (by SQLSTATE)."""
        state = exc.sqlstate or ""
        detail = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        if state == "53100":  # disk_full
            return StoreError(ErrorCode.E018, db=self._name, detail=detail)
        if state in ("25006", "42501"):  # read_only_sql_transaction, insufficient_privilege
            return StoreError(ErrorCode.E019, db=self._name, detail=detail)
        if state == "55P03":  # lock_not_available
            return StoreError(ErrorCode.E020, db=self._name, seconds=self.lock_timeout)
        return StoreError(ErrorCode.E021, db=self._name, detail=detail)

    def _sql(self, sql: str) -> str:
        # Queries are written with "?" and never contain a literal "%" (patterns are parameters).
        return sql.replace("?", "%s")

    @contextlib.contextmanager
    def transaction(self) -> Iterator[None]:
        try:
            with self.connection.transaction():
                # The wait for another writer's lock is bounded, then E020 (lock_not_available).
                self.connection.execute(f"SET LOCAL lock_timeout = {max(1, int(self.lock_timeout * 1000))}")
                self.connection.execute("SELECT pg_advisory_xact_lock(%s)", (_WRITE_LOCK,))
                yield
        except psycopg.Error as exc:
            raise self._fault(exc) from None

    def search(self, text: str, limit: int = 20) -> list[Row]:
        if not text.strip():
            return []
        return self.fetch(
            "SELECT a.id AS article_id, a.title, a.url, a.published, a.duplicate_of,"
            " ts_headline('english', a.text, q, 'StartSel=[, StopSel=], MinWords=8, MaxWords=16') AS snippet,"
            " ts_rank(a.tsv, q) AS score FROM articles a, plainto_tsquery('english', ?) q"
            " WHERE a.tsv @@ q ORDER BY score DESC, a.seq LIMIT ?",
            (text, limit),
        )

    def search_quotes(self, text: str) -> set[tuple[str, int]]:
        if not text.strip():
            return set()
        rows = self.connection.execute(
            "SELECT article_id, pos FROM quotes WHERE tsv @@ plainto_tsquery('english', %s)", (text,)
        )
        return {(article_id, int(pos)) for article_id, pos in rows}
