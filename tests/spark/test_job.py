"""The Spark job on local[2]: the records of a local run, WARC input, errors rows, reruns."""

from __future__ import annotations

import io
import itertools
import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from newsgraph.cli import app
from newsgraph.data import sample_paths
from newsgraph.ingest import read_paths
from newsgraph.pipeline import Pipeline
from newsgraph.spark.job import run
from newsgraph.spark.load import _Output, documents_of_part
from newsgraph.spark.rows import table_schema
from newsgraph.store import open_store
from newsgraph.store.ingest import ingest

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """Six bundled articles and one record that cannot be read, as one JSON Lines file."""
    path = tmp_path_factory.mktemp("corpus") / "articles.jsonl"
    lines = sample_paths("seed")[0].read_text(encoding="utf-8").splitlines(keepends=True)
    with sample_paths("wikinews")[0].open(encoding="utf-8") as fh:
        lines += list(itertools.islice(fh, 5))
    lines.insert(3, json.dumps({"id": "empty", "text": ""}) + "\n")
    path.write_text("".join(lines), encoding="utf-8")
    return path


def _documents(output: Path) -> list[dict]:
    result = _Output(str(output))
    docs = []
    for part in result.parts():
        docs.extend(d.as_dict() for d, _ in documents_of_part(result, part)[0])
    return docs


def test_spark_records_equal_the_local_run(spark, corpus, tmp_path):
    output = tmp_path / "out"
    report = run([str(corpus)], str(output), spark=spark, partitions=2)
    assert report.analysed == [0, 1]
    local = [d.as_dict() for d in Pipeline().analyze_many(read_paths([corpus]), on_error=lambda f: None)]
    assert _documents(output) == local
    # Every table has the export's columns, and the failed record is an errors row.
    for table in ("articles", "article_entities", "mentions", "quotes", "events", "participations", "errors"):
        files = sorted((output / table).rglob("*.parquet"))
        assert files, table
        assert pq.read_schema(files[0]).names == table_schema(table).names
    errors = pq.read_table(output / "errors").to_pylist()
    assert [(e["input"], e["code"]) for e in errors] == [(f"{corpus}:4 (id empty)", "E001")]

    # A rerun skips what is written; a partition whose mark is gone is analysed again, whole.
    assert run([str(corpus)], str(output), spark=spark, partitions=2).analysed == []
    (output / "_partitions" / "1").unlink()
    rerun = run([str(corpus)], str(output), spark=spark, partitions=2)
    assert (rerun.analysed, rerun.skipped) == ([1], [0])
    assert _documents(output) == local

    # The loaded store is the store a direct ingest of the same file gives.
    loaded, direct = open_store(tmp_path / "loaded.db"), open_store(tmp_path / "direct.db")
    with loaded, direct:
        runner = CliRunner()
        result = runner.invoke(app, ["ingest", "--from-parquet", str(output), "--db", str(tmp_path / "loaded.db")])
        assert result.exit_code == 3, result.output  # the job's one failed input (its errors row)
        ingest(direct, [corpus])
        assert loaded.dump() == direct.dump()


def _write_warc(path: Path, pages: list[tuple[str, bytes]]) -> None:
    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        for url, payload in pages:
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
            writer.write_record(
                writer.create_warc_record(url, "response", payload=io.BytesIO(payload), http_headers=headers)
            )


def test_spark_reads_warc(spark, data_dir, tmp_path):
    crawl = tmp_path / "crawl" / "news.warc.gz"
    crawl.parent.mkdir()
    pages = [
        ("https://coastalherald.example/news/harbour-bridge", (data_dir / "harbour_bridge.html").read_bytes()),
        ("https://coastalherald.example/app", (data_dir / "no_article.html").read_bytes()),
        ("https://coastalherald.example/news/storm", (data_dir / "storm_page.html").read_bytes()),
    ]
    _write_warc(crawl, pages)
    output = tmp_path / "out"
    result = CliRunner().invoke(app, ["spark-run", str(crawl.parent), str(output), "--partitions", "2"])
    assert result.exit_code == 0, result.output
    local = [d.as_dict() for d in Pipeline().analyze_many(read_paths([crawl.parent]), on_error=lambda f: None)]
    assert [d["url"] for d in local] == [pages[0][0], pages[2][0]]
    assert _documents(output) == local
    errors = pq.read_table(output / "errors").to_pylist()
    assert [e["code"] for e in errors] == ["E005"]
    assert pages[1][0] in errors[0]["input"]
