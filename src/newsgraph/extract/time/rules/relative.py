"""Dates relative to the publication day or the last date mentioned: last week, the following month, that day."""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Literal

from newsgraph.extract.time import normalize as nz
from newsgraph.extract.time.grammar import (
    DAY,
    MONTH,
    PARTS_OF_DAY,
    POSITION,
    YEAR,
    day_number,
    month_number,
    position_mod,
)
from newsgraph.extract.time.normalize import Granularity
from newsgraph.extract.time.rules.base import (
    SP,
    Context,
    Piece,
    Value,
    date_value,
    rule,
)
from newsgraph.extract.time.rules.calendar import day_month_resolver

_RELATIVE_UNITS: dict[str, tuple[str, Granularity]] = {
    "day": ("D", "day"),
    "week": ("W", "week"),
    "weekend": ("W", "weekend"),
    "month": ("M", "month"),
    "quarter": ("Q", "quarter"),
    "year": ("Y", "year"),
    "decade": ("DE", "decade"),
    "century": ("CE", "century"),
}


@rule(
    rf"(?P<pos>{POSITION})?(?P<rel>(?i:last|next|this|coming|past|previous|following|current|this{SP}past|this{SP}coming))"
    rf"{SP}(?P<unit>(?i:week|weekend|month|quarter|year|decade|century))(?!\w)"
)
def relative_date(match: re.Match[str], text: str) -> list[Piece] | None:
    """last week · next month · this year · early next week · later this year · past decade"""
    rel = " ".join(match["rel"].lower().split())
    unit = match["unit"].lower()
    pos = match["pos"]
    mod = position_mod(pos) if pos else None
    letter, granularity = _RELATIVE_UNITS[unit]
    start, end = match.start(), match.end()
    before = text[max(0, start - 4) : start].lower()
    has_the = before == "the "
    if rel == "past" or (has_the and rel in ("last", "next", "coming") and not pos):
        # "the past year", "over the next month": a stretch of time, not a calendar unit.
        if unit == "weekend":
            return None
        value = Value("DURATION", nz.duration_value(1, unit))
        return [Piece(start, end, lambda ctx: value)]
    if rel in ("following", "previous") and has_the:
        step = 1 if rel == "following" else -1

        def anaphoric(ctx: Context) -> Value | None:
            reference = ctx.reference()
            if reference is None:
                return Value("DATE", nz.underspecified(granularity), mod)
            value = date_value(nz.shift(reference, step, letter), granularity, "reference")
            value.base = reference
            value.mod = mod
            return value

        return [Piece(start - 4, end, anaphoric)]
    step = {"last": -1, "previous": -1, "this past": -1, "next": 1, "coming": 1, "following": 1, "this coming": 1}.get(
        rel, 0
    )

    def resolve(ctx: Context) -> Value | None:
        if ctx.dct is None:
            return Value("DATE", nz.underspecified(granularity), mod)
        # "this weekend" is the one of the current ISO week: the coming one on a weekday.
        anchor_day = ctx.dct if step == 0 else nz.shift(ctx.dct, step, letter)
        value = date_value(anchor_day, granularity, "publication")
        value.mod = mod
        return value

    return [Piece(start, end, resolve)]


@rule(
    r"(?P<pos>(?i:the[^\S\n]+(?:beginning|start|middle|end)[^\S\n]+of))[^\S\n]+(?i:the|this)[^\S\n]+"
    r"(?P<unit>(?i:week|month|year|decade|century))(?!\w)"
)
def position_of_unit(match: re.Match[str], text: str) -> list[Piece] | None:
    """the end of the year · the beginning of this month"""
    unit = match["unit"].lower()
    mod = position_mod(match["pos"])
    _, granularity = _RELATIVE_UNITS[unit]

    def resolve(ctx: Context) -> Value | None:
        if ctx.dct is None:
            return Value("DATE", nz.underspecified(granularity), mod)
        value = date_value(ctx.dct, granularity, "publication")
        value.mod = mod
        return value

    return [Piece(match.start(), match.end(), resolve)]


@rule(r"(?P<the>(?i:the))[^\S\n]+(?P<unit>(?i:weekend))(?!\w)")
def the_weekend(match: re.Match[str], text: str) -> list[Piece] | None:
    """(over) the weekend: the last one in a past context, else the coming one."""
    start, end = match.start(), match.end()

    def resolve(ctx: Context) -> Value | None:
        if ctx.dct is None:
            return Value("DATE", "XXXX-WXX-WE")
        saturday = ctx.dct + timedelta(days=5 - ctx.dct.weekday())
        if ctx.dct.weekday() < 5 and ctx.tense(start, end) == -1:
            saturday -= timedelta(days=7)
        return date_value(saturday, "weekend", "publication")

    return [Piece(start, end, resolve)]


@rule(rf"(?i:the){SP}(?i:week){SP}(?i:of){SP}(?P<month>{MONTH})[^\S\n]*(?P<day>{DAY})(?:,?{SP}(?P<year>{YEAR}))?(?!\w)")
def week_of(match: re.Match[str], text: str) -> list[Piece] | None:
    """the week of March 6"""
    month, day = month_number(match["month"]), day_number(match["day"])
    inner = day_month_resolver(match["year"], month, day, match.start(), match.end())

    def resolve(ctx: Context) -> Value | None:
        value = inner(ctx)
        if value is None or value.day is None:
            return Value("DATE", "XXXX-WXX")
        return date_value(value.day, "week", value.anchor)

    return [Piece(match.start(), match.end(), resolve)]


_ANAPHORIC_STEP = {
    "that": 0,
    "the same": 0,
    "that same": 0,
    "the very same": 0,
    "the following": 1,
    "the next": 1,
    "the previous": -1,
    "the preceding": -1,
    "the prior": -1,
}


@rule(
    r"(?:(?P<pos>(?i:early|earlier|late|later))[^\S\n]+)?"
    r"(?P<det>(?i:that(?:[^\S\n]+same)?|the[^\S\n]+(?:very[^\S\n]+)?same|the[^\S\n]+(?:following|next|previous|preceding|prior)))"
    r"[^\S\n]+(?P<unit>(?i:day|morning|afternoon|evening|night|week|weekend|month|year))(?!\w)"
)
def anaphoric(match: re.Match[str], text: str) -> list[Piece] | None:
    """that day · the next morning · later that year · the following week"""
    det = " ".join(match["det"].lower().split())
    unit = match["unit"].lower()
    step = _ANAPHORIC_STEP[det]
    pod = PARTS_OF_DAY.get(unit)
    letter: str
    granularity: Granularity
    letter, granularity = ("D", "day") if pod or unit == "day" else _RELATIVE_UNITS[unit]
    mod = None

    level: Literal["day", "month", "year"] = "year" if unit == "year" else "month" if unit == "month" else "day"

    def resolve(ctx: Context) -> Value | None:
        reference = ctx.reference(level)
        if reference is None:
            return Value("TIME" if pod else "DATE", nz.underspecified(granularity) + (f"T{pod}" if pod else ""))
        value = date_value(nz.shift(reference, step, letter), granularity, "reference")
        value.mod = mod
        value.base = reference
        if pod:
            value.type, value.value = "TIME", f"{value.value}T{pod}"
        return value

    return [Piece(match.start(), match.end(), resolve)]
