"""Round-two rules: unnamed nominal mentions, works, "City, Region", polities, and the name
filters that used to drop people ("claims that Kim", "Pompey took"). Hand-made texts run
through the session pipeline (the rules read the parse and the tags)."""

from __future__ import annotations

import pytest

from newsgraph.extract.entities.nominals import nominal_type, singular
from newsgraph.records import Document, Entity


def _analyze(pipeline, text: str) -> Document:
    return pipeline.analyze(text, published="2024-03-22")


def _names(document: Document) -> dict[str, str]:
    return {m.text: e.type for e in document.entities for m in e.mentions if m.kind == "name"}


def _nominal_entities(document: Document) -> list[Entity]:
    return [e for e in document.entities if all(m.kind == "nominal" for m in e.mentions)]


# --- the lexicon ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("word", "plural", "expected"),
    [
        ("passengers", True, "person"),
        ("companies", True, "organization"),
        ("airliner", False, "product"),
        ("shares", True, "financial"),
        ("share", False, None),  # mostly a verb or "market share"
        ("decision", False, None),
    ],
)
def test_head_nouns_denote_entity_types(word, plural, expected):
    assert nominal_type(word, plural) == expected


def test_singular_of_regular_plurals():
    assert [singular(w) for w in ("companies", "boxes", "airlines", "glass")] == ["company", "box", "airline", "glass"]


# --- unnamed nominal mentions -----------------------------------------------------------------


def test_unnamed_people_and_things_become_nominal_entities(pipeline):
    document = _analyze(pipeline, "The airline thanked 5,000 guests and its employees at the new airport on Monday.")
    found = {(e.type, e.mentions[0].text) for e in _nominal_entities(document)}
    assert ("person", "5,000 guests") in found
    assert ("place", "the new airport") in found
    assert all(m.kind == "nominal" for e in _nominal_entities(document) for m in e.mentions)


def test_the_same_phrase_twice_is_one_nominal_entity(pipeline):
    document = _analyze(pipeline, "The passengers waited for hours. Later the passengers were given food.")
    passengers = [e for e in _nominal_entities(document) if e.name.lower().endswith("passengers")]
    assert len(passengers) == 1 and len(passengers[0].mentions) == 2


def test_a_name_modifying_the_phrase_keeps_the_mention(pipeline):
    # "Heathrow airport" is one mention, and the name already stands for it.
    document = _analyze(pipeline, "The flight landed at Heathrow airport after a long delay.")
    assert not any("Heathrow" in e.name for e in _nominal_entities(document))
    assert "Heathrow" in _names(document)


def test_generic_phrases_are_not_mentions(pipeline):
    document = _analyze(pipeline, "No passengers were hurt, and any two cities could be linked.")
    assert not _nominal_entities(document)


def test_nominal_entities_stay_out_of_the_digest(pipeline):
    from newsgraph.output import digest

    document = _analyze(pipeline, "Acme Corp thanked 5,000 guests on Monday.")
    assert _nominal_entities(document)
    text = digest(document)
    assert "entities (1):" in text
    assert not any(line.strip().startswith("person") for line in text.splitlines())


# --- name edges and types ---------------------------------------------------------------------


def test_a_complementiser_that_is_no_determiner(pipeline):
    assert _names(_analyze(pipeline, "His official biography also claims that Kim composed six operas.")) == {
        "Kim": "person"
    }


def test_a_person_opening_a_sentence_is_kept(pipeline):
    assert _names(_analyze(pipeline, "Pompey took command of two legions in Italy.")).get("Pompey") == "person"


def test_titles_of_works_are_not_people(pipeline):
    names = _names(_analyze(pipeline, 'Her 1981 album Wild West was a hit. The song is "Geronimo" by Sheppard.'))
    assert names.get("Wild West") == "work"
    assert names.get("Geronimo") == "work"


def test_a_town_and_its_region_are_one_name_with_the_region_inside(pipeline):
    document = _analyze(pipeline, "The company has its headquarters in Denver, Colorado, where it was founded.")
    names = _names(document)
    assert names.get("Denver, Colorado") == "place"
    assert names.get("Colorado") == "place"


def test_a_list_of_places_is_not_merged(pipeline):
    names = _names(_analyze(pipeline, "Talks were held in Paris, London and Rome last year."))
    assert {"Paris", "London", "Rome"} <= set(names)
    assert not any("," in n for n in names)


def test_a_polity_of_a_place_is_one_name(pipeline):
    names = _names(_analyze(pipeline, "He planned an invasion of the entire Kingdom of France."))
    assert names.get("Kingdom of France") == "place"


def test_the_senate_is_an_institution(pipeline):
    names = _names(_analyze(pipeline, "But when the Senate answered him, he left Rome."))
    assert names.get("Senate") == "organization"


def test_we_in_a_quote_after_a_person_speaker_is_not_an_organisation(pipeline):
    text = "Acme Corp attacked the plan on Monday. John Smith said: “We will defeat them in court.”"
    acme = next(e for e in _analyze(pipeline, text).entities if e.name.startswith("Acme"))
    assert not any(m.text == "We" for m in acme.mentions)


def test_we_in_a_quote_after_the_organisation_is_the_organisation(pipeline):
    text = "Acme Corp said on Monday: “We will win this case.”"
    acme = next(e for e in _analyze(pipeline, text).entities if e.name.startswith("Acme"))
    assert any(m.text == "We" for m in acme.mentions)
