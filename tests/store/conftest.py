"""Store fixtures: every store test runs against SQLite and, when possible, a real PostgreSQL.

The PostgreSQL server is a throwaway one: ``initdb`` into a temporary directory and
``pg_ctl start`` on a free port, listening on a Unix socket in that directory only. It needs
the server binaries on PATH (``initdb``, ``pg_ctl``, ``postgres``) and psycopg; without them
the PostgreSQL variants skip with the reason. ``NEWSGRAPH_TEST_POSTGRES`` may name an existing
server URL instead. As root (containers, CI), the server runs as the ``postgres`` user, since
PostgreSQL refuses to run as root.
"""

from __future__ import annotations

import itertools
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from newsgraph.store import Store, open_store

_databases = itertools.count()


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _server_user() -> tuple[list[str], int | None]:
    """Command prefix and uid to run the server as (PostgreSQL refuses root)."""
    if os.geteuid() != 0:
        return [], None
    for name in ("postgres", "nobody"):
        try:
            user = pwd.getpwnam(name)
        except KeyError:
            continue
        if shutil.which("runuser"):
            return ["runuser", "-u", name, "--"], user.pw_uid
    raise RuntimeError("running as root without a 'postgres' user or runuser to start PostgreSQL")


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[str]:
    """URL of the ``postgres`` database of a throwaway server (or of NEWSGRAPH_TEST_POSTGRES)."""
    pytest.importorskip("psycopg", reason="psycopg is not installed (pip install 'newsgraph[postgres]')")
    if os.environ.get("NEWSGRAPH_TEST_POSTGRES"):
        yield os.environ["NEWSGRAPH_TEST_POSTGRES"]
        return
    missing = [b for b in ("initdb", "pg_ctl", "postgres") if shutil.which(b) is None]
    if missing:
        pytest.skip(f"PostgreSQL server binaries not on PATH: {', '.join(missing)}")
    try:
        prefix, uid = _server_user()
    except RuntimeError as exc:
        pytest.skip(str(exc))
    root = Path(tempfile.mkdtemp(prefix="newsgraph-pg-"))
    data = root / "data"
    if uid is not None:
        os.chown(root, uid, -1)
    port = _free_port()
    log = root / "server.log"
    run = {"check": True, "capture_output": True, "timeout": 120}
    try:
        subprocess.run([*prefix, "initdb", "-D", str(data), "-U", "postgres", "-A", "trust", "-E", "UTF8"], **run)
        subprocess.run(
            [
                *prefix,
                "pg_ctl",
                "-D",
                str(data),
                "-l",
                str(log),
                "-w",
                "-o",
                f"-p {port} -k {root} -c listen_addresses='' -c fsync=off",
                "start",
            ],
            **run,
        )
    except (subprocess.CalledProcessError, subprocess.TimeoutExpired, OSError) as exc:
        detail = getattr(exc, "stderr", b"") or b""
        shutil.rmtree(root, ignore_errors=True)
        pytest.skip(f"could not start a throwaway PostgreSQL server: {exc} {detail.decode(errors='replace')[:300]}")
    try:
        yield f"postgresql://postgres@/postgres?host={root}&port={port}"
    finally:
        subprocess.run([*prefix, "pg_ctl", "-D", str(data), "-m", "immediate", "-w", "stop"], capture_output=True)
        shutil.rmtree(root, ignore_errors=True)


@pytest.fixture(scope="session")
def postgres_factory(postgres_server):
    """``new()`` -> URL of a new, empty database on the test server."""
    import psycopg

    def new() -> str:
        name = f"newsgraph_test_{os.getpid()}_{next(_databases)}"
        with psycopg.connect(postgres_server, autocommit=True) as conn:
            conn.execute(f"CREATE DATABASE {name}")
        return postgres_server.replace("/postgres?", f"/{name}?", 1)

    return new


@pytest.fixture(params=["sqlite", "postgres"])
def store_url(request, tmp_path) -> str:
    """A fresh, empty store URL for each backend."""
    if request.param == "sqlite":
        return str(tmp_path / "kb.db")
    return request.getfixturevalue("postgres_factory")()


@pytest.fixture
def store(store_url) -> Iterator[Store]:
    with open_store(store_url) as opened:
        yield opened
