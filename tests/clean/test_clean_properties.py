"""Properties of cleaning that must hold for any text (hypothesis)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from newsgraph.clean import PARAGRAPH_SEPARATOR, clean_article
from newsgraph.ingest import RawArticle

# Lines drawn from what scraped articles are made of, so rules and duplicates fire often.
LINES = st.sampled_from(
    [
        "Officials said the talks would resume next week in Cairo.",
        "Officials said the talks would resume next week in Kairo.",
        "(photo credit: REUTERS/EVELYN HOCKSTEIN)",
        "Protesters gather in Tahrir Square. (AP Photo/Evan Vucci)",
        "Advertisement",
        "Read more: How the deal fell apart",
        "By Jane Smith, Reuters",
        "March 22, 2024",
        "Short heading here",
        "“We will do it alone,” he said.",
        "",
        "   ",
    ]
)
TEXT = st.one_of(
    st.lists(st.one_of(LINES, st.text(min_size=0, max_size=80)), max_size=25).map("\n".join),
    st.text(max_size=400),
)


@settings(max_examples=300, deadline=None)
@given(TEXT, st.booleans())
def test_kept_and_removed_text_maps_back_to_the_source(text, title_in_text):
    title = text.strip().split("\n", 1)[0].strip() if title_in_text and text.strip() else None
    raw = RawArticle(text=text, source="prop", title=title, title_in_text=bool(title))
    cleaned = clean_article(raw)
    for paragraph in cleaned.paragraphs:
        piece = cleaned.text[paragraph.start : paragraph.end]
        start, end = cleaned.offset_map.span_to_source(paragraph.start, paragraph.end)
        assert text[start:end].replace("\r", " ").replace("\n", " ") == piece
        assert piece and piece == piece.strip()
    for removal in cleaned.removals:
        assert text[removal.source_start : removal.source_end].replace("\n", " ").replace("\r", " ") == removal.text
    # Paragraphs tile the cleaned text, separated by the paragraph separator only.
    rebuilt = PARAGRAPH_SEPARATOR.join(cleaned.text[p.start : p.end] for p in cleaned.paragraphs)
    assert rebuilt == cleaned.text


@settings(max_examples=200, deadline=None)
@given(TEXT)
def test_nothing_is_lost_without_a_record(text):
    """Every non-blank source line is either kept in the text or listed as removed."""
    cleaned = clean_article(RawArticle(text=text, source="prop"))
    covered = [cleaned.offset_map.span_to_source(p.start, p.end) for p in cleaned.paragraphs]
    covered += [(r.source_start, r.source_end) for r in cleaned.removals]
    position = 0
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped:
            start = position + line.index(stripped[0])
            assert any(s <= start < e for s, e in covered), f"line {line!r} vanished"
        position += len(line) + 1
