"""Job output -> store: the loaded knowledge base equals a direct ingest (SQLite and PostgreSQL).

The output is written here with pyarrow in the job's layout (``TABLE/part=K/*.parquet``, rows
from :func:`document_rows`), so the loader is tested without a JVM.
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from newsgraph.data import sample_paths
from newsgraph.ingest import RawArticle, read_paths
from newsgraph.pipeline import Pipeline
from newsgraph.spark.load import load
from newsgraph.spark.rows import TABLES, document_rows, table_schema
from newsgraph.store import open_store
from newsgraph.store.ingest import ingest, raw_hash

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """Seven bundled articles, the third one twice (an input already stored)."""
    path = tmp_path_factory.mktemp("load") / "articles.jsonl"
    lines = sample_paths("seed")[0].read_text(encoding="utf-8").splitlines(keepends=True)
    with sample_paths("wikinews")[0].open(encoding="utf-8") as fh:
        lines += list(itertools.islice(fh, 6))
    lines.insert(4, lines[2])
    path.write_text("".join(lines), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def job_output(corpus, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("job") / "out"
    raws = [r for r in read_paths([corpus]) if isinstance(r, RawArticle)]
    hashes = {r.source: raw_hash(r) for r in raws}
    rows: dict[tuple[str, int], list[dict]] = defaultdict(list)
    for seq, document in enumerate(Pipeline().analyze_many(raws)):
        part = 0 if seq < 4 else 1
        for table, table_rows in document_rows(document, seq, hashes[document.source]).items():
            rows[table, part].extend(table_rows)
    for (table, part), table_rows in rows.items():
        (out / table / f"part={part}").mkdir(parents=True, exist_ok=True)
        pq.write_table(
            pa.Table.from_pylist(table_rows, schema=table_schema(table)), out / table / f"part={part}" / "a.parquet"
        )
    return out


def test_rows_have_the_export_columns(tmp_path):
    from newsgraph.store.export import _schema

    with open_store(tmp_path / "kb.db") as store:
        for table in TABLES[:-1]:
            assert table_schema(table) == _schema(store, table, "parquet"), table


def test_loaded_store_equals_direct_ingest(corpus, job_output, store_url, request, tmp_path):
    direct_url = request.getfixturevalue("postgres_factory")() if "://" in store_url else str(tmp_path / "direct.db")
    with open_store(store_url) as loaded, open_store(direct_url) as direct:
        report = load(loaded, str(job_output))
        assert (report.added, report.skipped) == (7, 1)
        assert load(loaded, str(job_output)).added == 0  # loading twice adds nothing
        ingest(direct, [corpus])
        assert loaded.dump() == direct.dump()
        assert loaded.counts()["entities"] > 0  # actors are linked across articles by the loader
