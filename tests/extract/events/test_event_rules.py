"""Event rules beyond the verb dictionary, on hand-made sentences (through the default pipeline).

Event nouns with a possessor, a target phrase and their own date; passives with conjoined
agents and no target; presence "in CAPITAL for talks"; aid arriving somewhere; light verbs;
first-person words in quotations; conditional and possible events; newsgraph's additions to
the bundled verb dictionary.
"""

from __future__ import annotations

import pytest

from newsgraph.extract.events import dictionaries_for
from newsgraph.records import Event

PUBLISHED = "2024-03-22"


@pytest.fixture(scope="module")
def events(pipeline):
    def events(text: str) -> list[Event]:
        return pipeline.analyze(text, published=PUBLISHED).events

    return events


def test_event_noun_with_bound_possessor_target_and_own_date(events) -> None:
    # "its" is the subject of its clause; the date is the one inside the noun phrase.
    (event,) = events("Iran must be punished for its March 3 attack against Israel.")
    assert (event.source_code, event.target_code, event.code[:2]) == ("IRN", "ISR", "19")
    assert event.trigger == "attack"
    assert event.date == "2024-03-03" and event.date_from == "sentence"


def test_passive_mediation_with_conjoined_agents_and_no_target(events) -> None:
    found = events("The talks were mediated by Norway and Egypt.")
    assert {(e.source_code, e.target_code, e.code) for e in found} == {("NOR", None, "045"), ("EGY", None, "045")}


def test_presence_in_a_capital_for_talks_is_negotiation_with_the_host(events) -> None:
    (event,) = events("An Egyptian delegation was in Amman for talks on Monday.")
    assert (event.source_code, event.target_code, event.code) == ("EGY", "JOR", "046")
    assert event.place == "Amman"
    assert event.date == "2024-03-18"
    assert event.status == "occurred"
    (planned,) = events("Egypt will travel to Amman for talks.")
    assert planned.status == "planned" and planned.target_code == "JOR"


def test_aid_entering_a_place_has_no_known_source(events) -> None:
    (event,) = events("Food entered Gaza on Thursday.")
    assert (event.source, event.source_code, event.target_code, event.code) == (None, None, "PSE", "073")
    assert event.place == "Gaza" and event.date == "2024-03-21"
    # Troops entering a town are no aid.
    assert not [e for e in events("Soldiers entered Gaza on Thursday.") if e.code == "073"]


def test_light_verb_with_an_event_noun(events) -> None:
    (event,) = events("France gave a joint press conference with Germany in Paris on Tuesday.")
    assert (event.source_code, event.target_code, event.code) == ("FRA", "DEU", "040")
    assert event.trigger == "conference"
    assert event.place == "Paris" and event.date == "2024-03-19"


def test_first_person_in_a_quotation_is_the_speaker(events) -> None:
    (event,) = events("“We will attack Hamas in Rafah,” said Israeli Prime Minister Benjamin Netanyahu.")
    assert event.source == "Benjamin Netanyahu" and event.source_entity is not None
    assert event.code[:2] == "19" and event.target_code and event.target_code.endswith("HMS")
    assert event.status == "planned"


def test_unresolved_pronouns_and_clauses_of_the_object_give_no_actor(events) -> None:
    # "we" outside a quotation is nobody the coder knows; Hamas is in a clause of its own.
    assert events("Israel appreciates the fact that we stood together against Hamas.") == []


def test_conditional_and_possible_events(events) -> None:
    (event,) = events("Egypt will attack Israel if it has to.")
    assert event.status == "hypothetical"
    (event,) = events("There is no way for Israel to defeat Hamas.")
    assert event.status == "hypothetical"


def test_supplement_to_the_bundled_dictionary(events) -> None:
    (event,) = events("France took issue with Germany.")
    assert (event.source_code, event.target_code, event.code) == ("FRA", "DEU", "111")
    (event,) = events("Egypt will lead a delegation to Washington.")
    assert (event.target_code, event.code, event.status, event.place) == ("USA", "042", "planned", "Washington")
    verbs = dictionaries_for().verbs
    assert verbs.lookup("mediated")[0].code.event == "045"


def test_user_verb_dictionary_gets_no_supplement(tmp_path) -> None:
    path = tmp_path / "verbs.txt"
    path.write_text("---  COMPROMISE   [080]  ---\nMEDIATE\n", encoding="utf-8")
    verbs = dictionaries_for(str(path)).verbs
    assert verbs.lookup("mediated")[0].code.event == "080"
