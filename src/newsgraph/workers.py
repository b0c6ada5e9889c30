"""Worker processes: the whole pipeline (clean, annotate, extract) in each, for ``n_process > 1``.

spaCy's own ``nlp.pipe(n_process=N)`` parallelises only the model: the Docs come back to the
parent, which still cleans and runs every extractor alone and becomes the bottleneck (see the
README's speed section for the measurement). Here each worker loads the model once and turns
chunks of raw articles into finished :class:`~newsgraph.records.Document` records, which are
plain dataclasses and cheap to send back. Chunks are submitted a few at a time, so a stream of
any length is read lazily and memory stays bounded; results come back in input order.
"""

from __future__ import annotations

import dataclasses
import itertools
import multiprocessing as mp
import os
from collections import deque
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from newsgraph.config import Config
from newsgraph.ingest import InputFailure, RawArticle
from newsgraph.records import Document

if TYPE_CHECKING:
    from newsgraph.pipeline import ErrorHandler, Pipeline

_WORKER: Pipeline | None = None
#: Chunks in flight per worker: enough that no worker waits for the parent.
_AHEAD = 2


def worker_count(n_process: int) -> int:
    """``n_process`` as a number of processes (``-1``: one per CPU, as in spaCy)."""
    return n_process if n_process > 0 else max(1, os.cpu_count() or 1)


def _start(config: Config) -> None:
    global _WORKER
    from newsgraph.pipeline import Pipeline

    _WORKER = Pipeline(dataclasses.replace(config, n_process=1))
    _WORKER.nlp  # noqa: B018 - load the model now, not with the first chunk
    if config.time_budget:
        _WORKER._warm_up()  # the extractors' dictionaries too, outside any article's budget


def _analyse(chunk: list[RawArticle], published: str | None) -> tuple[list[Document], list[InputFailure]]:
    assert _WORKER is not None
    failures: list[InputFailure] = []
    documents = list(_WORKER.analyze_many(chunk, published=published, on_error=failures.append))
    return documents, failures


class WorkerPool:
    """``n_process`` worker processes, each with the pipeline loaded; started once, reused per call."""

    def __init__(self, config: Config) -> None:
        self.config = config
        self.size = worker_count(config.n_process)
        # "spawn": a clean interpreter per worker (no copied locks or threads), on every platform.
        self._pool = mp.get_context("spawn").Pool(self.size, initializer=_start, initargs=(config,))

    def pids(self) -> list[int]:
        """Process ids of the workers (for memory measurements)."""
        return [p.pid for p in self._pool._pool]  # type: ignore[attr-defined]

    def analyse(
        self, raws: Iterable[RawArticle | InputFailure], published: str | None, handler: ErrorHandler
    ) -> Iterator[Document]:
        """Documents of ``raws``, in input order; failures go to ``handler`` in the parent."""
        pending: deque[Any] = deque()
        articles = _readable(raws, handler)
        while chunk := list(itertools.islice(articles, self.config.batch_size)):
            pending.append(self._pool.apply_async(_analyse, (chunk, published)))
            if len(pending) >= _AHEAD * self.size:
                yield from _collect(pending.popleft(), handler)
        while pending:
            yield from _collect(pending.popleft(), handler)

    def close(self) -> None:
        self._pool.terminate()
        self._pool.join()


def _readable(raws: Iterable[RawArticle | InputFailure], handler: ErrorHandler) -> Iterator[RawArticle]:
    for raw in raws:
        if isinstance(raw, InputFailure):
            handler(raw)  # reported in the parent, in reading order
        else:
            yield raw


def _collect(result: Any, handler: ErrorHandler) -> Iterator[Document]:
    documents, failures = result.get()
    for failure in failures:
        handler(failure)
    yield from documents
