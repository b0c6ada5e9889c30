"""Records: the offset map, JSON round trips, the schema version."""

from __future__ import annotations

import json

from hypothesis import given
from hypothesis import strategies as st

import newsgraph
from newsgraph.records import (
    SCHEMA_VERSION,
    Caption,
    Document,
    Entity,
    Event,
    Mention,
    OffsetMap,
    Paragraph,
    Quantity,
    Quote,
    Removal,
    Role,
    Sentence,
    SourceSpan,
    Stance,
    TimeExpression,
)

SEPARATOR = "\n\n"


# ---------------------------------------------------------------------------- offset map


@st.composite
def cleaned_from_source(draw):
    """A source text, and a cleaned text made of some of its slices joined by separators,
    built the way ``clean._assemble`` builds it."""
    source = draw(st.text(alphabet="abcdefgh \n", min_size=0, max_size=200))
    cuts = sorted(draw(st.lists(st.integers(0, len(source)), max_size=12)))
    bounds = list(zip([0, *cuts], [*cuts, len(source)], strict=True))
    slices = [b for b in bounds if b[1] > b[0] and draw(st.booleans())]
    offsets = OffsetMap()
    pieces: list[str] = []
    position = 0
    for start, end in slices:
        if pieces:
            pieces.append(SEPARATOR)
            position += len(SEPARATOR)
        pieces.append(source[start:end])
        offsets.add(position, start, end - start)
        position += end - start
    return source, "".join(pieces), offsets


@given(cleaned_from_source(), st.data())
def test_span_to_source_is_within_bounds_and_ordered(case, data):
    source, cleaned, offsets = case
    start = data.draw(st.integers(0, len(cleaned)))
    end = data.draw(st.integers(start, len(cleaned)))
    source_start, source_end = offsets.span_to_source(start, end)
    assert 0 <= source_start <= source_end <= len(source)


@given(cleaned_from_source(), st.data())
def test_span_to_source_is_monotonic(case, data):
    _, cleaned, offsets = case
    a, b = sorted(data.draw(st.lists(st.integers(0, len(cleaned)), min_size=2, max_size=2)))
    end = data.draw(st.integers(b, len(cleaned)))
    assert offsets.to_source(a) <= offsets.to_source(b)
    # a later start never maps earlier, a later end never maps earlier
    assert offsets.span_to_source(a, end)[0] <= offsets.span_to_source(b, end)[0]
    assert offsets.span_to_source(a, b)[1] <= offsets.span_to_source(a, end)[1]


@given(cleaned_from_source(), st.data())
def test_span_inside_one_slice_maps_to_the_same_characters(case, data):
    source, cleaned, offsets = case
    if not offsets.segments:
        return
    clean_start, _, length = data.draw(st.sampled_from(offsets.segments))
    start = data.draw(st.integers(clean_start, clean_start + length))
    end = data.draw(st.integers(start, clean_start + length))
    source_start, source_end = offsets.span_to_source(start, end)
    assert source[source_start:source_end] == cleaned[start:end]


@given(cleaned_from_source())
def test_whole_cleaned_text_maps_to_a_span_containing_every_slice(case):
    _, cleaned, offsets = case
    source_start, source_end = offsets.span_to_source(0, len(cleaned))
    for _, slice_start, length in offsets.segments:
        assert source_start <= slice_start and slice_start + length <= source_end


def test_separator_maps_to_end_of_preceding_slice():
    offsets = OffsetMap()
    offsets.add(0, 10, 5)  # "hello" at source 10
    offsets.add(7, 30, 5)  # separator at clean 5-6, then "world" at source 30
    assert offsets.to_source(5) == 15
    assert offsets.to_source(6) == 15
    assert offsets.to_source(7) == 30
    assert offsets.span_to_source(5, 7) == (15, 15)
    assert offsets.span_to_source(3, 9) == (13, 32)


def test_text_before_first_slice_has_empty_source_span():
    """A title given apart from the text occupies clean offsets before the first slice."""
    offsets = OffsetMap()
    offsets.add(7, 0, 20)
    assert offsets.span_to_source(0, 5) == (0, 0)
    assert offsets.span_to_source(0, 9) == (0, 2)


def test_add_ignores_empty_slices():
    offsets = OffsetMap()
    offsets.add(0, 0, 0)
    assert offsets.segments == []


# ---------------------------------------------------------------------------- documents

_text = st.text(max_size=30)
_opt_text = st.none() | _text
_int = st.integers(0, 10_000)
_opt_int = st.none() | _int
_float = st.floats(allow_nan=False, allow_infinity=False, width=32)

