"""Repeated paragraphs: exact and near repeats found, short lines left alone (no model)."""

from __future__ import annotations

import pytest

from newsgraph.clean.duplicates import DuplicateFinder, Repeat
from newsgraph.clean.units import normalise

DERMER = (
    "Strategic Affairs Minister Ron Dermer and National Security Adviser Tzahi Hanegbi are expected to lead "
    "a delegation to Washington next week to discuss the issue with the US."
)
OTHER = "The Biden administration is expected to explain that Hamas can be defeated through limited operations."


def _finder(*paragraphs: str) -> DuplicateFinder:
    finder = DuplicateFinder(90.0)
    for key, text in enumerate(paragraphs):
        assert finder.add(key, normalise(text)) is None
    return finder


def test_exact_repeat():
    finder = _finder(DERMER, OTHER)
    assert finder.add(2, normalise(DERMER.upper())) == Repeat(0, 100.0)


def test_near_repeat_with_one_respelled_word():
    finder = _finder(OTHER, DERMER)
    repeat = finder.add(2, normalise(DERMER.replace("Tzahi", "Tzachi")))
    assert repeat is not None
    assert repeat.of == 1
    assert 90.0 <= repeat.similarity < 100.0


def test_different_paragraphs_are_not_repeats():
    finder = _finder(DERMER)
    assert finder.add(1, normalise(OTHER)) is None
    shares_a_phrase = "Strategic Affairs Minister Ron Dermer said on Thursday that Israel would enter Rafah alone."
    assert finder.add(2, normalise(shares_a_phrase)) is None


@pytest.mark.parametrize("line", ["Yes.", "He said no.", "Read more on the website"])
def test_short_lines_are_not_deduplicated(line):
    finder = _finder(line)
    assert finder.add(1, normalise(line)) is None


def test_near_repeat_needs_enough_words():
    nine = "The council met on Monday to discuss the budget"
    finder = _finder(nine)
    assert finder.add(1, normalise(nine.replace("Monday", "Mondey"))) is None


def test_threshold_is_configurable():
    respelled = normalise(DERMER.replace("Tzahi", "Tzachi"))
    strict = DuplicateFinder(99.9)
    strict.add(0, normalise(DERMER))
    assert strict.add(1, respelled) is None


def test_near_repeat_with_updated_numbers_is_a_new_claim():
    finder = DuplicateFinder()
    first = normalise("Including superdelegates, Clinton now has at least 882 delegates. Sanders has at least 232.")
    second = normalise(
        "Including superdelegates, Clinton has at least 866 delegates to date. Sanders has at least 211."
    )
    assert finder.add(0, first) is None
    assert finder.add(1, second) is None
