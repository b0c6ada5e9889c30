"""TASK timeline: an entity's events across a corpus of articles, dated and ordered (SemEval-2015 TimeLine)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from newsgraph import Config, Pipeline
from newsgraph.link.timeline import is_target, order
from newsgraph.records import Document, Participation

from . import Predictor, Record

FILES = ["dev.jsonl"]
FIELDS = ["corpus", "entity", "articles"]
_ARTICLE_FIELDS = ("id", "title", "date", "text", "sentence_spans")


def INPUTS(gold: Path, shared: Path) -> Iterator[Record]:
    """Each gold timeline's corpus and entity, with that corpus's Wikinews articles."""
    corpora: dict[str, list[Record]] = {}
    with (shared / "corpus" / "wikinews" / "articles.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            record = json.loads(line)
            corpora.setdefault(record["corpus"], []).append({k: record[k] for k in _ARTICLE_FIELDS})
    with gold.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                timeline = json.loads(line)
                yield {
                    "corpus": timeline["corpus"],
                    "entity": timeline["entity"],
                    "articles": corpora[timeline["corpus"]],
                }


def _sentence(spans: list[list[int]], offset: int) -> int | None:
    return next((i for i, (start, end) in enumerate(spans) if start <= offset < end), None)


def _analyse(pipeline: Pipeline, articles: list[Record]) -> list[tuple[Record, Document]]:
    """Each article of a corpus analysed once, for all of the corpus's timelines."""
    items = [{"id": a["id"], "text": a["text"], "published": a["date"]} for a in articles]
    documents = {d.id: d for d in pipeline.analyze_many(items, on_error=lambda failure: None)}
    return [(a, documents[a["id"]]) for a in articles if a["id"] in documents]


def newsgraph(records: Iterator[Record]) -> Iterator[Record]:
    """The participations of the target's entity in every article (the pipeline's own
    ``participations``: what it takes part in, dated by its sentence or the story's date)."""
    pipeline = Pipeline(Config(extractors=("entities", "time_expressions", "participations"), check_language=False))
    corpora: dict[str, list[tuple[Record, Document]]] = {}
    for record in records:
        corpus = corpora.get(record["corpus"])
        if corpus is None:
            corpus = corpora[record["corpus"]] = _analyse(pipeline, record["articles"])
        found: list[tuple[Participation, Record, int]] = []
        for article, document in corpus:
            targets = {e.id for e in document.entities if is_target(e, record["entity"])}
            for item in document.participations:
                if item.entity not in targets:
                    continue
                start, _ = document.source_span(item.start, item.end)
                sentence = _sentence(article["sentence_spans"], start)
                if sentence is not None:
                    found.append((item, article, sentence))
        found.sort(key=lambda f: (f[0].date.replace("XX", "00"), f[1]["date"], f[1]["id"], f[0].start))
        positions = order([f[0] for f in found])
        timeline = [
            {"order": position, "date": item.date, "doc_id": article["id"], "sentence": sentence, "event": item.event}
            for position, (item, article, sentence) in zip(positions, found, strict=True)
        ]
        yield {"corpus": record["corpus"], "entity": record["entity"], "timeline": timeline}


def article_dates(records: Iterator[Record]) -> Iterator[Record]:
    """Baseline: every verb of every sentence that names the entity, dated by the article's date."""
    import spacy

    nlp = spacy.load(Config().model, exclude=["ner", "lemmatizer", "attribute_ruler"])
    parsed: dict[str, list[tuple[Record, object]]] = {}
    for record in records:
        corpus = parsed.get(record["corpus"])
        if corpus is None:
            corpus = parsed[record["corpus"]] = [(a, nlp(a["text"])) for a in record["articles"]]
        name = record["entity"].lower()
        found = []
        for article, doc in corpus:
            for number, (start, end) in enumerate(article["sentence_spans"]):
                if name not in article["text"][start:end].lower():
                    continue
                span = doc.char_span(start, end, alignment_mode="expand")  # type: ignore[attr-defined]
                for token in span or ():
                    if token.tag_.startswith("VB") and token.dep_ != "aux":
                        found.append((article["date"], article["id"], number, token.text))
        found.sort()
        dates = sorted({f[0] for f in found})
        timeline = [
            {"order": dates.index(date) + 1, "date": date, "doc_id": doc_id, "sentence": number, "event": event}
            for date, doc_id, number, event in found
        ]
        yield {"corpus": record["corpus"], "entity": record["entity"], "timeline": timeline}


SYSTEMS: dict[str, Predictor] = {"newsgraph": newsgraph, "article-dates": article_dates}
