"""Run a benchmark task on its dev data and score it, newsgraph beside the task's baselines.

    python benchmarks/run.py TASK [--system NAME ...] [--shared ../shared] [--keep DIR]

Input records are stripped to the task's input fields before prediction, so gold answers
never reach the predictor; predictions are scored by ``../shared/eval/score_TASK.py``.
Throughput (words/s of input text) is printed with each system's run.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))

from tasks import load_tasks  # noqa: E402

TASKS = load_tasks()


def shared_dir(explicit: str | None = None) -> Path:
    return Path(explicit or os.environ.get("NEWSGRAPH_SHARED") or REPO.parent / "shared").resolve()


def _gold_lines(gold: Path, shared: Path) -> Iterator[dict[str, Any]]:
    with gold.open(encoding="utf-8") as src:
        for line in src:
            if line.strip():
                yield json.loads(line)


def write_inputs(task: str, gold: Path, out: Path, shared: Path) -> tuple[int, int]:
    """Write the task's input records for ``gold`` to ``out``, keeping only its input fields.

    Returns (records, words of text).
    """
    spec = TASKS[task]
    records = (spec.inputs or _gold_lines)(gold, shared)
    count = words = 0
    with out.open("w", encoding="utf-8") as dst:
        for full in records:
            record = {k: full.get(k) for k in spec.fields}
            dst.write(json.dumps(record, ensure_ascii=False) + "\n")
            count += 1
            words += sum(len(str(record.get(k) or "").split()) for k in ("text", "html"))
    return count, words


def run(task: str, systems: list[str], shared: Path, keep: Path | None = None) -> dict[str, str]:
    """Predict and score each system on each dev file; return the scorers' last lines."""
    spec = TASKS[task]
    scorer = shared / "eval" / f"score_{task}.py"
    headlines: dict[str, str] = {}
    with tempfile.TemporaryDirectory() as tmp:
        work = keep or Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        for name in spec.files:
            gold = shared / "eval" / task / name
            inputs = work / f"{task}-{Path(name).stem}-input.jsonl"
            count, words = write_inputs(task, gold, inputs, shared)
            for system in systems:
                predictions = work / f"{task}-{Path(name).stem}-{system}.jsonl"
                started = time.perf_counter()
                subprocess.run(
                    [sys.executable, str(HERE / "predict.py"), task, str(inputs), str(predictions), "--system", system],
                    check=True,
                )
                seconds = time.perf_counter() - started
                rate = f", {words / seconds:,.0f} words/s incl. model load" if words else ""
                print(f"\n== {task} · {name} · {system} ({count} records, {seconds:.1f} s{rate})", flush=True)
                for extra in spec.score_args:
                    if extra:
                        print(f"-- scored with {' '.join(extra)}")
                    result = subprocess.run(
                        [sys.executable, str(scorer), str(gold), str(predictions), *extra],
                        check=True,
                        capture_output=True,
                        text=True,
                    )
                    print(result.stdout, end="", flush=True)
                    label = f"{name}:{system}" + (f" {' '.join(extra)}" if extra else "")
                    headlines[label] = result.stdout.strip().splitlines()[-1]
    return headlines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("task", choices=sorted(TASKS))
    parser.add_argument("--system", action="append", help="systems to run (default: newsgraph and baselines)")
    parser.add_argument("--shared", help="the shared folder (default: ../shared beside the repo)")
    parser.add_argument("--keep", type=Path, help="keep inputs and predictions in this folder")
    args = parser.parse_args(argv)
    systems = args.system or ["newsgraph", *TASKS[args.task].baselines]
    headlines = run(args.task, systems, shared_dir(args.shared), args.keep)
    print("\n== summary")
    for key, line in headlines.items():
        print(f"{key:50} {line}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
