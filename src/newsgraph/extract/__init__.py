"""Extract: pure functions from an annotated spaCy ``Doc`` to records.

Each extractor names the annotation capabilities it needs (see
:func:`newsgraph.annotate.components_for`) and the :class:`~newsgraph.records.Document`
field it fills. The pipeline runs only the model components the enabled extractors need.

An extractor is called as ``run(doc, document)``: ``document`` is the record built so far,
with its metadata (``published``) and the fields of the extractors that ran before it, in
:data:`EXTRACTORS` order (quotes read ``document.entities``, events read entities and
time expressions). It returns the records for its own field and changes nothing else.
An extractor marked ``configured`` is also given the pipeline's ``Config`` as ``config=``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from newsgraph.extract.entities import extract_entities
from newsgraph.extract.events import extract_events
from newsgraph.extract.events.participants import extract_participations
from newsgraph.extract.quantities import extract_quantities
from newsgraph.extract.quotes import extract_quotes
from newsgraph.extract.stances import extract_stances
from newsgraph.extract.time import extract_time_expressions


@dataclass(frozen=True, slots=True)
class Extractor:
    name: str
    needs: frozenset[str]
    field: str
    run: Callable[..., list[Any]]
    #: The extractor takes the pipeline's ``Config`` as keyword ``config`` (user dictionaries).
    configured: bool = False


EXTRACTORS: dict[str, Extractor] = {
    "entities": Extractor("entities", frozenset({"entities", "parse", "tags"}), "entities", extract_entities),
    "time_expressions": Extractor(
        "time_expressions", frozenset({"tags"}), "time_expressions", extract_time_expressions
    ),
    "quantities": Extractor("quantities", frozenset({"parse", "entities"}), "quantities", extract_quantities),
    "quotes": Extractor("quotes", frozenset({"parse", "tags", "entities"}), "quotes", extract_quotes),
    "events": Extractor("events", frozenset({"parse", "tags", "entities"}), "events", extract_events, configured=True),
    "participations": Extractor(
        "participations", frozenset({"parse", "tags", "entities"}), "participations", extract_participations
    ),
    "stances": Extractor("stances", frozenset({"parse", "tags", "entities"}), "stances", extract_stances),
}


def get_extractors(names: tuple[str, ...]) -> list[Extractor]:
    """The named extractors in dependency order (the order of :data:`EXTRACTORS`)."""
    unknown = [n for n in names if n not in EXTRACTORS]
    if unknown:
        raise ValueError(f"unknown extractors {unknown}; available: {sorted(EXTRACTORS)}")
    return [e for name, e in EXTRACTORS.items() if name in names]
