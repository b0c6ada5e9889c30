"""Quotation-mark spans: where quoted words begin and end.

Handles curly (“ ”), straight (") and low-high („ “) double marks, guillemets (« ») and
the doubled apostrophes some archives print for double marks ('' '').
Single marks (‘ ’ ') are left alone: inside a double-quoted passage they nest, and at top
level they are too often apostrophes to pair safely.

News copy breaks the rules in three ways this module expects:

* a quote running over several paragraphs opens a mark on each paragraph and closes only
  at the end; each paragraph becomes one span, linked to the previous one (``continues``);
* a mark is missing: an opening without a closing ends at the paragraph's end, a closing
  without an opening starts at the paragraph's start (or after the previous quote); both
  are flagged ``closed=False`` rather than dropping the article's remaining quotes;
* straight marks, which do not say whether they open or close: the side a space is on
  decides, then the alternation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_OPENERS = {"“", "„", "«", '"', "‟", "''", "``"}
_CLOSERS = {"”", "»", '"', "''"}
#: Two apostrophes (and two backticks) stand for double marks in some archives ('' ... '').
_MARK = re.compile(r"''|``|[“”„‟«»\"]")
_AMBIGUOUS = {'"', "''"}
#: Characters that may stand before an opening straight mark.
_BEFORE_OPEN = set(" \t\n([{—–-/:;,")


@dataclass(slots=True)
class MarkSpan:
    """One quoted passage inside one paragraph.

    ``start``/``end`` enclose the quoted words (marks excluded); ``outer_start``/
    ``outer_end`` include the marks that were found.
    """

    start: int
    end: int
    outer_start: int
    outer_end: int
    #: False when a mark was missing and the span was recovered from the paragraph.
    closed: bool = True
    #: Index of the span this one continues (a quote running over paragraphs), else None.
    continues: int | None = None
    #: True when the quote goes on in the next paragraph.
    continued: bool = False


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _opens(text: str, i: int, j: int, lo: int, hi: int) -> bool | None:
    """For a straight mark at ``text[i:j]``: True if it opens, False if it closes, None if unclear."""
    before = text[i - 1] if i > lo else " "
    after = text[j] if j < hi else " "
    if before in _BEFORE_OPEN and not after.isspace():
        return True
    if not before.isspace() and (after.isspace() or after in ".,;:!?)—–-"):
        return False
    return None


def paragraph_marks(text: str, lo: int, hi: int) -> tuple[list[tuple[int, int, int, int, bool]], bool]:
    """Quoted spans of ``text[lo:hi]`` as ``(start, end, outer_start, outer_end, closed)``.

    The second value is True when the paragraph ends inside an open quote.
    """
    spans: list[tuple[int, int, int, int, bool]] = []
    open_at: int | None = None
    open_end = lo
    last_end = lo
    for match in _MARK.finditer(text, lo, hi):
        i, j, mark = match.start(), match.end(), match.group()
        if mark in _AMBIGUOUS:
            opens = _opens(text, i, j, lo, hi)
            if opens is None:
                opens = open_at is None
        else:
            opens = mark in _OPENERS and mark not in _CLOSERS
        if opens:
            if open_at is not None:  # an opening inside an open quote: the first closing went missing
                s, e = _strip(text, open_end, i)
                if e > s:
                    spans.append((s, e, open_at, e, False))
                last_end = i
            open_at, open_end = i, j
        elif open_at is not None:
            s, e = _strip(text, open_end, i)
            if e > s:
                spans.append((s, e, open_at, j, True))
            open_at, last_end = None, j
        else:  # a closing without an opening: recover the start
            s, e = _strip(text, last_end, i)
            if e > s:
                spans.append((s, e, s, j, False))
            last_end = j
    if open_at is not None:
        s, e = _strip(text, open_end, hi)
        if e > s:
            spans.append((s, e, open_at, e, False))
        return spans, True
    return spans, False


def find_marks(text: str, paragraphs: list[tuple[int, int]]) -> list[MarkSpan]:
    """Every quoted span of ``text``, paragraph by paragraph, in order."""
    result: list[MarkSpan] = []
    pending: int | None = None  # index of a span left open at the end of the previous paragraph
    for lo, hi in paragraphs:
        spans, left_open = paragraph_marks(text, lo, hi)
        first_opens = bool(spans) and spans[0][2] == _strip(text, lo, hi)[0] and text[spans[0][2]] in "“„«\"‟'`"
        for n, (s, e, os_, oe, closed) in enumerate(spans):
            span = MarkSpan(s, e, os_, oe, closed)
            if n == 0 and pending is not None and first_opens:
                # Paragraph-initial mark after an unclosed quote: the same quote goes on.
                span.continues = pending
                result[pending].continued = True
                result[pending].closed = True
            result.append(span)
        pending = len(result) - 1 if left_open and spans else None
    return result
