"""Per-article table rows of a document, with the columns of ``newsgraph export --format parquet``.

The Spark job writes, for each input, the rows the store would write for it, minus what only
a pass over all articles in arrival order can know: actor ids (``actor_id``,
``speaker_actor_id``...), ``duplicate_of``/``similarity``, and the cross-article tables
``entities`` (actors) and ``aliases``. Those columns stay null; the loader
(:mod:`newsgraph.spark.load`) replays the articles through the store, which fills them exactly
as a direct ingest does. ``seq`` is the input's position in the job's input order.

No pyspark here: the row layout is plain Python and pyarrow, testable without a JVM.
"""

from __future__ import annotations

import functools
import json
import re
from typing import Any

import pyarrow as pa

from newsgraph.ingest.article import content_id
from newsgraph.link.actors import linking_names
from newsgraph.link.duplicates import signature
from newsgraph.records import Document
from newsgraph.store.rows import ARTICLE_FIELDS, FACT_TABLES, Row, layout_json, record_row
from newsgraph.store.schema import MIGRATIONS, column_types

#: The tables the job writes, one Parquet dataset each (``errors`` is the job's own).
ARTICLE_TABLES: tuple[str, ...] = (
    "articles",
    "article_sources",
    "article_entities",
    "mentions",
    "roles",
    *(spec.table for spec in FACT_TABLES),
)
ERRORS_TABLE = "errors"
TABLES: tuple[str, ...] = (*ARTICLE_TABLES, ERRORS_TABLE)

_ARROW = {"text": pa.string(), "int": pa.int64(), "float": pa.float64(), "blob": pa.binary()}
#: One row per input that could not be read or analysed: the errors file's fields, plus where
#: the input stands in the job's input order.
ERRORS_SCHEMA = pa.schema(
    [("seq", pa.int64()), ("input", pa.string()), ("code", pa.string()), ("message", pa.string())]
)


@functools.cache
def _kinds(table: str) -> dict[str, str]:
    """Column -> kind of ``table`` after every migration: its CREATE TABLE and later ADD COLUMNs."""
    kinds = column_types(table)
    added = re.compile(rf"ALTER TABLE {table} ADD COLUMN \"?(\w+)\"? (\S+)")
    names = {"TEXT": "text", "INTEGER": "int", "{bigint}": "int", "{float}": "float", "{blob}": "blob"}
    for migration in MIGRATIONS:
        for name, kind in added.findall(migration.tables):
            kinds[name] = names.get(kind.rstrip(";"), "text")
    return kinds


def table_schema(table: str) -> pa.Schema:
    """The export's Arrow schema of ``table``: its columns, sorted, typed as the export types them."""
    if table == ERRORS_TABLE:
        return ERRORS_SCHEMA
    kinds = _kinds(table)
    return pa.schema([(name, _ARROW[kinds[name]]) for name in sorted(kinds)])


def columns(table: str) -> frozenset[str]:
    """The columns of ``table`` after every migration."""
    return frozenset(_kinds(table))


def document_rows(document: Document, seq: int, raw_hash: str) -> dict[str, list[Row]]:
    """Rows of every per-article table for one analysed input (cross-article columns null)."""
    article_id = content_id(document.text)
    rows: dict[str, list[Row]] = {table: [] for table in ARTICLE_TABLES}
    rows["articles"].append(
        {
            "id": article_id,
            "seq": seq,
            "doc_id": document.id,
            **{name: getattr(document, name) for name in ARTICLE_FIELDS},
            "layout": layout_json(document),
            "duplicate_of": None,
            "similarity": None,
            "minhash": signature(document.body),
        }
    )
    rows["article_sources"].append(
        {
            "raw_hash": raw_hash,
            "article_id": article_id,
            "seq": seq,
            "input_id": document.id,
            "source": document.source,
            "url": document.url,
            "title": document.title,
            "published": document.published,
        }
    )
    for pos, entity in enumerate(document.entities):
        row = record_row(entity, columns("article_entities"), skip=("mentions", "roles", "aliases"))
        row.update(article_id=article_id, pos=pos, aliases=json.dumps(entity.aliases, ensure_ascii=False))
        row["link_names"] = json.dumps(linking_names(entity), ensure_ascii=False)
        row["actor_id"] = None
        rows["article_entities"].append(row)
        for i, mention in enumerate(entity.mentions):
            row = record_row(mention, columns("mentions"))
            row.update(article_id=article_id, entity_pos=pos, pos=i, actor_id=None)
            rows["mentions"].append(row)
        for i, role in enumerate(entity.roles):
            row = record_row(role, columns("roles"))
            row.update(article_id=article_id, entity_pos=pos, pos=i, actor_id=None)
            rows["roles"].append(row)
    for spec in FACT_TABLES:
        for pos, record in enumerate(getattr(document, spec.field)):
            row = record_row(record, columns(spec.table))
            row.update(article_id=article_id, pos=pos)
            for actor_column in spec.actors:
                row[actor_column] = None
            if spec.table == "events":
                row["sentence"] = document.text[record.start : record.end]
            rows[spec.table].append(row)
    return rows


def error_row(seq: int, error: dict[str, Any]) -> Row:
    return {"seq": seq, "input": error.get("input"), "code": error.get("code"), "message": error.get("message")}
