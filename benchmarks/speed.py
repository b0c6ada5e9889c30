"""Throughput and memory of the full newsgraph pipeline beside spaCy's default pipeline alone.

    python benchmarks/speed.py [PATH ...] [--rounds 3] [--workers 2] [--batch-size 32] [--stages] [--stream 10000]

All systems get the same raw articles (default: the bundled samples) in one run: spaCy runs
its default pipeline (every enabled component of the model) over the raw text; newsgraph runs
ingest, cleaning, the components its extractors need and every extractor, producing Document
records, with one process and with ``--workers`` worker processes. Each measurement runs in
its own child process (peak memory is its own, the workers' counted apart), after the model is
loaded and one warm-up pass; the systems alternate in each round, the order reversed every
other round, so a busy machine slows them alike; ranges over the rounds are printed.

``--stages`` then times each stage of one process (cleaning, the model, each extractor);
``--stream N`` then feeds newsgraph a stream of N articles (the inputs cycled) with
``--workers`` workers and prints the resident memory of each worker after 1,000, 5,000 and
10,000 articles: it must stay flat.
"""

from __future__ import annotations

import argparse
import dataclasses
import itertools
import multiprocessing as mp
import os
import resource
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from newsgraph.config import DEFAULT_MODEL, Config
from newsgraph.data import sample_paths
from newsgraph.ingest import RawArticle, read_paths

STREAM_MARKS = (1_000, 5_000, 10_000)


def load_articles(paths: list[str]) -> list[RawArticle]:
    articles = [a for a in read_paths(paths or sample_paths("all")) if isinstance(a, RawArticle)]
    if not articles:
        raise SystemExit("no readable articles in the given paths")
    return articles


