"""The event coder: who did what to whom, from each sentence's dependency parse.

For every verb the verb dictionary knows (and a few event nouns: "talks", "visit", "attack"):

1. **Actors.** The source is the subject (the ``by`` agent of a passive; the controller of an
   ``xcomp``: "Congress asked Obama *to help*"); the target is the object, else the object of a
   preposition on the verb ("with", "to", "against", "at"...), else an actor inside the object
   ("support *to Israel*", "a summit on the unrest *in Iran*"). Conjoined actors ("Qatar and
   Egypt") give one event each. An actor's code comes from the entity layer (the mention the
   head word belongs to), else from the actor dictionaries, else from the agents dictionary
   with a country from a modifier ("Syrian rebels" → ``SYRREB``, "insurgents" → ``---REB``).
2. **Code.** The verb block's patterns are matched against the words after the verb (object
   heads, particles, prepositional phrases) and before it (subject); the most specific match
   wins, else the verb's own code, else the block's. ``[A:B]`` codes also give the reverse
   event ``B``.
3. **Place, date, status** come from the clause: a place entity in an "in/at" phrase, a time
   expression attached to the clause (else the publication date), and :func:`event_status`.
4. **Event nouns** take their actors from a possessor ("*its* October 7 attack", bound to the
   clause subject when the resolver left the pronoun alone), from a light verb ("a conference
   he *gave* ... with X") or from a verb of presence ("*was* in Doha for talks": talks with the
   host country). Aid arriving somewhere ("food entered Gaza") is aid to that place from a
   source the sentence does not name. First-person words inside a quotation are its speaker.

Like PETRARCH-2, an event needs both a source and a target actor with codes; a meeting of a
conjoined subject with no object ("The US, Russia and Switzerland met") pairs the subjects.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from newsgraph.annotate import column
from newsgraph.extract.entities.gazetteer import canonical_country_name
from newsgraph.extract.events.actor_coder import Actor, ActorCoder
from newsgraph.extract.events.composites import Transformation, compile_transformations, composite_code, negated_code
from newsgraph.extract.events.nouns import (
    ARRIVAL_VERBS,
    EVENT_NOUNS,
    LIGHT_VERBS,
    MILITARY_ONLY,
    MILITARY_WORDS,
    event_anchor,
    is_aid,
)
from newsgraph.extract.events.patterns import WordIndex, best_pattern, verb_form
from newsgraph.extract.events.status import SPEECH_HEADS, event_status
from newsgraph.extract.events.syntax import (
    PASSIVE_SUBJECTS,
    PLACE_PREPS,
    PLACE_TYPES,
    agent_of,
    attached,
    clause_path,
    inner_arguments,
    is_passive,
    place_of,
    place_token,
    pobj_of,
    prep_objects,
    subject_of,
)
from newsgraph.extract.events.verbs import Code, Pattern, VerbDictionary
from newsgraph.records import Entity

__all__ = [
    "Actor",
    "ActorCoder",
    "Coded",
    "SentenceCoder",
    "Transformation",
    "attached",
    "clause_path",
    "compile_transformations",
    "composite_code",
    "negated_code",
    "place_of",
    "place_token",
]

_OBJECTS = frozenset({"dobj", "dative", "attr", "oprd"})
#: Prepositions whose object is the target, in order of preference.
_TARGET_PREPS = ("with", "against", "to", "at", "on", "into", "toward", "towards", "upon", "over", "for", "from", "of")
#: Codes of verbs with no object of their own that a conjoined subject shares ("A and B met").
_SYMMETRIC_ROOTS = frozenset({"03", "04", "05", "06", "19"})


@dataclass(slots=True)
class Coded:
    """One coded event before it becomes a record."""

    trigger: Token
    trigger_end: int
    code: str
    #: ``None``: the sentence does not say who ("food entered Gaza").
    source: Actor | None
    target: Actor | None
    pattern: Pattern | None = None
    extra: dict[str, object] = field(default_factory=dict)
    #: The verb whose clause an event noun belongs to ("the conference he *gave* in Cairo"):
    #: its place, date and status are the event's.
    anchor: Token | None = None
    #: Where it happened, when the rule that found the event knows it (the place entered).
    place: Entity | None = None


@dataclass(slots=True)
class SentenceCoder:
    """Codes the events of sentences with one verb dictionary and one article's actors."""

    verbs: VerbDictionary
    actors: ActorCoder
    transformations: list[Transformation] = field(default_factory=list)
    #: The words of the document being coded, for pattern matching (built for its first verb).
    index: WordIndex | None = None

    def code_sentence(self, sent: Span) -> list[Coded]:
        out: list[Coded] = []
        nouns: list[Token] = []
        doc = sent.doc
        # The document's columns, not a Token per word: only candidates become Tokens.
        tags, deps, lowers = column(doc, "TAG"), column(doc, "DEP"), column(doc, "LOWER")
        for i in range(sent.start, sent.end):
            tag = tags[i]
            if tag.startswith("VB"):
                if deps[i] not in ("aux", "auxpass"):
                    out.extend(self._verb_events(doc[i]))
            elif tag in ("NN", "NNS") and lowers[i] in EVENT_NOUNS:
                nouns.append(doc[i])
        out = self._transform(self._combine(out))
        by_verb: dict[int, list[Coded]] = {}
        for event in out:
            by_verb.setdefault(event.trigger.i, []).append(event)
        for noun in nouns:
            anchor = event_anchor(noun)
            verb_events = by_verb.get((anchor or noun.head).i, [])
            light = anchor is not None and anchor.lower_ in LIGHT_VERBS and all(e.pattern is None for e in verb_events)
            if verb_events and not light:
                continue  # "held talks with": the verb's own patterns already coded the event
            found = self._noun_events(noun, anchor)
            if found and verb_events:
                # "gave a joint press conference with X" is a meeting, not a gift.
                dropped = {id(e) for e in verb_events}
                out = [e for e in out if id(e) not in dropped]
            out.extend(found)
        for event in out:
            if event_status(event.trigger) == "negated":
                event.code = negated_code(event.code)
        return _unique(out)

    def _combine(self, events: list[Coded]) -> list[Coded]:
        """Join a verb and the verb it governs into one event, as CAMEO codes them.

        "asked Obama *to help* Iran" is an appeal for aid (``023``), "vowed *to attack*" a
        threat of force (``138``); "agreed *to lift* sanctions" is coded by the lower verb.
        """
        by_trigger: dict[int, list[Coded]] = {}
        for event in events:
            by_trigger.setdefault(event.trigger.i, []).append(event)
        dropped: set[int] = set()
        for event in events:
            lower = event.trigger
            if lower.dep_ != "xcomp" or lower.head.i not in by_trigger or id(event) in dropped:
                continue
            for upper in by_trigger[lower.head.i]:
                composite = composite_code(upper.code, event.code)
                if composite is not None:
                    upper.code = composite
                    upper.target = upper.target or event.target
                    dropped.add(id(event))
                elif upper.pattern is None:
                    dropped.add(id(upper))  # a bare "agreed to", "decided to": the lower verb says what
        return [e for e in events if id(e) not in dropped]

    def _transform(self, events: list[Coded]) -> list[Coded]:
        """PETRARCH's transformations of events reported by an actor (the dictionary's ``~`` lines).

        "The US claimed that ISIL had attacked Iraq" is the US accusing ISIL (``112``), "The US
        claimed that they had attacked Iraq" the US claiming an attack of its own (``015``).
        """
        if not self.transformations:
            return events
        out = []
        for event in events:
            trigger = event.trigger
            replaced = False
            clause = trigger
            while clause.dep_ == "conj" and clause.head.i != clause.i:
                clause = clause.head
            # Only a speaker named before the clause ("X claimed that Y attacked"): a closing
            # attribution ("..., state media reported") is the news source, not an accusation.
            if (
                clause.dep_ == "ccomp"
                and event.target is not None
                and event.source is not None
                and clause.head.i < clause.i
            ):
                outer = clause.head
                form = verb_form(self.verbs, outer)
                subject = subject_of(outer)
                speakers = self.actors.actors_of(subject) if subject is not None else []
                if form is not None and speakers:
                    for rule in self.transformations:
                        if rule.outer_block != form.block or rule.inner_root != event.code[:2]:
                            continue
                        same = any(a.code == event.source.code for a in speakers)
                        if rule.same_source != same:
                            continue
                        for speaker in speakers:
                            other: Actor | None = event.target if same else event.source
                            out.append(Coded(trigger, event.trigger_end, rule.code, speaker, other, event.pattern))
                        replaced = True
                        break
            if not replaced:
                out.append(event)
        return out

    def _is_actor(self, token: Token) -> bool:
        return bool(self.actors.actors_of(token))

    def _verb_events(self, verb: Token) -> list[Coded]:
        if verb.lower_ in ARRIVAL_VERBS:
            aid = self._aid_arrival(verb)
            if aid:
                return aid
        form = verb_form(self.verbs, verb)
        if form is None:
            return []
        subject = subject_of(verb)
        passive = is_passive(verb)
        if self.index is None or self.index.doc is not verb.doc:
            self.index = WordIndex.of(verb.doc)
        match = best_pattern(self.verbs, form, verb, subject, self._is_actor, self.index)
        pattern, found = match if match else (None, {})
        code = pattern.code if pattern is not None else form.code
        if code.empty:
            return []
        # Actors: the grammatical roles, turned round for passives and for patterns that say so.
        agent = patient = None
        if passive:
            agent = agent_of(verb)
            sources = self.actors.actors_of(agent) if agent is not None else []
            patient = subject if subject is not None and subject.dep_ in PASSIVE_SUBJECTS else None
            if patient is None and verb.dep_ == "acl":
                patient = verb.head
            targets = self.actors.actors_of(patient) if patient is not None else []
            if not targets:
                targets = self._targets(verb, exclude=agent, hostile=_hostile(code))
            if not targets and patient is not None and patient.lower_ in EVENT_NOUNS:
                # "The talks have been mediated by Qatar and Egypt": an act on an event, whose
                # parties the sentence does not name.
                return self._pairs(verb, code, sources, [], pattern, allow_no_target=True)
        else:
            sources = self.actors.actors_of(subject) if subject is not None else []
            if not sources and subject is not None and subject.tag_ == "PRP" and verb.dep_ == "ccomp":
                # "The US claimed that they had attacked": an unresolved pronoun in what a
                # speaker says is most often the speaker.
                speaker = subject_of(verb.head) if verb.head.lower_ in SPEECH_HEADS else None
                sources = self.actors.actors_of(speaker) if speaker is not None else []
            targets = self._targets(verb, exclude=subject, hostile=_hostile(code))
            if not targets:
                # "threatened to attack Israel": the target of the verb it governs, for _combine.
                for child in verb.children:
                    if child.dep_ == "xcomp" and child.tag_.startswith("VB"):
                        targets = self._targets(child, exclude=subject, hostile=_hostile(code))
                        if targets:
                            break
        if "source" in found:
            pobj = pobj_of(found["source"])
            if pobj is not None:
                moved = self.actors.actors_of(pobj)
                if moved:
                    targets, sources = sources, moved
        if "target" in found:
            pobj = pobj_of(found["target"])
            if pobj is not None:
                targets = self.actors.actors_of(pobj) or targets
        if not _forceful(code) and not found:
            # A participant without a code is still a participant ("Acme Corp signed a deal with
            # the union"), where no coded actor fills the role. Force between uncoded parties is
            # mostly a figure of speech ("Arsenal beat Chelsea"), so that keeps needing codes.
            holder = agent if passive else subject
            if not sources and holder is not None:
                sources = self.actors.actors_of(holder, uncoded=True)
            if not targets and patient is not None:
                targets = self.actors.actors_of(patient, uncoded=True)
            if not targets:
                targets = self._targets(verb, exclude=holder, hostile=_hostile(code), uncoded=True)
        return self._pairs(
            verb, code, sources, targets, pattern, symmetric=not passive, allow_no_target=_complete(code, verb)
        )

    def _noun_events(self, noun: Token, anchor: Token | None = None) -> list[Coded]:
        """Events of an event noun: "Israel's attack on", "held talks with", "was in Doha for talks"."""
        if noun.lower_ in MILITARY_ONLY and not any(
            c.lower_ in MILITARY_WORDS for c in noun.lefts if c.dep_ in ("amod", "compound")
        ):
            return []
        code = Code(EVENT_NOUNS[noun.lower_])
        sources: list[Actor] = []
        # "Israel's attack", "the IDF operation", "Israeli strikes", "its October 7 attack".
        for child in noun.lefts:
            if child.dep_ in ("poss", "compound", "amod", "nmod"):
                actor = self.actors.actor(child)
                # "military operation" names a kind of event, not who carries it out.
                if actor is not None and actor.code and not (child.dep_ != "poss" and actor.code.startswith("---")):
                    sources = [actor]
                    break
        if not sources and anchor is not None:
            # "held talks with", "a conference he gave", "was in Doha for talks": the verb's subject.
            subject = subject_of(anchor)
            if subject is not None:
                sources = self.actors.actors_of(subject)
        if not sources:
            agent = agent_of(noun)
            sources = self.actors.actors_of(agent) if agent is not None else []
        if not sources:
            return []
        targets: list[Actor] = []
        named_target = False
        for prep, pobj in prep_objects(noun):
            if prep in ("on", "against", "with", "to", "into", "between"):
                named_target = named_target or prep in ("on", "against")
                targets = self.actors.actors_of(pobj)
                if targets:
                    break
        if not targets and anchor is not None:
            for prep, pobj in prep_objects(anchor):
                if prep in ("with", "on", "against"):
                    targets = self.actors.actors_of(pobj)
                    if targets:
                        break
        located = place_token(noun, self.actors.entities) or (
            place_token(anchor, self.actors.entities) if anchor is not None else None
        )
        place = located[0] if located else None
        root = code.event[:2] if code.event else ""
        if not targets and located is not None and root == "04":
            # Talks or a meeting in a place with nobody else named: the host country, as a
            # visit to a place codes it ("was in Doha for talks" → Qatar).
            host = self._host(*located)
            targets = [host] if host is not None else []
        # "an IDF operation in Rafah", "its attack against the Jewish state": an attack with a
        # place or a named target the dictionaries cannot code is still an event.
        hostile = root.isdigit() and int(root) >= 18
        events = self._pairs(
            noun, code, sources, targets, None, allow_no_target=hostile and (place is not None or named_target)
        )
        for event in events:
            event.anchor = anchor
            event.place = place
        return events

    def _host(self, place: Entity, token: Token) -> Actor | None:
        """The country of a place as an actor (the article's entity for it, if there is one)."""
        code = place.country_code or place.actor_code
        if not code:
            return None
        if place.actor_code == code:
            country: Entity | None = place  # the place is a country: "in Qatar"
        else:
            country = next((e for e in self.actors.entities if e.type in PLACE_TYPES and e.actor_code == code), None)
        name = country.name if country is not None else canonical_country_name(code)
        return Actor(token, token.idx, token.idx + len(token), name, code, country)

    def _aid_arrival(self, verb: Token) -> list[Coded]:
        """ "Seven million pounds of food entered Gaza": aid provided to the place (073), by a
        provider the clause does not name."""
        subject = subject_of(verb)
        if subject is None or is_passive(verb) or not is_aid(subject):
            return []
        places = [c for c in verb.children if c.dep_ == "dobj"]
        places += [pobj for prep, pobj in prep_objects(verb) if prep in ("into", "in", "to")]
        for obj in places:
            targets = self.actors.actors_of(obj)
            if targets:
                military = any(t.lower_ == "military" for t in subject.subtree)
                code = "074" if military else "073"
                out = []
                for target in targets:
                    where = target.entity if target.entity is not None and target.entity.type in PLACE_TYPES else None
                    out.append(Coded(verb, verb.idx + len(verb), code, None, target, None, place=where))
                return out
        return []

    def _targets(self, verb: Token, exclude: Token | None, hostile: bool = False, uncoded: bool = False) -> list[Actor]:
        objects = [c for c in verb.children if c.dep_ in _OBJECTS]
        for obj in objects:
            found = self.actors.actors_of(obj, uncoded)
            if found:
                return found
        preps = sorted(prep_objects(verb), key=lambda p: _prep_rank(p[0]))
        for prep, pobj in preps:
            # "fired at Russia" names a target, "met at the White House" a place.
            # "spoke as an Israeli delegation ...", "during the war": no target.
            if prep not in _TARGET_PREPS or (prep in PLACE_PREPS and not (prep == "at" and hostile)):
                continue
            found = self.actors.actors_of(pobj, uncoded)
            if found:
                return found
        # An actor inside the object or a complement: "support to Israel", "lift sanctions on Iran";
        # not inside a clause of its own ("appreciates the fact that we stood against Hamas").
        for obj in [*objects, *(c for c in verb.children if c.dep_ == "xcomp")]:
            for token in inner_arguments(obj):
                if exclude is not None and token.i == exclude.i:
                    continue
                found = self.actors.actors_of(token, uncoded)
                if found:
                    return found
        return []

    def _pairs(
        self,
        trigger: Token,
        code: Code,
        sources: list[Actor],
        targets: list[Actor],
        pattern: Pattern | None,
        *,
        symmetric: bool = False,
        allow_no_target: bool = False,
    ) -> list[Coded]:
        out: list[Coded] = []
        end = trigger.idx + len(trigger)
        if not targets and allow_no_target:
            return [Coded(trigger, end, code.event, source, None, pattern) for source in sources if code.event]
        if not targets and symmetric and len(sources) > 1 and code.event and code.event[:2] in _SYMMETRIC_ROOTS:
            for a in sources:
                for b in sources:
                    if a is not b and a.code != b.code:
                        out.append(Coded(trigger, end, code.event, a, b, pattern))
            return out
        for source in sources:
            for target in targets:
                if (
                    source.head.i == target.head.i
                    or (source.entity is not None and source.entity is target.entity)
                    or (source.code is not None and source.code == target.code)
                ):
                    continue  # nobody does something to themselves in CAMEO
                if code.event:
                    out.append(Coded(trigger, end, code.event, source, target, pattern))
                if code.reverse:
                    out.append(Coded(trigger, end, code.reverse, target, source, pattern))
        return out


