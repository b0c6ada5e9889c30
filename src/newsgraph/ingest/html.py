"""HTML pages to article text and metadata: trafilatura, then news-page rules."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import trafilatura
from lxml.html import HtmlElement
from trafilatura.utils import load_html  # pinned trafilatura: internal helpers used on purpose
from trafilatura.xml import xmltotxt

from newsgraph.errors import ErrorCode, InputError
from newsgraph.ingest import html_rules as rules
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
    """Main text and metadata of a page, or ``None`` when it holds no article.

    trafilatura finds the main block; the rules of :mod:`html_rules` then clean its edges
    (headline and standfirst repeated in the body, related-story teasers, closing link
    lists, contributor lines) using the page's own structure, and take picture captions
    out before extraction, keeping them as metadata. Promotion and call-to-action lines
    are left to the clean stage, which treats every input format alike.
    """
    tree = load_html(html)
    if tree is None:
        return None
    captions = rules.pop_captions(tree)
    page = rules.page_info(tree, url)
    extracted = _extract(tree, url)
    if extracted is None or extracted.body is None:
        return None
    if extracted.title:
        page.titles.add(rules.norm(extracted.title))

    first_text = xmltotxt(extracted.body, False)
    if rules.merge_split_body(tree, first_text):
        merged = _extract(tree, url, metadata=False)
        # Keep the second pass only if it added text: it re-scores the page and must not
        # trade the article for another block.
        if merged is not None and merged.body is not None and len(xmltotxt(merged.body, False)) > len(first_text):
            extracted.body = merged.body

    lines = rules.lines_of(extracted.body)
    lines = rules.strip_headline(lines, page.titles, page.h1s)
    lines = rules.strip_lead_meta(lines)
    lines = rules.strip_link_lines(lines, page)
    lines = rules.strip_trailing_link_list(lines, page)
    lines = rules.strip_contributor_lines(lines)
    # A blank line between paragraphs: each is its own block for the clean stage, as in text.
    body = "\n\n".join(line.text for line in lines)
    if sum(ch.isalnum() for ch in body) < MIN_ARTICLE_CHARS:
        return None
    caption_texts, credits = rules.caption_metadata(captions, rules.article_root(tree, lines), page.anchors)
    return HtmlArticle(
        body=body,
        title=_clean_title(extracted.title, extracted.sitename) or None,
        date=extracted.date or None,
        author=extracted.author or None,
        url=extracted.url or url,
        sitename=extracted.sitename or None,
        captions=caption_texts,
        credits=credits,
    )


def _extract(tree: HtmlElement, url: str | None, *, metadata: bool = True) -> Any:
    # Balanced mode: favor_precision and favor_recall both scored lower on news pages.
    return trafilatura.bare_extraction(tree, url=url, include_comments=False, with_metadata=metadata)


_TITLE_SEPARATORS = (" | ", " - ", " – ", " — ", " :: ", " · ")


def _clean_title(title: str | None, sitename: str | None) -> str | None:
    """Drop a " | Site Name" suffix (or prefix) that page titles carry."""
    if not title or not sitename:
        return title
    site = rules.norm(sitename)
    for separator in _TITLE_SEPARATORS:
        head, _, tail = title.rpartition(separator)
        if head and rules.norm(tail) == site:
            return head.strip()
        first, _, rest = title.partition(separator)
        if rest and rules.norm(first) == site:
            return rest.strip()
    return title


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
