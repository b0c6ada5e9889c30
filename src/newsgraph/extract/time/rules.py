"""The recogniser: one regex rule per shape of time expression, each with its interpretation.

A rule's ``parse(match, text)`` either rejects the match (returns ``None``) or returns the
pieces it found, each with a ``resolve(context)`` function. Recognition and resolution are
separate because the value of some expressions depends on what came before them in the
text ("two days later" counts from the last date mentioned), so values are computed in
text order once overlapping matches have been settled (longest match wins).

The rules follow the TIMEX3 conventions of TimeML as used in TempEval-3: prepositions and
most determiners are outside the span, modifiers ("more than", "early", "the past") inside.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal, Protocol

from newsgraph.extract.time import normalize as nz
from newsgraph.extract.time.grammar import (
    CLOCK,
    DAY,
    HOLIDAY,
    MODIFIER,
    MODIFIERS,
    MONTH,
    MONTH_ALONE,
    NUMBER,
    ORDINALS,
    PART_OF_DAY,
    PARTS_OF_DAY,
    POSITION,
    SEASON,
    TIMEZONE,
    UNIT,
    UNIT_NAMES,
    WEEKDAY,
    YEAR,
    day_number,
    month_number,
    parse_number,
    position_mod,
    weekday_number,
    word_set,
)
from newsgraph.extract.time.normalize import Direction, Granularity

TimexType = Literal["DATE", "TIME", "DURATION", "SET"]
#: Placeholder for the calendar day of a clock time, filled from the sentence's date.
DAY_PLACEHOLDER = "{day}"

_S = r"[^\S\n]+"  # spaces within a line: an expression never runs across paragraphs


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


RULES: list[Rule] = []


def rule(pattern: str) -> Callable[[Callable[[re.Match[str], str], list[Piece] | None]], None]:
    """Register a rule; patterns are compiled once, at import."""

    def register(parse: Callable[[re.Match[str], str], list[Piece] | None]) -> None:
        # No rule starts inside a word ("know" is not "now", "A380" holds no year).
        RULES.append(Rule(parse.__name__, re.compile(rf"(?<!\w)(?:{pattern})"), parse))

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


def _date_value(day: date, granularity: Granularity, anchor: Literal["publication", "reference"] | None) -> Value:
    return Value("DATE", nz.format_date(day, granularity), anchor=anchor, day=day, granularity=granularity)


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _span(match: re.Match[str], group: str | int = 0) -> tuple[int, int]:
    return match.start(group), match.end(group)


def _strip_the(match: re.Match[str], text: str) -> int:
    """Start of a match without a leading "the " (TimeML keeps determiners out)."""
    start = match.start()
    if text[start : start + 4].lower() == "the ":
        return start + 4
    return start


#: Capitalised words that may stand before a month at the start of a sentence.
_OPENERS = word_set("In By Since Until From During")
#: Words before a bare month or season that make it a time expression ("in May").
_CUES = word_set(
    "in since until till by from of during through throughout before after early late mid last next this that each "
    "every between and to or the until"
)


# --- calendar dates --------------------------------------------------------------------------


def _day_month(year: str | None, month: int, day: int, start: int, end: int, weekday: int | None = None) -> Resolver:
    def resolve(ctx: Context) -> Value | None:
        if year:
            found = _safe_date(int(year), month, day)
            return _date_value(found, "day", None) if found else None
        if ctx.dct is None:
            return Value("DATE", f"XXXX-{month:02d}-{day:02d}")
        guess = nz.day_month_year(ctx.dct, month, day, ctx.tense(start, end))
        if weekday is not None:
            # "Monday, Oct. 26": the weekday names the year when one of the nearby ones fits.
            fitting = [
                y
                for y in (guess, guess - 1, guess + 1)
                if (d := _safe_date(y, month, day)) is not None and d.weekday() == weekday
            ]
            guess = fitting[0] if fitting else guess
        found = _safe_date(guess, month, day)
        return _date_value(found, "day", "publication") if found else None

    return resolve


@rule(
    rf"(?:(?P<wd>{WEEKDAY}),?{_S})?(?P<month>{MONTH})[^\S\n]*(?P<day>{DAY})(?:(?:,[^\S\n]*|{_S})(?P<year>{YEAR}))?(?!\w)"
)
def month_day(match: re.Match[str], text: str) -> list[Piece] | None:
    """March 21, 2024 · Aug. 7 · Monday, Oct. 26 · March 06, 2005"""
    month, day = month_number(match["month"]), day_number(match["day"])
    if _safe_date(2000, month, day) is None:
        return None
    if word_after(text, match.end()).lower() in ("percent", "per", "%"):
        return None
    start, end = _span(match)
    weekday_index = weekday_number(match["wd"]) if match["wd"] else None
    return [Piece(start, end, _day_month(match["year"], month, day, start, end, weekday_index))]


@rule(
    rf"(?:(?P<wd>{WEEKDAY}),?{_S})?(?P<day>{DAY})(?:{_S}(?i:of))?{_S}(?P<month>{MONTH})(?:,?{_S}(?P<year>{YEAR}))?(?!\w)"
)
def day_month(match: re.Match[str], text: str) -> list[Piece] | None:
    """11 December · 21st of March 2024"""
    month, day = month_number(match["month"]), day_number(match["day"])
    if _safe_date(2000, month, day) is None or re.search(r"[\d.,]$", text[max(0, match.start() - 1) : match.start()]):
        return None
    start, end = _span(match)
    weekday_index = weekday_number(match["wd"]) if match["wd"] else None
    return [Piece(start, end, _day_month(match["year"], month, day, start, end, weekday_index))]


_RANGE_JOIN = r"[^\S\n]*(?:-|–|—|(?i:to|through|and|or|until|till))[^\S\n]*"


@rule(rf"(?P<month>{MONTH})[^\S\n]*(?P<d1>{DAY}){_RANGE_JOIN}(?P<d2>{DAY})(?:,?{_S}(?P<year>{YEAR}))?(?!\w)")
def month_day_range(match: re.Match[str], text: str) -> list[Piece] | None:
    """March 21-23 · April 24 and 25, 1999: two dates, the second borrowing the month."""
    month, d1, d2 = month_number(match["month"]), day_number(match["d1"]), day_number(match["d2"])
    if d2 <= d1 or _safe_date(2000, month, d2) is None:
        return None
    start, end = match.start(), match.end()
    first = _day_month(match["year"], month, d1, start, end)

    def second(ctx: Context) -> Value | None:
        value = first(ctx)
        if value is None or value.day is None:
            return Value("DATE", f"XXXX-{month:02d}-{d2:02d}") if value else None
        found = _safe_date(value.day.year, month, d2)
        return _date_value(found, "day", value.anchor) if found else None

    return [Piece(start, match.end("d1"), first), Piece(match.start("d2"), end, second)]


@rule(rf"(?<![\w.,])(?P<d1>{DAY}){_RANGE_JOIN}(?P<d2>{DAY}){_S}(?P<month>{MONTH})(?:,?{_S}(?P<year>{YEAR}))?(?!\w)")
def day_range_month(match: re.Match[str], text: str) -> list[Piece] | None:
    """21-23 March 2024"""
    month, d1, d2 = month_number(match["month"]), day_number(match["d1"]), day_number(match["d2"])
    if d2 <= d1 or _safe_date(2000, month, d2) is None:
        return None
    start, end = match.start(), match.end()
    second = _day_month(match["year"], month, d2, start, end)

    def first(ctx: Context) -> Value | None:
        value = second(ctx)
        if value is None or value.day is None:
            return Value("DATE", f"XXXX-{month:02d}-{d1:02d}") if value else None
        found = _safe_date(value.day.year, month, d1)
        return _date_value(found, "day", value.anchor) if found else None

    return [Piece(start, match.end("d1"), first), Piece(match.start("d2"), end, second)]


@rule(
    r"(?<![\w/.-])(?:(?P<y>(?:19|20)\d\d)-(?P<m>0[1-9]|1[0-2])-(?P<d>[0-2]\d|3[01])"
    r"|(?P<m2>1[0-2]|0?[1-9])/(?P<d2>[12]\d|3[01]|0?[1-9])/(?P<y2>(?:19|20)\d\d|\d\d))(?![\w/-])"
)
def numeric_date(match: re.Match[str], text: str) -> list[Piece] | None:
    """2024-03-21 · 7/8/07 (month first, as in English-language news)."""
    if match["y"]:
        found = _safe_date(int(match["y"]), int(match["m"]), int(match["d"]))
    else:
        year = int(match["y2"])
        if year < 100:  # two-digit years: the nearest century to today's news
            year += 2000 if year < 50 else 1900
        found = _safe_date(year, int(match["m2"]), int(match["d2"]))
    if found is None:
        return None
    day = found
    return [Piece(match.start(), match.end(), lambda ctx: _date_value(day, "day", None))]


@rule(rf"(?P<pos>{POSITION})?(?P<month>{MONTH}),?{_S}(?:(?i:of){_S})?(?P<year>{YEAR})(?!\w)")
def month_year(match: re.Match[str], text: str) -> list[Piece] | None:
    """January 1998 · early March 2024"""
    month, year = month_number(match["month"]), int(match["year"])
    mod = position_mod(match["pos"]) if match["pos"] else None
    value = Value("DATE", f"{year:04d}-{month:02d}", mod, day=date(year, month, 1), granularity="month")
    return [Piece(match.start(), match.end(), lambda ctx: value)]


@rule(rf"(?P<pos>{POSITION})?(?P<month>{MONTH_ALONE}){_S}(?P<rel>(?i:this|last|next)){_S}(?i:year)(?!\w)")
def month_relative_year(match: re.Match[str], text: str) -> list[Piece] | None:
    """April next year · early October this year"""
    month = month_number(match["month"])
    step = {"this": 0, "last": -1, "next": 1}[match["rel"].lower()]
    mod = position_mod(match["pos"]) if match["pos"] else None

    def resolve(ctx: Context) -> Value | None:
        if ctx.dct is None:
            return Value("DATE", f"XXXX-{month:02d}", mod)
        value = _date_value(date(ctx.dct.year + step, month, 1), "month", "publication")
        value.mod = mod
        return value

    return [Piece(match.start(), match.end(), resolve)]


@rule(
    rf"(?:(?P<rel>(?i:last|next|this|coming|past)){_S}|(?P<pos>{POSITION}))?(?P<month>{MONTH_ALONE})(?![\w-]|[^\S\n]*\d)"
)
def month_alone(match: re.Match[str], text: str) -> list[Piece] | None:
    """April · last October · late November · mid-March"""
    name = match["month"]
    before = word_before(text, match.start()).lower()
    after = word_after(text, match.end())
    if not (match["rel"] or match["pos"]):
        # "April Smith", "Theresa May", "March on Washington": names and verbs, not months.
        if (after[:1].isupper() and after not in ("I",)) or text[match.end() : match.end() + 2] == "'s":
            return None
        capitalised = before[:1].isupper() and before.rstrip(".") not in _OPENERS
        if capitalised and match.start() >= 2 and text[match.start() - 2] not in '.!?\n"“':
            return None  # after a name ("Theresa May"), unless that word starts the sentence
        if name in ("May", "March") and before not in _CUES:
            return None
    month = month_number(name)
    rel = (match["rel"] or "").lower()
    mod = position_mod(match["pos"]) if match["pos"] else None
    start, end = match.start(), match.end()

    def resolve(ctx: Context) -> Value | None:
        if ctx.dct is None:
            return Value("DATE", f"XXXX-{month:02d}", mod)
        if rel == "last" or rel == "past":
            year = nz.month_year(ctx.dct, month, -1, strict=True)
        elif rel in ("next", "coming"):
            year = nz.month_year(ctx.dct, month, 1, strict=True)
        elif rel == "this":
            year = ctx.dct.year
        else:
            year = nz.month_year(ctx.dct, month, ctx.tense(start, end))
        value = _date_value(date(year, month, 1), "month", "publication")
        value.mod = mod
        return value

    return [Piece(start, end, resolve)]


_NOT_YEAR_BEFORE = re.compile(
    r"(?:[$£€#/\d]|\b(?:No|Nos|Flight|flight|Route|route|number|Number|Boeing|Airbus|Windows))$"
)
_NOT_YEAR_AFTER = re.compile(
    r"^(?:[^\S\n]*(?:%|percent|per\b|km|kg|mph|miles|meters|metres|feet|ft|tons|tonnes|people|men|women|"
    r"troops|soldiers|votes|acres|residents|workers|students|children|cases|deaths|[A-Z]{2,3}\b(?<!BC)(?<!AD))|:\d)"
)


@rule(
    rf"(?:(?P<pos>{POSITION})|(?P<fiscal>(?i:fiscal|FY)){_S}?|(?P<prepost>(?i:pre|post))-)?(?P<year>{YEAR})(?!\w|-\d\d\d)"
)
def year(match: re.Match[str], text: str) -> list[Piece] | None:
    """1995 · mid-2023 · late 2024 · fiscal 1999"""
    start = match.start("year")
    if not match["pos"] and not match["fiscal"] and not match["prepost"]:
        if start and (text[start - 1].isalnum() or text[start - 1] in "$£€#.-/"):
            return None
        if _NOT_YEAR_BEFORE.search(text[max(0, start - 12) : start].rstrip()):
            return None
    if _NOT_YEAR_AFTER.match(text[match.end() : match.end() + 20]):
        return None
    if match["pos"] and "half" in match["pos"].lower():
        return None  # "the second half of 2023" is 2023-H2 (the quarter rule)
    found = int(match["year"])
    mod = position_mod(match["pos"]) if match["pos"] else None
    if match["prepost"]:
        mod = "AFTER" if match["prepost"].lower() == "post" else "BEFORE"
    value = Value("DATE", f"{found:04d}", mod, day=date(found, 1, 1), granularity="year")
    return [Piece(match.start(), match.end(), lambda ctx: value)]


@rule(rf"(?P<pos>{POSITION})?(?:(?P<full>1[0-9]\d0|20\d0)|['’](?P<short>\d0))['’]?s(?!\w)")
def decade(match: re.Match[str], text: str) -> list[Piece] | None:
    """the 1980s · early 1990s · the '90s · the 1800s (a century)"""
    mod = position_mod(match["pos"]) if match["pos"] else None
    full, short = match["full"], match["short"]

    def resolve(ctx: Context) -> Value | None:
        if full:
            if full.endswith("00"):
                return Value("DATE", full[:2], mod, granularity="century")
            return Value("DATE", full[:3] + "X", mod, granularity="decade")
        # '90s: the last such decade before the article's date.
        year = ctx.dct.year if ctx.dct else date.today().year
        century = year // 100 * 100
        decade_start = century + int(short)
        if decade_start > year:
            decade_start -= 100
        return Value("DATE", f"{decade_start // 10:03d}X", mod, granularity="decade")

    return [Piece(match.start(), match.end(), resolve)]


