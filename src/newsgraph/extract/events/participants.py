"""What an entity takes part in: the predicates whose arguments mention it, with a date.

CAMEO events cover political interaction only; a timeline of "Airbus A380" needs every
happening the aircraft takes part in ("made its maiden flight", "lifting off", "will enter
service in 2007"). This reads them off the dependency parse: the verb whose subject, object
or prepositional object is a mention of the entity (names, descriptions and pronouns the
entity layer resolved), the verbs conjoined with it or governed by it ("is expected to
enter"), and the event noun the mention belongs to ("the A380's maiden flight", "the
departure of the A380", "the A380 tour"). Each predicate is dated by a time expression of
its own clause or of a clause governing it, else by the story's date (the lead's date, else the
publication date); a happening under a modal ("will enter", "could cut") with no time of its own
is left unplaced.
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Iterable
from datetime import date
from typing import Literal

from spacy.tokens import Doc, Token

from newsgraph.extract.events.status import SPEECH_HEADS
from newsgraph.records import Document, ParticipantRole, Participation, TimeExpression


def _words(*lines: str) -> frozenset[str]:
    return frozenset(" ".join(lines).split())


#: Being and having are states, not happenings.
_STATIVE = frozenset({"is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "having"})
_MODALS = _words("will would shall should can could may might must 'll 'd wo ca")
_NOUN_PREPS = frozenset({"of", "between", "with", "by", "from", "for", "against"})
_ARGUMENTS = frozenset({"nsubj", "nsubjpass", "dobj", "dative", "attr", "oprd"})
#: Verbs that carry no event of their own: the event is their complement ("is expected to enter").
_LIGHT_VERBS = _words(
    "be is are was were been being have has had do does did expect expected expects set seem seems",
    "seemed appear appears appeared begin began begun continue continued start started try tried",
    "plan planned plans intend intended want wanted make made makes",
)
#: Noun endings that name happenings ("departure", "delivery", "agreement", "production").
_EVENT_SUFFIXES = ("tion", "sion", "ment", "ure", "ery", "al", "ance", "ence", "ing")
_EVENT_NOUNS = _words(
    "flight flights tour tours order orders deal deals launch sale sales crash test tests visit",
    "visits stop trip service debut strike strikes merger bid bids loss losses profit profits cut",
    "cuts rise fall drop talks dispute row battle war attack attacks vote delay delays problem",
    "problems contract contracts plan plans program programme project",
)


def extract_participations(doc: Doc, document: Document) -> list[Participation]:
    """What every named entity of the article takes part in (the extractor)."""
    named = [e.id for e in document.entities if any(m.kind == "name" for m in e.mentions)]
    return participations(doc, document, named)


def participations(doc: Doc, document: Document, entity_ids: Iterable[str]) -> list[Participation]:
    """The predicates the entities ``entity_ids`` take part in, one per predicate and entity."""
    wanted = set(entity_ids)
    anchor = story_date(document)
    found: dict[tuple[str, int], Participation] = {}
    # Sentences and their dated time expressions, looked up by position: ``Token.sent`` walks
    # to the sentence's start, which is quadratic over a long unpunctuated text.
    sentences = list(doc.sents)
    sentence_starts = [s.start for s in sentences]
    dated = sorted(
        (t for t in document.time_expressions if t.type in ("DATE", "TIME") and _calendar(t.value)),
        key=lambda t: t.start,
    )
    dated_starts = [t.start for t in dated]

    def times_of(predicate: Token) -> list[TimeExpression]:
        sentence = sentences[bisect.bisect_right(sentence_starts, predicate.i) - 1]
        lo = bisect.bisect_left(dated_starts, sentence.start_char)
        return dated[lo : bisect.bisect_left(dated_starts, sentence.end_char)]

    for entity in document.entities:
        if entity.id not in wanted:
            continue
        for mention in entity.mentions:
            span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
            if span is None or not len(span):
                continue
            for predicate, role in _predicates(span.root):
                key = (entity.id, predicate.i)
                # One role per predicate: the one acting wins over a second mention as its object.
                if key not in found or (found[key].role == "target" and role != "target"):
                    date, date_from = _date(predicate, times_of(predicate), anchor)
                    found[key] = Participation(
                        entity.id, predicate.text, predicate.idx, predicate.idx + len(predicate), date, date_from, role
                    )
    return sorted(found.values(), key=lambda p: p.start)


def story_date(document: Document) -> str | None:
    """The day the story's main happening took place: the first full date of the lead
    paragraph when it falls in the week up to publication ("unveiled the 787 on Sunday" in a
    Monday article), else the publication date. News leads date the main event; the sentences
    after them elaborate it without repeating the date."""
    published = document.published[:10] if document.published else None
    lead = next((p for p in document.paragraphs if p.kind == "body"), None)
    if lead is None or published is None:
        return published
    for time in document.time_expressions:
        value = time.value or ""
        in_lead = lead.start <= time.start < lead.end and time.type == "DATE" and len(value) == 10
        if in_lead and 0 <= (_day(published) - _day(value)).days <= 7:
            return value
    return published


def _day(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:  # "2024-W13-1", "XXXX-03-21"
        return date.min


def _predicates(token: Token) -> list[tuple[Token, ParticipantRole]]:
    """The predicates a mention headed by ``token`` takes part in, each with the mention's role.

    The subject (or ``by`` agent) of a verb acts in it, and so in the verbs conjoined with it and
    the ones it governs ("arrived and met", "is expected to enter"); the subject of a verb of
    speech is its speaker. An object or a prepositional object is what the act is done to or
    addressed to, in that verb alone: "Netanyahu told Blinken and reiterated" tells Blinken
    something; Netanyahu reiterated.
    """
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head  # "Boeing and Airbus": the first one's role
    head = token.head
    if token.dep_ in ("poss", "compound") and _eventive(head):
        return [(head, "agent")]  # "the A380's maiden flight", "the A380 tour"
    if token.dep_ == "pobj":
        prep, governor = head, head.head
        if prep.lower_ in _NOUN_PREPS and _eventive(governor):
            # "the departure of the A380", "the deal between Boeing and Aeroflot"; "the attack against X"
            return [(governor, "target" if prep.lower_ in ("against", "for") else "agent")]
        if prep.dep_ == "agent":
            return _acting(governor)  # "was delayed by Airbus"
        if governor.tag_.startswith("VB") and prep.dep_ == "prep":
            return [(v, "target") for v in _own(governor)]
        return []
    if head.tag_.startswith("VB"):
        if token.dep_ == "nsubj":
            return _acting(head)
        if token.dep_ == "nsubjpass":
            # "was delivered and tested", "is scheduled to enter service": done to it in the
            # passive verbs, and it acts in the verbs they govern.
            return [(v, "target" if v.tag_ == "VBN" else "agent") for v in _verb_group(head)]
        if token.dep_ in _ARGUMENTS:  # the objects
            controlled = [v for c in head.children if c.dep_ == "xcomp" and c.tag_.startswith("VB") for v in _acting(c)]
            # "asked Boeing to build": Boeing builds
            return [(v, "target") for v in _own(head) + _sharing(head, token)] + controlled
    return []


def _sharing(verb: Token, obj: Token) -> list[Token]:
    """Conjoined verbs that share an object written after them: "built and delivered *the
    plane*" (not "told *Blinken* and reiterated")."""
    return [
        c
        for c in verb.children
        if c.dep_ == "conj"
        and c.tag_.startswith("VB")
        and c.i < obj.i
        and not _own_subject(c)
        and not any(g.dep_ in ("dobj", "nsubjpass") for g in c.children)
        and c.lower_ not in _STATIVE
    ]


