"""What the web app holds across requests: read connections, the writer, the lazy pipeline."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from newsgraph.errors import ErrorCode, StoreError
from newsgraph.store import open_store, sqlite_path

if TYPE_CHECKING:
    from newsgraph.pipeline import Pipeline
    from newsgraph.records import Document
    from newsgraph.store.base import IngestReport, Store

#: Hosts a server may listen on without an API token for writes.
LOCAL_HOSTS = frozenset({"127.0.0.1", "::1", "localhost"})


class AppState:
    """One per app. Reads go through a store per worker thread (SQLite connections and
    psycopg connections are not to be shared between threads); writes and analyses go
    through one writer and one pipeline, each behind a lock, since spaCy's models and the
    store's cross-article state are not thread-safe.
    """

    def __init__(
        self, db: str | None, *, token: str | None = None, host: str = "127.0.0.1", pipeline: Pipeline | None = None
    ) -> None:
        self.db = db
        self.token = token or None
        self.local = host in LOCAL_HOSTS
        self.sqlite = sqlite_path(db)
        # Create or migrate the database once, up front; readers then open it read-only.
        #: Why writes are refused (a read-only knowledge base is served for reading), else None.
        self.read_only: StoreError | None = None
        self._writer: Store | None = None
        try:
            self._writer = open_store(db)
        except StoreError as exc:
            if exc.code is not ErrorCode.E019:
                raise
            self.read_only = exc
        self._readers = threading.local()
        self._all_readers: list[Store] = []
        self._write_lock = threading.Lock()
        self._pipeline: Pipeline | None = pipeline
        self._pipeline_lock = threading.Lock()
        self._readers_lock = threading.Lock()

    @property
    def writes_allowed_without_token(self) -> bool:
        return self.local and self.token is None

    def reader(self) -> Store:
        store = getattr(self._readers, "store", None)
        if store is None:
            if self.sqlite is not None:
                from newsgraph.store.sqlite import SQLiteStore

                store = SQLiteStore(self.sqlite, read_only=True)
            else:
                store = open_store(self.db, read_only=True)
            self._readers.store = store
            with self._readers_lock:
                self._all_readers.append(store)
        return store

    @property
    def pipeline(self) -> Pipeline:
        # The model loads on the first analysis only: a read-only server never loads spaCy.
        with self._pipeline_lock:
            if self._pipeline is None:
                from newsgraph.pipeline import Pipeline

                self._pipeline = Pipeline()
            return self._pipeline

    @contextmanager
    def analysing(self) -> Iterator[Pipeline]:
        pipeline = self.pipeline
        with self._pipeline_lock:
            yield pipeline

    def analyze(self, item: dict[str, Any]) -> tuple[list[Document], list[Any]]:
        failures: list[Any] = []
        with self.analysing() as pipeline:
            docs = list(pipeline.analyze_many([item], on_error=failures.append))
        return docs, failures

    def ingest(self, raws: list[Any]) -> tuple[IngestReport, list[Any], list[str | None]]:
        """Store raw articles through the CLI's idempotent ingest; the stored id of each input."""
        from newsgraph.store.ingest import ingest, raw_hash

        failures: list[Any] = []
        with self._write_lock:
            if self._writer is None:
                raise self.read_only or StoreError(ErrorCode.E021, db=self.db, detail="the server is closing")
            with self.analysing() as pipeline:
                report = ingest(self._writer, raws, pipeline=pipeline, on_error=failures.append)
            ids = []
            for raw in raws:
                row = self._writer.fetchone(
                    "SELECT article_id FROM article_sources WHERE raw_hash = ?", (raw_hash(raw),)
                )
                ids.append(row["article_id"] if row else None)
        return report, failures, ids

    def close(self) -> None:
        with self._readers_lock:
            for store in self._all_readers:
                store.close()
            self._all_readers.clear()
        if self._writer is not None:
            self._writer.close()
            self._writer = None