_CENTURY_WORDS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
    "thirteenth": 13,
    "fourteenth": 14,
    "fifteenth": 15,
    "sixteenth": 16,
    "seventeenth": 17,
    "eighteenth": 18,
    "nineteenth": 19,
    "twentieth": 20,
    "twenty-first": 21,
    "twenty-second": 22,
}


@rule(
    rf"(?P<pos>{POSITION})?(?P<n>\d{{1,2}}(?:st|nd|rd|th)"
    rf"|(?i:{'|'.join(sorted(_CENTURY_WORDS, key=len, reverse=True))}))[- ](?i:century)(?!\w)"
)
def century(match: re.Match[str], text: str) -> list[Piece] | None:
    """the 20th century · the twenty-first century"""
    n = match["n"].lower()
    number = int(n[:-2]) if n[0].isdigit() else _CENTURY_WORDS[n]
    if not 1 <= number <= 22:
        return None
    mod = position_mod(match["pos"]) if match["pos"] else None
    value = Value("DATE", f"{number - 1:02d}", mod, granularity="century")
    return [Piece(match.start(), match.end(), lambda ctx: value)]


@rule(
    rf"(?:(?P<rel>(?i:last|next|this|coming|past|early|late|mid|the)){_S}|(?P<rel2>(?i:early|late|mid))-)?"
    rf"(?P<season>{SEASON})(?:,?{_S}(?:(?i:of){_S})?(?P<year>{YEAR}))?(?![\w-])"
)
def season(match: re.Match[str], text: str) -> list[Piece] | None:
    """last fall · summer 2023 · early spring · the winter"""
    rel = (match["rel"] or match["rel2"] or "").lower()
    code = nz.SEASONS[match["season"].lower()]
    explicit = match["year"]
    before = word_before(text, match.start()).lower()
    if not explicit and not rel and before not in _CUES:
        return None
    if rel == "the" and not explicit and (word_after(text, match.end()).lower() == "of" or before not in _CUES):
        return None  # "the fall of Rome", "the winter storms"
    if word_after(text, match.end()).lower() in ("break", "session", "games", "olympics", "term"):
        return None
    start = match.start("season") if rel == "the" else match.start()
    end = match.end()
    mod = {"early": "START", "mid": "MID", "late": "END"}.get(rel)

    def resolve(ctx: Context) -> Value | None:
        if explicit:
            found = int(explicit)
            return Value("DATE", f"{found:04d}-{code}", mod, day=date(found, 1, 1), granularity="season")
        if ctx.dct is None:
            return Value("DATE", f"XXXX-{code}", mod)
        if rel in ("last", "past"):
            year = nz.season_year(ctx.dct, code, -1, strict=True)
        elif rel in ("next", "coming"):
            year = nz.season_year(ctx.dct, code, 1, strict=True)
        elif rel == "this":
            year = nz.season_year(ctx.dct, code, None)
        else:
            year = nz.season_year(ctx.dct, code, ctx.tense(start, end))
        return Value("DATE", f"{year:04d}-{code}", mod, "publication", granularity="season")

    return [Piece(start, end, resolve)]


