"""Events beyond politics, on hand-made sentences (through the default pipeline): local actors
coded by their role nouns, participants without a code, acts complete without a target."""

from __future__ import annotations

import pytest

from newsgraph.records import Event

PUBLISHED = "2025-10-21"


@pytest.fixture(scope="module")
def events(pipeline):
    def events(text: str) -> list[Event]:
        return pipeline.analyze(text, published=PUBLISHED).events

    return events


def _triples(found: list[Event]) -> set[tuple[str | None, str | None, str]]:
    return {(e.source_code, e.target_code, e.code[:2]) for e in found}


@pytest.mark.parametrize(
    ("text", "triple"),
    [
        # Role nouns: the agents dictionary's sectors, and the local ones it lacks (union, council).
        ("The union demanded a pay rise from the company.", ("---LAB", "---BUS", "10")),
        ("The minister criticised the union over the strike.", ("---GOV", "---LAB", "11")),
        ("Police arrested two men after the robbery.", ("---COP", "---PPL", "17")),
        ("Regulators fined the bank $10 million.", ("---GOV", "---BUS", "17")),
        ("The mayor met business leaders on Friday.", ("---GOV", "---BUS", "04")),
    ],
)
def test_local_actors_are_coded_by_their_role_nouns(events, text, triple) -> None:
    assert triple in _triples(events(text))


def test_a_participant_without_a_code_is_still_a_participant(events) -> None:
    (event,) = events("The union praised Halden Motors on Tuesday.")
    assert (event.source_code, event.target, event.target_code, event.code[:2]) == (
        "---LAB",
        "Halden Motors",
        None,
        "05",
    )
    assert event.target_entity is not None
    (event,) = events("Halden Motors sued its former chief executive.")
    assert (event.source, event.source_code, event.target_code, event.code[:2]) == ("Halden Motors", None, None, "17")


def test_force_between_parties_without_codes_is_no_event(events) -> None:
    # "beat" is an assault in CAMEO; between two uncoded organisations it is a figure of speech.
    found = events("Northfield Rovers beat Southport Athletic on Saturday.")
    assert not [e for e in found if e.code[:2] in ("18", "19", "20")]


@pytest.mark.parametrize(
    ("text", "source", "root"),
    [
        ("Workers went on strike at the plant on Monday.", "---LAB", "14"),
        ("Residents protested against the new road.", "---CVL", "14"),
        ("The council rejected the planning application.", "---GOV", "12"),
    ],
)
def test_protests_strikes_and_rejections_need_no_target(events, text, source, root) -> None:
    (event,) = events(text)
    assert (event.source_code, event.target_code, event.code[:2]) == (source, None, root)
    assert event.status == "occurred"


def test_speech_without_an_addressee_is_no_event(events) -> None:
    # CLAIM's code (disapprove) needs someone it is addressed to.
    assert not events("Acme Corp claimed that the new phone will double the speed.")
