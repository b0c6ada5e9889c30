"""Stances taken by acts: who voted for or against, backed, approved or rejected what.

A position need not be said: "Councillors voted against the development", "Labour backed the
bill", "the plan was rejected by the council". The holder is whoever acted (an entity, else the
role noun: "councillors", "residents"), the target what the act is on, whatever its head (the
issue lexicon of :mod:`.stances` is for statements, where evaluations float free of their
object), and negation flips the polarity. An infinitive's holder is the subject of the verb it completes
("the board voted 7-4 to approve the merger"; "refused to back" flips it, "failed to approve"
gives none); a relative clause's is the named actor it belongs to ("Greenpeace, which opposed
the pipeline"). The evidence is ``event``.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from newsgraph.extract.entities import entity_at
from newsgraph.extract.stances import (
    _classifier,
    _flip,
    _forms,
    _negated,
    _phrase_span,
    _place_of,
    _Places,
    _tokens_in,
)
from newsgraph.records import Entity, Polarity, Stance

#: Verbs whose subject takes a position on their object by what it does.
ACT_SUPPORT = _forms("back", "support", "endorse", "approve", "champion", "ratify", "welcome")
ACT_OPPOSE = _forms("oppose", "reject", "veto", "condemn", "block", "denounce", "criticise", "criticize")
VOTES = _forms("vote")
#: Verbs whose stance is in their preposition: "campaigned against X", "objected to X", "argued for X".
CAMPAIGNS = _forms("campaign", "protest", "lobby", "argue", "speak", "rally", "object", "fight", "petition", "call")
#: Nouns of stopping: calling for "an end to X" opposes X.
_ENDINGS = frozenset({"end", "halt", "stop"})
#: Verbs whose infinitive is a refusal of the act: "refused to back the plan" opposes it.
_REFUSALS = _forms("refuse", "decline")
#: Verbs whose infinitive is not an act done ("failed to approve", "tried to block"): no stance.
_NOT_DONE = _forms("fail", "try", "attempt", "seek", "hope", "want", "expect")
_WELCOMES = _forms("welcome")
_CALLS = _forms("call")
_CONDUCT = frozenset({"calm", "calmness", "restraint", "unity", "patience", "help", "vigilance", "caution"})
#: Objects of "welcome" that are guests, not proposals: "welcomed everyone to the event".
_GUESTS = frozenset({"everyone", "everybody", "guests", "visitors", "delegates", "fans", "crowd", "audience"})
#: Relative pronouns: the holder of "the council, which opposed the plan" is the council.
_RELATIVE = frozenset({"which", "who", "that"})
#: Holders by role when the entity layer has no entity for them ("councillors", "residents").
_HOLDER_TYPES = frozenset({"person", "organization", "group"})


def act_stances(doc: Doc, entities: list[Entity]) -> list[Stance]:
    """ "Councillors voted against the development", "Labour backed the bill", "the plan was
    rejected by the council": the holder is who acted, the target what the act is on, whatever
    the target's head (the issue lexicon is for statements, where evaluations float free)."""
    places = _Places(entities)
    found: dict[tuple[str, str], Stance] = {}
    last: tuple[str, Token] | None = None
    for verb in _tokens_in(doc, ACT_SUPPORT | ACT_OPPOSE | VOTES | CAMPAIGNS):
        if not verb.tag_.startswith("VB"):
            continue
        for polarity, cue, target in _act_targets(verb):
            holder_token, refused = _act_holder(verb)
            holder = _holder_of(holder_token, entities) if holder_token is not None else None
            if holder is not None and holder[1] is None and verb.dep_ == "relcl":
                holder = None  # "a device that supports video": only a named actor holds a view
            if verb.lower_ in _WELCOMES and _greeting(verb, target, entities):
                continue
            if refused:
                polarity = _flip(polarity)
            if holder is None or target.tag_ in ("WP", "WDT", "DT"):
                continue
            if target.tag_ == "PRP":
                # "residents opposed it": the thing the last act was on, when there is one.
                if target.lower_ not in ("it", "them") or last is None:
                    continue
                label, target = last
            else:
                label = _act_label(target, entities, places)
                last = (label, target)
            if _negated(verb):
                polarity = _flip(polarity)
            key = (holder[1] or holder[0], label.lower())
            if key in found:
                continue
            start, end = (
                _phrase_span(target) if target.tag_.startswith("NN") else (target.idx, target.idx + len(target))
            )
            span_start = min(holder_token.idx, cue.idx, start) if holder_token is not None else min(cue.idx, start)
            found[key] = Stance(
                holder=holder[0],
                target=label,
                polarity=polarity,
                start=span_start,
                end=max(end, cue.idx + len(cue.text)),
                holder_entity=holder[1],
                evidence="event",
                target_start=start,
                target_end=end,
                cue=cue.text,
                cue_start=cue.idx,
                cue_end=cue.idx + len(cue.text),
            )
    return list(found.values())


