"""Throughput of the full newsgraph pipeline against spaCy's default pipeline alone.

    python benchmarks/speed.py [PATH ...] [--repeat 3] [--batch-size 32] [--n-process 1]

Both systems get the same raw articles (default: the bundled samples) in one run. spaCy
runs its default pipeline (every enabled component of the model) over the raw text; newsgraph
runs ingest, cleaning, the components its extractors need, and extraction, producing
Document records. Each system runs in its own child process so peak memory (max RSS) is its
own; model loading is timed apart from throughput. The best of ``--repeat`` passes counts.
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import resource
import sys
import time
from typing import Any

from newsgraph.config import DEFAULT_MODEL, Config
from newsgraph.data import sample_paths
from newsgraph.ingest import RawArticle, read_paths


def load_articles(paths: list[str]) -> list[RawArticle]:
    articles = [a for a in read_paths(paths or sample_paths("all")) if isinstance(a, RawArticle)]
    if not articles:
        raise SystemExit("no readable articles in the given paths")
    return articles


def _bare_spacy(texts: list[str], repeat: int, batch_size: int, n_process: int) -> dict[str, Any]:
    import spacy

    started = time.perf_counter()
    nlp = spacy.load(DEFAULT_MODEL)
    load = time.perf_counter() - started
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        for _doc in nlp.pipe(texts, batch_size=batch_size, n_process=n_process):
            pass
        best = min(best, time.perf_counter() - started)
    return {"load_s": load, "seconds": best, "components": ",".join(nlp.pipe_names)}


def _newsgraph(articles: list[RawArticle], repeat: int, batch_size: int, n_process: int) -> dict[str, Any]:
    from newsgraph.pipeline import Pipeline

    started = time.perf_counter()
    pipeline = Pipeline(Config(batch_size=batch_size, n_process=n_process))
    nlp = pipeline.nlp
    load = time.perf_counter() - started
    best = float("inf")
    count = 0
    for _ in range(repeat):
        started = time.perf_counter()
        count = sum(1 for _doc in pipeline.analyze_many(list(articles)))
        best = min(best, time.perf_counter() - started)
    return {"load_s": load, "seconds": best, "components": ",".join(nlp.pipe_names), "documents": count}


def _child(name: str, payload: Any, repeat: int, batch_size: int, n_process: int, queue: mp.Queue) -> None:
    runner = _bare_spacy if name == "spacy" else _newsgraph
    result = runner(payload, repeat, batch_size, n_process)
    result["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    queue.put(result)


def measure(name: str, payload: Any, repeat: int, batch_size: int, n_process: int) -> dict[str, Any]:
    context = mp.get_context("spawn")
    queue: mp.Queue = context.Queue()
    process = context.Process(target=_child, args=(name, payload, repeat, batch_size, n_process, queue))
    process.start()
    result = queue.get()
    process.join()
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", help="articles (default: the bundled samples)")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--n-process", type=int, default=1)
    args = parser.parse_args(argv)

    articles = load_articles(args.paths)
    texts = [a.text for a in articles]
    words = sum(len(t.split()) for t in texts)
    print(f"{len(articles)} articles, {words:,} words, {sum(map(len, texts)):,} characters")
    rows = []
    for name, payload in (("spacy", texts), ("newsgraph", articles)):
        result = measure(name, payload, args.repeat, args.batch_size, args.n_process)
        rows.append((name, result))
    print(f"\n{'system':10} {'articles/s':>10} {'words/s':>9} {'load s':>7} {'peak MB':>8}  components")
    for name, r in rows:
        print(
            f"{name:10} {len(articles) / r['seconds']:10.1f} {words / r['seconds']:9,.0f} "
            f"{r['load_s']:7.2f} {r['peak_rss_mb']:8.0f}  {r['components']}"
        )
    ratio = rows[0][1]["seconds"] / rows[1][1]["seconds"]
    print(f"\nnewsgraph full extraction runs at {ratio:.2f}× the speed of spaCy's default pipeline alone")
    return 0


if __name__ == "__main__":
    sys.exit(main())
