"""Worker processes: the whole pipeline (clean, annotate, extract) in each, for ``n_process > 1``.

spaCy's own ``nlp.pipe(n_process=N)`` parallelises only the model: the Docs come back to the
parent, which still cleans and runs every extractor alone and becomes the bottleneck (see the
README's speed section for the measurement). Here each worker loads the model once and turns
chunks of raw articles into finished :class:`~newsgraph.records.Document` records, which are
plain dataclasses and cheap to send back. A stream of any length is read lazily, a couple of
chunks per worker at a time, so memory stays bounded; results come back in input order.

Each worker enforces every article's time budget itself (see
:mod:`newsgraph.annotate.budget`) and sends each article's outcome as soon as it has it. The
parent watches them: a worker that sends nothing for longer than an article may take (stuck in
C code, where no signal reaches) or that dies is stopped and replaced; the articles of its
chunk that had no outcome yet are run again one by one, so only the article that stalls or
kills its worker again is reported (E017 or E012) and the others go through.
"""

from __future__ import annotations

import contextlib
import dataclasses
import itertools
import multiprocessing as mp
import os
import queue
import signal
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from typing import TYPE_CHECKING, Any

from newsgraph.config import Config
from newsgraph.errors import BudgetExceeded, ErrorCode, NewsgraphError
from newsgraph.ingest import InputFailure, RawArticle
from newsgraph.records import Document

if TYPE_CHECKING:
    from newsgraph.pipeline import ErrorHandler, Pipeline

_WORKER: Pipeline | None = None
#: Beyond an article's own budget, how long a worker may stay silent (the model over a chunk
#: of ordinary articles runs before the first of them is finished) before it is stopped.
_STALL_SLACK = 60.0
#: How often the parent looks at silent workers, in seconds.
_POLL = 1.0
#: Chunks sent to a worker ahead of the one it works on: enough that no worker waits for the parent.
_AHEAD = 2

Outcome = Document | InputFailure
Serve = Callable[[Config, Connection], None]


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


