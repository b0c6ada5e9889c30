"""Load a Spark result (``OUTPUT/TABLE/part=K/*.parquet``) into a store.

The job's rows are the store's rows minus cross-article columns. The loader rebuilds each
input's :class:`~newsgraph.records.Document` from them and adds the documents to the store
in input order (partition by partition, ``seq`` within one), so the store's actor linker and
near-duplicate index see the articles in the order a direct ingest of the same inputs does,
and the knowledge base comes out the same. Inputs already stored are skipped, so loading
twice, or loading a rerun's output, adds nothing.

Only pyarrow is needed (no JVM); ``OUTPUT`` may be a local path or any URL pyarrow's
filesystems open (``hdfs://``, ``s3://``, ``gs://``).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from typing import Any

import pyarrow as pa
import pyarrow.dataset as ds
import pyarrow.fs as pafs

from newsgraph.errors import ErrorCode, NewsgraphError
from newsgraph.records import Document
from newsgraph.spark.rows import ERRORS_TABLE, table_schema
from newsgraph.store.base import IngestReport, Store
from newsgraph.store.ingest import DEFAULT_BATCH_SIZE
from newsgraph.store.rows import FACT_TABLES, Row, document_from_rows

_PART = pa.field("part", pa.int32())
_PER_ARTICLE = ("article_entities", "mentions", "roles", *(spec.table for spec in FACT_TABLES))


class _Output:
    """The datasets of one job output, read partition by partition."""

    def __init__(self, output: str) -> None:
        if "://" in output and not output.startswith("file://"):
            self.fs, self.root = pafs.FileSystem.from_uri(output)
        else:
            self.fs, self.root = pafs.LocalFileSystem(), output.removeprefix("file://")
        self.root = self.root.rstrip("/")
        info = self.fs.get_file_info(f"{self.root}/articles")
        if info.type != pafs.FileType.Directory:
            raise NewsgraphError(ErrorCode.E008, f"{output}/articles (not the output of newsgraph spark-run)")
        self.datasets: dict[str, ds.Dataset | None] = {}

    def dataset(self, table: str) -> ds.Dataset | None:
        if table not in self.datasets:
            path = f"{self.root}/{table}"
            if self.fs.get_file_info(path).type != pafs.FileType.Directory:
                self.datasets[table] = None
            else:
                self.datasets[table] = ds.dataset(
                    path,
                    filesystem=self.fs,
                    format="parquet",
                    partitioning=ds.partitioning(pa.schema([_PART]), flavor="hive"),
                    schema=table_schema(table).append(_PART),
                )
        return self.datasets[table]

    def parts(self) -> list[int]:
        found = set()
        for table in ("article_sources", ERRORS_TABLE):
            dataset = self.dataset(table)
            if dataset is not None:
                found.update(dataset.to_table(columns=["part"]).column("part").to_pylist())
        return sorted(found)

    def rows(self, table: str, part: int) -> list[Row]:
        dataset = self.dataset(table)
        if dataset is None:
            return []
        names = table_schema(table).names
        return dataset.to_table(columns=names, filter=ds.field("part") == part).to_pylist()


def documents_of_part(output: _Output, part: int) -> tuple[list[tuple[Document, str]], int]:
    """The part's documents with their input hashes, in input order; and its error count."""
    by_seq = {row["seq"]: row for row in output.rows("articles", part)}
    facts: dict[str, dict[str, list[Row]]] = {}
    for table in _PER_ARTICLE:
        grouped: dict[str, dict[tuple[Any, ...], Row]] = defaultdict(dict)
        for row in output.rows(table, part):
            key = (row.get("entity_pos"), row["pos"])
            # An exact copy of an article in another input has the same rows: keep one.
            grouped[row["article_id"]].setdefault(key, row)
        facts[table] = {
            aid: [rows[k] for k in sorted(rows, key=lambda k: (k[0] or 0, k[1]))] for aid, rows in grouped.items()
        }
    documents = []
    for source in sorted(output.rows("article_sources", part), key=lambda r: r["seq"]):
        article = by_seq[source["seq"]]
        aid = article["id"]
        document = document_from_rows(
            article,
            facts["article_entities"].get(aid, []),
            facts["mentions"].get(aid, []),
            facts["roles"].get(aid, []),
            {spec.table: facts[spec.table].get(aid, []) for spec in FACT_TABLES},
        )
        documents.append((document, source["raw_hash"]))
    return documents, len(output.rows(ERRORS_TABLE, part))


def load(
    store: Store,
    output: str,
    *,
    batch_size: int = DEFAULT_BATCH_SIZE,
    on_progress: Callable[[int], None] | None = None,
) -> IngestReport:
    """Store the documents of the Spark job output ``output``; errors rows count as failed."""
    result = _Output(output)
    report = IngestReport()
    progress = on_progress or (lambda n: None)
    for part in result.parts():
        documents, errors = documents_of_part(result, part)
        report.failed += errors
        progress(errors)
        for start in range(0, len(documents), batch_size):
            chunk = documents[start : start + batch_size]
            report.merge(store.add([d for d, _ in chunk], [h for _, h in chunk]))
            progress(len(chunk))
    return report
