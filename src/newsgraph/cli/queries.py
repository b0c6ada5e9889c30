"""Commands that ask the knowledge base: actors, query quotes|events, search, timeline, stances, discrepancies."""

from __future__ import annotations

from typing import Annotated

import typer

from newsgraph.cli.common import (
    DbOption,
    FormatOption,
    JsonOption,
    LimitOption,
    SinceOption,
    UntilOption,
    WidthOption,
    app,
    check_format,
    open_db,
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

    with open_db(db) as store:
        found = queries.actors(store, entity_type=entity_type, limit=limit, name=name)
        print_items("actors", found, check_format(fmt, as_json), width=width)


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

    with open_db(db) as store:
        found = queries.quotes(store, speaker=speaker, about=about, since=since, until=until, limit=limit)
        print_items("quotes", found, check_format(fmt, as_json), width=width)


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

    with open_db(db) as store:
        found = queries.events(store, actor=actor, code=code, place=place, since=since, until=until, limit=limit)
        print_items("events", found, check_format(fmt, as_json), width=width)


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

    with open_db(db) as store:
        print_items("search", queries.search(store, text, limit), check_format(fmt, as_json), width=width)


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
    with open_db(db) as store:
        found = queries.timeline(store, subject, since=since, until=until, limit=limit, roles=role)
        print_items("timeline", found, check_format(fmt, as_json), width=width)


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

    with open_db(db) as store:
        print_items("stances", queries.stances(store, target, limit), check_format(fmt, as_json), width=width)


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

    with open_db(db) as store:
        print_discrepancies(queries.discrepancies(store, limit), check_format(fmt, as_json))