@rule(
    rf"(?:(?P<ord>(?i:first|second|third|fourth|final|last|1st|2nd|3rd|4th))[- ]?[^\S\n]*(?P<kind>(?i:quarter|half))"
    rf"(?:{_S}(?i:of){_S}(?:(?P<year>{YEAR})|(?P<rel>(?i:this|last|next|the)){_S}(?i:year)|(?i:fiscal){_S}(?P<fyear>{YEAR})))?"
    rf"|(?P<q>Q[1-4])(?:{_S}(?P<qyear>{YEAR}))?|(?P<hq>H[12]){_S}(?P<hyear>{YEAR}))(?!\w)"
)
def quarter(match: re.Match[str], text: str) -> list[Piece] | None:
    """the first quarter · Q1 2024 · the second half of 2023"""
    if match["q"] or match["hq"]:
        code = match["q"] or match["hq"]
        explicit = match["qyear"] or match["hyear"]
        rel = ""
    else:
        kind = match["kind"].lower()
        number = ORDINALS[match["ord"].lower()]
        explicit = match["year"] or match["fyear"]
        rel = (match["rel"] or "").lower()
        if kind == "half":
            if not (explicit or rel) or (number > 2 and match["ord"].lower() not in ("last", "final")):
                return None
            code = f"H{min(number, 2)}"
        else:
            code = f"Q{number}"
            if not (explicit or rel) and word_after(text, match.end()).lower() in ("of", "mile", "century", "inning"):
                return None
    relative_last = (
        not explicit and not rel and match["ord"] and match["ord"].lower() == "last" and code.startswith("Q")
    )
    start, end = match.start(), match.end()

    def value(year: int, anchor: Literal["publication"] | None) -> Value:
        # The first day of the quarter or half, so that later anaphora ("a year earlier") can count from it.
        first = date(year, 1 + (int(code[1]) - 1) * (3 if code[0] == "Q" else 6), 1)
        return Value("DATE", f"{year:04d}-{code}", anchor=anchor, day=first, granularity="quarter")

    def resolve(ctx: Context) -> Value | None:
        if explicit:
            return value(int(explicit), None)
        if ctx.dct is None:
            return Value("DATE", f"XXXX-{code}")
        if relative_last:  # "last quarter": the one before the current
            previous = nz.add_months(ctx.dct, -3)
            return _date_value(previous, "quarter", "publication")
        year = ctx.dct.year + {"last": -1, "next": 1}.get(rel, 0)
        if not rel and code.startswith("Q"):
            current = (ctx.dct.month - 1) // 3 + 1
            tense = ctx.tense(start, end)
            if int(code[1]) > current and tense == -1:
                year -= 1
        return value(year, "publication")

    return [Piece(start, end, resolve)]


