"""Hand-built documents for the store tests (no model needed)."""

from __future__ import annotations

from newsgraph.records import Document, Entity, Quote


def person(entity_id: str, name: str, *aliases: str, mentions=(), roles=(), code=None) -> Entity:
    return Entity(
        entity_id,
        name,
        "person",
        aliases=list(aliases),
        mentions=list(mentions),
        roles=list(roles),
        actor_code=code,
    )


def make_document(
    text: str,
    doc_id: str = "a1",
    published: str | None = "2024-03-22",
    entities=(),
    quotes=(),
    quantities=(),
    time_expressions=(),
    events=(),
    stances=(),
    url: str | None = None,
    title: str | None = None,
) -> Document:
    return Document(
        id=doc_id,
        text=text,
        title=title,
        published=published,
        published_from="input" if published else None,
        url=url,
        source=f"test:{doc_id}",
        entities=list(entities),
        quotes=list(quotes),
        quantities=list(quantities),
        time_expressions=list(time_expressions),
        events=list(events),
        stances=list(stances),
        source_text=text,
    )


def quote(text: str, speaker: str, entity: str | None, start: int = 0, kind: str = "direct") -> Quote:
    return Quote(start, start + len(text), text, kind=kind, speaker=speaker, speaker_entity=entity, cue="said")
