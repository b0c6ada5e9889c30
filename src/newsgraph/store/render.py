"""Terminal tables and JSON for query results, and the knowledge-base report.

Article text, titles and names reach the terminal literally: they go into tables as
:class:`~rich.text.Text` and into markup lines escaped, so "[ceasefire]" or "[bold]" in an
article prints as itself instead of being read as console markup.
"""

from __future__ import annotations

import contextvars
import json
import sys
from collections.abc import Callable, Sequence
from typing import Any, Literal, TextIO

from rich.console import Console
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from newsgraph.store import queries
from newsgraph.store.base import Store

Item = dict[str, Any]
Format = Literal["table", "json", "tsv"]
#: Table width when the output is not a terminal (rich would otherwise wrap at 80 columns).
PIPED_WIDTH = 200


#: Set while writing TSV: a machine-readable output keeps every cell whole.
_WHOLE_CELLS: contextvars.ContextVar[bool] = contextvars.ContextVar("whole_cells", default=False)


def _short(text: str | None, width: int = 90) -> str:
    """``text`` on one line, cut to ``width`` characters for a table (whole in TSV)."""
    text = " ".join((text or "").split())
    return text if len(text) <= width or _WHOLE_CELLS.get() else text[: width - 1] + "…"


def _sources(item: Item) -> str:
    found = item.get("sources") or []
    if not found:
        return ""
    first = found[0]
    label = _short(first.get("title") or first["article_id"], 40)
    return label if len(found) == 1 else f"{label} (+{len(found) - 1} more)"


def _roles(item: Item) -> str:
    parts = []
    for role in item.get("roles", [])[:3]:
        title = role["title"] + (f", {role['affiliation']}" if role.get("affiliation") else "")
        span = (
            role["first_seen"]
            if role["first_seen"] == role["last_seen"]
            else f"{role['first_seen']}–{role['last_seen']}"
        )
        parts.append(f"{title} ({span})" if span else title)
    return "; ".join(parts)


_Column = tuple[str, Callable[[Item], Any]]

#: How a timeline shows the actor's part in an item.
_ROLE_WORDS: dict[str, str] = {"agent": "did", "target": "done to", "speaker": "said"}

COLUMNS: dict[str, list[_Column]] = {
    "actors": [
        ("actor", lambda i: i["name"]),
        ("type", lambda i: i["type"]),
        ("code", lambda i: i["actor_code"] or i["country_code"] or ""),
        ("stories", lambda i: i["stories"]),
        ("quotes", lambda i: i["quotes"]),
        ("roles over time", _roles),
        ("aliases", lambda i: _short(", ".join(i["aliases"][:4]), 50)),
    ],
    "quotes": [
        ("date", lambda i: i["date"] or ""),
        ("speaker", lambda i: i["speaker"] or "?"),
        ("quote", lambda i: _short(i["text"])),
        ("sources", _sources),
    ],
    "events": [
        ("date", lambda i: i["date"] or ""),
        ("source", lambda i: i["source"] or ""),
        ("code", lambda i: i["code"] or ""),
        ("target", lambda i: i["target"] or ""),
        ("trigger", lambda i: i["trigger"]),
        ("status", lambda i: i["status"]),
        ("sources", _sources),
    ],
    "timeline": [
        ("date", lambda i: i["date"] or ""),
        ("", lambda i: i["type"]),
        ("role", lambda i: _ROLE_WORDS.get(i.get("role") or "", "")),
        ("who", lambda i: i.get("speaker") or i.get("source") or ""),
        ("what", lambda i: _short(f"{i['event']}: {i['text']}" if i.get("event") else i["text"])),
        ("sources", _sources),
    ],
    "stances": [
        ("holder", lambda i: i["holder"]),
        ("positions", lambda i: "; ".join(f"{p['date'] or '?'} {p['polarity']} {p['target']}" for p in i["positions"])),
        ("changed", lambda i: "yes" if i["changed"] else ""),
    ],
    "search": [
        ("date", lambda i: i["published"] or ""),
        ("article", lambda i: _short(i["title"] or i["article_id"], 50)),
        ("match", lambda i: _short(i["snippet"], 90)),
    ],
}


def write_json(value: Any, out: TextIO | None = None) -> None:
    (out or sys.stdout).write(json.dumps(value, ensure_ascii=False, indent=2) + "\n")


def _tsv_cell(value: Any) -> str:
    return " ".join(str(value).split())


