"""The thing a quantity counts, from the dependency parse; pounds of weight or pounds sterling."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from newsgraph.extract.quantities.numbers import Number
from newsgraph.extract.quantities.units import (
    COLLECTIVE_PEOPLE,
    IN_KIND,
    MASS_CUES,
    MONEY_CUES,
    MONEY_NOUNS,
    PERSON_NOUNS,
    TIME_UNITS,
)

#: Prepositions whose phrase stays in the thing counted ("Palestinians in Rafah").
_WHAT_PREPOSITIONS = frozenset(["in", "of", "from", "inside", "across", "near", "aboard"])


#: Dependency relations through which a number or unit modifies the noun it counts.
_MODIFIER_DEPS = frozenset({"nummod", "quantmod", "compound", "amod", "nmod", "npadvmod", "advmod", "appos", "conj"})


_LEFT_MODIFIER_DEPS = frozenset({"amod", "compound", "nmod"})


def thing_counted(doc: Doc, number: Number, last: Token, end: int) -> tuple[str, Span, Token] | None:
    """The thing counted: the noun the quantity modifies, or the object of a following "of".

    Returns its text (without the quantity), the span that holds it, and its head noun.
    """
    inside = range(number.start, end)
    head = last
    while head.i in inside and head.head.i != head.i:
        child, head = head, head.head
        if head.i not in inside and child.dep_ not in _MODIFIER_DEPS:
            head = last
            break
    n = len(doc)
    if head.i >= end and head.is_alpha and head.i - end <= 4 and head.lower_ not in TIME_UNITS:
        between = doc[end : head.i]
        if not any(t.is_punct and t.text not in {"-", "–"} for t in between):
            return noun_phrase(doc, head, inside)
    if end < n and doc[end].lower_ in PERSON_NOUNS:
        return noun_phrase(doc, doc[end], inside)  # the parse missed "1.3m people"
    k = end
    if k < n and doc[k].lower_ in {"of", "in"}:
        preposition = doc[k]
        objects = [c for c in preposition.children if c.dep_ == "pobj"]
        target = objects[0] if objects else None
        if target is None and k + 1 < n and doc[k + 1].is_alpha:
            target = doc[k + 1]
        if target is None or (preposition.lower_ == "in" and target.lower_ not in MONEY_NOUNS):
            return None  # "$5m in Gaza" is where, not what
        return noun_phrase(doc, target, inside)
    return _body_of_people(doc, number, inside)


def _body_of_people(doc: Doc, number: Number, inside: range) -> tuple[str, Span, Token] | None:
    """The body a number gives the size of: "a crowd of 28,450", "an attendance of 40,000"."""
    k = number.start - 1
    if k > 0 and doc[k].lower_ == "of" and doc[k - 1].lower_ in COLLECTIVE_PEOPLE:
        return noun_phrase(doc, doc[k - 1], range(k, inside.stop))  # "of" is not part of the noun
    return None


def noun_phrase(doc: Doc, head: Token, quantity: range) -> tuple[str, Span, Token] | None:
    """The head noun with its adjectives and compounds, and one short prepositional phrase."""
    if not head.is_alpha:
        return None
    tokens = {head.i}
    for child in head.lefts:
        if child.dep_ in _LEFT_MODIFIER_DEPS and child.i not in quantity:
            tokens.update(t.i for t in child.subtree if t.i not in quantity and not t.is_punct)
    for child in head.rights:
        if child.dep_ == "prep" and child.lower_ in _WHAT_PREPOSITIONS and child.i == max(tokens) + 1:
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects:
                obj = objects[0]
                phrase = [child.i, *(t.i for t in obj.lefts if t.dep_ in _LEFT_MODIFIER_DEPS | {"det"}), obj.i]
                if max(phrase) - child.i == len(phrase) - 1 and len(phrase) <= 5:
                    tokens.update(phrase)
            break
    first, last = min(tokens), max(tokens)
    span = doc[first : last + 1]
    # The words as written ("mid-air tanker aircraft"), leaving out the quantity itself
    # ("remaining 134 hostages" -> "remaining hostages").
    runs: list[str] = []
    run_start = None
    for k in range(first, last + 2):
        inside = k <= last and k not in quantity
        if inside and run_start is None:
            run_start = k
        elif not inside and run_start is not None:
            runs.append(doc[run_start:k].text.strip(" -–"))
            run_start = None
    text = " ".join(r for r in runs if r)
    if not text or text.lower() in {"the", "them", "those", "these", "us", "which"}:
        return None
    return text, span, head


def counts_people(noun: Token) -> bool:
    """Whether ``noun`` names people: a known noun, a nationality or group, or -ians/-ists."""
    lower = noun.lower_
    if lower in PERSON_NOUNS or lower in COLLECTIVE_PEOPLE or noun.ent_type_ in {"NORP", "PERSON"}:
        return True
    return len(lower) > 6 and lower.endswith(("ians", "ists")) and lower not in {"statistics", "lists"}


def resolve_pound(doc: Doc, number: Number, unit_end: int, what: tuple[str, Span, Token] | None) -> tuple[str, str]:
    """ "pounds" is weight or sterling: decide from what is weighed or paid, then the sentence."""
    preposition = doc[unit_end].lower_ if unit_end < len(doc) else ""
    if what is not None and what[2].lower_ in MONEY_NOUNS and (preposition == "in" or what[2].lower_ not in IN_KIND):
        return "GBP", "money"  # "7 million pounds in aid", "pounds of funding"
    sentence = doc[number.start].sent
    money = sum(1 for t in sentence if t.lower_ in MONEY_CUES)
    mass = sum(1 for t in sentence if t.lower_ in MASS_CUES)
    weighed = what is not None and preposition == "of"
    if weighed and money <= mass + 1:
        return "pound", "mass"  # "seven million pounds of food"
    if money > mass or (money == mass and number.scaled):
        return "GBP", "money"  # "paid 30 pounds", "a 7 million pound deal"
    return "pound", "mass"
