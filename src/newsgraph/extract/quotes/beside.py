"""A cue beside its quote: a speech verb in the quote's sentence (“…,” X said / X said: “…”),
a dash signature after it (“…” ― Name) or a transcript label inside it ("PENCE: …")."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator

from spacy.tokens import Doc, Token

from newsgraph.extract.quotes.attribution import addressee_of, party, subject_of
from newsgraph.extract.quotes.cues import cue_verb
from newsgraph.extract.quotes.layout import Attribution, Layout, Quoted
from newsgraph.extract.quotes.marks import MarkSpan
from newsgraph.extract.quotes.reported import Frame
from newsgraph.records import Document

#: “…” ― Name: a dash and a capitalised name right after the closing mark.
_DASH_SIGNATURE = re.compile(r"[ \t\u00a0]*([―—])[ \t\u00a0]*(?=[A-Z])")
#: "PENCE: …": a transcript label, one to three capitalised words in upper case, then a colon.
_LABEL = re.compile(r"([A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+){0,2}):\s+")
#: Pronouns that may stand for a speaker the parser lost ("“…,” she, too, said").
_SUBJECT_PRONOUNS = frozenset({"he", "she", "they", "we", "i"})
#: Characters between a quote's end and a speech verb after it: ``…,” Prime Minister X said``.
CUE_GAP = 80
#: Characters a speaker's words may take between a quote and the verb after them.
_SUBJECT_REACH = 200
#: No verb is longer: tokens starting this far before the gap may still end inside it.
_LONGEST_VERB = 40
_DOUBLE_MARKS = '“”„‟«»"'


def speech_cue(token: Token) -> bool:
    cue = cue_verb(token.text)
    if cue is None:
        # "as Milbank put it, “…”": "put it" quotes someone's words.
        return token.lower_ in ("put", "puts") and any(c.lower_ == "it" and c.dep_ == "dobj" for c in token.children)
    return token.tag_.startswith("VB")


def _verb_frame(document: Document, verb: Token, quoted: Quoted, mark: MarkSpan) -> Frame:
    """A frame for a speech verb standing beside a quote ("…,” he said)."""
    cue = cue_verb(verb.text)
    subject = subject_of(verb)
    if subject is not None and quoted.in_words(subject.idx):
        subject = None  # the parser took quoted words for the subject
    if subject is None and verb.idx >= mark.outer_end:
        subject = _name_after_quote(verb, mark)
    speaker = party(document, subject) if subject is not None else None
    addressee_token = addressee_of(verb, True, cue.addressee) if cue is not None else None
    addressee = party(document, addressee_token) if addressee_token is not None else None
    start, end = verb.idx, verb.idx + len(verb)
    for child in verb.children:
        if child.dep_ in ("aux", "neg") and child.i < verb.i and verb.i - child.i <= 3:
            start = min(start, child.idx)
    return Frame(document.text[start:end], start, end, start, end, verb.i, speaker, addressee, "beside")


def cue_beside(doc: Doc, document: Document, mark: MarkSpan, layout: Layout) -> Attribution | None:
    """A speech verb in the quote's sentence, outside any quote: before it (“X said: …”) or after."""
    sents, sent_starts = layout.sents, layout.sent_starts
    first = max(0, bisect.bisect_right(sent_starts, mark.start) - 1)
    last = max(0, bisect.bisect_right(sent_starts, max(mark.start, mark.end - 1)) - 1)
    # The sentence after the quote when the quote ends its sentence: “…,” / he said.
    if last + 1 < len(sents) and 0 <= sents[last + 1].start_char - mark.outer_end < 2:
        last += 1
    lo, hi = sents[first].start, sents[last].end
    best: tuple[int, Token] | None = None
    # “…,” X barked: after a quote that ends on a comma (or ? !) any verb with a subject attributes it.
    open_ended = document.text[mark.end - 1 : mark.end] in (",", "?", "!")
    for token in _near(doc, mark, layout, lo, hi):
        any_verb = open_ended and token.idx >= mark.outer_end and token.tag_ in ("VBD", "VBZ")
        if not (speech_cue(token) or any_verb):
            continue
        if layout.quoted.in_marks(token.idx):
            continue
        if _owns_elsewhere(token, mark, layout.quoted):
            continue
        if token.idx >= mark.outer_end:
            subject = subject_of(token)
            first = token.idx
            if subject is not None and subject.i < token.i and subject.left_edge.idx >= mark.outer_end:
                first = subject.left_edge.idx
            gap = first - mark.outer_end
            between = document.text[mark.outer_end : token.idx]
        else:
            gap = mark.outer_start - (token.idx + len(token))
            between = document.text[token.idx + len(token) : mark.outer_start]
        if gap > CUE_GAP or any(c in between for c in _DOUBLE_MARKS):
            continue
        linked = token.head.idx >= mark.start and token.head.idx < mark.end
        linked = linked or any(mark.start <= c.idx < mark.end for c in token.children)
        if not linked and gap > 40:
            continue
        if subject_of(token) is None and not linked:
            continue
        score = gap - (100 if linked else 0)
        if best is None or score < best[0]:
            best = (score, token)
    if best is None:
        return _signed(doc, document, mark)
    return Attribution(_verb_frame(document, best[1], layout.quoted, mark), "beside")


def _near(doc: Doc, mark: MarkSpan, layout: Layout, lo: int, hi: int) -> Iterator[Token]:
    """The tokens of ``doc[lo:hi]`` that may be the quote's cue, in order: within ``CUE_GAP``
    characters before the quote, or after it up to the next quotation mark (a speaker's words
    before the verb reach at most ``_SUBJECT_REACH`` further). Only these can pass the tests
    of :func:`cue_beside`; looking no further keeps an article's cost linear in its quotes."""
    starts, marks = layout.token_starts, layout.double_marks
    k = bisect.bisect_left(marks, mark.outer_start) - 1
    before = max(mark.outer_start - CUE_GAP, marks[k] + 1 if k >= 0 else 0) - _LONGEST_VERB
    k = bisect.bisect_left(marks, mark.outer_end)
    after = mark.outer_end + CUE_GAP + _SUBJECT_REACH
    if k < len(marks):
        after = min(after, marks[k])
    for i in range(max(lo, bisect.bisect_left(starts, before)), min(hi, bisect.bisect_left(starts, mark.outer_start))):
        yield doc[i]
    for i in range(max(lo, bisect.bisect_left(starts, mark.outer_end)), min(hi, bisect.bisect_right(starts, after))):
        yield doc[i]


def _name_after_quote(verb: Token, mark: MarkSpan) -> Token | None:
    """The speaker the parser lost after a quote: the noun phrase between the quote and the
    verb (“…,” Ramos, 58, told AFP), or right after a verb that follows the quote (“…,” said
    Rep. Elijah Cummings). Parses of these inverted and interrupted forms often go wrong."""
    doc = verb.doc
    first = verb.i
    while first > verb.sent.start and doc[first - 1].idx >= mark.outer_end:
        first -= 1
    between = list(doc[first : verb.i])
    if not between or all(t.is_punct or t.is_space for t in between):
        between = list(doc[verb.i + 1 : min(verb.i + 8, verb.sent.end)])
    for token in between:
        if token.is_punct or token.is_space or token.tag_ in ("DT", "JJ", "PRP$", "POS"):
            continue
        pronoun = token.tag_ == "PRP" and token.lower_ in _SUBJECT_PRONOUNS
        if not (pronoun or token.tag_ in ("NNP", "NNPS", "NN", "NNS")):
            return None
        while token.dep_ == "compound" and token.head.i > token.i and token.head.tag_.startswith("NN"):
            token = token.head
        return token
    return None


def _signed(doc: Doc, document: Document, mark: MarkSpan) -> Attribution | None:
    """A quote signed with a dash after it (“…” ― Name), or a transcript's speaker label
    inside it ("PENCE: Well, look ...", the label is taken out of the quote)."""
    text = document.text
    after = _DASH_SIGNATURE.match(text, mark.outer_end)
    if after is not None:
        span = doc.char_span(after.end(), after.end() + 1, alignment_mode="expand")
        if span is not None and span[0].tag_ in ("NNP", "NNPS"):
            token = span[0]
            while token.i + 1 < len(doc) and doc[token.i + 1].tag_ in ("NNP", "NNPS"):
                token = doc[token.i + 1]
            dash = after.start(1)
            return Attribution(Frame(text[dash], dash, dash + 1, dash, dash, token.i, party(document, token)), "beside")
    label = _LABEL.match(text, mark.start)
    if label is not None and label.end() < mark.end:
        span = doc.char_span(label.start(), label.end(1), alignment_mode="expand")
        if span is not None:
            colon = label.end(1)
            mark.start = label.end()
            speaker = party(document, span[-1])
            return Attribution(Frame(":", colon, colon + 1, colon, colon, span[-1].i, speaker), "beside")
    return None


def _owns_elsewhere(verb: Token, mark: MarkSpan, quoted: Quoted) -> bool:
    """The verb attributes something else: its complement lies away from the quote, or the
    quote is part of its subject ("3 percent of self-identified “liberals” said they ...").

    A complement that is itself another quote is no obstacle: “A,” she wrote, “B.” is one
    statement in two parts, and the parser hangs only the second on the verb."""
    for child in verb.children:
        if child.dep_ in ("ccomp", "nsubj", "nsubjpass", "dobj", "xcomp"):
            start, end = child.left_edge.idx, child.right_edge.idx + len(child.right_edge)
            inside = start <= mark.start and mark.end <= end + 1
            if child.dep_.startswith("nsubj") and inside:
                return True
            away = (
                child.dep_ in ("ccomp", "xcomp") and end - start > 10 and min(end, mark.end) <= max(start, mark.start)
            )
            if away and not quoted.covers(start, end, 2):
                return True
    return False
