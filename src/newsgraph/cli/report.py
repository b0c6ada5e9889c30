"""Commands that hand the knowledge base on: export files, the report, the web server."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Literal, cast

import typer

from newsgraph.cli.common import DbOption, app, err, fail, open_db, open_db_path


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

    with open_db(db) as store:
        written = run_export(store, out, cast(Literal["parquet", "csv"], fmt))
    err.print(f"{len(written)} files written to {out}", highlight=False, markup=False)


@app.command()
def report(db: DbOption = None) -> None:
    """What the knowledge base holds: actors, top quotes by speaker, a timeline, discrepancies."""
    from newsgraph.store.render import print_report

    with open_db(db) as store:
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
        fail(f"the web app needs its extra: pip install 'newsgraph[web]' ({exc})")
    path = open_db_path(db)
    if host not in ("127.0.0.1", "::1", "localhost") and not token:
        err.print(f"listening on {host} without --token: writes are refused", highlight=False, markup=False)
    err.print(
        f"newsgraph serving {path} on http://{host}:{port}/ (API docs at /docs)",
        highlight=False,
        markup=False,
        soft_wrap=True,
    )
    run(db, host=host, port=port, token=token, max_body=max_body)
