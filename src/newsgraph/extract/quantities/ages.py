"""Ages: "45-year-old", "a five-month-old baby", "45 years old", "aged 45", "Mary Barra, 51,"."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from newsgraph.extract.quantities.counted import noun_phrase
from newsgraph.extract.quantities.numbers import Number
from newsgraph.records import Quantity

_AGE_UNITS = {"year": "year", "years": "year", "month": "month", "months": "month", "week": "week", "weeks": "week"}


_AGE_UNITS |= {"day": "day", "days": "day"}


def read_age(doc: Doc, number: Number) -> Quantity | None:
    """ "45-year-old", "a five-month-old baby", "45 years old", "aged 45"."""
    if number.currency or number.unit or number.scaled or number.high is not None:
        return None
    n = len(doc)
    j = number.end
    if j < n and doc[j].text == "-":
        j += 1
    unit = _AGE_UNITS.get(doc[j].lower_) if j < n else None
    end = None
    if unit is not None:
        k = j + 1
        if k < n and doc[k].text == "-":
            k += 1
        if k < n and doc[k].lower_ in {"old", "olds"}:
            end = k + 1
    before = doc[number.start - 1].lower_ if number.start > 0 else ""
    if end is None and before in {"aged", "age", "ages"} and not number.year_like:
        unit, end = "year", number.end
    if end is None and _apposed_age(doc, number):
        unit, end = "year", number.end
    if end is None or unit is None:
        return None
    start_tok = number.start
    what_token: Token | None = None
    last = doc[end - 1]
    if last.lower_ == "olds":
        what_token = last
    elif end < n and last.head.i >= end and last.head.i - end <= 3:
        what_token = last.head  # "a 45-year-old man"
    elif before in {"aged", "age"} and doc[number.start - 1].head.i < number.start - 1:
        what_token = doc[number.start - 1].head  # "a man aged 45"
    elif before == "," and doc[number.start - 2].ent_type_ == "PERSON":
        what_token = doc[number.start - 2]  # "Barra, 51,"
    what = noun_phrase(doc, what_token, range(start_tok, end)) if what_token is not None else None
    span_start, span_end = doc[start_tok].idx, doc[end - 1].idx + len(doc[end - 1].text)
    return Quantity(
        start=span_start,
        end=span_end,
        text=doc[start_tok:end].text,
        value=number.value,
        unit=unit,
        category="age",
        what=what[0] if what else None,
        what_start=what[1].start_char if what else None,
        what_end=what[1].end_char if what else None,
    )


def _apposed_age(doc: Doc, number: Number) -> bool:
    """ "Mary Barra, 51, will lead": a whole number between commas right after a person's name."""
    i, j = number.start, number.end
    if number.words or number.decimal or not 1 <= number.value <= 120 or i < 2 or j >= len(doc):
        return False
    return doc[i - 1].text == "," and doc[j].text in {",", "."} and doc[i - 2].ent_type_ == "PERSON"
