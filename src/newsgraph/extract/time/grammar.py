"""The vocabulary of time expressions: words, numbers and the regex fragments built from them.

Patterns are case-sensitive on purpose: month and weekday names must be capitalised
("may", "march", "sun" are ordinary words), while function words are matched in any case
through scoped ``(?i:...)`` groups.
"""

from __future__ import annotations

import re

MONTHS: dict[str, int] = {
    "january": 1,
    "jan": 1,
    "february": 2,
    "feb": 2,
    "march": 3,
    "mar": 3,
    "april": 4,
    "apr": 4,
    "may": 5,
    "june": 6,
    "jun": 6,
    "july": 7,
    "jul": 7,
    "august": 8,
    "aug": 8,
    "september": 9,
    "sept": 9,
    "sep": 9,
    "october": 10,
    "oct": 10,
    "november": 11,
    "nov": 11,
    "december": 12,
    "dec": 12,
}
WEEKDAYS: dict[str, int] = {
    "monday": 0,
    "tuesday": 1,
    "wednesday": 2,
    "thursday": 3,
    "friday": 4,
    "saturday": 5,
    "sunday": 6,
}
#: TIMEX3 part-of-day codes.
PARTS_OF_DAY: dict[str, str] = {
    "morning": "MO",
    "afternoon": "AF",
    "evening": "EV",
    "night": "NI",
    "overnight": "NI",
}

_SMALL = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
#: Words that stand for a number; ``None`` is an unknown amount (TIMEX3 ``X``).
_VAGUE: dict[str, float | None] = {
    "a": 1,
    "an": 1,
    "a single": 1,
    "a couple of": 2,
    "a couple": 2,
    "couple of": 2,
    "a dozen": 12,
    "dozen": 12,
    "a hundred": 100,
    "hundred": 100,
    "half a": 0.5,
    "half an": 0.5,
    "half": 0.5,
    "a few": None,
    "few": None,
    "several": None,
    "some": None,
    "many": None,
    "dozens of": None,
    "hundreds of": None,
    "a number of": None,
}
ORDINALS: dict[str, int] = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "1st": 1,
    "2nd": 2,
    "3rd": 3,
    "4th": 4,
    "final": 4,
    "last": 4,
}


def word_set(text: str) -> frozenset[str]:
    """A set of words written as one string: easier to read and extend than a literal."""
    return frozenset(text.split())


def _alternation(words: list[str]) -> str:
    """Regex alternation, longest first so that "a couple of" wins over "a"."""
    return "|".join(re.escape(w).replace(r"\ ", r"[^\S\n]+") for w in sorted(words, key=len, reverse=True))


_NUMBER_WORD = _alternation(list(_SMALL) + list(_TENS))
#: A number: digits (with decimals or a fraction), words ("twenty-five", "two and a half")
#: or a vague amount ("several", "a few").
NUMBER = (
    r"(?:\d+(?:\.\d+)?(?:[^\S\n]+1/2|½)?"
    rf"|(?i:(?:{_alternation(list(_TENS))})[- ](?:{_alternation(list(_SMALL)[1:10])})|{_NUMBER_WORD})"
    rf"|(?i:{_alternation(list(_VAGUE))}))"
    r"(?i:[- ]and[- ]a[- ]half)?"
)
#: Duration units, singular or plural.
#: Lower case only: "60 Minutes" and "Six Days" in titles are names, not durations.
UNIT = (
    r"(?:seconds?|minutes?|hours?|days?|nights?|weeks?|weekends?|fortnights?|months?|quarters?|years?|decades?"
    r"|centur(?:y|ies))"
)
UNIT_NAMES = {
    "second": "second",
    "minute": "minute",
    "hour": "hour",
    "day": "day",
    "night": "night",
    "week": "week",
    "weekend": "weekend",
    "fortnight": "fortnight",
    "month": "month",
    "quarter": "quarter",
    "year": "year",
    "decade": "decade",
    "century": "century",
    "centurie": "century",
}

