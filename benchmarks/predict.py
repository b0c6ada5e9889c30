"""The prediction interface every benchmark goes through (see ../shared/eval/README.md).

    python benchmarks/predict.py TASK INPUT.jsonl OUTPUT.jsonl [--system NAME]

INPUT carries only a task's input fields; OUTPUT gets one prediction line per input record
in the format of ``score_TASK.py``. ``--system`` picks a baseline to run instead of
newsgraph, so both are measured the same way. Each task lives in ``benchmarks/tasks/``.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from tasks import Record, load_tasks

TASKS = load_tasks()


def read_jsonl(path: Path) -> Iterator[Record]:
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                yield json.loads(line)


def predict(task: str, input_path: Path, output_path: Path, system: str = "newsgraph") -> int:
    predictor = TASKS[task].systems[system]
    count = 0
    with output_path.open("w", encoding="utf-8") as out:
        for prediction in predictor(read_jsonl(input_path)):
            out.write(json.dumps(prediction, ensure_ascii=False) + "\n")
            count += 1
    return count


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("task", choices=sorted(TASKS))
    parser.add_argument("input", type=Path)
    parser.add_argument("output", type=Path)
    parser.add_argument("--system", default="newsgraph", help="newsgraph or a baseline of the task")
    args = parser.parse_args(argv)
    if args.system not in TASKS[args.task].systems:
        parser.error(f"--system for {args.task}: one of {', '.join(TASKS[args.task].systems)}")
    count = predict(args.task, args.input, args.output, args.system)
    print(f"{count} predictions written to {args.output}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
