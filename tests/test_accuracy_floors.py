"""Accuracy gates: CI fails when a dev-set score drops below its pinned floor.

The predictions go through ``benchmarks/predict.py`` and are scored by the shared
``score_TASK.py``, exactly as ``benchmarks/run.py`` does.
"""

from __future__ import annotations

import importlib.util
import json
import os
import sys
from pathlib import Path
from types import ModuleType

import pytest

REPO = Path(__file__).resolve().parents[1]
FLOORS = json.loads((REPO / "benchmarks" / "floors.json").read_text(encoding="utf-8"))


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
def predict() -> ModuleType:
    return _load(REPO / "benchmarks" / "predict.py", "newsgraph_bench_predict")


@pytest.fixture(scope="module")
def run_module() -> ModuleType:
    return _load(REPO / "benchmarks" / "run.py", "newsgraph_bench_run")


@pytest.mark.eval
def test_extraction_f1_floor(predict, run_module, eval_dir, tmp_path):
    gold = eval_dir / "extraction" / "dev.jsonl"
    scorer = _load(eval_dir / "score_extraction.py", "score_extraction")
    inputs = tmp_path / "input.jsonl"
    run_module.strip_inputs(gold, run_module.TASKS["extraction"]["fields"], inputs)
    first = json.loads(inputs.read_text(encoding="utf-8").splitlines()[0])
    assert set(first) == {"id", "html", "url"}  # gold answers never reach the predictor
    out = tmp_path / "pred.jsonl"
    predict.predict("extraction", inputs, out)
    gold_rows, _ = scorer.read_jsonl(str(gold))
    pred_rows, _ = scorer.read_jsonl(str(out))
    result = scorer.score(gold_rows, pred_rows, n_boot=0)
    floor = FLOORS["extraction"]["floor"]
    assert result["n_pred_missing"] == 0
    assert result["f1"] >= floor, f"extraction F1 {result['f1']:.4f} fell below the floor {floor}"
