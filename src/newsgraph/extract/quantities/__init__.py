"""Quantities: numbers with their unit, modifier and the thing they count.

"over 1.3 million Palestinians" is 1,300,000 people (more than), what: "Palestinians";
"seven million pounds of food" is 7,000,000 pounds of mass, what: "food"; "£7m in aid" is
7,000,000 GBP, what: "aid". Durations, dates, clock times, years, ordinals, labels
("Article 5", "Flight 370") and numbers inside named things ("Resolution 2728") are not
quantities; ages ("a 45-year-old man") are.

Numbers are read token by token (digits, number words, scale words, glued units and
currencies); units, modifiers and rates are matched with one compiled pattern each at a
known position, never scanned over the text. The thing counted comes from the dependency
parse: the noun the number modifies, or the object of a following "of".

quantulum3 0.10.0 was measured as the issue suggests and not used: on the bundled samples it
takes about 30 ms per article (this module: under 2 ms; the spaCy model: about 50 ms), its
optional unit classifier breaks with current scikit-learn, and it misreads news text this
module must get right ("5 pounds of potatoes" as sterling, "3 p.m." as pennies, "40C" as
coulombs, "€3.5bn" as barns, "a dozen" as 1, a phone number as a range), without modifiers
or the thing counted.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from newsgraph.annotate import text_of
from newsgraph.extract.quantities.units import (
    CLOCK_WORDS,
    CURRENCY_BY_WORD,
    CURRENCY_PREFIXES,
    CURRENCY_SUBUNITS,
    DOLLAR_COUNTRIES,
    FRACTIONS,
    GLUED_UNITS,
    IN_KIND,
    LABEL_WORDS,
    MASS_CUES,
    MODIFIER_BEFORE,
    MODIFIERS,
    MONEY_CUES,
    MONEY_NOUNS,
    MONTHS,
    NUMBER_TOKEN,
    PERSON_NOUNS,
    POST_MODIFIER_AFTER,
    POST_MODIFIERS,
    RATE_AFTER,
    SCALE_ABBREVIATIONS,
    SCALE_WORDS,
    SMALL_NUMBERS,
    TENS,
    TIME_UNITS,
    UNIT_AFTER,
    UNIT_BY_SPELLING,
    VAGUE_SCALES,
)
from newsgraph.records import Document, Quantity

__all__ = ["extract_quantities"]

#: Named-entity labels of things whose names may hold a number that is not a quantity.
_NAMED_LABELS = frozenset({"LAW", "PRODUCT", "WORK_OF_ART", "EVENT", "FAC", "ORG", "PERSON", "GPE", "LOC", "NORP"})
#: Determiners that make a small number refer back to known things ("the two men").
_REFERRING = frozenset(["the", "these", "those", "both", "all", "its", "their", "his", "her", "our", "my", "your"])
#: Prepositions whose phrase stays in the thing counted ("Palestinians in Rafah").
_WHAT_PREPOSITIONS = frozenset(["in", "of", "from", "inside", "across", "near", "aboard"])
#: Dependency relations through which a number or unit modifies the noun it counts.
_MODIFIER_DEPS = frozenset({"nummod", "quantmod", "compound", "amod", "nmod", "npadvmod", "advmod", "appos", "conj"})
_LEFT_MODIFIER_DEPS = frozenset({"amod", "compound", "nmod"})
#: Words that can start a number written in words; "a"/"an" only before a scale word.
_WORD_STARTS = frozenset(SMALL_NUMBERS) | frozenset(TENS) | frozenset(VAGUE_SCALES) | {"a", "an", "half", "dozen"}
_AFTER_A = frozenset(SCALE_WORDS) | frozenset(FRACTIONS) | {"dozen"}
_AGE_UNITS = {"year": "year", "years": "year", "month": "month", "months": "month", "week": "week", "weeks": "week"}
_AGE_UNITS |= {"day": "day", "days": "day"}
_DEGREE = ("degree", "angle or temperature")
_WEEKDAYS = frozenset(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])


@dataclass(slots=True)
class _Number:
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


def extract_quantities(doc: Doc, document: Document | None = None) -> list[Quantity]:
    """Every quantity in ``doc`` with its value, unit, modifier and the thing it counts."""
    candidates = [t.i for t in doc if "d" in t.shape_ or t.lower_ in _WORD_STARTS]
    context = _Context(_blocked_spans(doc, document), _name_numbers(doc, candidates), text_of(doc))
    quantities: list[Quantity] = []
    skip_to = 0
    for i in candidates:
        if i < skip_to:
            continue
        found = _quantity_at(doc, i, context)
        if found is not None:
            quantity, skip_to = found
            if quantity is not None:
                quantities.append(quantity)
    return quantities


@dataclass(slots=True)
class _Context:
    #: Character spans whose numbers are not quantities.
    blocked: list[tuple[int, int]]
    #: Numbers that name something in this article ("787" after "Boeing 787").
    names: set[str]
    #: ``doc.text`` once: spaCy rebuilds the string from the tokens on every access.
    text: str


def _name_numbers(doc: Doc, candidates: list[int]) -> set[str]:
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


def _blocked_spans(doc: Doc, document: Document | None) -> list[tuple[int, int]]:
    """Character spans whose numbers are not quantities: time expressions and names."""
    spans = [(t.start, t.end) for t in document.time_expressions] if document is not None else []
    spans.extend((e.start_char, e.end_char) for e in doc.ents if e.label_ in _NAMED_LABELS)
    return spans


def _inside(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s < end and start < e for s, e in spans)


# --- reading numbers -------------------------------------------------------------------


def _read_number(doc: Doc, i: int) -> _Number | None:
    if "d" in doc[i].shape_:
        return _read_digits(doc, i)
    return _read_words(doc, i)


def _read_digits(doc: Doc, i: int) -> _Number | None:
    token = doc[i]
    match = NUMBER_TOKEN.match(token.text)
    if match is None:
        return None  # "10:30", "4x4", "C-17"
    raw = match["num"]
    value = float(raw.replace(",", "").replace("−", "-"))
    number = _Number(value, i, i + 1, token.idx + len(token.text), decimal="." in raw)
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


def _apply_suffix(number: _Number, suffix: str) -> bool:
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


def _read_scale_after(doc: Doc, number: _Number) -> None:
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
            if abbreviation == "m" and not (number.currency or number.decimal or _currency_before(doc, number.start)):
                number.unit = ("metre", "length")  # "a 100m sprint"
            else:
                _scale(number, SCALE_ABBREVIATIONS[abbreviation])
            return
        else:
            return
        j += 1


def _scale(number: _Number, factor: float) -> None:
    number.value *= factor
    number.scale *= factor
    if number.high is not None:
        number.high *= factor


def _read_words(doc: Doc, i: int) -> _Number | None:
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
    return _Number(total + current, i, j, end.idx + len(end.text), words=True, scale=scale)


def _read_fraction(doc: Doc, start: int, j: int, numerator: float) -> _Number | None:
    """ "a third", "two-thirds", "half of", "half a million", "a quarter of a million"."""
    n = len(doc)
    word = doc[j].lower_
    if word == "half":
        if start > 0 and doc[start - 1].lower_ in {"first", "second", "latter", "former", "other"}:
            return None  # "the second half of the year"
        if j + 1 >= n or doc[j + 1].lower_ not in {"of", "the", "a", "an"}:
            return None
    number = _Number(numerator / FRACTIONS[word], start, j + 1, doc[j].idx + len(doc[j].text), words=True)
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


def _read_vague(doc: Doc, i: int) -> _Number | None:
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
    return _Number(value, i, end, last.idx + len(last.text), words=True, vague=True, scale=value)


# --- one quantity ----------------------------------------------------------------------


def _quantity_at(doc: Doc, i: int, context: _Context) -> tuple[Quantity | None, int] | None:
    """The quantity whose number starts at token ``i``, and the token after it.

    ``(None, j)`` skips tokens up to ``j`` that are not a quantity (the "1" of a score "3-1").
    """
    number = _read_number(doc, i)
    if number is None:
        return None
    age = _age(doc, number)  # before the time expressions, which may read an age as a duration
    if age is not None:
        return age, number.end
    if _inside(context.blocked, doc[i].idx, number.end_char) or _not_a_quantity(doc, number, context.names):
        return None
    text = context.text

    low, high = number.value, number.high
    end_tok, end_char = number.end, number.end_char
    second = _range_end(doc, number)
    if second is not None:
        if second.scale > 1 and number.scale == 1 and low * second.scale <= second.value * 10:
            low *= second.scale  # "3 to 4 million"
        high, end_tok, end_char = second.value, second.end, second.end_char
        number.currency = number.currency or second.currency
        number.unit = number.unit or second.unit
    if high is not None and (high <= low or _identifier_range(doc, number, second)):
        return None, end_tok  # "3-1" is a score, "555-1234" a phone number, "1990-95" years
    if second is not None and end_tok < len(doc) and doc[end_tok].lower_ in TIME_UNITS:
        return None, end_tok  # "between 60 and 90 days" is a duration

    currency, start_char = _currency_prefix(doc, number)
    unit, category = (currency, "money") if currency else (number.unit or (None, None))
    unit_end: int | None = None  # token after a unit written in words or symbols
    pound = False
    after = UNIT_AFTER.match(text, end_char) if number.unit is None else None
    snap = doc.char_span(end_char, after.end(), alignment_mode="contract") if after else None
    if after is not None and snap is not None and len(snap):
        word = " ".join(after.group().lower().replace("-", " ").split())
        taken: tuple[str, str] | None = None
        if after["symbol"]:
            symbol = after["symbol"].replace(" ", "")
            taken = ("percent", "proportion") if symbol == "%" else GLUED_UNITS.get(symbol, _DEGREE)
        elif word in CURRENCY_BY_WORD:
            taken = (CURRENCY_BY_WORD[word], "money")
        elif word in CURRENCY_SUBUNITS:
            taken = (CURRENCY_SUBUNITS[word], "money")
            low, high = low / 100, None if high is None else high / 100
        else:
            taken = UNIT_BY_SPELLING[word]
            pound = word in {"pound", "pounds"}
        if currency is None or taken == (currency, "money"):
            unit, category = taken
            end_char, end_tok, unit_end = after.end(), snap.end, snap.end

    per = None
    rate = RATE_AFTER.match(text, end_char) if unit is not None else None
    if rate is not None and (snap := doc.char_span(end_char, rate.end(), alignment_mode="contract")) is not None:
        per = "year" if rate["per"].lower() == "annum" else rate["per"].lower()
        end_char, end_tok = rate.end(), snap.end
    mod = None
    post = POST_MODIFIER_AFTER.match(text, end_char)
    glued = post is not None and (post["mod"] != "+" or post.start("mod") == end_char)
    if post is not None and glued and (snap := doc.char_span(end_char, post.end(), alignment_mode="contract")):
        mod, end_char, end_tok = POST_MODIFIERS[" ".join(post["mod"].lower().split())], post.end(), snap.end

    before = _word_before(doc, number)
    if second is not None and before is not None and before.lower_ == "between":
        start_char = before.idx
    elif (pre := MODIFIER_BEFORE.search(text, max(0, start_char - 24), start_char)) and doc.char_span(*pre.span("mod")):
        mod, start_char = MODIFIERS[" ".join(pre["mod"].lower().split())], pre.start("mod")
    if number.vague and mod is None:
        mod = "more_than"

    last = doc[unit_end - 1] if unit_end is not None else doc[number.end - 1]
    what = _what(doc, number, last, end_tok)
    if pound:
        unit, category = _resolve_pound(doc, number, unit_end or end_tok, what)
    if category is None:
        if number.fraction:
            unit, category = "fraction", "proportion"
        elif what is not None:
            unit, category = ("people" if _counts_people(what[2]) else "count"), "count"
    if what is None and unit is None and number.words and number.value <= 12 and number.scale == 1:
        return None  # a bare small number in words ("two of them") is rarely a figure

    quantity = Quantity(
        start=start_char,
        end=end_char,
        text=text[start_char:end_char],
        value=(low + high) / 2 if high is not None else low,
        unit=unit,
        mod=mod,
        what=what[0] if what else None,
        category=category,
        low=low if high is not None else None,
        high=high,
        per=per,
        what_start=what[1].start_char if what else None,
        what_end=what[1].end_char if what else None,
    )
    return quantity, end_tok


def _range_end(doc: Doc, number: _Number) -> _Number | None:
    """The second number of "30-40", "between 30 and 40", "3 to 4 million", "two or three"."""
    j = number.end
    if j + 1 >= len(doc) or number.high is not None:
        return None
    link = doc[j].lower_
    word = _word_before(doc, number)
    before = word.lower_ if word is not None else ""
    if link in {"-", "–", "—"}:
        if doc[j - 1].whitespace_ and not doc[j].whitespace_:
            return None  # "5 -3" is a sign, not a range
    elif link == "and":
        if before != "between":
            return None
    elif link in {"to", "or"}:
        if before == "from" or number.unit is not None:
            return None  # "from 5% to 7%" is a change, not a range
    else:
        return None
    k = j + 1
    if doc[k].text in CURRENCY_PREFIXES and k + 1 < len(doc):  # "between $12 million and $20 million"
        k += 1
    second = _read_number(doc, k)
    if second is None:
        return None
    if k > j + 1:
        second.currency = second.currency or CURRENCY_PREFIXES[doc[j + 1].text]
    first_currency = number.currency or (CURRENCY_PREFIXES.get(doc[number.start - 1].text) if number.start else None)
    if second.currency not in {None, first_currency}:
        return None
    return second


def _identifier_range(doc: Doc, first: _Number, second: _Number | None) -> bool:
    """Digit groups joined by a hyphen that are not a range: phone numbers, year spans."""
    if first.words or first.scaled or first.currency or (second is not None and second.scaled):
        return False
    if second is None:
        high = NUMBER_TOKEN.match(doc[first.start].text)
        digits = high["num2"] if high else ""
    else:
        digits = doc[second.start].text
    return first.year_like or (digits.isdigit() and len(digits) >= 4)


def _word_before(doc: Doc, number: _Number) -> Token | None:
    """The token before the number and its currency sign ("between" in "between $12 million")."""
    k = number.start - 1
    if k > 0 and doc[k].text in CURRENCY_PREFIXES:
        k -= 1
    return doc[k] if k >= 0 else None


def _currency_prefix(doc: Doc, number: _Number) -> tuple[str | None, int]:
    """Currency written before the number ("$", "US$", "US $", "NIS"), and where the quantity starts."""
    start_char = doc[number.start].idx
    if number.currency:
        return number.currency, start_char
    i = number.start
    if i > 0 and doc[i - 1].text in CURRENCY_PREFIXES:
        code = CURRENCY_PREFIXES[doc[i - 1].text]
        start_char = doc[i - 1].idx
        country = doc[i - 2] if i > 1 and doc[i - 1].text == "$" else None
        if (
            country is not None
            and country.text in DOLLAR_COUNTRIES
            and (not country.whitespace_ or country.text in {"US", "U.S."})
        ):
            code, start_char = DOLLAR_COUNTRIES[doc[i - 2].text], doc[i - 2].idx
        return code, start_char
    return None, start_char


def _currency_before(doc: Doc, i: int) -> bool:
    return i > 0 and doc[i - 1].text in CURRENCY_PREFIXES


def _not_a_quantity(doc: Doc, number: _Number, names: set[str]) -> bool:
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
    has_money = number.currency is not None or _currency_before(doc, start)
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


def _age(doc: Doc, number: _Number) -> Quantity | None:
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
    what = _noun_phrase(doc, what_token, range(start_tok, end)) if what_token is not None else None
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


def _apposed_age(doc: Doc, number: _Number) -> bool:
    """ "Mary Barra, 51, will lead": a whole number between commas right after a person's name."""
    i, j = number.start, number.end
    if number.words or number.decimal or not 1 <= number.value <= 120 or i < 2 or j >= len(doc):
        return False
    return doc[i - 1].text == "," and doc[j].text in {",", "."} and doc[i - 2].ent_type_ == "PERSON"


