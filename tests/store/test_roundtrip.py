"""Property: any document stored comes back out unchanged, on every backend."""

from __future__ import annotations

import itertools

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsgraph.ingest.article import content_id
from newsgraph.records import (
    Caption,
    Document,
    Entity,
    Event,
    Mention,
    Paragraph,
    Participation,
    Quantity,
    Quote,
    Removal,
    Role,
    Sentence,
    SourceSpan,
    Stance,
    TimeExpression,
)

# Text as the pipeline produces it: no NUL (PostgreSQL text cannot hold it; ingest refuses it)
# and no lone surrogates (not encodable).
text = st.text(st.characters(exclude_categories=("Cs",), exclude_characters="\x00"), max_size=30)
maybe_text = st.none() | text
offset = st.integers(min_value=0, max_value=10**6)
maybe_offset = st.none() | offset
number = st.none() | st.floats(allow_nan=False, allow_infinity=False)

mentions = st.builds(Mention, offset, offset, text, text, maybe_text, st.sampled_from(["name", "nominal", "pronoun"]))
roles = st.builds(Role, text, maybe_text, maybe_offset, maybe_offset, maybe_offset, maybe_offset)
entities = st.builds(
    Entity,
    text,
    text,
    st.sampled_from(["person", "organization", "place", "group"]),
    st.lists(text, max_size=3),
    st.lists(roles, max_size=2),
    st.lists(mentions, max_size=3),
    maybe_text,
    maybe_text,
    number,
    number,
)
quotes = st.builds(
    Quote,
    offset,
    offset,
    text,
    st.sampled_from(["direct", "partial", "mixed", "reported"]),
    maybe_text,
    maybe_text,
    maybe_offset,
    maybe_offset,
    maybe_text,
    maybe_offset,
    maybe_offset,
    maybe_text,
    maybe_text,
    maybe_offset,
    maybe_offset,
    maybe_text,
)
timexes = st.builds(
    TimeExpression, offset, offset, text, st.sampled_from(["DATE", "TIME", "DURATION", "SET"]), maybe_text
)
quantities = st.builds(Quantity, offset, offset, text, number, maybe_text, maybe_text, maybe_text, maybe_text, number)
events = st.builds(
    Event,
    offset,
    offset,
    text,
    offset,
    offset,
    code=maybe_text,
    source_entity=maybe_text,
    date=maybe_text,
    goldstein=number,
    quad_class=st.none() | st.integers(1, 4),
    latitude=number,
)
participations = st.builds(
    Participation, text, text, offset, offset, text, st.sampled_from(["sentence", "story", "none"])
)
stances = st.builds(
    Stance, text, text, st.sampled_from(["support", "oppose", "neutral"]), offset, offset, maybe_text, cue=maybe_text
)
documents = st.builds(
    Document,
    id=text,
    text=text,
    title=maybe_text,
    published=st.none() | st.dates().map(str),
    published_confidence=number,
    url=maybe_text,
    paragraphs=st.lists(st.builds(Paragraph, offset, offset), max_size=3),
    sentences=st.lists(st.builds(Sentence, offset, offset, offset), max_size=3),
    captions=st.lists(
        st.builds(Caption, text, maybe_text, st.lists(st.builds(SourceSpan, offset, offset))), max_size=2
    ),
    removals=st.lists(st.builds(Removal, st.just("boilerplate"), text, offset, offset), max_size=2),
    warnings=st.lists(text, max_size=2),
    entities=st.lists(entities, max_size=3),
    quotes=st.lists(quotes, max_size=3),
    time_expressions=st.lists(timexes, max_size=2),
    quantities=st.lists(quantities, max_size=2),
    events=st.lists(events, max_size=2),
    participations=st.lists(participations, max_size=2),
    stances=st.lists(stances, max_size=2),
    source_text=maybe_text,
)

_unique = itertools.count()


@settings(max_examples=40, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(doc=documents)
def test_any_document_round_trips(store, doc):
    # Article ids are content hashes, inputs are known by their source text: unique texts make
    # each example a new input and a new article.
    marker = f" #{next(_unique)}"
    doc.text += marker
    if doc.source_text is not None:
        doc.source_text += marker
    for i, entity in enumerate(doc.entities):
        entity.id = f"{entity.id}-{i}"  # an article's entity ids are distinct
    store.add([doc])
    assert store.get_document(content_id(doc.text)) == doc
