"""Clean: captions, credits, page furniture and repeated paragraphs out; offsets kept.

The cleaned text is the kept paragraphs of the source text joined by blank lines; every
paragraph is an exact slice of the source (up to one-for-one space substitutions), so an
:class:`~newsgraph.records.OffsetMap` maps any cleaned offset back to the source.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from newsgraph.clean.duplicates import DuplicateFinder
from newsgraph.clean.rules import LineVerdict, judge_byline, judge_line
from newsgraph.clean.units import Unit, normalise, split_units
from newsgraph.ingest.article import RawArticle, is_dateline
from newsgraph.records import Caption, OffsetMap, Paragraph, ParagraphKind, Removal, RemovalKind, SourceSpan

PARAGRAPH_SEPARATOR = "\n\n"

#: Where bylines are looked for: the first units, up to the first line of this many words.
_LEAD_UNITS = 6
_LEAD_PROSE_WORDS = 15
_HEADING_END = tuple(".,;:!?\"”’')]")
_BULLET_START = tuple("*•-–—")


@dataclass(slots=True)
class CleanedText:
    text: str
    paragraphs: list[Paragraph]
    captions: list[Caption]
    credits: list[str]
    removals: list[Removal]
    offset_map: OffsetMap
    title: str | None = None
    author: str | None = None
    warnings: list[str] = field(default_factory=list)


def clean_article(raw: RawArticle, near_duplicate_ratio: float = 90.0) -> CleanedText:
    """Clean one article; see the module docstring."""
    units = split_units(raw.text, first_line_apart=raw.title_in_text)
    title_index = 0 if raw.title_in_text and units else None
    verdicts = _judge(units, title_index, raw.captions)
    captions = _collect_captions(units, verdicts, raw.captions)
    credits = list(dict.fromkeys([*(c.credit for c in captions if c.credit), *_credit_lines(verdicts), *raw.credits]))
    removals: list[Removal] = []
    kept: list[tuple[Unit, ParagraphKind]] = []
    finder = DuplicateFinder(near_duplicate_ratio)
    # Keys given to the finder are paragraph indexes of the cleaned text.
    first_key = 1 if _external_title(raw) else 0
    if first_key:
        finder.add(0, normalise(raw.title or ""))
    # Pages repeat the headline as the body's first line; short as it is, it is a repeat.
    title_key = normalise(raw.title or "") if raw.title and (first_key or title_index is not None) else None
    for index, unit in enumerate(units):
        verdict = verdicts[index]
        if verdict is not None:
            removals.append(Removal(verdict.kind, unit.text, unit.start, unit.end))  # type: ignore[arg-type]
            continue
        key = unit.key
        if index != title_index and key == title_key:
            removals.append(Removal("duplicate", unit.text, unit.start, unit.end, duplicate_of=0, similarity=100.0))
            continue
        repeat = finder.add(first_key + len(kept), key)
        if repeat is not None and index != title_index:
            kind: RemovalKind = "duplicate" if repeat.similarity >= 100.0 else "near_duplicate"
            removals.append(
                Removal(
                    kind,
                    unit.text,
                    unit.start,
                    unit.end,
                    duplicate_of=repeat.of,
                    similarity=repeat.similarity,
                )
            )
            continue
        kept.append((unit, "title" if index == title_index else "body"))

    text, paragraphs, offsets = _assemble(kept, raw)
    removals.sort(key=lambda r: r.source_start)
    title = raw.title
    if title is None and paragraphs and paragraphs[0].kind == "title":
        title = text[paragraphs[0].start : paragraphs[0].end]
    bylines = [v.author for v in verdicts if v and v.kind == "byline" and v.author]
    author = raw.author or (bylines[0] if bylines else None)
    return CleanedText(text, paragraphs, captions, credits, removals, offsets, title, author, list(raw.warnings))


def _judge(units: list[Unit], title_index: int | None, known_captions: list[str]) -> list[LineVerdict | None]:
    verdicts: list[LineVerdict | None] = [
        None if i == title_index else judge_line(unit.text) for i, unit in enumerate(units)
    ]
    # A line just before a credit line in the same block is that photo's caption.
    for i in range(len(units) - 1):
        after = verdicts[i + 1]
        if (
            verdicts[i] is None
            and i != title_index
            and after is not None
            and after.kind == "credit"
            and units[i].block == units[i + 1].block
        ):
            verdicts[i] = LineVerdict("caption", caption=units[i].text, credit=after.credit)
    # Bylines stand in the lead: after the title, before the first paragraph of prose.
    for i, unit in enumerate(units[:_LEAD_UNITS]):
        if len(unit.text.split()) >= _LEAD_PROSE_WORDS:
            break
        if verdicts[i] is None and i != title_index:
            verdicts[i] = judge_byline(unit.text)
    # Any other line that repeats a caption is another copy of that caption.
    caption_keys = {normalise(v.caption) for v in verdicts if v and v.caption} | {normalise(c) for c in known_captions}
    caption_keys.discard("")
    for i, unit in enumerate(units):
        if verdicts[i] is None and i != title_index and unit.key in caption_keys:
            verdicts[i] = LineVerdict("caption", caption=unit.text)
    return verdicts


def _collect_captions(units: list[Unit], verdicts: list[LineVerdict | None], known: list[str]) -> list[Caption]:
    by_key: dict[str, Caption] = {}
    for unit, verdict in zip(units, verdicts, strict=True):
        if verdict is None or verdict.kind != "caption" or not verdict.caption:
            continue
        caption = by_key.setdefault(normalise(verdict.caption), Caption(verdict.caption))
        caption.occurrences.append(SourceSpan(unit.start, unit.end))
        caption.credit = caption.credit or verdict.credit
    for text in known:
        by_key.setdefault(normalise(text), Caption(text))
    return list(by_key.values())


def _credit_lines(verdicts: list[LineVerdict | None]) -> list[str]:
    return [v.credit for v in verdicts if v and v.kind == "credit" and v.credit]


def _assemble(kept: list[tuple[Unit, ParagraphKind]], raw: RawArticle) -> tuple[str, list[Paragraph], OffsetMap]:
    pieces: list[str] = []
    paragraphs: list[Paragraph] = []
    offsets = OffsetMap()
    position = 0
    if _external_title(raw):
        # A title given apart from the text (a JSON field) is analysed with the article;
        # it has no place in the source text, so its source span is empty.
        pieces.append((raw.title or "").strip())
        paragraphs.append(Paragraph(0, len(pieces[0]), "title"))
        position = len(pieces[0])
    for index, (unit, kind) in enumerate(kept):
        if pieces:
            pieces.append(PARAGRAPH_SEPARATOR)
            position += len(PARAGRAPH_SEPARATOR)
        if kind == "body":
            kind = _body_kind(unit.text, is_last=index == len(kept) - 1)
        pieces.append(unit.text)
        offsets.add(position, unit.start, len(unit.text))
        paragraphs.append(Paragraph(position, position + len(unit.text), kind))
        position += len(unit.text)
    return "".join(pieces), paragraphs, offsets


def _external_title(raw: RawArticle) -> bool:
    return bool(raw.title and raw.title.strip() and not raw.title_in_text)


def _body_kind(text: str, *, is_last: bool) -> ParagraphKind:
    if is_dateline(text):
        return "dateline"
    words = text.split()
    if (
        not is_last
        and 2 <= len(words) <= 12
        and len(text) <= 100
        and text[0].isupper()
        and not text.endswith(_HEADING_END)
        and not text.startswith(_BULLET_START)
    ):
        return "heading"
    return "body"
