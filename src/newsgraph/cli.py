"""Command line: thin commands over the Python API."""

from __future__ import annotations

import contextlib
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated, NoReturn, TextIO, cast

import typer
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TextColumn,
    TimeElapsedColumn,
)

from newsgraph import __version__
from newsgraph.config import Config
from newsgraph.data import SAMPLE_SETS, sample_paths
from newsgraph.errors import NewsgraphError
from newsgraph.ingest import InputFailure, normalise_date, read_paths
from newsgraph.ingest.readers import ERRORS_SUFFIX, SUFFIX_FORMATS
from newsgraph.output import OutputFormat, write_documents
from newsgraph.pipeline import Pipeline

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
    try:
        return normalise_date(value)
    except NewsgraphError as exc:
        raise typer.BadParameter(exc.code.format(**exc.fields)) from None


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
        typer.Option("--format", "-f", help="Output: jsonl (one document per line), json (an array), text (a digest)."),
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
        str, typer.Option(help=f"Bundled sample set used when no PATH is given: {', '.join(SAMPLE_SETS)}.")
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
    n_process: Annotated[int, typer.Option(help="spaCy worker processes.", min=1)] = 1,
) -> None:
    """Analyse articles and write one document record per article.

    Articles that cannot be read (empty, binary, undecodable, not English, HTML without an
    article, too large) are reported on one line each, listed in the errors file and skipped;
    the others go through. A single article that fails exits with status 1.
    """
    if fmt not in ("jsonl", "json", "text"):
        raise typer.BadParameter(f"{fmt!r} is not one of jsonl, json, text", param_hint="--format")
    inputs: list[str | Path] = list(paths) if paths else list(_samples(sample))
    config = Config(max_chars=max_chars, batch_size=batch_size, n_process=n_process)
    failures: list[InputFailure] = []

    def report(failure: InputFailure) -> None:
        failures.append(failure)
        progress.console.print(f"error {failure.error.message}", highlight=False, soft_wrap=True, markup=False)
        progress.advance(task)

    done = 0
    try:
        pipeline = Pipeline(config)
        with _open_output(output) as out, _progress(quiet) as progress:
            task = progress.add_task("articles", total=_count_articles(inputs))
            stream = pipeline.analyze_many(read_paths(inputs, max_chars), published=published, on_error=report)
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
    if not quiet or failures:
        summary = f"{done:,} article{'s' if done != 1 else ''} analysed"
        if failures:
            summary += f", {len(failures):,} failed" + (f" (listed in {errors_path})" if errors_path else "")
        if output:
            summary += f"; output in {output}"
        err.print(summary, highlight=False, soft_wrap=True, markup=False)
    if failures and (done == 0 or strict):
        raise typer.Exit(1)


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


def main() -> None:
    app()


if __name__ == "__main__":
    main()
