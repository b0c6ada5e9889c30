"""Command line: thin commands over the Python API."""

from __future__ import annotations

import contextlib
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Literal, NoReturn, TextIO, cast

import typer
import typer.core
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    SpinnerColumn,
    Task,
    TextColumn,
    TimeElapsedColumn,
)
from rich.text import Text

from newsgraph import __version__
from newsgraph.config import Config
from newsgraph.data import SAMPLE_SETS, sample_paths
from newsgraph.errors import NewsgraphError

# Readers (trafilatura), the pipeline (spaCy) and the store are imported inside the commands
# that use them, so --help and queries start in a fraction of a second.
if TYPE_CHECKING:
    from newsgraph.ingest import InputFailure
    from newsgraph.store import Store

app = typer.Typer(
    name="newsgraph",
    help="Turn news articles into a structured record: clean text, entities, quotes, dates and events, "
    "every item tied to its character offsets.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode="markdown",
)
err = Console(stderr=True, highlight=False)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"newsgraph {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")
    ] = False,
) -> None:
    """newsgraph: who said what to whom, who met whom where and when, from raw news articles."""


def _check_date(value: str | None) -> str | None:
    if value is None:
        return None
    from newsgraph.ingest.article import normalise_date

    try:
        return normalise_date(value)
    except NewsgraphError as exc:
        raise typer.BadParameter(exc.code.format(**exc.fields)) from None


