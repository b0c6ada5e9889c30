"""Quotes with no cue of their own: the chain they belong to, the quote before them in the
paragraph, the introduction that ends the paragraph before, and "he said" after such an
introduction."""

from __future__ import annotations

import bisect
from dataclasses import replace

from spacy.tokens import Doc, Span

from newsgraph.extract.entities import entity_at
from newsgraph.extract.quotes.attribution import Party, party, subject_of
from newsgraph.extract.quotes.beside import CUE_GAP, speech_cue
from newsgraph.extract.quotes.cues import CUE_NOUNS
from newsgraph.extract.quotes.layout import Attribution, Layout, Quoted
from newsgraph.extract.quotes.marks import MarkSpan
from newsgraph.extract.quotes.reported import Frame
from newsgraph.records import Document


def by_context(
    doc: Doc,
    document: Document,
    marks: list[MarkSpan],
    links: list[Attribution | None],
    fragments: list[bool],
    layout: Layout,
) -> None:
    """Quotes with no cue of their own: the chain they belong to, the quote before them in the
    paragraph, or the introduction that ends the paragraph before."""
    paragraphs, para_starts, sents, sent_starts = (
        layout.paragraphs,
        layout.para_starts,
        layout.sents,
        layout.sent_starts,
    )
    # A quote over several paragraphs: one speaker for the whole chain, whichever part names it.
    for n, mark in enumerate(marks):
        if mark.continues is not None and links[n] is None and links[mark.continues] is not None:
            links[n] = _context(links[mark.continues])
    for n in range(len(marks) - 1, -1, -1):
        mark = marks[n]
        if mark.continues is not None and links[mark.continues] is None and links[n] is not None:
            links[mark.continues] = _context(links[n])
    prev = -1  # the last quote so far that is attributed or more than a fragment
    for n, mark in enumerate(marks):
        if n > 0 and (links[n - 1] is not None or not fragments[n - 1]):
            prev = n - 1
        if links[n] is not None or fragments[n]:
            continue
        para = bisect.bisect_right(para_starts, mark.start) - 1
        p_start = paragraphs[para][0]
        # The quote before, in the same paragraph: “A,” he said. “B.” (A title in marks between
        # them, “A,” X said on “Fox News.” “B.”, is no quote of anyone's.)
        if prev >= 0 and marks[prev].start >= p_start and links[prev] is not None:
            links[n] = _context(links[prev])
            continue
        # The quote opens its paragraph: the paragraph before introduces it.
        if text_before_is_blank(document.text, p_start, mark.outer_start) and para > 0:
            frame = _introduction(doc, document, paragraphs[para - 1], sents, sent_starts)
            if frame is not None:
                links[n] = Attribution(frame, "context")
                continue
            # The paragraph before ends on an attributed quote (“A,” he said.): the speaker goes on.
            link = _ending_quote(document, marks, links, n, paragraphs[para - 1], sents, sent_starts)
            if link is not None:
                links[n] = link


def _ending_quote(
    document: Document,
    marks: list[MarkSpan],
    links: list[Attribution | None],
    n: int,
    paragraph: tuple[int, int],
    sents: list[Span],
    sent_starts: list[int],
) -> Attribution | None:
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
    if len(tail.strip(" .,;:\n")) > CUE_GAP:
        return None
    return Attribution(link.frame, "context")


