"""Name mentions: products named by a maker and a model or by a model designation.

See :mod:`newsgraph.extract.entities.mentions` for the whole pass.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from newsgraph.annotate import column
from newsgraph.extract.entities.mention_parts import (
    _CALENDAR,
    _ERAS,
    _call,
    _Candidate,
    _cap,
    _organisation_code,
    _sent_start,
    _words,
)
from newsgraph.extract.entities.titles import is_title_head

#: A model designation led by letters: "A380", "DC-9", "A330-200", "A400M", "F-16", with a
#: plural "s". Two digits or a hyphen are needed, so "G7", "MP3" and "CO2" are no models.
_LETTER_CODE = re.compile(r"[A-Z]{1,3}(?:-\d{1,4}|\d{2,4})[A-Z0-9]*(?:-\d{1,4}[A-Z]{0,3})?s?")

#: A model designation of digits: "787", "777-200LR", "7E7". Digits alone are also counts
#: and years, so these need more evidence (a maker's name, a model name, the model's label).
_DIGIT_CODE = re.compile(r"(?:\d{3,4}|\d[A-Z]\d)(?:-\d{1,4}[A-Z]{0,3})?s?")

#: Words before a model that describe one unit of it, not its name: "the first A380".
_UNIT_WORDS = _words("first second third last final new latest next")

#: Nouns that number things other than models: "Flight 447", "Route 66", "Resolution 242".
_NUMBERED_NOUNS = _words(
    """flight route highway interstate road room gate platform terminal runway number no no. bus line channel
    chapter page article section resolution paragraph unit district precinct ward lot case"""
)


def _has_digit(text: str) -> bool:
    return any(c.isdigit() for c in text)


def _code_of(token: Token) -> tuple[str, bool] | None:
    """The model designation a token spells (plural "s" dropped) and whether it needs
    evidence beyond its shape (digits only), else ``None``."""
    text = token.text
    if _LETTER_CODE.fullmatch(text):
        return text[:-1] if text.endswith("s") else text, False
    if _DIGIT_CODE.fullmatch(text):
        bare = text[:-1] if text.endswith("s") else text
        if bare.isdigit() and len(bare) == 4 and (1000 <= int(bare) <= 2099 or bare[0] == "0"):
            return None  # a year, or a time of day ("0800 UTC")
        return bare, True
    return None


def _product_words(doc: Doc, i: int, owner: list[int], limit: int = 2) -> int:
    """Token end of the model name after a designation: "787 *Dreamliner*", "A350 *XWB*"."""
    j = i
    n = len(doc)
    while j < n and j - i < limit and owner[j] < 0 and not _sent_start(doc[j]):
        token = doc[j]
        if not (_cap(token) and token.is_alpha) or token.lower_ in _CALENDAR or token.text in _ERAS:
            break
        if is_title_head(token.text):
            break
        j += 1
    return j


def _products(doc: Doc, candidates: list[_Candidate], lower_words: set[str]) -> list[_Candidate]:
    """Products named by a maker and a model ("Boeing 787 Dreamliner", "Airbus A380"), by a
    model designation alone ("A380s", "DC-9"), or by a maker and a name the model labels a
    product ("Lockheed Tristar").

    The maker's name becomes part of the product's name (the mention is of the aircraft,
    not of the company), except in a possessive ("Boeing's 787"). A designation made of
    digits alone is a product only with evidence: a maker right before it, a model name
    after it, the model's PRODUCT label, or the same designation as a product elsewhere in
    the article. Returns the product candidates and removes the makers it absorbed, and
    candidates that were a product misread, from ``candidates``.
    """
    n = len(doc)
    owner = [-1] * n
    for k, c in enumerate(candidates):
        for i in range(c.ts, c.te):
            owner[i] = k
    labelled = {i for e in doc.ents if e.label_ == "PRODUCT" for i in range(e.start, e.end)}
    absorbed: set[int] = set()
    found: list[_Candidate] = []
    codes: set[str] = set()
    names: set[str] = set()

    def maker_before(i: int) -> int | None:
        """Index of an organisation candidate ending right before token ``i``."""
        k = owner[i - 1] if i > 0 and not _sent_start(doc[i]) else -1
        if k >= 0 and candidates[k].te == i and candidates[k].type == "organization" and k not in absorbed:
            return k
        return None

    def add(ts: int, core: int, te: int, label: str) -> None:
        maker = maker_before(ts)
        if maker is not None:
            absorbed.add(maker)
            ts = candidates[maker].ts
            while ts < core and doc[ts].lower_ in _UNIT_WORDS:
                ts += 1
        found.append(_Candidate(ts, te, label, "product", "product"))
        for i in range(ts, te):
            owner[i] = len(candidates) + len(found) - 1
        names.update(t.lower_.removesuffix("s") for t in doc[core:te] if t.is_alpha)

    def misread(i: int) -> bool:
        """The model token ends a non-product candidate ("First Airbus A380" as ORG): take it over."""
        k = owner[i]
        if k < 0 or k >= len(candidates) or candidates[k].te != i + 1:
            return False
        absorbed.add(k)
        ts = candidates[k].ts
        while ts < i and doc[ts].lower_ in _UNIT_WORDS:
            ts += 1
        for j in range(candidates[k].ts, i + 1):
            owner[j] = -1
        end = _product_words(doc, i + 1, owner)
        add(ts, i, end, "model")
        return True

    texts = column(doc, "ORTH")
    # Only words with a digit can be designations, and only labelled words model names.
    for i in sorted({i for i, t in enumerate(texts) if _has_digit(t)} | labelled):
        token = doc[i]
        if not token.text[:1].isalnum():
            continue
        code = _code_of(token)
        if code is not None and i > 0 and doc[i - 1].lower_ in _NUMBERED_NOUNS:
            continue
        if code is not None:
            bare, weak = code
            if owner[i] >= 0:
                if owner[i] < len(candidates) and misread(i):
                    codes.add(bare)
                continue
            end = _product_words(doc, i + 1, owner)
            possessor = i > 1 and doc[i - 1].lower_ in ("'s", "’s") and owner[i - 2] >= 0
            evidence = not weak or end > i + 1 or i in labelled or maker_before(i) is not None or possessor
            if evidence:
                codes.add(bare)
                add(i, i, end, "model")
        elif i in labelled and owner[i] < 0 and _cap(token) and token.is_alpha and token.lower_ not in lower_words:
            # A model name without digits ("Tristar", "Dreamliner"), not the tail of another name.
            end = i + 1
            while end < n and end in labelled and _cap(doc[end]) and doc[end].is_alpha and owner[end] < 0:
                end += 1
            maker = maker_before(i)
            if maker is None:
                continue  # the small model's PRODUCT label on a lone word is too often a place or a name
            if maker is not None and _organisation_code(
                _call("actors", "known_actor", doc[candidates[maker].ts : end].text)
            ):
                continue  # "Lockheed Martin" is a company the model split in two
            add(i, i, end, "PRODUCT")
    # The same models named again without their evidence: "the final 717", "the Dreamliner".
    if codes or names:
        lowers = column(doc, "LOWER")
        for i in [i for i, t in enumerate(lowers) if _has_digit(t) or t.removesuffix("s") in names]:
            token = doc[i]
            if owner[i] >= 0:
                continue
            code = _code_of(token)
            plain = token.lower_.removesuffix("s")
            if (code is not None and code[0] in codes) or (_cap(token) and token.is_alpha and plain in names):
                if token.is_alpha and (_sent_start(token) and token.lower_ in lower_words):
                    continue
                end = _product_words(doc, i + 1, owner)
                add(i, i, end, "model")
    for k in sorted(absorbed, reverse=True):
        del candidates[k]
    return found
