"""Run a benchmark task on its dev data and score it, newsgraph beside the task's baselines.

    python benchmarks/run.py TASK [--system NAME ...] [--shared ../shared] [--keep DIR]

Input records are stripped to the task's input fields before prediction, so gold answers
never reach the predictor; predictions are scored by ``../shared/eval/score_TASK.py``.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent

#: Per task: dev files (relative to eval/TASK) and the input fields a predictor may see.
TASKS: dict[str, dict[str, object]] = {
    "extraction": {"files": ["dev.jsonl"], "fields": ["id", "html", "url"], "baselines": ["trafilatura"]},
}


def shared_dir(explicit: str | None = None) -> Path:
    return Path(explicit or os.environ.get("NEWSGRAPH_SHARED") or REPO.parent / "shared").resolve()


def strip_inputs(gold: Path, fields: list[str], out: Path) -> int:
    count = 0
    with gold.open(encoding="utf-8") as src, out.open("w", encoding="utf-8") as dst:
        for line in src:
            if line.strip():
                record = json.loads(line)
                dst.write(json.dumps({k: record.get(k) for k in fields}, ensure_ascii=False) + "\n")
                count += 1
    return count


def run(task: str, systems: list[str], shared: Path, keep: Path | None = None) -> dict[str, str]:
    """Predict and score each system on each dev file; return the scorers' last lines."""
    spec = TASKS[task]
    scorer = shared / "eval" / f"score_{task}.py"
    headlines: dict[str, str] = {}
    with tempfile.TemporaryDirectory() as tmp:
        work = keep or Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        for name in spec["files"]:  # type: ignore[union-attr]
            gold = shared / "eval" / task / name
            inputs = work / f"{task}-{Path(name).stem}-input.jsonl"
            count = strip_inputs(gold, spec["fields"], inputs)  # type: ignore[arg-type]
            for system in systems:
                predictions = work / f"{task}-{Path(name).stem}-{system}.jsonl"
                started = time.perf_counter()
                subprocess.run(
                    [sys.executable, str(HERE / "predict.py"), task, str(inputs), str(predictions), "--system", system],
                    check=True,
                )
                seconds = time.perf_counter() - started
                print(f"\n== {task} · {name} · {system} ({count} records, {seconds:.1f} s)", flush=True)
                result = subprocess.run(
                    [sys.executable, str(scorer), str(gold), str(predictions)],
                    check=True,
                    capture_output=True,
                    text=True,
                )
                print(result.stdout, end="", flush=True)
                headlines[f"{name}:{system}"] = result.stdout.strip().splitlines()[-1]
    return headlines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("task", choices=sorted(TASKS))
    parser.add_argument("--system", action="append", help="systems to run (default: newsgraph and baselines)")
    parser.add_argument("--shared", help="the shared folder (default: ../shared beside the repo)")
    parser.add_argument("--keep", type=Path, help="keep inputs and predictions in this folder")
    args = parser.parse_args(argv)
    systems = args.system or ["newsgraph", *TASKS[args.task]["baselines"]]  # type: ignore[misc]
    headlines = run(args.task, systems, shared_dir(args.shared), args.keep)
    print("\n== summary")
    for key, line in headlines.items():
        print(f"{key:40} {line}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
