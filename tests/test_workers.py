"""n_process > 1: worker processes give the records one process gives, in input order."""

from __future__ import annotations

import itertools
import os

import pytest

from newsgraph import Config, Pipeline
from newsgraph.data import sample_paths
from newsgraph.ingest import article_from_text, read_paths
from newsgraph.workers import WorkerPool, worker_count

pytestmark = pytest.mark.model


def test_two_workers_give_the_records_of_one_process():
    items = list(itertools.islice(read_paths(sample_paths("all")), 5))
    items.insert(2, {"id": "empty", "text": "  "})
    failures_one, failures_two = [], []
    one = [d.as_dict() for d in Pipeline(Config(batch_size=2)).analyze_many(items, on_error=failures_one.append)]
    pipeline = Pipeline(Config(batch_size=2, n_process=2))
    try:
        two = [d.as_dict() for d in pipeline.analyze_many(items, on_error=failures_two.append)]
        assert len(pipeline._pool.pids()) == 2
        # The pool stays up for the next call, and works again.
        again = [d.id for d in pipeline.analyze_many(items[:2])]
    finally:
        pipeline.close()
    assert len(one) == 5 and two == one
    assert [f.error.code.name for f in failures_two] == [f.error.code.name for f in failures_one] == ["E001"]
    assert again == [d["id"] for d in one[:2]]


def test_worker_count():
    assert worker_count(3) == 3
    assert worker_count(-1) >= 1


def _misbehaving_worker(config, conn):
    """A worker that hangs, where no signal reaches, on an article that says "stall", and dies
    on one that says "collapse"; the others it analyses as any worker does."""
    import signal
    import time

    from newsgraph import pipeline as pipeline_module
    from newsgraph.workers import serve

    build = pipeline_module.Pipeline._build

    def misbehaving(self, doc, prep):
        if "stall" in prep.cleaned.text:
            signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})
            time.sleep(3600)
        if "collapse" in prep.cleaned.text:
            os._exit(3)
        return build(self, doc, prep)

    pipeline_module.Pipeline._build = misbehaving
    serve(config, conn)


def test_a_stalled_or_dead_worker_is_replaced_and_only_its_article_is_lost():
    texts = [
        "The council met on Monday and agreed a new budget for the schools in the city.",
        "The council met on Tuesday and the talks began to stall over the old bridge.",
        "The council met on Wednesday and the roof of the old hall began to collapse.",
        "The council met on Thursday and rejected the proposal to close the library.",
        "The council met on Friday and approved a plan for new cycle lanes in the centre.",
    ]
    raws = [article_from_text(t, f"a{i}.txt") for i, t in enumerate(texts)]
    # One cheap extractor: the pool's behaviour is under test, and each replacement loads a model.
    config = Config(batch_size=2, n_process=2, time_budget=1.0, extractors=("time_expressions",))
    pool = WorkerPool(config, target=_misbehaving_worker, slack=2.0)
    failures = []
    try:
        documents = list(pool.analyse(raws, None, failures.append))
        assert [d.source for d in documents] == ["a0.txt", "a3.txt", "a4.txt"]
        assert sorted((f.source, f.error.code.name) for f in failures) == [("a1.txt", "E017"), ("a2.txt", "E012")]
        messages = {f.source: f.error.message for f in failures}
        assert "worker process" in messages["a1.txt"] and "--time-budget" in messages["a1.txt"]
        assert "exit code 3" in messages["a2.txt"]
        assert len(pool.pids()) == 2  # replaced, still two
        again = list(pool.analyse(raws[3:4], None, failures.append))
        assert [d.source for d in again] == ["a3.txt"]
    finally:
        pool.close()
