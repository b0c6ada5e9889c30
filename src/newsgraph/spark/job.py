"""The Spark job: inputs -> articles -> analysed rows -> one Parquet dataset per table.

Three stages:

1. **Read.** Files (JSON Lines, WARC, text, HTML, their ``.gz``) come in through Spark's
   ``binaryFile`` source, so any Hadoop-compatible URL works, and are split into articles by
   the same readers a local run uses; Parquet inputs are read as article records. Every input
   gets ``seq``, its position in the order a local run reads the same inputs.
2. **Partition.** Inputs are dealt into ``partitions`` contiguous runs of ``seq`` (the same
   inputs and count always give the same partitions, which is what lets a rerun skip them).
3. **Analyse.** ``mapInArrow`` runs the :class:`~newsgraph.pipeline.Pipeline`, loaded once
   per Python worker (:data:`_PIPELINES`), over a partition's stream of articles and yields
   Arrow batches of table rows (one struct column per table), never Docs. An input that
   cannot be read or analysed becomes an ``errors`` row; the job goes on.

Partitions are analysed in waves; after each wave every table is written with dynamic
partition overwrite (``OUTPUT/TABLE/part=K/``) and the wave's partitions are marked done in
``OUTPUT/_partitions``. A rerun over the same inputs skips marked partitions; a partition a
crashed run left half written is rewritten whole.

Cross-article work (actors across articles, near-duplicate stories) is left to the loader
(:mod:`newsgraph.spark.load`): see ``docs/scale.md`` for why.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import json
import os
import sys
from collections import defaultdict, deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from typing import TYPE_CHECKING, Any

import pyarrow as pa

from newsgraph.config import Config
from newsgraph.errors import ErrorCode, InputError
from newsgraph.ingest import InputFailure, RawArticle
from newsgraph.ingest.readers import ERRORS_SUFFIX, SUFFIX_FORMATS
from newsgraph.pipeline import Pipeline
from newsgraph.spark.inputs import RECORD_FIELDS, read_blob, record_article
from newsgraph.spark.rows import ERRORS_TABLE, TABLES, document_rows, error_row, table_schema
from newsgraph.store.ingest import raw_hash

if TYPE_CHECKING:
    from pyspark.sql import DataFrame, SparkSession

#: Per Python worker: the pipeline of each configuration, loaded on first use. Spark reuses
#: its Python workers across tasks, so the model loads once per worker, not once per task.
_PIPELINES: dict[Config, Pipeline] = {}

#: Documents per Arrow batch a task sends back.
ROWS_BATCH = 64
#: Articles per partition when ``partitions`` is not given (at least one per core).
ARTICLES_PER_PARTITION = 500
_SEQ_FILE_SHIFT = 40  # seq = input file ordinal << 40 | record index within the file
_RAW_SCHEMA = "file int, rec long, payload string"


@dataclass
class JobReport:
    """What one :func:`run` did."""

    inputs: int = 0
    partitions: int = 0
    #: Partitions analysed by this run, and those a previous run had already written.
    analysed: list[int] = field(default_factory=list)
    skipped: list[int] = field(default_factory=list)
    #: Rows written per table by this run.
    rows: dict[str, int] = field(default_factory=dict)


def pipeline_for(config: Config) -> Pipeline:
    """The worker's pipeline for ``config`` (created, and its model loaded, once per worker)."""
    pipeline = _PIPELINES.get(config)
    if pipeline is None:
        pipeline = _PIPELINES[config] = Pipeline(config)
    return pipeline


# -- stage 1: read -------------------------------------------------------------------------------


def _is_article_file(path: str) -> bool:
    name = PurePosixPath(path).name
    if name.startswith((".", "_")) or name.endswith(ERRORS_SUFFIX):
        return False
    suffixes = PurePosixPath(name).suffixes[-2:]
    if suffixes and suffixes[-1] == ".gz":
        suffixes = suffixes[:-1]
    return bool(suffixes) and suffixes[-1].lower() in SUFFIX_FORMATS


def _is_parquet(path: str) -> bool:
    return path.rstrip("/").lower().endswith(".parquet")


