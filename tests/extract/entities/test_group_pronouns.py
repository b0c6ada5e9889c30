"""A plural pronoun after two coordinated names is the group, not one organisation."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


def _pronouns_of(document, name: str) -> list[str]:
    entity = next(e for e in document.entities if e.name == name)
    return [m.text for m in entity.mentions if m.kind == "pronoun"]


def test_they_after_coordinated_names_is_left_to_the_group(run):
    text = (
        "Talks stall over ceasefire\n\n"
        "Hamas rejected the latest offer on Tuesday.\n\n"
        "Israel and the United States have been united in their belief that the group must go. "
        "But they have differed in their military approach."
    )
    docs, failures = run([{"id": "group", "text": text, "published": "2024-03-22"}])
    assert failures == []
    assert _pronouns_of(docs[0], "Hamas") == []


def test_they_still_finds_a_lone_organisation(run):
    text = (
        "Airline expands fleet\n\n"
        "Ryanair reported record profits on Monday. They plan to open twenty new routes next year, "
        "the airline said."
    )
    docs, failures = run([{"id": "lone", "text": text, "published": "2024-03-22"}])
    assert failures == []
    assert [p.lower() for p in _pronouns_of(docs[0], "Ryanair")] == ["they"]  # British usage: the firm
