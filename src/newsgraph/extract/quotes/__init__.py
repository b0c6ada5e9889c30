"""Quotes and reported speech: who said what, to whom.

Three passes over an annotated article:

1. :mod:`~newsgraph.extract.quotes.marks` finds the quoted spans (one per paragraph; a quote
   running over paragraphs is a chain of spans);
2. :mod:`~newsgraph.extract.quotes.reported` finds the attribution frames, each a cue with
   its speaker, addressee and content, from the dependency parse;
3. this module ties each quoted span to its frame (with :mod:`~newsgraph.extract.quotes.beside`
   and :mod:`~newsgraph.extract.quotes.context`): the frame whose content it is (a direct
   quote), the frame whose content it sits inside (a partial quote in mixed speech), a
   speech verb beside it ("…,” he said), the quote before it in the paragraph or the chain,
   the introduction before it ("X issued a statement:" / "X said:"), or the attributed quote
   ending the paragraph before ("“A,” he said. ¶ “B.”"). What is tied to nothing stays a
   ``partial`` quote without a speaker.

Frames not tied to a quote are reported speech, ``mixed`` when their content holds quoted
words; so is a quote's own frame when reported words surround the quote ("said there remains
a “significant difference”"), and the quote is then a ``partial`` part of that passage. A
frame whose cue lies in another frame's content is left out: one attribution per passage (a
report inside a report is the outer speaker's words). A phrase frame with a content of a few
words ("endorsed Clinton") is a stance, not reported speech, and only links quotes.
"""

from __future__ import annotations

import bisect
import itertools

from spacy.tokens import Doc

from newsgraph.extract.quotes.beside import cue_beside
from newsgraph.extract.quotes.context import by_context, introduced_pronouns, previous_speakers
from newsgraph.extract.quotes.layout import Attribution, is_fragment, layout
from newsgraph.extract.quotes.marks import MarkSpan, find_marks
from newsgraph.extract.quotes.reported import Frame, find_frames
from newsgraph.records import Document, Quote, QuoteKind

__all__ = ["extract_quotes"]

#: Share of a frame's content a quoted span must cover to be that content (a direct quote).
_DIRECT_SHARE = 0.75
#: Dependents that complete a cue verb with what it attributes.
_COMPLEMENTS = frozenset({"dobj", "ccomp", "xcomp", "oprd", "attr", "acomp", "dative"})
#: Frames whose content is a phrase, not a clause: "endorsed Clinton", "vowed to win", "according to X, …".
_PHRASE_FRAMES = frozenset({"object", "to", "according"})
#: A phrase this short (in words) is a stance rather than reported content: on the PolNeAR dev
#: articles such frames matched an annotated attribution's span too rarely to report on their own.
_SHORT_CONTENT = 4


def extract_quotes(doc: Doc, document: Document) -> list[Quote]:
    """Direct quotes, partial quotes and reported speech of one article, in text order."""
    text = document.text
    paragraphs = [(p.start, p.end) for p in document.paragraphs] or [(0, len(text))]
    marks = find_marks(text, paragraphs)
    frames = find_frames(doc, document, [(m.outer_start, m.outer_end) for m in marks])
    frames = _outermost(frames)
    where = layout(doc, text, paragraphs, marks)

    links: list[Attribution | None] = [None] * len(marks)
    # Frames that are a direct quote's frame, to the quote's index (the quote's speaker may be
    # refined below, and a frame with unquoted words around the quote is mixed speech too).
    used: dict[int, list[int]] = {}
    contents = _Contents(frames)
    for n, mark in enumerate(marks):
        link = contents.find(mark)
        if link is None:
            link = cue_beside(doc, document, mark, where)
        if link is not None:
            links[n] = link
            if link.how == "content":
                used.setdefault(id(link.frame), []).append(n)
    # After the quotes' own cues: a transcript label taken out of a quote changes its words.
    fragments = [is_fragment(doc, mark) for mark in marks]
    by_context(doc, document, marks, links, fragments, where)
    introduced_pronouns(doc, document, marks, links, where)
    # "he"/"she" the entity layer left unresolved: the speaker or subject of the sentence before.
    every = {id(f): f for f in [*frames, *(link.frame for link in links if link is not None)]}
    previous_speakers(document, sorted(every.values(), key=lambda f: f.cue_start), where)

    quotes: list[Quote] = []
    quoted_parts: list[Quote] = []  # one per mark
    for mark, link, fragment in zip(marks, links, fragments, strict=True):
        frame = link.frame if link else None
        kind: QuoteKind = "direct"
        if link is None or link.how == "inside" or fragment:
            kind = "partial"
        quoted_parts.append(_quote(document, mark.start, mark.end, kind, frame))
        if kind == "partial" and link is not None and link.how == "beside":
            around = _phrase_around(doc, document, mark, link.frame)
            if around is not None:
                quotes.append(_quote(document, *around, "mixed", link.frame))
    quotes.extend(quoted_parts)
    for frame in frames:
        if not frame.reportable:
            continue
        inner = where.quoted.overlapping(frame.content_start, frame.content_end)
        quoted = sum(min(m.end, frame.content_end) - max(m.start, frame.content_start) for m in inner)
        carried = id(frame) in used or quoted >= _DIRECT_SHARE * (frame.content_end - frame.content_start)
        if carried and not _words_outside(text, frame.content_start, frame.content_end, inner):
            continue  # the quote itself carries this attribution
        if id(frame) in used:
            # Reported words around the quote: the passage is mixed speech, the quote a part of it.
            parts = [n for n in used[id(frame)] if frame.content_start <= marks[n].start < frame.content_end]
            for n in parts:
                quoted_parts[n].kind = "partial"
            linked = links[used[id(frame)][0]]
            frame = linked.frame if linked is not None else frame
        kind = "mixed" if inner else "reported"
        if kind == "reported" and frame.frame in _PHRASE_FRAMES and _word_count(text, frame) <= _SHORT_CONTENT:
            continue
        start, end = frame.content_start, frame.content_end
        if inner:  # the passage holds its quotes whole, closing marks included
            start, end = min(start, *(m.outer_start for m in inner)), max(end, *(m.outer_end for m in inner))
        quotes.append(_quote(document, start, end, kind, frame))
    quotes.sort(key=lambda q: (q.start, -q.end))
    return quotes


