"""Title phrases: the roles in front of names, and title words mistaken for organisations."""

from __future__ import annotations

import pytest

from newsgraph.extract.entities.titles import find_titles, is_part_of_title, is_title_head


@pytest.fixture(scope="module")
def nlp():
    from newsgraph.annotate import components_for, load_pipeline
    from newsgraph.config import DEFAULT_MODEL

    return load_pipeline(DEFAULT_MODEL, components_for({"entities", "parse", "tags"}))


def titles_of(nlp, text):
    return [t.text for t in find_titles(nlp(text))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("US Secretary of State Antony Blinken arrived.", ["Secretary of State"]),
        ("Strategic Affairs Minister Ron Dermer spoke.", ["Strategic Affairs Minister"]),
        ("National Security Adviser Tzachi Hanegbi left.", ["National Security Adviser"]),
        ("Mossad Chief David Barnea was in Doha.", ["Mossad Chief"]),
        ("It was the foreign minister who spoke.", ["foreign minister"]),
        ("President Biden has been very clear.", ["President"]),
    ],
)
def test_find_titles(nlp, text, expected):
    assert titles_of(nlp, text) == expected


def test_a_named_complement_is_not_part_of_the_title(nlp):
    assert titles_of(nlp, "The President of France met reporters.") == ["President"]


def test_title_words_inside_a_title_are_not_organisations(nlp):
    doc = nlp("US Secretary of State Antony Blinken met National Security Adviser Tzachi Hanegbi.")
    titles = find_titles(doc)
    state = next(t.i for t in doc if t.text == "State")
    assert is_part_of_title(doc, state, state + 1, titles)
    national = next(t.i for t in doc if t.text == "National")
    assert is_part_of_title(doc, national, national + 2, titles)


def test_an_organisation_heading_a_title_stays_an_organisation(nlp):
    doc = nlp("Mossad Chief David Barnea was in Doha.")
    assert not is_part_of_title(doc, 0, 1, find_titles(doc))


def test_title_heads():
    assert is_title_head("Minister") and is_title_head("spokesperson")
    assert not is_title_head("table")
