"""Plain records that every stage produces and every consumer reads.

All ``start``/``end`` offsets are character offsets (end exclusive) into ``Document.text``,
the cleaned text; :class:`OffsetMap` maps them to the text as it was ingested
(``Document.source_text``). Records never hold spaCy objects, so they pickle, serialise and
cross process boundaries (Spark, multiprocessing) freely.
"""

from __future__ import annotations

import bisect
import dataclasses
import functools
import types
import typing
from dataclasses import dataclass, field
from typing import Any, Literal, TypeVar, Union

SCHEMA_VERSION = "1.3"

ParagraphKind = Literal["title", "dateline", "heading", "body"]
RemovalKind = Literal["caption", "credit", "byline", "boilerplate", "duplicate", "near_duplicate"]
MentionKind = Literal["name", "nominal", "pronoun"]
QuoteKind = Literal["direct", "partial", "mixed", "reported"]
EventStatus = Literal["occurred", "planned", "negated", "hypothetical", "reported"]
Polarity = Literal["support", "oppose", "neutral"]
#: What an entity is in a happening: who acts, whom it is done to or addressed to, who says it.
ParticipantRole = Literal["agent", "target", "speaker"]


@dataclass(slots=True)
class Paragraph:
    start: int
    end: int
    kind: ParagraphKind = "body"


@dataclass(slots=True)
class Sentence:
    start: int
    end: int
    paragraph: int


@dataclass(slots=True)
class SourceSpan:
    """A span in ``Document.source_text`` (used for text that is not in the cleaned text)."""

    source_start: int
    source_end: int


@dataclass(slots=True)
class Caption:
    """A photo caption taken out of the body; the same caption may occur several times."""

    text: str
    credit: str | None = None
    occurrences: list[SourceSpan] = field(default_factory=list)


@dataclass(slots=True)
class Removal:
    """A piece of the input left out of the cleaned text, and why."""

    kind: RemovalKind
    text: str
    source_start: int
    source_end: int
    #: For duplicates: index of the kept paragraph in ``Document.paragraphs``.
    duplicate_of: int | None = None
    #: For near duplicates: similarity to the kept paragraph, 0-100.
    similarity: float | None = None


@dataclass(slots=True)
class Mention:
    start: int
    end: int
    text: str
    label: str
    entity: str | None = None
    #: "name", "nominal" ("the Strategic Affairs Minister", "the enclave") or "pronoun".
    kind: MentionKind = "name"


@dataclass(slots=True)
class Role:
    title: str
    affiliation: str | None = None
    start: int | None = None
    end: int | None = None
    #: Offsets into the ingested text (``source_text``) of a role read outside the cleaned
    #: text, in a photo caption or a removed repeat; ``start``/``end`` are then ``None``.
    margin_start: int | None = None
    margin_end: int | None = None


@dataclass(slots=True)
class Entity:
    id: str
    name: str
    type: str
    aliases: list[str] = field(default_factory=list)
    roles: list[Role] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    actor_code: str | None = None
    country_code: str | None = None
    latitude: float | None = None
    longitude: float | None = None


@dataclass(slots=True)
class Quote:
    start: int
    end: int
    text: str
    kind: QuoteKind = "direct"
    speaker: str | None = None
    speaker_entity: str | None = None
    speaker_start: int | None = None
    speaker_end: int | None = None
    cue: str | None = None
    cue_start: int | None = None
    cue_end: int | None = None
    addressee: str | None = None
    addressee_entity: str | None = None
    #: The addressee's words in the text ("Blinken" in "told Blinken").
    addressee_start: int | None = None
    addressee_end: int | None = None
    #: Who spoke for the speaker ("spokesperson" in "according to his spokesperson").
    via: str | None = None


@dataclass(slots=True)
class TimeExpression:
    start: int
    end: int
    text: str
    type: Literal["DATE", "TIME", "DURATION", "SET"]
    value: str | None = None
    mod: str | None = None
    #: The date (``YYYY-MM-DD``) a relative value was computed from: the publication date,
    #: or for anaphoric expressions ("two days later") the last date mentioned. ``None``
    #: for absolute values and for values left underspecified.
    anchor: str | None = None


