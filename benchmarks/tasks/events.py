"""TASK events: CAMEO-coded (source, target, code) triples per sentence (PETRARCH validation suites).

The ``petr-unittest`` records use fictional actors and test-only codes defined by the
validation dictionaries shipped with the data (``dictionaries/``), so those records are coded
with them loaded through the user-dictionary options (``Config.verb_dictionary``,
``Config.actor_dictionaries``); the ``udp-gsr`` records (real news) use the bundled
dictionaries. That choice by the record's suite is how the suites are defined.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

from newsgraph.records import Document

from . import Predictor, Record

FILES = ["dev.jsonl"]
FIELDS = ["id", "text", "date"]
SCORE_ARGS = [["--by-suite"]]
#: The suite whose records are coded with the validation dictionaries.
VALIDATION_SUITE = "petr-unittest"
_SHARED = Path(os.environ.get("NEWSGRAPH_SHARED") or Path(__file__).resolve().parents[3] / "shared")
DICTIONARY_DIR = _SHARED / "eval" / "events" / "dictionaries"


def predictions(document: Document) -> list[Record]:
    """Events with both actors coded, in the scorer's form."""
    out = []
    for event in document.events:
        if event.source_code and event.target_code and event.code:
            out.append({"source": event.source_code, "target": event.target_code, "code": event.code})
    return out


def _pipeline(validation: bool):  # type: ignore[no-untyped-def]
    from newsgraph import Config, Pipeline

    options: dict = {}
    if validation:
        options = {
            "verb_dictionary": str(DICTIONARY_DIR / "PETR.Validate.verbs.txt"),
            "actor_dictionaries": (
                str(DICTIONARY_DIR / "PETR.Validate.actors.txt"),
                str(DICTIONARY_DIR / "PETR.Validate.agents.txt"),
            ),
        }
    extractors = ("entities", "time_expressions", "quotes", "events")
    # Each record is one sentence: no minimum length, no language check on so little text.
    return Pipeline(Config(extractors=extractors, check_language=False, min_chars=1, **options))


def newsgraph(records: Iterator[Record]) -> Iterator[Record]:
    """The pipeline with entities, time, quotes and events; one sentence per article."""
    pipelines = {False: _pipeline(False), True: _pipeline(True)}
    for record in records:
        validation = record["id"].split(":", 1)[0] == VALIDATION_SUITE
        failures: list = []
        article = {"id": record["id"], "text": record["text"], "title": "", "published": record.get("date")}
        docs = list(pipelines[validation].analyze_many([article], on_error=failures.append))
        yield {"id": record["id"], "events": predictions(docs[0]) if docs else []}


def root_verb(records: Iterator[Record]) -> Iterator[Record]:
    """Baseline: the default code of the sentence's main verb, between the first two actors.

    The PETRARCH-2 verb dictionary's block code for the parse root, with the first and the
    second entity that has an actor code as source and target: what a coder without
    patterns, grammatical roles or status does.
    """
    from newsgraph import Config, Pipeline
    from newsgraph.extract.events.verbs import load_verb_dictionary

    pipeline = Pipeline(Config(extractors=("entities",), check_language=False, min_chars=1))
    verbs = load_verb_dictionary()  # PETRARCH-2's own dictionary, without newsgraph's supplement
    nlp = pipeline.nlp
    for record in records:
        failures: list = []
        article = {"id": record["id"], "text": record["text"], "title": "", "published": record.get("date")}
        docs = list(pipeline.analyze_many([article], on_error=failures.append))
        events: list[Record] = []
        if docs:
            document = docs[0]
            doc = nlp(document.text)
            codes = [
                e.actor_code or e.country_code for e in sorted(document.entities, key=lambda e: e.mentions[0].start)
            ]
            codes = [c for c in codes if c]
            for sent in doc.sents:
                forms = verbs.lookup(sent.root.text)
                code = forms[-1].code.event if forms else None
                if code and len(codes) >= 2:
                    events.append({"source": codes[0], "target": codes[1], "code": code})
        yield {"id": record["id"], "events": events}


SYSTEMS: dict[str, Predictor] = {"newsgraph": newsgraph, "root-verb": root_verb}