# --- the thing counted -----------------------------------------------------------------


def _what(doc: Doc, number: _Number, last: Token, end: int) -> tuple[str, Span, Token] | None:
    """The thing counted: the noun the quantity modifies, or the object of a following "of".

    Returns its text (without the quantity), the span that holds it, and its head noun.
    """
    inside = range(number.start, end)
    head = last
    while head.i in inside and head.head.i != head.i:
        child, head = head, head.head
        if head.i not in inside and child.dep_ not in _MODIFIER_DEPS:
            head = last
            break
    n = len(doc)
    if head.i >= end and head.is_alpha and head.i - end <= 4 and head.lower_ not in TIME_UNITS:
        between = doc[end : head.i]
        if not any(t.is_punct and t.text not in {"-", "–"} for t in between):
            return _noun_phrase(doc, head, inside)
    if end < n and doc[end].lower_ in PERSON_NOUNS:
        return _noun_phrase(doc, doc[end], inside)  # the parse missed "1.3m people"
    k = end
    if k < n and doc[k].lower_ in {"of", "in"}:
        preposition = doc[k]
        objects = [c for c in preposition.children if c.dep_ == "pobj"]
        target = objects[0] if objects else None
        if target is None and k + 1 < n and doc[k + 1].is_alpha:
            target = doc[k + 1]
        if target is None or (preposition.lower_ == "in" and target.lower_ not in MONEY_NOUNS):
            return None  # "$5m in Gaza" is where, not what
        return _noun_phrase(doc, target, inside)
    return None