MONTH_FULL = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
MONTH_ABBR = r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)"
#: A month name followed by something that makes it a date ("Aug. 7", "Sept 2004").
MONTH = (
    rf"(?:{MONTH_FULL}|{MONTH_ABBR}\.?"
    r"|JANUARY|FEBRUARY|MARCH|APRIL|MAY|JUNE|JULY|AUGUST|SEPTEMBER|OCTOBER|NOVEMBER|DECEMBER)"
)
#: A month name standing alone: full names and abbreviations with their full stop only.
MONTH_ALONE = rf"(?:{MONTH_FULL}|(?:Jan|Feb|Apr|Aug|Sept?|Oct|Nov|Dec)\.)"
WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?!\d|:\d)"
YEAR = r"(?:1[6-9]\d\d|20\d\d)(?![\d%]|,\d|\.\d)"
PART_OF_DAY = r"(?i:morning|afternoon|evening|night|overnight)"
TIMEZONE = r"(?:GMT|UTC|EST|EDT|CST|CDT|MST|MDT|PST|PDT|BST|CET|CEST|EET|EEST|IST|JST|AEST|AEDT)"
CLOCK = (
    r"(?:(?:[01]?\d|2[0-3])(?::[0-5]\d)?[^\S\n]*(?i:a\.m\.|p\.m\.|a\.m\b|p\.m\b|am\b|pm\b)"
    r"|(?:[01]?\d|2[0-3]):[0-5]\d(?![\d:])"
    r"|(?i:noon|midnight|midday)"
    r"|(?:[01]?\d|2[0-3])[^\S\n]+(?i:o'clock))"
)
SEASON = r"(?i:spring|summer|fall|autumn|winter)"
HOLIDAY = (
    r"(?:Christmas(?:[^\S\n]+(?:Eve|Day))?|New[^\S\n]+Year's(?:[^\S\n]+(?:Eve|Day))?|Thanksgiving(?:[^\S\n]+Day)?"
    r"|Easter(?:[^\S\n]+(?:Sunday|Monday))?|Good[^\S\n]+Friday|Independence[^\S\n]+Day|Halloween|Valentine's[^\S\n]+Day"
    r"|Memorial[^\S\n]+Day|Labor[^\S\n]+Day|Election[^\S\n]+Day|Veterans[^\S\n]+Day|Boxing[^\S\n]+Day)"
)
#: Modifiers before a duration or a date, and their TIMEX3 ``mod``.
MODIFIERS: dict[str, str] = {
    "more than": "MORE_THAN",
    "over": "MORE_THAN",
    "just over": "MORE_THAN",
    "well over": "MORE_THAN",
    "longer than": "MORE_THAN",
    "at least": "EQUAL_OR_MORE",
    "no less than": "EQUAL_OR_MORE",
    "less than": "LESS_THAN",
    "under": "LESS_THAN",
    "just under": "LESS_THAN",
    "fewer than": "LESS_THAN",
    "almost": "LESS_THAN",
    "nearly": "LESS_THAN",
    "up to": "EQUAL_OR_LESS",
    "at most": "EQUAL_OR_LESS",
    "no more than": "EQUAL_OR_LESS",
    "about": "APPROX",
    "around": "APPROX",
    "roughly": "APPROX",
    "approximately": "APPROX",
    "some": "APPROX",
    "an estimated": "APPROX",
    "close to": "APPROX",
}
MODIFIER = rf"(?i:{_alternation(list(MODIFIERS))})"
#: Position modifiers ("early March", "the end of 2023") and their ``mod``.
POSITIONS: dict[str, str] = {
    "early": "START",
    "the beginning of": "START",
    "the start of": "START",
    "the first half of": "START",
    "mid": "MID",
    "the middle of": "MID",
    "late": "END",
    "the end of": "END",
    "the second half of": "END",
    "the latter half of": "END",
}
POSITION = (
    r"(?i:(?:the[^\S\n]+(?:beginning|start|middle|end|first[^\S\n]+half|second[^\S\n]+half|latter[^\S\n]+half)"
    r"[^\S\n]+of)[^\S\n]+|(?:early|mid|late|earlier|later)(?:[^\S\n]*-[^\S\n]*|[^\S\n]+))"
)


def position_mod(text: str) -> str | None:
    """The ``mod`` of a position prefix such as "early", "mid-", "the end of"."""
    key = " ".join(text.lower().replace("-", " ").split())
    return POSITIONS.get(key)


def parse_number(text: str) -> float | None:
    """Value of a :data:`NUMBER` match; ``None`` for a vague amount ("several")."""
    key = " ".join(text.lower().replace("½", " 1/2").split())
    half = 0.0
    for suffix in (" and a half", "-and-a-half"):
        if key.endswith(suffix):
            key, half = key[: -len(suffix)].strip(), 0.5
    key = key.replace("-and-a-half", "")
    if key.endswith(" 1/2"):
        key, half = key[:-4].strip(), 0.5
    if key in _VAGUE:
        value = _VAGUE[key]
        return None if value is None else value + half
    if re.fullmatch(r"\d+(?:\.\d+)?", key):
        return float(key) + half
    total = 0
    for part in re.split(r"[- ]", key):
        if part in _SMALL:
            total += _SMALL[part]
        elif part in _TENS:
            total += _TENS[part]
        else:
            return None
    return total + half


def month_number(text: str) -> int:
    return MONTHS[text.rstrip(".").lower()]


def weekday_number(text: str) -> int:
    return WEEKDAYS[text.lower()]


def day_number(text: str) -> int:
    return int(re.match(r"\d+", text).group())  # type: ignore[union-attr]
