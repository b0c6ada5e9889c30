"""News-page rules on top of trafilatura: captions out and kept, furniture out, story kept."""

from __future__ import annotations

import pytest

from newsgraph.clean import clean_article
from newsgraph.ingest.html import article_from_html, extract_html

STORY_SENTENCES = [
    "A winter storm cut power to more than twelve thousand homes",
    "Crews worked through the night to restore supply",
    "The mayor of Port Elliot, James Whitfield, said the council had opened two shelters",
    "Forecasters expect calmer weather from Monday",
]


@pytest.fixture(scope="module")
def page(data_dir):
    html = (data_dir / "storm_page.html").read_text(encoding="utf-8")
    article = extract_html(html, "https://coastalherald.example/news/storm")
    assert article is not None
    return article


def test_title_loses_site_suffix_and_body_loses_headline(page):
    assert page.title == "Storm cuts power to thousands on the coast"
    assert not page.body.startswith("Storm cuts power")
    assert page.date == "2024-02-03"


def test_story_paragraphs_are_kept(page):
    for sentence in STORY_SENTENCES:
        assert sentence in page.body


@pytest.mark.parametrize(
    "furniture",
    [
        "Fallen trees block the coast road",  # figure caption
        "Ana Ruiz",  # photo credit
        "How last winter's storms changed the coast road",  # "Read more:" promotion
        "Harbour bridge reopens after eight months",  # related-story teaser link
        "contributed to this report",  # contributor line
    ],
)
def test_page_furniture_is_not_in_the_body(page, furniture):
    assert furniture not in page.body


def test_caption_and_credit_are_kept_as_metadata(page):
    assert any(c.startswith("Fallen trees block the coast road") for c in page.captions)
    assert any("Ana Ruiz" in c for c in page.credits)


def test_clean_stage_removes_newsletter_prompt_and_records_it(data_dir):
    html = (data_dir / "storm_page.html").read_text(encoding="utf-8")
    raw = article_from_html(html, "storm_page.html", url="https://coastalherald.example/news/storm")
    cleaned = clean_article(raw)
    body = cleaned.text
    assert "Subscribe to our daily newsletter" not in body
    assert any(r.kind == "boilerplate" and r.text.startswith("Subscribe") for r in cleaned.removals)
    assert cleaned.paragraphs[0].kind == "title"
    assert cleaned.captions and cleaned.captions[0].text.startswith("Fallen trees")
