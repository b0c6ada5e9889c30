"""The prediction interface every benchmark goes through (see ../shared/eval/README.md).

    python benchmarks/predict.py TASK INPUT.jsonl OUTPUT.jsonl [--system NAME]

INPUT carries only a task's input fields; OUTPUT gets one prediction line per input record
in the format of ``score_TASK.py``. ``--system`` picks a baseline to run instead of
newsgraph, so both are measured the same way.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from newsgraph.clean import clean_article
from newsgraph.errors import NewsgraphError
from newsgraph.ingest import article_from_html

Record = dict[str, Any]
Predictor = Callable[[Iterator[Record]], Iterator[Record]]


def read_jsonl(path: Path) -> Iterator[Record]:
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                yield json.loads(line)


# -- extraction: article body and title from HTML ------------------------------------------


def extraction_newsgraph(records: Iterator[Record]) -> Iterator[Record]:
    """Ingest and clean, exactly as the pipeline does before annotation.

    The language check is left out: body extraction works on any language, and the
    benchmark has non-English pages.
    """
    for record in records:
        try:
            raw = article_from_html(record["html"], record["id"], url=record.get("url"))
        except NewsgraphError:
            yield {"id": record["id"], "body": "", "title": None}
            continue
        cleaned = clean_article(raw)
        body = "\n\n".join(cleaned.text[p.start : p.end] for p in cleaned.paragraphs if p.kind != "title")
        yield {"id": record["id"], "body": body, "title": cleaned.title}


def extraction_trafilatura(records: Iterator[Record]) -> Iterator[Record]:
    """trafilatura's own extraction with its defaults: the baseline to beat."""
    import trafilatura

    for record in records:
        body = trafilatura.extract(record["html"], url=record.get("url"), include_comments=False) or ""
        yield {"id": record["id"], "body": body, "title": None}


SYSTEMS: dict[str, dict[str, Predictor]] = {
    "extraction": {"newsgraph": extraction_newsgraph, "trafilatura": extraction_trafilatura},
}


def predict(task: str, input_path: Path, output_path: Path, system: str = "newsgraph") -> int:
    predictor = SYSTEMS[task][system]
    count = 0
    with output_path.open("w", encoding="utf-8") as out:
        for prediction in predictor(read_jsonl(input_path)):
            out.write(json.dumps(prediction, ensure_ascii=False) + "\n")
            count += 1
    return count


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("task", choices=sorted(SYSTEMS))
    parser.add_argument("input", type=Path)
    parser.add_argument("output", type=Path)
    parser.add_argument("--system", default="newsgraph", help="newsgraph or a baseline of the task")
    args = parser.parse_args(argv)
    if args.system not in SYSTEMS[args.task]:
        parser.error(f"--system for {args.task}: one of {', '.join(SYSTEMS[args.task])}")
    count = predict(args.task, args.input, args.output, args.system)
    print(f"{count} predictions written to {args.output}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
