"""The server backend: PostgreSQL through psycopg 3, same schema and behaviour as SQLite.

Full-text search uses generated ``tsvector`` columns with GIN indexes (English configuration),
so inserts need no separate index writes. Writers serialise on a transaction-scoped advisory
lock: batches from several ingest processes interleave whole, and each process notices the
others' commits and reloads its cross-article state.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

import psycopg

from newsgraph.store.base import Row, Store
from newsgraph.store.schema import Dialect

#: Advisory lock key that newsgraph writers take for each write transaction.
_WRITE_LOCK = 0x6E657773  # "news"


class PostgresStore(Store):
    """A knowledge base in a PostgreSQL database (``postgresql://user@host/dbname``)."""

    dialect: Dialect = "postgres"

    def __init__(self, url: str) -> None:
        self.url = url
        # Autocommit outside explicit transactions: reads never hold a transaction open.
        super().__init__(psycopg.connect(url, autocommit=True))
        self.migrate()

    def _sql(self, sql: str) -> str:
        # Queries are written with "?" and never contain a literal "%" (patterns are parameters).
        return sql.replace("?", "%s")

    @contextlib.contextmanager
    def transaction(self) -> Iterator[None]:
        with self.connection.transaction():
            self.connection.execute("SELECT pg_advisory_xact_lock(%s)", (_WRITE_LOCK,))
            yield

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