# --- weekdays, clock times, deictic words ----------------------------------------------------------

_PAPERS = word_set(
    "Times Telegraph Express Mirror Herald Post Mail School Independent Sport Star Tribune Observer Today Night"
)


def _weekday_date(ctx: Context, weekday: int, rel: str, start: int, end: int) -> date | None:
    dct = ctx.dct
    if dct is None:
        return None
    if rel in ("last", "past", "previous"):
        return dct - timedelta(days=(dct.weekday() - weekday) % 7 or 7)
    if rel in ("next", "coming"):
        return dct + timedelta(days=(weekday - dct.weekday()) % 7 or 7)
    if rel == "this":
        return dct + timedelta(days=weekday - dct.weekday())
    return nz.weekday_date(dct, weekday, ctx.tense(start, end))


@rule(
    rf"(?:(?P<rel>(?i:last|next|this|coming|past|previous)){_S})?(?P<wd>{WEEKDAY})(?P<plural>s)?"
    rf"(?:{_S}(?P<pod>{PART_OF_DAY}))?(?!\w)"
)
def weekday(match: re.Match[str], text: str) -> list[Piece] | None:
    """Thursday · last Friday · Friday morning · Fridays (a set)"""
    if word_after(text, match.end()) in _PAPERS and not match["pod"]:
        return None
    weekday_index = weekday_number(match["wd"])
    rel = (match["rel"] or "").lower()
    pod = PARTS_OF_DAY[match["pod"].lower()] if match["pod"] else None
    start, end = match.start(), match.end()
    if match["plural"]:
        value = Value("SET", f"XXXX-WXX-{weekday_index + 1}" + (f"T{pod}" if pod else ""))
        return [Piece(start, end, lambda ctx: value)]

    # A bare possessive weekday ("Wednesday's ruling") names a day by what happened on it;
    # with "last"/"next" the relative word already settles the direction.
    possessive = not rel and text[end : end + 2] in ("'s", "’s")

    def resolve(ctx: Context) -> Value | None:
        # A possessive weekday is mostly past, and the verb of the sentence says nothing about it.
        found = _weekday_date(ctx, weekday_index, rel, start, end) if not possessive else None
        if possessive and ctx.dct is not None:
            found = nz.weekday_date(ctx.dct, weekday_index, None)
        if found is None:
            return Value("TIME" if pod else "DATE", f"XXXX-WXX-{weekday_index + 1}" + (f"T{pod}" if pod else ""))
        value = _date_value(found, "day", "publication")
        if pod:
            value.type, value.value = "TIME", f"{value.value}T{pod}"
        return value

    return [Piece(start, end, resolve)]


