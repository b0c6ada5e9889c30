"""The record every reader yields, and helpers shared by the readers."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from datetime import date, datetime
from email.utils import parsedate_to_datetime

from newsgraph.errors import ErrorCode, InputError, NewsgraphError


@dataclass(slots=True)
class RawArticle:
    """An article as read from its input, before cleaning.

    ``text`` is the article text all offsets will refer to (``Document.source_text``). For HTML
    it is the extracted text with the headline as its first line; for plain text and JSON
    Lines it is exactly the text given. ``title_in_text`` says whether ``text`` begins with
    the title.
    """

    text: str
    source: str
    id: str | None = None
    title: str | None = None
    title_in_text: bool = False
    published: str | None = None
    published_from: str | None = None
    url: str | None = None
    author: str | None = None
    captions: list[str] = field(default_factory=list)
    credits: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def article_id(self) -> str:
        """The given id, else a content hash: re-ingesting the same text gives the same id."""
        return self.id or content_id(self.text)


@dataclass(slots=True)
class InputFailure:
    """A reader's report that one input could not be read; the batch goes on."""

    source: str
    error: NewsgraphError


def content_id(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}")


def normalise_date(value: object, source: str | None = None) -> str:
    """``YYYY-MM-DD`` from an ISO date or datetime, or an RFC 2822 date (RSS feeds).

    Raises :class:`InputError` E009 for anything else.
    """
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    text = str(value).strip()
    if _ISO_DATE.match(text):
        try:
            return date.fromisoformat(text[:10]).isoformat()
        except ValueError:
            pass
    else:
        try:
            return parsedate_to_datetime(text).date().isoformat()
        except (TypeError, ValueError, IndexError):
            pass
    raise InputError(ErrorCode.E009, source, value=text)


def check_size(text: str, source: str, max_chars: int) -> None:
    if len(text) > max_chars:
        raise InputError(ErrorCode.E006, source, size=f"{len(text):,} characters", limit=f"{max_chars:,}")


_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_DATELINE = re.compile(
    r"^(?:(?:first |last )?(?:published|updated|posted|modified)(?: on)?\s*:?\s*)?"
    rf"(?:[A-Z][A-Za-z .'-]{{1,40}}[,:–—-]\s*)?(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*,?\s+)?"
    rf"(?:{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|\d{{1,2}}\s+{_MONTH},?\s+\d{{4}}|\d{{4}}-\d{{2}}-\d{{2}})"
    r"(?:[,\s]+\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?(?:\s*[A-Z]{2,4})?)?\W*$",
    re.IGNORECASE,
)


def is_dateline(line: str) -> bool:
    """A line that is only a date, optionally after a place name ("WASHINGTON, March 22, 2024")."""
    return len(line) <= 80 and _DATELINE.match(line.strip()) is not None


_HEADLINE_END = re.compile(r"[.;,]$")


def looks_like_headline(line: str) -> bool:
    """A first line that reads as a headline: short, capitalised, no closing full stop."""
    words = line.split()
    if not 2 <= len(words) <= 30 or len(line) > 250 or is_dateline(line):
        return False
    if not (line[0].isupper() or line[0].isdigit() or line[0] in "\"'“‘"):
        return False
    return not _HEADLINE_END.search(line) or line.endswith("...")


def word_key(text: str) -> str:
    """Comparison key of a snippet: lower-case words, single spaces, no punctuation."""
    return " ".join(re.findall(r"\w+", text.lower()))


def same_words(a: str, b: str) -> bool:
    """Whether two strings have the same letters and digits, ignoring case, spaces and symbols."""
    key_a, key_b = word_key(a).replace(" ", ""), word_key(b).replace(" ", "")
    return key_a == key_b != ""
