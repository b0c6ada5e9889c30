"""One module per benchmark task: its dev files, input fields and systems.

A task module defines ``FILES`` (dev files under ``../shared/eval/TASK``), ``FIELDS`` (the
input fields a predictor may see; gold answers are stripped before prediction) and
``SYSTEMS`` (system name -> predictor; ``"newsgraph"`` first, then the baselines), and
optionally ``SCORE_ARGS``, extra scorer argument lists, one scoring per list, and
``INPUTS(gold_path, shared_dir)``, yielding the input records when they are not the gold
file's own lines (the entity gold holds annotations; the texts are Wikinews articles). A
predictor maps an iterator of input records to an iterator of prediction records in the
scorer's format, one per input record, in order.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

Record = dict[str, Any]
Predictor = Callable[[Iterator[Record]], Iterator[Record]]


@dataclass(frozen=True)
class Task:
    name: str
    files: tuple[str, ...]
    fields: tuple[str, ...]
    systems: dict[str, Predictor]
    score_args: tuple[tuple[str, ...], ...] = ((),)
    inputs: Callable[[Path, Path], Iterator[Record]] | None = None

    @property
    def baselines(self) -> list[str]:
        return [s for s in self.systems if s != "newsgraph"]


def load_tasks() -> dict[str, Task]:
    tasks = {}
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda i: i.name):
        module = importlib.import_module(f"{__name__}.{info.name}")
        score_args = tuple(tuple(a) for a in getattr(module, "SCORE_ARGS", [[]]))
        tasks[info.name] = Task(
            info.name,
            tuple(module.FILES),
            tuple(module.FIELDS),
            dict(module.SYSTEMS),
            score_args,
            getattr(module, "INPUTS", None),
        )
    return tasks
