"""Writing documents out: JSON, JSON Lines and the readable text digest."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Iterator
from typing import Literal, TextIO

from newsgraph.records import Document, Quantity

OutputFormat = Literal["jsonl", "json", "text"]


def write_documents(
    documents: Iterable[Document], out: TextIO, fmt: OutputFormat, *, with_source: bool = False
) -> Iterator[Document]:
    """Write each document as it comes and pass it on (so callers can count or store it)."""
    if fmt == "json":
        yield from _write_json_array(documents, out, with_source)
        return
    for document in documents:
        if fmt == "jsonl":
            out.write(json.dumps(document.as_dict(with_source=with_source), ensure_ascii=False) + "\n")
        else:
            out.write(digest(document) + "\n")
        out.flush()
        yield document


def _write_json_array(documents: Iterable[Document], out: TextIO, with_source: bool) -> Iterator[Document]:
    # Streamed element by element: a batch may be far larger than memory.
    out.write("[")
    for count, document in enumerate(documents):
        body = json.dumps(document.as_dict(with_source=with_source), ensure_ascii=False, indent=2)
        out.write(("," if count else "") + "\n" + body)
        yield document
    out.write("\n]\n")


_REMOVAL_NOUNS = {
    "caption": "caption line",
    "credit": "credit line",
    "byline": "byline",
    "boilerplate": "boilerplate line",
    "duplicate": "repeated paragraph",
    "near_duplicate": "near-repeated paragraph",
}


def _plural(count: int, word: str) -> str:
    return f"{count:,} {word}{'' if count == 1 else 's'}"


def _shorten(text: str, width: int = 100) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _quantity(quantity: Quantity) -> str:
    """ "seven million pounds (pound, mass: food)": the unit as read, and the thing counted."""
    unit = quantity.unit or "?"
    if quantity.per:
        unit += f" per {quantity.per}"
    # The category matters where the unit alone is ambiguous ("pound": weight, not sterling).
    if quantity.category and quantity.category not in {"count", "money", "proportion"}:
        unit += f", {quantity.category}"
    what = quantity.what if quantity.what and quantity.what != quantity.unit else None  # "7-4 (votes, vote)"
    return f"{quantity.text} ({unit}{': ' + what if what else ''})"


def digest(document: Document) -> str:
    """A readable summary: what the article is, what cleaning took out, what was found."""
    lines = [f"══ {document.title or '(no title)'}"]
    facts = [f"id {document.id}"]
    if document.published:
        facts.append(f"published {document.published} (from {document.published_from})")
    if document.source:
        facts.append(f"source {document.source}")
    if document.url:
        facts.append(document.url)
    lines.append("   " + " · ".join(facts))

    body = [p for p in document.paragraphs if p.kind != "title"]
    kinds = Counter(p.kind for p in body)
    extra = ", ".join(_plural(n, k) for k, n in sorted(kinds.items()) if k != "body")
    lines.append(
        f"   body: {_plural(kinds['body'], 'paragraph')}{', ' + extra if extra else ''}, "
        f"{_plural(len(document.sentences), 'sentence')}, {len(document.body.split()):,} words"
    )
    if document.removals:
        removed = Counter(_REMOVAL_NOUNS[r.kind] for r in document.removals)
        lines.append("   removed: " + ", ".join(_plural(n, k) for k, n in removed.items()))
        for removal in document.removals:
            if removal.duplicate_of is not None:
                lines.append(
                    f"     {removal.kind.replace('_', '-')} of ¶{removal.duplicate_of} "
                    f"({removal.similarity:.1f}% alike): {_shorten(removal.text, 80)}"
                )
    for caption in document.captions:
        credit = f" — {caption.credit}" if caption.credit else ""
        times = f" (×{len(caption.occurrences)})" if len(caption.occurrences) > 1 else ""
        lines.append(f"   caption{times}: {_shorten(caption.text, 90)}{credit}")
    if document.credits and not any(c.credit for c in document.captions):
        lines.append("   credits: " + "; ".join(document.credits))
    for warning in document.warnings:
        lines.append(f"   warning: {warning}")
    lines.extend(_entity_lines(document))
    lines.extend(_finding_lines(document))
    return "\n".join(lines) + "\n"


def _entity_lines(document: Document) -> list[str]:
    """People and organisations one per line with roles, aliases and codes; the rest in brief."""
    # Entities known only by a description ("the employees") stay in the JSON, not the digest.
    named = [e for e in document.entities if any(m.kind == "name" for m in e.mentions)]
    if not named:
        return []
    lines = [f"   entities ({len(named)}):"]
    ranked = sorted(named, key=lambda e: -len(e.mentions))
    for entity in (e for e in ranked if e.type in {"person", "organization"}):
        details = []
        if entity.roles:
            details.append("; ".join(r.title + (f", {r.affiliation}" if r.affiliation else "") for r in entity.roles))
        if entity.aliases:
            details.append("also " + ", ".join(f"“{a}”" for a in entity.aliases))
        if entity.actor_code:
            details.append(entity.actor_code)
        suffix = f" — {' · '.join(details)}" if details else ""
        lines.append(f"     {entity.type}: {entity.name} ×{len(entity.mentions)}{suffix}")
    by_type: dict[str, list[str]] = {}
    for entity in (e for e in ranked if e.type not in {"person", "organization"}):
        where = f" ({entity.country_code})" if entity.country_code and entity.type == "place" else ""
        by_type.setdefault(entity.type, []).append(f"{entity.name}{where} ×{len(entity.mentions)}")
    for entity_type, names in by_type.items():
        lines.append(f"     {entity_type}s: " + ", ".join(names))
    return lines


def _finding_lines(document: Document) -> list[str]:
    lines: list[str] = []
    # A partial quote inside reported speech shows in that passage; one with no speaker is a scare quote.
    quotes = [
        q
        for q in document.quotes
        if q.kind != "partial"
        or (q.speaker and not any(o is not q and o.start <= q.start and q.end <= o.end for o in document.quotes))
    ]
    if quotes:
        lines.append(f"   who said what ({len(quotes)}):")
        for quote in quotes:
            speaker = quote.speaker or "(unknown speaker)"
            via = f" (via {quote.via})" if quote.via else ""
            cue = f" {quote.cue}" if quote.cue else ""
            to = f" → {quote.addressee}" if quote.addressee else ""
            words = _shorten(quote.text, 90)
            said = words if quote.kind == "reported" else f"“{words}”"
            lines.append(f"     {speaker}{via}{cue}{to}: {said}")
    if document.time_expressions:
        times = ", ".join(f"{t.text} = {t.value}" for t in document.time_expressions)
        lines.append(f"   dates and times: {times}")
    if document.quantities:
        quantities = ", ".join(_quantity(q) for q in document.quantities)
        lines.append(f"   quantities: {quantities}")
    if document.events:
        lines.append(f"   events ({len(document.events)}):")
        for event in document.events:
            lines.append(
                f"     {event.date or '?'} · {event.place or '?'} · {event.source or '?'} "
                f"—{event.code or '?'}→ {event.target or '?'} ({event.status})"
            )
    if document.stances:
        lines.append(f"   stances ({len(document.stances)}):")
        for stance in document.stances:
            verb = {"support": "supports", "oppose": "opposes"}.get(stance.polarity, "is neutral on")
            cue = f" (“{stance.cue}”)" if stance.cue else ""
            lines.append(f"     {stance.holder} {verb} {stance.target}{cue}")
    return lines