def _forceful(code: Code) -> bool:
    """Material conflict (roots 18-20: assault, fight, mass violence)."""
    event = code.event or code.reverse or ""
    return event[:2] in ("18", "19", "20")


#: Roots whose act is complete without a named target: a rejection or a protest ("workers went
#: on strike", "the council rejected the application") says who acted; CAMEO codes it with the
#: target its sentence names, and the record keeps the target empty otherwise. Criticism,
#: demands and threats without an addressee are mostly verbs of speech ("claimed that ...").
_COMPLETE_ROOTS = frozenset({"12", "14"})


def _complete(code: Code, verb: Token) -> bool:
    return (code.event or "")[:2] in _COMPLETE_ROOTS and not any(c.dep_ == "ccomp" for c in verb.children)


def _hostile(code: Code) -> bool:
    """Material or verbal conflict (roots 09-20)."""
    event = code.event or code.reverse or ""
    return event[:2].isdigit() and int(event[:2]) >= 9


def _prep_rank(prep: str) -> int:
    try:
        return _TARGET_PREPS.index(prep)
    except ValueError:
        return len(_TARGET_PREPS)


def _unique(events: list[Coded]) -> list[Coded]:
    seen: set[tuple[int, str, int, int]] = set()
    out = []
    for event in events:
        source = event.source.head.i if event.source else -1
        key = (event.trigger.i, event.code, source, event.target.head.i if event.target else -1)
        if key not in seen:
            seen.add(key)
            out.append(event)
    return out
