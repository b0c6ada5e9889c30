"""Headline names in title case, and the names of town-and-region pairs."""

from __future__ import annotations

BODY = (
    "Anna Kovacs won the council vote on Monday after a long debate about the harbour. "
    "She said the plan would bring jobs to the town, and the council agreed with her."
)


def test_title_case_words_are_no_names_unless_the_body_writes_them(pipeline):
    document = pipeline.analyze(BODY, title="Kovacs Triumphs In Bitter Harbour Vote")
    names = {e.name for e in document.entities}
    assert not any("Triumphs" in n for n in names), names
    people = [e for e in document.entities if e.type == "person"]
    assert [e.name for e in people] == ["Anna Kovacs"]


def test_a_headline_in_sentence_case_is_left_alone(pipeline):
    document = pipeline.analyze(BODY, title="Council backs harbour plan after Kovacs win")
    assert any(e.name == "Anna Kovacs" for e in document.entities)


def test_a_town_and_its_region_are_named_by_the_town(pipeline):
    document = pipeline.analyze(
        "The factory in Wells, Somerset, closed on Friday after the owners ran out of money to pay the staff."
    )
    wells = [e for e in document.entities if e.type == "place" and "Wells" in e.name]
    assert wells and wells[0].name == "Wells" and "Wells, Somerset" in wells[0].aliases, wells
