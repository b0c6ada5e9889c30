"""Properties that hold for any input (hypothesis): a record or a clear numbered error, offsets in bounds.

Readers get any bytes; the HTML reader any markup, nested deep; the whole pipeline (cleaning
and every extractor) any text, mixed scripts and long runs of one character inside English
prose. Examples are few in the normal suite (the model runs on each); ``benchmarks/fuzz.py``
runs the readers and cleaners for millions of inputs.
"""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsgraph.clean import clean_article
from newsgraph.errors import ErrorCode, NewsgraphError
from newsgraph.ingest import InputFailure, RawArticle, article_from_html, read_bytes
from newsgraph.records import Document

PROSE = (
    "The city council approved a new flood barrier on Tuesday, the mayor said. "
    "“We will finish it by March,” she told reporters in Port Elliot. "
)
SCRIPTS = ("Москва", "北京市", "القاهرة", "München", "Ελλάδα", "दिल्ली", "Zürich")
WORDS = st.sampled_from([*SCRIPTS, "the", "said", "council", "“", "”", "(", ")"])
MIXED_SCRIPTS = st.lists(WORDS, min_size=1, max_size=60).map(" ".join)
RUNS = st.tuples(st.characters(), st.integers(min_value=1, max_value=3000)).map(lambda pair: pair[0] * pair[1])
HOSTILE = st.one_of(st.text(max_size=600), MIXED_SCRIPTS, RUNS)
ARTICLE = st.tuples(HOSTILE, st.booleans()).map(lambda p: PROSE + p[0] + "\n" + PROSE if p[1] else p[0])

TAGS = st.sampled_from(["div", "p", "span", "b", "article", "table", "td", "script", "li", "a"])
HTML = st.recursive(
    st.text(max_size=80).map(lambda t: t.replace("<", " ")),
    lambda inner: st.tuples(TAGS, st.lists(inner, max_size=4)).map(
        lambda pair: f"<{pair[0]}>{''.join(pair[1])}</{pair[0]}>"
    ),
    max_leaves=40,
)


def _page(html: str) -> str:
    return f"<html><body><article><p>{PROSE}</p>{html}<p>{PROSE}</p></article></body></html>"


DEEP = st.integers(min_value=1, max_value=3000).map(lambda n: "<div>" * n + PROSE + "</div>" * n)


def _offset_pairs(value: Any, path: str = "") -> list[tuple[str, int, int]]:
    """Every ``X_start``/``X_end`` pair of ints in a record, recursively, with where it was."""
    pairs = []
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        names = {f.name for f in dataclasses.fields(value)}
        for name in names:
            if name.endswith("start") and (end := name[: -len("start")] + "end") in names:
                start_value, end_value = getattr(value, name), getattr(value, end)
                if isinstance(start_value, int) and isinstance(end_value, int):
                    pairs.append((f"{path}{type(value).__name__}.{name}", start_value, end_value))
        for name in names:
            pairs += _offset_pairs(getattr(value, name), f"{path}{type(value).__name__}.")
    elif isinstance(value, list):
        for item in value:
            pairs += _offset_pairs(item, path)
    return pairs


def assert_offsets_in_bounds(document: Document) -> None:
    for where, start, end in _offset_pairs(document):
        # Removals and source spans point into the ingested text, everything else into the cleaned.
        limit = len(document.source_text or "") if where.endswith(".source_start") else len(document.text)
        assert 0 <= start <= end <= limit, f"{where}: {start}..{end} outside 0..{limit}"


def assert_record_or_clear_error(documents: list[Document], failures: list[InputFailure]) -> None:
    assert len(documents) + len(failures) == 1
    for failure in failures:
        assert isinstance(failure.error, NewsgraphError)
        assert failure.error.code is not ErrorCode.E012, failure.error.message  # E012 is a bug
        assert "\n" not in failure.error.message
    for document in documents:
        assert_offsets_in_bounds(document)


@settings(max_examples=200, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=2000))
def test_any_bytes_are_an_article_or_a_numbered_error(data):
    for result in read_bytes(data, "fuzz", None, 10_000):
        if isinstance(result, InputFailure):
            assert isinstance(result.error, NewsgraphError)
        else:
            assert isinstance(result, RawArticle) and isinstance(result.text, str)


@settings(max_examples=100, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(HTML, DEEP))
def test_any_html_is_an_article_or_a_numbered_error(html):
    try:
        raw = article_from_html(html, "fuzz.html", max_chars=1_000_000)
    except NewsgraphError:
        return
    cleaned = clean_article(raw)
    for paragraph in cleaned.paragraphs:
        assert 0 <= paragraph.start <= paragraph.end <= len(cleaned.text)


@settings(max_examples=150)
@given(ARTICLE)
def test_cleaning_any_text_keeps_offsets_in_bounds(text):
    cleaned = clean_article(RawArticle(text=text, source="fuzz"))
    for paragraph in cleaned.paragraphs:
        assert 0 <= paragraph.start <= paragraph.end <= len(cleaned.text)


@pytest.mark.model
@settings(max_examples=25, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(ARTICLE)
def test_every_extractor_gives_a_record_or_a_clear_error_on_any_text(run, text):
    documents, failures = run([text])
    assert_record_or_clear_error(documents, failures)


@pytest.mark.model
@settings(max_examples=10, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(st.one_of(HTML, DEEP).map(_page))
def test_every_extractor_gives_a_record_or_a_clear_error_on_any_html(run, html):
    documents, failures = run([html])
    assert_record_or_clear_error(documents, failures)
