"""Questions across articles: quotes, events, timelines, stances, search and discrepancies.

Every function takes a :class:`~newsgraph.store.base.Store` and returns JSON-ready dicts.
Facts are counted once per story: near-duplicate copies of an article (``duplicate_of``) and
the article itself form one story, and an item found in several copies is one item whose
``sources`` list every copy (article id, title, URL, date, offsets in the cleaned text and
in the ingested text). Names are resolved through the actors' aliases, so "Blinken", "Antony
Blinken" and "Secretary of State Antony Blinken" ask for the same speaker.
"""

from __future__ import annotations

import itertools
import json
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any

from rapidfuzz import fuzz

from newsgraph.link.actors import LOCAL_MARK, alias_key
from newsgraph.records import OffsetMap
from newsgraph.store.base import Row, Store

Item = dict[str, Any]

#: Minimum rapidfuzz ratio (0-100) for two quotes of one speaker to be one quote reworded.
QUOTE_SIMILARITY = 85.0
#: Stories published further apart than this may both be right about a number that changed.
DISCREPANCY_DAYS = 14
_STORY = "COALESCE(a.duplicate_of, a.id)"
_ARTICLE_COLUMNS = f"a.seq, a.title, a.url, a.published, a.source AS article_source, {_STORY} AS story"
_DETERMINERS = re.compile(r"^(?:the|a|an|some|about|around|over|nearly|almost|more than|at least)\s+")
_SPACE = re.compile(r"\s+")


def _in(values: Sequence[Any]) -> str:
    return "(" + ", ".join("?" for _ in values) + ")"


