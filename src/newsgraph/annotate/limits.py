"""Bounds on what reaches the model: punctuation runs in short tokens, sentences of bounded length.

spaCy's tokenizer strips prefix and suffix characters one at a time, copying the rest of the
string each time, so a run of punctuation without a space costs time quadratic in its length
(2,000 "(" take over a second, 20,000 about two minutes). :class:`RunSplittingTokenizer`
cuts every long run into pieces of :data:`RUN_PIECE` characters before the tokenizer sees it;
the text (and so every offset) stays exactly as it was, only the token boundaries inside the
run change. Text without such a run takes the tokenizer's own path untouched.

The parser and the extractors that walk its trees cost more than linearly in sentence
length; a text without sentence punctuation is one sentence of any length. The
``newsgraph_sentence_cap`` component, placed before the parser, starts a sentence wherever
one has run on for ``max_tokens`` tokens; the parser respects sentence starts set before it.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from typing import Any

import numpy
from spacy.language import Language
from spacy.tokens import Doc

from newsgraph.annotate import budget

SENTENCE_CAP_COMPONENT = "newsgraph_sentence_cap"
#: Punctuation runs are cut into tokens of this many characters.
RUN_PIECE = 16
#: A run of at least this many punctuation characters without a space is cut (shorter runs
#: cost the tokenizer under a millisecond).
_LONG_RUN = re.compile(rf"[^\w\s]{{{2 * RUN_PIECE},}}")
#: Tokens that end a sentence; a forced start goes after the last of them when there is one.
_SENTENCE_END = frozenset({".", "!", "?", "...", "…"})
#: Closing marks that belong to the sentence they follow (’He left.” She ...’).
_CLOSERS = frozenset({"”", "’", '"', "'", "»", ")", "]", "''"})
#: Tokens after which a forced start falls if no sentence end is near: clause breaks.
_CLAUSE_BREAK = frozenset({";", ",", ":", "—", "–", "-", ")", "]"})


class RunSplittingTokenizer:
    """The model's tokenizer, with long punctuation runs cut into pieces first."""

    def __init__(self, tokenizer: Any) -> None:
        self.tokenizer = tokenizer
        self.vocab = tokenizer.vocab

    def __call__(self, text: str) -> Doc:
        if _LONG_RUN.search(text) is None:
            return self.tokenizer(text)
        docs: list[Doc] = []
        position = 0
        for run in _LONG_RUN.finditer(text):
            if run.start() > position:
                docs.append(self.tokenizer(text[position : run.start()]))
            end = run.end()
            pieces = [text[i : min(i + RUN_PIECE, end)] for i in range(run.start(), end, RUN_PIECE)]
            docs.append(Doc(self.vocab, words=pieces, spaces=[False] * len(pieces)))
            position = end
        if position < len(text):
            docs.append(self.tokenizer(text[position:]))
        return Doc.from_docs(docs, ensure_whitespace=False)

    def pipe(self, texts: Any, batch_size: int = 1000) -> Iterator[Doc]:
        for text in texts:
            yield self(text)

    def __getattr__(self, name: str) -> Any:
        # Everything else (rules, explain, serialisation, memory zones) is the wrapped tokenizer's.
        return getattr(self.tokenizer, name)


#: A stretch with sentence ends is cut (at the last of them) only past this many times the cap:
#: the parser chooses among sentence ends itself, and news sentences never come near it.
HARD_CAP_FACTOR = 4


def cap_starts(words: list[str], starts: list[bool], max_tokens: int) -> list[int]:
    """Indices of tokens that must start a sentence so that no sentence runs on unbounded.

    ``words`` are the token texts and ``starts`` the sentence starts already set (paragraph
    breaks). A run of ``max_tokens`` tokens without a sentence end (. ! ? …) is cut after its
    last clause break (; , : dashes), else at the limit. Text with sentence ends is left to the
    parser, up to :data:`HARD_CAP_FACTOR` times the limit, where it is cut after the last
    sentence end. Ordinary prose gets no forced start; no sentence of the parse is longer than
    ``HARD_CAP_FACTOR * max_tokens`` tokens, none without a sentence end longer than ``max_tokens``.
    """
    forced: list[int] = []
    start = 0
    end = clause = -1  # the token after the last sentence end / clause break since ``start``
    i = 1
    while i < len(words):
        if starts[i]:
            start, end, clause = i, -1, -1
            i += 1
            continue
        previous = words[i - 1]
        if previous in _SENTENCE_END or (previous in _CLOSERS and end == i - 1):
            end = i
        elif previous in _CLAUSE_BREAK:
            clause = i
        anchor = max(start, end)
        cut = -1
        if i - anchor >= max_tokens:  # run-on: no sentence end for max_tokens tokens
            cut = clause if clause > anchor else i
        elif i - start >= HARD_CAP_FACTOR * max_tokens and end > start:
            cut = end
        if cut == -1:
            i += 1
            continue
        forced.append(cut)
        # Start again from the cut: marks between it and i count in the new stretch.
        start, end, clause = cut, -1, -1
        i = cut + 1
    return forced


class SentenceCap:
    """Pipeline component: no sentence longer than ``max_tokens`` tokens reaches the parser."""

    def __init__(self, max_tokens: int) -> None:
        self.max_tokens = max_tokens

    def __call__(self, doc: Doc) -> Doc:
        if len(doc) <= self.max_tokens:
            return doc
        # Only the stretches between starts already set (paragraph breaks) that are longer
        # than the cap are looked at token by token; ordinary articles pass in one array scan.
        starts = numpy.flatnonzero(doc.to_array("SENT_START") == 1).tolist()
        bounds = [0, *(s for s in starts if s > 0), len(doc)]
        for low, high in itertools.pairwise(bounds):
            if high - low <= self.max_tokens:
                continue
            words = [t.text for t in doc[low:high]]
            for i in cap_starts(words, [True] + [False] * (len(words) - 1), self.max_tokens):
                doc[low + i].is_sent_start = True
        return doc


@Language.factory(
    SENTENCE_CAP_COMPONENT,
    default_config={"max_tokens": 250},
    assigns=["token.is_sent_start"],
)
def make_sentence_cap(nlp: Language, name: str, max_tokens: int) -> SentenceCap:
    return SentenceCap(max_tokens)


def windows(text: str, size: int) -> list[str]:
    """``text`` cut into consecutive pieces of at most ``size`` characters that join back to it.

    A cut goes after the last line break (a paragraph end) in the second half of the window,
    else after its last space, else at the limit.
    """
    pieces: list[str] = []
    start = 0
    while len(text) - start > size:
        low, high = start + size // 2, start + size
        cut = text.rfind("\n", low, high)
        if cut == -1:
            cut = text.rfind(" ", low, high)
        cut = high if cut == -1 else cut + 1
        pieces.append(text[start:cut])
        start = cut
    pieces.append(text[start:])
    return pieces


def annotate_by_windows(nlp: Language, text: str, size: int) -> Doc:
    """``nlp(text)`` for a long text, window by window (see :func:`windows`), as one Doc.

    The model's working memory is that of one window; the joined Doc keeps every token,
    tag, parse, entity and sentence, at the offsets of ``text``. The article's time budget is
    checked between windows.
    """
    docs = []
    for piece in windows(text, size):
        budget.check()
        docs.append(nlp(piece))
    doc = Doc.from_docs(docs, ensure_whitespace=False)
    assert doc is not None
    return doc
