"""What the passes that tie quotes to their attributions share: the article's layout, a link,
and which quoted spans are fragments rather than statements."""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

from spacy.tokens import Doc, Span, Token

from newsgraph.extract.quotes.marks import MarkSpan
from newsgraph.extract.quotes.reported import Frame

#: A quoted span this short (in words) without a verb is a scare quote or a quoted phrase.
_SHORT_WORDS = 3


class Layout(NamedTuple):
    """Where the article's paragraphs and sentences start: what the context passes look up."""

    paragraphs: list[tuple[int, int]]
    para_starts: list[int]
    sents: list[Span]
    sent_starts: list[int]


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
