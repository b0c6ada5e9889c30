"""Quotes and reported speech: who said what, to whom.

Three passes over an annotated article:

1. :mod:`~newsgraph.extract.quotes.marks` finds the quoted spans (one per paragraph; a quote
   running over paragraphs is a chain of spans);
2. :mod:`~newsgraph.extract.quotes.reported` finds the attribution frames, each a cue with
   its speaker, addressee and content, from the dependency parse;
3. this module ties each quoted span to its frame: the frame whose content it is (a direct
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
import re
from dataclasses import dataclass, replace
from typing import NamedTuple

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
_DASH_SIGNATURE = re.compile(r"[ \t\u00a0]*([―—])[ \t\u00a0]*(?=[A-Z])")
#: "PENCE: …": a transcript label, one to three capitalised words in upper case, then a colon.
_LABEL = re.compile(r"([A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+){0,2}):\s+")
#: Dependents that complete a cue verb with what it attributes.
_COMPLEMENTS = frozenset({"dobj", "ccomp", "xcomp", "oprd", "attr", "acomp", "dative"})
#: Frames whose content is a phrase, not a clause: "endorsed Clinton", "vowed to win", "according to X, …".
_PHRASE_FRAMES = frozenset({"object", "to", "according"})
#: A phrase this short (in words) is a stance rather than reported content: on the PolNeAR dev
#: articles such frames matched an annotated attribution's span too rarely to report on their own.
_SHORT_CONTENT = 4
#: Pronouns that may stand for a speaker the parser lost ("“…,” she, too, said").
_SUBJECT_PRONOUNS = frozenset({"he", "she", "they", "we", "i"})
#: Characters between a quote's end and a speech verb after it: ``…,” Prime Minister X said``.
_CUE_GAP = 80


class _Layout(NamedTuple):
    """Where the article's paragraphs and sentences start: what the context passes look up."""

    paragraphs: list[tuple[int, int]]
    para_starts: list[int]
    sents: list[Span]
    sent_starts: list[int]


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
    sents = list(doc.sents)
    layout = _Layout(paragraphs, [p[0] for p in paragraphs], sents, [s.start_char for s in sents])
    sent_starts = layout.sent_starts

    links: list[_Attribution | None] = [None] * len(marks)
    # Frames that are a direct quote's frame, to the quote's index (the quote's speaker may be
    # refined below, and a frame with unquoted words around the quote is mixed speech too).
    used: dict[int, list[int]] = {}
    for n, mark in enumerate(marks):
        link = _by_content(mark, frames)
        if link is None:
            link = _beside(doc, document, mark, marks, sents, sent_starts)
        if link is not None:
            links[n] = link
            if link.how == "content":
                used.setdefault(id(link.frame), []).append(n)
    _by_context(doc, document, marks, links, layout)
    _introduced_pronouns(doc, document, marks, links, layout)

    quotes: list[Quote] = []
    quoted_parts: list[Quote] = []  # one per mark
    for mark, link in zip(marks, links, strict=True):
        frame = link.frame if link else None
        kind: QuoteKind = "direct"
        if link is None or link.how == "inside" or _is_fragment(doc, mark):
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
        inner = [m for m in marks if m.outer_start < frame.content_end and frame.content_start < m.outer_end]
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
    if len(words) > _SHORT_WORDS and not _is_title(words):
        return False
    return not any(t.tag_.startswith("VB") or t.tag_ == "MD" for t in words)


def _is_title(words: list[Token]) -> bool:
    """A title in marks (“The Late Show with Stephen Colbert”): every word but short function
    words capitalised. (Its verbs are checked by the caller: “Make America Great Again” is speech.)"""
    return len(words) <= 10 and all(t.is_title or t.is_upper or (t.is_lower and len(t) <= 4) for t in words)


