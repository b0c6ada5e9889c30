"""Numbers as written in news text: digits with glued scales, units and currencies ("£7m", "40C"),
words ("seven million", "two-thirds") and vague scales ("tens of thousands")."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc

from newsgraph.extract.quantities.units import (
    CURRENCY_PREFIXES,
    FRACTIONS,
    GLUED_UNITS,
    NUMBER_TOKEN,
    SCALE_ABBREVIATIONS,
    SCALE_WORDS,
    SMALL_NUMBERS,
    TENS,
    TIME_UNITS,
    UNIT_BY_SPELLING,
    VAGUE_SCALES,
)

_AFTER_A = frozenset(SCALE_WORDS) | frozenset(FRACTIONS) | {"dozen"}


@dataclass(slots=True)
class Number:
    """A number read from tokens ``[start, end)``; ``end_char`` may stop inside the last token."""

    value: float
    start: int
    end: int
    end_char: int
    words: bool = False  # written in words ("seven")
    scale: float = 1.0  # product of its scale words ("million", "bn")
    vague: bool = False  # "thousands of", "dozens"
    fraction: bool = False
    decimal: bool = False
    year_like: bool = False
    currency: str | None = None  # glued sign ("HK$10")
    unit: tuple[str, str] | None = None  # glued unit ("40C", "-3C")
    high: float | None = None  # glued range ("30–40")

    @property
    def scaled(self) -> bool:
        return self.scale != 1.0


def read_number(doc: Doc, i: int) -> Number | None:
    if "d" in doc[i].shape_:
        return _read_digits(doc, i)
    return _read_words(doc, i)


def _read_digits(doc: Doc, i: int) -> Number | None:
    token = doc[i]
    match = NUMBER_TOKEN.match(token.text)
    if match is None:
        return None  # "10:30", "4x4", "C-17"
    raw = match["num"]
    value = float(raw.replace(",", "").replace("−", "-"))
    number = Number(value, i, i + 1, token.idx + len(token.text), decimal="." in raw)
    number.year_like = raw.isdigit() and len(raw) == 4 and 1000 <= value <= 2199
    if match["cur"]:
        number.currency = CURRENCY_PREFIXES.get(match["cur"])
        if number.currency is None:
            return None
    if match["num2"]:
        number.high = float(match["num2"].replace(",", ""))
    if match["suffix"]:
        return number if _apply_suffix(number, match["suffix"]) else None
    _read_scale_after(doc, number)
    return number


def _apply_suffix(number: Number, suffix: str) -> bool:
    """Fold a glued suffix ("bn", "k", "C") into ``number``; False when it is not a quantity."""
    core = suffix.rstrip(".")
    if core != suffix:  # "12.5m." at the end of a sentence: the full stop is not ours
        number.end_char -= len(suffix) - len(core)
    lower = core.lower()
    if lower in SCALE_ABBREVIATIONS and (lower != "m" or number.currency or number.decimal):
        _scale(number, SCALE_ABBREVIATIONS[lower])
    elif core in GLUED_UNITS:
        number.unit = GLUED_UNITS[core]
    elif lower == "m":
        number.unit = ("metre", "length")
    elif lower in UNIT_BY_SPELLING and core != "G" and lower not in {"pound", "pounds"}:
        number.unit = UNIT_BY_SPELLING[lower]
    else:
        return False  # "21st", "1990s", "5G", "F16": ordinals, decades, names
    return True


def _read_scale_after(doc: Doc, number: Number) -> None:
    """Scale words after digits: "1.3 million", "£7m" (split by the tokenizer), "2 bn"."""
    j = number.end
    while j < len(doc):
        token, lower = doc[j], doc[j].lower_
        abbreviation = lower.rstrip(".")
        if lower in SCALE_WORDS:
            _scale(number, SCALE_WORDS[lower])
            number.end, number.end_char = j + 1, token.idx + len(token.text)
        elif abbreviation in SCALE_ABBREVIATIONS and (doc[j - 1].whitespace_ == "" or len(abbreviation) > 1):
            number.end, number.end_char = j + 1, token.idx + len(abbreviation)
            if abbreviation == "m" and not (number.currency or number.decimal or currency_before(doc, number.start)):
                number.unit = ("metre", "length")  # "a 100m sprint"
            else:
                _scale(number, SCALE_ABBREVIATIONS[abbreviation])
            return
        else:
            return
        j += 1


def _scale(number: Number, factor: float) -> None:
    number.value *= factor
    number.scale *= factor
    if number.high is not None:
        number.high *= factor


def _read_words(doc: Doc, i: int) -> Number | None:
    """Numbers in words: "seven million", "twenty-five", "a dozen", "tens of thousands", "two-thirds"."""
    n = len(doc)
    first = doc[i].lower_
    if first in VAGUE_SCALES:
        return _read_vague(doc, i)
    if first in {"a", "an"} and (i + 1 >= n or doc[i + 1].lower_ not in _AFTER_A):
        return None
    if first == "half":
        return _read_fraction(doc, i, i, 1.0)
    total, current, scale, j, last = 0.0, 0.0, 1.0, i, ""
    joins = {"hundred", "and"} | SCALE_WORDS.keys()
    while j < n:
        word = doc[j].lower_
        if word in {"a", "an"} and j == i:
            current = 1.0
        elif word in SMALL_NUMBERS and (j == i or last in joins or (last in TENS and SMALL_NUMBERS[word] < 10)):
            current += SMALL_NUMBERS[word]
        elif word in TENS and (j == i or last in joins):
            current += TENS[word]
        elif word == "-" and j + 1 < n and not doc[j - 1].whitespace_ and last not in {"a", "an"}:
            following = doc[j + 1].lower_
            if not ((last in TENS and following in SMALL_NUMBERS) or following in FRACTIONS):
                break
            j += 1
            continue
        elif word == "hundred" and j > i:
            current = (current or 1.0) * 100
            scale *= 100
        elif word in SCALE_WORDS and word != "hundred" and j > i:
            total += (current or 1.0) * SCALE_WORDS[word]
            scale *= SCALE_WORDS[word]
            current = 0.0
        elif word == "dozen" and (last in {"a", "an"} or last in SMALL_NUMBERS):
            current = (current or 1.0) * 12
        elif word == "and" and last in {"hundred"} | SCALE_WORDS.keys():
            if j + 1 >= n or (doc[j + 1].lower_ not in SMALL_NUMBERS and doc[j + 1].lower_ not in TENS):
                break
        elif word in FRACTIONS and j > i and word not in {"half", "halves"}:
            return _read_fraction(doc, i, j, current or 1.0)
        else:
            break
        last = word
        j += 1
    if j == i or last in {"a", "an", "and"}:
        return None
    end = doc[j - 1]
    return Number(total + current, i, j, end.idx + len(end.text), words=True, scale=scale)


def _read_fraction(doc: Doc, start: int, j: int, numerator: float) -> Number | None:
    """ "a third", "two-thirds", "half of", "half a million", "a quarter of a million"."""
    n = len(doc)
    word = doc[j].lower_
    if word == "half":
        if start > 0 and doc[start - 1].lower_ in {"first", "second", "latter", "former", "other"}:
            return None  # "the second half of the year"
        if j + 1 >= n or doc[j + 1].lower_ not in {"of", "the", "a", "an"}:
            return None
    number = Number(numerator / FRACTIONS[word], start, j + 1, doc[j].idx + len(doc[j].text), words=True)
    number.fraction = True
    # "half a million", "a quarter of a million": a fraction of a scale is a plain number.
    k = j + 1 + (1 if j + 1 < n and doc[j + 1].lower_ == "of" else 0)
    if k + 1 < n and doc[k].lower_ in {"a", "an"}:
        following = doc[k + 1].lower_
        if following in SCALE_WORDS:
            _scale(number, SCALE_WORDS[following])
            number.fraction = False
            number.end, number.end_char = k + 2, doc[k + 1].idx + len(doc[k + 1].text)
        elif following in TIME_UNITS:
            return None  # "half an hour" is a duration
    return number


def _read_vague(doc: Doc, i: int) -> Number | None:
    """ "thousands of", "tens of thousands of", "dozens": a lower bound, read as more than."""
    n = len(doc)
    value = VAGUE_SCALES[doc[i].lower_]
    end = i + 1
    if end + 1 < n and doc[end].lower_ == "of" and doc[end + 1].lower_ in VAGUE_SCALES:
        value *= VAGUE_SCALES[doc[end + 1].lower_]
        end += 2
    elif doc[i].lower_ in {"tens", "scores"}:
        return None  # "tens" and "scores" alone are not numbers
    if doc[i].lower_ != "dozens" and (end >= n or doc[end].lower_ != "of"):
        return None  # "millions" without "of" is too often a noun ("saved millions")
    last = doc[end - 1]
    return Number(value, i, end, last.idx + len(last.text), words=True, vague=True, scale=value)


def currency_before(doc: Doc, i: int) -> bool:
    return i > 0 and doc[i - 1].text in CURRENCY_PREFIXES
