"""Durations (three days, for years), durations counted from an anchor (two weeks ago), sets (every Friday)."""

from __future__ import annotations

import re
from typing import Literal

from newsgraph.extract.time import normalize as nz
from newsgraph.extract.time.grammar import (
    MODIFIER,
    MODIFIERS,
    MONTH_ALONE,
    NUMBER,
    PARTS_OF_DAY,
    SEASON,
    UNIT,
    UNIT_NAMES,
    WEEKDAY,
    month_number,
    parse_number,
    weekday_number,
)
from newsgraph.extract.time.normalize import Granularity
from newsgraph.extract.time.rules.base import (
    SP,
    Context,
    Piece,
    Value,
    date_value,
    rule,
    safe_date,
    word_after,
)

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


#: "on 51 minutes": the sports clock (British match reports), a moment of play, not a duration.
_ON_BEFORE = re.compile(r"(?<!\w)on[^\S\n]+$", re.IGNORECASE)


def _match_clock(match: re.Match[str], text: str, unit: str) -> bool:
    if unit != "minute" or match["mod"] or match["after"] or match["suffix"]:
        return False
    if text[match.end() : match.end() + 1] in ("'", "’"):
        return False  # "on five minutes' notice"
    if word_after(text, match.end()).lower() == "of":
        return False  # "on 30 minutes of tape"
    return bool(_ON_BEFORE.search(text, max(0, match.start() - 4), match.start()))


def unit_name(text: str) -> str:
    word = text.lower()
    word = word[:-1] if word.endswith("s") and word != "s" else word
    return UNIT_NAMES.get(word, UNIT_NAMES.get(word.rstrip("e"), word))


@rule(
    rf"(?:(?P<mod>{MODIFIER}){SP})?(?P<num>{NUMBER})(?:{SP}|[^\S\n]*-[^\S\n]*)(?:(?i:more|additional|extra|straight|consecutive|full|long){SP})?(?P<unit>{UNIT})"
    rf"(?P<suffix>-(?i:long|old))?(?:{SP}(?P<after>(?i:ago|earlier|later|before|after|from[^\S\n]+now|hence|back|previously)))?(?![\w-])"
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
    if _match_clock(match, text, unit):
        return None  # "scored on 51 minutes": a moment of the match, not a length of time
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
        value = date_value(found, granularity, "reference" if anaphoric_anchor else "publication")
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
    day = safe_date(last.day.year + years, last.day.month, 1)
    value = f"{int(found[1]) + years:04d}{found[2]}"
    return Value("DATE", value, anchor="reference", day=day, granularity=last.granularity, base=last.day)


@rule(
    rf"(?:(?P<mod>{MODIFIER}){SP})?(?P<rel>(?i:past|last|next|coming|previous|following|first|final|recent|few|several|many))"
    rf"{SP}(?:(?P<num>{NUMBER}){SP})?(?P<unit>(?i:seconds|minutes|hours|days|nights|weeks|weekends|months|quarters|years|decades|centuries))(?!\w)"
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
    rf"(?i:every|each|per)(?P<other>{SP}(?i:other))?{SP}(?:(?P<num>{NUMBER}){SP})?"
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
