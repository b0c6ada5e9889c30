"""What the passes that tie quotes to their attributions share: the article's layout, a link,
and which quoted spans are fragments rather than statements."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import NamedTuple

from spacy.tokens import Doc, Span, Token

from newsgraph.annotate import offsets
from newsgraph.extract.quotes.marks import MarkSpan
from newsgraph.extract.quotes.reported import Frame

#: A quoted span this short (in words) without a verb is a scare quote or a quoted phrase.
_SHORT_WORDS = 3
#: Double quotation marks of any kind (a speech verb beyond one belongs to another quote).
_DOUBLE_MARK = re.compile(r"[“”„‟«»\"]")


class Layout(NamedTuple):
    """Where the article's paragraphs, sentences, tokens and quotation marks are: what the
    passes look up, so that each quote costs a few lookups rather than a scan of the article."""

    paragraphs: list[tuple[int, int]]
    para_starts: list[int]
    sents: list[Span]
    sent_starts: list[int]
    #: Character offset of each token.
    token_starts: list[int]
    #: Offsets of the double quotation marks, in order.
    double_marks: list[int]
    quoted: Quoted


def layout(doc: Doc, text: str, paragraphs: list[tuple[int, int]], marks: list[MarkSpan]) -> Layout:
    sents = list(doc.sents)
    return Layout(
        paragraphs,
        [p[0] for p in paragraphs],
        sents,
        [s.start_char for s in sents],
        offsets(doc),
        [m.start() for m in _DOUBLE_MARK.finditer(text)],
        Quoted(marks),
    )


class Quoted:
    """Which quoted span holds an offset, by bisection (the spans are in order and disjoint)."""

    def __init__(self, marks: list[MarkSpan]) -> None:
        self.marks = marks
        self.outer_starts = [m.outer_start for m in marks]
        self.outer_ends = [m.outer_end for m in marks]

    def _at(self, offset: int) -> MarkSpan | None:
        i = bisect.bisect_right(self.outer_starts, offset) - 1
        return self.marks[i] if i >= 0 and offset < self.outer_ends[i] else None

    def in_marks(self, offset: int) -> bool:
        """Whether ``offset`` is inside a quoted span, its marks included."""
        return self._at(offset) is not None

    def in_words(self, offset: int) -> bool:
        """Whether ``offset`` is inside the quoted words of a span (read live: a transcript
        label taken out of a quote moves its start)."""
        mark = self._at(offset)
        return mark is not None and mark.start <= offset < mark.end

    def overlapping(self, start: int, end: int) -> list[MarkSpan]:
        """The spans (marks included) that overlap ``[start, end)``, in order."""
        lo = bisect.bisect_right(self.outer_ends, start)
        hi = bisect.bisect_left(self.outer_starts, end)
        return self.marks[lo:hi]

    def covers(self, start: int, end: int, slack: int) -> bool:
        """Whether the quoted words of one span, widened by ``slack``, hold ``[start, end)``.

        Only the last span starting by ``start + slack`` and the one before it can: the
        earlier ones end before them."""
        i = bisect.bisect_right(self.outer_starts, start + slack) - 1
        return any(m.start - slack <= start and end <= m.end + slack for m in self.marks[max(0, i - 1) : i + 1])


@dataclass(slots=True)
class Attribution:
    frame: Frame
    #: How the quote was tied to the frame: "content", "inside", "beside", "context".
    how: str


def is_fragment(doc: Doc, mark: MarkSpan) -> bool:
    """A short verbless quoted phrase ("imperative", “Crooked Hillary”): a partial quote."""
    span = doc.char_span(mark.start, mark.end, alignment_mode="expand")
    if span is None:
        return True
    words = [t for t in span if not t.is_punct]
    if len(words) > _SHORT_WORDS and not is_title(words):
        return False
    return not any(t.tag_.startswith("VB") or t.tag_ == "MD" for t in words)


def is_title(words: list[Token]) -> bool:
    """A title in marks (“The Late Show with Stephen Colbert”): every word but short function
    words capitalised. (Its verbs are checked by the caller: “Make America Great Again” is speech.)"""
    return len(words) <= 10 and all(t.is_title or t.is_upper or (t.is_lower and len(t) <= 4) for t in words)
