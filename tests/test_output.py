"""Output writers and the text digest, on hand-made documents (no model needed)."""

from __future__ import annotations

import io
import json

from newsgraph.output import digest, write_documents
from newsgraph.records import (
    Caption,
    Document,
    Entity,
    Event,
    Mention,
    Paragraph,
    Quantity,
    Quote,
    Removal,
    Sentence,
    SourceSpan,
    Stance,
    TimeExpression,
)


def _doc(doc_id: str = "d1", **fields) -> Document:
    text = "Bridge reopens\n\nThe bridge reopened on Tuesday, the mayor said."
    return Document(
        id=doc_id,
        text=text,
        title="Bridge reopens",
        paragraphs=[Paragraph(0, 14, "title"), Paragraph(16, len(text))],
        sentences=[Sentence(16, len(text), 1)],
        **fields,
    )


def test_digest_shows_title_counts_removals_captions_and_entities():
    doc = _doc(
        published="2024-05-14",
        published_from="html",
        source="page.html",
        removals=[
            Removal("caption", "A caption", 0, 9),
            Removal("caption", "A caption", 20, 29),
            Removal("near_duplicate", "The bridge reopened on Tuesday.", 40, 71, duplicate_of=1, similarity=95.5),
        ],
        captions=[Caption("A caption", "REUTERS/Jane Doe", [SourceSpan(0, 9), SourceSpan(20, 29)])],
        credits=["REUTERS/Jane Doe"],
        entities=[
            Entity("per-1", "James Whitfield", "person", mentions=[Mention(20, 35, "James Whitfield", "PERSON")])
        ],
    )
    text = digest(doc)
    assert text.startswith("══ Bridge reopens\n")
    assert "id d1 · published 2024-05-14 (from html) · source page.html" in text
    assert "body: 1 paragraph, 1 sentence, 8 words" in text
    assert "removed: 2 caption lines, 1 near-repeated paragraph" in text
    assert "near-duplicate of ¶1 (95.5% alike): The bridge reopened on Tuesday." in text
    assert "caption (×2): A caption — REUTERS/Jane Doe" in text
    assert "credits:" not in text  # the credit is shown with its caption
    assert "entities (1):" in text and "person: James Whitfield ×1" in text


def test_digest_without_title_lists_standalone_credits():
    doc = Document(id="x", text="Some text here.", credits=["AFP"], paragraphs=[Paragraph(0, 15)])
    text = digest(doc)
    assert text.startswith("══ (no title)")
    assert "credits: AFP" in text


def test_digest_lists_findings_of_later_extractors():
    doc = _doc(
        quotes=[Quote(0, 5, "We will rebuild", speaker="Whitfield", cue="said", addressee="reporters")],
        time_expressions=[TimeExpression(0, 7, "Tuesday", "DATE", "2024-05-14")],
        quantities=[Quantity(0, 5, "14 million dollars", 14e6, "USD", what="repairs")],
        events=[Event(0, 5, "reopened", 0, 8, code="020", source="council", target="bridge", place="Port Elliot")],
        stances=[Stance("council", "the closure", "oppose", 0, 5)],
    )
    text = digest(doc)
    assert "Whitfield said → reporters: “We will rebuild”" in text
    assert "dates and times: Tuesday = 2024-05-14" in text
    assert "quantities: 14 million dollars (USD: repairs)" in text
    assert "? · Port Elliot · council —020→ bridge (occurred)" in text
    assert "council opposes the closure" in text


def test_digest_names_what_a_tally_counts_once():
    tally = Quantity(0, 3, "9-2", 9.0, "votes", what="votes", category="vote", against=2.0)
    assert "quantities: 9-2 (votes, vote)" in digest(_doc(quantities=[tally]))


def test_jsonl_writes_one_document_per_line_and_passes_documents_on():
    out = io.StringIO()
    docs = [_doc("a"), _doc("b")]
    passed = list(write_documents(docs, out, "jsonl"))
    assert passed == docs
    lines = out.getvalue().splitlines()
    assert [json.loads(line)["id"] for line in lines] == ["a", "b"]


def test_json_array_is_valid_for_zero_one_and_many_documents():
    for count in (0, 1, 3):
        out = io.StringIO()
        list(write_documents([_doc(str(i)) for i in range(count)], out, "json", with_source=True))
        data = json.loads(out.getvalue())
        assert [d["id"] for d in data] == [str(i) for i in range(count)]
