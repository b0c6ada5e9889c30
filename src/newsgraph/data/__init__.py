"""Bundled data: sample articles (with their licences) and, later, dictionaries."""

from __future__ import annotations

from pathlib import Path

DATA_DIR = Path(__file__).parent
SAMPLES_DIR = DATA_DIR / "samples"

#: Sample sets: name -> files. ``all`` is every bundled article.
SAMPLE_SETS: dict[str, tuple[str, ...]] = {
    "seed": ("seed.jsonl",),
    "wikinews": ("wikinews.jsonl",),
    "all": ("seed.jsonl", "wikinews.jsonl"),
}


def sample_paths(name: str = "all") -> list[Path]:
    """Paths of the bundled sample set ``name`` (``seed``, ``wikinews`` or ``all``)."""
    try:
        return [SAMPLES_DIR / file for file in SAMPLE_SETS[name]]
    except KeyError:
        raise ValueError(f"unknown sample set {name!r}; choose from {', '.join(SAMPLE_SETS)}") from None
