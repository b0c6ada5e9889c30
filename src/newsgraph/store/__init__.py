"""The knowledge base: analysed articles, their facts and cross-article links, in SQL.

``open_store(url)`` opens (and creates or migrates) a store: ``None`` or a path or
``sqlite:///path`` for the embedded SQLite file (default ``newsgraph.db``), ``postgresql://…``
for a PostgreSQL server. Both backends share the schema (:mod:`.schema`), the behaviour
(:class:`.base.Store`) and the queries (:mod:`.queries`).
"""

from __future__ import annotations

from pathlib import Path

from newsgraph.store.base import DEFAULT_LOCK_TIMEOUT, IngestReport, Store

DEFAULT_DB = "newsgraph.db"

__all__ = ["DEFAULT_DB", "IngestReport", "Store", "open_store"]


def sqlite_path(url: str | Path | None = None) -> Path | None:
    """The file an SQLite ``url`` names (a path or ``sqlite:///PATH``), ``None`` for other databases."""
    text = str(url) if url is not None else DEFAULT_DB
    if text.startswith("sqlite:///"):
        text = text[len("sqlite:///") :]
    elif "://" in text:
        return None
    return Path(text or DEFAULT_DB)


def open_store(
    url: str | Path | None = None, *, read_only: bool = False, lock_timeout: float = DEFAULT_LOCK_TIMEOUT
) -> Store:
    """Open the store at ``url``, creating or migrating its schema.

    ``read_only`` opens an existing store for queries only: no migration, no lock, no file
    written (a read-only SQLite file or directory, a read-only PostgreSQL role). A writer waits
    up to ``lock_timeout`` seconds for another writer's transaction. Faults raise
    :class:`~newsgraph.errors.StoreError`: E018 disk full, E019 read-only, E020 locked, E021 other.
    """
    text = str(url) if url is not None else DEFAULT_DB
    if text.startswith(("postgresql://", "postgres://")):
        from newsgraph.store.postgres import PostgresStore  # psycopg is an optional dependency

        return PostgresStore(text, read_only=read_only, lock_timeout=lock_timeout)
    if text.startswith("sqlite:///"):
        text = text[len("sqlite:///") :]
    elif "://" in text:
        raise ValueError(f"unsupported database URL {text!r}: use a path, sqlite:///PATH or postgresql://...")
    from newsgraph.store.sqlite import SQLiteStore

    return SQLiteStore(text or DEFAULT_DB, read_only=read_only, lock_timeout=lock_timeout)
