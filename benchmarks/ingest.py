"""Ingest throughput into the knowledge base, and what the store adds to the analysis.

    python benchmarks/ingest.py [PATH ...] [--postgres URL] [--batch-size 64]

The articles (default: the bundled samples) are analysed once, timed; the same documents are
then stored into a fresh SQLite file (and a PostgreSQL database when ``--postgres`` or
``NEWSGRAPH_POSTGRES`` names one), timed per backend. Ingest articles/s is articles over
analysis plus storing. A second ingest of the same inputs shows the cost of a re-run (inputs
are recognised by their hash before analysis and skipped).
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from pathlib import Path

from newsgraph.data import sample_paths
from newsgraph.ingest import RawArticle, read_paths
from newsgraph.pipeline import Pipeline
from newsgraph.store import open_store
from newsgraph.store.ingest import ingest, raw_hash


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("paths", nargs="*", help="articles to ingest (default: the bundled samples)")
    parser.add_argument("--postgres", default=os.environ.get("NEWSGRAPH_POSTGRES"), help="postgresql:// URL")
    parser.add_argument("--batch-size", type=int, default=64)
    args = parser.parse_args()

    inputs = args.paths or [str(p) for p in sample_paths("all")]
    raws = [a for a in read_paths(inputs) if isinstance(a, RawArticle)]
    pipeline = Pipeline()
    pipeline.nlp  # load the model outside the timings  # noqa: B018
    started = time.perf_counter()
    documents = list(pipeline.analyze_many(raws))
    analysis = time.perf_counter() - started
    hashes = {raw.source: raw_hash(raw) for raw in raws}
    print(f"{len(documents)} articles analysed in {analysis:.2f} s ({len(documents) / analysis:.1f} articles/s)")
    print(f"{'backend':10} {'store s':>8} {'overhead':>9} {'ingest articles/s':>18} {'re-run s':>9}")

    with tempfile.TemporaryDirectory() as tmp:
        urls = [("sqlite", str(Path(tmp) / "bench.db"))]
        if args.postgres:
            urls.append(("postgres", args.postgres))
        for name, url in urls:
            with open_store(url) as store:
                if store.counts()["articles"]:
                    raise SystemExit(f"{name}: the database must be empty")
                started = time.perf_counter()
                for i in range(0, len(documents), args.batch_size):
                    batch = documents[i : i + args.batch_size]
                    store.add(batch, [hashes[d.source or ""] for d in batch])
                storing = time.perf_counter() - started
                started = time.perf_counter()
                report = ingest(store, inputs, pipeline=pipeline, batch_size=args.batch_size)
                rerun = time.perf_counter() - started
                assert report.added == 0, "a re-run must add nothing"
            rate = len(documents) / (analysis + storing)
            print(f"{name:10} {storing:8.2f} {storing / analysis:9.1%} {rate:18.1f} {rerun:9.2f}")


if __name__ == "__main__":
    main()
