"""Events: who did what to whom, where and when, CAMEO-coded, with a status.

:func:`extract_events` codes each sentence with the PETRARCH-2 verb dictionary
(:mod:`.verbs`) over the dependency parse (:mod:`.coder`), takes actors from the entity layer
and the CAMEO actor dictionaries, dates from the time expressions, and tells events that
happened from planned, negated, hypothetical and reported ones (:mod:`.status`). Goldstein
scores and QuadClass come from the code (:mod:`.goldstein`).

Users' own PETRARCH-format dictionaries replace the bundled ones through
:class:`EventDictionaries` (``Config.verb_dictionary``, ``Config.actor_dictionaries``).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from spacy.tokens import Doc, Span

from newsgraph.annotate import budget
from newsgraph.extract.entities.actors import (
    ACTOR_FILES,
    ActorDictionary,
    AgentDictionary,
    load_actor_dictionary,
    load_agent_dictionary,
)
from newsgraph.extract.events.coder import (
    ActorCoder,
    Coded,
    SentenceCoder,
    Transformation,
    clause_path,
    compile_transformations,
    place_of,
)
from newsgraph.extract.events.goldstein import goldstein, quad_class
from newsgraph.extract.events.status import event_status
from newsgraph.extract.events.verbs import SUPPLEMENT_FILE, VERB_FILE, VerbDictionary, load_verb_dictionary
from newsgraph.records import Document, Event, TimeExpression

if TYPE_CHECKING:
    from newsgraph.config import Config

__all__ = ["EventDictionaries", "dictionaries_for", "extract_events", "load_verb_dictionary"]


@dataclass(frozen=True, slots=True)
class EventDictionaries:
    """The verb, actor and agent dictionaries one coder uses."""

    verbs: VerbDictionary
    actors: ActorDictionary
    agents: AgentDictionary


@lru_cache(maxsize=8)
def dictionaries_for(
    verb_file: str | None = None, actor_files: tuple[str, ...] = (), agent_file: str | None = None
) -> EventDictionaries:
    """Bundled dictionaries, or the user's: ``actor_files`` are read before the bundled ones
    (a user's entry wins), ``verb_file`` replaces the bundled verb dictionary (and newsgraph's
    supplement to it)."""
    verbs = load_verb_dictionary(verb_file) if verb_file else load_verb_dictionary(VERB_FILE, SUPPLEMENT_FILE)
    actors = load_actor_dictionary((*actor_files, *ACTOR_FILES)) if actor_files else load_actor_dictionary()
    agents = load_agent_dictionary(agent_file) if agent_file else load_agent_dictionary()
    return EventDictionaries(verbs, actors, agents)


_TRANSFORMATIONS: dict[int, list[Transformation]] = {}


def _transformations(verbs: VerbDictionary) -> list[Transformation]:
    # Keyed by the dictionary object: each loaded dictionary is compiled once.
    rules = _TRANSFORMATIONS.get(id(verbs))
    if rules is None:
        rules = _TRANSFORMATIONS[id(verbs)] = compile_transformations(verbs)
    return rules


def _from_config(config: Config | None) -> EventDictionaries:
    if config is None:
        return dictionaries_for()
    actor_files = tuple(str(p) for p in config.actor_dictionaries)
    agent_files = [p for p in actor_files if "agent" in Path(p).name.lower()]
    actor_only = tuple(p for p in actor_files if p not in agent_files)
    return dictionaries_for(config.verb_dictionary, actor_only, agent_files[0] if agent_files else None)


def extract_events(doc: Doc, document: Document, config: Config | None = None) -> list[Event]:
    """CAMEO-coded events of every sentence, in text order."""
    dictionaries = _from_config(config)
    actors = ActorCoder(
        document.entities, document.published, dictionaries.actors, dictionaries.agents, quotes=document.quotes
    )
    coder = SentenceCoder(dictionaries.verbs, actors, _transformations(dictionaries.verbs))
    events: list[Event] = []
    # Time expressions in text order and quotation spans, looked up by bisection per event
    # (a scan of every one per event is quadratic in a long document).
    times = sorted(
        (t for t in document.time_expressions if t.type in ("DATE", "TIME") and t.value), key=lambda t: t.start
    )
    time_starts = [t.start for t in times]
    quoted = _Spans([(q.start, q.end) for q in document.quotes if q.kind != "reported"])
    for sent in doc.sents:
        budget.check()  # a long article stops here, not after every sentence, when over its budget
        # Cheap pre-filter: a sentence without any verb or event noun has no event.
        if not any(t.tag_.startswith("VB") or t.tag_ == "NNS" or t.tag_ == "NN" for t in sent):
            continue
        coded_events = coder.code_sentence(sent)
        if not coded_events:
            continue
        lo = bisect.bisect_left(time_starts, sent.start_char)
        hi = bisect.bisect_left(time_starts, sent.end_char)
        attachments = _attachments(doc, [t for t in times[lo:hi] if t.end <= sent.end_char])
        for coded in coded_events:
            events.append(_record(coded, sent, document, attachments, quoted.covers(coded.trigger.idx)))
    return events


class _Spans:
    """Character spans (possibly nested or overlapping): does one cover an offset?"""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        merged: list[list[int]] = []
        for start, end in sorted(spans):
            if merged and start <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], end)
            else:
                merged.append([start, end])
        self._starts = [m[0] for m in merged]
        self._ends = [m[1] for m in merged]

    def covers(self, offset: int) -> bool:
        i = bisect.bisect_right(self._starts, offset) - 1
        return i >= 0 and offset < self._ends[i]


def _attachments(doc: Doc, times: list[TimeExpression]) -> dict[int, list[TimeExpression]]:
    """For each word, the time expressions (in text order) attached to its clause through it:
    :func:`attached` read the other way, so that each event looks its dates up."""
    out: dict[int, list[TimeExpression]] = {}
    for expression in times:
        span = doc.char_span(expression.start, expression.end, alignment_mode="expand")
        if span is None:
            continue
        for i in clause_path(span.root):
            out.setdefault(i, []).append(expression)
    return out


def _record(
    coded: Coded, sent: Span, document: Document, attachments: dict[int, list[TimeExpression]], quoted: bool
) -> Event:
    trigger = coded.trigger
    # An event noun takes its verb's clause: "a conference he *gave* in Cairo on Thursday".
    clause = coded.anchor if coded.anchor is not None else trigger
    date, date_from, future = _date(coded, document, attachments)
    target = coded.target
    place = coded.place
    if place is None:
        place = place_of(clause, document.entities)
        if place is not None and target is not None and target.entity is place and not coded.code.startswith("04"):
            place = None  # "fired at Russia": the target, not where it happened; a visit's is both
    source = coded.source
    if coded.anchor is not None and coded.anchor.i != trigger.head.i:
        # "was in Doha for talks", "a conference he gave": the status of the verb's clause.
        status = event_status(coded.anchor, quoted=quoted, future_date=future)
    else:
        status = event_status(trigger, quoted=quoted, future_date=future)
    return Event(
        start=sent.start_char,
        end=sent.end_char,
        trigger=trigger.text,
        trigger_start=trigger.idx,
        trigger_end=coded.trigger_end,
        code=coded.code,
        source=source.text if source else None,
        source_entity=source.entity.id if source and source.entity else None,
        source_code=source.code if source else None,
        target=target.text if target else None,
        target_entity=target.entity.id if target and target.entity else None,
        target_code=target.code if target else None,
        place=place.name if place else None,
        date=date,
        date_from=date_from,
        status=status,
        goldstein=goldstein(coded.code),
        quad_class=quad_class(coded.code),
        source_actor_start=source.start if source else None,
        source_actor_end=source.end if source else None,
        target_actor_start=target.start if target else None,
        target_actor_end=target.end if target else None,
        place_code=(place.country_code or place.actor_code) if place else None,
        latitude=place.latitude if place else None,
        longitude=place.longitude if place else None,
    )


_CALENDAR = re.compile(r"^\d{4}-\d{2}(-\d{2})?$")


DateSource = Literal["sentence", "publication"]


def _date(
    coded: Coded, document: Document, attachments: dict[int, list[TimeExpression]]
) -> tuple[str | None, DateSource | None, bool]:
    """The clause's date (the first time expression attached to the trigger or its anchor), else
    the publication date."""
    candidates = list(attachments.get(coded.trigger.i, ()))
    if coded.anchor is not None:
        candidates += attachments.get(coded.anchor.i, ())
    best = min(candidates, key=lambda t: t.start) if candidates else None
    if best is not None and best.value:
        value = best.value[:10] if best.type == "TIME" else best.value
        published = document.published
        # Only calendar dates compare as strings ("2024-W13" does not against "2024-03-22").
        calendar = _CALENDAR.match(value)
        future = bool(published and calendar and value > published[: len(value)])
        return value, "sentence", future
    if document.published:
        return document.published, "publication", False
    return None, None, False
