"""Web app fixtures: one small knowledge base per session, built from a few bundled articles.

The seed article and the first wikinews articles are ingested once (through the session
pipeline) into a SQLite file in a temporary directory; read-only tests share it. Tests that
write get their own copy (``write_client``).
"""

from __future__ import annotations

import itertools
import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

pytest.importorskip("fastapi", reason="the web app needs the [web] extra (fastapi, uvicorn, jinja2)")

from fastapi.testclient import TestClient
from serve_data import WIKINEWS_ARTICLES

from newsgraph.data import sample_paths
from newsgraph.ingest import RawArticle, read_paths
from newsgraph.serve import create_app
from newsgraph.store import open_store
from newsgraph.store.ingest import ingest


def bundled_articles() -> list[RawArticle]:
    seed = list(read_paths(sample_paths("seed")))
    wikinews = list(itertools.islice(read_paths(sample_paths("wikinews")), WIKINEWS_ARTICLES))
    articles = [a for a in seed + wikinews if isinstance(a, RawArticle)]
    assert len(articles) == 1 + WIKINEWS_ARTICLES
    return articles


@pytest.fixture(scope="session")
def kb_path(tmp_path_factory, pipeline) -> Path:
    path = tmp_path_factory.mktemp("serve") / "kb.db"
    with open_store(path) as store:
        report = ingest(store, bundled_articles(), pipeline=pipeline)
    assert report.failed == 0
    return path


@pytest.fixture(scope="session")
def client(kb_path, pipeline) -> Iterator[TestClient]:
    with TestClient(create_app(str(kb_path), pipeline=pipeline)) as test_client:
        yield test_client


@pytest.fixture()
def write_client(kb_path, pipeline, tmp_path) -> Iterator[TestClient]:
    """A client over a private copy of the knowledge base, for tests that store articles."""
    copy = tmp_path / "kb.db"
    shutil.copy(kb_path, copy)
    with TestClient(create_app(str(copy), pipeline=pipeline)) as test_client:
        yield test_client


@pytest.fixture(scope="session")
def seed_record() -> dict:
    return json.loads(sample_paths("seed")[0].read_text(encoding="utf-8").splitlines()[0])