def _noun_phrase(doc: Doc, head: Token, quantity: range) -> tuple[str, Span, Token] | None:
    """The head noun with its adjectives and compounds, and one short prepositional phrase."""
    if not head.is_alpha:
        return None
    tokens = {head.i}
    for child in head.lefts:
        if child.dep_ in _LEFT_MODIFIER_DEPS and child.i not in quantity:
            tokens.update(t.i for t in child.subtree if t.i not in quantity and not t.is_punct)
    for child in head.rights:
        if child.dep_ == "prep" and child.lower_ in _WHAT_PREPOSITIONS and child.i == max(tokens) + 1:
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects:
                obj = objects[0]
                phrase = [child.i, *(t.i for t in obj.lefts if t.dep_ in _LEFT_MODIFIER_DEPS | {"det"}), obj.i]
                if max(phrase) - child.i == len(phrase) - 1 and len(phrase) <= 5:
                    tokens.update(phrase)
            break
    first, last = min(tokens), max(tokens)
    span = doc[first : last + 1]
    # The words as written ("mid-air tanker aircraft"), leaving out the quantity itself
    # ("remaining 134 hostages" -> "remaining hostages").
    runs: list[str] = []
    run_start = None
    for k in range(first, last + 2):
        inside = k <= last and k not in quantity
        if inside and run_start is None:
            run_start = k
        elif not inside and run_start is not None:
            runs.append(doc[run_start:k].text.strip(" -–"))
            run_start = None
    text = " ".join(r for r in runs if r)
    if not text or text.lower() in {"the", "them", "those", "these", "us", "which"}:
        return None
    return text, span, head


