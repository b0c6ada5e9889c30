"""Shared fixtures: test data, the reference data in ../shared, one Pipeline per session.

The spaCy model is loaded once per session (``pipeline``); the bundled seed article is
analysed once (``seed_doc``). Tests that need ``../shared`` skip with a reason when it is absent
(``NEWSGRAPH_SHARED`` overrides its location).
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from hypothesis import settings

from newsgraph.data import sample_paths
from newsgraph.ingest import InputFailure, read_paths
from newsgraph.pipeline import Pipeline
from newsgraph.records import Document

TESTS_DIR = Path(__file__).resolve().parent
REPO_ROOT = TESTS_DIR.parent
SEED_ID = "000_5b7bcf2cbf6902ac"

# No example database: the suite writes nothing outside its temporary directories.
settings.register_profile("newsgraph", database=None, deadline=None)
settings.load_profile("newsgraph")


def shared_root() -> Path:
    override = os.environ.get("NEWSGRAPH_SHARED")
    return Path(override) if override else REPO_ROOT.parent / "shared"


@pytest.fixture(scope="session")
def data_dir() -> Path:
    return TESTS_DIR / "data"


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    root = shared_root()
    if not root.is_dir():
        pytest.skip(f"shared reference data not found at {root} (set NEWSGRAPH_SHARED to its location)")
    return root


def _shared_file(shared_dir: Path, *parts: str) -> Path:
    path = shared_dir.joinpath(*parts)
    if not path.is_file():
        pytest.skip(f"shared reference file {path} not found")
    return path


@pytest.fixture(scope="session")
def seed_expected(shared_dir) -> dict:
    """The hand-made reference extraction of the seed article."""
    return json.loads(_shared_file(shared_dir, "corpus", "seed", "expected.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def seed_txt_path(shared_dir) -> Path:
    return _shared_file(shared_dir, "corpus", "seed", f"{SEED_ID}.txt")


@pytest.fixture(scope="session")
def pipeline() -> Pipeline:
    """The default pipeline; its spaCy model is loaded once for the whole session."""
    return Pipeline()


@pytest.fixture(scope="session")
def run(pipeline):
    """``run(items, **kwargs) -> (documents, failures)`` through the session pipeline."""

    def run(items, **kwargs) -> tuple[list[Document], list[InputFailure]]:
        failures: list[InputFailure] = []
        docs = list(pipeline.analyze_many(items, on_error=failures.append, **kwargs))
        return docs, failures

    return run


@pytest.fixture(scope="session")
def seed_doc(run) -> Document:
    """The bundled seed article (the same text as ../shared/corpus/seed), analysed once."""
    docs, failures = run(read_paths(sample_paths("seed")))
    assert failures == []
    assert len(docs) == 1
    return docs[0]
