"""Business news: company short names, stock indices, products and times of day.

Hand-made texts in the style of company and market reports; each test checks one rule.
"""

from __future__ import annotations

from newsgraph.identity import EntityIndex, organization_core
from newsgraph.records import Document, Entity


def _analyze(pipeline, text: str) -> Document:
    return pipeline.analyze(text, published="2009-05-14")


def _holding(document: Document, text: str) -> Entity:
    """The entity one of whose name mentions reads ``text``."""
    return next(e for e in document.entities if any(m.text == text and m.kind == "name" for m in e.mentions))


# --- company names ----------------------------------------------------------------------------


def test_organization_core_drops_legal_forms_and_generic_company_words():
    assert organization_core("Ford Motor Company") == "ford"
    assert organization_core("Apple Inc.") == "apple"
    assert organization_core("Fiat Group S.p.A.") == "fiat"
    assert organization_core("Apple Corps") == "apple corps"  # "Corps" is part of the name
    assert organization_core("LLC") == ""


def test_a_company_and_its_short_name_are_one_entity(pipeline):
    document = _analyze(
        pipeline,
        "Brantwell Motor Company said on Tuesday that it will close four plants. "
        "Brantwell has lost money for three years, analysts said.",
    )
    entity = _holding(document, "Brantwell Motor Company")
    assert any(m.text == "Brantwell" and m.kind == "name" for m in entity.mentions)


def test_a_legal_form_the_model_splits_off_stays_with_the_name(pipeline):
    document = _analyze(pipeline, "American automobile manufacturer Chrysler LLC said it wants to close 789 dealers.")
    names = [m.text for e in document.entities for m in e.mentions if m.kind == "name"]
    assert "LLC" not in names
    assert "Chrysler LLC" in names


def test_a_headline_acronym_joins_the_bracketed_expansion(pipeline):
    document = _analyze(
        pipeline,
        "GM posts first annual loss\n\nGeneral Motors Corporation (GM) has posted its first annual loss. "
        "GM said the loss could grow.",
    )
    entity = _holding(document, "General Motors Corporation")
    assert sum(m.text == "GM" for m in entity.mentions) == 3


def test_short_and_full_company_names_share_an_id_across_articles():
    index = EntityIndex()
    first = index.resolve("organization", "Apple Inc.")
    assert index.resolve("organization", "Apple") == first
    assert index.resolve("organization", "Apple Corps") != first


def test_a_description_does_not_swallow_a_name_that_starts_with_the(pipeline):
    document = _analyze(
        pipeline,
        "The Bank of Canada and the Bank of England announced a joint plan on Thursday.",
    )
    nominals = [m.text for e in document.entities for m in e.mentions if m.kind == "nominal"]
    assert not any(text.startswith("the Bank") or text.startswith("The Bank") for text in nominals)


# --- stock indices ------------------------------------------------------------------------------


def test_stock_indices_are_financial_entities(pipeline):
    document = _analyze(
        pipeline,
        "Global stock markets fell on Monday. The Dow Jones Industrial Average lost more than 250 points. "
        "The UK's FTSE 100 index fell 232.90 points, and Japan's Nikkei 225 fell 406.51 points.",
    )
    types = {m.text: e.type for e in document.entities for m in e.mentions if m.kind == "name"}
    assert types["Dow Jones Industrial Average"] == "financial"
    assert types["FTSE 100"] == "financial"
    assert types["Nikkei 225"] == "financial"
    assert types["UK"] == "place"


def test_a_short_form_of_an_index_is_the_index(pipeline):
    document = _analyze(
        pipeline,
        "The Dow Jones Industrial Average fell 344 points on Thursday. The Dow had risen on Wednesday.",
    )
    entity = _holding(document, "Dow Jones Industrial Average")
    assert entity.type == "financial"
    assert any(m.text == "Dow" for m in entity.mentions)


def test_an_index_in_apposition_is_financial(pipeline):
    document = _analyze(pipeline, "The biggest U.S. stock market index, the Dow Jones, plunged on Tuesday.")
    assert _holding(document, "Dow Jones").type == "financial"


# --- products ------------------------------------------------------------------------------------


def test_names_spelt_like_apple_products_are_products(pipeline):
    document = _analyze(pipeline, "Apple today unveiled a new iPod. The iPod will sell for $149.")
    assert _holding(document, "iPod").type == "product"
    assert _holding(document, "Apple").type == "organization"


def test_a_name_in_apposition_to_a_version_is_a_product(pipeline):
    document = _analyze(
        pipeline,
        "Users are buzzing about Tiger, the newest version of the operating system. Tiger was released on Friday.",
    )
    assert _holding(document, "Tiger").type == "product"


def test_a_maker_and_a_model_name_seen_alone_elsewhere_are_a_product(pipeline):
    document = _analyze(
        pipeline,
        "Ford Taurus sales slump\n\nFord said on Monday that sales of the Taurus fell by a third in March.",
    )
    types = {m.text: e.type for e in document.entities for m in e.mentions if m.kind == "name"}
    assert types["Ford Taurus"] == "product"
    assert types["Ford"] == "organization"


def test_a_maker_followed_by_a_product_noun_stays_a_company(pipeline):
    document = _analyze(
        pipeline,
        "Apple Inc. said on Monday that Apple computers will ship with a new processor. Apple shares rose.",
    )
    named = [e for e in document.entities if any(m.kind == "name" for m in e.mentions)]
    assert [(e.name, e.type) for e in named] == [("Apple Inc.", "organization")]


# --- times of day ----------------------------------------------------------------------------------


def test_a_time_zone_after_a_time_is_no_entity(pipeline):
    document = _analyze(pipeline, "At 0800 UTC, the Bank of Japan announced new measures. At 16:00 GMT it closed.")
    names = [m.text for e in document.entities for m in e.mentions]
    assert not any("UTC" in text or "GMT" in text for text in names)
