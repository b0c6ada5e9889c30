"""Article text, titles and names print literally in every table and digest (no console markup)."""

from __future__ import annotations

import pytest
from store_records import make_document, person
from typer.testing import CliRunner

from newsgraph.cli import app
from newsgraph.records import Event, Mention, Quote, Stance
from newsgraph.store import open_store

#: What rich would read as markup: a style, a link, a closing tag, a word in brackets.
MARKUP = ("[bold]", "[link=http://e.x]", "[/link]", "[/]", "[ceasefire]")
NAME = "Ann [bold]Ross[/]"
TITLE = "[b]Bridge[/] [link=http://e.x]on[/]"
SAID = "The [ceasefire] holds, and [link=http://e.x]the talks[/link] go on [/] as planned, we hope."


def _story(doc_id: str, published: str, said: str, more: str):
    text = f"{NAME} met Tom Hale in Port Elliot. “{said}” {NAME} said. {more} {NAME} backed the [bold]harbour[/] plan."
    start = text.index(said)
    met = text.index(" met ")
    ross = person("p-r", NAME, mentions=[Mention(0, len(NAME), NAME, "PERSON", "p-r")])
    hale = person("p-h", "Tom Hale", mentions=[Mention(met + 5, met + 13, "Tom Hale", "PERSON", "p-h")])
    backed = text.rindex(f"{NAME} backed")
    return make_document(
        text,
        doc_id=doc_id,
        published=published,
        title=TITLE,
        entities=[ross, hale],
        quotes=[Quote(start, start + len(said), said, "direct", NAME, "p-r", cue="said")],
        events=[
            Event(
                0,
                text.index(".") + 1,
                "met",
                met + 1,
                met + 4,
                code="040",
                source=NAME,
                source_entity="p-r",
                target="Tom Hale",
                target_entity="p-h",
                date=published,
                date_from="sentence",
            )
        ],
        stances=[Stance(NAME, "the [bold]harbour[/] plan", "support", backed, len(text), holder_entity="p-r")],
    )


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> str:
    path = tmp_path_factory.mktemp("render") / "kb.db"
    with open_store(path) as store:
        first = _story("a", "2024-03-20", SAID, "The council met on Monday to discuss the budget for the year.")
        other = "Traffic on the coast road was slow all week while crews repaired the sea wall near the pier."
        store.add([first, _story("b", "2024-03-27", SAID.replace("we hope", "so we hope"), other)])
    return str(path)


@pytest.mark.parametrize(
    ("command", "shown"),
    [
        (["actors"], [NAME]),
        (["query", "quotes", "--speaker", "Ross"], [NAME, SAID[:60], TITLE]),
        (["query", "events", "--actor", "Ross"], [NAME, TITLE]),
        (["search", "ceasefire"], ["[ceasefire]", TITLE]),
        (["timeline", "Ross"], [NAME, "[ceasefire]"]),
        (["stances", "harbour"], [NAME, "the [bold]harbour[/] plan"]),
        (["discrepancies"], [NAME, "[ceasefire]"]),
        (["report"], [NAME, "[ceasefire]", "[link=http://e.x]", f"Timeline: {NAME}"]),
    ],
    ids=["actors", "quotes", "events", "search", "timeline", "stances", "discrepancies", "report"],
)
def test_text_titles_and_names_print_as_themselves(db, command, shown):
    width = [] if command[0] in ("report", "discrepancies") else ["--width", "1000"]
    result = CliRunner().invoke(app, [*command, "--db", db, *width])
    assert result.exit_code == 0, result.output
    for literal in shown:
        assert literal in result.output, f"{literal!r} not printed literally by {command}"
