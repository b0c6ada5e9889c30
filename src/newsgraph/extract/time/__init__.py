"""Time expressions: dates, times, durations and sets with TIMEX3 values.

A rule-based recogniser in the manner of HeidelTime and SUTime, in Python: regex rules
over the cleaned text (:mod:`.rules`, built from :mod:`.grammar`) find candidate
expressions, the longest match wins where they overlap, and each is then resolved in text
order (:mod:`.normalize`) against the publication date, or for anaphoric expressions
("two days later", "that same day") the last date the text mentioned; a wire dateline a day
or two off the publication date ("HAVANA, August 7 (Xinhua) --") takes its place as anchor. Tense around an
expression (:mod:`.tense`, from the tagger's ``tag_``) decides whether a bare weekday or
month looks back or ahead; words inside a quotation whose frame dates the speaking ("said on
Wednesday: '… tonight'") count from that day (:mod:`.quoted`). Without a publication date, relative expressions get
underspecified values (``XXXX-WXX-4``, ``XXXX-10-07``).

Regex over the text rather than token patterns keeps this independent of tokenisation and
usable on text spaCy never saw (captions, for :mod:`.published`), and is fast: every rule
is compiled once and runs once over the whole text.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from datetime import date
from typing import Literal

from spacy.tokens import Doc

from newsgraph.extract.time.normalize import Direction
from newsgraph.extract.time.quoted import quotations, reported_day
from newsgraph.extract.time.rules import DAY_PLACEHOLDER, RULES, Piece, Value
from newsgraph.extract.time.tense import DocTense, LexicalTense, TenseOracle
from newsgraph.records import Document, TimeExpression

__all__ = ["extract_time_expressions", "find_time_expressions", "parse_iso_date"]


def parse_iso_date(value: str | date | None) -> date | None:
    """A ``YYYY-MM-DD`` string (or a date) as a date; ``None`` when missing or malformed."""
    if value is None or isinstance(value, date):
        return value
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def extract_time_expressions(doc: Doc, document: Document) -> list[TimeExpression]:
    """Time expressions of the document's cleaned text, anchored to ``document.published``."""
    sentence_starts = [s.start for s in document.sentences] or [s.start_char for s in doc.sents]
    return find_time_expressions(
        document.text, document.published, tense=DocTense(doc), sentence_starts=sentence_starts
    )


def find_time_expressions(
    text: str,
    published: str | date | None = None,
    *,
    tense: TenseOracle | None = None,
    sentence_starts: list[int] | None = None,
) -> list[TimeExpression]:
    """Time expressions in plain ``text``, anchored to ``published`` (ISO date or ``None``).

    ``tense`` tells past from future around an offset (default: a word-list heuristic);
    ``sentence_starts`` (sorted offsets) lets a clock time take the date of its sentence.
    """
    pieces = _select(_candidates(text))
    if not pieces:
        return []
    starts = sentence_starts or _line_starts(text)
    oracle = tense or LexicalTense(text)
    state, resolved = _resolve(text, pieces, _Resolution(parse_iso_date(published), oracle), {})
    spoken = _spoken_days(text, pieces, resolved, starts)
    if spoken:
        # Again, with each quotation's words counted from the day they were spoken; what
        # follows a quotation may refer back to its dates, so the whole text is redone.
        state, resolved = _resolve(text, pieces, _Resolution(parse_iso_date(published), oracle), spoken)
    _date_clock_times(resolved, state.dct, starts)
    return [
        TimeExpression(p.start, p.end, text[p.start : p.end], v.type, v.value, v.mod, anchor)
        for p, v, anchor in resolved
    ]


def _resolve(
    text: str, pieces: list[Piece], state: _Resolution, spoken: dict[int, date]
) -> tuple[_Resolution, list[tuple[Piece, Value, str | None]]]:
    """Each piece's value in text order; ``spoken`` gives the pieces (by index) quoted on another day."""
    resolved: list[tuple[Piece, Value, str | None]] = []
    for index, piece in enumerate(pieces):
        publication = state.dct
        if index in spoken and state.dct is not None:
            state.dct = spoken[index]
        value = piece.resolve(state)
        anchor = None
        if value is not None:
            if value.anchor == "publication" and state.dct is not None:
                anchor = state.dct.isoformat()
            elif value.anchor == "reference":
                reference = value.base or state.reference()
                anchor = reference.isoformat() if reference else None
        if index in spoken:
            state.dct = publication
        if value is None:
            continue
        resolved.append((piece, value, anchor))
        state.remember(value)
        if index == 0:
            _dateline_anchor(text, piece, value, state)
    return state, resolved


def _spoken_days(
    text: str, pieces: list[Piece], resolved: list[tuple[Piece, Value, str | None]], starts: list[int]
) -> dict[int, date]:
    """The pieces inside a quotation whose frame dates the speech to a day other than their anchor."""
    dated = [
        (p.start, p.end, v.day)
        for p, v, _ in resolved
        if v.type == "DATE" and v.granularity == "day" and v.day is not None and v.anchor == "publication"
    ]
    if not dated:
        return {}
    anchors = {p.start: a for p, _, a in resolved}
    spoken: dict[int, date] = {}
    positions = [p.start for p in pieces]
    for quotation in quotations(text, starts):
        first = bisect.bisect_left(positions, quotation.start)
        last = bisect.bisect_left(positions, quotation.end)
        inside = [i for i in range(first, last) if pieces[i].end <= quotation.end]
        if not inside:
            continue
        day = reported_day(text, quotation, dated)
        if day is None:
            continue
        for i in inside:
            if anchors.get(pieces[i].start) not in (None, day.isoformat()):
                spoken[i] = day
    return spoken