def _acting(verb: Token) -> list[tuple[Token, ParticipantRole]]:
    return [(v, "speaker" if v.lower_ in SPEECH_HEADS else "agent") for v in _verb_group(verb)]


def _own(verb: Token) -> list[Token]:
    """The verb alone, or for a light verb its event noun ("made the order")."""
    return _verb_group(verb, follow=False)


def _verb_group(verb: Token, follow: bool = True) -> list[Token]:
    """The verb, its open complements ("expected to enter") and the verbs conjoined with it."""
    group: list[Token] = []
    stack = [verb]
    while stack:
        current = stack.pop()
        light = current.lower_ in _LIGHT_VERBS
        nouns = [c for c in current.children if c.dep_ == "dobj" and _eventive(c)] if light else []
        if nouns:
            group.extend(nouns)  # "made its maiden flight": the flight is the event
        elif not light or not any(c.dep_ in ("xcomp", "acomp") for c in current.children):
            group.append(current)
        if not follow:
            continue
        for child in current.children:
            if (child.dep_ == "xcomp" and child.tag_.startswith("VB")) or (
                child.dep_ == "conj" and child.tag_.startswith("VB") and not _own_subject(child)
            ):
                stack.append(child)
    return [t for t in group if (t.tag_.startswith("VB") and t.lower_ not in _STATIVE) or t.tag_.startswith("NN")]