def _status_mb(pid: int, field: str) -> float:
    """``VmRSS`` (current) or ``VmHWM`` (peak) of a process, in MB (Linux)."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return float("nan")


def _worker_pids(pipeline: Any) -> list[int]:
    pool = getattr(pipeline, "_pool", None)
    return pool.pids() if pool is not None else []


def _bare_spacy(texts: list[str], batch_size: int, workers: int) -> dict[str, Any]:
    import spacy

    started = time.perf_counter()
    nlp = spacy.load(DEFAULT_MODEL)
    load = time.perf_counter() - started
    for _doc in nlp.pipe(texts[: 2 * batch_size], batch_size=batch_size):
        pass
    started, cpu = time.perf_counter(), time.process_time()
    for _doc in nlp.pipe(texts, batch_size=batch_size):
        pass
    return {
        "load_s": load,
        "seconds": time.perf_counter() - started,
        "cpu_s": time.process_time() - cpu,
        "worker_mb": [],
    }


def _newsgraph(articles: list[RawArticle], batch_size: int, workers: int) -> dict[str, Any]:
    from newsgraph.pipeline import Pipeline

    started = time.perf_counter()
    pipeline = Pipeline(Config(batch_size=batch_size, n_process=workers))
    if workers == 1:
        pipeline.nlp  # noqa: B018 - load the model
    # Warm-up: every worker loads its model and analyses a chunk before the clock starts.
    warm = [dataclasses.replace(a) for a in articles[: 2 * workers * batch_size]]
    sum(1 for _doc in pipeline.analyze_many(warm))
    load = time.perf_counter() - started
    batch = [dataclasses.replace(a) for a in articles]
    started, cpu = time.perf_counter(), time.process_time()
    count = sum(1 for _doc in pipeline.analyze_many(batch))
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    worker_mb = [_status_mb(pid, "VmHWM") for pid in _worker_pids(pipeline)]
    pipeline.close()
    # With workers the parent only hands out articles: its CPU time says nothing of the work.
    return {
        "load_s": load,
        "seconds": seconds,
        "cpu_s": cpu if workers == 1 else None,
        "documents": count,
        "worker_mb": worker_mb,
    }


def _stages(articles: list[RawArticle], batch_size: int, workers: int) -> dict[str, Any]:
    """Seconds per stage of one process: reading into cleaned text, the model, each extractor."""
    from collections import defaultdict

    from newsgraph.pipeline import Pipeline

    pipeline = Pipeline(Config(batch_size=batch_size))
    pipeline.nlp  # noqa: B018 - load the model
    spent: dict[str, float] = defaultdict(float)

    def timed(name: str, run: Any) -> Any:
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            started = time.perf_counter()
            try:
                return run(*args, **kwargs)
            finally:
                spent[name] += time.perf_counter() - started

        return wrapper

    pipeline._prepare_one = timed("clean (and language check)", pipeline._prepare_one)  # type: ignore[method-assign]
    pipeline.extractors = [dataclasses.replace(e, run=timed(e.name, e.run)) for e in pipeline.extractors]
    sum(1 for _doc in pipeline.analyze_many([dataclasses.replace(a) for a in articles[: 2 * batch_size]]))
    spent.clear()
    started = time.perf_counter()
    sum(1 for _doc in pipeline.analyze_many([dataclasses.replace(a) for a in articles]))
    total = time.perf_counter() - started
    stages = {"spaCy components " + ",".join(pipeline.nlp.pipe_names): total - sum(spent.values()), **spent}
    return {"stages": stages, "seconds": total, "worker_mb": []}


def _cycled(articles: list[RawArticle], total: int) -> Iterator[RawArticle]:
    for i, article in enumerate(itertools.islice(itertools.cycle(articles), total)):
        yield dataclasses.replace(article, id=f"{article.article_id}-{i}")


def _stream(articles: list[RawArticle], batch_size: int, workers: int, total: int) -> dict[str, Any]:
    from newsgraph.pipeline import Pipeline

    pipeline = Pipeline(Config(batch_size=batch_size, n_process=workers))
    marks: list[tuple[int, list[float]]] = []
    started = time.perf_counter()
    for done, _doc in enumerate(pipeline.analyze_many(_cycled(articles, total)), 1):
        if done in STREAM_MARKS or done == total:
            pids = _worker_pids(pipeline) or [os.getpid()]
            marks.append((done, [_status_mb(pid, "VmRSS") for pid in pids]))
            mbs = ", ".join(f"{mb:.0f}" for mb in marks[-1][1])
            rate = done / (time.perf_counter() - started)
            print(f"  after {done:>6,} articles ({rate:.1f}/s): RSS per worker {mbs} MB", flush=True)
    seconds = time.perf_counter() - started
    pipeline.close()
    return {"marks": marks, "seconds": seconds}


def _child(name: str, args: tuple[Any, ...], queue: mp.Queue) -> None:
    runner = {"spacy": _bare_spacy, "newsgraph": _newsgraph, "stream": _stream, "stages": _stages}[name]
    result = runner(*args)
    result["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    queue.put(result)


def measure(name: str, *args: Any) -> dict[str, Any]:
    context = mp.get_context("spawn")
    queue: mp.Queue = context.Queue()
    process = context.Process(target=_child, args=(name, args, queue))
    process.start()
    result = queue.get()
    process.join()
    return result


def _span(values: list[float], fmt: str) -> str:
    low, high = min(values), max(values)
    return format(low, fmt) if format(low, fmt) == format(high, fmt) else f"{low:{fmt}}–{high:{fmt}}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", help="articles (default: the bundled samples)")
    parser.add_argument("--rounds", type=int, default=3, help="alternating rounds of all systems")
    parser.add_argument("--workers", type=int, default=2, help="worker processes of the parallel run")
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--stages", action="store_true", help="then the seconds each stage takes in one process")
    parser.add_argument("--stream", type=int, default=0, help="then a stream of this many articles (e.g. 10000)")
    args = parser.parse_args(argv)

    articles = load_articles(args.paths)
    texts = [a.text for a in articles]
    words = sum(len(t.split()) for t in texts)
    print(f"{len(articles)} articles, {words:,} words, {sum(map(len, texts)):,} characters; {args.rounds} rounds")
    systems = [
        ("spacy", "spaCy default pipeline, 1 process", texts, 1),
        ("newsgraph", "newsgraph full extraction, 1 process", articles, 1),
        ("newsgraph", f"newsgraph full extraction, {args.workers} workers", articles, args.workers),
    ]
    results: dict[str, list[dict[str, Any]]] = {label: [] for _, label, _, _ in systems}
    for round_no in range(args.rounds):
        order = systems if round_no % 2 == 0 else systems[::-1]
        for name, label, payload, workers in order:
            results[label].append(measure(name, payload, args.batch_size, workers))
            r = results[label][-1]
            print(f"  round {round_no + 1}: {label}: {len(articles) / r['seconds']:.1f} articles/s", flush=True)

    if args.rounds > 0:  # --rounds 0: only the stages or the stream
        header = f"{'articles/s':>12} {'words/s':>14} {'load+warm s':>12} {'peak MB':>10} {'per worker MB':>14}"
        print(f"\n{'system':44} {header}")
        for _, label, _, _ in systems:
            runs = results[label]
            worker_mb = [m for r in runs for m in r["worker_mb"]]
            rate = _span([len(articles) / r["seconds"] for r in runs], ".1f")
            word_rate = _span([words / r["seconds"] for r in runs], ",.0f")
            load = _span([r["load_s"] for r in runs], ".1f")
            peak = _span([r["peak_rss_mb"] for r in runs], ".0f")
            per_worker = _span(worker_mb, ".0f") if worker_mb else "-"
            print(f"{label:44} {rate:>12} {word_rate:>14} {load:>12} {peak:>10} {per_worker:>14}")
        spacy, one, many = (results[label] for _, label, _, _ in systems)
        # Ratios within a round: the two systems ran back to back under the same load.
        full = [s["seconds"] / n["seconds"] for s, n in zip(spacy, one, strict=True)]
        scale = [o["seconds"] / m["seconds"] for o, m in zip(one, many, strict=True)]
        # CPU seconds of the one process: what a busy machine's other work disturbs least.
        full_cpu = [s["cpu_s"] / n["cpu_s"] for s, n in zip(spacy, one, strict=True)]
        print(f"\nfull extraction / spaCy default pipeline, same round: {_span(full, '.2f')}×")
        print(f"the same by CPU time of the process: {_span(full_cpu, '.2f')}×")
        print(f"{args.workers} workers / 1 process, same round: {_span(scale, '.2f')}×")

    if args.stages:
        result = measure("stages", articles, args.batch_size, 1)
        print(f"\nstages, one process ({result['seconds']:.1f} s in all, the model's part being the rest):")
        for stage, seconds in result["stages"].items():
            print(f"  {stage:48} {seconds:6.2f} s  {100 * seconds / result['seconds']:4.0f}%")
    if args.stream:
        print(f"\nstream of {args.stream:,} articles, {args.workers} workers:", flush=True)
        result = measure("stream", articles, args.batch_size, args.workers, args.stream)  # prints as it goes
        print(f"  {args.stream / result['seconds']:.1f} articles/s over the stream")
    return 0


if __name__ == "__main__":
    sys.exit(main())