def _phrase_around(doc: Doc, document: Document, mark: MarkSpan, frame: Frame) -> tuple[int, int] | None:
    """The words a cue verb attributes around a quoted phrase it stands beside ("called the
    orders “quite dangerous”"): the verb's complement after it, when it holds the phrase."""
    if frame.speaker is None or frame.cue_end > mark.outer_start or frame.frame != "beside":
        return None
    verb = doc[frame.head]
    after = [c for c in verb.rights if c.dep_ not in ("punct", "prt", "advmod", "npadvmod", "cc", "conj")]
    if not any(c.dep_ in _COMPLEMENTS for c in after):
        return None  # "said on “Morning Joe”": a circumstance of the saying, not what was said
    start = after[0].left_edge.idx
    last = after[-1].right_edge
    start, end = _trim_span(document.text, start, last.idx + len(last))
    if not (start <= mark.start and mark.end <= end + 1):
        return None
    if start >= mark.outer_start and end <= mark.outer_end + 1:
        return None  # nothing around the quote: it stays a partial quote
    if 0 < mark.outer_end - end <= 2:
        end = mark.outer_end  # with the closing mark: “quite dangerous.”
    return start, end


def _trim_span(text: str, start: int, end: int) -> tuple[int, int]:
    """The span without the punctuation and spaces at its ends (quotation marks stay)."""
    while start < end and not (text[start].isalnum() or text[start] in "“\"'‘"):
        start += 1
    while end > start and not (text[end - 1].isalnum() or text[end - 1] in "”\"'’"):
        end -= 1
    return start, end


def _word_count(text: str, frame: Frame) -> int:
    return len(text[frame.content_start : frame.content_end].split())


def _words_outside(text: str, start: int, end: int, marks: list[MarkSpan]) -> bool:
    """Whether ``text[start:end]`` has a letter or digit outside the quotation marks: a quote
    within reported words ("said there remains a “significant difference”") is mixed speech."""
    position = start
    if text.startswith("that", start) and not text[start + 4 : start + 5].isalnum():
        position = start + 4  # "said that “…”": the complementizer is no reported word
    for mark in sorted(marks, key=lambda m: m.outer_start):
        if any(c.isalnum() for c in text[position : max(position, mark.outer_start)]):
            return True
        position = max(position, mark.outer_end)
    return any(c.isalnum() for c in text[position:end])


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
    # Frames by where their content starts, with the two widest reaches so far (and whose):
    # a cue is inside some other content when a content starting before it reaches past it.
    order = sorted(frames, key=lambda f: f.content_start)
    starts = [f.content_start for f in order]
    reach: list[tuple[int, int, int]] = []  # (widest end, its frame's position, second widest end)
    best, who, second = -1, -1, -1
    for k, frame in enumerate(order):
        if frame.content_end > best:
            best, who, second = frame.content_end, k, best
        elif frame.content_end > second:
            second = frame.content_end
        reach.append((best, who, second))
    position = {id(f): k for k, f in enumerate(order)}
    kept = []
    for frame in frames:
        k = bisect.bisect_right(starts, frame.cue_start) - 1
        if k >= 0:
            best, who, second = reach[k]
            widest = second if who == position[id(frame)] else best
            if frame.absolute:
                # Rare: look at each content around the cue for another source.
                inside = any(
                    other is not frame
                    and other.content_start <= frame.cue_start < other.content_end
                    and not _other_source(frame, other)
                    for other in order[: k + 1]
                )
            else:
                inside = widest > frame.cue_start
            if inside:
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


class _Contents:
    """The frames by where their content starts, to find those a quote overlaps without
    looking at every frame of the article."""

    def __init__(self, frames: list[Frame]) -> None:
        self.frames = frames
        self.order = sorted(range(len(frames)), key=lambda n: frames[n].content_start)
        self.starts = [frames[n].content_start for n in self.order]
        self.reach = list(itertools.accumulate((frames[n].content_end for n in self.order), max))

    def find(self, mark: MarkSpan) -> Attribution | None:
        """The frame whose content is this quote (direct) or holds it (partial, mixed speech)."""
        overlapping = []
        k = bisect.bisect_left(self.starts, mark.end) - 1
        while k >= 0 and self.reach[k] > mark.start:
            n = self.order[k]
            if self.frames[n].content_end > mark.start:
                overlapping.append(n)
            k -= 1
        best: Attribution | None = None
        for n in sorted(overlapping):  # in the order of the cues, as found
            frame = self.frames[n]
            overlap = min(mark.end, frame.content_end) - max(mark.start, frame.content_start)
            if overlap <= 0:
                continue
            content = frame.content_end - frame.content_start
            if overlap >= _DIRECT_SHARE * content:
                return Attribution(frame, "content")
            if mark.start >= frame.content_start - 2 and mark.end <= frame.content_end + 2:
                best = Attribution(frame, "inside")
        return best
