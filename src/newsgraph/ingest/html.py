"""HTML pages to article text and metadata, with trafilatura."""

from __future__ import annotations

from dataclasses import dataclass, field

import trafilatura

#: Fewer letters and digits than this is navigation or an error page, not an article.
MIN_ARTICLE_CHARS = 40


@dataclass(slots=True)
class HtmlArticle:
    body: str
    title: str | None = None
    date: str | None = None
    author: str | None = None
    url: str | None = None
    sitename: str | None = None
    captions: list[str] = field(default_factory=list)
    credits: list[str] = field(default_factory=list)


def extract_html(html: str, url: str | None = None) -> HtmlArticle | None:
    """Main text and metadata of a page, or ``None`` when it holds no article."""
    result = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False, include_tables=True)
    if result is None or sum(ch.isalnum() for ch in result.text or "") < MIN_ARTICLE_CHARS:
        return None
    return HtmlArticle(
        body=result.text,
        title=result.title or None,
        date=result.date or None,
        author=result.author or None,
        url=result.url or url,
        sitename=result.sitename or None,
    )