_DEICTIC: dict[str, tuple[int, str | None]] = {
    "today": (0, None),
    "tonight": (0, "NI"),
    "tomorrow": (1, None),
    "yesterday": (-1, None),
    "last night": (-1, "NI"),
    "overnight": (0, "NI"),
    "the day before yesterday": (-2, None),
    "the day after tomorrow": (2, None),
}


#: Nouns after "today's" that make it the present age rather than the day.
_GENERIC_PRESENT = word_set(
    "youth young world society generation generations children kids teenagers culture standards"
)


@rule(
    r"(?i:the[^\S\n]+day[^\S\n]+(?:before[^\S\n]+yesterday|after[^\S\n]+tomorrow)|today|tonight|tomorrow|yesterday"
    r"|last[^\S\n]+night)(?:[^\S\n]+(?P<pod>(?i:morning|afternoon|evening|night)))?(?![\w-])"
    r"|(?P<this>(?i:this))[^\S\n]+(?P<pod2>(?i:morning|afternoon|evening))(?!\w)"
)
def deictic(match: re.Match[str], text: str) -> list[Piece] | None:
    """today · tomorrow morning · yesterday · last night · this morning"""
    head = match.group().lower().split()
    pod: str | None
    if match["this"]:
        offset, pod = 0, PARTS_OF_DAY[match["pod2"].lower()]
    else:
        key = " ".join(head[:-1]) if match["pod"] else " ".join(head)
        if key not in _DEICTIC:
            return None
        offset, pod = _DEICTIC[key]
        if match["pod"]:
            pod = PARTS_OF_DAY[match["pod"].lower()]
    if match.group().startswith("Today") and word_before(text, match.start()) in ("USA",):
        return None
    possessive = head == ["today"] and text[match.end() : match.end() + 2] in ("'s", "’s")
    if possessive and word_after(text, match.end() + 2).lower() in _GENERIC_PRESENT:
        return None  # "today's youth": the present age in general, not the day

    def resolve(ctx: Context) -> Value | None:
        if ctx.dct is None:
            return Value("TIME" if pod else "DATE", "XXXX-XX-XX" + (f"T{pod}" if pod else ""))
        value = _date_value(ctx.dct + timedelta(days=offset), "day", "publication")
        if pod:
            value.type, value.value = "TIME", f"{value.value}T{pod}"
        return value

    return [Piece(match.start(), match.end(), resolve)]


_POSSESSIVES = word_set("my your his her its our their")
_PAST_REF_AFTER = word_set("and or but of to in on at for with is was has had have as that when , . ; :")


@rule(
    r"(?i:(?P<present>now|nowadays|at[^\S\n]+present|these[^\S\n]+days|right[^\S\n]+now)"
    r"|(?P<past>the[^\S\n]+past)"
    r"|(?P<future>the[^\S\n]+(?:near[^\S\n]+|distant[^\S\n]+|foreseeable[^\S\n]+|immediate[^\S\n]+)?future)"
    r"|(?P<owned>future))(?![\w-])"
)
def reference_word(match: re.Match[str], text: str) -> list[Piece] | None:
    """now · at present · the past · the future

    Adverbs of vague recency ("recently", "currently", "lately") are left out: TimeML corpora
    (TempEval-3, MEANTIME) do not annotate them, and they add nothing a reader can place.
    """
    after = text[match.end() : match.end() + 12]
    if match.group() == "Now" and _sentence_initial(text, match.start()):
        return None  # "Now the alliance's mission is ...": a discourse marker, not a time
    if match["owned"]:
        # "Elian's future", "their future": someone's time to come; "future talks" is an adjective.
        before = word_before(text, match.start()).lower()
        if not (before.endswith(("'s", "’s", "s'", "s’")) or before in _POSSESSIVES):
            return None
    if (match["past"] and match["past"].lower().startswith("the")) or match["future"] or match["owned"]:
        # "the past" and "the future" as nouns, not "the past week" or "the future king".
        follower = word_after(text, match.end()).lower()
        if follower and follower not in _PAST_REF_AFTER and not re.match(r"^[^\S\n]*[,.;:!?)\"”]", after):
            return None
    if match["present"] and match["present"].lower() == "now" and after.startswith("-"):
        return None
    kind = "PRESENT_REF" if match["present"] else "PAST_REF" if match["past"] else "FUTURE_REF"
    value = Value("DATE", kind)
    return [Piece(match.start(), match.end(), lambda ctx: value)]


def _sentence_initial(text: str, start: int) -> bool:
    before = text[max(0, start - 3) : start].rstrip(" \t\"“‘'`")
    return not before or before[-1] in ".!?\n"


_CLOCK_CUES = word_set("at by until till from to after before about around")


