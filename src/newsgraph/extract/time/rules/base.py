"""What every rule shares: the value and piece records, the rule registry and small text helpers."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Literal, Protocol

from newsgraph.extract.time import normalize as nz
from newsgraph.extract.time.normalize import Direction, Granularity

TimexType = Literal["DATE", "TIME", "DURATION", "SET"]
#: Placeholder for the calendar day of a clock time, filled from the sentence's date.
DAY_PLACEHOLDER = "{day}"

SP = r"[^\S\n]+"  # spaces within a line: an expression never runs across paragraphs


class Context(Protocol):
    """What a rule needs to resolve a value: the anchor dates and the tense."""

    @property
    def dct(self) -> date | None: ...

    def reference(self, level: Literal["day", "month", "year"] = "day") -> date | None:
        """The last date mentioned at ``level`` granularity or finer, else the publication date."""

    def last_value(self) -> Value | None:
        """The last DATE mentioned in the text, whatever its granularity."""

    def tense(self, start: int, end: int) -> Direction:
        """-1 in a past-tense context, 1 in a future one, ``None`` when unclear."""


@dataclass(slots=True)
class Value:
    """A resolved time expression (before offsets are attached)."""

    type: TimexType
    value: str
    mod: str | None = None
    #: "publication" or "reference" when the value was computed from an anchor.
    anchor: Literal["publication", "reference"] | None = None
    #: The first calendar day the value names, for later anaphora and clock times.
    day: date | None = None
    granularity: Granularity | None = None
    #: For an anaphoric value, the date it was counted from.
    base: date | None = None


Resolver = Callable[[Context], Value | None]


@dataclass(slots=True)
class Piece:
    start: int
    end: int
    resolve: Resolver


@dataclass(frozen=True, slots=True)
class Rule:
    name: str
    pattern: re.Pattern[str]
    parse: Callable[[re.Match[str], str], list[Piece] | None]


#: Rules in the order their modules were imported; the package orders them (see ``rules``).
REGISTERED: list[Rule] = []


def rule(pattern: str) -> Callable[[Callable[[re.Match[str], str], list[Piece] | None]], None]:
    """Register a rule; patterns are compiled once, at import."""

    def register(parse: Callable[[re.Match[str], str], list[Piece] | None]) -> None:
        # No rule starts inside a word ("know" is not "now", "A380" holds no year).
        REGISTERED.append(Rule(parse.__name__, re.compile(rf"(?<!\w)(?:{pattern})"), parse))

    return register


# --- helpers -------------------------------------------------------------------------------

_WORD_BEFORE = re.compile(r"([\w'’.$£€#]+)[^\S\n]*$")
_WORD_AFTER = re.compile(r"^[^\S\n]*([\w'’]+)")


def word_before(text: str, start: int) -> str:
    found = _WORD_BEFORE.search(text, max(0, start - 40), start)
    return found.group(1) if found else ""


def word_after(text: str, end: int) -> str:
    found = _WORD_AFTER.match(text[end : end + 40])
    return found.group(1) if found else ""


def date_value(day: date, granularity: Granularity, anchor: Literal["publication", "reference"] | None) -> Value:
    return Value("DATE", nz.format_date(day, granularity), anchor=anchor, day=day, granularity=granularity)


def safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def span(match: re.Match[str], group: str | int = 0) -> tuple[int, int]:
    return match.start(group), match.end(group)
