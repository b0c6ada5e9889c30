"""An actor's timeline across articles: what it took part in, dated and in order.

Works on records: which of an article's entities is the actor (:func:`is_target`), and the
order of dated items from many articles (:func:`order`). Finding the predicates an entity
takes part in needs the parse and lives with the extractors
(:mod:`newsgraph.extract.events.participants`).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from newsgraph.identity import fold, name_key
from newsgraph.records import Entity

#: Words a name may drop and still name the same thing: legal forms ("General Motors Corp.")
#: and the kind of index a market index is ("NASDAQ composite", "Dow Jones Industrial Average").
_DESIGNATORS = frozenset(
    {"inc", "corp", "corporation", "co", "company", "plc", "ltd", "llc", "ag", "sa", "nv"}
    | {"index", "composite", "average", "industrial", "industrials"}
)


class Dated(Protocol):
    @property
    def date(self) -> str: ...


def is_target(entity: Entity, target: str) -> bool:
    """Whether ``entity`` is the actor named ``target``: by name or alias, by its initials, by a
    name of several words that ends the target ("Air Force"), by the name without legal forms or
    index designators ("General Motors" for "General Motors Corp."), or for a product by its model
    ("A380" for "Airbus A380", "the Dreamliner" for "Boeing 787 Dreamliner")."""
    wanted = fold(target)
    names = {fold(entity.name), *(fold(a) for a in entity.aliases)}
    if wanted in names:
        return True
    if all(m.kind != "name" for m in entity.mentions):
        return False  # an unnamed participant ("the airline") is nobody in particular
    words = wanted.split()
    if len(words) < 2:
        return False
    core = _core(target)
    if any(_core(name) == core for name in names):
        return True  # "General Motors" for "General Motors Corporation", "Nasdaq" for "NASDAQ composite"
    initials = "".join(w[0] for w in words)
    codes = {w for w in words if any(c.isdigit() for c in w)}
    for name in names:
        parts = name.split()
        if name == initials:
            return True  # "USAF" for "United States Air Force"
        if len(parts) >= 2 and wanted.endswith(" " + name):
            return True  # "Air Force"; the maker or a first name alone is another entity
        if codes and entity.type == "product" and codes & set(parts):
            return True  # "the 787", "Boeing 787" for "Boeing 787 Dreamliner"
        if entity.type == "product" and parts[-1:] == words[-1:]:
            return True  # "the Dreamliner"
    return False


def _core(name: str) -> str:
    """A name without its trailing designators ("the Nasdaq Composite Index" -> "nasdaq")."""
    words = fold(name_key(name)).replace(",", " ").replace(".", " ").split()
    while len(words) > 1 and words[-1] in _DESIGNATORS:
        words.pop()
    return " ".join(words)


def order(items: Sequence[Dated]) -> list[int]:
    """Timeline positions (1, 2, ...) of ``items`` by date, an unknown part counting as the
    start of its period ("2007-XX-XX" before "2007-03-19"); items of one date share a position,
    and an item with no date at all gets 0, TimeLine's "cannot be placed"."""
    keys = [item.date.replace("XX", "00") for item in items]
    ranks = {key: rank for rank, key in enumerate(sorted(set(keys) - {"0000-00-00"}), start=1)}
    return [ranks.get(key, 0) for key in keys]
