"""The web app's speed: per-endpoint latency, analysis latency, and a loopback load test.

    python benchmarks/serve.py [--db PATH] [--requests 50] [--clients 200] [--load-requests 4000]

Without ``--db`` the 121 bundled articles are first ingested into a temporary SQLite file
(``newsgraph ingest --db X``, as the README's main command does). The server runs as its own
process (``newsgraph serve`` on 127.0.0.1, a free port), so its peak memory (VmHWM) is the
server's alone. Then:

1. each read endpoint and page is requested ``--requests`` times in a row: p50 and p99;
2. ``POST /v1/analyze`` with the bundled seed article (795 words): the first request (which
   loads the spaCy model) and then ``--analyze-requests`` warm requests: p50 and p99;
3. ``--clients`` concurrent clients share ``--load-requests`` requests over the read
   endpoints: throughput, p50/p99 latency, errors (any status but 200, or a failed request);
4. the same analysis with the pipeline in this process, without HTTP, for comparison.

Linux only for the memory figure (/proc). Figures are wall-clock on a shared machine.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

import httpx

from newsgraph.data import sample_paths


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def _peak_rss_mb(pid: int) -> float | None:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


def _newsgraph(*args: str) -> list[str]:
    return [sys.executable, "-c", "from newsgraph.cli import main; main()", *args]


def _build_db(directory: Path) -> Path:
    db = directory / "newsgraph.db"
    started = time.perf_counter()
    subprocess.run(_newsgraph("ingest", "--db", str(db), "--quiet"), check=True)
    print(f"built the knowledge base of the bundled articles in {time.perf_counter() - started:.1f} s")
    return db


def _start_server(db: Path, port: int) -> subprocess.Popen[bytes]:
    server = subprocess.Popen(
        _newsgraph("serve", "--db", str(db), "--port", str(port)),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/v1/articles?limit=1", timeout=2).status_code == 200:
                return server
        except httpx.HTTPError:
            time.sleep(0.2)
    server.kill()
    raise SystemExit("the server did not start")


def _timed(client: httpx.Client, method: str, path: str, body: object = None) -> float:
    started = time.perf_counter()
    response = client.request(method, path, json=body)
    elapsed = time.perf_counter() - started
    if response.status_code != 200:
        raise SystemExit(f"{method} {path}: {response.status_code} {response.text[:200]}")
    return elapsed * 1000


async def _load(base: str, paths: list[str], clients: int, total: int) -> tuple[list[float], Counter[str], float]:
    queue: asyncio.Queue[str] = asyncio.Queue()
    for i in range(total):
        queue.put_nowait(paths[i % len(paths)])
    latencies: list[float] = []
    errors: Counter[str] = Counter()
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)

    async def client_loop(client: httpx.AsyncClient) -> None:
        while True:
            try:
                path = queue.get_nowait()
            except asyncio.QueueEmpty:
                return
            started = time.perf_counter()
            try:
                response = await client.get(path)
                if response.status_code != 200:
                    errors[f"HTTP {response.status_code}"] += 1
            except httpx.HTTPError as exc:
                errors[type(exc).__name__] += 1
            latencies.append((time.perf_counter() - started) * 1000)

    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=120) as client:
        started = time.perf_counter()
        await asyncio.gather(*(client_loop(client) for _ in range(clients)))
        elapsed = time.perf_counter() - started
    return latencies, errors, elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", type=Path, help="a knowledge base to serve (default: build one of the samples)")
    parser.add_argument("--requests", type=int, default=50, help="sequential requests per endpoint")
    parser.add_argument("--analyze-requests", type=int, default=20, help="warm POST /v1/analyze requests")
    parser.add_argument("--clients", type=int, default=200, help="concurrent clients in the load test")
    parser.add_argument("--load-requests", type=int, default=4000, help="requests in the load test, in all")
    parser.add_argument(
        "--no-pipeline", dest="pipeline", action="store_false", help="skip timing the pipeline alone, in-process"
    )
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="newsgraph-serve-") as tmp:
        db = args.db or _build_db(Path(tmp))
        port = _free_port()
        base = f"http://127.0.0.1:{port}"
        server = _start_server(db, port)
        try:
            with httpx.Client(base_url=base, timeout=120) as client:
                seed_id = client.get("/v1/articles", params={"q": "Rafah", "limit": 1}).json()["items"][0]["id"]
                actor = client.get("/v1/actors", params={"limit": 1}).json()["items"][0]["id"]
                reads = [
                    "/v1/articles",
                    "/v1/articles?limit=10&offset=50",
                    f"/v1/articles/{seed_id}",
                    "/v1/actors",
                    f"/v1/actors/{actor}",
                    "/v1/quotes?speaker=Blinken",
                    "/v1/events?actor=Netanyahu",
                    "/v1/timeline/Blinken",
                    "/v1/stances?target=Rafah",
                    "/v1/search?q=humanitarian",
                    "/v1/network",
                    "/v1/places",
                    "/",
                    "/articles",
                    f"/articles/{seed_id}",
                    f"/actors/{actor}",
                    "/timeline?subject=Blinken",
                    "/network",
                    "/map",
                    "/search?q=Rafah",
                ]
                total = client.get("/v1/articles", params={"limit": 1}).json()["total"]
                print(f"knowledge base: {total} articles; server pid {server.pid} on {base}")
                print(f"\n{'endpoint':44} {'p50 ms':>8} {'p99 ms':>8}")
                for path in reads:
                    _timed(client, "GET", path)  # first request: connection and caches
                    times = [_timed(client, "GET", path) for _ in range(args.requests)]
                    print(f"GET {path:40} {statistics.median(times):8.1f} {_percentile(times, 0.99):8.1f}")

                seed = json.loads(sample_paths("seed")[0].read_text(encoding="utf-8").splitlines()[0])
                body = {"text": seed["text"], "published": seed["published"]}
                first = _timed(client, "POST", "/v1/analyze", body)
                warm = [_timed(client, "POST", "/v1/analyze", body) for _ in range(args.analyze_requests)]
                words = len(seed["text"].split())
                print(
                    f"POST /v1/analyze ({words} words)              {statistics.median(warm):8.1f}"
                    f" {_percentile(warm, 0.99):8.1f}   (first request, loading the model: {first:.0f} ms)"
                )

            latencies, errors, elapsed = asyncio.run(_load(base, reads, args.clients, args.load_requests))
            print(
                f"\nload test: {args.clients} concurrent clients, {args.load_requests} requests over"
                f" {len(reads)} read endpoints"
            )
            print(
                f"  {args.load_requests / elapsed:.0f} requests/s, p50 {statistics.median(latencies):.0f} ms,"
                f" p99 {_percentile(latencies, 0.99):.0f} ms,"
                f" errors {sum(errors.values())}" + (f" ({dict(errors)})" if errors else "")
            )
            peak = _peak_rss_mb(server.pid)
            print(f"  server peak memory (VmHWM): {peak:.0f} MB" if peak else "  server peak memory: unknown")
        finally:
            server.terminate()
            server.wait(timeout=30)
    if args.pipeline:
        # The same analysis in this process, without HTTP: what the server adds to it.
        from newsgraph.pipeline import Pipeline

        pipeline = Pipeline()
        pipeline.analyze(body["text"], published=body["published"])
        alone = []
        for _ in range(args.analyze_requests):
            started = time.perf_counter()
            pipeline.analyze(body["text"], published=body["published"])
            alone.append((time.perf_counter() - started) * 1000)
        print(f"pipeline alone (in this process, no HTTP): p50 {statistics.median(alone):.1f} ms")
    sys.exit(1 if errors else 0)


if __name__ == "__main__":
    os.environ.setdefault("PYTHONUNBUFFERED", "1")
    main()
