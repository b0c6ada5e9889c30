"""Calendar dates: days of a month, numeric dates, months, years, decades, centuries, seasons, quarters."""

from __future__ import annotations

import re
from datetime import date
from typing import Literal

from newsgraph.extract.time import normalize as nz
from newsgraph.extract.time.grammar import (
    DAY,
    MONTH,
    MONTH_ALONE,
    ORDINALS,
    POSITION,
    SEASON,
    WEEKDAY,
    YEAR,
    day_number,
    month_number,
    position_mod,
    weekday_number,
    word_set,
)
from newsgraph.extract.time.rules.base import (
    SP,
    Context,
    Piece,
    Resolver,
    Value,
    date_value,
    rule,
    safe_date,
    span,
    word_after,
    word_before,
)

#: Capitalised words that may stand before a month at the start of a sentence.
_OPENERS = word_set("In By Since Until From During")
#: Words before a bare month or season that make it a time expression ("in May").
_CUES = word_set(
    "in since until till by from of during through throughout before after early late mid last next this that each "
    "every between and to or the until"
)


def day_month_resolver(
    year: str | None, month: int, day: int, start: int, end: int, weekday: int | None = None
) -> Resolver:
    def resolve(ctx: Context) -> Value | None:
        if year:
            found = safe_date(int(year), month, day)
            return date_value(found, "day", None) if found else None
        if ctx.dct is None:
            return Value("DATE", f"XXXX-{month:02d}-{day:02d}")
        guess = nz.day_month_year(ctx.dct, month, day, ctx.tense(start, end))
        if weekday is not None:
            # "Monday, Oct. 26": the weekday names the year when one of the nearby ones fits.
            fitting = [
                y
                for y in (guess, guess - 1, guess + 1)
                if (d := safe_date(y, month, day)) is not None and d.weekday() == weekday
            ]
            guess = fitting[0] if fitting else guess
        found = safe_date(guess, month, day)
        return date_value(found, "day", "publication") if found else None

    return resolve


@rule(
    rf"(?:(?P<wd>{WEEKDAY}),?{SP})?(?P<month>{MONTH})[^\S\n]*(?P<day>{DAY})(?:(?:,[^\S\n]*|{SP})(?P<year>{YEAR}))?(?!\w)"
)
def month_day(match: re.Match[str], text: str) -> list[Piece] | None:
    """March 21, 2024 · Aug. 7 · Monday, Oct. 26 · March 06, 2005"""
    month, day = month_number(match["month"]), day_number(match["day"])
    if safe_date(2000, month, day) is None:
        return None
    if word_after(text, match.end()).lower() in ("percent", "per", "%"):
        return None
    start, end = span(match)
    weekday_index = weekday_number(match["wd"]) if match["wd"] else None
    return [Piece(start, end, day_month_resolver(match["year"], month, day, start, end, weekday_index))]


@rule(
    rf"(?:(?P<wd>{WEEKDAY}),?{SP})?(?P<day>{DAY})(?:{SP}(?i:of))?{SP}(?P<month>{MONTH})(?:,?{SP}(?P<year>{YEAR}))?(?!\w)"
)
def day_month(match: re.Match[str], text: str) -> list[Piece] | None:
    """11 December · 21st of March 2024"""
    month, day = month_number(match["month"]), day_number(match["day"])
    if safe_date(2000, month, day) is None or re.search(r"[\d.,]$", text[max(0, match.start() - 1) : match.start()]):
        return None
    start, end = span(match)
    weekday_index = weekday_number(match["wd"]) if match["wd"] else None
    return [Piece(start, end, day_month_resolver(match["year"], month, day, start, end, weekday_index))]


_RANGE_JOIN = r"[^\S\n]*(?:-|–|—|(?i:to|through|and|or|until|till))[^\S\n]*"


@rule(rf"(?P<month>{MONTH})[^\S\n]*(?P<d1>{DAY}){_RANGE_JOIN}(?P<d2>{DAY})(?:,?{SP}(?P<year>{YEAR}))?(?!\w)")
def month_day_range(match: re.Match[str], text: str) -> list[Piece] | None:
    """March 21-23 · April 24 and 25, 1999: two dates, the second borrowing the month."""
    month, d1, d2 = month_number(match["month"]), day_number(match["d1"]), day_number(match["d2"])
    if d2 <= d1 or safe_date(2000, month, d2) is None:
        return None
    start, end = match.start(), match.end()
    first = day_month_resolver(match["year"], month, d1, start, end)

    def second(ctx: Context) -> Value | None:
        value = first(ctx)
        if value is None or value.day is None:
            return Value("DATE", f"XXXX-{month:02d}-{d2:02d}") if value else None
        found = safe_date(value.day.year, month, d2)
        return date_value(found, "day", value.anchor) if found else None

    return [Piece(start, match.end("d1"), first), Piece(match.start("d2"), end, second)]


