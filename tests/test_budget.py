"""The time budget per article: an article over it is one numbered error, the others go through."""

from __future__ import annotations

import signal
import time

import pytest

from newsgraph import Config, Pipeline
from newsgraph.annotate import budget
from newsgraph.errors import BudgetExceeded
from newsgraph.extract import Extractor

TEXTS = [
    "The council met on Monday and agreed a new budget for the schools in the city.",
    "The council met on Tuesday and the plan to stall the old bridge was approved.",
    "The council met on Wednesday and rejected the proposal to close the library.",
]


def _checked_loop(doc, document):
    if "stall" in document.text:
        while True:  # a long loop that checks the budget as it goes
            budget.check()
    return []


def _unchecked_loop(doc, document):
    if "stall" in document.text:
        n = 0
        while True:  # never checks: only the timer can stop it
            n += 1
    return []


@pytest.mark.model
@pytest.mark.parametrize("run", [_checked_loop, _unchecked_loop])
def test_an_article_over_its_budget_is_e017_and_the_others_go_through(monkeypatch, run):
    before = signal.getsignal(signal.SIGALRM)
    pipeline = Pipeline(Config(time_budget=0.3))
    monkeypatch.setattr(pipeline, "extractors", [Extractor("looping", frozenset(), "quotes", run)])
    failures = []
    items = [{"content": t, "source": f"a{i}.txt"} for i, t in enumerate(TEXTS)]
    docs = list(pipeline.analyze_many(items, on_error=failures.append))
    assert [d.source for d in docs] == ["a0.txt", "a2.txt"]
    assert [(f.source, f.error.code.name) for f in failures] == [("a1.txt", "E017")]
    message = failures[0].error.message
    assert message.startswith("a1.txt: E017")
    assert "0.3 s" in message and "--time-budget" in message and "looping extractor" in message
    assert signal.getsignal(signal.SIGALRM) is before  # the timer's handler is gone again


def test_within_restores_the_previous_alarm_handler():
    calls = []

    def mine(signum, frame):
        calls.append(signum)

    previous = signal.signal(signal.SIGALRM, mine)
    try:
        assert budget.within(5.0, lambda: 42) == 42
        assert signal.getsignal(signal.SIGALRM) is mine
        assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
    finally:
        signal.signal(signal.SIGALRM, previous)
    assert calls == []


def test_within_counts_time_already_spent():
    with pytest.raises(BudgetExceeded) as info:
        budget.within(1.0, lambda: None, spent=2.0, first_stage="extraction")
    assert info.value.code.name == "E017"
    assert "in extraction" in info.value.message


def test_no_budget_means_no_checks():
    assert budget.within(0, budget.check) is None
    assert budget.remaining() is None
    budget.check()  # outside any article: nothing to check


def test_check_inside_a_budget_sees_the_deadline():
    def spend():
        deadline_left = budget.remaining()
        assert deadline_left is not None and 0 < deadline_left <= 10
        budget.stage("the test stage")
        time.sleep(0.05)
        return budget.remaining()

    left = budget.within(10.0, spend)
    assert left is not None and left < 10


def test_config_rejects_a_negative_budget():
    with pytest.raises(ValueError):
        Config(time_budget=-1)
    with pytest.raises(ValueError):
        Config(max_sentence_tokens=2)


@pytest.mark.model
def test_a_long_article_goes_through_the_model_by_windows(pipeline):
    paragraphs = [
        f"Maria Lopez, the mayor of Port Elliot, said on Monday that bridge number {i} would reopen in March."
        for i in range(40)
    ]
    text = "\n\n".join(paragraphs)
    windowed = Pipeline(Config(window_chars=1000)).analyze(text, source="long.txt")
    whole = pipeline.analyze(text, source="long.txt")
    assert windowed.text == whole.text
    assert len(windowed.sentences) == len(whole.sentences) == 40
    assert [(s.start, s.end) for s in windowed.sentences] == [(s.start, s.end) for s in whole.sentences]
    assert all(0 <= m.start < m.end <= len(text) for e in windowed.entities for m in e.mentions)
    assert {e.name for e in windowed.entities if e.type == "person"} == {"Maria Lopez"}


@pytest.mark.model
def test_the_model_length_limit_follows_max_chars():
    assert Pipeline(Config(max_chars=3_000_000)).nlp.max_length > 3_000_000
    assert Pipeline(Config(max_chars=500)).nlp.max_length >= 1_000_000  # spaCy's own default stays
