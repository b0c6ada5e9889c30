"""Cross-article actors: the entity layer's :class:`EntityIndex`, fed article by article.

The store calls :meth:`ActorLinker.link` for every entity of every new article, in arrival
order, and keeps the actor ids it returns. Resolution depends only on that order, so the
store rebuilds the linker at open by replaying the stored entities (:meth:`ActorLinker.replay`)
and gets exactly the state an uninterrupted run would have.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from typing import Any

from newsgraph.identity import EntityIndex, fold, name_key, person_key
from newsgraph.records import Entity


def linking_names(entity: Entity) -> list[str]:
    """The entity's aliases that name it, fit to link it across articles.

    Descriptions and role nominals ("the enclave", "The company", "Boeing's main competitor")
    identify an entity inside one article only: across articles "the terror group" is a
    different group each time, so they must not become cross-article keys. The entity layer
    marks them as nominal mentions; lower-case aliases are descriptions too.
    """
    nominal = {m.text for m in entity.mentions if m.kind != "name"} - {
        m.text for m in entity.mentions if m.kind == "name"
    }
    names = []
    for alias in entity.aliases:
        alias = alias.strip()
        if not alias or alias in nominal or not (alias[0].isupper() or alias[0].isdigit()):
            continue
        # A person's name never starts with "The"; an organisation's may ("The Times").
        if entity.type == "person" and alias.split()[0].lower() == "the":
            continue
        names.append(alias)
    return names


#: Marks an actor id that is local to one article: an entity known only by descriptions.
LOCAL_MARK = "~"


def is_local(actor_id: str) -> bool:
    """Whether an actor id belongs to one article only (see :meth:`ActorLinker.link`)."""
    return LOCAL_MARK in actor_id


def alias_key(alias: str) -> str:
    """The folded form aliases are looked up by ("Erdoğan's" and "erdogan" agree)."""
    return fold(name_key(alias))


def _completeness(entity_type: str, name: str) -> tuple[int, int]:
    tokens = person_key(name) if entity_type == "person" else tuple(name.split())
    return len(tokens), len(name)


class ActorLinker:
    """Stable actor ids for the entities of a stream of articles, and each actor's best name."""

    def __init__(self) -> None:
        self.index = EntityIndex()
        #: actor id -> canonical name: the most complete name seen (most name tokens).
        self.names: dict[str, str] = {}

    def link(self, entity: Entity, article_id: str | None = None) -> tuple[str, bool, list[str]]:
        """The actor id of ``entity``, whether the actor's name changed (or it is new), and the
        names it was linked by (store them: :meth:`replay` needs them).

        An entity known only by descriptions ("most people", "the company") is a participant
        of its article, not an actor across articles: with ``article_id`` it gets an id of
        that article alone (:func:`is_local`) and never enters the index, so no head noun
        merges it with another article's description.
        """
        if article_id is not None and entity.mentions and all(m.kind != "name" for m in entity.mentions):
            digest = hashlib.sha1(article_id.encode()).hexdigest()[:10]
            actor = f"{entity.id}{LOCAL_MARK}{digest}"
            self.names[actor] = entity.name
            return actor, True, []
        names = linking_names(entity)
        actor, renamed = self.link_names(entity.type, entity.name, names)
        return actor, renamed, names

    def link_names(self, entity_type: str, name: str, names: Sequence[str]) -> tuple[str, bool]:
        """Link by the canonical ``name`` and the other ``names`` of an entity."""
        actor = self.index.resolve(entity_type, name, list(names))
        current = self.names.get(actor)
        # Only a strictly more complete name replaces the current one, so "Biden" gives way
        # to "Joe Biden" but spelling variants of equal length do not flip back and forth.
        if current is None or _completeness(entity_type, name) > _completeness(entity_type, current):
            self.names[actor] = name
            return actor, True
        return actor, False

    def replay(self, entities: Iterable[tuple[Any, ...]]) -> None:
        """Rebuild the state from stored ``(type, name, names[, actor id])`` in arrival order;
        article-local actors (:func:`is_local`) never entered the index and are skipped."""
        for row in entities:
            if len(row) > 3 and is_local(row[3]):
                continue
            self.link_names(row[0], row[1], row[2])
