"""TASK extraction: article body and title from HTML."""

from __future__ import annotations

from collections.abc import Iterator

from newsgraph.clean import clean_article
from newsgraph.errors import NewsgraphError
from newsgraph.ingest import article_from_html

from . import Predictor, Record

FILES = ["dev.jsonl"]
FIELDS = ["id", "html", "url"]


def newsgraph(records: Iterator[Record]) -> Iterator[Record]:
    """Ingest and clean, exactly as the pipeline does before annotation.

    The language check is left out: body extraction works on any language, and the
    benchmark has non-English pages.
    """
    for record in records:
        try:
            raw = article_from_html(record["html"], record["id"], url=record.get("url"))
        except NewsgraphError:
            yield {"id": record["id"], "body": "", "title": None}
            continue
        cleaned = clean_article(raw)
        body = "\n\n".join(cleaned.text[p.start : p.end] for p in cleaned.paragraphs if p.kind != "title")
        yield {"id": record["id"], "body": body, "title": cleaned.title}


def trafilatura(records: Iterator[Record]) -> Iterator[Record]:
    """trafilatura's own extraction with its defaults: the baseline to beat."""
    import trafilatura as baseline

    for record in records:
        body = baseline.extract(record["html"], url=record.get("url"), include_comments=False) or ""
        yield {"id": record["id"], "body": body, "title": None}


SYSTEMS: dict[str, Predictor] = {"newsgraph": newsgraph, "trafilatura": trafilatura}
