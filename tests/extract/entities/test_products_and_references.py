"""Products, descriptions and pronouns: rule tests on small hand-made texts.

The shape rules for model designations run on hand-built ``Doc`` objects; the rules that
read the parse (appositions, relative clauses, pronouns) run through the session pipeline.
"""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from newsgraph.extract.entities.mentions import find_mentions
from newsgraph.identity import EntityIndex, is_description, product_key
from newsgraph.records import Document

_VOCAB = spacy.blank("en").vocab


def _doc(words: list[str], ents: list[str]) -> Doc:
    return Doc(_VOCAB, words=words, ents=ents)


def _entities(pipeline, text: str) -> Document:
    return pipeline.analyze(text, published="2024-03-22")


def _of(document: Document, name: str):
    return next(e for e in document.entities if e.name == name)


# --- product names ----------------------------------------------------------------------------


def test_a_maker_and_a_model_are_one_product():
    doc = _doc(["Boeing", "787", "Dreamliner", "flew", "."], ["B-ORG", "B-CARDINAL", "O", "O", "O"])
    assert [(m.text, m.type) for m in find_mentions(doc)] == [("Boeing 787 Dreamliner", "product")]


def test_a_letter_code_is_a_product_without_a_maker():
    doc = _doc(["The", "A380s", "were", "late", "."], ["O", "O", "O", "O", "O"])
    assert [(m.text, m.type) for m in find_mentions(doc)] == [("A380s", "product")]


@pytest.mark.parametrize(
    ("words", "ents"),
    [
        (["It", "cost", "787", "dollars", "."], ["O", "O", "B-CARDINAL", "O", "O"]),  # a bare number
        (["Founded", "in", "1987", "by", "farmers"], ["O", "O", "B-DATE", "O", "O"]),  # a year
        (["Air", "France", "Flight", "447", "crashed"], ["B-ORG", "I-ORG", "O", "O", "O"]),  # a flight
        (["The", "G7", "met", "."], ["O", "O", "O", "O"]),  # too few digits for a model
    ],
)
def test_numbers_years_and_flights_are_not_products(words, ents):
    assert [m for m in find_mentions(_doc(words, ents)) if m.type == "product"] == []


def test_a_possessive_maker_stays_an_organisation():
    doc = _doc(["Boeing", "'s", "787", "Dreamliner", "flew"], ["B-ORG", "O", "O", "O", "O"])
    assert [(m.text, m.type) for m in find_mentions(doc)] == [("Boeing", "organization"), ("787 Dreamliner", "product")]


def test_product_keys_link_spellings_of_one_model():
    assert product_key("Boeing 787") & product_key("787 Dreamliners")
    assert product_key("Airbus A380") & product_key("the Airbus 380")
    assert product_key("777-200LR") & product_key("long-range 777")
    assert not product_key("A320s") & product_key("A321")


def test_index_links_products_by_model_and_skips_descriptions():
    index = EntityIndex()
    first = index.resolve("product", "Boeing 787 Dreamliner")
    assert index.resolve("product", "787s") == first
    assert index.resolve("product", "Airbus A380") != first
    singapore = index.resolve("place", "Singapore", ["the country"])
    assert index.resolve("place", "Indonesia", ["the country"]) != singapore
    assert is_description("the company") and is_description("the Strategic Affairs Minister")
    assert not is_description("EADS")


# --- descriptions and pronouns (parsed) --------------------------------------------------------


def test_products_take_their_descriptions_and_it(pipeline):
    document = _entities(
        pipeline,
        "Airbus unveiled the A380 in Toulouse on Tuesday. The aircraft can carry 800 people, "
        "and it will enter service next year.",
    )
    product = next(e for e in document.entities if e.type == "product")
    others = {(m.text, m.kind) for m in product.mentions}
    assert ("The aircraft", "nominal") in others
    assert ("it", "pronoun") in others


def test_a_relative_pronoun_joins_the_name_it_follows(pipeline):
    document = _entities(pipeline, "Qatar Airways, which ordered 60 jets, said the deal was signed in Paris.")
    airline = _of(document, "Qatar Airways")
    assert ("which", "pronoun") in {(m.text, m.kind) for m in airline.mentions}


def test_descriptions_in_apposition_and_before_a_name(pipeline):
    document = _entities(
        pipeline,
        "Russian flag carrier Aeroflot has negotiated the purchase of 22 new jets. "
        "It bought them from Airbus, Europe's biggest aircraft manufacturer, on Monday.",
    )
    assert "Russian flag carrier" in {m.text for m in _of(document, "Aeroflot").mentions if m.kind == "nominal"}
    assert any("manufacturer" in m.text for m in _of(document, "Airbus").mentions if m.kind == "nominal")


def test_an_acronym_in_brackets_is_the_name_before_it(pipeline):
    document = _entities(pipeline, "Singapore Airlines (SIA) took delivery of the jet. SIA said it was pleased.")
    airline = _of(document, "Singapore Airlines")
    assert sum(m.text == "SIA" for m in airline.mentions) == 2


def test_a_pronoun_outside_quotes_skips_names_inside_them(pipeline):
    document = _entities(
        pipeline,
        'Antony Blinken met reporters in Cairo. "President Biden has been very clear," he said on Friday.',
    )
    blinken = _of(document, "Antony Blinken")
    assert ("he", "pronoun") in {(m.text, m.kind) for m in blinken.mentions}
