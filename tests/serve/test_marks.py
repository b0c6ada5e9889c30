"""Article segments on hand-built documents: every fact's span is marked, nesting included."""

from __future__ import annotations

from newsgraph.records import Document, Entity, Event, Mention, OffsetMap, Paragraph, Quote, Sentence
from newsgraph.serve import marks

TEXT = 'Talks resume\n\nThe minister Ana Ruiz said: "We will meet Hamid Khan in Rome."'
#: The input had a caption line between headline and body, which cleaning removed.
CAPTION = "Photo: the harbour (Reuters)\n\n"


def document() -> Document:
    ana = TEXT.index("Ana Ruiz")
    quote = TEXT.index("We will")
    hamid = TEXT.index("Hamid Khan")
    meet = TEXT.index("meet")
    return Document(
        id="d1",
        text=TEXT,
        paragraphs=[Paragraph(0, 12, "title"), Paragraph(14, len(TEXT))],
        sentences=[Sentence(0, 12, 0), Sentence(14, len(TEXT), 1)],
        entities=[
            Entity("e1", "Ana Ruiz", "person", mentions=[Mention(ana, ana + 8, "Ana Ruiz", "PERSON", "e1")]),
            Entity("e2", "Hamid Khan", "person", mentions=[Mention(hamid, hamid + 10, "Hamid Khan", "PERSON", "e2")]),
        ],
        quotes=[
            Quote(
                quote,
                len(TEXT) - 1,
                TEXT[quote:-1],
                speaker="Ana Ruiz",
                speaker_entity="e1",
                speaker_start=ana,
                speaker_end=ana + 8,
                cue="said",
            )
        ],
        events=[Event(quote, len(TEXT) - 1, "meet", meet, meet + 4, code="036", goldstein=4.0)],
        offset_map=OffsetMap([(0, 0, 12), (14, 14 + len(CAPTION), len(TEXT) - 14)]),
    )


def test_segments_rebuild_the_text_and_carry_every_fact():
    doc = document()
    facts = marks.facts_of(doc, {"e1": "per-1"})
    paragraphs = marks.paragraphs(doc, facts)
    assert [p["kind"] for p in paragraphs] == ["title", "body"]
    assert "".join(s.text for p in paragraphs for s in p["segments"]) == TEXT.replace("\n\n", "")
    by_text = {s.text: s for p in paragraphs for s in p["segments"]}
    assert set(by_text["Hamid Khan"].facts) == {"m1-0", "q0"}  # a mention inside a quote keeps both
    assert "quote" in by_text["Hamid Khan"].css and "ent-person" in by_text["Hamid Khan"].css
    assert "event" in by_text["meet"].css and "coop" in by_text["meet"].css
    assert set(by_text["Ana Ruiz"].facts) == {"m0-0", "q0s"}
    assert by_text["Talks resume"].anchor == "s0"


def test_fact_details_carry_offsets_into_text_and_input():
    doc = document()
    details = marks.fact_details(marks.facts_of(doc, {"e1": "per-1"}))
    quote = details["q0"]["details"]
    assert doc.text[quote["start"] : quote["end"]] == "We will meet Hamid Khan in Rome."
    shift = len(CAPTION)
    assert (quote["source_start"], quote["source_end"]) == (quote["start"] + shift, quote["end"] + shift)
    assert quote["speaker"] == "Ana Ruiz" and quote["actor"] == "per-1"
    assert "actor" not in details["m1-0"]["details"]  # no store actor: no link


def test_highlight_marks_exactly_the_asked_span():
    doc = document()
    start = TEXT.index("Rome")
    segments = [s for p in marks.paragraphs(doc, marks.facts_of(doc), (start, start + 4)) for s in p["segments"]]
    assert [s.text for s in segments if s.highlighted] == ["Rome"]
    quote = TEXT.index("We will")
    segments = [s for p in marks.paragraphs(doc, marks.facts_of(doc), (quote, len(TEXT) - 1)) for s in p["segments"]]
    assert len([s for s in segments if s.highlighted]) > 1
    assert [s.text for s in segments if s.highlight_anchor] == ["We will "]


def test_speakers_get_distinct_colours_in_order():
    doc = document()
    doc.quotes.append(Quote(0, 5, "Talks", speaker="Someone"))
    assert marks.speaker_classes(doc) == {"e1": 0, "Someone": 1}