def _speech_cue(token: Token) -> bool:
    cue = cue_verb(token.text)
    if cue is None:
        # "as Milbank put it, “…”": "put it" quotes someone's words.
        return token.lower_ in ("put", "puts") and any(c.lower_ == "it" and c.dep_ == "dobj" for c in token.children)
    return token.tag_.startswith("VB")


def _verb_frame(document: Document, verb: Token, marks: list[MarkSpan], mark: MarkSpan) -> Frame:
    """A frame for a speech verb standing beside a quote ("…,” he said)."""
    cue = cue_verb(verb.text)
    subject = subject_of(verb)
    if subject is not None and any(m.start <= subject.idx < m.end for m in marks):
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
        if _owns_elsewhere(token, mark, marks):
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
    return _Attribution(_verb_frame(document, best[1], marks, mark), "beside")


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
    layout: _Layout,
) -> None:
    """Quotes with no cue of their own: the chain they belong to, the quote before them in the
    paragraph, or the introduction that ends the paragraph before."""
    paragraphs, para_starts, sents, sent_starts = layout
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
        # The quote before, in the same paragraph: “A,” he said. “B.” (A title in marks between
        # them, “A,” X said on “Fox News.” “B.”, is no quote of anyone's.)
        prev = n - 1
        while prev >= 0 and marks[prev].start >= p_start and links[prev] is None and _is_fragment(doc, marks[prev]):
            prev -= 1
        if prev >= 0 and marks[prev].start >= p_start and links[prev] is not None:
            links[n] = _context(links[prev])
            continue
        # The quote opens its paragraph: the paragraph before introduces it.
        if text_before_is_blank(document.text, p_start, mark.outer_start) and para > 0:
            frame = _introduction(doc, document, paragraphs[para - 1], sents, sent_starts)
            if frame is not None:
                links[n] = _Attribution(frame, "context")
                continue
            # The paragraph before ends on an attributed quote (“A,” he said.): the speaker goes on.
            link = _ending_quote(document, marks, links, n, paragraphs[para - 1], sents, sent_starts)
            if link is not None:
                links[n] = link


def _ending_quote(
    document: Document,
    marks: list[MarkSpan],
    links: list[_Attribution | None],
    n: int,
    paragraph: tuple[int, int],
    sents: list[Span],
    sent_starts: list[int],
) -> _Attribution | None:
    """The attribution of a quote in the last sentence of ``paragraph``, when a quote opening
    the next paragraph (mark ``n``) has no cue of its own: news copy lets a speaker go on
    without repeating "he said" (“A,” he said. ¶ “B.”)."""
    prev = n - 1
    link = links[prev] if prev >= 0 else None
    if link is None or marks[prev].start < paragraph[0]:
        return None
    last = sents[max(0, bisect.bisect_right(sent_starts, paragraph[1] - 1) - 1)]
    cue_in_last = last.start_char <= link.frame.cue_start < paragraph[1]
    if not (cue_in_last or marks[prev].outer_end >= last.start_char):
        return None
    # Nothing but the cue and its speaker may follow that quote: no new statement of the writer's.
    tail = document.text[max(marks[prev].outer_end, link.frame.cue_end) : paragraph[1]]
    if len(tail.strip(" .,;:\n")) > _CUE_GAP:
        return None
    return _Attribution(link.frame, "context")


def _owns_elsewhere(verb: Token, mark: MarkSpan, marks: list[MarkSpan]) -> bool:
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
            if away and not any(m.start - 2 <= start and end <= m.end + 2 for m in marks):
                return True
    return False


def _introduced_pronouns(
    doc: Doc,
    document: Document,
    marks: list[MarkSpan],
    links: list[_Attribution | None],
    layout: _Layout,
) -> None:
    """“…,” he said, after a paragraph introducing the speaker: "he" is the one introduced.

    A pronoun resolved only through names inside quotation marks ("President Biden has
    been very clear," he said) is no resolution: the quoted words name other people.
    """
    paragraphs, para_starts, sents, sent_starts = layout
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
