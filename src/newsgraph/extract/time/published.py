"""Publication-date inference for articles that arrive without one.

Evidence, strongest first:

1. a dateline paragraph ("WASHINGTON, March 22, 2024", "Published 22 March 2024"):
   the date the article carries about itself;
2. the latest explicit full date (day, month and year) in the photo captions or the body.
   News captions date their pictures, usually the day of or before publication, so a
   caption date is better evidence than a body date (which may be any past event). A
   past-tense weekday in the body that falls up to three days after that date ("Blinken
   met Friday" beside a caption dated Thursday 21 March) moves the estimate to that day,
   since what the article reports as done was done before it was published.

The result always carries its evidence and a confidence; nothing is inferred from the
body's relative expressions alone, and nothing at all when no explicit date is found.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from spacy.tokens import Doc

from newsgraph.extract.time import find_time_expressions
from newsgraph.extract.time.grammar import WEEKDAY, weekday_number
from newsgraph.extract.time.tense import DocTense, LexicalTense, TenseOracle
from newsgraph.records import Document, TimeExpression

_FULL_DATE = re.compile(r"^\d{4}-\d\d-\d\d$")
_BARE_WEEKDAY = re.compile(rf"^{WEEKDAY}$")
#: How many days after the latest explicit date a past-tense weekday may move the estimate.
_WEEKDAY_REACH = 3

DATELINE_CONFIDENCE = 0.9
CAPTION_CONFIDENCE = 0.6
BODY_CONFIDENCE = 0.4


@dataclass(frozen=True, slots=True)
class InferredDate:
    """An inferred publication date (``YYYY-MM-DD``), how sure, and on what evidence."""

    date: str
    confidence: float
    evidence: str


def infer_published(document: Document, doc: Doc | None = None) -> InferredDate | None:
    """The publication date ``document`` implies, or ``None`` when it gives no explicit date.

    ``doc`` (the annotated text) lets the tagger judge the tense of weekday mentions; without
    it a word-list heuristic does.
    """
    for paragraph in document.paragraphs:
        if paragraph.kind != "dateline":
            continue
        line = document.text[paragraph.start : paragraph.end]
        for found in _explicit_days(find_time_expressions(line)):
            return InferredDate(found.value or "", DATELINE_CONFIDENCE, f'dateline "{line.strip()}"')

    best: tuple[date, str, float] | None = None
    for caption in document.captions:
        for found in _explicit_days(find_time_expressions(caption.text)):
            day = date.fromisoformat(found.value or "")
            if best is None or day > best[0]:
                best = (day, f'caption "{_clip(caption.text)}"', CAPTION_CONFIDENCE)
    body = find_time_expressions(document.text)
    for found in _explicit_days(body):
        day = date.fromisoformat(found.value or "")
        if best is None or day > best[0]:
            best = (day, f'date "{found.text}" in the text', BODY_CONFIDENCE)
    if best is None:
        return None
    day, evidence, confidence = best
    oracle: TenseOracle = DocTense(doc) if doc is not None else LexicalTense(document.text)
    later = _later_weekday(day, body, oracle)
    if later is not None:
        moved, mention = later
        return InferredDate(moved.isoformat(), confidence, f'{evidence}, and "{mention}" reported as past in the text')
    return InferredDate(day.isoformat(), confidence, evidence)


def _explicit_days(found: list[TimeExpression]) -> list[TimeExpression]:
    """Full dates written out with their year (not computed from an anchor)."""
    return [t for t in found if t.type == "DATE" and t.anchor is None and _FULL_DATE.match(t.value or "")]


def _later_weekday(day: date, body: list[TimeExpression], oracle: TenseOracle) -> tuple[date, str] | None:
    best: tuple[date, str] | None = None
    for found in body:
        if not _BARE_WEEKDAY.match(found.text) or oracle(found.start, found.end) != -1:
            continue
        ahead = (weekday_number(found.text) - day.weekday()) % 7
        if 0 < ahead <= _WEEKDAY_REACH:
            candidate = day + timedelta(days=ahead)
            if best is None or candidate > best[0]:
                best = (candidate, found.text)
    return best


def _clip(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
