"""What every command shares: the typer app, the error console, options, opening the knowledge base."""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Literal, NoReturn, TextIO, cast

import typer
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
from newsgraph.data import sample_paths
from newsgraph.errors import ErrorCode, NewsgraphError, StoreError

if TYPE_CHECKING:
    from newsgraph.store import Store

#: Exit statuses of the commands that read inputs (extract, ingest); documented in the README.
EXIT_OK = 0  # every input went in (or was already stored)
EXIT_FAILED = 1  # nothing went in, or a fault stopped the run (what was committed before stays)
EXIT_USAGE = 2  # a bad option or argument (click's own status)
EXIT_PARTIAL = 3  # some inputs failed (each reported and listed), the others went in

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


def check_date(value: str | None) -> str | None:
    if value is None:
        return None
    from newsgraph.ingest.article import normalise_date

    try:
        return normalise_date(value)
    except NewsgraphError as exc:
        raise typer.BadParameter(exc.code.format(**exc.fields)) from None


N_PROCESS_HELP = "Worker processes, each running the whole pipeline (about 0.5 GB of memory each)."
TIME_BUDGET_HELP = (
    "Seconds one article may take (cleaning, the model for a long one, extraction); "
    "an article over it is reported and skipped. 0: no limit."
)


def print_skipped(skipped: list[tuple[str, str]], quiet: bool) -> None:
    """The files a run did not read, each with the reason (a summary line when quiet)."""
    if not skipped:
        return
    if quiet:
        err.print(f"{len(skipped):,} files skipped (not articles)", highlight=False, markup=False)
        return
    for path, reason in skipped:
        err.print(f"skipped {path}: {reason}", highlight=False, soft_wrap=True, markup=False)


def fail(message: str) -> NoReturn:
    err.print(f"newsgraph: {message}", highlight=False, soft_wrap=True, markup=False)
    raise typer.Exit(EXIT_FAILED)


def sample_inputs(name: str) -> Iterator[Path]:
    try:
        yield from sample_paths(name)
    except ValueError as exc:
        raise typer.BadParameter(str(exc), param_hint="--sample") from None


@contextlib.contextmanager
def open_output(path: Path | None) -> Iterator[TextIO]:
    if path is None:
        yield sys.stdout
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as fh:
        yield fh


def progress_bar(quiet: bool) -> Progress:
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


def count_articles(inputs: list[str | Path]) -> int | None:
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
SinceOption = Annotated[str | None, typer.Option(help="From this date (YYYY-MM-DD).", callback=check_date)]
UntilOption = Annotated[str | None, typer.Option(help="Up to this date (YYYY-MM-DD).", callback=check_date)]


#: Seconds a query waits for another writer's lock before reading without it.
QUERY_LOCK_TIMEOUT = 2.0


def open_db(db: str | None, *, create: bool = False, lock_timeout: float | None = None) -> Store:
    """The knowledge base for a command: created for ingest, else an existing one.

    A query falls back to a read-only connection when the file or its directory takes no
    writes, or another writer keeps the lock past the timeout, so a knowledge base on a
    read-only disk or share, or in the middle of a long ingest, can still be asked.
    """
    from newsgraph.store import DEFAULT_LOCK_TIMEOUT, open_store, sqlite_path

    path = sqlite_path(db)
    if not create and path is not None and not path.exists():
        # A query must not leave an empty database behind a mistyped path.
        fail(f"no knowledge base at {path}: run 'newsgraph ingest --db {path}' first, or give --db")
    # A query opens for writing only to migrate an old schema: it need not wait long for that.
    timeout = lock_timeout if lock_timeout is not None else DEFAULT_LOCK_TIMEOUT if create else QUERY_LOCK_TIMEOUT
    try:
        try:
            return open_store(db, lock_timeout=timeout)
        except StoreError as exc:
            # Reads need neither write access nor the write lock another writer holds.
            if create or exc.code not in (ErrorCode.E019, ErrorCode.E020):
                raise
            return open_store(db, read_only=True)
    except NewsgraphError as exc:
        fail(exc.message)
    except ImportError as exc:
        fail(f"PostgreSQL needs psycopg: pip install 'newsgraph[postgres]' ({exc})")
    except Exception as exc:  # connection refused, unreadable file, bad URL: one line, not a traceback
        fail(f"cannot open the knowledge base {db or 'newsgraph.db'}: {exc}")


def check_format(fmt: str, as_json: bool = False) -> Literal["table", "json", "tsv"]:
    if as_json:
        return "json"
    if fmt not in ("table", "json", "tsv"):
        raise typer.BadParameter(f"{fmt!r} is not one of table, json, tsv", param_hint="--format")
    return cast(Literal["table", "json", "tsv"], fmt)


class RateColumn(ProgressColumn):
    """Articles per second over the whole run (skipped inputs count: they are work done)."""

    def render(self, task: Task) -> Text:
        rate = task.completed / task.elapsed if task.elapsed else 0.0
        return Text(f"{rate:,.1f} articles/s", style="progress.data.speed")


def open_db_path(db: str | None) -> str:
    """The knowledge base to serve, refused when it is a missing SQLite file."""
    from newsgraph.store import sqlite_path

    path = sqlite_path(db)
    if path is not None and not path.exists():
        fail(f"no knowledge base at {path}: run 'newsgraph ingest --db {path}' first, or give --db")
    return str(path) if path is not None else "the PostgreSQL database"
