"""Records to table rows and back, for every table of :mod:`newsgraph.store.schema`.

A record's fields become columns of the same name (``start``/``end`` become
``start_char``/``end_char``); a field without a column goes to the row's ``extra`` JSON, so a
record written by a newer version of the records comes back whole. :func:`document_from_rows`
rebuilds a :class:`~newsgraph.records.Document` equal to the one stored.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from newsgraph.records import (
    Document,
    Entity,
    Event,
    Mention,
    Participation,
    Quantity,
    Quote,
    Role,
    Stance,
    TimeExpression,
)

Row = dict[str, Any]

_RENAMED = {"start": "start_char", "end": "end_char"}


@dataclass(frozen=True, slots=True)
class FactTable:
    """How one kind of record is stored: its table, class, document field and actor columns."""

    table: str
    cls: type
    field: str
    #: actor id column -> the record field holding the article's own entity id.
    actors: Mapping[str, str] = dataclasses.field(default_factory=dict)


FACT_TABLES: tuple[FactTable, ...] = (
    FactTable(
        "quotes", Quote, "quotes", {"speaker_actor_id": "speaker_entity", "addressee_actor_id": "addressee_entity"}
    ),
    FactTable("time_expressions", TimeExpression, "time_expressions"),
    FactTable("quantities", Quantity, "quantities"),
    FactTable("events", Event, "events", {"source_actor_id": "source_entity", "target_actor_id": "target_entity"}),
    FactTable("participations", Participation, "participations", {"actor_id": "entity"}),
    FactTable("stances", Stance, "stances", {"holder_actor_id": "holder_entity"}),
)

#: Document fields kept together as one JSON column: the article's layout and provenance.
LAYOUT_FIELDS = ("paragraphs", "sentences", "captions", "credits", "removals", "warnings", "offset_map")
#: Document fields stored as columns of ``articles`` (``id`` is stored as ``doc_id``).
ARTICLE_FIELDS = (
    "title",
    "published",
    "published_from",
    "published_confidence",
    "published_evidence",
    "url",
    "author",
    "source",
    "language",
    "schema_version",
    "text",
    "source_text",
)


def column(field_name: str) -> str:
    return _RENAMED.get(field_name, field_name)


def _plain(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value


_Plan = tuple[tuple[str, str, bool], ...]
_PLANS: dict[tuple[type, frozenset[str], frozenset[str]], _Plan] = {}


def _plan(cls: type, columns: frozenset[str], skip: frozenset[str]) -> _Plan:
    """(field, column, has column) for each stored field of ``cls``: computed once per table."""
    key = (cls, columns, skip)
    if key in _PLANS:
        return _PLANS[key]
    plan = []
    for f in dataclasses.fields(cls):
        if f.name not in skip:
            name = "entity" if cls is Entity and f.name == "id" else column(f.name)
            plan.append((f.name, name, name in columns))
    _PLANS[key] = tuple(plan)
    return _PLANS[key]


def record_row(record: Any, columns: frozenset[str], skip: Iterable[str] = ()) -> Row:
    """Columns of ``record`` that the table has; the remaining fields as ``extra`` JSON."""
    row: Row = {}
    extra: dict[str, Any] = {}
    for field_name, name, stored in _plan(type(record), columns, frozenset(skip)):
        value = getattr(record, field_name)
        if stored:
            row[name] = value
        else:
            extra[field_name] = _plain(value)
    row["extra"] = json.dumps(extra, sort_keys=True, ensure_ascii=False) if extra else None
    return row


def record_plain(cls: type, row: Mapping[str, Any], skip: Iterable[str] = ()) -> dict[str, Any]:
    """The plain (``as_dict``) form of the record stored in ``row``."""
    extra = json.loads(row["extra"]) if row.get("extra") else {}
    skipped = set(skip)
    plain: dict[str, Any] = {}
    for f in dataclasses.fields(cls):
        if f.name in skipped:
            continue
        name = "entity" if cls is Entity and f.name == "id" else column(f.name)
        if name in row:
            plain[f.name] = row[name]
        elif f.name in extra:
            plain[f.name] = extra[f.name]
    return plain


def layout_json(document: Document) -> str:
    layout = {name: _plain(getattr(document, name)) for name in LAYOUT_FIELDS if name != "offset_map"}
    layout["offset_map"] = [list(s) for s in document.offset_map.segments]
    return json.dumps(layout, ensure_ascii=False, separators=(",", ":"))


def document_from_rows(
    article: Mapping[str, Any],
    entities: list[Row],
    mentions: list[Row],
    roles: list[Row],
    facts: Mapping[str, list[Row]],
) -> Document:
    """Rebuild the stored document from its rows (each list in ``pos`` order)."""
    data: dict[str, Any] = {"id": article["doc_id"], **{k: article[k] for k in ARTICLE_FIELDS}}
    data.update(json.loads(article["layout"]))
    by_entity: dict[int, dict[str, list[dict[str, Any]]]] = {}
    for row in mentions:
        by_entity.setdefault(row["entity_pos"], {"mentions": [], "roles": []})["mentions"].append(
            record_plain(Mention, row)
        )
    for row in roles:
        by_entity.setdefault(row["entity_pos"], {"mentions": [], "roles": []})["roles"].append(record_plain(Role, row))
    data["entities"] = []
    for row in entities:
        entity = record_plain(Entity, row, skip=("mentions", "roles", "aliases"))
        entity["aliases"] = json.loads(row["aliases"])
        entity.update(by_entity.get(row["pos"], {"mentions": [], "roles": []}))
        data["entities"].append(entity)
    for spec in FACT_TABLES:
        data[spec.field] = [record_plain(spec.cls, row) for row in facts.get(spec.table, [])]
    return Document.from_dict(data)
