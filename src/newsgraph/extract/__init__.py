"""Extract: pure functions from an annotated spaCy ``Doc`` to records.

Each extractor names the annotation capabilities it needs (see
:func:`newsgraph.annotate.components_for`) and the :class:`~newsgraph.records.Document`
field it fills. The pipeline runs only the model components the enabled extractors need.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from spacy.tokens import Doc

from newsgraph.extract.entities import extract_entities


@dataclass(frozen=True, slots=True)
class Extractor:
    name: str
    needs: frozenset[str]
    field: str
    run: Callable[[Doc], list[Any]]


EXTRACTORS: dict[str, Extractor] = {
    "entities": Extractor("entities", frozenset({"entities"}), "entities", extract_entities),
}


def get_extractors(names: tuple[str, ...]) -> list[Extractor]:
    unknown = [n for n in names if n not in EXTRACTORS]
    if unknown:
        raise ValueError(f"unknown extractors {unknown}; available: {sorted(EXTRACTORS)}")
    return [EXTRACTORS[n] for n in names]