def _own_subject(verb: Token) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)


def _eventive(token: Token) -> bool:
    if not token.tag_.startswith("NN") or token.tag_.startswith("NNP"):
        return False
    lower = token.lower_
    return lower in _EVENT_NOUNS or (len(lower) > 5 and lower.endswith(_EVENT_SUFFIXES))


def _date(
    predicate: Token, dated: list[TimeExpression], story: str | None
) -> tuple[str, Literal["sentence", "story", "none"]]:
    """The predicate's date from ``dated``, its sentence's calendar time expressions."""
    if predicate.dep_ in ("acl", "amod"):
        # "the planes built by Boeing", "a plan to assemble them": a description, not a dated happening
        return "XXXX-XX-XX", "none"
    # A time expression dates the clause it is attached to: the predicate's own ("flew in April
    # 2005"), else one governing it ("made its maiden flight on April 27"); one of another clause
    # ("When the Air Force chose Northrop on February 29, Boeing protested") does not date it.
    attached = [(rank, t) for t in dated if (rank := _attachment(predicate, t)) is not None]
    if attached:
        _, best = min(attached, key=lambda item: (item[0], _distance(predicate, item[1])))
        return _calendar(best.value) or "XXXX-XX-XX", "sentence"
    if predicate.tag_.startswith("NN") or any(c.lower_ == "had" for c in predicate.children if c.dep_ == "aux"):
        # An undated noun ("the sales") or a past perfect ("had ordered") happened at some
        # time the article does not give: TimeLine leaves such events unplaced.
        return "XXXX-XX-XX", "none"
    if _modal(predicate):
        # "will enter service", "could cut jobs": a future or possible happening the article
        # gives no time for has not happened on the story's date, so it cannot be placed.
        return "XXXX-XX-XX", "none"
    if story:
        return story, "story"
    return "XXXX-XX-XX", "none"


def _attachment(predicate: Token, time: TimeExpression) -> int | None:
    """0 when ``time`` is attached to the predicate's own clause, 1 when to a clause governing
    it, ``None`` when to another clause; 2 when the parse cannot tell (then it still counts)."""
    span = predicate.doc.char_span(time.start, time.end, alignment_mode="expand")
    if span is None or not len(span):
        return 2
    token = span.root
    for _ in range(12):  # up to the first verb: the clause the time expression modifies
        if token.i == predicate.i:
            return 0
        if token.tag_.startswith("VB") or token.head.i == token.i:
            break
        token = token.head
    if token.i == predicate.i:
        return 0
    # Governing clauses are near; the bound keeps a long chain of clauses from a walk per time.
    return 1 if any(a.i == token.i for a in itertools.islice(predicate.ancestors, 32)) else None


def _distance(predicate: Token, time: TimeExpression) -> int:
    return min(abs(time.start - predicate.idx), abs(time.end - predicate.idx))


def _modal(verb: Token) -> bool:
    """Whether a modal governs the verb or the verbs it complements or is conjoined with
    ("will continue to enable us to develop": "develop" is as unasserted as "continue")."""
    for _ in range(4):  # verb chains are short; the bound keeps a bad parse from walking far
        if any(c.dep_ == "aux" and c.lower_ in _MODALS for c in verb.children):
            return True
        if verb.dep_ not in ("xcomp", "conj") or verb.head.i == verb.i:
            return False
        verb = verb.head
    return False


def _calendar(value: str | None) -> str | None:
    """A TIMEX3 value as ``YYYY-MM-DD`` with ``XX`` parts; ``None`` for weeks, references, sets."""
    if not value or len(value) < 4 or not value[:4].isdigit():
        return None
    parts = value[:10].split("-")
    year = parts[0]
    month = parts[1] if len(parts) > 1 and parts[1].isdigit() and len(parts[1]) == 2 else "XX"
    day = parts[2][:2] if len(parts) > 2 and parts[2][:2].isdigit() else "XX"
    if len(parts) > 1 and not parts[1].isdigit():
        return f"{year}-XX-XX"  # 2024-W13, 2024-Q1, 2024-SU
    return f"{year}-{month}-{day}"