def introduced_pronouns(
    doc: Doc,
    document: Document,
    marks: list[MarkSpan],
    links: list[Attribution | None],
    layout: Layout,
) -> None:
    """“…,” he said, after a paragraph introducing the speaker: "he" is the one introduced.

    A pronoun resolved only through names inside quotation marks ("President Biden has
    been very clear," he said) is no resolution: the quoted words name other people.
    """
    paragraphs, para_starts, sents, sent_starts = (
        layout.paragraphs,
        layout.para_starts,
        layout.sents,
        layout.sent_starts,
    )
    # The first part of each quote's chain (a quote running over paragraphs).
    heads: list[int] = []
    for n, mark in enumerate(marks):
        heads.append(heads[mark.continues] if mark.continues is not None else n)
    for n, link in enumerate(links):
        speaker = link.frame.speaker if link is not None else None
        if link is None or speaker is None or speaker.end - speaker.start > 4:
            continue
        if document.text[speaker.start : speaker.end].lower() not in ("he", "she", "they"):
            continue
        if speaker.entity is not None and not _named_outside_quotes(document, layout.quoted, speaker):
            speaker = Party(speaker.start, speaker.end, None, None, speaker.via)
        if speaker.name is None:
            head = heads[n]
            para = bisect.bisect_right(para_starts, marks[head].start) - 1
            if para > 0 and text_before_is_blank(document.text, paragraphs[para][0], marks[head].outer_start):
                intro = _introduction(doc, document, paragraphs[para - 1], sents, sent_starts)
                if intro is not None and intro.speaker is not None and intro.speaker.name is not None:
                    speaker = Party(speaker.start, speaker.end, intro.speaker.name, intro.speaker.entity, speaker.via)
        if speaker is not link.frame.speaker:
            links[n] = Attribution(replace(link.frame, speaker=speaker), link.how)


def _named_outside_quotes(document: Document, quoted: Quoted, speaker: Party) -> bool:
    """Whether the entity a pronoun resolved to is named before it outside quotation marks."""
    found = entity_at(document.entities, speaker.start, speaker.end)
    if found is None:
        return True
    return any(
        m.end <= speaker.start and m.kind != "pronoun" and not quoted.in_marks(m.start) for m in found[0].mentions
    )


def _context(link: Attribution | None) -> Attribution | None:
    return Attribution(link.frame, "context") if link is not None else None


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
    if not (ends_colon or statement or (speech_cue(root) and not any(c.dep_ == "ccomp" for c in root.children))):
        return None
    speaker: Party = party(document, subject)
    start, end = root.idx, root.idx + len(root)
    return Frame(text[start:end], start, end, start, end, root.i, speaker, None, "introduction")


#: Pronouns that stand for one person: the previous sentence's speaker or named subject.
_PERSON_PRONOUNS = frozenset({"he", "she"})


def previous_speakers(document: Document, frames: list[Frame], layout: Layout) -> None:
    """ "Lee said the plant would close. She added that ...": a "he"/"she" the entity layer
    left unresolved is the speaker of the sentence before, or that sentence's named subject,
    when that sentence is in the same paragraph or ends the one before. Frames are in text
    order; each is set in place, so the quotes tied to it share the speaker."""
    text = document.text
    sents, sent_starts = layout.sents, layout.sent_starts
    # The last frame with a named speaker, by sentence.
    named: dict[int, Frame] = {}
    for frame in frames:
        if frame.speaker is not None and frame.speaker.name is not None:
            named[max(0, bisect.bisect_right(sent_starts, frame.cue_start) - 1)] = frame
    for frame in frames:
        speaker = frame.speaker
        if speaker is None or speaker.name is not None:
            continue
        if text[speaker.start : speaker.end].lower() not in _PERSON_PRONOUNS:
            continue
        k = bisect.bisect_right(sent_starts, speaker.start) - 1
        if k <= 0:
            continue
        before = sents[k - 1]
        para = bisect.bisect_right(layout.para_starts, speaker.start) - 1
        if para > 0 and before.start_char < layout.paragraphs[para - 1][0]:
            continue  # two paragraphs back: too far
        antecedent: Party | None = None
        if k - 1 in named:
            antecedent = named[k - 1].speaker
        else:
            subject = next((c for c in before.root.children if c.dep_ == "nsubj"), None)
            if subject is not None and subject.tag_ in ("NNP", "NNPS"):
                antecedent = party(document, subject)
        if antecedent is None or antecedent.entity is None:
            continue
        entity = next((e for e in document.entities if e.id == antecedent.entity), None)
        if entity is None or entity.type != "person":
            continue  # "he" and "she" stand for people the entity layer knows as people
        frame.speaker = Party(speaker.start, speaker.end, antecedent.name, antecedent.entity, speaker.via)