@rule(
    rf"(?P<clock>{CLOCK})(?:[^\S\n]*(?P<tz>{TIMEZONE}\b|\((?P<tzoff>(?:GMT|UTC)[^\S\n]*[+−-][^\S\n]*\d{{1,2}})\)))?"
    rf"(?:{_S}(?:(?i:on){_S})?(?P<wd>{WEEKDAY})(?!\w)|{_S}(?P<deictic>(?i:today|tomorrow|yesterday|tonight))(?!\w))?"
    rf"|(?P<mil>(?:[01]\d|2[0-3])[0-5]\d)[^\S\n]*(?P<miltz>{TIMEZONE})\b"
    rf"|(?P<hour>[01]?\d){_S}(?i:in{_S}the{_S}(?P<inpod>morning|afternoon|evening))(?!\w)"
)
def clock_time(match: re.Match[str], text: str) -> list[Piece] | None:
    """10:35 a.m. · 08:30 UTC · 9 a.m. Tuesday · noon · 1800 GMT · 4 in the morning"""
    before_text = text[max(0, match.start() - 16) : match.start()]
    if re.search(r"(?:[ap]\.?m\.?|\d)[^\S\n]*\($", before_text):
        return None  # "10:35 a.m. (0735 GMT)": a conversion of the time just given
    if (
        match["clock"]
        and match["clock"].lower() == "noon"
        and (
            (match["clock"][0] == "N" and word_before(text, match.start())[:1].isupper())
            or word_before(text, match.start()).lower() == "high"
        )
    ):
        return None  # "High Noon"
    utc = False
    if match["mil"]:
        hour, minute = int(match["mil"][:2]), int(match["mil"][2:])
        utc = match["miltz"] in ("GMT", "UTC")
    elif match["hour"]:
        hour, minute = int(match["hour"]), 0
        if hour > 12:
            return None
        if match["inpod"].lower() != "morning" and hour < 12:
            hour += 12
    else:
        clock = match["clock"].lower()
        if clock in ("noon", "midday"):
            hour, minute = 12, 0
        elif clock == "midnight":
            hour, minute = 24, 0
        else:
            numbers = re.findall(r"\d+", clock)
            hour, minute = int(numbers[0]), int(numbers[1]) if len(numbers) > 1 else 0
            if "p" in clock and hour < 12:
                hour += 12
            elif "a" in clock and hour == 12:
                hour = 0
            if ":" in clock and not re.search(r"[ap]\.?m|o'clock", clock) and not match["tz"]:
                # A bare "12:30" needs a reason to be a time: a weekday or a clock context.
                before = word_before(text, match.start()).lower()
                if before not in _CLOCK_CUES and not match["wd"]:
                    return None
        utc = (match["tz"] or "").strip() in ("GMT", "UTC")
    if hour > 24:
        return None
    clock_value = f"T{hour:02d}:{minute:02d}" + ("Z" if utc else "")
    weekday_name, deictic_word = match["wd"], (match["deictic"] or "").lower()
    start, end = match.start(), match.end()

    def resolve(ctx: Context) -> Value | None:
        day: date | None = None
        anchor: Literal["publication", "reference"] | None = None
        if weekday_name:
            day = _weekday_date(ctx, weekday_number(weekday_name), "", start, end)
            anchor = "publication"
            if day is None:
                return Value("TIME", f"XXXX-WXX-{weekday_number(weekday_name) + 1}{clock_value}")
        elif deictic_word:
            if ctx.dct is None:
                return Value("TIME", "XXXX-XX-XX" + clock_value)
            day = ctx.dct + timedelta(days=_DEICTIC[deictic_word][0])
            anchor = "publication"
        if day is None:  # the day comes from the sentence (filled in by the extractor)
            return Value("TIME", DAY_PLACEHOLDER + clock_value)
        return Value("TIME", day.isoformat() + clock_value, anchor=anchor, day=day, granularity="day")

    return [Piece(start, end, resolve)]


@rule(
    rf"(?:(?P<rel>(?i:last|next|this|coming))(?:{_S}(?i:year's))?{_S})?(?P<name>{HOLIDAY})(?P<week>{_S}week)?(?:,?{_S}(?P<year>{YEAR}))?(?!\w)"
)
def holiday(match: re.Match[str], text: str) -> list[Piece] | None:
    """Christmas · last Thanksgiving · Easter 2024 · Election Day"""
    name = " ".join(match["name"].lower().split())
    granularity: Granularity = "week" if match["week"] else "day"
    if word_after(text, match.end()) in ("Island", "Islands", "Rising", "Parade"):
        return None
    rel = (match["rel"] or "").lower()
    explicit = match["year"]
    start, end = match.start(), match.end()

    def resolve(ctx: Context) -> Value | None:
        if explicit:
            found = nz.holiday(name, int(explicit))
            return _date_value(found, granularity, None) if found else None
        if ctx.dct is None:
            return Value("DATE", "XXXX-XX-XX")
        direction: Direction = -1 if rel == "last" else 1 if rel in ("next", "coming") else ctx.tense(start, end)
        year = nz.holiday_year(ctx.dct, name, direction, strict=rel in ("last", "next", "coming"))
        if rel == "this":
            year = ctx.dct.year
        found = nz.holiday(name, year)
        return _date_value(found, granularity, "publication") if found else None

    return [Piece(start, end, resolve)]


# --- relative dates: last week, this year, early next month --------------------------------------

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
    rf"(?P<pos>{POSITION})?(?P<rel>(?i:last|next|this|coming|past|previous|following|current|this{_S}past|this{_S}coming))"
    rf"{_S}(?P<unit>(?i:week|weekend|month|quarter|year|decade|century))(?!\w)"
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
            value = _date_value(nz.shift(reference, step, letter), granularity, "reference")
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
        value = _date_value(anchor_day, granularity, "publication")
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
        value = _date_value(ctx.dct, granularity, "publication")
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
        return _date_value(saturday, "weekend", "publication")

    return [Piece(start, end, resolve)]


