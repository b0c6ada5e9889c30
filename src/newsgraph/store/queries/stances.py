"""Stances on a target per holder, and full-text search."""

from __future__ import annotations

import itertools

from newsgraph.store.base import Store
from newsgraph.store.queries.common import ARTICLE_COLUMNS, ESCAPE, Item, Sources, group, like_escaped


def stances(store: Store, target: str, limit: int = 100) -> list[Item]:
    """Who supports or opposes ``target``, per holder in date order, and who changed position."""
    rows = store.fetch(
        f"SELECT st.*, {ARTICLE_COLUMNS}, e.name AS actor_name FROM stances st JOIN articles a ON a.id = st.article_id"
        f" LEFT JOIN entities e ON e.id = st.holder_actor_id WHERE LOWER(st.target) LIKE ?{ESCAPE}"
        " ORDER BY a.published, a.seq, st.pos",
        (f"%{like_escaped(target.lower())}%",),
    )
    sources = Sources(store)
    holders: dict[str, Item] = {}
    for row, found in group(rows, lambda r: (r["holder_actor_id"] or r["holder"], r["target"], r["polarity"]), sources):
        key = row["holder_actor_id"] or row["holder"]
        holder = holders.setdefault(
            key, {"holder": row["actor_name"] or row["holder"], "holder_id": row["holder_actor_id"], "positions": []}
        )
        holder["positions"].append(
            {
                "date": row["published"],
                "target": row["target"],
                "polarity": row["polarity"],
                "evidence": row["evidence"],
                "cue": row.get("cue"),
                "sources": found,
            }
        )
    out = []
    for holder in holders.values():
        polarities = [p["polarity"] for p in holder["positions"]]
        holder["current"] = polarities[-1]
        holder["changed"] = any(a != b for a, b in itertools.pairwise(polarities))
        out.append(holder)
    return out[:limit]


def search(store: Store, text: str, limit: int = 20) -> list[Item]:
    """Articles whose title or body holds every word of ``text``, best first, with a snippet."""
    return [dict(row) for row in store.search(text, limit)]
