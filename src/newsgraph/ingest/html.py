"""HTML pages to article text and metadata, with trafilatura."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import trafilatura

from newsgraph.errors import ErrorCode, InputError
from newsgraph.ingest.article import RawArticle, check_size

#: Fewer letters and digits than this is navigation or an error page, not an article.
MIN_ARTICLE_CHARS = 40
#: HTML allowed per character of article text: real pages run to about 1.5 MB of markup,
#: so the default (10 million characters) refuses only dumps and generated monsters.
HTML_CHARS_PER_TEXT_CHAR = 10


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


def article_from_html(html: str, source: str, *, max_chars: int = 1_000_000, **meta: Any) -> RawArticle:
    """An HTML page: the article text (headline first), metadata and captions."""
    # Refuse before parsing: lxml and trafilatura take minutes on pages of tens of megabytes.
    if len(html) > max_chars * HTML_CHARS_PER_TEXT_CHAR:
        raise InputError(
            ErrorCode.E006,
            source,
            size=f"{len(html):,} characters of HTML",
            limit=f"{max_chars * HTML_CHARS_PER_TEXT_CHAR:,} for a --max-chars of {max_chars:,}",
        )
    page = extract_html(html, meta.get("url"))
    if page is None:
        raise InputError(ErrorCode.E005, source)
    title = meta.pop("title", None) or page.title
    text = f"{title}\n\n{page.body}" if title else page.body
    check_size(text, source, max_chars)
    published, published_from = meta.pop("published", None), meta.pop("published_from", None)
    if published is None and page.date:
        published, published_from = page.date, "html"
    return RawArticle(
        text=text,
        source=source,
        title=title,
        title_in_text=bool(title),
        published=published,
        published_from=published_from,
        url=meta.pop("url", None) or page.url,
        author=meta.pop("author", None) or page.author,
        captions=page.captions,
        credits=page.credits,
        **meta,
    )
