"""Commands that analyse articles: extract (to files), ingest (into the knowledge base), spark-run."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, cast

import typer

from newsgraph.cli.common import (
    EXIT_FAILED,
    EXIT_PARTIAL,
    N_PROCESS_HELP,
    TIME_BUDGET_HELP,
    DbOption,
    RateColumn,
    app,
    check_date,
    count_articles,
    err,
    fail,
    open_db,
    open_output,
    print_skipped,
    progress_bar,
    sample_inputs,
)
from newsgraph.config import Config
from newsgraph.data import SAMPLE_SETS, sample_paths
from newsgraph.errors import NewsgraphError, StoreError

if TYPE_CHECKING:
    from newsgraph.ingest import InputFailure


@app.command()
def extract(
    paths: Annotated[
        list[str] | None,
        typer.Argument(
            help="Articles to read: .txt, .html, .jsonl/.json (one article per line), .gz of these, "
            "directories of such files, or - for standard input. None: the bundled sample articles.",
            show_default=False,
        ),
    ] = None,
    fmt: Annotated[
        str,
        typer.Option(
            "--format",
            "-f",
            metavar="jsonl|json|text",
            help="Output: jsonl (one document per line), json (an array), text (a digest).",
        ),
    ] = "jsonl",
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write here instead of standard output.")
    ] = None,
    published: Annotated[
        str | None,
        typer.Option(
            help="Publication date YYYY-MM-DD for every article, overriding the input's.",
            callback=check_date,
        ),
    ] = None,
    errors: Annotated[
        Path | None,
        typer.Option(
            help="Where to list articles that could not be read (JSON Lines). "
            "Default: OUTPUT.errors.jsonl, or newsgraph.errors.jsonl for a batch."
        ),
    ] = None,
    sample: Annotated[
        str,
        typer.Option(
            metavar="|".join(SAMPLE_SETS),
            help=f"Bundled sample set used when no PATH is given: {', '.join(SAMPLE_SETS)}.",
        ),
    ] = "all",
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar or summary.")] = False,
    strict: Annotated[
        bool, typer.Option(help="Exit with status 1 when any article fails (not 3, some failed).")
    ] = False,
    with_source: Annotated[
        bool, typer.Option(help="Include the ingested text (source_text) that source offsets point into.")
    ] = False,
    max_chars: Annotated[
        int, typer.Option(help="Refuse articles longer than this many characters.", min=1)
    ] = 1_000_000,
    batch_size: Annotated[int, typer.Option(help="Articles per spaCy batch.", min=1)] = 32,
    n_process: Annotated[int, typer.Option(help=N_PROCESS_HELP, min=1)] = 1,
    time_budget: Annotated[float, typer.Option(help=TIME_BUDGET_HELP, min=0)] = 30.0,
    verbs: Annotated[
        Path | None,
        typer.Option("--verbs", help="A PETRARCH-format verb dictionary for event coding, instead of the bundled one."),
    ] = None,
    actor_files: Annotated[
        list[Path] | None,
        typer.Option(
            "--actors",
            help="PETRARCH-format actor dictionaries read before the bundled ones (repeatable); "
            "a file named *agent* replaces the agents dictionary.",
        ),
    ] = None,
) -> None:
    """Analyse articles and write one document record per article.

    Articles that cannot be read (empty, binary, undecodable, not English, HTML without an
    article, too large) are reported on one line each, listed in the errors file and skipped;
    the others go through. Exit status: 0 every article analysed, 1 none (or a setup error),
    2 a usage error, 3 some failed.
    """
    if fmt not in ("jsonl", "json", "text"):
        raise typer.BadParameter(f"{fmt!r} is not one of jsonl, json, text", param_hint="--format")
    from newsgraph.ingest import read_paths
    from newsgraph.ingest.readers import ERRORS_SUFFIX
    from newsgraph.output import OutputFormat, write_documents
    from newsgraph.pipeline import Pipeline

    inputs: list[str | Path] = list(paths) if paths else list(sample_inputs(sample))
    config = Config(
        max_chars=max_chars,
        batch_size=batch_size,
        n_process=n_process,
        time_budget=time_budget,
        verb_dictionary=str(verbs) if verbs else None,
        actor_dictionaries=tuple(str(p) for p in actor_files or ()),
    )
    failures: list[InputFailure] = []
    skipped: list[tuple[str, str]] = []

    def report(failure: InputFailure) -> None:
        failures.append(failure)
        progress.console.print(f"error {failure.error.message}", highlight=False, soft_wrap=True, markup=False)
        progress.advance(task)

    done = 0
    try:
        pipeline = Pipeline(config)
        with open_output(output) as out, progress_bar(quiet) as progress:
            task = progress.add_task("articles", total=count_articles(inputs))
            articles = read_paths(inputs, max_chars, on_skip=lambda path, why: skipped.append((path, why)))
            stream = pipeline.analyze_many(articles, published=published, on_error=report)
            for _ in write_documents(stream, out, cast(OutputFormat, fmt), with_source=with_source):
                done += 1
                progress.advance(task)
    except NewsgraphError as exc:  # a problem with the setup (e.g. the model), not with one article
        fail(exc.message)
    except BrokenPipeError:  # the reader went away (| head): stop quietly, as Unix tools do
        sys.stderr.close()
        raise typer.Exit(0) from None
    except OSError as exc:  # readers report their own I/O errors; this is the output side
        fail(f"cannot write {exc.filename or output or 'output'}: {exc.strerror or exc}")

    errors_path = None
    # A single failed article is reported on its line; a batch also gets the errors file.
    if failures and (errors or done + len(failures) > 1):
        errors_path = errors or (
            output.with_name(output.name + ERRORS_SUFFIX) if output else Path("newsgraph" + ERRORS_SUFFIX)
        )
        try:
            with errors_path.open("w", encoding="utf-8") as fh:
                for failure in failures:
                    fh.write(json.dumps(failure.error.as_dict(), ensure_ascii=False) + "\n")
        except OSError as exc:
            fail(f"cannot write the errors file {errors_path}: {exc.strerror or exc}")
    print_skipped(skipped, quiet)
    if not quiet or failures:
        summary = f"{done:,} article{'s' if done != 1 else ''} analysed"
        if failures:
            summary += f", {len(failures):,} failed" + (f" (listed in {errors_path})" if errors_path else "")
        if output:
            summary += f"; output in {output}"
        err.print(summary, highlight=False, soft_wrap=True, markup=False)
    if failures:
        raise typer.Exit(EXIT_FAILED if done == 0 or strict else EXIT_PARTIAL)


@app.command()
def samples() -> None:
    """List the bundled sample article sets and where they are."""
    for name in SAMPLE_SETS:
        files = sample_paths(name)
        count = sum(sum(1 for line in p.open(encoding="utf-8") if line.strip()) for p in files)
        typer.echo(f"{name:9} {count:4} articles  " + " ".join(str(p) for p in files))


@app.command()
def ingest(
    paths: Annotated[
        list[str] | None,
        typer.Argument(help="Articles to read, as for extract. None: the bundled sample articles.", show_default=False),
    ] = None,
    db: DbOption = None,
    batch_size: Annotated[int, typer.Option(help="Articles per transaction.", min=1)] = 64,
    published: Annotated[
        str | None,
        typer.Option(
            help="Publication date YYYY-MM-DD for every article, overriding the input's.", callback=check_date
        ),
    ] = None,
    sample: Annotated[
        str,
        typer.Option(
            metavar="|".join(SAMPLE_SETS),
            help=f"Bundled sample set used when no PATH is given: {', '.join(SAMPLE_SETS)}.",
        ),
    ] = "all",
    max_chars: Annotated[
        int, typer.Option(help="Refuse articles longer than this many characters.", min=1)
    ] = 1_000_000,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar or summary.")] = False,
    n_process: Annotated[int, typer.Option(help=N_PROCESS_HELP, min=1)] = 1,
    time_budget: Annotated[float, typer.Option(help=TIME_BUDGET_HELP, min=0)] = 30.0,
    from_parquet: Annotated[
        str | None,
        typer.Option(
            "--from-parquet",
            metavar="OUTPUT",
            help="Store the result of 'newsgraph spark-run' (its OUTPUT directory or URL) instead of reading PATHs.",
        ),
    ] = None,
    lock_timeout: Annotated[
        float, typer.Option(metavar="SECONDS", help="How long to wait for another writer before giving up.", min=0)
    ] = 60.0,
) -> None:
    """Analyse articles and store them in the knowledge base.

    Inputs already stored are skipped before analysis, so re-running is cheap and adds nothing.
    Each batch commits atomically: an interrupted ingest, run again, ends with the same database
    as an uninterrupted one. Articles that cannot be read are listed at the end; the rest go in.
    A full disk, a read-only or locked knowledge base stops the run with one line; the batches
    committed before stay. Exit status: 0 every input stored (or already there), 1 none, or the
    run stopped on a fault, 2 a usage error, 3 some inputs failed.
    """
    from newsgraph.pipeline import Pipeline
    from newsgraph.store import IngestReport
    from newsgraph.store.ingest import ingest as run_ingest

    if from_parquet is not None and paths:
        raise typer.BadParameter("give PATHs or --from-parquet, not both", param_hint="--from-parquet")
    inputs: list[str | Path] = list(paths) if paths else list(sample_inputs(sample))
    failures: list[InputFailure] = []
    skipped: list[tuple[str, str]] = []
    store = open_db(db, create=True, lock_timeout=lock_timeout)
    report = IngestReport()
    fault: StoreError | None = None
    with store, progress_bar(quiet) as progress:
        progress.columns = (*progress.columns, RateColumn())
        task = progress.add_task("ingest", total=None if from_parquet else count_articles(inputs))
        try:
            if from_parquet is not None:
                from newsgraph.spark.load import load

                report = load(
                    store, from_parquet, batch_size=batch_size, on_progress=lambda n: progress.advance(task, n)
                )
            else:
                run_ingest(
                    store,
                    inputs,
                    pipeline=Pipeline(Config(max_chars=max_chars, n_process=n_process, time_budget=time_budget)),
                    batch_size=batch_size,
                    published=published,
                    on_error=failures.append,
                    on_progress=lambda n: progress.advance(task, n),
                    on_skip=lambda path, why: skipped.append((path, why)),
                    report=report,
                )
        except StoreError as exc:  # the store took no more: say what the committed batches hold
            fault = exc
        except NewsgraphError as exc:
            fail(exc.message)
    for failure in failures:
        err.print(f"error {failure.error.message}", highlight=False, soft_wrap=True, markup=False)
    print_skipped(skipped, quiet)
    if not quiet or failures or fault:
        summary = f"{report.added:,} articles stored"
        if report.duplicates:
            summary += f" ({report.duplicates:,} near-duplicates of stored stories)"
        for count, what in (
            (report.copies, "exact copies recorded as sources"),
            (report.skipped, "already stored"),
            (report.failed, "failed"),
        ):
            if count:
                summary += f", {count:,} {what}"
        err.print(f"{summary}; knowledge base {store.url}", highlight=False, soft_wrap=True, markup=False)
    if fault is not None:
        fail(fault.message)
    if report.failed:
        stored = report.added + report.copies + report.skipped
        raise typer.Exit(EXIT_PARTIAL if stored else EXIT_FAILED)


@app.command("spark-run")
def spark_run(
    paths: Annotated[
        list[str],
        typer.Argument(
            metavar="INPUT... OUTPUT",
            help="Inputs (.jsonl, .parquet, .warc, .txt, .html, .gz of these, directories; local paths or "
            "Hadoop-compatible URLs), then the OUTPUT directory that gets one Parquet dataset per table.",
        ),
    ],
    master: Annotated[
        str | None, typer.Option(help="Spark master URL (local[4], spark://host:7077, yarn...). Default: Spark's.")
    ] = None,
    partitions: Annotated[
        int | None,
        typer.Option(help="Partitions of the input (default: one per 500 articles, at least one per core).", min=1),
    ] = None,
    published: Annotated[
        str | None,
        typer.Option(
            help="Publication date YYYY-MM-DD for every article, overriding the input's.", callback=check_date
        ),
    ] = None,
    max_chars: Annotated[
        int, typer.Option(help="Refuse articles longer than this many characters.", min=1)
    ] = 1_000_000,
) -> None:
    """Analyse INPUTs with Apache Spark into OUTPUT/TABLE/ Parquet datasets (needs the [spark] extra and Java).

    Tables have the columns of 'newsgraph export --format parquet'; articles that fail become
    rows of OUTPUT/errors. A rerun skips partitions already written. Store the result with
    'newsgraph ingest --from-parquet OUTPUT'.
    """
    if len(paths) < 2:
        raise typer.BadParameter("give at least one INPUT and the OUTPUT directory", param_hint="INPUT... OUTPUT")
    try:
        import pyspark  # noqa: F401 - the [spark] extra
    except ImportError as exc:
        fail(f"spark-run needs pyspark: pip install 'newsgraph[spark]' ({exc})")
    from newsgraph.spark.job import run as run_job

    *inputs, output = paths
    try:
        report = run_job(
            inputs,
            output,
            master=master,
            partitions=partitions,
            published=published,
            config=Config(max_chars=max_chars),
        )
    except (NewsgraphError, ValueError) as exc:
        fail(str(exc))
    rows = report.rows
    err.print(
        f"{rows.get('article_sources', 0):,} articles analysed, {rows.get('errors', 0):,} failed, "
        f"{len(report.analysed)} partitions written, {len(report.skipped)} already there; output in {output}",
        highlight=False,
        soft_wrap=True,
        markup=False,
    )