@dataclass(slots=True)
class Quantity:
    start: int
    end: int
    text: str
    value: float | None = None
    unit: str | None = None
    mod: str | None = None
    what: str | None = None
    #: What the unit measures: ``count``, ``money``, ``proportion``, ``mass``, ``length``, ``age``...
    category: str | None = None
    #: Bounds of a range ("between 30 and 40"); ``value`` is then their midpoint.
    low: float | None = None
    high: float | None = None
    #: The time or thing a rate is per ("barrels a day": ``day``).
    per: str | None = None
    #: Where the thing counted is in the text (the span may enclose the quantity itself).
    what_start: int | None = None
    what_end: int | None = None
    #: The other side of a score or vote tallies ("won 3-2": ``value`` 3, ``against`` 2); since 1.3.
    against: float | None = None


@dataclass(slots=True)
class Event:
    start: int
    end: int
    trigger: str
    trigger_start: int
    trigger_end: int
    code: str | None = None
    source: str | None = None
    source_entity: str | None = None
    source_code: str | None = None
    target: str | None = None
    target_entity: str | None = None
    target_code: str | None = None
    place: str | None = None
    date: str | None = None
    date_from: Literal["sentence", "publication"] | None = None
    status: EventStatus = "occurred"
    goldstein: float | None = None
    quad_class: int | None = None
    #: Where the source and target actors are in the text (not ``source_start``: in the JSON
    #: form that name holds the event's offsets in the ingested text).
    source_actor_start: int | None = None
    source_actor_end: int | None = None
    target_actor_start: int | None = None
    target_actor_end: int | None = None
    #: The place's country code and coordinates, when the entity layer has them.
    place_code: str | None = None
    latitude: float | None = None
    longitude: float | None = None


@dataclass(slots=True)
class Participation:
    """A happening an entity takes part in: the verb or event noun whose argument mentions
    it ("made its maiden flight", "was delivered"), the material of an actor's timeline."""

    entity: str
    #: The predicate as the text gives it.
    event: str
    start: int
    end: int
    #: ``YYYY-MM-DD`` with ``XX`` for what is unknown (``XXXX-XX-XX``: cannot be placed).
    date: str
    #: "sentence": a time expression of its sentence; "story": the story's date; "none".
    date_from: Literal["sentence", "story", "none"] = "none"
    #: ``None`` in records written before schema 1.2.
    role: ParticipantRole | None = None


@dataclass(slots=True)
class Stance:
    holder: str
    target: str
    polarity: Polarity
    start: int
    end: int
    holder_entity: str | None = None
    evidence: Literal["quote", "event", "statement"] | None = None
    #: Where the target is named in the evidence ("a major ground operation in Rafah").
    target_start: int | None = None
    target_end: int | None = None
    #: The word that decides the polarity ("mistake", "against", "imperative").
    cue: str | None = None
    cue_start: int | None = None
    cue_end: int | None = None


@dataclass(slots=True)
class OffsetMap:
    """Maps offsets in the cleaned text back to the ingested text.

    The cleaned text is a concatenation of slices of the source text with separators
    (paragraph breaks) in between. Each segment ``(clean_start, source_start, length)``
    records one slice; a separator's offsets map to the end of the slice before it.
    Written by hand because it must be tiny, exact and serialisable, not a diff.
    """

    segments: list[tuple[int, int, int]] = field(default_factory=list)

    def add(self, clean_start: int, source_start: int, length: int) -> None:
        if length > 0:
            self.segments.append((clean_start, source_start, length))

    def to_source(self, offset: int) -> int:
        """Source offset of the character at ``offset`` of the cleaned text."""
        if not self.segments:
            return offset
        i = bisect.bisect_right(self.segments, (offset, float("inf"), 0)) - 1
        if i < 0:
            return self.segments[0][1]
        clean_start, source_start, length = self.segments[i]
        if offset < clean_start + length:
            return source_start + (offset - clean_start)
        return source_start + length  # inside a separator: just after the preceding slice

    def span_to_source(self, start: int, end: int) -> tuple[int, int]:
        """Source span of the cleaned span ``[start, end)``; empty for text not in the source."""
        source_start = self.to_source(start)
        if end <= start:
            return source_start, source_start
        i = bisect.bisect_right(self.segments, (end - 1, float("inf"), 0)) - 1
        if i < 0:  # wholly inside text inserted before the first slice (a title given apart)
            return source_start, source_start
        clean_start, segment_source, length = self.segments[i]
        source_end = segment_source + min(end - clean_start, length)
        return source_start, max(source_start, source_end)


