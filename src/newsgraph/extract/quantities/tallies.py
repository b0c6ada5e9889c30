"""Two-sided figures and the match clock: scores ("won 2-1"), vote tallies ("voted 7-4", "by 7 votes
to 4", "9 in favour and 2 against") and minutes of play ("in the 90th minute", "a 51st-minute
penalty", "on 51 minutes").

A pair of numbers joined by a hyphen is a score or a tally only when its sentence says which:
words of contests (won, beat, draw, goal, match) or of voting (voted, votes, motion, ruling);
the nearer cue decides when a sentence has both. A pair whose first number is the smaller
("a 1-2 defeat") needs the cue right beside it, since "2-3" is otherwise a range. Without a
cue the pair is neither (and not a quantity: "3-1" is no range).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from spacy.tokens import Doc, Span, Token

from newsgraph.extract.quantities.numbers import read_number
from newsgraph.extract.quantities.units import CURRENCY_PREFIXES, MONTHS, SMALL_NUMBERS, TENS, TIME_UNITS
from newsgraph.records import Quantity

__all__ = ["find_tallies"]


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_PAIR = re.compile(r"(\d{1,3})[-–](\d{1,3})")
_ORDINAL = re.compile(r"(\d{1,3})(?:st|nd|rd|th)")
_HYPHENS = frozenset({"-", "–"})

#: Words of voting: a pair of numbers in their sentence is a tally of votes.
_VOTE_CUES = _words(
    """vote votes voted voting ballot ballots motion motions resolution councillors councilors senators
    lawmakers legislators delegates jurors justices ruling ruled decision verdict abstained abstentions
    abstention majority approved rejected passed defeated referendum"""
)
#: Words of contests: a pair of numbers in their sentence is a score.
_SCORE_CUES = _words(
    """won win wins winning winner beat beats beating lost lose loses losing loss defeat defeated defeats draw
    drew drawn tie tied victory victories score scored scores scoreline lead led leading trailed trailing
    goal goals match matches game games half-time halftime final semi-final quarter-final fixture league cup
    thrashing thrashed rout routed edged clinched sealed inning innings set sets points runs wickets
    equaliser equalizer striker penalty"""
)
#: Cues that must stand right beside a pair whose first number is the smaller ("a 1-2 defeat").
_NEAR_CUES = _words(
    """defeat loss win victory draw vote votes voted decision ruling ruled lost drew won beat
    majority scoreline margin"""
)
#: What a score counts, when the sentence names it.
_SCORE_UNITS = {
    "goal": "goals",
    "goals": "goals",
    "scored": "goals",
    "penalty": "goals",
    "striker": "goals",
    "equaliser": "goals",
    "equalizer": "goals",
    "point": "points",
    "points": "points",
    "basket": "points",
    "try": "points",
    "tries": "points",
    "run": "runs",
    "runs": "runs",
    "inning": "runs",
    "innings": "runs",
    "set": "games",
    "sets": "games",
}
_FAVOUR = frozenset({"favour", "favor"})
_NUMBER_WORDS = frozenset(SMALL_NUMBERS) | frozenset(TENS)


def find_tallies(doc: Doc, blocked: Iterable[tuple[int, int]] = ()) -> tuple[list[Quantity], set[int]]:
    """Scores, vote tallies and match minutes of ``doc``, and the tokens they take up."""
    blocked = list(blocked)
    found: list[Quantity] = []
    taken: set[int] = set()
    text = doc.text
    i = 0
    n = len(doc)
    while i < n:
        token = doc[i]
        if ("d" not in token.shape_ and token.lower_ not in _NUMBER_WORDS) or i in taken:
            i += 1
            continue
        result = _votes_to(doc, i) or _in_favour(doc, i) or _pair(doc, i) or _minute(doc, i)
        if result is None or any(s < result[2] and result[1] < e for s, e in blocked):
            i += 1
            continue
        quantity, start_char, end_char, tokens = result
        quantity.start, quantity.end, quantity.text = start_char, end_char, text[start_char:end_char]
        found.append(quantity)
        taken.update(tokens)
        i = max(tokens) + 1
    return found, taken


_Found = tuple[Quantity, int, int, range]


def _sentence(doc: Doc, i: int) -> Span:
    return doc[i].sent if doc.has_annotation("SENT_START") else doc[:]


def _pair(doc: Doc, i: int) -> _Found | None:
    """ "2-1" (one token or three) with a cue of contest or vote in its sentence."""
    token = doc[i]
    glued = _PAIR.fullmatch(token.text)
    if glued is not None:
        first, second, last = float(glued[1]), float(glued[2]), i
    elif (
        token.is_digit
        and len(token.text) <= 3
        and i + 2 < len(doc)
        and doc[i + 1].text in _HYPHENS
        and not token.whitespace_
        and not doc[i + 1].whitespace_
        and doc[i + 2].is_digit
        and len(doc[i + 2].text) <= 3
    ):
        first, second, last = float(token.text), float(doc[i + 2].text), i + 2
    else:
        return None
    before = doc[i - 1] if i > 0 else None
    after = doc[last + 1] if last + 1 < len(doc) else None
    if before is not None and (
        before.text in CURRENCY_PREFIXES or before.lower_ in MONTHS or before.text in {"No.", "-", "–"}
    ):
        return None  # "$3-2", "May 3-2", a "4-3-3" formation
    if after is not None and (after.lower_ in TIME_UNITS or after.text in {"%", "-", "–"} or after.lower_ == "percent"):
        return None
    kind = _kind(doc, i, last)
    if kind is None:
        return None
    if first < second and not _cue_beside(doc, i, last):
        return None  # "2-3" with no contest or vote beside it is a range
    quantity = _two_sided(doc, kind, first, second, i)
    return quantity, token.idx, doc[last].idx + len(doc[last].text), range(i, last + 1)


def _kind(doc: Doc, first: int, last: int) -> str | None:
    """``vote`` or ``score`` by the nearest cue of its sentence, else ``None``."""
    sentence = _sentence(doc, first)
    best: tuple[int, str] | None = None
    for token in sentence:
        lower = token.lower_
        kind = "vote" if lower in _VOTE_CUES else "score" if lower in _SCORE_CUES else None
        if kind is None or first <= token.i <= last:
            continue
        distance = first - token.i if token.i < first else token.i - last
        if best is None or distance < best[0]:
            best = (distance, kind)
    return best[1] if best else None


def _cue_beside(doc: Doc, first: int, last: int) -> bool:
    low, high = max(0, first - 2), min(len(doc), last + 3)
    return any(doc[k].lower_ in _NEAR_CUES for k in range(low, high) if not first <= k <= last)


def _two_sided(doc: Doc, kind: str, value: float, against: float, at: int) -> Quantity:
    if kind == "vote":
        return Quantity(0, 0, "", value=value, unit="votes", what="votes", category="vote", against=against)
    unit = "score"
    for token in _sentence(doc, at):
        if token.lower_ in _SCORE_UNITS:
            unit = _SCORE_UNITS[token.lower_]
            break
    return Quantity(
        0, 0, "", value=value, unit=unit, what=None if unit == "score" else unit, category="score", against=against
    )


def _votes_to(doc: Doc, i: int) -> _Found | None:
    """ "7 votes to 4", "by 300 votes to 250", "a vote of 7 to 4"."""
    number = read_number(doc, i)
    if number is None or number.scaled or number.fraction:
        return None
    j = number.end
    if j + 1 < len(doc) and doc[j].lower_ in {"votes", "vote"} and doc[j + 1].lower_ == "to":
        second = read_number(doc, j + 2) if j + 2 < len(doc) else None
        start_char = doc[i].idx
    elif (
        i >= 2
        and doc[i - 1].lower_ == "of"
        and doc[i - 2].lower_ == "vote"
        and j < len(doc)
        and doc[j].lower_ in {"to", "-", "–"}
    ):
        second = read_number(doc, j + 1) if j + 1 < len(doc) else None
        start_char = doc[i].idx
    else:
        return None
    if second is None or second.scaled or second.fraction:
        return None
    quantity = Quantity(0, 0, "", value=number.value, unit="votes", what="votes", category="vote")
    quantity.against = second.value
    return quantity, start_char, second.end_char, range(i, second.end)


def _in_favour(doc: Doc, i: int) -> _Found | None:
    """ "nine in favour and two against", "7 for, 4 against", "7 in favour, 4 against and 1 abstention"."""
    number = read_number(doc, i)
    if number is None or number.scaled or number.fraction:
        return None
    j = number.end
    if j + 1 < len(doc) and doc[j].lower_ == "in" and doc[j + 1].lower_ in _FAVOUR:
        k = j + 2
    elif j < len(doc) and doc[j].lower_ == "for" and j + 1 < len(doc) and doc[j + 1].text in {",", "and", "to"}:
        k = j + 1
    else:
        return None
    # The number against follows within a few words: "and two against", ", 4 against".
    for m in range(k, min(len(doc), k + 4)):
        if "d" in doc[m].shape_ or doc[m].lower_ not in {",", "and", "to", "with"}:
            second = read_number(doc, m)
            if second is None or second.end >= len(doc) or doc[second.end].lower_ != "against":
                return None
            quantity = Quantity(0, 0, "", value=number.value, unit="votes", what="votes", category="vote")
            quantity.against = second.value
            last = doc[second.end]
            return quantity, doc[i].idx, last.idx + len(last.text), range(i, second.end + 1)
    return None


def _minute(doc: Doc, i: int) -> _Found | None:
    """ "the 90th minute", "a 51st-minute penalty", "on 51 minutes"."""
    token = doc[i]
    n = len(doc)
    ordinal = _ORDINAL.fullmatch(token.text)
    if ordinal is not None:
        j = i + 1
        hyphenated = j < n and doc[j].text in _HYPHENS and not token.whitespace_
        if hyphenated:
            j += 1
        if j >= n or doc[j].lower_ != "minute":
            return None
        quantity = Quantity(0, 0, "", value=float(ordinal[1]), unit="minute", category="match time")
        what = _minute_of(doc[j]) if hyphenated else None
        if what is not None:
            quantity.what, quantity.what_start, quantity.what_end = what.text, what.idx, what.idx + len(what.text)
        return quantity, token.idx, doc[j].idx + len(doc[j].text), range(i, j + 1)
    if (
        token.is_digit
        and i > 0
        and doc[i - 1].lower_ == "on"
        and i + 1 < n
        and doc[i + 1].lower_ == "minutes"
        and float(token.text) <= 130
        and not (i + 2 < n and (doc[i + 2].lower_ in {"of", "'", "’"} or doc[i + 2].text.startswith(("'", "’"))))
    ):
        quantity = Quantity(0, 0, "", value=float(token.text), unit="minute", category="match time")
        return quantity, token.idx, doc[i + 1].idx + len(doc[i + 1].text), range(i, i + 2)
    return None


def _minute_of(minute: Token) -> Token | None:
    """The noun a "51st-minute" compound modifies ("penalty", "winner")."""
    head = minute.head
    if head.i > minute.i and head.pos_ in {"NOUN", "PROPN"} and head.is_alpha:
        return head
    following = minute.doc[minute.i + 1] if minute.i + 1 < len(minute.doc) else None
    if following is not None and following.is_alpha and following.is_lower and not following.is_stop:
        return following
    return None
