"""Entities: spaCy's named entities grouped per name and type, with exact mentions."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from newsgraph.extract import EXTRACTORS, get_extractors
from newsgraph.extract.entities import entity_id, extract_entities, name_key


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Netanyahu", "netanyahu"),
        ("the United States", "united states"),
        ("The  Hague", "hague"),
        ("Gantz's", "gantz"),
        ("Israel’s", "israel"),
        ("Hamas", "hamas"),
        ("  Antony   Blinken ", "antony blinken"),
    ],
)
def test_name_key(text, key):
    assert name_key(text) == key


def test_entity_id_is_stable_and_typed():
    assert entity_id("person", "Antony Blinken") == entity_id("person", "antony  blinken")
    assert entity_id("person", "Antony Blinken").startswith("per-")
    assert entity_id("place", "Rafah") != entity_id("person", "Rafah")


def _doc(words: list[str], ents: list[str]) -> Doc:
    return Doc(spacy.blank("en").vocab, words=words, ents=ents)


def test_mentions_are_grouped_per_name_and_type():
    words = ["the", "United", "States", "and", "Blinken", "said", "United", "States", "'s", "Blinken", "in", "Cairo"]
    ents = ["B-GPE", "I-GPE", "I-GPE", "O", "B-PERSON", "O", "B-GPE", "I-GPE", "O", "B-PERSON", "O", "B-DATE"]
    doc = _doc(words, ents)
    entities = extract_entities(doc)
    assert [(e.name, e.type, len(e.mentions)) for e in entities] == [
        ("United States", "place", 2),
        ("Blinken", "person", 2),
    ]  # DATE is not a story entity
    assert entities[0].country_code == "USA"
    for entity in entities:
        assert entity.id == entity_id(entity.type, entity.name)
        for mention in entity.mentions:
            assert doc.text[mention.start : mention.end] == mention.text
            assert mention.entity == entity.id


def test_extractor_registry():
    (entities,) = get_extractors(("entities",))
    assert entities is EXTRACTORS["entities"]
    assert entities.field == "entities" and "entities" in entities.needs
    with pytest.raises(ValueError, match="unknown extractors"):
        get_extractors(("entities", "nope"))


@pytest.mark.model
def test_seed_entities(seed_doc):
    names = {(e.type, e.name) for e in seed_doc.entities}
    assert {("person", "Benjamin Netanyahu"), ("person", "Benny Gantz"), ("organization", "Hamas")} <= names
    ids = [e.id for e in seed_doc.entities]
    assert len(ids) == len(set(ids))
