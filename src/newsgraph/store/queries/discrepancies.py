"""Where stories disagree: quote wordings, numbers, event dates."""

from __future__ import annotations

import itertools
import re
from collections import defaultdict
from datetime import date
from typing import Any

from rapidfuzz import fuzz

from newsgraph.store.base import Row, Store
from newsgraph.store.queries.common import ARTICLE_COLUMNS, STORY, Item, Sources, group, in_list, norm
from newsgraph.store.queries.facts import event_rows

#: Minimum rapidfuzz ratio (0-100) for two quotes of one speaker to be one quote reworded.
QUOTE_SIMILARITY = 85.0
#: Stories published further apart than this may both be right about a number that changed.
DISCREPANCY_DAYS = 14
_DETERMINERS = re.compile(r"^(?:the|a|an|some|about|around|over|nearly|almost|more than|at least)\s+")


def _what_key(what: str) -> str:
    return _DETERMINERS.sub("", norm(what))


def discrepancies(store: Store, limit: int = 100) -> dict[str, list[Item]]:
    """Disagreements between stories, each side with its sources.

    - ``quotes``: one speaker's quote in different wordings (similar, not equal, text);
    - ``quantities``: different values for the same thing counted in the same unit;
    - ``event_dates``: different dates for the same event (same code and actors), counting
      only dates the text states (not publication dates).
    """
    sources = Sources(store)
    return {
        "quotes": _quote_discrepancies(store, sources)[:limit],
        "quantities": _quantity_discrepancies(store, sources)[:limit],
        "event_dates": _event_date_discrepancies(store, sources)[:limit],
    }


def _all_sources(rows: list[Row], sources: Sources) -> list[Item]:
    return [entry for _, entries in group(rows, lambda r: None, sources) for entry in entries]


def _quote_discrepancies(store: Store, sources: Sources) -> list[Item]:
    rows = store.fetch(
        f"SELECT q.*, {ARTICLE_COLUMNS}, e.name AS actor_name FROM quotes q JOIN articles a ON a.id = q.article_id"
        " JOIN entities e ON e.id = q.speaker_actor_id WHERE q.kind IN ('direct', 'mixed')"
        " ORDER BY q.speaker_actor_id, a.published, a.seq, q.pos"
    )
    out = []
    for _, speaker_rows in itertools.groupby(rows, key=lambda r: r["speaker_actor_id"]):
        grouped = group(speaker_rows, lambda r: norm(r["text"]), sources)
        for (a, a_sources), (b, b_sources) in itertools.combinations(grouped, 2):
            if a["story"] == b["story"] or norm(a["text"]) == norm(b["text"]):
                continue
            similarity = fuzz.ratio(norm(a["text"]), norm(b["text"]))
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


def _quantity_discrepancies(store: Store, sources: Sources) -> list[Item]:
    rows = store.fetch(
        f"SELECT qt.*, {ARTICLE_COLUMNS} FROM quantities qt JOIN articles a ON a.id = qt.article_id"
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
            f"SELECT DISTINCT {STORY} AS story, ae.actor_id FROM article_entities ae"
            " JOIN articles a ON a.id = ae.article_id"
            f" WHERE ae.type IN ('person', 'organization') AND {STORY} IN {in_list(chunk)}",
            chunk,
        ):
            out[row["story"]].add(row["actor_id"])
    return out


def _event_date_discrepancies(store: Store, sources: Sources) -> list[Item]:
    rows = event_rows(store, ["ev.date IS NOT NULL", "ev.date_from = ?", "ev.code IS NOT NULL"], ["sentence"])
    by_event: dict[tuple[Any, ...], list[Row]] = defaultdict(list)
    for row in rows:
        source, target = row["source_actor_id"], row["target_actor_id"]
        if source or target:
            by_event[(row["code"], source, target)].append(row)
    out = []
    for (code, _, _), one_event in by_event.items():
        dates: dict[str, list[Row]] = defaultdict(list)
        for row in one_event:
            dates[row["date"]].append(row)
        if len(dates) < 2 or len({r["story"] for r in one_event}) < 2:
            continue
        first = one_event[0]
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
