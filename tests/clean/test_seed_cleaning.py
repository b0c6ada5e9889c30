"""The seed article against the cleaning part of its reference extraction (../shared)."""

from __future__ import annotations

from collections import Counter

import pytest

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def cleaning(seed_expected) -> dict:
    return seed_expected["cleaning"]


def _paragraph(doc, text):
    matches = [p for p in doc.paragraphs if doc.text[p.start : p.end] == text]
    assert len(matches) == 1, f"{text!r} is not exactly one paragraph"
    return matches[0]


def test_bundled_seed_is_the_shared_article(seed_doc, seed_txt_path, seed_expected):
    assert seed_doc.source_text == seed_txt_path.read_text(encoding="utf-8")
    assert seed_doc.id == seed_expected["document"]["id"]
    assert seed_doc.published == seed_expected["document"]["published"]


def test_title(seed_doc, seed_expected):
    title = seed_expected["document"]["title"]
    assert seed_doc.title == title
    assert seed_doc.paragraphs[0].kind == "title"
    assert seed_doc.text[seed_doc.paragraphs[0].start : seed_doc.paragraphs[0].end] == title
    assert title not in seed_doc.body


def test_subheading_is_a_heading(seed_doc, cleaning):
    assert _paragraph(seed_doc, cleaning["subheading"]).kind == "heading"
    assert [p.kind for p in seed_doc.paragraphs].count("heading") == 1


def test_captions_are_out_of_the_body_and_kept(seed_doc, cleaning):
    assert [c.text for c in seed_doc.captions] == cleaning["captions"]
    for caption in seed_doc.captions:
        assert len(caption.occurrences) == cleaning["each_caption_appears"]
        for occurrence in caption.occurrences:
            assert caption.text in seed_doc.source_text[occurrence.source_start : occurrence.source_end]
        assert caption.text not in seed_doc.body
        assert caption.text not in seed_doc.text


def test_credits_are_out_of_the_body_and_kept(seed_doc, cleaning):
    assert seed_doc.credits == cleaning["credits"]
    assert [c.credit for c in seed_doc.captions] == cleaning["credits"]
    for credit in cleaning["credits"]:
        assert credit not in seed_doc.text
    assert "credit" not in seed_doc.text.lower()
    assert "HOCKSTEIN" not in seed_doc.text


def test_repeated_paragraph_is_kept_once(seed_doc, cleaning):
    repeated = cleaning["duplicate_paragraph"]
    first, variant = repeated["first"], repeated["second_variant_spelling"]
    kept = _paragraph(seed_doc, first)
    assert seed_doc.body.count("are expected to lead a delegation to Washington") == 1
    assert variant not in seed_doc.text
    (removal,) = [r for r in seed_doc.removals if r.kind in ("duplicate", "near_duplicate")]
    assert removal.kind == "near_duplicate"
    assert variant in removal.text
    assert seed_doc.paragraphs[removal.duplicate_of] is kept
    assert 90.0 <= removal.similarity < 100.0


def test_removals_are_exact_source_spans(seed_doc):
    assert Counter(r.kind for r in seed_doc.removals) == {"caption": 4, "credit": 1, "near_duplicate": 1}
    for removal in seed_doc.removals:
        assert seed_doc.source_text[removal.source_start : removal.source_end] == removal.text


def test_nothing_else_is_removed(seed_doc):
    body_lines = [line.strip() for line in seed_doc.source_text.splitlines() if line.strip()]
    removed = {r.text for r in seed_doc.removals}
    kept = [line for line in body_lines if line not in removed]
    assert [seed_doc.text[p.start : p.end] for p in seed_doc.paragraphs] == kept