class _Sources:
    """Builds source entries, mapping cleaned-text offsets to the ingested text."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self._maps: dict[str, OffsetMap] = {}
        self._texts: dict[str, tuple[str, list[tuple[int, int]]]] = {}

    def offsets(self, article_id: str) -> OffsetMap:
        if article_id not in self._maps:
            layout = self.store.scalar("SELECT layout FROM articles WHERE id = ?", (article_id,))
            segments = json.loads(layout)["offset_map"] if layout else []
            self._maps[article_id] = OffsetMap([tuple(s) for s in segments])
        return self._maps[article_id]

    def sentence(self, article_id: str, offset: int) -> str:
        """The sentence of the cleaned text around ``offset``."""
        if article_id not in self._texts:
            (row,) = self.store.fetch("SELECT text, layout FROM articles WHERE id = ?", (article_id,))
            spans = [(s["start"], s["end"]) for s in json.loads(row["layout"] or "{}").get("sentences", [])]
            self._texts[article_id] = (row["text"], spans)
        text, spans = self._texts[article_id]
        start, end = next(((a, b) for a, b in spans if a <= offset < b), (offset, offset))
        return text[start:end]

    def entry(self, row: Row) -> Item:
        start, end = row["start_char"], row["end_char"]
        source_start, source_end = self.offsets(row["article_id"]).span_to_source(start, end)
        return {
            "article_id": row["article_id"],
            "title": row["title"],
            "url": row["url"],
            "published": row["published"],
            "source": row["article_source"],
            "start": start,
            "end": end,
            "source_start": source_start,
            "source_end": source_end,
        }


def _norm(text: str) -> str:
    return _SPACE.sub(" ", text.replace("’", "'").replace("“", '"').replace("”", '"')).strip().lower()


def _group(rows: Iterable[Row], key: Any, sources: _Sources) -> list[tuple[Row, list[Item]]]:
    """Rows grouped per story and ``key(row)``, in first-seen order, with all their sources."""
    groups: dict[Any, tuple[Row, list[Item]]] = {}
    for row in rows:
        k = (row["story"], key(row))
        if k not in groups:
            groups[k] = (row, [])
        groups[k][1].append(sources.entry(row))
    return list(groups.values())


# -- actors ----------------------------------------------------------------------------------------


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
        rows = store.fetch(base + "l.key LIKE ?" + type_clause + " ORDER BY l.entity_id", [f"%{key}%", *type_params])
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
        where.append("e.id IN " + _in(ids))
        params.extend(ids)
    clause = (" WHERE " + " AND ".join(where)) if where else ""
    top = store.fetch(
        "SELECT e.id, e.name, e.type, e.actor_code, e.country_code, e.latitude, e.longitude,"
        f" COUNT(DISTINCT {_STORY}) AS stories, COUNT(DISTINCT a.id) AS articles,"
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
    for row in store.fetch(f"SELECT entity_id, alias FROM aliases WHERE entity_id IN {_in(ids)}", ids):
        aliases[row["entity_id"]].append(row["alias"])
    quotes = {
        row["speaker_actor_id"]: row["n"]
        for row in store.fetch(
            "SELECT speaker_actor_id, COUNT(*) AS n FROM (SELECT DISTINCT q.speaker_actor_id,"
            f" {_STORY} AS story, q.text FROM quotes q JOIN articles a ON a.id = q.article_id"
            f" WHERE q.speaker_actor_id IN {_in(ids)}) s GROUP BY speaker_actor_id",
            ids,
        )
    }
    roles: dict[str, list[Item]] = defaultdict(list)
    for row in store.fetch(
        "SELECT r.actor_id, r.title, r.affiliation, MIN(a.published) AS first_seen, MAX(a.published) AS last_seen,"
        f" COUNT(DISTINCT {_STORY}) AS stories FROM roles r JOIN articles a ON a.id = r.article_id"
        f" WHERE r.actor_id IN {_in(ids)} GROUP BY r.actor_id, r.title, r.affiliation"
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


# -- quotes and events ------------------------------------------------------------------------------


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
        where.append("q.kind IN " + _in(kinds))
        params.extend(kinds)
    if speaker:
        ids = find_actors(store, speaker)
        if ids:
            where.append("q.speaker_actor_id IN " + _in(ids))
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
        f"SELECT q.*, {_ARTICLE_COLUMNS}, e.name AS actor_name FROM quotes q JOIN articles a ON a.id = q.article_id"
        " LEFT JOIN entities e ON e.id = q.speaker_actor_id"
        f" WHERE {' AND '.join(where)} ORDER BY a.published, a.seq, q.pos",
        params,
    )
    if about:
        keys = _quote_keys(store, about)
        rows = [r for r in rows if (r["article_id"], r["pos"]) in keys]
    sources = _Sources(store)
    out = []
    for row, found in _group(rows, lambda r: (r["speaker_actor_id"] or r["speaker"], _norm(r["text"])), sources):
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


def _event_rows(store: Store, where: list[str], params: list[Any]) -> list[Row]:
    return store.fetch(
        f"SELECT ev.*, {_ARTICLE_COLUMNS}, COALESCE(ev.date, a.published) AS day,"
        " s.name AS source_name, t.name AS target_name FROM events ev JOIN articles a ON a.id = ev.article_id"
        " LEFT JOIN entities s ON s.id = ev.source_actor_id LEFT JOIN entities t ON t.id = ev.target_actor_id"
        f" WHERE {' AND '.join(where) or '1 = 1'} ORDER BY day, a.seq, ev.pos",
        params,
    )


def _event_item(row: Row, found: list[Item]) -> Item:
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


def _event_key(row: Row) -> tuple[Any, ...]:
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
        where.append(f"(ev.source_actor_id IN {_in(ids)} OR ev.target_actor_id IN {_in(ids)})")
        params.extend(ids + ids)
    if code:
        where.append("ev.code LIKE ?")
        params.append(code + "%")
    if place:
        where.append("(LOWER(ev.place) = ? OR ev.place_code = ?)")
        params.extend([place.lower(), place.upper()])
    if since:
        where.append("COALESCE(ev.date, a.published) >= ?")
        params.append(since)
    if until:
        where.append("COALESCE(ev.date, a.published) <= ?")
        params.append(until)
    sources = _Sources(store)
    return [_event_item(row, found) for row, found in _group(_event_rows(store, where, params), _event_key, sources)][
        :limit
    ]


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
    sources = _Sources(store)
    items: list[Item] = []
    if ids:
        rows = _event_rows(
            store, [f"(ev.source_actor_id IN {_in(ids)} OR ev.target_actor_id IN {_in(ids)})"], ids + ids
        )
        said = quotes(store, speaker=subject, since=since, until=until, limit=10**9)
    else:
        words = [w.lower() for w in re.findall(r"\w+", subject)]
        rows = [r for r in _event_rows(store, [], []) if all(w in r["sentence"].lower() for w in words)]
        said = quotes(store, about=subject, since=since, until=until, limit=10**9)
    for row, found in _group(rows, _event_key, sources):
        if (since and row["day"] < since) or (until and row["day"] > until):
            continue
        item = _event_item(row, found)
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
    store: Store, ids: list[str], sources: _Sources, events: list[Item], since: str | None, until: str | None
) -> list[Item]:
    """What the actors take part in beyond coded events: "made its maiden flight", "was delivered".

    The predicates of one sentence in one role and on one date make one item ("told, assured")."""
    rows = store.fetch(
        f"SELECT p.*, {_ARTICLE_COLUMNS}, e.name AS actor_name FROM participations p"
        " JOIN articles a ON a.id = p.article_id LEFT JOIN entities e ON e.id = p.actor_id"
        f" WHERE p.actor_id IN {_in(ids)} ORDER BY a.seq, p.pos",
        ids,
    )
    coded = {(s["article_id"], e["text"], e.get("role")) for e in events for s in e["sources"]}
    by_sentence: dict[tuple[Any, ...], Item] = {}
    for row, found in _group(rows, lambda r: (r["actor_id"], r["event"].lower(), r["date"], r.get("role")), sources):
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


# -- stances, search ---------------------------------------------------------------------------------


def stances(store: Store, target: str, limit: int = 100) -> list[Item]:
    """Who supports or opposes ``target``, per holder in date order, and who changed position."""
    rows = store.fetch(
        f"SELECT st.*, {_ARTICLE_COLUMNS}, e.name AS actor_name FROM stances st JOIN articles a ON a.id = st.article_id"
        " LEFT JOIN entities e ON e.id = st.holder_actor_id WHERE LOWER(st.target) LIKE ?"
        " ORDER BY a.published, a.seq, st.pos",
        (f"%{target.lower()}%",),
    )
    sources = _Sources(store)
    holders: dict[str, Item] = {}
    for row, found in _group(
        rows, lambda r: (r["holder_actor_id"] or r["holder"], r["target"], r["polarity"]), sources
    ):
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


# -- discrepancies ---------------------------------------------------------------------------------


def _what_key(what: str) -> str:
    return _DETERMINERS.sub("", _norm(what))


def discrepancies(store: Store, limit: int = 100) -> dict[str, list[Item]]:
    """Disagreements between stories, each side with its sources.

    - ``quotes``: one speaker's quote in different wordings (similar, not equal, text);
    - ``quantities``: different values for the same thing counted in the same unit;
    - ``event_dates``: different dates for the same event (same code and actors), counting
      only dates the text states (not publication dates).
    """
    sources = _Sources(store)
    return {
        "quotes": _quote_discrepancies(store, sources)[:limit],
        "quantities": _quantity_discrepancies(store, sources)[:limit],
        "event_dates": _event_date_discrepancies(store, sources)[:limit],
    }


def _all_sources(rows: list[Row], sources: _Sources) -> list[Item]:
    return [entry for _, entries in _group(rows, lambda r: None, sources) for entry in entries]


def _quote_discrepancies(store: Store, sources: _Sources) -> list[Item]:
    rows = store.fetch(
        f"SELECT q.*, {_ARTICLE_COLUMNS}, e.name AS actor_name FROM quotes q JOIN articles a ON a.id = q.article_id"
        " JOIN entities e ON e.id = q.speaker_actor_id WHERE q.kind IN ('direct', 'mixed')"
        " ORDER BY q.speaker_actor_id, a.published, a.seq, q.pos"
    )
    out = []
    for _, speaker_rows in itertools.groupby(rows, key=lambda r: r["speaker_actor_id"]):
        grouped = _group(speaker_rows, lambda r: _norm(r["text"]), sources)
        for (a, a_sources), (b, b_sources) in itertools.combinations(grouped, 2):
            if a["story"] == b["story"] or _norm(a["text"]) == _norm(b["text"]):
                continue
            similarity = fuzz.ratio(_norm(a["text"]), _norm(b["text"]))
            if similarity >= QUOTE_SIMILARITY:
                out.append(
                    {
                        "speaker": a["actor_name"],
                        "speaker_id": a["speaker_actor_id"],
                        "similarity": round(similarity, 1),
                        "versions": [
                            {"text": a["text"], "date": a["published"], "sources": a_sources},
                            {"text": b["text"], "date": b["published"], "sources": b_sources},
                        ],
                    }
                )
    return out


def _days_apart(a: str | None, b: str | None) -> float:
    try:
        return abs((date.fromisoformat(a or "") - date.fromisoformat(b or "")).days)
    except ValueError:
        return float("inf")


def _quantity_discrepancies(store: Store, sources: _Sources) -> list[Item]:
    rows = store.fetch(
        f"SELECT qt.*, {_ARTICLE_COLUMNS} FROM quantities qt JOIN articles a ON a.id = qt.article_id"
        " WHERE qt.what IS NOT NULL AND qt.unit IS NOT NULL AND qt.value IS NOT NULL"
        " ORDER BY a.published, a.seq, qt.pos"
    )
    by_thing: dict[tuple[str, str], list[Row]] = defaultdict(list)
    for row in rows:
        key = _what_key(row["what"])
        # One word ("people", "orders") names a kind of thing, not a thing: 21 people in one
        # story and 102 in another are different people. "people in Rafah" is a thing.
        if len(key.split()) >= 2:
            by_thing[(row["unit"], key)].append(row)
    actors = _story_actors(store, {r["story"] for rows in by_thing.values() for r in rows})
    out = []
    for (unit, what), thing_rows in by_thing.items():
        # Two stories disagree when they report different values about the same time
        # (counts change over months) and share an actor (they are about the same events).
        conflicting: set[int] = set()
        for (i, a), (j, b) in itertools.combinations(enumerate(thing_rows), 2):
            if (
                a["value"] != b["value"]
                and a["story"] != b["story"]
                and _days_apart(a["published"], b["published"]) <= DISCREPANCY_DAYS
                and actors.get(a["story"], set()) & actors.get(b["story"], set())
            ):
                conflicting.update((i, j))
        if not conflicting:
            continue
        values: dict[float, list[Row]] = defaultdict(list)
        for i in sorted(conflicting):
            values[thing_rows[i]["value"]].append(thing_rows[i])
        out.append(
            {
                "what": what,
                "unit": unit,
                "values": [
                    {
                        "value": value,
                        "texts": sorted({r["text"] for r in value_rows}),
                        "sources": _all_sources(value_rows, sources),
                    }
                    for value, value_rows in sorted(values.items())
                ],
            }
        )
    return out


def _story_actors(store: Store, stories: set[str]) -> dict[str, set[str]]:
    """Named people and organisations of each story (places are shared too widely to tell)."""
    out: dict[str, set[str]] = defaultdict(set)
    story_ids = sorted(stories)
    for chunk in (story_ids[i : i + 500] for i in range(0, len(story_ids), 500)):
        for row in store.fetch(
            f"SELECT DISTINCT {_STORY} AS story, ae.actor_id FROM article_entities ae"
            " JOIN articles a ON a.id = ae.article_id"
            f" WHERE ae.type IN ('person', 'organization') AND {_STORY} IN {_in(chunk)}",
            chunk,
        ):
            out[row["story"]].add(row["actor_id"])
    return out


def _event_date_discrepancies(store: Store, sources: _Sources) -> list[Item]:
    rows = _event_rows(store, ["ev.date IS NOT NULL", "ev.date_from = ?", "ev.code IS NOT NULL"], ["sentence"])
    by_event: dict[tuple[Any, ...], list[Row]] = defaultdict(list)
    for row in rows:
        source, target = row["source_actor_id"], row["target_actor_id"]
        if source or target:
            by_event[(row["code"], source, target)].append(row)
    out = []
    for (code, _, _), event_rows in by_event.items():
        dates: dict[str, list[Row]] = defaultdict(list)
        for row in event_rows:
            dates[row["date"]].append(row)
        if len(dates) < 2 or len({r["story"] for r in event_rows}) < 2:
            continue
        first = event_rows[0]
        out.append(
            {
                "code": code,
                "source": first["source_name"] or first["source"],
                "target": first["target_name"] or first["target"],
                "dates": [
                    {
                        "date": day,
                        "sentences": sorted({r["sentence"] for r in date_rows}),
                        "sources": _all_sources(date_rows, sources),
                    }
                    for day, date_rows in sorted(dates.items())
                ],
            }
        )
    return out
