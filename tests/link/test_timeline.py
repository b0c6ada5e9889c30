"""Entity timelines: which entity is the target, the predicates it takes part in, their order."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from newsgraph.extract.events.participants import story_date
from newsgraph.link.timeline import is_target, order
from newsgraph.records import Entity, Mention


def _entity(name: str, type_: str = "organization", aliases: tuple[str, ...] = ()) -> Entity:
    return Entity(id=f"x-{name}", name=name, type=type_, aliases=list(aliases), mentions=[Mention(0, 1, name, "ORG")])


@pytest.mark.parametrize(
    ("entity", "target", "expected"),
    [
        (_entity("Air Force"), "United States Air Force", True),
        (_entity("USAF"), "United States Air Force", True),
        (_entity("Boeing", aliases=("Boeing Co.",)), "Boeing", True),
        (_entity("Airbus"), "Airbus A380", False),  # the maker is not its aircraft
        (_entity("A380", "product"), "Airbus A380", True),
        (_entity("787", "product"), "Boeing 787 Dreamliner", True),
        (_entity("Dreamliner", "product"), "Boeing 787 Dreamliner", True),
        (_entity("Boeing 777", "product"), "Boeing 787 Dreamliner", False),
        (_entity("Airlines"), "Singapore Airlines", False),
        (_entity("General Motors"), "General Motors Corporation", True),
        (_entity("General Motors Corp."), "General Motors", True),
        (_entity("Nasdaq"), "NASDAQ composite", True),
        (_entity("Dow Jones"), "Dow Jones Industrial Average", True),
        (_entity("Motors"), "General Motors Corporation", False),
        (_entity("Boeing"), "Boeing 777", False),  # a model number is not a designator
    ],
)
def test_is_target(entity, target, expected):
    assert is_target(entity, target) is expected


def _of(document, targets):
    """The pipeline's own participations of the target entities."""
    return [p for p in document.participations if p.entity in set(targets)]


@dataclass
class _Item:
    date: str


def test_order_by_date_with_unknown_parts_first_and_unplaced_items_at_zero():
    items = [_Item("2007-03-19"), _Item("2007-XX-XX"), _Item("2005-04-27"), _Item("XXXX-XX-XX"), _Item("2007-03-19")]
    assert order(items) == [3, 2, 1, 0, 3]


@pytest.mark.model
def test_participations_are_dated_by_their_sentence(run):
    text = (
        "Airbus A380 completes first flight\n\n"
        "The Airbus A380 made its maiden flight on April 27, 2005, after a delay.\n\n"
        "Singapore Airlines will operate the A380 from October 2007.\n\n"
        "The superjumbo had been announced by Airbus years before."
    )
    docs, failures = run([{"id": "tl", "text": text, "published": "2005-04-28"}])
    assert failures == []
    document = docs[0]
    targets = [e.id for e in document.entities if is_target(e, "Airbus A380")]
    assert targets
    found = {p.event: p.date for p in _of(document, targets)}
    assert found.get("flight") == "2005-04-27"  # "made its maiden flight": the flight is the event
    assert found.get("operate") == "2007-10-XX"
    for item in _of(document, targets):
        assert document.text[item.start : item.end] == item.event


@pytest.mark.model
def test_the_leads_date_dates_the_story(run):
    text = (
        "Boeing unveils its new jet\n\n"
        "Boeing unveiled its new 787 airliner at its factory near Seattle on Sunday.\n\n"
        "Boeing says the aircraft uses less fuel than its rivals."
    )
    docs, _ = run([{"id": "lead", "text": text, "published": "2007-07-09"}])  # a Monday
    document = docs[0]
    assert story_date(document) == "2007-07-08"
    targets = [e.id for e in document.entities if is_target(e, "Boeing")]
    dates = {p.event: (p.date, p.date_from) for p in _of(document, targets)}
    assert dates["unveiled"] == ("2007-07-08", "sentence")
    assert dates["says"] == ("2007-07-08", "story")  # no date of its own: the story's


@pytest.mark.model
def test_a_modal_happening_without_a_time_of_its_own_is_unplaced(run):
    text = (
        "Airline weighs new routes\n\n"
        "Ryanair opened a new base in Dublin on Monday.\n\n"
        "Ryanair will add more routes. Ryanair could expand to Asia in 2009."
    )
    docs, _ = run([{"id": "modal", "text": text, "published": "2008-05-14"}])
    document = docs[0]
    targets = [e.id for e in document.entities if is_target(e, "Ryanair")]
    assert targets
    dates = {p.event: (p.date, p.date_from) for p in _of(document, targets)}
    assert dates["opened"][0] != "XXXX-XX-XX"  # asserted: dated by its sentence or the story
    assert dates["add"] == ("XXXX-XX-XX", "none")  # "will add": no time given, not the story's date
    assert dates["expand"] == ("2009-XX-XX", "sentence")  # a modal with its own time keeps it


@pytest.mark.model
def test_a_time_expression_dates_its_own_clause_not_another(run):
    text = (
        "Boeing loses tanker contract\n\n"
        "The Air Force awarded the tanker contract to Northrop Grumman in February.\n\n"
        "When the Air Force chose Northrop on February 29, Boeing protested the decision.\n\n"
        "Boeing built its first tanker in 1956 and delivered it in 1957."
    )
    docs, _ = run([{"id": "clause", "text": text, "published": "2008-03-12"}])
    document = docs[0]
    targets = [e.id for e in document.entities if is_target(e, "Boeing")]
    assert targets
    dates = {p.event: (p.date, p.date_from) for p in _of(document, targets)}
    assert dates["protested"] == ("2008-03-12", "story")  # February 29 dates the choice, not the protest
    assert dates["built"] == ("1956-XX-XX", "sentence")
    assert dates["delivered"] == ("1957-XX-XX", "sentence")  # its own time, though 1956 is nearer the subject
