"""Faults of the knowledge base: disk full, read-only file or directory, another writer's lock.

Each gives one numbered line (E018-E021), never a traceback, and loses nothing committed
before it. Disk full is injected at COMMIT (a real full disk fails the same statement with the
same error); read-only files are real, and as root (containers, CI) the commands run without
the capabilities that let root write anyway.
"""

from __future__ import annotations

import contextlib
import itertools
import os
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from store_records import make_document, person, quote
from typer.testing import CliRunner

from newsgraph.cli import app
from newsgraph.data import sample_paths
from newsgraph.errors import ErrorCode, StoreError
from newsgraph.records import Mention
from newsgraph.store import open_store, queries
from newsgraph.store.postgres import _WRITE_LOCK

runner = CliRunner()


def _document(n: int):
    text = f"Mayor Ann Ross{n} opened bridge number {n}. “It is open,” Ross{n} said."
    name = f"Ann Ross{n}"
    entity = person(f"p{n}", name, mentions=[Mention(6, 6 + len(name), name, "PERSON", f"p{n}")])
    return make_document(text, doc_id=f"d{n}", entities=[entity], quotes=[quote("It is open,", name, f"p{n}")])


def _stored(store) -> list[str]:
    return [row["doc_id"] for row in store.fetch("SELECT doc_id FROM articles ORDER BY seq")]


class _FailingCommit:
    """A connection whose commits, after the first ``after``, fail as a full disk fails them."""

    def __init__(self, connection: Any, postgres: bool, after: int = 0) -> None:
        self._connection = connection
        self._postgres = postgres
        self.after = after
        self.fail = 1

    def _failing(self) -> bool:
        if self.after:
            self.after -= 1
            return False
        return self.fail > 0

    def __getattr__(self, name: str) -> Any:
        return getattr(self._connection, name)

    def _full(self) -> Exception:
        self.fail -= 1
        if self._postgres:
            import psycopg

            return psycopg.errors.DiskFull("could not extend file: No space left on device")
        return sqlite3.OperationalError("database or disk is full")

    def execute(self, sql: str, *args: Any) -> Any:
        if not self._postgres and sql == "COMMIT" and self._failing():
            raise self._full()
        return self._connection.execute(sql, *args)

    @contextlib.contextmanager
    def transaction(self) -> Iterator[Any]:
        with self._connection.transaction() as tx:  # psycopg: raising inside rolls back
            yield tx
            if self._failing():
                raise self._full()


def test_disk_full_at_commit_is_e017_and_keeps_the_batches_before(store_url):
    with open_store(store_url) as store:
        store.add([_document(1)])
        real = store.connection
        store.connection = _FailingCommit(real, store.dialect == "postgres")
        with pytest.raises(StoreError) as info:
            store.add([_document(2), _document(3)])
        assert info.value.code is ErrorCode.E018 and "\n" not in info.value.message
        assert "the batches committed before it are kept" in info.value.message
        store.connection = real
        assert _stored(store) == ["d1"]  # nothing of the failed batch, nothing lost before it
        store.add([_document(2), _document(3)])  # the same connection goes on once there is space
    with open_store(store_url) as store:
        assert _stored(store) == ["d1", "d2", "d3"]
        assert [a["name"] for a in queries.actors(store, name="Ann Ross2")] == ["Ann Ross2"]