def _source_name(given: str, root: str, uri: str) -> str:
    """The name a local run gives the file: the input as given, plus the path below it."""
    rest = uri[len(root) :].lstrip("/") if uri.startswith(root) else ""
    if not rest:
        return given if uri.startswith(root) else uri
    return f"{given.rstrip('/')}/{rest}"


def _filesystem(spark: SparkSession, path: str) -> tuple[Any, Any]:
    """Hadoop's FileSystem for ``path`` and the path object (any URL Spark can read)."""
    jvm = spark.sparkContext._jvm
    hadoop_path = jvm.org.apache.hadoop.fs.Path(path)  # type: ignore[union-attr]
    return hadoop_path.getFileSystem(spark.sparkContext._jsc.hadoopConfiguration()), hadoop_path


def _qualified(spark: SparkSession, path: str) -> str:
    """``path`` as the fully qualified URI Spark lists files under (``file:/...``)."""
    fs, hadoop_path = _filesystem(spark, path)
    if not fs.exists(hadoop_path):
        raise InputError(ErrorCode.E008, path)
    return str(fs.makeQualified(hadoop_path).toString())


def _exists(spark: SparkSession, path: str) -> bool:
    fs, hadoop_path = _filesystem(spark, path)
    return bool(fs.exists(hadoop_path))


def _marked(spark: SparkSession, marks: str, key: str, output: str) -> set[int]:
    """Partitions a previous run of the same job wrote (one small file per partition)."""
    fs, path = _filesystem(spark, marks)
    if not fs.exists(path):
        return set()
    done = set()
    for status in fs.listStatus(path):
        stream = fs.open(status.getPath())
        try:
            run_key = stream.readUTF()
        finally:
            stream.close()
        if run_key != key:
            raise ValueError(f"{output} holds the output of another job (other inputs or partitions): use a new OUTPUT")
        done.add(int(status.getPath().getName()))
    return done


def _mark(spark: SparkSession, path: str, key: str) -> None:
    fs, hadoop_path = _filesystem(spark, path)
    stream = fs.create(hadoop_path, True)
    try:
        stream.writeUTF(key)
    finally:
        stream.close()


def _raw_payload(item: RawArticle | InputFailure, published: str | None) -> str:
    if isinstance(item, InputFailure):
        return json.dumps({"error": item.error.as_dict()}, ensure_ascii=False)
    return json.dumps({"raw": dataclasses.asdict(item), "hash": raw_hash(item, published)}, ensure_ascii=False)


def _explode_files(
    batches: Iterable[pa.RecordBatch], files: dict[str, tuple[int, str]], max_chars: int, published: str | None
) -> Iterator[pa.RecordBatch]:
    for batch in batches:
        for uri, content in zip(batch.column("path").to_pylist(), batch.column("content").to_pylist(), strict=True):
            ordinal, source = files[uri]
            out: dict[str, list[Any]] = {"file": [], "rec": [], "payload": []}
            for rec, item in enumerate(read_blob(content, source, max_chars)):
                out["file"].append(ordinal)
                out["rec"].append(rec)
                out["payload"].append(_raw_payload(item, published))
            yield pa.RecordBatch.from_pydict(
                out, schema=pa.schema([("file", pa.int32()), ("rec", pa.int64()), ("payload", pa.string())])
            )


def _read_inputs(
    spark: SparkSession, inputs: list[str], max_chars: int, published: str | None
) -> tuple[DataFrame, int]:
    """Every input article as ``(file, rec, payload)``; also the number of input files."""
    from pyspark.sql import functions as F

    frames: list[DataFrame] = []
    files: dict[str, tuple[int, str]] = {}
    file_paths: list[str] = []
    for given in inputs:
        root = _qualified(spark, given)
        if _is_parquet(given):
            ordinal = len(files)
            files[root] = (ordinal, given)
            frames.append(_read_parquet(spark, given, ordinal, max_chars, published))
            continue
        listed = spark.read.format("binaryFile").option("recursiveFileLookup", "true").load(given).select("path")
        for uri in sorted(r.path for r in listed.collect() if _is_article_file(r.path)):
            if uri not in files:
                files[uri] = (len(files), _source_name(given, root, uri))
                file_paths.append(uri)
    if file_paths:
        binary = spark.read.format("binaryFile").load(file_paths).select("path", "content")
        explode = functools.partial(_explode_files, files=files, max_chars=max_chars, published=published)
        frames.append(binary.mapInArrow(explode, _RAW_SCHEMA))
    if not frames:
        return spark.createDataFrame([], _RAW_SCHEMA), 0
    raw = frames[0]
    for frame in frames[1:]:
        raw = raw.unionByName(frame)
    return raw.select(F.col("file").cast("int"), "rec", "payload"), len(files)


