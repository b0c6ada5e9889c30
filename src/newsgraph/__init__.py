"""newsgraph: who said what to whom, who met whom where and when, from raw news articles.

>>> import newsgraph
>>> doc = newsgraph.analyze(open("article.txt").read(), published="2024-03-22")
>>> doc.title, [e.name for e in doc.entities]
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from newsgraph.config import Config
from newsgraph.errors import ErrorCode, InputError, NewsgraphError
from newsgraph.records import SCHEMA_VERSION, Document

if TYPE_CHECKING:
    from newsgraph.pipeline import ArticleInput, ErrorHandler, Pipeline

__version__ = "0.1.0"
__all__ = [
    "SCHEMA_VERSION",
    "Config",
    "Document",
    "ErrorCode",
    "InputError",
    "NewsgraphError",
    "Pipeline",
    "analyze",
    "analyze_many",
]


def __getattr__(name: str) -> Any:
    # The pipeline imports spaCy (about a second): load it only when asked for, so the CLI's
    # help, queries and the web app's read pages start without it.
    if name == "Pipeline":
        from newsgraph.pipeline import Pipeline

        return Pipeline
    raise AttributeError(f"module 'newsgraph' has no attribute {name!r}")


@lru_cache(maxsize=1)
def _default_pipeline() -> Pipeline:
    from newsgraph.pipeline import Pipeline

    return Pipeline()


def analyze(text_or_html: str | bytes, published: str | None = None, **meta: Any) -> Document:
    """Analyse one article (plain text or HTML). ``meta``: ``id``, ``title``, ``url``, ``author``.

    Raises :class:`NewsgraphError` when the article cannot be read (empty, binary, not
    English, ...).
    """
    return _default_pipeline().analyze(text_or_html, published=published, **meta)


def analyze_many(
    items: Iterable[ArticleInput], *, published: str | None = None, on_error: ErrorHandler | None = None
) -> Iterator[Document]:
    """Analyse many articles lazily: strings, bytes, dicts (``text``/``html``, ``title``,
    ``published``, ``url``, ``id``), paths or :class:`~newsgraph.ingest.RawArticle`.

    Articles that cannot be read go to ``on_error`` (or are logged) and are skipped.
    """
    return _default_pipeline().analyze_many(items, published=published, on_error=on_error)