def serve(config: Config, conn: Connection) -> None:
    """A worker's main loop: chunks in, one message per article's outcome out."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    try:
        _start(config)
    except NewsgraphError as exc:  # e.g. the model is not installed: the parent reports it
        conn.send(("fatal", exc))
        return
    conn.send(("ready", os.getpid()))
    assert _WORKER is not None
    # Chunks are read as they arrive, so the parent never waits to hand over the next one
    # (and never blocks on a full pipe while this process blocks sending it results).
    inbox: queue.SimpleQueue[Any] = queue.SimpleQueue()
    threading.Thread(target=_read, args=(conn, inbox), daemon=True).start()
    while (message := inbox.get()) is not None:
        raws, published = message
        for document in _WORKER.analyze_many(raws, published=published, on_error=lambda f: conn.send(("out", f))):
            conn.send(("out", document))
        conn.send(("done", None))


def _read(conn: Connection, inbox: queue.SimpleQueue[Any]) -> None:
    while True:
        try:
            message = conn.recv()
        except (EOFError, OSError):
            message = None
        inbox.put(message)
        if message is None:
            return


@dataclass(eq=False)
class _Chunk:
    """Consecutive articles of the input; ``outcomes`` fill in as workers report them."""

    raws: list[RawArticle]
    outcomes: list[Outcome | None] = field(default_factory=list)
    passed: int = 0

    def __post_init__(self) -> None:
        self.outcomes = [None] * len(self.raws)


@dataclass(eq=False)
class _Task:
    """Articles ``start`` to ``end`` of a chunk, sent to one worker."""

    chunk: _Chunk
    start: int
    end: int
    received: int = 0


@dataclass(eq=False)
class _Worker:
    process: Any
    conn: Connection
    ready: bool = False
    #: Tasks sent, in order; the first is the one being worked on.
    tasks: deque[_Task] = field(default_factory=deque)
    heard: float = field(default_factory=time.monotonic)


class WorkerPool:
    """``n_process`` worker processes, each with the pipeline loaded; started once, reused per call."""

    def __init__(self, config: Config, target: Serve = serve, slack: float = _STALL_SLACK) -> None:
        self.config = config
        self.slack = slack
        self.size = worker_count(config.n_process)
        # "spawn": a clean interpreter per worker (no copied locks or threads), on every platform.
        self._context = mp.get_context("spawn")
        self._target = target
        self._workers = [self._spawn() for _ in range(self.size)]

    def _spawn(self) -> _Worker:
        parent, child = self._context.Pipe()
        process = self._context.Process(target=self._target, args=(self.config, child), daemon=True)
        process.start()
        child.close()
        return _Worker(process, parent)

    def pids(self) -> list[int]:
        """Process ids of the workers (for memory measurements)."""
        return [w.process.pid for w in self._workers]

    def analyse(
        self, raws: Iterable[RawArticle | InputFailure], published: str | None, handler: ErrorHandler
    ) -> Iterator[Document]:
        """Documents of ``raws``, in input order; failures go to ``handler`` in the parent."""
        articles = _readable(raws, handler)
        chunks: deque[_Chunk] = deque()  # in input order, until every outcome is passed on
        todo: deque[_Task] = deque()  # tasks waiting for a worker (retries first)
        exhausted = False
        while True:
            for worker in self._workers:
                while worker.ready and len(worker.tasks) < _AHEAD:
                    if not todo and not exhausted and len(chunks) <= _AHEAD * self.size:
                        chunk = _Chunk(list(itertools.islice(articles, self.config.batch_size)))
                        if chunk.raws:
                            chunks.append(chunk)
                            todo.append(_Task(chunk, 0, len(chunk.raws)))
                        else:
                            exhausted = True
                    if not todo:
                        break
                    self._send(worker, todo.popleft(), published)
            yield from _finished(chunks, handler)
            if exhausted and not chunks:
                return
            self._listen(todo)

    def _send(self, worker: _Worker, task: _Task, published: str | None) -> None:
        if not worker.tasks:
            worker.heard = time.monotonic()  # idle until now: its silence counts from here
        worker.tasks.append(task)
        worker.conn.send((task.chunk.raws[task.start : task.end], published))

    def _listen(self, todo: deque[_Task]) -> None:
        """Take the workers' messages, or stop and replace the ones that went silent or died."""
        by_handle: dict[Any, _Worker] = {}
        for worker in self._workers:
            by_handle[worker.conn] = worker
            by_handle[worker.process.sentinel] = worker
        for handle in wait(list(by_handle), timeout=_POLL):
            worker = by_handle[handle]
            if handle is worker.conn:
                self._receive(worker)
        now = time.monotonic()
        for i, worker in enumerate(self._workers):
            if not worker.process.is_alive():
                self._receive(worker)  # what it sent before it ended still counts
                if not worker.ready:
                    self.close()
                    detail = f"a worker process failed to start (exit code {worker.process.exitcode})"
                    raise NewsgraphError(ErrorCode.E012, detail=detail)
                death = f"the worker process analysing it ended (exit code {worker.process.exitcode})"
                self._workers[i] = self._replace(worker, todo, death)
            elif worker.tasks and self.config.time_budget and now - worker.heard > self._patience(worker.tasks[0]):
                self._workers[i] = self._replace(worker, todo, None)

    def _patience(self, task: _Task) -> float:
        """Seconds of silence allowed to a busy worker: its article's budget when one is left."""
        left = task.end - task.start - task.received
        return self.config.time_budget * (1 if left == 1 else 2) + self.slack

    def _receive(self, worker: _Worker) -> None:
        while worker.conn.poll():
            try:
                kind, payload = worker.conn.recv()
            except (EOFError, OSError):
                return  # it ended; its sentinel tells
            worker.heard = time.monotonic()
            if kind == "ready":
                worker.ready = True
            elif kind == "fatal":
                self.close()
                raise payload
            elif kind == "out" and worker.tasks:
                task = worker.tasks[0]
                task.chunk.outcomes[task.start + task.received] = payload
                task.received += 1
            elif kind == "done" and worker.tasks:
                worker.tasks.popleft()

    def _replace(self, worker: _Worker, todo: deque[_Task], death: str | None) -> _Worker:
        """Stop ``worker``; its task's first article without an outcome is the culprit if the
        task held only it, else the rest of the task is run again one article at a time."""
        worker.process.kill()
        worker.process.join()
        worker.conn.close()
        retry: list[_Task] = []
        if worker.tasks:
            task = worker.tasks.popleft()
            first = task.start + task.received
            if task.end - first == 1:
                source = task.chunk.raws[first].source
                if death is None:
                    error: NewsgraphError = BudgetExceeded(
                        ErrorCode.E017,
                        source,
                        budget=f"{self.config.time_budget:g}",
                        stage="a worker process that stopped responding; it was replaced",
                    )
                else:
                    error = NewsgraphError(ErrorCode.E012, source, detail=death)
                task.chunk.outcomes[first] = InputFailure(source, error)
            else:
                retry = [_Task(task.chunk, i, i + 1) for i in range(first, task.end)]
        # Its next tasks, not begun, go back as they were, ahead of new work.
        todo.extendleft(reversed([*retry, *worker.tasks]))
        return self._spawn()

    def close(self) -> None:
        for worker in self._workers:
            if worker.process.is_alive():
                with contextlib.suppress(OSError):
                    worker.conn.send(None)
        for worker in self._workers:
            worker.process.join(timeout=5)
            if worker.process.is_alive():
                worker.process.kill()
                worker.process.join()
            worker.conn.close()
        self._workers = []


def _readable(raws: Iterable[RawArticle | InputFailure], handler: ErrorHandler) -> Iterator[RawArticle]:
    for raw in raws:
        if isinstance(raw, InputFailure):
            handler(raw)  # reported in the parent, in reading order
        else:
            yield raw


def _finished(chunks: deque[_Chunk], handler: ErrorHandler) -> Iterator[Document]:
    """Outcomes ready at the head of the input, in order; finished chunks leave the queue."""
    while chunks:
        chunk = chunks[0]
        while chunk.passed < len(chunk.outcomes):
            outcome = chunk.outcomes[chunk.passed]
            if outcome is None:
                return
            chunk.outcomes[chunk.passed] = None  # passed on: not kept
            chunk.passed += 1
            if isinstance(outcome, InputFailure):
                handler(outcome)
            else:
                yield outcome
        chunks.popleft()