@dataclass(slots=True)
class Document:
    """One analysed article."""

    id: str
    text: str
    title: str | None = None
    published: str | None = None
    published_from: Literal["input", "html", "option", "inferred"] | None = None
    #: For an inferred publication date: how sure the inference is (0-1), and what it rests on.
    published_confidence: float | None = None
    published_evidence: str | None = None
    url: str | None = None
    author: str | None = None
    source: str | None = None
    language: str | None = None
    paragraphs: list[Paragraph] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    captions: list[Caption] = field(default_factory=list)
    credits: list[str] = field(default_factory=list)
    removals: list[Removal] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    time_expressions: list[TimeExpression] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    participations: list[Participation] = field(default_factory=list)
    stances: list[Stance] = field(default_factory=list)
    offset_map: OffsetMap = field(default_factory=OffsetMap)
    source_text: str | None = None
    schema_version: str = SCHEMA_VERSION

    @property
    def body(self) -> str:
        """The cleaned text without the title."""
        body = [p for p in self.paragraphs if p.kind != "title"]
        if not body:
            return "" if self.paragraphs else self.text
        return self.text[body[0].start : body[-1].end]

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        return self.offset_map.span_to_source(start, end)

    def as_dict(self, *, with_source: bool = False) -> dict[str, Any]:
        """JSON-ready dict; every ``*start``/``*end`` pair also gets its source offsets."""
        data = _to_plain(self)
        data = {"schema_version": data.pop("schema_version"), **data}
        data["offset_map"] = [list(s) for s in self.offset_map.segments]
        if not with_source:
            data.pop("source_text", None)
        for key in _MAPPED_LISTS:
            for item in data[key]:
                _add_source_offsets(item, self.offset_map)
        for entity in data["entities"]:
            for item in entity["mentions"] + entity["roles"]:
                _add_source_offsets(item, self.offset_map)
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Document:
        data = dict(data)
        segments = data.pop("offset_map", [])
        doc = _from_plain(cls, data)
        doc.offset_map = OffsetMap([tuple(s) for s in segments])
        return doc


_MAPPED_LISTS = (
    "paragraphs",
    "sentences",
    "quotes",
    "time_expressions",
    "quantities",
    "events",
    "participations",
    "stances",
)


def _add_source_offsets(item: dict[str, Any], offsets: OffsetMap) -> None:
    for key in [k for k in item if k.endswith("start") and not k.startswith("margin_")]:
        prefix = key[: -len("start")]
        start, end = item[key], item.get(prefix + "end")
        if isinstance(start, int) and isinstance(end, int):
            item[prefix + "source_start"], item[prefix + "source_end"] = offsets.span_to_source(start, end)


def _to_plain(obj: Any) -> Any:
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return {f.name: _to_plain(getattr(obj, f.name)) for f in dataclasses.fields(obj)}
    if isinstance(obj, list | tuple):
        return [_to_plain(x) for x in obj]
    return obj


T = TypeVar("T")


@functools.cache
def _fields_of(tp: type) -> tuple[dict[str, Any], frozenset[str]]:
    # get_type_hints evaluates every string annotation each call: once per record type, not
    # once per record (reading a stored document made of hundreds of records).
    return typing.get_type_hints(tp), frozenset(f.name for f in dataclasses.fields(tp) if f.init)


def _from_plain(tp: Any, value: Any) -> Any:
    """Rebuild a record from its plain form, guided by the dataclass type hints."""
    if value is None:
        return None
    origin = typing.get_origin(tp)
    if origin in (Union, types.UnionType):
        options = [a for a in typing.get_args(tp) if a is not type(None)]
        return _from_plain(options[0], value) if len(options) == 1 else value
    if origin is list:
        (item_type,) = typing.get_args(tp)
        return [_from_plain(item_type, v) for v in value]
    if origin is tuple:
        return tuple(value)
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        hints, names = _fields_of(tp)
        kwargs = {k: _from_plain(hints[k], v) for k, v in value.items() if k in names}
        return tp(**kwargs)
    return value