#: A first line that is only a place, a date and perhaps the agency: "WASHINGTON, August 13 (Xinhua) --".
_DATELINE_HEAD = re.compile(r"[^\S\n]*(?:[A-Z][\w.'’-]*(?:,?[^\S\n]+[A-Z][\w.'’-]*)*,?[^\S\n]+)?")
_DATELINE_TAIL = re.compile(r"[^\S\n]*(?:\([^()\n]{1,30}\)[^\S\n]*)?(?:--|—|–|_|[^\S\n]*(?:\n|$))")
#: How far (days) a dateline may be from the publication date and still be the anchor.
_DATELINE_REACH = 3


def _dateline_anchor(text: str, piece: Piece, value: Value, state: _Resolution) -> None:
    """Anchor relative expressions to a dateline's day when it differs a little from the publication date.

    Wire copy is dated where it was filed ("HAVANA, August 7 (Xinhua) --") while the
    publication date may be the next day; "today" and "on Thursday" in the story count
    from the dateline, the day the reporter wrote.
    """
    if state.dct is None or value.granularity != "day" or value.day is None or value.type != "DATE":
        return
    if piece.start > 80 or not _DATELINE_HEAD.fullmatch(text, 0, piece.start):
        return
    if not _DATELINE_TAIL.match(text, piece.end):
        return
    if 0 < abs((value.day - state.dct).days) <= _DATELINE_REACH:
        state.dct = value.day


def _candidates(text: str) -> list[tuple[int, int, int, list[Piece]]]:
    found = []
    for index, rule in enumerate(RULES):
        for match in rule.pattern.finditer(text):
            pieces = rule.parse(match, text)
            if pieces:
                start = min(p.start for p in pieces)
                end = max(p.end for p in pieces)
                found.append((start, end, index, pieces))
    return found


def _select(candidates: list[tuple[int, int, int, list[Piece]]]) -> list[Piece]:
    """Non-overlapping pieces, longest match first, then earlier rules (more specific)."""
    chosen: list[tuple[int, int]] = []
    pieces: list[Piece] = []
    for start, end, _, group in sorted(candidates, key=lambda c: (c[0] - c[1], c[2], c[0])):
        i = bisect.bisect_left(chosen, (start, end))
        if (i > 0 and chosen[i - 1][1] > start) or (i < len(chosen) and chosen[i][0] < end):
            continue
        chosen.insert(i, (start, end))
        pieces.extend(group)
    pieces.sort(key=lambda p: p.start)
    return pieces


@dataclass
class _Resolution:
    """The :class:`~.rules.Context` of one text: anchors, tense, and the dates seen so far."""

    dct: date | None
    oracle: TenseOracle
    #: The last date mentioned at each level (a day mention counts for its month and year).
    last: dict[str, date] = field(default_factory=dict)
    #: The last DATE value mentioned.
    previous: Value | None = None

    def reference(self, level: Literal["day", "month", "year"] = "day") -> date | None:
        return self.last.get(level) or self.dct

    def last_value(self) -> Value | None:
        return self.previous

    def tense(self, start: int, end: int) -> Direction:
        return self.oracle(start, end)

    def remember(self, value: Value) -> None:
        if value.day is None or value.type not in ("DATE", "TIME"):
            return
        self.previous = value
        levels = {"day": 3, "week": 2, "weekend": 2, "month": 2, "quarter": 1, "season": 1, "year": 1}
        depth = levels.get(value.granularity or "", 0)
        for level in ("year", "month", "day")[:depth]:
            self.last[level] = value.day


def _date_clock_times(resolved: list[tuple[Piece, Value, str | None]], dct: date | None, starts: list[int]) -> None:
    """Give a bare clock time ("at 10:35 a.m.") the date named in its sentence, else the publication date."""
    dated = [(p.start, v.day) for p, v, _ in resolved if v.granularity == "day" and v.day is not None]
    positions = [start for start, _ in dated]
    for index, (piece, value, _) in enumerate(resolved):
        if not value.value.startswith(DAY_PLACEHOLDER):
            continue
        sentence = bisect.bisect_right(starts, piece.start)
        day: date | None = None
        best: int | None = None
        # The nearest dated expression on either side is the only candidate on that side.
        i = bisect.bisect_left(positions, piece.start)
        for start, other_day in dated[max(0, i - 1) : i + 1]:
            distance = abs(start - piece.start)
            # The sentence splitter may cut after "a.m."; a date right beside still counts.
            near = bisect.bisect_right(starts, start) == sentence or distance <= 40
            if near and (best is None or distance < best):
                best, day = distance, other_day
        anchor = None
        if day is None and dct is not None:
            day, anchor = dct, dct.isoformat()
        clock = value.value[len(DAY_PLACEHOLDER) :]
        value.value = (day.isoformat() if day else "XXXX-XX-XX") + clock
        value.day, value.granularity = day, "day" if day else None
        resolved[index] = (piece, value, anchor)


def _line_starts(text: str) -> list[int]:
    starts = [0]
    position = text.find("\n")
    while position != -1:
        starts.append(position + 1)
        position = text.find("\n", position + 1)
    return starts
