"""Quotes and events, each once per story with all its sources."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from newsgraph.link.actors import alias_key
from newsgraph.store.base import Row, Store
from newsgraph.store.queries.actors import find_actors
from newsgraph.store.queries.common import ARTICLE_COLUMNS, ESCAPE, Item, Sources, group, in_list, like_escaped, norm


def _quote_keys(store: Store, about: str) -> set[tuple[str, int]]:
    keys = store.search_quotes(about)
    # An entity's other names find quotes about it too ("Netanyahu" for "Benjamin Netanyahu").
    ids = store.fetch("SELECT DISTINCT entity_id FROM aliases WHERE key = ?", (alias_key(about),))
    for row in ids:
        for alias in store.fetch("SELECT alias FROM aliases WHERE entity_id = ?", (row["entity_id"],)):
            keys |= store.search_quotes(alias["alias"])
    return keys


def quotes(
    store: Store,
    speaker: str | None = None,
    about: str | None = None,
    since: str | None = None,
    until: str | None = None,
    limit: int = 100,
    kinds: Sequence[str] = (),
) -> list[Item]:
    """Quotes by ``speaker`` (any alias), about ``about`` (full text), in a date range, oldest first.

    ``kinds`` keeps only those kinds of quote (``direct``, ``partial``, ``mixed``, ``reported``).
    """
    where: list[str] = ["1 = 1"]
    params: list[Any] = []
    if kinds:
        where.append("q.kind IN " + in_list(kinds))
        params.extend(kinds)
    if speaker:
        ids = find_actors(store, speaker)
        if ids:
            where.append("q.speaker_actor_id IN " + in_list(ids))
            params.extend(ids)
        else:  # a speaker the entity layer did not find keeps only its words
            where.append("LOWER(q.speaker) = ?")
            params.append(speaker.lower())
    if since:
        where.append("a.published >= ?")
        params.append(since)
    if until:
        where.append("a.published <= ?")
        params.append(until)
    rows = store.fetch(
        f"SELECT q.*, {ARTICLE_COLUMNS}, e.name AS actor_name FROM quotes q JOIN articles a ON a.id = q.article_id"
        " LEFT JOIN entities e ON e.id = q.speaker_actor_id"
        f" WHERE {' AND '.join(where)} ORDER BY a.published, a.seq, q.pos",
        params,
    )
    if about:
        keys = _quote_keys(store, about)
        rows = [r for r in rows if (r["article_id"], r["pos"]) in keys]
    sources = Sources(store)
    out = []
    for row, found in group(rows, lambda r: (r["speaker_actor_id"] or r["speaker"], norm(r["text"])), sources):
        out.append(
            {
                "date": row["published"],
                "speaker": row["actor_name"] or row["speaker"],
                "speaker_id": row["speaker_actor_id"],
                "text": row["text"],
                "kind": row["kind"],
                "cue": row["cue"],
                "addressee": row["addressee"],
                "sources": found,
            }
        )
        if len(out) >= limit:
            break
    return out


def event_rows(store: Store, where: list[str], params: list[Any]) -> list[Row]:
    return store.fetch(
        f"SELECT ev.*, {ARTICLE_COLUMNS}, COALESCE(ev.date, a.published) AS day,"
        " s.name AS source_name, t.name AS target_name FROM events ev JOIN articles a ON a.id = ev.article_id"
        " LEFT JOIN entities s ON s.id = ev.source_actor_id LEFT JOIN entities t ON t.id = ev.target_actor_id"
        f" WHERE {' AND '.join(where) or '1 = 1'} ORDER BY day, a.seq, ev.pos",
        params,
    )


def event_item(row: Row, found: list[Item]) -> Item:
    return {
        "date": row["day"],
        "date_from": row["date_from"],
        "code": row["code"],
        "trigger": row["trigger"],
        "source": row["source_name"] or row["source"],
        "source_id": row["source_actor_id"],
        "source_code": row["source_code"],
        "target": row["target_name"] or row["target"],
        "target_id": row["target_actor_id"],
        "target_code": row["target_code"],
        "place": row["place"],
        "place_code": row["place_code"],
        "latitude": row["latitude"],
        "longitude": row["longitude"],
        "status": row["status"],
        "goldstein": row["goldstein"],
        "quad_class": row["quad_class"],
        "sentence": row["sentence"],
        "sources": found,
    }


def event_key(row: Row) -> tuple[Any, ...]:
    return (row["code"], row["source_actor_id"] or row["source"], row["target_actor_id"] or row["target"], row["day"])


def events(
    store: Store,
    actor: str | None = None,
    code: str | None = None,
    place: str | None = None,
    since: str | None = None,
    until: str | None = None,
    limit: int = 100,
) -> list[Item]:
    """Events with ``actor`` as source or target, a CAMEO ``code`` prefix, a ``place``, in a date range."""
    where: list[str] = []
    params: list[Any] = []
    if actor:
        ids = find_actors(store, actor)
        if not ids:
            return []
        where.append(f"(ev.source_actor_id IN {in_list(ids)} OR ev.target_actor_id IN {in_list(ids)})")
        params.extend(ids + ids)
    if code:
        where.append("ev.code LIKE ?" + ESCAPE)
        params.append(like_escaped(code) + "%")
    if place:
        where.append("(LOWER(ev.place) = ? OR ev.place_code = ?)")
        params.extend([place.lower(), place.upper()])
    if since:
        where.append("COALESCE(ev.date, a.published) >= ?")
        params.append(since)
    if until:
        where.append("COALESCE(ev.date, a.published) <= ?")
        params.append(until)
    sources = Sources(store)
    return [event_item(row, found) for row, found in group(event_rows(store, where, params), event_key, sources)][
        :limit
    ]
