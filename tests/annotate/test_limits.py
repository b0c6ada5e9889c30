"""Bounds before the model: punctuation runs cut into short tokens, sentence length capped."""

from __future__ import annotations

import itertools

import pytest
import spacy

from newsgraph.annotate import load_pipeline
from newsgraph.annotate.limits import (
    HARD_CAP_FACTOR,
    RUN_PIECE,
    RunSplittingTokenizer,
    SentenceCap,
    annotate_by_windows,
    cap_starts,
    windows,
)
from newsgraph.config import DEFAULT_MODEL


@pytest.fixture(scope="module")
def tokenizer() -> RunSplittingTokenizer:
    return RunSplittingTokenizer(spacy.blank("en").tokenizer)


@pytest.mark.parametrize(
    "text",
    [
        "Before " + "(" * 20_000 + " after.",
        "word" + "))))" * 5_000 + "word",
        "\"'“”‘’«»" * 2_000,
        "Ends with a run" + "!?" * 3_000,
        "(" * 100 + "\n\n" + "—" * 100 + "x",
    ],
)
def test_a_punctuation_run_becomes_short_tokens_with_the_text_unchanged(tokenizer, text):
    doc = tokenizer(text)
    assert doc.text == text
    assert max(len(t.text) for t in doc) <= RUN_PIECE
    # Every token's offset points at its own text.
    assert all(text[t.idx : t.idx + len(t.text)] == t.text for t in doc)
    assert len(doc) <= len(text) // RUN_PIECE + 10


def test_text_without_a_long_run_is_tokenized_as_spacy_does(tokenizer):
    text = "Mr. Smith (the mayor) said: “It's done!” -- and left... ???"
    assert [t.text for t in tokenizer(text)] == [t.text for t in tokenizer.tokenizer(text)]


def test_a_run_on_stretch_is_cut_after_its_last_clause_break():
    words = ["w"] * 30
    words[11] = "."
    words[20] = ","
    forced = cap_starts(words, [True] + [False] * 29, 15)
    assert forced == [21]  # 15 tokens after the full stop without another: after the comma
    pieces = [0, *forced, len(words)]
    assert all(b - a <= 15 + 12 for a, b in itertools.pairwise(pieces))


def test_text_with_sentence_ends_is_left_to_the_parser_up_to_the_hard_cap():
    words = (["w"] * 9 + ["."]) * 10
    assert cap_starts(words, [True] + [False] * 99, 50) == []
    forced = cap_starts(words, [True] + [False] * 99, 20)
    assert forced == [80]  # past 4 x 20 tokens: after the last full stop
    assert HARD_CAP_FACTOR == 4


def test_the_component_sets_starts_only_in_stretches_over_the_cap():
    nlp = spacy.blank("en")
    doc = nlp.make_doc("\n".join([" ".join(["w"] * 20)] * 3))
    for token in doc:
        if token.i and "\n" in doc[token.i - 1].text:
            token.is_sent_start = True
    before = [t.i for t in doc if t.is_sent_start]
    assert [t.i for t in SentenceCap(30)(doc) if t.is_sent_start] == before
    long = nlp.make_doc(" ".join(["w"] * 70))
    assert [t.i for t in SentenceCap(30)(long) if t.is_sent_start] == [0, 30, 60]


def test_cap_starts_without_any_break_cuts_at_the_limit():
    forced = cap_starts(["w"] * 1000, [True] + [False] * 999, 100)
    assert forced == list(range(100, 1000, 100))


@pytest.mark.model
def test_no_sentence_from_the_parser_is_longer_than_the_cap():
    nlp = load_pipeline(DEFAULT_MODEL, ("tok2vec", "parser"), max_sentence_tokens=40)
    text = " ".join(["the council said the plan would work and"] * 60)  # 480 tokens, no full stop
    doc = nlp(text)
    lengths = [len(s) for s in doc.sents]
    assert max(lengths) <= 40
    assert sum(lengths) == len(doc)


@pytest.mark.model
def test_the_cap_leaves_an_ordinary_paragraph_as_the_parser_splits_it(pipeline):
    text = (
        "The council approved the barrier on Tuesday. Work starts in March, the mayor said. "
        "Residents asked whether it would protect their homes."
    )
    doc = pipeline.nlp(text)
    assert [s.text for s in doc.sents] == [
        "The council approved the barrier on Tuesday.",
        "Work starts in March, the mayor said.",
        "Residents asked whether it would protect their homes.",
    ]


@pytest.mark.parametrize("size", [1000, 1500, 4000])
def test_windows_join_back_to_the_text_and_cut_after_paragraphs(size):
    paragraph = "The council met on Monday and agreed a new budget for the schools in the city. " * 3
    text = "\n".join(paragraph.strip() for _ in range(40))
    pieces = windows(text, size)
    assert "".join(pieces) == text
    assert all(len(p) <= size for p in pieces)
    assert all(p.endswith("\n") for p in pieces[:-1])


def test_a_window_without_a_paragraph_break_is_cut_at_a_space_or_the_limit():
    assert all(len(p) <= 1000 and p.endswith(" ") for p in windows("word " * 1000, 1000)[:-1])
    assert windows("x" * 2500, 1000) == ["x" * 1000, "x" * 1000, "x" * 500]


@pytest.mark.model
def test_a_long_article_by_windows_keeps_tokens_offsets_and_sentences(pipeline):
    paragraphs = [
        f"Maria Lopez, the mayor of Port Elliot, said on Monday that the bridge {i} would reopen. "
        "Engineers from Acme Corp will start work in March."
        for i in range(30)
    ]
    text = "\n".join(paragraphs)
    doc = annotate_by_windows(pipeline.nlp, text, 1000)
    whole = pipeline.nlp(text)
    assert doc.text == text
    assert [(t.idx, t.text) for t in doc] == [(t.idx, t.text) for t in whole]
    starts = {s.start_char for s in doc.sents}
    position = 0
    for paragraph in paragraphs:  # every paragraph still starts a sentence
        assert position in starts
        position += len(paragraph) + 1
    assert all(text[e.start_char : e.end_char] == e.text for e in doc.ents)
    assert {e.text for e in doc.ents if e.label_ == "PERSON"} == {"Maria Lopez"}
    assert all(t.head.sent == t.sent for t in doc)  # parses stay within their sentence


def test_a_forced_start_keeps_a_closing_quote_with_its_sentence():
    words = ["w", "w", "w", ".", "”"] * 20
    forced = cap_starts(words, [True] + [False] * (len(words) - 1), 10)
    assert forced and all(words[i] == "w" and words[i - 1] == "”" for i in forced)
