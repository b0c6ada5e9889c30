"""Ingest through the real pipeline: idempotent re-runs, and resuming after a SIGKILL."""

from __future__ import annotations

import itertools
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsgraph.cli import app
from newsgraph.data import sample_paths
from newsgraph.store import open_store

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def articles(tmp_path_factory) -> Path:
    """24 bundled Wikinews articles as one JSON Lines file, plus one that cannot be read."""
    path = tmp_path_factory.mktemp("ingest") / "articles.jsonl"
    with sample_paths("wikinews")[0].open(encoding="utf-8") as fh:
        lines = list(itertools.islice(fh, 24))
    lines.insert(5, json.dumps({"id": "empty", "text": ""}) + "\n")
    path.write_text("".join(lines), encoding="utf-8")
    return path


def _ingest(*args: str) -> list[str]:
    return [sys.executable, "-m", "newsgraph.cli", "ingest", *args, "--quiet"]


def test_ingest_twice_adds_nothing_and_lists_errors(articles, store_url):
    runner = CliRunner()
    first = runner.invoke(app, ["ingest", str(articles), "--db", store_url, "--batch-size", "10"])
    assert first.exit_code == 3, first.output  # some input failed (the empty one), the others went in
    assert "24 articles stored" in first.output and "1 failed" in first.output
    with open_store(store_url) as store:
        counts = store.counts()
    assert counts["articles"] == 24 and counts["quotes"] > 0 and counts["entities"] > 0
    again = runner.invoke(app, ["ingest", str(articles), "--db", store_url])
    assert again.exit_code == 3 and "24 already stored" in again.output
    with open_store(store_url) as store:
        assert store.counts() == counts


def test_killed_ingest_resumes_to_the_same_database(articles, store_url, tmp_path, request):
    # The reference is an uninterrupted run into the same kind of database, with other batches.
    postgres = store_url.startswith("postgresql://")
    reference_url = request.getfixturevalue("postgres_factory")() if postgres else str(tmp_path / "reference.db")
    assert subprocess.run(_ingest(str(articles), "--db", reference_url), timeout=600).returncode == 3

    process = subprocess.Popen(_ingest(str(articles), "--db", store_url, "--batch-size", "3"))
    try:
        # Kill once some batches are committed and more are on the way.
        deadline = time.monotonic() + 300
        stored = 0
        while time.monotonic() < deadline and process.poll() is None:
            time.sleep(0.2)
            with open_store(store_url) as store:
                stored = store.counts()["articles"]
            if stored >= 6:
                break
        assert process.poll() is None, "ingest finished before it could be killed"
        os.kill(process.pid, signal.SIGKILL)
        process.wait(timeout=30)
    finally:
        if process.poll() is None:
            process.kill()
    assert 6 <= stored < 24
    resumed = subprocess.run(_ingest(str(articles), "--db", store_url, "--batch-size", "5"), timeout=600)
    assert resumed.returncode == 3  # everything but the empty input is in

    with open_store(reference_url) as reference, open_store(store_url) as resumed:
        expected, got = reference.dump(), resumed.dump()
    assert {t: len(rows) for t, rows in got.items()} == {t: len(rows) for t, rows in expected.items()}
    for table in expected:  # name the first differing row, not just the table
        diff = sorted(set(got[table]) ^ set(expected[table]), key=repr)[:2]
        assert got[table] == expected[table], f"{table} differs, e.g. {diff}"