@rule(rf"(?i:the){_S}(?i:week){_S}(?i:of){_S}(?P<month>{MONTH})[^\S\n]*(?P<day>{DAY})(?:,?{_S}(?P<year>{YEAR}))?(?!\w)")
def week_of(match: re.Match[str], text: str) -> list[Piece] | None:
    """the week of March 6"""
    month, day = month_number(match["month"]), day_number(match["day"])
    inner = _day_month(match["year"], month, day, match.start(), match.end())

    def resolve(ctx: Context) -> Value | None:
        value = inner(ctx)
        if value is None or value.day is None:
            return Value("DATE", "XXXX-WXX")
        return _date_value(value.day, "week", value.anchor)

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
        value = _date_value(nz.shift(reference, step, letter), granularity, "reference")
        value.mod = mod
        value.base = reference
        if pod:
            value.type, value.value = "TIME", f"{value.value}T{pod}"
        return value

    return [Piece(match.start(), match.end(), resolve)]


# --- durations, ago, sets ----------------------------------------------------------------------------

_SET_CUE_BEFORE = re.compile(
    r"(?:\d|%|\b(?:times|twice|once|percent|dollars|pounds|euros|cents|million|billion|thousand|hundred|barrels|"
    r"tons|tonnes|people|each|apiece|hours|miles|kilometers))[^\S\n]*$",
    re.IGNORECASE,
)
_GRANULARITY_OF_UNIT: dict[str, Granularity] = {
    "second": "day",
    "minute": "day",
    "hour": "day",
    "day": "day",
    "night": "day",
    "week": "week",
    "weekend": "week",
    "fortnight": "week",
    "month": "month",
    "quarter": "month",
    "year": "year",
    "decade": "year",
    "century": "year",
}
_SHIFT_UNIT = {
    "day": "D",
    "night": "D",
    "week": "W",
    "weekend": "W",
    "month": "M",
    "quarter": "Q",
    "year": "Y",
    "decade": "DE",
    "century": "CE",
}


def unit_name(text: str) -> str:
    word = text.lower()
    word = word[:-1] if word.endswith("s") and word != "s" else word
    return UNIT_NAMES.get(word, UNIT_NAMES.get(word.rstrip("e"), word))


@rule(
    rf"(?:(?P<mod>{MODIFIER}){_S})?(?P<num>{NUMBER})(?:{_S}|[^\S\n]*-[^\S\n]*)(?:(?i:more|additional|extra|straight|consecutive|full|long){_S})?(?P<unit>{UNIT})"
    rf"(?P<suffix>-(?i:long|old))?(?:{_S}(?P<after>(?i:ago|earlier|later|before|after|from[^\S\n]+now|hence|back|previously)))?(?![\w-])"
)
def duration(match: re.Match[str], text: str) -> list[Piece] | None:
    """three days · more than five months · 16-hour · six-week · two weeks ago · a day later · 5 1/2 hours"""
    if match["suffix"] and match["suffix"].lower() == "-old":
        return None  # ages ("a 44-year-old protester") are not annotated as time expressions
    number_text = match["num"]
    amount = parse_number(number_text)
    unit = unit_name(match["unit"])
    lowered = number_text.lower()
    if lowered in ("a", "an") and unit in ("second", "quarter"):
        return None  # "a second time", "a quarter of voters"
    if lowered in ("a", "an", "one") and match["unit"].lower().endswith("s"):
        return None  # "a decades-long embargo": the article belongs to the noun
    if unit == "quarter" and amount is not None and amount < 2 and lowered not in ("one",):
        return None
    after = (match["after"] or "").lower()
    mod = MODIFIERS.get(" ".join(match["mod"].lower().split())) if match["mod"] else None
    start, end = match.start(), match.end()
    if after in ("before", "after"):
        # "two days after the attack": the anchor is an event we do not resolve; tag the
        # length only, unless nothing follows ("two days after" ending a clause).
        follower = word_after(text, match.end())
        if follower and follower.lower() not in ("and", "but", "or"):
            end = match.end("suffix") if match["suffix"] else match.end("unit")
            after = ""
    if after in ("earlier", "later") and (
        unit in ("hour", "minute", "second") or word_after(text, match.end()).lower() == "than"
    ):
        # "an hour later": a clock time we cannot resolve; "three days later than planned":
        # a comparison. Either way the length is what the text gives.
        end = match.end("unit")
        after = ""
    if (
        not after
        and lowered in ("a", "an", "one")
        and not match["mod"]
        and _SET_CUE_BEFORE.search(text[max(0, start - 20) : start])
    ):
        value = Value("SET", nz.duration_value(1, unit))  # "$5 million a year", "twice a week"
        return [Piece(start, end, lambda ctx: value)]
    if not after:
        if amount is None and lowered in ("some",):
            mod = None
        value = Value("DURATION", nz.duration_value(amount, unit), mod)
        return [Piece(start, end, lambda ctx: value)]
    granularity = _GRANULARITY_OF_UNIT[unit]
    shift_unit = _SHIFT_UNIT.get(unit)
    sign = -1 if after in ("ago", "earlier", "before", "back", "previously") else 1
    anaphoric_anchor = after in ("earlier", "later", "before", "after", "previously")
    level: Literal["day", "month", "year"] = "day" if granularity in ("day", "week") else granularity  # type: ignore[assignment]

    def resolve(ctx: Context) -> Value | None:
        anchor_day = ctx.reference(level) if anaphoric_anchor else ctx.dct
        if anchor_day is None:
            return Value("DATE", nz.underspecified(granularity), mod)
        if amount is None:
            return Value("DATE", "PAST_REF" if sign < 0 else "FUTURE_REF", mod)
        if anaphoric_anchor and unit == "year" and amount == int(amount):
            # "Profit rose in the third quarter from a year earlier": a year-on-year comparison
            # names the same quarter, month or season of another year.
            same_part = _same_part_of_year(ctx.last_value(), sign * int(amount))
            if same_part is not None:
                same_part.mod = mod
                return same_part
        # Hours and minutes do not move the day (no clock time to count from).
        found = anchor_day if shift_unit is None else nz.shift(anchor_day, sign * amount, shift_unit)
        value = _date_value(found, granularity, "reference" if anaphoric_anchor else "publication")
        value.base = anchor_day if anaphoric_anchor else None
        value.mod = mod
        return value

    return [Piece(start, end, resolve)]