def _act_targets(verb: Token) -> list[tuple[Polarity, Token, Token]]:
    """(polarity, cue, target) of a stance act: "voted against/for/in favour of X", "voted
    down X", "backed X"; a passive's subject ("the plan was rejected by ...") is its target."""
    out: list[tuple[Polarity, Token, Token]] = []
    if verb.lower_ in VOTES:
        for prep in verb.children:
            if prep.dep_ != "prep":
                continue
            objects = [c for c in prep.children if c.dep_ == "pobj"]
            if prep.lower_ == "against":
                out += [("oppose", prep, o) for o in objects]
            elif prep.lower_ == "for":
                out += [("support", prep, o) for o in objects]
            elif prep.lower_ == "in" and any(o.lower_ in ("favour", "favor") for o in objects):
                favour = next(o for o in objects if o.lower_ in ("favour", "favor"))
                out += [("support", favour, g) for c in favour.children if c.lower_ == "of" for g in c.children
                        if g.dep_ == "pobj"]  # fmt: skip
        particle = next((c.lower_ for c in verb.children if c.dep_ == "prt"), None)
        if particle in ("down", "through"):
            out += [("oppose" if particle == "down" else "support", verb, c) for c in verb.children if c.dep_ == "dobj"]
        return out
    if verb.lower_ in CAMPAIGNS:
        for prep in verb.children:
            if prep.dep_ == "prep" and prep.lower_ in ("against", "for", "to"):
                if prep.lower_ == "to" and verb.lower_ not in _forms("object"):
                    continue
                if prep.lower_ == "against" and verb.lower_ in _CALLS:
                    continue
                stance: Polarity = "support" if prep.lower_ == "for" else "oppose"
                objects = [o for o in prep.children if o.dep_ == "pobj" and o.tag_.startswith("NN")]
                # Several objects of one preposition are a misparse of one phrase ("a re - run"): its head is last.
                for target in objects[-1:]:
                    if verb.lower_ in _CALLS and target.lower_ in _CONDUCT:
                        continue  # "called for calm": an appeal for conduct, not a position on a plan
                    ended = _ended(target)
                    if ended is not None:
                        out.append((_flip(stance), target, ended))  # "called for an end to the strike"
                    else:
                        out.append((stance, prep, target))
        return out
    polarity: Polarity = "support" if verb.lower_ in ACT_SUPPORT else "oppose"
    out += [(polarity, verb, c) for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    return out


def _act_holder(verb: Token) -> tuple[Token | None, bool]:
    """The one who acts: the subject (a conjoined verb's is its head's, an infinitive's is its
    governing verb's: "voted 7-4 to approve the scheme"), or a passive's agent; and whether the
    act was refused ("refused to back the plan")."""
    refused = climbed = False
    for _ in range(4):
        for child in verb.children:
            if child.dep_ == "nsubj":
                if child.lower_ in _RELATIVE and verb.dep_ == "relcl":
                    return verb.head, refused  # "the council, which opposed the plan"
                return child, refused
            if child.dep_ in ("nsubjpass", "dobj") and climbed:
                return None, refused  # "hired to lobby for X", "urged them to back X": not the subject's act
            if child.dep_ == "agent":
                return next((g for g in child.children if g.dep_ == "pobj"), None), refused
        if verb.dep_ == "xcomp":
            governor = verb.head
            if governor.lower_ in _NOT_DONE or _negated(governor):
                return None, refused  # "failed to approve", "did not vote to approve"
            refused = refused != (governor.lower_ in _REFUSALS)
            climbed = True
        elif verb.dep_ != "conj":
            return None, refused
        verb = verb.head
    return None, refused


def _holder_of(token: Token, entities: list[Entity]) -> tuple[str, str | None] | None:
    hit = entity_at(entities, token.idx, token.idx + len(token.text))
    if hit is not None and hit[0].type in _HOLDER_TYPES:
        return hit[0].name, hit[0].id
    if token.tag_ in ("NN", "NNS") and token.lower_ not in ("it", "one"):
        words = [t for t in token.subtree if t.i <= token.i and t.dep_ != "det" and t.tag_ != "POS"]
        return " ".join(t.text for t in words[-3:]), None  # "councillors", "local residents"
    return None


def _act_label(target: Token, entities: list[Entity], places: _Places) -> str:
    """What the act is on: an entity's name ("backed Smith"), else the head with its classifying
    words and place ("housing development in Hale")."""
    hit = entity_at(entities, target.idx, target.idx + len(target.text))
    if hit is not None and hit[0].type != "place":
        return hit[0].name
    words = [c.lower_ for c in target.lefts if c.dep_ in {"amod", "compound"} and _classifier(c, places)]
    place = _place_of(target, places)
    label = " ".join([*words, target.lower_])
    return f"{label} in {place.name}" if place is not None else label


def _greeting(verb: Token, target: Token, entities: list[Entity]) -> bool:
    """ "welcomed everyone to the event", "welcomed the president": a greeting, not a stance."""
    if any(c.dep_ == "prep" and c.lower_ in ("to", "into", "back") for c in verb.children):
        return True
    if target.lower_ in _GUESTS or target.tag_ == "PRP":
        return True
    hit = entity_at(entities, target.idx, target.idx + len(target.text))
    return hit is not None and hit[0].type == "person"


def _ended(target: Token) -> Token | None:
    """X in "an end to X", "a halt to X": what a call for a stop is against."""
    if target.lower_ not in _ENDINGS:
        return None
    for prep in target.children:
        if prep.dep_ == "prep" and prep.lower_ in ("to", "of", "on"):
            return next((g for g in prep.children if g.dep_ == "pobj"), None)
    return None