def _read_parquet(spark: SparkSession, path: str, ordinal: int, max_chars: int, published: str | None) -> DataFrame:
    """Article records from a Parquet dataset (columns as JSON Lines fields: id, text or html...)."""
    frame = spark.read.parquet(path)
    wanted = [c for c in frame.columns if c in RECORD_FIELDS]
    frame = frame.select(*[frame[c].cast("string").alias(c) for c in wanted])

    def convert(pair: tuple[Any, int]) -> tuple[int, int, str]:
        row, index = pair
        where = f"{path}[{index + 1}]"
        item = record_article({k: v for k, v in row.asDict().items() if v is not None}, where, max_chars)
        return ordinal, index, _raw_payload(item, published)

    rdd = frame.rdd.zipWithIndex().map(convert)
    return spark.createDataFrame(rdd, _RAW_SCHEMA)


# -- stage 3: analyse ----------------------------------------------------------------------------


def _spark_type(arrow_type: pa.DataType) -> str:
    return {pa.string(): "string", pa.int64(): "bigint", pa.float64(): "double", pa.binary(): "binary"}[arrow_type]


def _struct(table: str) -> pa.StructType:
    return pa.struct(list(table_schema(table)))


#: The analysis stage's output: the partition, the table a row belongs to, then one struct
#: column per table of which only the row's own is set.
OUTPUT_SCHEMA = pa.schema([("part", pa.int32()), ("table", pa.string())] + [(t, _struct(t)) for t in TABLES])


def _spark_schema() -> str:
    fields = ["part int", "`table` string"]
    for table in TABLES:
        inner = ", ".join(f"`{f.name}`: {_spark_type(f.type)}" for f in table_schema(table))
        fields.append(f"`{table}` struct<{inner}>")
    return ", ".join(fields)


def _rows_batch(part: int, table: str, rows: list[dict[str, Any]]) -> pa.RecordBatch:
    columns: list[pa.Array] = [pa.array([part] * len(rows), pa.int32()), pa.array([table] * len(rows), pa.string())]
    for name in TABLES:
        kind = _struct(name)
        columns.append(pa.array(rows, type=kind) if name == table else pa.nulls(len(rows), type=kind))
    return pa.RecordBatch.from_arrays(columns, schema=OUTPUT_SCHEMA)


def analyse_partition(
    batches: Iterable[pa.RecordBatch], config: Config, published: str | None
) -> Iterator[pa.RecordBatch]:
    """``mapInArrow`` body: a partition's ``(part, seq, payload)`` rows -> table rows."""
    pipeline = pipeline_for(config)
    pending: dict[str, deque[tuple[int, str]]] = defaultdict(deque)
    out: dict[str, list[dict[str, Any]]] = {t: [] for t in TABLES}
    part_of: list[int] = [-1]
    done = [0]

    def articles() -> Iterator[RawArticle]:
        for batch in batches:
            for part, seq, payload in zip(
                *(batch.column(c).to_pylist() for c in ("part", "seq", "payload")), strict=True
            ):
                part_of[0] = part
                data = json.loads(payload)
                if "error" in data:
                    out[ERRORS_TABLE].append(error_row(seq, data["error"]))
                    continue
                raw = RawArticle(**data["raw"])
                pending[raw.source].append((seq, data["hash"]))
                yield raw

    def failed(failure: InputFailure) -> None:
        queue = pending.get(failure.source)
        seq = queue.popleft()[0] if queue else -1
        out[ERRORS_TABLE].append(error_row(seq, failure.error.as_dict()))

    def flush() -> Iterator[pa.RecordBatch]:
        for table, rows in out.items():
            if rows:
                yield _rows_batch(part_of[0], table, rows)
                out[table] = []

    for document in pipeline.analyze_many(articles(), published=published, on_error=failed):
        seq, digest = pending[document.source or ""].popleft()
        for table, rows in document_rows(document, seq, digest).items():
            out[table].extend(rows)
        done[0] += 1
        if done[0] % ROWS_BATCH == 0:
            yield from flush()
    yield from flush()


