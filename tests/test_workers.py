"""n_process > 1: worker processes give the records one process gives, in input order."""

from __future__ import annotations

import itertools

import pytest

from newsgraph import Config, Pipeline
from newsgraph.data import sample_paths
from newsgraph.ingest import read_paths
from newsgraph.workers import worker_count

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
