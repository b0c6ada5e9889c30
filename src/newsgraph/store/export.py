"""Exports: one Parquet or CSV file per table, and a GDELT-style event table.

Tables are streamed in chunks with a fixed Arrow schema taken from the DDL, so an export
of a large store runs in bounded memory and a column that happens to be empty in the first
chunk keeps its type.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Literal

import pyarrow as pa
import pyarrow.csv as pacsv
import pyarrow.parquet as pq

from newsgraph.store import queries
from newsgraph.store.base import KEYS, Store
from newsgraph.store.schema import DATA_TABLES, DERIVED_COLUMNS, column_types

ExportFormat = Literal["parquet", "csv"]
_CHUNK = 20_000
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_ARROW = {"text": pa.string(), "int": pa.int64(), "float": pa.float64(), "blob": pa.binary()}

#: The GDELT 2.0 event table's column names where newsgraph has the field, then its own.
GDELT_SCHEMA = pa.schema(
    [
        ("GLOBALEVENTID", pa.string()),
        ("SQLDATE", pa.int64()),
        ("Actor1Code", pa.string()),
        ("Actor1Name", pa.string()),
        ("Actor2Code", pa.string()),
        ("Actor2Name", pa.string()),
        ("EventCode", pa.string()),
        ("EventBaseCode", pa.string()),
        ("EventRootCode", pa.string()),
        ("QuadClass", pa.int64()),
        ("GoldsteinScale", pa.float64()),
        ("NumArticles", pa.int64()),
        ("ActionGeo_FullName", pa.string()),
        # ISO 3166 alpha-3, where GDELT uses FIPS 10-4 codes.
        ("ActionGeo_CountryCode", pa.string()),
        ("ActionGeo_Lat", pa.float64()),
        ("ActionGeo_Long", pa.float64()),
        ("SOURCEURL", pa.string()),
        ("article_id", pa.string()),
        ("trigger", pa.string()),
        ("status", pa.string()),
        ("sentence", pa.string()),
    ]
)


def _schema(store: Store, table: str, fmt: ExportFormat) -> pa.Schema:
    kinds = column_types(table)
    columns = sorted(store.table_columns(table) - DERIVED_COLUMNS)
    fields = [(c, _ARROW[kinds.get(c, "text")]) for c in columns]
    if fmt == "csv":  # CSV has no binary type: signatures are left out
        fields = [(c, t) for c, t in fields if t != pa.binary()]
    return pa.schema(fields)


def _chunks(store: Store, table: str, schema: pa.Schema) -> Iterator[pa.RecordBatch]:
    names = ", ".join(f'"{c}"' for c in schema.names)
    order = ", ".join(KEYS.get(table, ("article_id", "pos")))
    cursor = store.connection.execute(f"SELECT {names} FROM {table} ORDER BY {order}")
    while rows := cursor.fetchmany(_CHUNK):
        columns = list(zip(*rows, strict=True))
        yield pa.RecordBatch.from_arrays(
            [
                pa.array([bytes(v) if isinstance(v, memoryview) else v for v in col], type=f.type)
                for col, f in zip(columns, schema, strict=True)
            ],
            schema=schema,
        )


def gdelt_rows(store: Store) -> list[dict[str, Any]]:
    """One row per event and story (copies counted in ``NumArticles``), GDELT-style."""
    rows = []
    for event in queries.events(store, limit=1 << 62):
        first = event["sources"][0]
        code = event["code"] or ""
        date = event["date"] or ""
        rows.append(
            {
                "GLOBALEVENTID": f"{first['article_id']}:{first['start']}",
                # GDELT dates are days: a week, month or season ("2008-W37-WE") has none.
                "SQLDATE": int(date.replace("-", "")) if _DAY.match(date) else None,
                "Actor1Code": event["source_code"],
                "Actor1Name": event["source"],
                "Actor2Code": event["target_code"],
                "Actor2Name": event["target"],
                "EventCode": code or None,
                "EventBaseCode": code[:3] or None,
                "EventRootCode": code[:2] or None,
                "QuadClass": event["quad_class"],
                "GoldsteinScale": event["goldstein"],
                "NumArticles": len(event["sources"]),
                "ActionGeo_FullName": event["place"],
                "ActionGeo_CountryCode": event["place_code"],
                "ActionGeo_Lat": event["latitude"],
                "ActionGeo_Long": event["longitude"],
                "SOURCEURL": first["url"],
                "article_id": first["article_id"],
                "trigger": event["trigger"],
                "status": event["status"],
                "sentence": event["sentence"],
            }
        )
    return rows


def export(store: Store, out_dir: str | Path, fmt: ExportFormat = "parquet") -> list[Path]:
    """Write every data table and ``events_gdelt`` to ``out_dir`` as ``TABLE.parquet`` or ``TABLE.csv``."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for table in DATA_TABLES:
        schema = _schema(store, table, fmt)
        path = out / f"{table}.{fmt}"
        _write(path, schema, _chunks(store, table, schema), fmt)
        written.append(path)
    gdelt = pa.Table.from_pylist(gdelt_rows(store), schema=GDELT_SCHEMA)
    path = out / f"events_gdelt.{fmt}"
    _write(path, GDELT_SCHEMA, iter(gdelt.to_batches()), fmt)
    written.append(path)
    return written


def _write(path: Path, schema: pa.Schema, batches: Iterator[pa.RecordBatch], fmt: ExportFormat) -> None:
    if fmt == "parquet":
        with pq.ParquetWriter(path, schema) as writer:
            for batch in batches:
                writer.write_batch(batch)
    else:
        with pacsv.CSVWriter(path, schema) as writer:
            for batch in batches:
                writer.write_batch(batch)
