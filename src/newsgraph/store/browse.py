"""Reads for browsing the knowledge base: article lists, one article's store record, the actor
network and the places of events. Written once in portable SQL for SQLite and PostgreSQL;
every value from a caller is a bound parameter.
"""

from __future__ import annotations

from typing import Any

from newsgraph.store.base import Row, Store

Item = dict[str, Any]

_DAY = "COALESCE(ev.date, a.published)"


def _in(values: list[Any]) -> str:
    return "(" + ", ".join("?" for _ in values) + ")"


def _date_range(column: str, since: str | None, until: str | None) -> tuple[list[str], list[Any]]:
    where: list[str] = []
    params: list[Any] = []
    if since:
        where.append(f"{column} >= ?")
        params.append(since)
    if until:
        # "2024-03-22" <= until must keep "2024-03-22T10:00" and "2024-03-22" itself.
        where.append(f"{column} <= ?")
        params.append(until + "\uffff")
    return where, params


def articles(
    store: Store,
    limit: int = 50,
    offset: int = 0,
    since: str | None = None,
    until: str | None = None,
    actor_ids: list[str] | None = None,
    article_ids: list[str] | None = None,
) -> tuple[list[Item], int]:
    """A page of articles, newest first, with their fact counts, and how many match in all.

    ``actor_ids`` keeps articles naming any of those actors; ``article_ids`` keeps those ids.
    """
    where, params = _date_range("a.published", since, until)
    if actor_ids is not None:
        if not actor_ids:
            return [], 0
        where.append(f"a.id IN (SELECT article_id FROM article_entities WHERE actor_id IN {_in(actor_ids)})")
        params.extend(actor_ids)
    if article_ids is not None:
        if not article_ids:
            return [], 0
        where.append(f"a.id IN {_in(article_ids)}")
        params.extend(article_ids)
    clause = (" WHERE " + " AND ".join(where)) if where else ""
    total = int(store.scalar(f"SELECT COUNT(*) FROM articles a{clause}", params) or 0)
    rows = store.fetch(
        "SELECT a.id, a.doc_id, a.title, a.published, a.published_from, a.url, a.author, a.source, a.duplicate_of,"
        " a.similarity, (SELECT COUNT(*) FROM quotes q WHERE q.article_id = a.id) AS quotes,"
        " (SELECT COUNT(*) FROM events ev WHERE ev.article_id = a.id) AS events,"
        " (SELECT COUNT(*) FROM article_entities ae WHERE ae.article_id = a.id) AS entities"
        f" FROM articles a{clause} ORDER BY a.published DESC, a.seq DESC LIMIT ? OFFSET ?",
        [*params, limit, offset],
    )
    return rows, total


def resolve_article(store: Store, article_id: str) -> str | None:
    """The stored id of an article given its id or the id its input gave it."""
    row = store.fetchone(
        "SELECT id FROM articles WHERE id = ? UNION ALL SELECT article_id FROM article_sources WHERE input_id = ?",
        (article_id, article_id),
    )
    return row["id"] if row else None


def article_record(store: Store, article_id: str) -> Item | None:
    """Where an article came from and how it relates to others: its sources and copies."""
    row = store.fetchone(
        "SELECT id, doc_id, seq, duplicate_of, similarity, published, published_from FROM articles WHERE id = ?",
        (article_id,),
    )
    if row is None:
        return None
    row["sources"] = store.fetch(
        "SELECT input_id, source, url, title, published FROM article_sources WHERE article_id = ? ORDER BY seq",
        (article_id,),
    )
    row["copies"] = store.fetch(
        "SELECT id, title, published, similarity FROM articles WHERE duplicate_of = ? ORDER BY seq", (article_id,)
    )
    original = row["duplicate_of"]
    row["original"] = (
        store.fetchone("SELECT id, title, published FROM articles WHERE id = ?", (original,)) if original else None
    )
    return row


def network(store: Store, since: str | None = None, until: str | None = None, limit: int = 150) -> Item:
    """Actors linked by the events between them, each link with its count and mean Goldstein score.

    The ``limit`` most connected actors are kept (and the links among them).
    """
    where, params = _date_range(_DAY, since, until)
    where += ["ev.source_actor_id IS NOT NULL", "ev.target_actor_id IS NOT NULL"]
    where.append("ev.source_actor_id <> ev.target_actor_id")
    rows = store.fetch(
        "SELECT ev.source_actor_id AS source, ev.target_actor_id AS target, COUNT(*) AS events,"
        " AVG(ev.goldstein) AS goldstein, MIN(" + _DAY + ") AS first, MAX(" + _DAY + ") AS last"
        " FROM events ev JOIN articles a ON a.id = ev.article_id"
        f" WHERE {' AND '.join(where)} GROUP BY ev.source_actor_id, ev.target_actor_id",
        params,
    )
    degree: dict[str, int] = {}
    for row in rows:
        for end in (row["source"], row["target"]):
            degree[end] = degree.get(end, 0) + row["events"]
    keep = sorted(degree, key=lambda a: (-degree[a], a))[:limit]
    kept = set(keep)
    names: dict[str, Row] = {}
    if keep:
        for row in store.fetch(
            f"SELECT id, name, type, country_code FROM entities WHERE id IN {_in(keep)}",
            keep,
        ):
            names[row["id"]] = row
    nodes = [{**names[a], "events": degree[a]} for a in keep if a in names]
    links = [
        {**r, "goldstein": None if r["goldstein"] is None else round(float(r["goldstein"]), 2)}
        for r in rows
        if r["source"] in kept and r["target"] in kept
    ]
    return {"nodes": nodes, "links": links}


def places(store: Store, since: str | None = None, until: str | None = None) -> list[Item]:
    """Where events happened: one item per place with coordinates, its event count and mean Goldstein."""
    where, params = _date_range(_DAY, since, until)
    where += ["ev.latitude IS NOT NULL", "ev.longitude IS NOT NULL"]
    rows = store.fetch(
        "SELECT ev.place, ev.place_code, ev.latitude, ev.longitude, COUNT(*) AS events,"
        " COUNT(DISTINCT ev.article_id) AS articles, AVG(ev.goldstein) AS goldstein"
        " FROM events ev JOIN articles a ON a.id = ev.article_id"
        f" WHERE {' AND '.join(where)} GROUP BY ev.place, ev.place_code, ev.latitude, ev.longitude"
        " ORDER BY events DESC, ev.place",
        params,
    )
    return [{**r, "goldstein": None if r["goldstein"] is None else round(float(r["goldstein"]), 2)} for r in rows]


def countries(store: Store, since: str | None = None, until: str | None = None) -> list[Item]:
    """Events per country of their place (ISO 3166 alpha-3 code), with their mean Goldstein score."""
    where, params = _date_range(_DAY, since, until)
    where.append("ev.place_code IS NOT NULL")
    rows = store.fetch(
        "SELECT ev.place_code, COUNT(*) AS events, AVG(ev.goldstein) AS goldstein"
        " FROM events ev JOIN articles a ON a.id = ev.article_id"
        f" WHERE {' AND '.join(where)} GROUP BY ev.place_code ORDER BY events DESC, ev.place_code",
        params,
    )
    return [{**r, "goldstein": None if r["goldstein"] is None else round(float(r["goldstein"]), 2)} for r in rows]


def article_texts(store: Store, article_ids: list[str]) -> dict[str, str]:
    """The cleaned text of each of these articles."""
    if not article_ids:
        return {}
    return {
        r["id"]: r["text"]
        for r in store.fetch(f"SELECT id, text FROM articles WHERE id IN {_in(article_ids)}", article_ids)
    }