# -- the job -------------------------------------------------------------------------------------


def session(master: str | None = None, app_name: str = "newsgraph") -> SparkSession:
    """A SparkSession set up for the job (Arrow batches; workers on this Python when local)."""
    from pyspark.sql import SparkSession

    builder = SparkSession.builder.appName(app_name)
    if master:
        builder = builder.master(master)
    if master is None or master.startswith("local"):
        # Local workers run on the driver's interpreter, which has newsgraph and the model.
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    return (
        builder.config("spark.sql.sources.partitionOverwriteMode", "dynamic")
        .config("spark.sql.execution.arrow.maxRecordsPerBatch", str(ROWS_BATCH))
        .config("spark.python.worker.reuse", "true")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .getOrCreate()
    )


def _run_key(inputs: list[str], partitions: int, config: Config, published: str | None) -> str:
    text = json.dumps([inputs, partitions, repr(config), published])
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def run(
    inputs: list[str],
    output: str,
    *,
    spark: SparkSession | None = None,
    master: str | None = None,
    partitions: int | None = None,
    config: Config | None = None,
    published: str | None = None,
    wave: int | None = None,
) -> JobReport:
    """Analyse ``inputs`` into one Parquet dataset per table under ``output``.

    ``wave`` partitions are analysed and written at a time (default: twice the cluster's
    parallelism); a rerun of the same job skips the partitions already written.
    """
    from pyspark import StorageLevel
    from pyspark.sql import functions as F

    config = config or Config()
    spark = spark or session(master)
    output = output.rstrip("/")
    report = JobReport()
    raw, report.inputs = _read_inputs(spark, inputs, config.max_chars, published)
    raw = raw.persist(StorageLevel.MEMORY_AND_DISK)
    sizes = {r["file"]: r["count"] for r in raw.groupBy("file").count().collect()}
    total = sum(sizes.values())
    parallelism = spark.sparkContext.defaultParallelism
    count = partitions or max(parallelism, -(-total // ARTICLES_PER_PARTITION))
    report.partitions = count
    offsets: dict[int, int] = {}
    start = 0
    for ordinal in sorted(sizes):
        offsets[ordinal] = start
        start += sizes[ordinal]

    key = _run_key(inputs, count, config, published)
    marks = f"{output}/_partitions"
    done = _marked(spark, marks, key, output)
    report.skipped = sorted(done)

    # Contiguous runs of the input order per partition: a loader can stream partition by
    # partition and still store articles in input order.
    def keyed(row: Any) -> tuple[int, tuple[int, int, str]]:
        index = offsets[row["file"]] + row["rec"]  # records are numbered 0..n-1 within an input
        part = index * count // max(total, 1)
        return part, (part, (row["file"] << _SEQ_FILE_SHIFT) | row["rec"], row["payload"])

    pending = [p for p in range(count) if p not in done]
    by_part = raw.rdd.map(keyed).filter(lambda kv: kv[0] not in done).partitionBy(count, lambda p: p).values()
    articles = spark.createDataFrame(by_part, "part int, seq long, payload string")
    analyse = functools.partial(analyse_partition, config=config, published=published)
    step = wave or max(1, 2 * parallelism)
    for first in range(0, len(pending), step):
        parts = pending[first : first + step]
        analysed = (
            articles.where(F.col("part").isin(parts))
            .mapInArrow(analyse, _spark_schema())
            .persist(StorageLevel.MEMORY_AND_DISK)
        )
        for table in TABLES:
            rows = analysed.where(F.col("table") == table).select("part", f"`{table}`.*")
            rows.write.mode("overwrite").partitionBy("part").parquet(f"{output}/{table}")
        counts = {r["table"]: r["count"] for r in analysed.groupBy("table").count().collect()}
        for table, n in counts.items():
            report.rows[table] = report.rows.get(table, 0) + n
        for part in parts:
            _mark(spark, f"{marks}/{part}", key)
        analysed.unpersist()
        report.analysed.extend(parts)
    raw.unpersist()
    return report