_PART_OF_YEAR = re.compile(r"(\d{4})(-(?:Q[1-4]|H[12]|0[1-9]|1[0-2]|SP|SU|FA|WI))")


def _same_part_of_year(last: Value | None, years: int) -> Value | None:
    """``last`` (a quarter, half, month or season) moved by whole ``years``; ``None`` for other values."""
    found = _PART_OF_YEAR.fullmatch(last.value) if last is not None and last.type == "DATE" else None
    if last is None or found is None or last.day is None:
        return None
    day = _safe_date(last.day.year + years, last.day.month, 1)
    value = f"{int(found[1]) + years:04d}{found[2]}"
    return Value("DATE", value, anchor="reference", day=day, granularity=last.granularity, base=last.day)


@rule(
    rf"(?:(?P<mod>{MODIFIER}){_S})?(?P<rel>(?i:past|last|next|coming|previous|following|first|final|recent|few|several|many))"
    rf"{_S}(?:(?P<num>{NUMBER}){_S})?(?P<unit>(?i:seconds|minutes|hours|days|nights|weeks|weekends|months|quarters|years|decades|centuries))(?!\w)"
)
def relative_duration(match: re.Match[str], text: str) -> list[Piece] | None:
    """the past two months · last five years · next few days · recent days · coming years"""
    rel = match["rel"].lower()
    amount = parse_number(match["num"]) if match["num"] else None
    if rel in ("few", "several", "many") and match["num"]:
        return None
    unit = unit_name(match["unit"])
    mod = MODIFIERS.get(" ".join(match["mod"].lower().split())) if match["mod"] else None
    start = match.start()
    # TimeML annotations keep "the" inside "the past two months"; the rest of the rules leave it out.
    if text[max(0, start - 4) : start].lower() == "the " and not match["mod"]:
        start -= 4
    value = Value("DURATION", nz.duration_value(amount, unit), mod)
    return [Piece(start, match.end(), lambda ctx: value)]


@rule(
    r"(?:(?P<pre>(?i:for|over|within|throughout|in))[^\S\n]+(?:(?P<the>(?i:the))[^\S\n]+)?)"
    r"(?P<unit>(?i:minutes|hours|days|weeks|months|years|decades))(?![\w-])"
    r"|(?P<unit2>(?i:hours|days|weeks|months|years|decades))-long(?!\w)"
    r"|(?P<unit3>(?i:hour|day|night|week|month|year|decade))-long(?!\w)"
)
def vague_duration(match: re.Match[str], text: str) -> list[Piece] | None:
    """for years · in weeks · over the years · decades-long: durations of unknown length"""
    if match["unit2"] or match["unit3"]:
        amount = None if match["unit2"] else 1.0
        value = Value("DURATION", nz.duration_value(amount, unit_name(match["unit2"] or match["unit3"])))
        return [Piece(match.start(), match.end(), lambda ctx: value)]
    pre, the = match["pre"].lower(), match["the"]
    follower = word_after(text, match.end()).lower()
    if the and (pre != "over" or follower not in ("", "and", "but", "to")):
        return None  # "in the days before the attack" is anchored to an event
    if follower in ("of", "old"):
        return None  # "for years of", "in months of negotiations" is fine but rare; keep precision
    value = Value("DURATION", nz.duration_value(None, unit_name(match["unit"])))
    return [Piece(match.start("unit") if not the else match.start(), match.end(), lambda ctx: value)]


_SET_ADVERBS = {
    "daily": "P1D",
    "nightly": "P1D",
    "weekly": "P1W",
    "biweekly": "P2W",
    "fortnightly": "P2W",
    "monthly": "P1M",
    "quarterly": "P3M",
    "yearly": "P1Y",
    "annually": "P1Y",
    "hourly": "PT1H",
}


@rule(r"\b(?:daily|nightly|weekly|biweekly|fortnightly|monthly|quarterly|yearly|annually|hourly)\b(?!-)")
def set_adverb(match: re.Match[str], text: str) -> list[Piece] | None:
    """daily · weekly · annually"""
    if word_after(text, match.end())[:1].isupper():
        return None  # "the party daily Granma": a newspaper
    value = Value("SET", _SET_ADVERBS[match.group()])
    return [Piece(match.start(), match.end(), lambda ctx: value)]


@rule(
    rf"(?i:every|each|per)(?P<other>{_S}(?i:other))?{_S}(?:(?P<num>{NUMBER}){_S})?"
    rf"(?:(?P<unit>{UNIT})|(?P<pod>(?i:morning|afternoon|evening|night))|(?P<wd>{WEEKDAY})|(?P<month>{MONTH_ALONE})|(?P<season>{SEASON}))(?!\w)"
)
def every(match: re.Match[str], text: str) -> list[Piece] | None:
    """every Friday · every two weeks · each year · per day · every other month"""
    amount = parse_number(match["num"]) if match["num"] else 1.0
    if match["other"]:
        amount = 2.0 if amount is not None else None
    if match["wd"]:
        value = Value("SET", f"XXXX-WXX-{weekday_number(match['wd']) + 1}")
    elif match["month"]:
        value = Value("SET", f"XXXX-{month_number(match['month']):02d}")
    elif match["season"]:
        value = Value("SET", f"XXXX-{nz.SEASONS[match['season'].lower()]}")
    elif match["pod"]:
        value = Value("SET", f"XXXX-XX-XXT{PARTS_OF_DAY[match['pod'].lower()]}")
    else:
        unit = unit_name(match["unit"])
        value = Value("SET", nz.duration_value(amount, unit))
    return [Piece(match.start(), match.end(), lambda ctx: value)]
