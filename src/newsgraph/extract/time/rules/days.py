"""Days and clock times: weekdays, today and tomorrow, now and the future, clock times, holidays."""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Literal

from newsgraph.extract.time import normalize as nz
from newsgraph.extract.time.grammar import (
    CLOCK,
    HOLIDAY,
    PART_OF_DAY,
    PARTS_OF_DAY,
    TIMEZONE,
    WEEKDAY,
    YEAR,
    weekday_number,
    word_set,
)
from newsgraph.extract.time.normalize import Direction, Granularity
from newsgraph.extract.time.rules.base import (
    DAY_PLACEHOLDER,
    SP,
    Context,
    Piece,
    Value,
    date_value,
    rule,
    word_after,
    word_before,
)

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
    rf"(?:(?P<rel>(?i:last|next|this|coming|past|previous)){SP})?(?P<wd>{WEEKDAY})(?P<plural>s)?"
    rf"(?:{SP}(?P<pod>{PART_OF_DAY}))?(?!\w)"
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
        value = date_value(found, "day", "publication")
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
        value = date_value(ctx.dct + timedelta(days=offset), "day", "publication")
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
    rf"(?:{SP}(?:(?i:on){SP})?(?P<wd>{WEEKDAY})(?!\w)|{SP}(?P<deictic>(?i:today|tomorrow|yesterday|tonight))(?!\w))?"
    rf"|(?P<mil>(?:[01]\d|2[0-3])[0-5]\d)[^\S\n]*(?P<miltz>{TIMEZONE})\b"
    rf"|(?P<hour>[01]?\d){SP}(?i:in{SP}the{SP}(?P<inpod>morning|afternoon|evening))(?!\w)"
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
    rf"(?:(?P<rel>(?i:last|next|this|coming))(?:{SP}(?i:year's))?{SP})?(?P<name>{HOLIDAY})(?P<week>{SP}week)?(?:,?{SP}(?P<year>{YEAR}))?(?!\w)"
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
            return date_value(found, granularity, None) if found else None
        if ctx.dct is None:
            return Value("DATE", "XXXX-XX-XX")
        direction: Direction = -1 if rel == "last" else 1 if rel in ("next", "coming") else ctx.tense(start, end)
        year = nz.holiday_year(ctx.dct, name, direction, strict=rel in ("last", "next", "coming"))
        if rel == "this":
            year = ctx.dct.year
        found = nz.holiday(name, year)
        return date_value(found, granularity, "publication") if found else None

    return [Piece(start, end, resolve)]
