"""Quotes and reported speech: who said what, to whom.

Three passes over an annotated article:

1. :mod:`~newsgraph.extract.quotes.marks` finds the quoted spans (one per paragraph; a quote
   running over paragraphs is a chain of spans);
2. :mod:`~newsgraph.extract.quotes.reported` finds the attribution frames, each a cue with
   its speaker, addressee and content, from the dependency parse;
3. this module ties each quoted span to its frame: the frame whose content it is (a direct
   quote), the frame whose content it sits inside (a partial quote in mixed speech), a
   speech verb beside it ("…,” he said), the quote before it in the paragraph or the chain,
   or the introduction before it ("X issued a statement:" / "X said:"). What is tied to
   nothing stays a ``partial`` quote without a speaker.

Frames not tied to a quote are reported speech, ``mixed`` when their content holds quoted
words. A frame whose cue lies in another frame's content is left out: one attribution per
passage (a report inside a report is the outer speaker's words).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span, Token

from newsgraph.extract.entities import entity_at
from newsgraph.extract.quotes.attribution import Party, addressee_of, party, subject_of
from newsgraph.extract.quotes.cues import CUE_NOUNS, cue_verb
from newsgraph.extract.quotes.marks import MarkSpan, find_marks
from newsgraph.extract.quotes.reported import Frame, find_frames
from newsgraph.records import Document, Quote, QuoteKind

__all__ = ["extract_quotes"]

#: Share of a frame's content a quoted span must cover to be that content (a direct quote).
_DIRECT_SHARE = 0.75
#: A quoted span this short (in words) without a verb is a scare quote or a quoted phrase.
_SHORT_WORDS = 3
#: “…” ― Name: a dash and a capitalised name right after the closing mark.
_DASH_SIGNATURE = re.compile(r"[ \t]*([―—])[ \t]*(?=[A-Z])")
#: "PENCE: …": a transcript label, one to three capitalised words in upper case, then a colon.
_LABEL = re.compile(r"([A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+){0,2}):\s+")
#: Characters between a quote's end and a speech verb after it: ``…,” Prime Minister X said``.
_CUE_GAP = 80


@dataclass(slots=True)
class _Attribution:
    frame: Frame
    #: How the quote was tied to the frame: "content", "inside", "beside", "context".
    how: str


def extract_quotes(doc: Doc, document: Document) -> list[Quote]:
    """Direct quotes, partial quotes and reported speech of one article, in text order."""
    text = document.text
    paragraphs = [(p.start, p.end) for p in document.paragraphs] or [(0, len(text))]
    marks = find_marks(text, paragraphs)
    frames = find_frames(doc, document, [(m.outer_start, m.outer_end) for m in marks])
    frames = _outermost(frames)
    para_starts = [p[0] for p in paragraphs]
    sent_starts = [s.start_char for s in doc.sents]
    sents = list(doc.sents)

    links: list[_Attribution | None] = [None] * len(marks)
    used: set[int] = set()  # frames that are a direct quote's frame (not reported speech as well)
    for n, mark in enumerate(marks):
        link = _by_content(mark, frames)
        if link is None:
            link = _beside(doc, document, mark, marks, sents, sent_starts)
        if link is not None:
            links[n] = link
            if link.how == "content":
                used.add(id(link.frame))
    _by_context(doc, document, marks, links, paragraphs, para_starts, sents, sent_starts)
    _introduced_pronouns(doc, document, marks, links, paragraphs, para_starts, sents, sent_starts)

    quotes: list[Quote] = []
    for mark, link in zip(marks, links, strict=True):
        frame = link.frame if link else None
        kind: QuoteKind = "direct"
        if link is None or link.how == "inside" or _is_fragment(doc, mark):
            kind = "partial"
        quotes.append(_quote(document, mark.start, mark.end, kind, frame))
    for frame in frames:
        if id(frame) in used or not frame.reportable:
            continue
        inner = [m for m in marks if frame.content_start <= m.start and m.end <= frame.content_end]
        quoted = sum(m.end - m.start for m in inner)
        if quoted >= _DIRECT_SHARE * (frame.content_end - frame.content_start):
            continue  # the quote itself carries this attribution
        kind = "mixed" if inner else "reported"
        quotes.append(_quote(document, frame.content_start, frame.content_end, kind, frame))
    quotes.sort(key=lambda q: (q.start, -q.end))
    return quotes


def _quote(document: Document, start: int, end: int, kind: QuoteKind, frame: Frame | None) -> Quote:
    quote = Quote(start, end, document.text[start:end], kind)
    if frame is None:
        return quote
    quote.cue, quote.cue_start, quote.cue_end = frame.cue, frame.cue_start, frame.cue_end
    if frame.speaker is not None:
        speaker = frame.speaker
        quote.speaker, quote.speaker_entity = speaker.name, speaker.entity
        quote.speaker_start, quote.speaker_end, quote.via = speaker.start, speaker.end, speaker.via
    if frame.addressee is not None:
        addressee = frame.addressee
        quote.addressee, quote.addressee_entity = addressee.name, addressee.entity
        quote.addressee_start, quote.addressee_end = addressee.start, addressee.end
    return quote


def _outermost(frames: list[Frame]) -> list[Frame]:
    """Drop frames whose cue lies inside another frame's content (one attribution per passage),
    unless the inner frame is an absolute clause with a source of its own ("X said ..., with Y
    stating ...")."""
    kept = []
    for frame in frames:
        if any(
            other is not frame
            and other.content_start <= frame.cue_start < other.content_end
            and not _other_source(frame, other)
            for other in frames
        ):
            continue
        kept.append(frame)
    return kept


def _other_source(inner: Frame, outer: Frame) -> bool:
    speaker = inner.speaker
    if not inner.absolute or speaker is None or speaker.name is None or outer.speaker is None:
        return False
    if speaker.start >= outer.content_end or speaker.end <= outer.content_start:
        return False  # the inner frame's source is outside the outer content: a shared subject
    return speaker.entity != outer.speaker.entity or speaker.name != outer.speaker.name


def _by_content(mark: MarkSpan, frames: list[Frame]) -> _Attribution | None:
    """The frame whose content is this quote (direct) or holds it (partial, mixed speech)."""
    best: _Attribution | None = None
    for frame in frames:
        overlap = min(mark.end, frame.content_end) - max(mark.start, frame.content_start)
        if overlap <= 0:
            continue
        content = frame.content_end - frame.content_start
        if overlap >= _DIRECT_SHARE * content:
            return _Attribution(frame, "content")
        if mark.start >= frame.content_start - 2 and mark.end <= frame.content_end + 2:
            best = _Attribution(frame, "inside")
    return best


def _is_fragment(doc: Doc, mark: MarkSpan) -> bool:
    """A short verbless quoted phrase ("imperative", “Crooked Hillary”): a partial quote."""
    span = doc.char_span(mark.start, mark.end, alignment_mode="expand")
    if span is None:
        return True
    words = [t for t in span if not t.is_punct]
    if len(words) > _SHORT_WORDS:
        return False
    return not any(t.tag_.startswith("VB") or t.tag_ == "MD" for t in words)


def _speech_cue(token: Token) -> bool:
    cue = cue_verb(token.text)
    return cue is not None and token.tag_.startswith("VB")


def _verb_frame(document: Document, verb: Token, marks: list[MarkSpan]) -> Frame:
    """A frame for a speech verb standing beside a quote ("…,” he said)."""
    cue = cue_verb(verb.text)
    subject = subject_of(verb)
    if subject is not None and any(m.start <= subject.idx < m.end for m in marks):
        subject = None  # the parser took quoted words for the subject
    speaker = party(document, subject) if subject is not None else None
    addressee_token = addressee_of(verb, True, cue.addressee) if cue is not None else None
    addressee = party(document, addressee_token) if addressee_token is not None else None
    start, end = verb.idx, verb.idx + len(verb)
    for child in verb.children:
        if child.dep_ in ("aux", "neg") and child.i < verb.i and verb.i - child.i <= 3:
            start = min(start, child.idx)
    return Frame(document.text[start:end], start, end, start, end, verb.i, speaker, addressee, "beside")


def _beside(
    doc: Doc, document: Document, mark: MarkSpan, marks: list[MarkSpan], sents: list[Span], sent_starts: list[int]
) -> _Attribution | None:
    """A speech verb in the quote's sentence, outside any quote: before it (“X said: …”) or after."""
    first = max(0, bisect.bisect_right(sent_starts, mark.start) - 1)
    last = max(0, bisect.bisect_right(sent_starts, max(mark.start, mark.end - 1)) - 1)
    # The sentence after the quote when the quote ends its sentence: “…,” / he said.
    if last + 1 < len(sents) and 0 <= sents[last + 1].start_char - mark.outer_end < 2:
        last += 1
    lo, hi = sents[first].start, sents[last].end
    best: tuple[int, Token] | None = None
    # “…,” X barked: after a quote that ends on a comma (or ? !) any verb with a subject attributes it.
    open_ended = document.text[mark.end - 1 : mark.end] in (",", "?", "!")
    for token in doc[lo:hi]:
        if mark.outer_start <= token.idx < mark.outer_end:
            continue
        any_verb = open_ended and token.idx >= mark.outer_end and token.tag_ in ("VBD", "VBZ")
        if not (_speech_cue(token) or any_verb):
            continue
        if any(m.outer_start <= token.idx < m.outer_end for m in marks):
            continue
        if _owns_elsewhere(token, mark):
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
        if gap > _CUE_GAP or any(c in between for c in '“”"'):
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
    return _Attribution(_verb_frame(document, best[1], marks), "beside")


def _signed(doc: Doc, document: Document, mark: MarkSpan) -> _Attribution | None:
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
            return _Attribution(
                Frame(text[dash], dash, dash + 1, dash, dash, token.i, party(document, token)), "beside"
            )
    label = _LABEL.match(text, mark.start)
    if label is not None and label.end() < mark.end:
        span = doc.char_span(label.start(), label.end(1), alignment_mode="expand")
        if span is not None:
            colon = label.end(1)
            mark.start = label.end()
            speaker = party(document, span[-1])
            return _Attribution(Frame(":", colon, colon + 1, colon, colon, span[-1].i, speaker), "beside")
    return None


def _by_context(
    doc: Doc,
    document: Document,
    marks: list[MarkSpan],
    links: list[_Attribution | None],
    paragraphs: list[tuple[int, int]],
    para_starts: list[int],
    sents: list[Span],
    sent_starts: list[int],
) -> None:
    """Quotes with no cue of their own: the chain they belong to, the quote before them in the
    paragraph, or the introduction that ends the paragraph before."""
    # A quote over several paragraphs: one speaker for the whole chain, whichever part names it.
    for n, mark in enumerate(marks):
        if mark.continues is not None and links[n] is None and links[mark.continues] is not None:
            links[n] = _context(links[mark.continues])
    for n in range(len(marks) - 1, -1, -1):
        mark = marks[n]
        if mark.continues is not None and links[mark.continues] is None and links[n] is not None:
            links[mark.continues] = _context(links[n])
    for n, mark in enumerate(marks):
        if links[n] is not None or _is_fragment(doc, mark):
            continue
        para = bisect.bisect_right(para_starts, mark.start) - 1
        p_start = paragraphs[para][0]
        # The quote before, in the same paragraph: “A,” he said. “B.”
        prev = n - 1
        if prev >= 0 and marks[prev].start >= p_start and links[prev] is not None:
            links[n] = _context(links[prev])
            continue
        # The quote opens its paragraph: the paragraph before introduces it.
        if text_before_is_blank(document.text, p_start, mark.outer_start) and para > 0:
            frame = _introduction(doc, document, paragraphs[para - 1], sents, sent_starts)
            if frame is not None:
                links[n] = _Attribution(frame, "context")


def _owns_elsewhere(verb: Token, mark: MarkSpan) -> bool:
    """The verb attributes something else: its complement lies away from the quote, or the
    quote is part of its subject ("3 percent of self-identified “liberals” said they ...")."""
    for child in verb.children:
        if child.dep_ in ("ccomp", "nsubj", "nsubjpass", "dobj", "xcomp"):
            start, end = child.left_edge.idx, child.right_edge.idx + len(child.right_edge)
            inside = start <= mark.start and mark.end <= end + 1
            if child.dep_.startswith("nsubj") and inside:
                return True
            if child.dep_ in ("ccomp", "xcomp") and end - start > 10 and min(end, mark.end) <= max(start, mark.start):
                return True
    return False


def _introduced_pronouns(
    doc: Doc,
    document: Document,
    marks: list[MarkSpan],
    links: list[_Attribution | None],
    paragraphs: list[tuple[int, int]],
    para_starts: list[int],
    sents: list[Span],
    sent_starts: list[int],
) -> None:
    """“…,” he said, after a paragraph introducing the speaker: "he" is the one introduced.

    A pronoun resolved only through names inside quotation marks ("President Biden has
    been very clear," he said) is no resolution: the quoted words name other people.
    """
    for n, link in enumerate(links):
        speaker = link.frame.speaker if link is not None else None
        if link is None or speaker is None or speaker.end - speaker.start > 4:
            continue
        if document.text[speaker.start : speaker.end].lower() not in ("he", "she", "they"):
            continue
        if speaker.entity is not None and not _named_outside_quotes(document, marks, speaker):
            speaker = Party(speaker.start, speaker.end, None, None, speaker.via)
        if speaker.name is None:
            head = n
            while marks[head].continues is not None:
                head = marks[head].continues  # type: ignore[assignment]
            para = bisect.bisect_right(para_starts, marks[head].start) - 1
            if para > 0 and text_before_is_blank(document.text, paragraphs[para][0], marks[head].outer_start):
                intro = _introduction(doc, document, paragraphs[para - 1], sents, sent_starts)
                if intro is not None and intro.speaker is not None and intro.speaker.name is not None:
                    speaker = Party(speaker.start, speaker.end, intro.speaker.name, intro.speaker.entity, speaker.via)
        if speaker is not link.frame.speaker:
            links[n] = _Attribution(replace(link.frame, speaker=speaker), link.how)


def _named_outside_quotes(document: Document, marks: list[MarkSpan], speaker: Party) -> bool:
    """Whether the entity a pronoun resolved to is named before it outside quotation marks."""
    found = entity_at(document.entities, speaker.start, speaker.end)
    if found is None:
        return True
    return any(
        m.end <= speaker.start
        and m.kind != "pronoun"
        and not any(q.outer_start <= m.start < q.outer_end for q in marks)
        for m in found[0].mentions
    )


def _context(link: _Attribution | None) -> _Attribution | None:
    return _Attribution(link.frame, "context") if link is not None else None


def text_before_is_blank(text: str, start: int, end: int) -> bool:
    return not text[start:end].strip()


def _introduction(
    doc: Doc, document: Document, paragraph: tuple[int, int], sents: list[Span], sent_starts: list[int]
) -> Frame | None:
    """A paragraph that introduces the quote after it: it ends with a colon ("X said:"), or
    its last sentence has its subject issue statements or remarks."""
    text = document.text
    last = sents[max(0, bisect.bisect_right(sent_starts, paragraph[1] - 1) - 1)]
    ends_colon = text[paragraph[0] : paragraph[1]].rstrip().endswith(":")
    root = last.root
    subject = subject_of(root)
    if subject is None:
        return None
    statement = any(c.dep_ == "dobj" and c.lower_ in CUE_NOUNS for c in root.children)
    if not (ends_colon or statement or (_speech_cue(root) and not any(c.dep_ == "ccomp" for c in root.children))):
        return None
    speaker: Party = party(document, subject)
    start, end = root.idx, root.idx + len(root)
    return Frame(text[start:end], start, end, start, end, root.i, speaker, None, "introduction")
