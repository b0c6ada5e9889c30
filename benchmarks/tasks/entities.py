"""TASK entities: typed mentions, in-article chains and cross-article ids (MEANTIME Wikinews)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from newsgraph import Config, Pipeline
from newsgraph.identity import EntityIndex

from . import Predictor, Record

FILES = ["wikinews_dev.jsonl"]
FIELDS = ["id", "title", "date", "text", "sentence_spans"]


def INPUTS(gold: Path, shared: Path) -> Iterator[Record]:
    """The Wikinews article records of the gold file's articles, in gold order."""
    with gold.open(encoding="utf-8") as fh:
        wanted = [json.loads(line)["id"] for line in fh if line.strip()]
    articles = {}
    with (shared / "corpus" / "wikinews" / "articles.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            record = json.loads(line)
            if record["id"] in wanted:
                articles[record["id"]] = record
    for article_id in wanted:
        yield articles[article_id]


#: newsgraph entity types → the benchmark's; groups (nationalities), events and works are not scored.
_TYPES = {"person": "PER", "organization": "ORG", "place": "LOC", "product": "PRO", "financial": "FIN"}
_SPACY_TYPES = {"PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC"}


def newsgraph(records: Iterator[Record]) -> Iterator[Record]:
    """The entity layer on each article; one :class:`EntityIndex` links them across articles."""
    pipeline = Pipeline(Config(extractors=("entities",), check_language=False))
    index = EntityIndex()
    for record in records:
        items = [{"text": record["text"], "published": record.get("date"), "id": record["id"]}]
        documents = list(pipeline.analyze_many(items, on_error=lambda failure: None))
        entities = []
        for document in documents:
            for entity in document.entities:
                if entity.type not in _TYPES:
                    continue
                if all(m.kind != "name" for m in entity.mentions):
                    linked = f"{record['id']}:{entity.id}"  # "the employees": no identity across articles
                else:
                    linked = index.resolve(entity.type, entity.name, entity.aliases)
                mentions = []
                for mention in entity.mentions:
                    start, end = document.source_span(mention.start, mention.end)
                    if end > start:
                        mentions.append({"start": start, "end": end})
                entities.append({"entity": linked, "type": _TYPES[entity.type], "mentions": mentions})
        yield {"id": record["id"], "entities": entities}


def spacy(records: Iterator[Record]) -> Iterator[Record]:
    """Bare spaCy: its named entities, one entity per exact (label, text) across articles."""
    import spacy as spacy_lib

    nlp = spacy_lib.load(Config().model)
    for record in records:
        doc = nlp(record["text"])
        grouped: dict[tuple[str, str], list[dict[str, int]]] = {}
        for ent in doc.ents:
            label = _SPACY_TYPES.get(ent.label_)
            if label:
                grouped.setdefault((label, ent.text), []).append({"start": ent.start_char, "end": ent.end_char})
        entities = [{"entity": f"{label}:{text}", "type": label, "mentions": m} for (label, text), m in grouped.items()]
        yield {"id": record["id"], "entities": entities}


SYSTEMS: dict[str, Predictor] = {"newsgraph": newsgraph, "spacy": spacy}
