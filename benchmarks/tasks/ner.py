"""TASK ner: PER/ORG/LOC name spans in single sentences (Universal NER English: PUD news and wiki, EWT web text).

The benchmark labels people PER, organisations ORG and every kind of place LOC, and has no
class for nationalities, groups or events, so newsgraph's entity types map to its labels
one to one and the rest is left out. Offsets are mapped back to the input text through
the document's offset map (cleaning may drop or move lines).
"""

from __future__ import annotations

from collections.abc import Iterator

from newsgraph.config import Config
from newsgraph.ingest import InputFailure
from newsgraph.pipeline import Pipeline

from . import Predictor, Record

FILES = ["dev.jsonl", "dev_ewt.jsonl"]
FIELDS = ["id", "text"]

#: newsgraph entity type -> benchmark label.
TYPE_LABELS = {"person": "PER", "organization": "ORG", "place": "LOC"}
#: spaCy label -> benchmark label, for the bare model.
SPACY_LABELS = {"PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC"}


def newsgraph(records: Iterator[Record]) -> Iterator[Record]:
    """The entity layer's name mentions (not descriptions or pronouns), typed by their entity."""
    # Records are one or a few sentences: no minimum length, no language check.
    pipeline = Pipeline(Config(extractors=("entities",), check_language=False, min_chars=1))
    batch = list(records)
    found: dict[str, list[Record]] = {}
    failures: list[InputFailure] = []
    items = ({"id": r["id"], "text": r["text"]} for r in batch)
    for document in pipeline.analyze_many(items, on_error=failures.append):
        entities = []
        for entity in document.entities:
            label = TYPE_LABELS.get(entity.type)
            if label is None:
                continue
            for mention in entity.mentions:
                if mention.kind != "name":  # descriptions and pronouns are not names
                    continue
                start, end = document.source_span(mention.start, mention.end)
                entities.append({"start": start, "end": end, "label": label})
        # The benchmark's spans are flat: a name nested in another ("Colorado" in "Denver,
        # Colorado") is part of the outer name there.
        outer = [e for e in entities if not any(_nested(e, o) for o in entities)]
        found[document.id] = sorted(outer, key=lambda e: (e["start"], e["end"]))
    # A record the pipeline refused (none should be) still gets its prediction line.
    for record in batch:
        yield {"id": record["id"], "entities": found.get(str(record["id"]), [])}


def _nested(inner: Record, outer: Record) -> bool:
    """Whether ``inner`` lies strictly inside ``outer``."""
    return (
        outer["start"] <= inner["start"]
        and inner["end"] <= outer["end"]
        and (outer["start"], outer["end"]) != (inner["start"], inner["end"])
    )


def spacy(records: Iterator[Record]) -> Iterator[Record]:
    """The bare model's entities with a plain label mapping: the baseline to beat."""
    import spacy as spacy_lib

    nlp = spacy_lib.load(Config().model)
    batch = list(records)
    for record, doc in zip(batch, nlp.pipe(r["text"] for r in batch), strict=True):
        entities = [
            {"start": e.start_char, "end": e.end_char, "label": SPACY_LABELS[e.label_]}
            for e in doc.ents
            if e.label_ in SPACY_LABELS
        ]
        yield {"id": record["id"], "entities": entities}


SYSTEMS: dict[str, Predictor] = {"newsgraph": newsgraph, "spacy": spacy}
