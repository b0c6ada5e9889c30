"""Entities: named mentions grouped into one entity per name within an article.

This is the base layer: spaCy's named entities, with mentions of the same name and type
grouped, the longest spelling as canonical name. Roles, aliases, coreference and
cross-article identity build on it.
"""

from __future__ import annotations

import hashlib
import re

from spacy.tokens import Doc, Span

from newsgraph.records import Document, Entity, Mention

#: spaCy labels kept as story entities, and the entity type each maps to.
ENTITY_TYPES: dict[str, str] = {
    "PERSON": "person",
    "ORG": "organization",
    "GPE": "place",
    "LOC": "place",
    "FAC": "place",
    "NORP": "group",
    "EVENT": "event",
}
_LEADING_THE = re.compile(r"^the\s+", re.IGNORECASE)
_POSSESSIVE = re.compile(r"['’]s?$")


def name_key(text: str) -> str:
    """Comparison form of a name: no leading "the", no possessive, case and spacing folded."""
    text = _POSSESSIVE.sub("", _LEADING_THE.sub("", text.strip()))
    return " ".join(text.lower().split())


def entity_id(entity_type: str, name: str) -> str:
    digest = hashlib.sha1(f"{entity_type}:{name_key(name)}".encode()).hexdigest()
    return f"{entity_type[:3]}-{digest[:12]}"


def extract_entities(doc: Doc, document: Document | None = None) -> list[Entity]:
    """One :class:`Entity` per (type, name) with all its mentions, in order of first mention."""
    groups: dict[tuple[str, str], list[Span]] = {}
    for span in doc.ents:
        entity_type = ENTITY_TYPES.get(span.label_)
        if entity_type is None or not name_key(span.text):
            continue
        groups.setdefault((entity_type, name_key(span.text)), []).append(span)
    entities = []
    for (entity_type, _), spans in groups.items():
        name = max((_POSSESSIVE.sub("", _LEADING_THE.sub("", s.text)) for s in spans), key=len)
        eid = entity_id(entity_type, name)
        mentions = [Mention(s.start_char, s.end_char, s.text, s.label_, eid) for s in spans]
        aliases = sorted({m.text for m in mentions} - {name})
        entities.append(Entity(eid, name, entity_type, aliases=aliases, mentions=mentions))
    return entities


def entity_at(entities: list[Entity], start: int, end: int) -> tuple[Entity, Mention] | None:
    """The entity with a mention at ``[start, end)`` of the cleaned text, if any.

    An exact mention wins; else the mention that contains the span, then the one that
    overlaps it most. Later extractors (quotes, events) use this to turn a speaker or
    actor span, including a pronoun the entity layer resolved, into an entity.
    """
    best: tuple[tuple[int, int], Entity, Mention] | None = None
    for entity in entities:
        for mention in entity.mentions:
            overlap = min(end, mention.end) - max(start, mention.start)
            if overlap <= 0:
                continue
            exact = mention.start == start and mention.end == end
            contains = mention.start <= start and end <= mention.end
            rank = (2 if exact else 1 if contains else 0, overlap)
            if best is None or rank > best[0]:
                best = (rank, entity, mention)
    return (best[1], best[2]) if best else None