def print_items(
    kind: str, items: Sequence[Item], fmt: Format, out: TextIO | None = None, width: int | None = None
) -> None:
    """Print query results as a table (``kind`` picks the columns), as JSON or as TSV."""
    if fmt == "json":
        write_json(list(items), out)
        return
    if fmt == "tsv":
        stream = out or sys.stdout
        stream.write("\t".join(name or "type" for name, _ in COLUMNS[kind]) + "\n")
        token = _WHOLE_CELLS.set(True)
        try:
            for item in items:
                stream.write("\t".join(_tsv_cell(get(item)) for _, get in COLUMNS[kind]) + "\n")
        finally:
            _WHOLE_CELLS.reset(token)
        return
    stream = out or sys.stdout
    if width is None and not stream.isatty():
        width = PIPED_WIDTH
    console = Console(file=out, highlight=False, width=width)
    if not items:
        console.print(f"no {kind} found")
        return
    table = Table(show_lines=False, pad_edge=False, expand=False)
    for name, _ in COLUMNS[kind]:
        table.add_column(name, overflow="fold")
    for item in items:
        table.add_row(*(Text(str(get(item))) for _, get in COLUMNS[kind]))
    console.print(table)


def discrepancy_lines(found: dict[str, list[Item]], limit: int = 10) -> list[str]:
    """One readable line per discrepancy, each side with its first source."""
    lines = []
    for item in found["quantities"][:limit]:
        sides = " vs ".join(
            f"{' / '.join(v['texts'][:2])} ({_sources({'sources': v['sources']})})" for v in item["values"][:4]
        )
        lines.append(f"quantity: {item['what']} [{item['unit']}]: {sides}")
    for item in found["quotes"][:limit]:
        a, b = item["versions"]
        lines.append(
            f"quote: {item['speaker']}: “{_short(a['text'], 60)}” ({_sources(a)}) vs “{_short(b['text'], 60)}”"
            f" ({_sources(b)}), {item['similarity']:.0f}% alike"
        )
    for item in found["event_dates"][:limit]:
        sides = " vs ".join(f"{d['date']} ({_sources({'sources': d['sources']})})" for d in item["dates"][:4])
        lines.append(f"event date: {item['source'] or '?'} {item['code']} {item['target'] or '?'}: {sides}")
    return lines


def print_discrepancies(found: dict[str, list[Item]], fmt: Format, out: TextIO | None = None) -> None:
    if fmt == "json":
        write_json(found, out)
        return
    console = Console(file=out, highlight=False)
    lines = discrepancy_lines(found, limit=10**9)
    for line in lines or ["no discrepancies found"]:
        console.print(line, markup=False)


def print_report(store: Store, out: TextIO | None = None, db: str | None = None) -> None:
    """What the knowledge base holds: actors, quotes by speaker, a timeline, discrepancies."""
    console = Console(file=out, highlight=False)
    counts = store.counts()
    stories = store.scalar("SELECT COUNT(*) FROM articles WHERE duplicate_of IS NULL")
    console.print(
        f"[bold]{counts['articles']:,} articles[/] ({stories:,} stories), {counts['entities']:,} actors,"
        f" {counts['quotes']:,} quotes, {counts['events']:,} events, {counts['quantities']:,} quantities"
    )
    undated = int(store.scalar("SELECT COUNT(*) FROM articles WHERE published IS NULL") or 0)
    if undated:
        # Their events and quotes have no date to place them on a timeline.
        console.print(
            f"{undated:,} article{'s' if undated != 1 else ''} without a publication date"
            " (give one with --published, or a date in the input): their timeline dates stay blank",
            markup=False,
        )
    top = queries.actors(store, limit=8)
    people = queries.actors(store, entity_type="person", limit=50)
    console.rule("Most covered actors")
    print_items("actors", top, "table", out)
    speakers = sorted((p for p in people if p["quotes"]), key=lambda p: (-p["quotes"], p["name"]))[:3]
    console.rule("Top quotes by speaker")
    for person in speakers:
        # Whole quotations read best in a summary: no scare quotes, no reported fragments.
        said = [
            q for q in queries.quotes(store, speaker=person["id"], kinds=("direct", "mixed")) if len(q["text"]) > 40
        ]
        said = said[:3]
        console.print(f"[bold]{escape(person['name'])}[/] ({person['quotes']} quotes)")
        for quote in said:
            text = escape(_short(quote["text"], 100))
            console.print(f"  {quote['date'] or '?'}  “{text}”  [dim]{escape(_sources(quote))}[/]")
    if speakers:
        subject = speakers[0]
        console.rule(Text(f"Timeline: {subject['name']}"))
        print_items("timeline", queries.timeline(store, subject["id"], limit=8), "table", out)
    console.rule("Discrepancies between stories")
    lines = discrepancy_lines(queries.discrepancies(store, limit=3), limit=3)
    for line in lines or ["none found"]:
        console.print(line, markup=False)
    name = speakers[0]["name"].split()[-1] if speakers else "NAME"
    flag = f" --db {db}" if db else ""
    console.rule("Next")
    for command in (
        f"newsgraph actors{flag} --type person",
        f'newsgraph query quotes{flag} --speaker "{name}"',
        f'newsgraph timeline{flag} "{name}"',
        f'newsgraph search{flag} "TEXT"',
        f"newsgraph discrepancies{flag}",
        f"newsgraph export{flag} --format parquet --out export/",
    ):
        console.print(f"  {command}", markup=False)
