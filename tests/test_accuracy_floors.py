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


@pytest.mark.eval
@pytest.mark.parametrize("gate", GATES, ids=lambda g: f"{g['task']}-{g['file']}-{g['metric']}")
def test_floor(gate, predict, run_module, eval_dir, tmp_path):
    task = run_module.TASKS[gate["task"]]
    gold = eval_dir / gate["task"] / gate["file"]
    inputs = tmp_path / "input.jsonl"
    run_module.write_inputs(gate["task"], gold, inputs, eval_dir.parent)
    first = json.loads(inputs.read_text(encoding="utf-8").splitlines()[0])
    assert set(first) == set(task.fields)  # gold answers never reach the predictor
    out = tmp_path / "pred.jsonl"
    count = predict.predict(gate["task"], inputs, out)
    assert count == len(inputs.read_text(encoding="utf-8").splitlines())
    scorer = eval_dir / f"score_{gate['task']}.py"
    result = subprocess.run(
        [sys.executable, str(scorer), str(gold), str(out), "--json", *gate.get("args", [])],
        check=True,
        capture_output=True,
        text=True,
    )
    # One JSON object (on one line or indented), possibly followed by the headline line.
    metrics, _ = json.JSONDecoder().raw_decode(result.stdout.strip())
    value = metrics[gate["metric"]]
    assert value >= gate["floor"], f"{gate['task']} {gate['metric']} {value:.4f} fell below the floor {gate['floor']}"
