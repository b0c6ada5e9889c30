"""Actors: who a name denotes, and actors with aliases, roles and counts."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from newsgraph.link.actors import LOCAL_MARK, alias_key
from newsgraph.store.base import Store
from newsgraph.store.queries.common import ESCAPE, STORY, Item, in_list, like_escaped


def find_actors(store: Store, name: str, entity_type: str | None = None) -> list[str]:
    """Ids of the actors ``name`` denotes: an actor id, an exact alias, else aliases containing it."""
    type_clause, type_params = (" AND e.type = ?", [entity_type]) if entity_type else ("", [])
    if store.scalar("SELECT 1 FROM entities WHERE id = ?", (name,)):
        return [name]
    key = alias_key(name)
    if not key:
        return []
    base = "SELECT DISTINCT l.entity_id FROM aliases l JOIN entities e ON e.id = l.entity_id WHERE "
    rows = store.fetch(base + "l.key = ?" + type_clause + " ORDER BY l.entity_id", [key, *type_params])
    if not rows:
        pattern = f"%{like_escaped(key)}%"
        rows = store.fetch(
            base + "l.key LIKE ?" + ESCAPE + type_clause + " ORDER BY l.entity_id", [pattern, *type_params]
        )
    return [r["entity_id"] for r in rows]


def actors(store: Store, entity_type: str | None = None, limit: int = 50, name: str | None = None) -> list[Item]:
    """Actors with aliases, roles over time and article and quote counts, most covered first."""
    params: list[Any] = [f"%{LOCAL_MARK}%"]
    where = ["e.id NOT LIKE ?"]  # descriptions of one article are no actors to rank
    if entity_type:
        where.append("e.type = ?")
        params.append(entity_type)
    if name:
        ids = find_actors(store, name, entity_type)
        if not ids:
            return []
        where.append("e.id IN " + in_list(ids))
        params.extend(ids)
    clause = (" WHERE " + " AND ".join(where)) if where else ""
    top = store.fetch(
        "SELECT e.id, e.name, e.type, e.actor_code, e.country_code, e.latitude, e.longitude,"
        f" COUNT(DISTINCT {STORY}) AS stories, COUNT(DISTINCT a.id) AS articles,"
        " MIN(a.published) AS first_seen, MAX(a.published) AS last_seen"
        " FROM entities e JOIN article_entities ae ON ae.actor_id = e.id JOIN articles a ON a.id = ae.article_id"
        f"{clause} GROUP BY e.id, e.name, e.type, e.actor_code, e.country_code, e.latitude, e.longitude"
        " ORDER BY stories DESC, articles DESC, e.name, e.id LIMIT ?",
        [*params, limit],
    )
    if not top:
        return []
    ids = [row["id"] for row in top]
    aliases: dict[str, list[str]] = defaultdict(list)
    for row in store.fetch(f"SELECT entity_id, alias FROM aliases WHERE entity_id IN {in_list(ids)}", ids):
        aliases[row["entity_id"]].append(row["alias"])
    quotes = {
        row["speaker_actor_id"]: row["n"]
        for row in store.fetch(
            "SELECT speaker_actor_id, COUNT(*) AS n FROM (SELECT DISTINCT q.speaker_actor_id,"
            f" {STORY} AS story, q.text FROM quotes q JOIN articles a ON a.id = q.article_id"
            f" WHERE q.speaker_actor_id IN {in_list(ids)}) s GROUP BY speaker_actor_id",
            ids,
        )
    }
    roles: dict[str, list[Item]] = defaultdict(list)
    for row in store.fetch(
        "SELECT r.actor_id, r.title, r.affiliation, MIN(a.published) AS first_seen, MAX(a.published) AS last_seen,"
        f" COUNT(DISTINCT {STORY}) AS stories FROM roles r JOIN articles a ON a.id = r.article_id"
        f" WHERE r.actor_id IN {in_list(ids)} GROUP BY r.actor_id, r.title, r.affiliation"
        " ORDER BY r.actor_id, first_seen, r.title",
        ids,
    ):
        roles[row["actor_id"]].append(
            {k: row[k] for k in ("title", "affiliation", "first_seen", "last_seen", "stories")}
        )
    out = []
    for row in top:
        item = dict(row)
        item["aliases"] = sorted(a for a in aliases[row["id"]] if a != row["name"])
        item["roles"] = roles[row["id"]]
        item["quotes"] = quotes.get(row["id"], 0)
        out.append(item)
    return out