@rule(rf"(?<![\w.,])(?P<d1>{DAY}){_RANGE_JOIN}(?P<d2>{DAY}){SP}(?P<month>{MONTH})(?:,?{SP}(?P<year>{YEAR}))?(?!\w)")
def day_range_month(match: re.Match[str], text: str) -> list[Piece] | None:
    """21-23 March 2024"""
    month, d1, d2 = month_number(match["month"]), day_number(match["d1"]), day_number(match["d2"])
    if d2 <= d1 or safe_date(2000, month, d2) is None:
        return None
    start, end = match.start(), match.end()
    second = day_month_resolver(match["year"], month, d2, start, end)

    def first(ctx: Context) -> Value | None:
        value = second(ctx)
        if value is None or value.day is None:
            return Value("DATE", f"XXXX-{month:02d}-{d1:02d}") if value else None
        found = safe_date(value.day.year, month, d1)
        return date_value(found, "day", value.anchor) if found else None

    return [Piece(start, match.end("d1"), first), Piece(match.start("d2"), end, second)]


@rule(
    r"(?<![\w/.-])(?:(?P<y>(?:19|20)\d\d)-(?P<m>0[1-9]|1[0-2])-(?P<d>[0-2]\d|3[01])"
    r"|(?P<m2>1[0-2]|0?[1-9])/(?P<d2>[12]\d|3[01]|0?[1-9])/(?P<y2>(?:19|20)\d\d|\d\d))(?![\w/-])"
)
def numeric_date(match: re.Match[str], text: str) -> list[Piece] | None:
    """2024-03-21 · 7/8/07 (month first, as in English-language news)."""
    if match["y"]:
        found = safe_date(int(match["y"]), int(match["m"]), int(match["d"]))
    else:
        year = int(match["y2"])
        if year < 100:  # two-digit years: the nearest century to today's news
            year += 2000 if year < 50 else 1900
        found = safe_date(year, int(match["m2"]), int(match["d2"]))
    if found is None:
        return None
    day = found
    return [Piece(match.start(), match.end(), lambda ctx: date_value(day, "day", None))]


@rule(rf"(?P<pos>{POSITION})?(?P<month>{MONTH}),?{SP}(?:(?i:of){SP})?(?P<year>{YEAR})(?!\w)")
def month_year(match: re.Match[str], text: str) -> list[Piece] | None:
    """January 1998 · early March 2024"""
    month, year = month_number(match["month"]), int(match["year"])
    mod = position_mod(match["pos"]) if match["pos"] else None
    value = Value("DATE", f"{year:04d}-{month:02d}", mod, day=date(year, month, 1), granularity="month")
    return [Piece(match.start(), match.end(), lambda ctx: value)]


@rule(rf"(?P<pos>{POSITION})?(?P<month>{MONTH_ALONE}){SP}(?P<rel>(?i:this|last|next)){SP}(?i:year)(?!\w)")
def month_relative_year(match: re.Match[str], text: str) -> list[Piece] | None:
    """April next year · early October this year"""
    month = month_number(match["month"])
    step = {"this": 0, "last": -1, "next": 1}[match["rel"].lower()]
    mod = position_mod(match["pos"]) if match["pos"] else None

    def resolve(ctx: Context) -> Value | None:
        if ctx.dct is None:
            return Value("DATE", f"XXXX-{month:02d}", mod)
        value = date_value(date(ctx.dct.year + step, month, 1), "month", "publication")
        value.mod = mod
        return value

    return [Piece(match.start(), match.end(), resolve)]


@rule(
    rf"(?:(?P<rel>(?i:last|next|this|coming|past)){SP}|(?P<pos>{POSITION}))?(?P<month>{MONTH_ALONE})(?![\w-]|[^\S\n]*\d)"
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
        value = date_value(date(year, month, 1), "month", "publication")
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
    rf"(?:(?P<pos>{POSITION})|(?P<fiscal>(?i:fiscal|FY)){SP}?|(?P<prepost>(?i:pre|post))-)?(?P<year>{YEAR})(?!\w|-\d\d\d)"
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
    rf"(?:(?P<rel>(?i:last|next|this|coming|past|early|late|mid|the)){SP}|(?P<rel2>(?i:early|late|mid))-)?"
    rf"(?P<season>{SEASON})(?:,?{SP}(?:(?i:of){SP})?(?P<year>{YEAR}))?(?![\w-])"
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
    rf"(?:{SP}(?i:of){SP}(?:(?P<year>{YEAR})|(?P<rel>(?i:this|last|next|the)){SP}(?i:year)|(?i:fiscal){SP}(?P<fyear>{YEAR})))?"
    rf"|(?P<q>Q[1-4])(?:{SP}(?P<qyear>{YEAR}))?|(?P<hq>H[12]){SP}(?P<hyear>{YEAR}))(?!\w)"
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
            return date_value(previous, "quarter", "publication")
        year = ctx.dct.year + {"last": -1, "next": 1}.get(rel, 0)
        if not rel and code.startswith("Q"):
            current = (ctx.dct.month - 1) // 3 + 1
            tense = ctx.tense(start, end)
            if int(code[1]) > current and tense == -1:
                year -= 1
            elif int(code[1]) < current and tense == 1:
                year += 1  # "expected to close in the first quarter", said in October: next year's
        return value(year, "publication")

    return [Piece(start, end, resolve)]
