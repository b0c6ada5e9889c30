"""Ingest: read inputs, skip those already stored, analyse the rest, store them batch by batch.

An input already in the store is recognised by a hash of its raw text and metadata before
any analysis, so re-running an ingest over the same files costs only reading and hashing.
Each batch is one transaction (:meth:`Store.add`); a process killed at any point leaves
whole batches only, and running the same ingest again completes the database to exactly
what an uninterrupted run gives.
"""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict, deque
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from newsgraph.ingest import InputFailure, RawArticle, read_paths
from newsgraph.ingest.readers import SkipHandler
from newsgraph.pipeline import Pipeline
from newsgraph.records import Document
from newsgraph.store.base import IngestReport, Store

#: Articles per transaction: large enough that commits cost nothing next to analysis, small
#: enough that an interrupted run loses little work.
DEFAULT_BATCH_SIZE = 64


def raw_hash(raw: RawArticle, published: str | None = None) -> str:
    """Hash of an input as read: its text and the metadata that changes the analysis."""
    parts = [raw.text, raw.id, raw.title, raw.title_in_text, raw.url, raw.author, published or raw.published]
    parts.extend(raw.captions)
    return hashlib.sha256(json.dumps(parts, ensure_ascii=False).encode()).hexdigest()[:32]


def ingest(
    store: Store,
    inputs: Iterable[str | Path | RawArticle | InputFailure],
    *,
    pipeline: Pipeline | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
    published: str | None = None,
    on_error: Callable[[InputFailure], None] | None = None,
    on_progress: Callable[[int], None] | None = None,
    on_skip: SkipHandler | None = None,
    report: IngestReport | None = None,
) -> IngestReport:
    """Analyse and store ``inputs`` (paths as for ``newsgraph extract``, or raw articles).

    ``on_error`` gets each input that could not be read or analysed (the ingest goes on);
    ``on_progress(n)`` is called as ``n`` more inputs are done (stored, skipped or failed);
    ``on_skip(path, reason)`` gets each file that is not read (not an article, newsgraph's output).
    A fault of the store (:class:`~newsgraph.errors.StoreError`: disk full, read-only, locked)
    stops the ingest; ``report``, when given, then holds what the committed batches stored.
    """
    pipeline = pipeline or Pipeline()
    report = report if report is not None else IngestReport()
    progress = on_progress or (lambda n: None)
    pending: dict[str, deque[str]] = defaultdict(deque)
    seen: set[str] = set()

    def fail(failure: InputFailure) -> None:
        queue = pending.get(failure.source)
        if queue:
            queue.popleft()
        report.failed += 1
        progress(1)
        if on_error is not None:
            on_error(failure)

    def new_articles() -> Iterator[RawArticle | InputFailure]:
        for item in _raw_articles(inputs, pipeline.config.max_chars, on_skip):
            if isinstance(item, InputFailure):
                yield item
                continue
            digest = raw_hash(item, published)
            if digest in seen or store.has_input(digest):
                report.skipped += 1
                progress(1)
                continue
            seen.add(digest)
            pending[item.source].append(digest)
            yield item

    batch: list[Document] = []
    hashes: list[str] = []

    def flush() -> None:
        # Inputs another writer stored meanwhile come back as skipped: counted here only.
        report.merge(store.add(batch, hashes))
        progress(len(batch))
        batch.clear()
        hashes.clear()

    for document in pipeline.analyze_many(new_articles(), published=published, on_error=fail):
        batch.append(document)
        hashes.append(pending[document.source or ""].popleft())
        if len(batch) >= batch_size:
            flush()
    if batch:
        flush()
    return report


def _raw_articles(
    inputs: Iterable[str | Path | RawArticle | InputFailure], max_chars: int, on_skip: SkipHandler | None
) -> Iterator[RawArticle | InputFailure]:
    for item in inputs:
        if isinstance(item, RawArticle | InputFailure):
            yield item
        else:
            yield from read_paths([item], max_chars, on_skip)