_N_PROCESS_HELP = "Worker processes, each running the whole pipeline (about 0.5 GB of memory each)."


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
            callback=_check_date,
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
    strict: Annotated[bool, typer.Option(help="Exit with status 1 when any article fails.")] = False,
    with_source: Annotated[
        bool, typer.Option(help="Include the ingested text (source_text) that source offsets point into.")
    ] = False,
    max_chars: Annotated[
        int, typer.Option(help="Refuse articles longer than this many characters.", min=1)
    ] = 1_000_000,
    batch_size: Annotated[int, typer.Option(help="Articles per spaCy batch.", min=1)] = 32,
    n_process: Annotated[int, typer.Option(help=_N_PROCESS_HELP, min=1)] = 1,
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
    the others go through. A single article that fails exits with status 1.
    """
    if fmt not in ("jsonl", "json", "text"):
        raise typer.BadParameter(f"{fmt!r} is not one of jsonl, json, text", param_hint="--format")
    from newsgraph.ingest import read_paths
    from newsgraph.ingest.readers import ERRORS_SUFFIX
    from newsgraph.output import OutputFormat, write_documents
    from newsgraph.pipeline import Pipeline

    inputs: list[str | Path] = list(paths) if paths else list(_samples(sample))
    config = Config(
        max_chars=max_chars,
        batch_size=batch_size,
        n_process=n_process,
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
        with _open_output(output) as out, _progress(quiet) as progress:
            task = progress.add_task("articles", total=_count_articles(inputs))
            articles = read_paths(inputs, max_chars, on_skip=lambda path, why: skipped.append((path, why)))
            stream = pipeline.analyze_many(articles, published=published, on_error=report)
            for _ in write_documents(stream, out, cast(OutputFormat, fmt), with_source=with_source):
                done += 1
                progress.advance(task)
    except NewsgraphError as exc:  # a problem with the setup (e.g. the model), not with one article
        _fail(exc.message)
    except BrokenPipeError:  # the reader went away (| head): stop quietly, as Unix tools do
        sys.stderr.close()
        raise typer.Exit(0) from None
    except OSError as exc:  # readers report their own I/O errors; this is the output side
        _fail(f"cannot write {exc.filename or output or 'output'}: {exc.strerror or exc}")

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
            _fail(f"cannot write the errors file {errors_path}: {exc.strerror or exc}")
    _print_skipped(skipped, quiet)
    if not quiet or failures:
        summary = f"{done:,} article{'s' if done != 1 else ''} analysed"
        if failures:
            summary += f", {len(failures):,} failed" + (f" (listed in {errors_path})" if errors_path else "")
        if output:
            summary += f"; output in {output}"
        err.print(summary, highlight=False, soft_wrap=True, markup=False)
    if failures and (done == 0 or strict):
        raise typer.Exit(1)


def _print_skipped(skipped: list[tuple[str, str]], quiet: bool) -> None:
    """The files a run did not read, each with the reason (a summary line when quiet)."""
    if not skipped:
        return
    if quiet:
        err.print(f"{len(skipped):,} files skipped (not articles)", highlight=False, markup=False)
        return
    for path, reason in skipped:
        err.print(f"skipped {path}: {reason}", highlight=False, soft_wrap=True, markup=False)


def _fail(message: str) -> NoReturn:
    err.print(f"newsgraph: {message}", highlight=False, soft_wrap=True, markup=False)
    raise typer.Exit(1)


def _samples(name: str) -> Iterator[Path]:
    try:
        yield from sample_paths(name)
    except ValueError as exc:
        raise typer.BadParameter(str(exc), param_hint="--sample") from None


@contextlib.contextmanager
def _open_output(path: Path | None) -> Iterator[TextIO]:
    if path is None:
        yield sys.stdout
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as fh:
        yield fh


def _progress(quiet: bool) -> Progress:
    return Progress(
        SpinnerColumn(),
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err,
        disable=quiet,
        transient=False,
    )


def _count_articles(inputs: list[str | Path]) -> int | None:
    """Number of articles the inputs hold, when cheap to know (for the progress bar)."""
    from newsgraph.ingest.readers import SUFFIX_FORMATS

    total = 0
    for item in inputs:
        path = Path(item)
        if str(item) == "-" or path.is_dir() or not path.is_file() or path.suffix == ".gz":
            return None
        if SUFFIX_FORMATS.get(path.suffix.lower()) == "jsonl":
            if path.stat().st_size > 1 << 30:
                return None
            with path.open("rb") as fh:
                total += sum(1 for line in fh if line.strip())
        else:
            total += 1
    return total


@app.command()
def samples() -> None:
    """List the bundled sample article sets and where they are."""
    for name in SAMPLE_SETS:
        files = sample_paths(name)
        count = sum(sum(1 for line in p.open(encoding="utf-8") if line.strip()) for p in files)
        typer.echo(f"{name:9} {count:4} articles  " + " ".join(str(p) for p in files))


# -- knowledge base ----------------------------------------------------------------------------

DbOption = Annotated[
    str | None,
    typer.Option(
        "--db",
        help="Knowledge base: a SQLite path or sqlite:///PATH (default newsgraph.db), or postgresql://...",
        envvar="NEWSGRAPH_DB",
    ),
]
FormatOption = Annotated[
    str,
    typer.Option(
        "--format", "-f", metavar="table|json|tsv", help="Output: table, json, or tsv (tab-separated, for scripts)."
    ),
]
JsonOption = Annotated[bool, typer.Option("--json", help="Same as --format json.")]
WidthOption = Annotated[
    int | None,
    typer.Option(
        metavar="COLUMNS", help="Table width (default: the terminal's; 200 when the output is not a terminal).", min=40
    ),
]
LimitOption = Annotated[int, typer.Option(help="At most this many results.", min=1)]
SinceOption = Annotated[str | None, typer.Option(help="From this date (YYYY-MM-DD).", callback=_check_date)]
UntilOption = Annotated[str | None, typer.Option(help="Up to this date (YYYY-MM-DD).", callback=_check_date)]


def _open_db(db: str | None, *, create: bool = False) -> Store:
    from newsgraph.store import open_store, sqlite_path

    path = sqlite_path(db)
    if not create and path is not None and not path.exists():
        # A query must not leave an empty database behind a mistyped path.
        _fail(f"no knowledge base at {path}: run 'newsgraph ingest --db {path}' first, or give --db")
    try:
        return open_store(db)
    except ImportError as exc:
        _fail(f"PostgreSQL needs psycopg: pip install 'newsgraph[postgres]' ({exc})")
    except Exception as exc:  # connection refused, unreadable file, bad URL: one line, not a traceback
        _fail(f"cannot open the knowledge base {db or 'newsgraph.db'}: {exc}")


def _check_format(fmt: str, as_json: bool = False) -> Literal["table", "json", "tsv"]:
    if as_json:
        return "json"
    if fmt not in ("table", "json", "tsv"):
        raise typer.BadParameter(f"{fmt!r} is not one of table, json, tsv", param_hint="--format")
    return cast(Literal["table", "json", "tsv"], fmt)


class _RateColumn(ProgressColumn):
    """Articles per second over the whole run (skipped inputs count: they are work done)."""

    def render(self, task: Task) -> Text:
        rate = task.completed / task.elapsed if task.elapsed else 0.0
        return Text(f"{rate:,.1f} articles/s", style="progress.data.speed")


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
            help="Publication date YYYY-MM-DD for every article, overriding the input's.", callback=_check_date
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
    n_process: Annotated[int, typer.Option(help=_N_PROCESS_HELP, min=1)] = 1,
    from_parquet: Annotated[
        str | None,
        typer.Option(
            "--from-parquet",
            metavar="OUTPUT",
            help="Store the result of 'newsgraph spark-run' (its OUTPUT directory or URL) instead of reading PATHs.",
        ),
    ] = None,
) -> None:
    """Analyse articles and store them in the knowledge base.

    Inputs already stored are skipped before analysis, so re-running is cheap and adds nothing.
    Each batch commits atomically: an interrupted ingest, run again, ends with the same database
    as an uninterrupted one. Articles that cannot be read are listed at the end; the rest go in.
    """
    from newsgraph.pipeline import Pipeline
    from newsgraph.store.ingest import ingest as run_ingest

    if from_parquet is not None and paths:
        raise typer.BadParameter("give PATHs or --from-parquet, not both", param_hint="--from-parquet")
    inputs: list[str | Path] = list(paths) if paths else list(_samples(sample))
    failures: list[InputFailure] = []
    skipped: list[tuple[str, str]] = []
    store = _open_db(db, create=True)
    with store, _progress(quiet) as progress:
        progress.columns = (*progress.columns, _RateColumn())
        task = progress.add_task("ingest", total=None if from_parquet else _count_articles(inputs))
        try:
            if from_parquet is not None:
                from newsgraph.spark.load import load

                report = load(
                    store, from_parquet, batch_size=batch_size, on_progress=lambda n: progress.advance(task, n)
                )
            else:
                report = run_ingest(
                    store,
                    inputs,
                    pipeline=Pipeline(Config(max_chars=max_chars, n_process=n_process)),
                    batch_size=batch_size,
                    published=published,
                    on_error=failures.append,
                    on_progress=lambda n: progress.advance(task, n),
                    on_skip=lambda path, why: skipped.append((path, why)),
                )
        except NewsgraphError as exc:
            _fail(exc.message)
    for failure in failures:
        err.print(f"error {failure.error.message}", highlight=False, soft_wrap=True, markup=False)
    _print_skipped(skipped, quiet)
    if not quiet or failures:
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
            help="Publication date YYYY-MM-DD for every article, overriding the input's.", callback=_check_date
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
        _fail(f"spark-run needs pyspark: pip install 'newsgraph[spark]' ({exc})")
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
        _fail(str(exc))
    rows = report.rows
    err.print(
        f"{rows.get('article_sources', 0):,} articles analysed, {rows.get('errors', 0):,} failed, "
        f"{len(report.analysed)} partitions written, {len(report.skipped)} already there; output in {output}",
        highlight=False,
        soft_wrap=True,
        markup=False,
    )


@app.command()
def actors(
    name: Annotated[str | None, typer.Argument(help="Only actors this name denotes (any alias).")] = None,
    db: DbOption = None,
    entity_type: Annotated[
        str | None, typer.Option("--type", metavar="TYPE", help="person, organization, place, group or event.")
    ] = None,
    limit: LimitOption = 30,
    fmt: FormatOption = "table",
    as_json: JsonOption = False,
    width: WidthOption = None,
) -> None:
    """Actors across articles: aliases, roles over time, story and quote counts."""
    from newsgraph.store import queries
    from newsgraph.store.render import print_items

    with _open_db(db) as store:
        found = queries.actors(store, entity_type=entity_type, limit=limit, name=name)
        print_items("actors", found, _check_format(fmt, as_json), width=width)


query_app = typer.Typer(help="Quotes and events across the knowledge base.", no_args_is_help=True)
app.add_typer(query_app, name="query")


@query_app.command("quotes")
def query_quotes(
    db: DbOption = None,
    speaker: Annotated[str | None, typer.Option(help="Who said it: any name or alias of the speaker.")] = None,
    about: Annotated[str | None, typer.Option(help="Words the quote holds (full text), or an entity's name.")] = None,
    since: SinceOption = None,
    until: UntilOption = None,
    limit: LimitOption = 50,
    fmt: FormatOption = "table",
    as_json: JsonOption = False,
    width: WidthOption = None,
) -> None:
    """Quotes by speaker, topic and date, each once per story with all its sources."""
    from newsgraph.store import queries
    from newsgraph.store.render import print_items

    with _open_db(db) as store:
        found = queries.quotes(store, speaker=speaker, about=about, since=since, until=until, limit=limit)
        print_items("quotes", found, _check_format(fmt, as_json), width=width)


@query_app.command("events")
def query_events(
    db: DbOption = None,
    actor: Annotated[str | None, typer.Option(help="Source or target actor: any name or alias.")] = None,
    code: Annotated[str | None, typer.Option(help="CAMEO code prefix: 04 (consult), 042...")] = None,
    place: Annotated[str | None, typer.Option(help="Place name or its country code.")] = None,
    since: SinceOption = None,
    until: UntilOption = None,
    limit: LimitOption = 50,
    fmt: FormatOption = "table",
    as_json: JsonOption = False,
    width: WidthOption = None,
) -> None:
    """Events by actor, CAMEO code, place and date, each once per story with all its sources."""
    from newsgraph.store import queries
    from newsgraph.store.render import print_items

    with _open_db(db) as store:
        found = queries.events(store, actor=actor, code=code, place=place, since=since, until=until, limit=limit)
        print_items("events", found, _check_format(fmt, as_json), width=width)


@app.command()
def search(
    text: Annotated[str, typer.Argument(help="Words that must all occur in the article.")],
    db: DbOption = None,
    limit: LimitOption = 20,
    fmt: FormatOption = "table",
    as_json: JsonOption = False,
    width: WidthOption = None,
) -> None:
    """Full-text search over stored articles, best matches first."""
    from newsgraph.store import queries
    from newsgraph.store.render import print_items

    with _open_db(db) as store:
        print_items("search", queries.search(store, text, limit), _check_format(fmt, as_json), width=width)


@app.command()
def timeline(
    subject: Annotated[str, typer.Argument(help="An actor (any name or alias) or a topic.")],
    db: DbOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    limit: LimitOption = 100,
    fmt: FormatOption = "table",
    as_json: JsonOption = False,
    width: WidthOption = None,
    role: Annotated[
        list[str] | None,
        typer.Option("--role", help="Only what the actor did (agent), had done to it (target) or said (speaker)."),
    ] = None,
) -> None:
    """Events and statements of an actor, or about a topic, in date order across articles."""
    from newsgraph.store import queries
    from newsgraph.store.render import print_items

    for value in role or ():
        if value not in ("agent", "target", "speaker"):
            raise typer.BadParameter(f"{value!r} is not one of agent, target, speaker", param_hint="--role")
    with _open_db(db) as store:
        found = queries.timeline(store, subject, since=since, until=until, limit=limit, roles=role)
        print_items("timeline", found, _check_format(fmt, as_json), width=width)


@app.command()
def stances(
    target: Annotated[str, typer.Argument(help="What the positions are on (words of the target).")],
    db: DbOption = None,
    limit: LimitOption = 50,
    fmt: FormatOption = "table",
    as_json: JsonOption = False,
    width: WidthOption = None,
) -> None:
    """Who supports or opposes TARGET, per holder over time, and who changed position."""
    from newsgraph.store import queries
    from newsgraph.store.render import print_items

    with _open_db(db) as store:
        print_items("stances", queries.stances(store, target, limit), _check_format(fmt, as_json), width=width)


@app.command()
def discrepancies(
    db: DbOption = None,
    limit: LimitOption = 50,
    fmt: FormatOption = "table",
    as_json: JsonOption = False,
) -> None:
    """Where stories disagree: a quote in different wordings, different numbers, different dates."""
    from newsgraph.store import queries
    from newsgraph.store.render import print_discrepancies

    with _open_db(db) as store:
        print_discrepancies(queries.discrepancies(store, limit), _check_format(fmt, as_json))


@app.command()
def export(
    out: Annotated[Path, typer.Option("--out", "-o", help="Directory to write the files to.")],
    db: DbOption = None,
    fmt: Annotated[str, typer.Option("--format", "-f", metavar="parquet|csv", help="parquet or csv.")] = "parquet",
) -> None:
    """Write every table, and a GDELT-style events_gdelt table, as Parquet or CSV files."""
    if fmt not in ("parquet", "csv"):
        raise typer.BadParameter(f"{fmt!r} is not one of parquet, csv", param_hint="--format")
    from newsgraph.store.export import export as run_export

    with _open_db(db) as store:
        written = run_export(store, out, cast(Literal["parquet", "csv"], fmt))
    err.print(f"{len(written)} files written to {out}", highlight=False, markup=False)


@app.command()
def report(db: DbOption = None) -> None:
    """What the knowledge base holds: actors, top quotes by speaker, a timeline, discrepancies."""
    from newsgraph.store.render import print_report

    with _open_db(db) as store:
        print_report(store, db=db)


@app.command()
def serve(
    db: DbOption = None,
    host: Annotated[str, typer.Option(metavar="ADDRESS", help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(metavar="PORT", help="Port to listen on.", min=1, max=65535)] = 8000,
    token: Annotated[
        str | None,
        typer.Option(
            metavar="TOKEN",
            help="API token that writes (POST) need; required to take writes on any address but localhost.",
            envvar="NEWSGRAPH_TOKEN",
            show_envvar=True,
        ),
    ] = None,
    max_body: Annotated[int, typer.Option(metavar="BYTES", help="Largest request body accepted.", min=1024)] = (
        5 * 1024 * 1024
    ),
) -> None:
    """Serve the HTTP API (/v1, documented at /docs) and the web UI over the knowledge base."""
    try:
        from newsgraph.serve import run
    except ImportError as exc:
        _fail(f"the web app needs its extra: pip install 'newsgraph[web]' ({exc})")
    path = _open_db_path(db)
    if host not in ("127.0.0.1", "::1", "localhost") and not token:
        err.print(f"listening on {host} without --token: writes are refused", highlight=False, markup=False)
    err.print(
        f"newsgraph serving {path} on http://{host}:{port}/ (API docs at /docs)",
        highlight=False,
        markup=False,
        soft_wrap=True,
    )
    run(db, host=host, port=port, token=token, max_body=max_body)


def _open_db_path(db: str | None) -> str:
    """The knowledge base to serve, refused when it is a missing SQLite file."""
    from newsgraph.store import sqlite_path

    path = sqlite_path(db)
    if path is not None and not path.exists():
        _fail(f"no knowledge base at {path}: run 'newsgraph ingest --db {path}' first, or give --db")
    return str(path) if path is not None else "the PostgreSQL database"


#: Placeholders in help screens, by option name, then by value type (typer would print <str>).
_METAVARS = {"since": "YYYY-MM-DD", "until": "YYYY-MM-DD", "published": "YYYY-MM-DD", "db": "URL"}
_TYPE_METAVARS = {"int": "N", "Path": "PATH", "list[Path]": "PATH", "float": "X", "bool": ""}


def _tidy_help(command: Any) -> Any:
    """Real metavars in help: DATE, PATH, N... instead of typer's <str>, <list[Path]> and <bool>."""
    for param in command.params:
        if isinstance(param, typer.core.TyperOption) and param.metavar is None:
            kind = param.bare_type()
            param.metavar = _METAVARS.get(param.name or "", _TYPE_METAVARS.get(kind, "TEXT"))
        elif isinstance(param, typer.core.TyperArgument):
            label = (param.name or "arg").upper()
            param.metavar = label[:-1] if param.nargs != 1 and label.endswith("S") else label
            # typer's rich help prints an argument's type beside its name: the name says it all.
            param.display_type_rich = lambda ctx: ""  # type: ignore[method-assign]
    make_help_option = command.get_help_option

    def help_option(ctx: Any) -> Any:
        option = make_help_option(ctx)
        if option is not None:
            option.metavar = ""
        return option

    command.get_help_option = help_option
    for sub in getattr(command, "commands", {}).values():
        _tidy_help(sub)
    return command


def main() -> None:
    _tidy_help(typer.main.get_command(app))()


if __name__ == "__main__":
    main()
