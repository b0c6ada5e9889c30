"""Entity identity: deterministic ids and cross-article resolution."""

from __future__ import annotations

import pytest

from newsgraph.identity import EntityIndex, entity_id, fold, person_key, same_person, surname


def test_ids_are_deterministic_and_ignore_case_accents_and_the():
    assert entity_id("person", "Recep Erdoğan") == entity_id("person", "recep erdogan")
    assert entity_id("place", "the United States") == entity_id("place", "United States")
    assert entity_id("person", "Paris") != entity_id("place", "Paris")


def test_fold_and_person_key():
    assert fold("Erdoğan") == "erdogan"
    assert person_key("Martin Luther King Jr.") == ("martin", "luther", "king")
    assert surname(person_key("Mohammed bin Salman")) == "bin salman"


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("Tzahi Hanegbi", "Tzachi Hanegbi", True),
        ("Antony Blinken", "Blinken", True),
        ("A. Blinken", "Antony Blinken", True),
        ("Joe Biden", "Hunter Biden", False),
        ("Volodymyr Zelensky", "Volodymyr Zelenskyy", True),
        ("John Smith", "Jane Smyth", False),
    ],
)
def test_same_person(a, b, same):
    assert same_person(person_key(a), person_key(b)) is same


def test_index_links_spellings_and_surnames_across_articles():
    index = EntityIndex()
    first = index.resolve("person", "Tzahi Hanegbi")
    assert index.resolve("person", "Tzachi Hanegbi", ["Hanegbi"]) == first
    assert index.resolve("person", "Hanegbi") == first
    assert index.resolve("organization", "Airbus") == index.resolve("organization", "AIRBUS")
    assert len(index) == 2


def test_index_does_not_merge_an_ambiguous_surname():
    index = EntityIndex()
    joe = index.resolve("person", "Joe Biden")
    hunter = index.resolve("person", "Hunter Biden")
    assert joe != hunter
    assert index.resolve("person", "Biden") not in {joe, hunter}
    assert index.resolve("person", "Joe Biden", ["President Biden"]) == joe


def test_index_matches_by_alias_and_keeps_the_first_id():
    index = EntityIndex()
    us = index.resolve("place", "United States", ["US", "USA"])
    assert index.resolve("place", "USA") == us
    assert index.resolve("place", "U.S.", ["USA"]) == us
    assert index.resolve("organization", "USA") != us  # types never mix
