"""Timelines: events, actions and statements of an actor or about a topic, in date order."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from newsgraph.store.base import Store
from newsgraph.store.queries.actors import find_actors
from newsgraph.store.queries.common import ARTICLE_COLUMNS, Item, Sources, group, in_list
from newsgraph.store.queries.facts import event_item, event_key, event_rows, quotes


def timeline(
    store: Store,
    subject: str,
    since: str | None = None,
    until: str | None = None,
    limit: int = 200,
    roles: Iterable[str] | None = None,
) -> list[Item]:
    """Events, actions and statements of an actor, or about a topic, in date order across articles.

    ``subject`` is an actor when it names one (any alias), else a topic: statements whose text
    matches it (full text) and events whose sentence holds all its words. An actor's items say
    its ``role``: ``agent`` (it acted), ``target`` (it was done to or addressed to it),
    ``speaker`` (it said it); ``roles`` keeps only those. A sentence is listed once per role and
    date, with every predicate of it the actor takes part in that way.
    """
    ids = find_actors(store, subject)
    sources = Sources(store)
    items: list[Item] = []
    if ids:
        rows = event_rows(
            store, [f"(ev.source_actor_id IN {in_list(ids)} OR ev.target_actor_id IN {in_list(ids)})"], ids + ids
        )
        said = quotes(store, speaker=subject, since=since, until=until, limit=10**9)
    else:
        words = [w.lower() for w in re.findall(r"\w+", subject)]
        # A topic of no words ("%", "?") is about nothing, not about everything.
        rows = [r for r in event_rows(store, [], []) if words and all(w in r["sentence"].lower() for w in words)]
        said = quotes(store, about=subject, since=since, until=until, limit=10**9)
    for row, found in group(rows, event_key, sources):
        if (since and row["day"] < since) or (until and row["day"] > until):
            continue
        item = event_item(row, found)
        item["type"] = "event"
        # The event's sentence as the layout gives it (spaCy's runs on over the paragraph break).
        item["text"] = item.pop("sentence").strip()
        if ids:
            item["role"] = "agent" if row["source_actor_id"] in ids else "target"
        items.append(item)
    if ids:
        items.extend(_actions(store, ids, sources, items, since, until))
    for quote in said:
        items.append({"type": "statement", **quote, **({"role": "speaker"} if ids else {})})
    if roles is not None:
        wanted = set(roles)
        items = [i for i in items if i.get("role") in wanted]
    items = _once(items)
    items.sort(key=lambda i: (i["date"] or "9999", i["sources"][0]["published"] or "", i["sources"][0]["start"]))
    return items[:limit]


def _once(items: list[Item]) -> list[Item]:
    """Each sentence once per role and date: a sentence's reverse event ("A met B" is also B
    meeting A) and its other coded events in the same role are the same fact to a reader."""
    seen: set[tuple[Any, ...]] = set()
    out = []
    for item in items:
        if item["type"] == "statement":
            out.append(item)
            continue
        first = item["sources"][0]
        key = (first["article_id"], item["text"], item.get("role"), item["date"])
        if key not in seen:
            seen.add(key)
            out.append(item)
    return out


def _actions(
    store: Store, ids: list[str], sources: Sources, events: list[Item], since: str | None, until: str | None
) -> list[Item]:
    """What the actors take part in beyond coded events: "made its maiden flight", "was delivered".

    The predicates of one sentence in one role and on one date make one item ("told, assured")."""
    rows = store.fetch(
        f"SELECT p.*, {ARTICLE_COLUMNS}, e.name AS actor_name FROM participations p"
        " JOIN articles a ON a.id = p.article_id LEFT JOIN entities e ON e.id = p.actor_id"
        f" WHERE p.actor_id IN {in_list(ids)} ORDER BY a.seq, p.pos",
        ids,
    )
    coded = {(s["article_id"], e["text"], e.get("role")) for e in events for s in e["sources"]}
    by_sentence: dict[tuple[Any, ...], Item] = {}
    for row, found in group(rows, lambda r: (r["actor_id"], r["event"].lower(), r["date"], r.get("role")), sources):
        sentence = sources.sentence(row["article_id"], row["start_char"]).strip()
        role = row.get("role")
        if (row["article_id"], sentence, role) in coded:
            continue  # the sentence's coded event says it already
        day = None if row["date"].startswith("XXXX") else row["date"]
        if (since and (day or "") < since) or (until and day and day > until):
            continue
        key = (row["story"], row["actor_id"], sentence, role, day)
        item = by_sentence.get(key)
        if item is not None:
            if row["event"] not in item["event"].split(", "):
                item["event"] += ", " + row["event"]
            continue
        by_sentence[key] = {
            "type": "action",
            "date": day,
            "date_from": row["date_from"],
            "source": row["actor_name"] or row["entity"],
            "source_id": row["actor_id"],
            "role": role,
            "event": row["event"],
            "text": sentence,
            "sources": found,
        }
    return list(by_sentence.values())
