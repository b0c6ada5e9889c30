"""Hostile single articles through the whole pipeline: seconds, peak memory and outcome per class.

    python benchmarks/hostile.py [--classes parens,quotes,...] [--workers 2] [--timeout 120]
                                 [--time-budget 30] [--max-chars 1000000]

Each class of input that once made newsgraph hang or blow up (issue #14) is built in memory
and analysed by a :class:`~newsgraph.pipeline.Pipeline` in its own child process, once in one
process and once with ``--workers`` worker processes (``--workers 0``: one process only). A
row gives the wall-clock seconds of the analysis (the model loaded before the clock starts),
the peak resident memory of the process that did the work (the parent's or the largest
worker's) and the outcome: the counts of a record, or the error code of a clear refusal. The
acceptance of #14 is every row within 60 s and under 2 GB, with no traceback; a child still
running after ``--timeout`` seconds is killed and shown as ``TIMEOUT``.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import random
import resource
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from newsgraph.config import Config
from newsgraph.data import sample_paths

_LEAD = (
    "The city council approved a new flood barrier on Tuesday, the mayor said. "
    "Engineers will start work in March and expect to finish by the end of next year.\n"
)
_TAIL = "\nResidents welcomed the decision, according to a spokesperson for the council.\n"
_NAMES = ("Maria Lopez", "John Smith", "the minister", "a spokesperson", "Ahmed Khan", "the mayor")


def parens() -> str:
    """20,000 x '(((((': one 100,000-character run of punctuation without a space."""
    return _LEAD + "(((((" * 20_000 + _TAIL


def mixed_punct() -> str:
    """100,000 characters of mixed brackets and marks without a space."""
    rng = random.Random(14)
    return _LEAD + "".join(rng.choice("()[]{}<>-_*/\\|&^%$#@!?.,;:~") for _ in range(100_000)) + _TAIL


def quotes() -> str:
    """10,000 mixed quote marks, each beside a word."""
    rng = random.Random(14)
    marks = "\"'“”‘’«»"
    words = " ".join(f"{rng.choice(marks)}word{i % 97}{rng.choice(marks)}" for i in range(5_000))
    return _LEAD + words + _TAIL


def quote_run() -> str:
    """10,000 mixed quote marks without a space."""
    rng = random.Random(14)
    return _LEAD + "".join(rng.choice("\"'“”‘’«»") for _ in range(10_000)) + _TAIL


def said_chain() -> str:
    """3,000 chained 'X said that Y said that ...' clauses in one sentence."""
    clauses = " ".join(f"{_NAMES[i % len(_NAMES)]} said that" for i in range(3_000))
    return _LEAD + clauses.capitalize() + " the barrier would hold." + _TAIL


def no_punct() -> str:
    """430,000 characters of prose without sentence punctuation."""
    rng = random.Random(14)
    prose = (
        "the council and the mayor said that engineers would build a new barrier on the river "
        "while residents in the town asked whether the plan would protect their homes "
        "from floods after the storm last year"
    )
    vocab = prose.split(" ")
    words: list[str] = []
    size = 0
    while size < 430_000:
        word = rng.choice(vocab)
        words.append(word)
        size += len(word) + 1
    return _LEAD + " ".join(words) + _TAIL


def realistic_1m() -> str:
    """About 1,000,000 characters of news prose: sentences of the bundled samples in new paragraphs.

    Paragraphs are drawn at random from the samples' sentences, so none repeats another (the
    cleaner would drop repeats) and the text reads like a very long news article.
    """
    import re

    sentences: list[str] = []
    for path in sample_paths("all"):
        for line in path.read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            text = record.get("text") or ""
            sentences.extend(s for s in re.split(r"(?<=[.!?])\s+", text.replace("\n", " ")) if len(s) > 40)
    rng = random.Random(14)
    paragraphs: list[str] = []
    size = 0
    while size < 999_000:
        paragraph = " ".join(rng.sample(sentences, rng.randint(2, 5)))
        paragraphs.append(paragraph)
        size += len(paragraph) + 1
    return "\n".join(paragraphs)[:999_999]


CLASSES: dict[str, Callable[[], str]] = {
    "parens": parens,
    "mixed_punct": mixed_punct,
    "quotes": quotes,
    "quote_run": quote_run,
    "said_chain": said_chain,
    "no_punct": no_punct,
    "realistic_1m": realistic_1m,
}


def _hwm_mb(pid: int) -> float:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return float("nan")


def _child(name: str, workers: int, options: dict[str, Any], queue: Any) -> None:
    from newsgraph.ingest import InputFailure
    from newsgraph.pipeline import Pipeline

    text = CLASSES[name]()
    pipeline = Pipeline(Config(n_process=max(1, workers), **options))
    # Load the model (in each worker) before the clock starts.
    list(pipeline.analyze_many([_LEAD * 3]))
    failures: list[InputFailure] = []
    started = time.perf_counter()
    documents = list(pipeline.analyze_many([{"content": text, "source": name}], on_error=failures.append))
    seconds = time.perf_counter() - started
    pool = getattr(pipeline, "_pool", None)
    worker_mb = [_hwm_mb(pid) for pid in pool.pids()] if pool is not None else []
    pipeline.close()
    if documents:
        doc = documents[0]
        outcome = (
            f"record: {len(doc.sentences):,} sentences, {len(doc.entities):,} entities, "
            f"{len(doc.quotes):,} quotes, {len(doc.events):,} events"
        )
    elif failures:
        outcome = failures[0].error.message
    else:
        outcome = "nothing"
    peak = max([resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, *worker_mb])
    queue.put({"seconds": seconds, "peak_mb": peak, "outcome": outcome, "chars": len(text)})


def run(name: str, workers: int, options: dict[str, Any], timeout: float) -> dict[str, Any]:
    context = mp.get_context("spawn")
    queue = context.Queue()
    process = context.Process(target=_child, args=(name, workers, options, queue))
    started = time.perf_counter()
    process.start()
    try:
        return queue.get(timeout=timeout + 60)  # model loading is not counted in the timeout
    except Exception:
        return {"seconds": time.perf_counter() - started, "peak_mb": float("nan"), "outcome": "TIMEOUT", "chars": 0}
    finally:
        if process.is_alive():
            process.kill()  # the child and, with it, its pool's workers' pipes
        process.join()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--classes", default=",".join(CLASSES), help="comma-separated: " + ", ".join(CLASSES))
    parser.add_argument("--workers", type=int, default=2, help="worker processes of the second run (0: none)")
    parser.add_argument("--timeout", type=float, default=120.0, help="kill a run after this many seconds")
    parser.add_argument("--time-budget", type=float, default=None, help="Config.time_budget (default: its default)")
    parser.add_argument("--max-chars", type=int, default=None, help="Config.max_chars (default: its default)")
    args = parser.parse_args(argv)
    options: dict[str, Any] = {}
    if args.time_budget is not None:
        options["time_budget"] = args.time_budget
    if args.max_chars is not None:
        options["max_chars"] = args.max_chars
    names = [n for n in args.classes.split(",") if n]
    unknown = [n for n in names if n not in CLASSES]
    if unknown:
        parser.error(f"unknown classes: {', '.join(unknown)}")
    runs = [1] + ([args.workers] if args.workers > 1 else [])
    print(f"{'class':<14} {'chars':>9} {'procs':>5} {'seconds':>8} {'peak MB':>8}  outcome")
    ok = True
    for name in names:
        for workers in runs:
            r = run(name, workers, options, args.timeout)
            within = r["outcome"] != "TIMEOUT" and r["seconds"] <= 60 and not r["peak_mb"] > 2048
            ok = ok and within
            print(
                f"{name:<14} {r['chars']:>9,} {workers:>5} {r['seconds']:>8.1f} {r['peak_mb']:>8.0f}  {r['outcome']}",
                flush=True,
            )
    print("all within 60 s and 2 GB" if ok else "SOME RUNS OVER 60 s OR 2 GB")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