def _counts_people(noun: Token) -> bool:
    """Whether ``noun`` names people: a known noun, a nationality or group, or -ians/-ists."""
    lower = noun.lower_
    if lower in PERSON_NOUNS or noun.ent_type_ in {"NORP", "PERSON"}:
        return True
    return len(lower) > 6 and lower.endswith(("ians", "ists")) and lower not in {"statistics", "lists"}


def _resolve_pound(doc: Doc, number: _Number, unit_end: int, what: tuple[str, Span, Token] | None) -> tuple[str, str]:
    """ "pounds" is weight or sterling: decide from what is weighed or paid, then the sentence."""
    preposition = doc[unit_end].lower_ if unit_end < len(doc) else ""
    if what is not None and what[2].lower_ in MONEY_NOUNS and (preposition == "in" or what[2].lower_ not in IN_KIND):
        return "GBP", "money"  # "7 million pounds in aid", "pounds of funding"
    sentence = doc[number.start].sent
    money = sum(1 for t in sentence if t.lower_ in MONEY_CUES)
    mass = sum(1 for t in sentence if t.lower_ in MASS_CUES)
    weighed = what is not None and preposition == "of"
    if weighed and money <= mass + 1:
        return "pound", "mass"  # "seven million pounds of food"
    if money > mass or (money == mass and number.scaled):
        return "GBP", "money"  # "paid 30 pounds", "a 7 million pound deal"
    return "pound", "mass"
