"""Accuracy gates: CI fails when a dev-set score drops below its pinned floor.

Each gate of ``benchmarks/floors.json`` strips the dev file to the task's input fields,
predicts through ``benchmarks/predict.py`` and scores with the shared ``score_TASK.py``,
exactly as ``benchmarks/run.py`` does.
"""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

REPO = Path(__file__).resolve().parents[1]
FLOORS = json.loads((REPO / "benchmarks" / "floors.json").read_text(encoding="utf-8"))
GATES = FLOORS["gates"]


def _load(path: Path, name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def eval_dir() -> Path:
    shared = Path(os.environ.get("NEWSGRAPH_SHARED") or REPO.parent / "shared")
    if not (shared / "eval").is_dir():
        pytest.skip(f"no shared eval data at {shared} (set NEWSGRAPH_SHARED)")
    return shared / "eval"


@pytest.fixture(scope="module")
def run_module() -> ModuleType:
    return _load(REPO / "benchmarks" / "run.py", "newsgraph_bench_run")


@pytest.fixture(scope="module")
def predict() -> ModuleType:
    return _load(REPO / "benchmarks" / "predict.py", "newsgraph_bench_predict")


def test_every_gate_names_a_task(run_module):
    assert GATES
    for gate in GATES:
        assert gate["task"] in run_module.TASKS
        assert gate["file"] in run_module.TASKS[gate["task"]].files


@pytest.fixture(scope="module")
def predictions(predict, run_module, eval_dir, tmp_path_factory):
    """``predictions(task, file) -> path``: one prediction run per dev file, shared by its gates."""
    made: dict[tuple[str, str], Path] = {}

    def get(task_name: str, file: str) -> Path:
        if (task_name, file) not in made:
            task = run_module.TASKS[task_name]
            folder = tmp_path_factory.mktemp(f"{task_name}-{Path(file).stem}")
            inputs = folder / "input.jsonl"
            run_module.write_inputs(task_name, eval_dir / task_name / file, inputs, eval_dir.parent)
            first = json.loads(inputs.read_text(encoding="utf-8").splitlines()[0])
            assert set(first) == set(task.fields)  # gold answers never reach the predictor
            out = folder / "pred.jsonl"
            count = predict.predict(task_name, inputs, out)
            assert count == len(inputs.read_text(encoding="utf-8").splitlines())
            made[task_name, file] = out
        return made[task_name, file]

    return get


@pytest.mark.eval
@pytest.mark.parametrize(
    "gate", GATES, ids=lambda g: f"{g['task']}-{g['file']}-{g['metric']}-{'-'.join(g.get('args', []))}"
)
def test_floor(gate, predictions, eval_dir):
    gold = eval_dir / gate["task"] / gate["file"]
    out = predictions(gate["task"], gate["file"])
    scorer = eval_dir / f"score_{gate['task']}.py"
    result = subprocess.run(
        [sys.executable, str(scorer), str(gold), str(out), "--json", *gate.get("args", [])],
        check=True,
        capture_output=True,
        text=True,
    )
    # One JSON object (on one line or indented), possibly between a table and the headline line.
    stdout = result.stdout
    metrics, _ = json.JSONDecoder().raw_decode(stdout[stdout.index("{") :])
    value = metrics
    for key in gate["metric"].split("/"):  # "by_suite/udp-gsr/events_root_f1": a nested figure
        value = value[key]
    assert value >= gate["floor"], f"{gate['task']} {gate['metric']} {value:.4f} fell below the floor {gate['floor']}"
