"""Annotate: capabilities to model components, and paragraph-aware sentence starts."""

from __future__ import annotations

import pytest
import spacy

from newsgraph.annotate import (
    PARAGRAPH_COMPONENT,
    SENTENCE_CAP_COMPONENT,
    column,
    components_for,
    load_pipeline,
    mark_paragraphs,
    remember_text,
    text_of,
)
from newsgraph.config import DEFAULT_MODEL
from newsgraph.errors import NewsgraphError


@pytest.mark.parametrize(
    ("capabilities", "components"),
    [
        ({"sentences"}, ("senter",)),
        ({"sentences", "entities"}, ("senter", "ner")),
        ({"entities"}, ("ner",)),
        ({"sentences", "parse"}, ("tok2vec", "parser")),  # the parser gives sentences: no senter
        ({"parse", "entities"}, ("tok2vec", "parser", "ner")),
        ({"tags"}, ("tok2vec", "tagger")),
        ({"lemmas", "sentences"}, ("tok2vec", "tagger", "senter", "attribute_ruler", "lemmatizer")),
        (
            {"lemmas", "parse", "entities", "sentences"},
            ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner"),
        ),
        (set(), ()),
    ],
)
def test_components_for(capabilities, components):
    assert components_for(capabilities) == components
    assert components_for(list(capabilities)) == components


def test_components_for_unknown_capability():
    with pytest.raises(ValueError, match="coreference"):
        components_for({"sentences", "coreference"})


def test_mark_paragraphs_without_a_model():
    doc = spacy.blank("en")("Headline without a stop\n\nthe body starts here.\nAnd a second line")
    mark_paragraphs(doc)
    starts = [token.text for token in doc if token.is_sent_start]
    assert starts == ["Headline", "the", "And"]


def test_columns_and_text_match_the_tokens():
    doc = spacy.blank("en")("Boeing's 787s  flew\nto Doha.")
    assert column(doc, "ORTH") == [t.text for t in doc]
    assert column(doc, "LOWER") == [t.lower_ for t in doc]
    assert text_of(doc) == doc.text
    other = spacy.blank("en")("A different text.")
    remember_text(other, "A different text.")
    assert text_of(other) == other.text


def test_unknown_model_is_e010():
    with pytest.raises(NewsgraphError) as info:
        load_pipeline("no_such_model_installed", ("ner",))
    assert info.value.code.name == "E010"


@pytest.mark.model
def test_load_pipeline_has_exactly_the_components(pipeline):
    assert load_pipeline(DEFAULT_MODEL, pipeline.components) is pipeline.nlp  # loaded once
    nlp = load_pipeline(DEFAULT_MODEL, ("senter", "ner"))
    assert nlp.pipe_names == [PARAGRAPH_COMPONENT, SENTENCE_CAP_COMPONENT, "senter", "ner"]


@pytest.mark.model
@pytest.mark.parametrize(
    "paragraphs",
    [
        ["Israel will go it alone on Rafah if it has to, Netanyahu tells Blinken", "the two men met in Tel Aviv."],
        ["Blinken's statements against a Rafah operation", "Blinken for his part issued very clear statements."],
        ["Minister Benny Gantz (National Unity) met with Blinken and", "reiterated his profound appreciation."],
        ["“We will do it alone,” he said", "“We have no choice”", "Gantz said Israel would continue."],
    ],
)
def test_each_paragraph_starts_a_sentence(pipeline, paragraphs):
    text = "\n\n".join(paragraphs)
    doc = pipeline.nlp(text)
    sentence_starts = {sent.start_char for sent in doc.sents}
    position = 0
    for paragraph in paragraphs:
        assert position in sentence_starts, f"no sentence starts at {paragraph!r}"
        position += len(paragraph) + 2
    for sent in doc.sents:
        assert "\n\n" not in sent.text.strip()