@contextlib.contextmanager
def _held_write_lock(store_url: str) -> Iterator[None]:
    """Another writer in the middle of its transaction."""
    if store_url.startswith("postgresql://"):
        import psycopg

        with psycopg.connect(store_url, autocommit=True) as other, other.transaction():
            other.execute("SELECT pg_advisory_xact_lock(%s)", (_WRITE_LOCK,))
            yield
        return
    other = sqlite3.connect(store_url, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        yield
    finally:
        other.execute("ROLLBACK")
        other.close()


def test_a_writer_locked_out_waits_then_gives_e019_and_goes_on_after(store_url):
    with open_store(store_url, lock_timeout=0.2) as store:
        store.add([_document(1)])
        with _held_write_lock(store_url):
            with pytest.raises(StoreError) as info:
                store.add([_document(2)])
            assert info.value.code is ErrorCode.E020 and "waited 0.2 s" in info.value.message
            with pytest.raises(StoreError) as opening:
                open_store(store_url, lock_timeout=0.2)  # opening for writes takes the lock too
            assert opening.value.code is ErrorCode.E020
            with open_store(store_url, read_only=True) as reader:  # reads need no lock
                assert _stored(reader) == ["d1"]
        store.add([_document(2)])
        assert _stored(store) == ["d1", "d2"]


def test_ingest_while_another_writer_holds_the_lock_is_one_line_and_exit_1(store_url, tmp_path):
    open_store(store_url).close()
    article = tmp_path / "a.txt"
    article.write_text("Bridge reopens\n\nThe bridge reopened on Tuesday, officials said.\n", encoding="utf-8")
    with _held_write_lock(store_url):
        result = runner.invoke(app, ["ingest", str(article), "--db", store_url, "--lock-timeout", "0.1", "-q"])
    assert result.exit_code == 1
    assert "E020" in result.output and "locked by another writer" in result.output
    assert "Traceback" not in result.output and len(result.output.strip().splitlines()) == 1


def test_queries_answer_while_another_writer_holds_the_lock(store_url):
    with open_store(store_url) as store:
        store.add([_document(1)])
    with _held_write_lock(store_url):
        result = runner.invoke(app, ["actors", "--db", store_url, "--format", "tsv"])
    assert result.exit_code == 0, result.output
    assert "Ann Ross1" in result.output


# -- read-only files, directories and databases --------------------------------------------------


def _as_user(command: list[str]) -> list[str]:
    """``command`` run without root's power to write read-only files (unchanged for other users)."""
    if os.geteuid() != 0:
        return command
    if shutil.which("setpriv") is None:
        pytest.skip("running as root without setpriv to drop the capability to write read-only files")
    return ["setpriv", "--bounding-set=-dac_override,-dac_read_search,-fowner", *command]


# Any analysis would construct a Pipeline: failing there proves the store refused first.
_CLI = (
    "import sys, newsgraph.pipeline as p\n"
    "def analysis(*a, **k): raise SystemExit('analysis started')\n"
    "p.Pipeline.__init__ = analysis\n"
    "from newsgraph.cli import main\n"
    "sys.argv = ['newsgraph', *sys.argv[1:]]\n"
    "main()\n"
)


def _newsgraph(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "COLUMNS": "200"}
    return subprocess.run(
        _as_user([sys.executable, "-c", _CLI, *args]), capture_output=True, text=True, timeout=120, env=env
    )


@pytest.fixture
def read_only_dbs(tmp_path) -> dict[str, Path]:
    """The same small knowledge base as a read-only file, and as a file in a read-only directory."""
    built = tmp_path / "built.db"
    with open_store(built) as store:
        store.add([_document(1), _document(2)])
    tmp_path.chmod(0o755)  # the unprivileged commands must reach the files
    paths = {}
    for kind in ("file", "directory"):
        folder = tmp_path / kind
        folder.mkdir()
        shutil.copy(built, folder / "kb.db")
        paths[kind] = folder / "kb.db"
    paths["file"].chmod(0o444)
    paths["directory"].parent.chmod(0o555)
    yield paths
    paths["directory"].parent.chmod(0o755)


@pytest.mark.parametrize("kind", ["file", "directory"])
def test_read_only_sqlite_refuses_ingest_before_analysis_and_answers_queries(read_only_dbs, tmp_path, kind):
    db = read_only_dbs[kind]
    article = tmp_path / "a.txt"
    article.write_text("Bridge reopens\n\nThe bridge reopened on Tuesday, officials said.\n", encoding="utf-8")
    before = db.read_bytes()

    stored = _newsgraph("ingest", str(article), "--db", str(db), "-q")
    assert stored.returncode == 1, stored.stderr
    assert "E019" in stored.stderr and "read-only" in stored.stderr
    assert f"{'its directory' if kind == 'directory' else 'the file'} is not writable" in stored.stderr
    assert "analysis started" not in stored.stderr and "Traceback" not in stored.stderr

    asked = _newsgraph("actors", "--db", str(db), "--format", "tsv")
    assert asked.returncode == 0, asked.stderr
    assert "Ann Ross1" in asked.stdout and "Ann Ross2" in asked.stdout
    found = _newsgraph("search", "bridge", "--db", str(db), "--format", "tsv")
    assert found.returncode == 0 and "Ann Ross1 opened" in found.stdout and "Ann Ross2 opened" in found.stdout
    assert db.read_bytes() == before
    if kind == "directory":
        assert sorted(p.name for p in db.parent.iterdir()) == ["kb.db"]  # no -wal or -shm left behind


def test_read_only_postgres_refuses_ingest_and_answers_queries(postgres_factory, tmp_path):
    import psycopg

    url = postgres_factory()
    with open_store(url) as store:
        store.add([_document(1)])
    name = url.split("/")[3].split("?")[0]
    with psycopg.connect(url, autocommit=True) as admin:
        admin.execute(f"ALTER DATABASE {name} SET default_transaction_read_only = on")
    with pytest.raises(StoreError) as info:
        open_store(url)
    assert info.value.code is ErrorCode.E019
    article = tmp_path / "a.txt"
    article.write_text("Bridge reopens\n\nThe bridge reopened on Tuesday, officials said.\n", encoding="utf-8")
    stored = runner.invoke(app, ["ingest", str(article), "--db", url, "-q"])
    assert stored.exit_code == 1 and "E019" in stored.output and "Traceback" not in stored.output
    asked = runner.invoke(app, ["actors", "--db", url, "--format", "tsv"])
    assert asked.exit_code == 0, asked.output
    assert "Ann Ross1" in asked.output

    pytest.importorskip("fastapi", reason="the web app needs the [web] extra")
    from fastapi.testclient import TestClient

    from newsgraph.serve import create_app

    with TestClient(create_app(url)) as client:  # served for reading; writes refused with the reason
        assert [a["name"] for a in client.get("/v1/actors").json()["items"]] == ["Ann Ross1"]
        refused = client.post("/v1/articles", json={"text": "The bridge reopened on Tuesday, officials said."})
        assert refused.status_code == 503 and refused.json()["error"]["code"] == "E019"


# -- the ingest command under faults: what is stored, and the exit status ---------------------------


@pytest.fixture(scope="module")
def three_articles(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("faults") / "three.jsonl"
    with sample_paths("wikinews")[0].open(encoding="utf-8") as fh:
        path.write_text("".join(itertools.islice(fh, 3)), encoding="utf-8")
    return path


@pytest.mark.model
def test_ingest_stopped_by_a_full_disk_says_what_is_stored_and_resumes(three_articles, tmp_path, monkeypatch):
    import newsgraph.store

    real_open = newsgraph.store.open_store

    def open_filling_up(*args: Any, **kwargs: Any) -> Any:
        store = real_open(*args, **kwargs)
        store.connection = _FailingCommit(store.connection, postgres=False, after=1)  # batch 2 fails
        return store

    db = str(tmp_path / "kb.db")
    monkeypatch.setattr(newsgraph.store, "open_store", open_filling_up)
    stopped = runner.invoke(app, ["ingest", str(three_articles), "--db", db, "--batch-size", "1", "-q"])
    assert stopped.exit_code == 1
    assert "1 articles stored" in stopped.output and "E018: the disk is full" in stopped.output
    assert "Traceback" not in stopped.output
    monkeypatch.undo()
    with open_store(db) as store:
        assert store.counts()["articles"] == 1
    resumed = runner.invoke(app, ["ingest", str(three_articles), "--db", db])
    assert resumed.exit_code == 0, resumed.output
    assert "2 articles stored, 1 already stored" in resumed.output


@pytest.mark.model
def test_ingest_exit_status_says_whether_everything_went_in(three_articles, tmp_path):
    db = str(tmp_path / "kb.db")
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    some = runner.invoke(app, ["ingest", str(three_articles), str(empty), "--db", db, "-q"])
    assert some.exit_code == 3 and "E001" in some.output
    again = runner.invoke(app, ["ingest", str(three_articles), "--db", db, "-q"])
    assert again.exit_code == 0  # everything is in (already stored)
    none = runner.invoke(app, ["ingest", str(empty), str(tmp_path / "missing.txt"), "--db", db, "-q"])
    assert none.exit_code == 1 and "E008" in none.output
    usage = runner.invoke(app, ["ingest", "--db", db, "--batch-size", "0"])
    assert usage.exit_code == 2
