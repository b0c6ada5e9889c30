"""clean_article: what is kept, what is removed and why, and offsets back to the source (no model)."""

from __future__ import annotations

from collections import Counter

import pytest

from newsgraph.clean import PARAGRAPH_SEPARATOR, clean_article
from newsgraph.ingest import RawArticle
from newsgraph.ingest.readers import article_from_record, article_from_text
from newsgraph.records import OffsetMap

BODY_1 = (
    "The Harbour Bridge in Port Elliot reopened to traffic on Tuesday morning after eight months of repairs "
    "that cost the city council 14 million dollars, officials said."
)
BODY_2 = "Mayor James Whitfield cut a ribbon at the northern end of the bridge shortly after 7 a.m. on Tuesday."
BODY_3 = "Local businesses on the waterfront said the closure had cut their trade by almost half over the winter."
CAPTION = "Mayor James Whitfield cuts the ribbon on the Harbour Bridge in Port Elliot, May 14, 2024."


def _paragraph_texts(cleaned):
    return [cleaned.text[p.start : p.end] for p in cleaned.paragraphs]


def _assert_maps_back(cleaned, source):
    """Every kept paragraph is the same characters as its source span (line breaks become spaces)."""
    offsets = OffsetMap(cleaned.offset_map.segments)
    for paragraph in cleaned.paragraphs:
        start, end = offsets.span_to_source(paragraph.start, paragraph.end)
        if start == end:  # a title given apart from the text
            continue
        assert cleaned.text[paragraph.start : paragraph.end] == source[start:end].replace("\n", " ")
    for removal in cleaned.removals:
        assert removal.text == source[removal.source_start : removal.source_end].replace("\n", " ")


def test_scraped_article_is_cleaned_with_reasons():
    source = "\n".join(
        [
            "Harbour bridge reopens after repairs",
            "",
            BODY_1,
            "",
            "Advertisement",
            "",
            f"{CAPTION} (Photo: Coastal Herald/Anna Berg)",
            CAPTION,
            "",
            BODY_2,
            "",
            "Share this article",
            "Facebook Twitter Email",
            "",
            BODY_3,
            "",
            BODY_1,
            "",
            "© 2024 Coastal Herald",
        ]
    )
    raw = article_from_text(source, "bridge.txt")
    cleaned = clean_article(raw)
    assert cleaned.title == "Harbour bridge reopens after repairs"
    assert _paragraph_texts(cleaned) == ["Harbour bridge reopens after repairs", BODY_1, BODY_2, BODY_3]
    assert [p.kind for p in cleaned.paragraphs] == ["title", "body", "body", "body"]
    assert cleaned.text == PARAGRAPH_SEPARATOR.join(_paragraph_texts(cleaned))
    assert Counter(r.kind for r in cleaned.removals) == {"boilerplate": 4, "caption": 2, "duplicate": 1}
    assert [r.source_start for r in cleaned.removals] == sorted(r.source_start for r in cleaned.removals)
    (caption,) = cleaned.captions
    assert caption.text == CAPTION
    assert caption.credit == "Coastal Herald/Anna Berg"
    assert len(caption.occurrences) == 2
    assert cleaned.credits == ["Coastal Herald/Anna Berg"]
    (duplicate,) = [r for r in cleaned.removals if r.kind == "duplicate"]
    assert duplicate.duplicate_of == 1 and duplicate.similarity == 100.0
    _assert_maps_back(cleaned, source)


LONG_CAPTION = (
    "Mayor James Whitfield cuts the ribbon at the northern end of the Harbour Bridge in Port Elliot as the first "
    "buses wait to cross, May 14, 2024."
)


def test_caption_line_followed_by_its_credit_line():
    source = f"Bridge reopens\n\n{BODY_1}\n\n{LONG_CAPTION}\n(photo credit: ANNA BERG/COASTAL HERALD)\n\n{BODY_2}\n"
    cleaned = clean_article(article_from_text(source, "x"))
    assert _paragraph_texts(cleaned) == ["Bridge reopens", BODY_1, BODY_2]
    (caption,) = cleaned.captions
    assert (caption.text, caption.credit) == (LONG_CAPTION, "ANNA BERG/COASTAL HERALD")
    assert cleaned.credits == ["ANNA BERG/COASTAL HERALD"]
    assert [r.kind for r in cleaned.removals] == ["caption", "credit"]
    _assert_maps_back(cleaned, source)


def test_short_caption_and_credit_lines_wrapped_together_are_one_caption():
    source = f"Bridge reopens\n\n{BODY_1}\n\n{CAPTION}\n(photo credit: ANNA BERG/COASTAL HERALD)\n\n{BODY_2}\n"
    cleaned = clean_article(article_from_text(source, "x"))
    assert _paragraph_texts(cleaned) == ["Bridge reopens", BODY_1, BODY_2]
    assert [(c.text, c.credit) for c in cleaned.captions] == [(CAPTION, "ANNA BERG/COASTAL HERALD")]
    assert [r.kind for r in cleaned.removals] == ["caption"]
    _assert_maps_back(cleaned, source)