_mentions = st.builds(Mention, _int, _int, _text, st.sampled_from(["PERSON", "ORG", "GPE"]), _opt_text)
_entities = st.builds(
    Entity,
    _text,
    _text,
    st.sampled_from(["person", "organization", "place"]),
    aliases=st.lists(_text, max_size=3),
    roles=st.lists(st.builds(Role, _text, _opt_text, _opt_int, _opt_int), max_size=2),
    mentions=st.lists(_mentions, max_size=3),
    actor_code=_opt_text,
    latitude=st.none() | _float,
)
_documents = st.builds(
    Document,
    id=_text,
    text=st.text(max_size=200),
    title=_opt_text,
    published=st.none() | st.dates().map(lambda d: d.isoformat()),
    published_from=st.sampled_from([None, "input", "html", "option"]),
    url=_opt_text,
    language=st.sampled_from([None, "en"]),
    paragraphs=st.lists(st.builds(Paragraph, _int, _int, st.sampled_from(["title", "heading", "body"])), max_size=4),
    sentences=st.lists(st.builds(Sentence, _int, _int, _int), max_size=4),
    captions=st.lists(
        st.builds(Caption, _text, _opt_text, st.lists(st.builds(SourceSpan, _int, _int), max_size=2)), max_size=2
    ),
    credits=st.lists(_text, max_size=2),
    removals=st.lists(
        st.builds(
            Removal,
            st.sampled_from(["caption", "credit", "near_duplicate"]),
            _text,
            _int,
            _int,
            _opt_int,
            st.none() | _float,
        ),
        max_size=3,
    ),
    warnings=st.lists(_text, max_size=2),
    entities=st.lists(_entities, max_size=3),
    quotes=st.lists(
        st.builds(Quote, _int, _int, _text, speaker=_opt_text, speaker_start=_opt_int, speaker_end=_opt_int),
        max_size=2,
    ),
    time_expressions=st.lists(st.builds(TimeExpression, _int, _int, _text, st.just("DATE"), _opt_text), max_size=2),
    quantities=st.lists(st.builds(Quantity, _int, _int, _text, st.none() | _float, _opt_text), max_size=2),
    events=st.lists(st.builds(Event, _int, _int, _text, _int, _int, goldstein=st.none() | _float), max_size=2),
    stances=st.lists(st.builds(Stance, _text, _text, st.sampled_from(["support", "oppose"]), _int, _int), max_size=2),
    offset_map=st.lists(st.tuples(_int, _int, st.integers(1, 100)), max_size=4).map(lambda s: OffsetMap(sorted(s))),
    source_text=_opt_text,
)


@given(_documents)
def test_document_round_trips_through_json(doc):
    data = json.loads(json.dumps(doc.as_dict(with_source=True)))
    assert Document.from_dict(data) == doc


@given(_documents)
def test_as_dict_without_source_drops_only_source_text(doc):
    data = json.loads(json.dumps(doc.as_dict()))
    assert "source_text" not in data
    back = Document.from_dict(data)
    assert back.source_text is None
    back.source_text = doc.source_text
    assert back == doc


def test_schema_version_is_in_every_document():
    data = Document(id="a", text="x").as_dict()
    assert data["schema_version"] == SCHEMA_VERSION == newsgraph.SCHEMA_VERSION == "1.3"


def test_as_dict_adds_source_offsets_to_every_offset_pair():
    text = "Title\n\nHe said: hello there."
    offsets = OffsetMap([(0, 100, 5), (7, 200, 21)])
    doc = Document(
        id="d",
        text=text,
        paragraphs=[Paragraph(0, 5, "title"), Paragraph(7, 28)],
        quotes=[Quote(16, 27, "hello there", speaker="He", speaker_start=7, speaker_end=9)],
        entities=[Entity("e", "He", "person", mentions=[Mention(7, 9, "He", "PERSON")], roles=[Role("chief")])],
        offset_map=offsets,
    )
    data = doc.as_dict()
    assert data["paragraphs"][1]["source_start"] == 200
    assert data["paragraphs"][1]["source_end"] == 221
    quote = data["quotes"][0]
    assert (quote["source_start"], quote["source_end"]) == (209, 220)
    assert (quote["speaker_source_start"], quote["speaker_source_end"]) == (200, 202)
    assert (data["entities"][0]["mentions"][0]["source_start"], data["entities"][0]["mentions"][0]["source_end"]) == (
        200,
        202,
    )
    assert "source_start" not in data["entities"][0]["roles"][0]  # a role without offsets gets none
    assert data["offset_map"] == [[0, 100, 5], [7, 200, 21]]


def test_body_excludes_the_title():
    doc = Document(id="d", text="Title\n\nFirst.\n\nSecond.", paragraphs=[Paragraph(0, 5, "title")])
    assert doc.body == ""
    doc.paragraphs += [Paragraph(7, 13), Paragraph(15, 22)]
    assert doc.body == "First.\n\nSecond."
    assert Document(id="d", text="no paragraphs").body == "no paragraphs"
