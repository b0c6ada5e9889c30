"""Numbers that are not quantities: dates, times, years, labels, model codes, names, list markers, referring numbers."""

from __future__ import annotations

from spacy.tokens import Doc

from newsgraph.extract.quantities.numbers import Number, currency_before
from newsgraph.extract.quantities.units import (
    CLOCK_WORDS,
    CURRENCY_PREFIXES,
    LABEL_WORDS,
    MODIFIERS,
    MONTHS,
    NUMBER_TOKEN,
    PERSON_NOUNS,
    TIME_UNITS,
)

#: Determiners that make a small number refer back to known things ("the two men").
_REFERRING = frozenset(["the", "these", "those", "both", "all", "its", "their", "his", "her", "our", "my", "your"])


_WEEKDAYS = frozenset(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])


def name_numbers(doc: Doc, candidates: list[int]) -> set[str]:
    """Integers written right after a capitalised word ("Boeing 787", "CAC 40", "Windows 10").

    Such a number names a model, an index or a version, and so does every bare mention of
    it later in the article ("the 787").
    """
    names: set[str] = set()
    for i in candidates:
        token = doc[i]
        if i == 0 or not token.is_digit:
            continue
        if _model_code(doc, i, i + 1, names):
            names.add(token.text)  # "777" in "777-200LR"
            continue
        prev = doc[i - 1]
        if prev.is_sent_start or not prev.text[:1].isupper() or not (prev.is_alpha or "&" in prev.text):
            continue
        lower = prev.lower_
        if lower in MONTHS or lower in _WEEKDAYS or lower in MODIFIERS or prev.text in CURRENCY_PREFIXES:
            continue
        names.add(token.text)
    return names


def not_a_quantity(doc: Doc, number: Number, names: set[str]) -> bool:
    """Dates, times, durations, years, labels, names, list markers and referring numbers."""
    n = len(doc)
    start, end = number.start, number.end
    prev = doc[start - 1] if start > 0 else None
    nxt = doc[end] if end < n else None
    first = doc[start]
    plain = not (number.words or number.currency or number.unit or number.scaled or number.high is not None)
    if plain and (first.text in names or (len(first.text) > 1 and first.text[0] == "0" and first.is_digit)):
        return True  # "the 787" after "Boeing 787"; "serial number 001"
    if prev is not None and prev.text in {"'", "’"} and not prev.whitespace_ and len(first.text) == 2:
        return True  # "since '82"
    if _model_code(doc, start, end, names):
        return True  # "A380-800", "777-200LR"
    if number.words and first.is_title and not first.is_sent_start and prev is not None and prev.is_alpha:
        return True  # "the Five Hundred", "the Big Three": names
    if nxt is not None:
        after = nxt.lower_
        if after == "-" and end + 1 < n:
            after = doc[end + 1].lower_
        if after in TIME_UNITS or after in CLOCK_WORDS or (nxt.is_title and after in MONTHS):
            return True  # "five months", "six-week", "3 p.m.", "21 March"
        if after == "of" and end + 1 < n and doc[end + 1].is_title and doc[end + 1].lower_ in MONTHS:
            return True
    if prev is not None and prev.is_title and prev.lower_ in MONTHS and not number.words:
        return True  # "March 21"
    has_money = number.currency is not None or currency_before(doc, start)
    if number.year_like and not has_money and number.unit is None and not number.scaled:
        head = doc[start].head
        counts_people = head.i > start and head.lower_ in PERSON_NOUNS
        if not counts_people:
            return True  # "in 2019", "the 2024 election"
    if prev is not None:
        label = prev.lower_ in LABEL_WORDS or prev.text in {"#", "No", "No."}
        named = prev.is_title and prev.is_alpha and doc[start].head.i == start - 1 and not prev.is_sent_start
        other = prev.lower_ in MODIFIERS or prev.text in CURRENCY_PREFIXES or prev.lower_ in MONTHS
        if (label or named) and not other:
            return True  # "Article 5", "Flight 370", "Windows 10"
    if doc[start].is_sent_start and nxt is not None and nxt.text in {".", ")"} and not number.scaled:
        return True  # a list marker "1." or "2)"
    if number.words and not number.scaled and not number.fraction and number.value == 1:
        return True  # "one" is an article far more often than a figure
    # "the two men": a small number after a determiner refers back rather than reports a figure.
    small = number.words and not number.scaled and number.value <= 12
    return small and prev is not None and prev.lower_ in _REFERRING


def _model_code(doc: Doc, start: int, end: int, names: set[str]) -> bool:
    """A number joined by a hyphen to a code: "A380-800", "777-200LR", "737-800" after "Boeing 737"."""
    n = len(doc)
    if start > 1 and doc[start - 1].text == "-" and not doc[start - 2].whitespace_ and not doc[start - 1].whitespace_:
        code = doc[start - 2].text
        if code in names or (any(c.isdigit() for c in code) and any(c.isalpha() for c in code)):
            return True
    if end + 1 < n and doc[end].text == "-" and not doc[end - 1].whitespace_ and not doc[end].whitespace_:
        code = doc[end + 1].text
        return any(c.isdigit() for c in code) and any(c.isalpha() for c in code)
    return False


def identifier_range(doc: Doc, first: Number, second: Number | None) -> bool:
    """Digit groups joined by a hyphen that are not a range: phone numbers, year spans."""
    if first.words or first.scaled or first.currency or (second is not None and second.scaled):
        return False
    if second is None:
        high = NUMBER_TOKEN.match(doc[first.start].text)
        digits = high["num2"] if high else ""
    else:
        digits = doc[second.start].text
    return first.year_like or (digits.isdigit() and len(digits) >= 4)
