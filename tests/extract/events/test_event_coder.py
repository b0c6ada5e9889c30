"""The event coder and status on hand-made sentences (through the default pipeline)."""

from __future__ import annotations

import pytest

from newsgraph.extract.events.coder import composite_code, negated_code
from newsgraph.records import Event

PUBLISHED = "2024-03-22"


@pytest.fixture(scope="module")
def events(pipeline):
    def events(text: str) -> list[Event]:
        return pipeline.analyze(text, published=PUBLISHED).events

    return events


def _triples(events: list[Event]) -> set[tuple[str | None, str | None, str]]:
    return {(e.source_code, e.target_code, (e.code or "")[:2]) for e in events}


def test_simple_event_with_goldstein_and_offsets(events) -> None:
    text = "Egypt criticized Israel."
    (event,) = events(text)
    assert (event.source_code, event.target_code, event.code) == ("EGY", "ISR", "111")
    assert event.status == "occurred"
    assert event.goldstein == -2.0 and event.quad_class == 3
    assert text[event.trigger_start : event.trigger_end] == "criticized"
    assert event.start <= event.trigger_start < event.trigger_end <= event.end
    assert event.source_actor_start is not None and event.source_actor_end is not None
    assert text[event.source_actor_start : event.source_actor_end] == "Egypt"
    assert event.date == PUBLISHED and event.date_from == "publication"


def test_negation(events) -> None:
    (event,) = events("Egypt did not meet Israel on Monday.")
    assert event.status == "negated"
    # A refused meeting is a rejection in CAMEO (125), not a meeting.
    assert event.code == "125"
    assert event.date == "2024-03-18" and event.date_from == "sentence"
    assert events("Egypt never criticized Israel.")[0].status == "negated"
    assert events("Egypt refused to meet Israel.")[0].status == "negated"


def test_plans(events) -> None:
    (event,) = events("Egypt will meet Israel in Cairo next week.")
    assert event.status == "planned"
    assert event.code is not None and event.code.startswith("04")
    assert event.place == "Cairo" and event.place_code == "EGY"
    assert event.date == "2024-W13"


def test_conditionals(events) -> None:
    assert events("If we have to, Egypt will attack Israel.")[0].status == "hypothetical"
    assert events("Egypt could attack Israel.")[0].status == "hypothetical"


def test_passive_agent_is_the_source(events) -> None:
    (event,) = events("Israel was attacked by Egypt on Tuesday.")
    assert (event.source_code, event.target_code, event.code[:2]) == ("EGY", "ISR", "19")
    assert event.date == "2024-03-19"


def test_conjoined_actors_give_one_event_each(events) -> None:
    assert _triples(events("Qatar and Egypt criticized Israel.")) == {("QAT", "ISR", "11"), ("EGY", "ISR", "11")}


def test_a_meeting_of_conjoined_subjects_pairs_them(events) -> None:
    triples = _triples(events("France and Germany met in Paris."))
    assert {("FRA", "DEU", "04"), ("DEU", "FRA", "04")} <= triples


def test_reported_accusation(events) -> None:
    # A speaker saying another actor attacked is an accusation (PETRARCH's transformation).
    (event,) = events("Israel said that Egypt attacked Hamas.")
    assert (event.source_code, event.target_code, event.code) == ("ISR", "EGY", "112")


def test_no_event_without_actors(events) -> None:
    assert events("The weather was nice and people walked in the park.") == []


def test_code_combinations() -> None:
    assert composite_code("020", "070") == "023"  # appeal for aid
    assert composite_code("030", "040") == "036"  # intent to meet
    assert composite_code("130", "190") == "138"  # threaten with force
    assert composite_code("010", "190") is None
    assert negated_code("060") == "121"
    assert negated_code("040") == "125"
    assert negated_code("190") == "190"