def test_captions_known_from_the_page_are_removed_from_the_text():
    raw = RawArticle(text=f"Bridge reopens\n\n{BODY_1}\n\n{CAPTION}\n\n{BODY_2}", source="x", title="Bridge reopens")
    raw.title_in_text = True
    raw.captions = [CAPTION]
    cleaned = clean_article(raw)
    assert CAPTION not in cleaned.text
    assert [c.text for c in cleaned.captions] == [CAPTION]


def test_title_given_apart_comes_first_with_an_empty_source_span():
    raw = article_from_record({"title": "Bridge reopens", "text": f"{BODY_1}\n\n{BODY_2}"}, "x.jsonl:1")
    cleaned = clean_article(raw)
    assert _paragraph_texts(cleaned) == ["Bridge reopens", BODY_1, BODY_2]
    assert cleaned.paragraphs[0].kind == "title"
    title = cleaned.paragraphs[0]
    assert cleaned.offset_map.span_to_source(title.start, title.end) == (0, 0)
    body = cleaned.paragraphs[1]
    assert cleaned.offset_map.span_to_source(body.start, body.end) == (0, len(BODY_1))
    _assert_maps_back(cleaned, raw.text)


@pytest.mark.parametrize("title_in_text", [True, False], ids=["title-in-text", "title-apart"])
def test_headline_repeated_as_first_body_line_is_removed(title_in_text):
    title = "Bridge reopens"
    text = f"{title}\n\n{title}\n{BODY_1}" if title_in_text else f"{title}\n{BODY_1}"
    raw = RawArticle(text=text, source="page.html", title=title, title_in_text=title_in_text)
    cleaned = clean_article(raw)
    assert _paragraph_texts(cleaned) == [title, BODY_1]
    (removal,) = cleaned.removals
    assert (removal.kind, removal.text, removal.duplicate_of) == ("duplicate", title, 0)


def test_paragraph_kinds():
    source = "\n\n".join(
        [
            "Bridge reopens after repairs",
            "PORT ELLIOT, May 14, 2024",
            BODY_1,
            "What happens next",
            BODY_2,
            "- Buses resume their old routes",
            BODY_3,
            "Reporting by Anna Berg",
        ]
    )
    cleaned = clean_article(article_from_text(source, "x"))
    assert [p.kind for p in cleaned.paragraphs] == [
        "title",
        "dateline",
        "body",
        "heading",
        "body",
        "body",
        "body",
        "body",
    ]


def test_hard_wrapped_text_keeps_exact_offsets(data_dir):
    source = (data_dir / "flood_defences_wrapped.txt").read_text(encoding="utf-8")
    cleaned = clean_article(article_from_text(source, "x"))
    texts = _paragraph_texts(cleaned)
    assert texts[0] == "Council approves new flood defences"
    assert texts[1].startswith("The city council voted") and texts[1].endswith("the council said.")
    assert len(texts) == 7  # title, 2 paragraphs, the list's lead-in and 3 bullets kept apart
    _assert_maps_back(cleaned, source)


def test_headline_directly_above_wrapped_paragraph(data_dir):
    source = (
        (data_dir / "flood_defences_wrapped.txt").read_text(encoding="utf-8").replace("defences\n\n", "defences\n", 1)
    )
    raw = article_from_text(source, "x")
    cleaned = clean_article(raw)
    assert raw.title == "Council approves new flood defences"
    assert _paragraph_texts(cleaned)[0] == raw.title
    assert _paragraph_texts(cleaned)[1].startswith("The city council voted")


def test_byline_in_the_lead_is_removed_and_becomes_the_author():
    text = (
        "Storm cuts power to thousands\n\nBy Jane Smith and Tom Baker, Reuters\n\n"
        "Updated March 22, 2024\n\n"
        "A winter storm cut power to more than twelve thousand homes on Saturday, the utility said.\n\n"
        "By the evening, crews had restored supply to most of them."
    )
    cleaned = clean_article(article_from_text(text, "x"))
    assert cleaned.author == "Jane Smith and Tom Baker"
    assert [r.kind for r in cleaned.removals] == ["byline"]
    assert "By Jane Smith" not in cleaned.text
    assert "By the evening, crews had restored supply" in cleaned.text  # prose that starts with "By" stays
    assert [p.kind for p in cleaned.paragraphs] == ["title", "dateline", "body", "body"]


def test_byline_like_line_after_the_lead_is_kept():
    lead = "The council approved the new budget on Thursday after a long debate about spending on schools and roads."
    text = f"Council approves budget\n\n{lead}\n\nBy Jane Smith\n\nThe vote was close."
    cleaned = clean_article(article_from_text(text, "x"))
    assert "By Jane Smith" in cleaned.text
    assert cleaned.author is None
