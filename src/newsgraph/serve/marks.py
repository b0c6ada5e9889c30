"""An article's text cut into marked segments: every fact's span, for the article page.

The page shows the cleaned text once, paragraph by paragraph; each segment is a run of
characters covered by the same set of facts (quotes, speakers, mentions, events, dates,
quantities, stances), so nested and overlapping facts all stay visible and clickable.
The facts themselves, with their offsets into the cleaned text and the input, go to the page
as JSON that the script shows on click (as text, never as markup).
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import Any

from newsgraph.records import Document

#: Distinct speaker colours on the page (CSS classes spk-0 ... spk-7).
SPEAKER_COLOURS = 8


@dataclass
class Fact:
    id: str
    kind: str
    start: int
    end: int
    css: str
    label: str
    details: dict[str, Any] = field(default_factory=dict)


@dataclass
class Segment:
    text: str
    start: int
    facts: list[str]
    css: str
    label: str
    anchor: str | None = None
    highlighted: bool = False
    #: The first highlighted segment carries the page's ``#hl`` anchor.
    highlight_anchor: bool = False


def _span(document: Document, start: int, end: int) -> dict[str, int]:
    source_start, source_end = document.source_span(start, end)
    return {"start": start, "end": end, "source_start": source_start, "source_end": source_end}


def speaker_classes(document: Document) -> dict[str, int]:
    """A colour index per speaker, in order of first quote."""
    colours: dict[str, int] = {}
    for quote in document.quotes:
        key = quote.speaker_entity or quote.speaker or "?"
        colours.setdefault(key, len(colours) % SPEAKER_COLOURS)
    return colours


def facts_of(document: Document, actor_ids: dict[str, str] | None = None) -> list[Fact]:
    """Every fact of the document with a span, and what the page says about it."""
    actor_ids = actor_ids or {}
    names = {e.id: e.name for e in document.entities}
    colours = speaker_classes(document)
    facts: list[Fact] = []
    for e_pos, entity in enumerate(document.entities):
        roles = [r.title + (f", {r.affiliation}" if r.affiliation else "") for r in entity.roles]
        for i, mention in enumerate(entity.mentions):
            facts.append(
                Fact(
                    f"m{e_pos}-{i}",
                    "mention",
                    mention.start,
                    mention.end,
                    f"ent ent-{entity.type}",
                    f"{entity.name} ({entity.type})",
                    {
                        "entity": entity.name,
                        "type": entity.type,
                        "mention": mention.text,
                        "mention kind": mention.kind,
                        "roles": "; ".join(dict.fromkeys(roles)) or None,
                        "actor code": entity.actor_code,
                        "country": entity.country_code,
                        "actor": actor_ids.get(entity.id),
                        **_span(document, mention.start, mention.end),
                    },
                )
            )
    for i, quote in enumerate(document.quotes):
        colour = colours[quote.speaker_entity or quote.speaker or "?"]
        speaker = names.get(quote.speaker_entity or "", quote.speaker) or "unknown speaker"
        details = {
            "speaker": speaker,
            "kind": quote.kind,
            "cue": quote.cue,
            "to": quote.addressee,
            "via": quote.via,
            "quote": quote.text,
            "actor": actor_ids.get(quote.speaker_entity or ""),
            **_span(document, quote.start, quote.end),
        }
        facts.append(
            Fact(f"q{i}", "quote", quote.start, quote.end, f"quote spk-{colour}", f"{speaker}: quote", details)
        )
        if quote.speaker_start is not None and quote.speaker_end is not None:
            facts.append(
                Fact(
                    f"q{i}s",
                    "speaker",
                    quote.speaker_start,
                    quote.speaker_end,
                    f"speaker spk-{colour}",
                    f"speaker of quote {i + 1}: {speaker}",
                    {"speaker of": f"quote {i + 1}", **_span(document, quote.speaker_start, quote.speaker_end)},
                )
            )
        if quote.cue_start is not None and quote.cue_end is not None:
            facts.append(
                Fact(
                    f"q{i}c",
                    "cue",
                    quote.cue_start,
                    quote.cue_end,
                    "cue",
                    f"cue of quote {i + 1}",
                    {"cue of": f"quote {i + 1}", **_span(document, quote.cue_start, quote.cue_end)},
                )
            )
    for i, event in enumerate(document.events):
        tone = (
            "neutral"
            if event.goldstein is None
            else ("coop" if event.goldstein > 0 else "conf" if event.goldstein < 0 else "neutral")
        )
        facts.append(
            Fact(
                f"e{i}",
                "event",
                event.trigger_start,
                event.trigger_end,
                f"event {tone}",
                f"event {event.code or '?'}: {event.source or '?'} → {event.target or '?'}",
                {
                    "code": event.code,
                    "trigger": event.trigger,
                    "source": event.source,
                    "target": event.target,
                    "place": event.place,
                    "date": event.date,
                    "status": event.status,
                    "goldstein": event.goldstein,
                    "quad class": event.quad_class,
                    "source actor": actor_ids.get(event.source_entity or ""),
                    "target actor": actor_ids.get(event.target_entity or ""),
                    "sentence": document.text[event.start : event.end],
                    **_span(document, event.trigger_start, event.trigger_end),
                },
            )
        )
    for i, time in enumerate(document.time_expressions):
        facts.append(
            Fact(
                f"t{i}",
                "time",
                time.start,
                time.end,
                "time",
                f"{time.type}: {time.value or '?'}",
                {"type": time.type, "value": time.value, "text": time.text, **_span(document, time.start, time.end)},
            )
        )
    for i, quantity in enumerate(document.quantities):
        facts.append(
            Fact(
                f"n{i}",
                "quantity",
                quantity.start,
                quantity.end,
                "qty",
                f"quantity: {quantity.text}",
                {
                    "value": quantity.value,
                    "unit": quantity.unit,
                    "of what": quantity.what,
                    "text": quantity.text,
                    **_span(document, quantity.start, quantity.end),
                },
            )
        )
    for i, stance in enumerate(document.stances):
        start, end = (
            (stance.cue_start, stance.cue_end)
            if stance.cue_start is not None and stance.cue_end is not None
            else (stance.target_start, stance.target_end)
        )
        if start is None or end is None:
            continue
        facts.append(
            Fact(
                f"st{i}",
                "stance",
                start,
                end,
                f"stance {stance.polarity}",
                f"{names.get(stance.holder_entity or '', stance.holder)} {stance.polarity} {stance.target}",
                {
                    "holder": names.get(stance.holder_entity or "", stance.holder),
                    "position": stance.polarity,
                    "on": stance.target,
                    "evidence": stance.evidence,
                    "cue": stance.cue,
                    "actor": actor_ids.get(stance.holder_entity or ""),
                    **_span(document, start, end),
                },
            )
        )
    return [f for f in facts if 0 <= f.start < f.end <= len(document.text)]


def paragraphs(document: Document, facts: list[Fact], highlight: tuple[int, int] | None = None) -> list[dict[str, Any]]:
    """The text as paragraphs of segments; sentence starts carry anchors ``s{n}``."""
    text = document.text
    bounds = {0, len(text)}
    for fact in facts:
        bounds.update((fact.start, fact.end))
    sentence_starts = {s.start: f"s{i}" for i, s in enumerate(document.sentences)}
    bounds.update(sentence_starts)
    if highlight:
        bounds.update(highlight)
    paras = document.paragraphs or []
    if not paras:
        from newsgraph.records import Paragraph

        paras = [Paragraph(0, len(text))]
    for p in paras:
        bounds.update((p.start, p.end))
    points = sorted(b for b in bounds if 0 <= b <= len(text))
    by_start = sorted(facts, key=lambda f: f.start)
    starts = [f.start for f in by_start]
    out = []
    anchored = False
    for para in paras:
        segments = []
        i = bisect.bisect_left(points, para.start)
        while i + 1 < len(points) and points[i] < para.end:
            a, b = points[i], min(points[i + 1], para.end)
            i += 1
            if a >= b:
                continue
            covering = [f for f in by_start[: bisect.bisect_right(starts, a)] if f.end >= b]
            segments.append(
                Segment(
                    text=text[a:b],
                    start=a,
                    facts=[f.id for f in covering],
                    css=" ".join(dict.fromkeys(c for f in covering for c in f.css.split())),
                    label="; ".join(f.label for f in covering),
                    anchor=sentence_starts.get(a),
                    highlighted=bool(highlight and highlight[0] <= a and b <= highlight[1]),
                )
            )
            if segments[-1].highlighted and not anchored:
                segments[-1].highlight_anchor = anchored = True
        out.append({"kind": para.kind, "segments": segments})
    return out


def fact_details(facts: list[Fact]) -> dict[str, dict[str, Any]]:
    """The facts as the page's script shows them: kind, label and non-empty details."""
    return {
        f.id: {"kind": f.kind, "label": f.label, "details": {k: v for k, v in f.details.items() if v is not None}}
        for f in facts
    }
