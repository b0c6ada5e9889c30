"""The time budget of one article: a deadline checked as the work goes, and an alarm behind it.

The pipeline runs each article's own work :func:`within` its budget (cleaning, then the
extractors); code with loops that could run long calls :func:`check` now and then. Past the
deadline :func:`check` raises :class:`~newsgraph.errors.BudgetExceeded`, which the pipeline
reports for that article alone. As a backstop, for code that never reaches a check, an
interval timer (``SIGALRM``, main thread only) interrupts the article shortly after its
deadline. Code stuck inside C (a regular expression) cannot be interrupted in the process;
worker processes (``n_process > 1``) are stopped from outside instead (see
:mod:`newsgraph.workers`).

The model itself runs over batches of articles, outside any one article's budget; its cost is
linear in the text, which ``max_chars``, the punctuation-run split and the sentence cap bound.
"""

from __future__ import annotations

import signal
import threading
import time
from collections.abc import Callable
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any, TypeVar

from newsgraph.errors import BudgetExceeded, ErrorCode

#: The alarm fires this long after the deadline: cooperative checks get the first chance, so
#: the error names the stage that ran over.
_GRACE = 0.5

T = TypeVar("T")


@dataclass(slots=True)
class Deadline:
    budget: float
    at: float
    stage: str = ""


_CURRENT: ContextVar[Deadline | None] = ContextVar("newsgraph_deadline", default=None)


class _Alarm(BaseException):
    """Raised by the timer; a ``BaseException`` so that no ``except Exception`` swallows it."""


def check() -> None:
    """Raise :class:`BudgetExceeded` if the current article has run past its budget."""
    deadline = _CURRENT.get()
    if deadline is not None and time.monotonic() > deadline.at:
        raise _over(deadline.budget, deadline.stage)


def stage(name: str) -> None:
    """Name the stage now running (reported when the budget runs out), then :func:`check`."""
    deadline = _CURRENT.get()
    if deadline is not None:
        deadline.stage = name
        if time.monotonic() > deadline.at:
            raise _over(deadline.budget, deadline.stage)


def remaining() -> float | None:
    """Seconds left in the current article's budget (``None``: no budget)."""
    deadline = _CURRENT.get()
    return None if deadline is None else deadline.at - time.monotonic()


def within(budget: float | None, fn: Callable[..., T], *args: Any, spent: float = 0.0, first_stage: str = "") -> T:
    """``fn(*args)`` under the time budget of one article (``budget`` seconds; ``None`` or 0: none).

    ``spent`` is what the article has already used (its cleaning, when ``fn`` extracts); past
    the rest, a :func:`check` inside ``fn`` or, failing that, the timer raises
    :class:`BudgetExceeded` here.
    """
    if not budget or budget <= 0:
        return fn(*args)
    now = time.monotonic()
    deadline = Deadline(budget, now + budget - spent, first_stage)
    if deadline.at <= now:
        raise _over(budget, first_stage)
    try:
        token = _CURRENT.set(deadline)
        alarm = _arm(deadline.at - now + _GRACE)
        try:
            return fn(*args)
        finally:
            _disarm(alarm)
            _CURRENT.reset(token)
    except _Alarm:
        # One-shot and disarmed above: the timer fires at most once per article.
        raise _over(budget, deadline.stage) from None


def _over(budget: float, stage: str) -> BudgetExceeded:
    return BudgetExceeded(ErrorCode.E017, budget=f"{budget:g}", stage=stage or "the analysis")


def _raise_alarm(signum: int, frame: Any) -> None:
    raise _Alarm


def _arm(seconds: float) -> tuple[bool, Any]:
    """Start the backstop timer; the previous SIGALRM handler is kept to be restored."""
    if threading.current_thread() is not threading.main_thread() or not hasattr(signal, "setitimer"):
        return False, None  # signals reach only the main thread; checks alone guard the rest
    previous = signal.signal(signal.SIGALRM, _raise_alarm)
    signal.setitimer(signal.ITIMER_REAL, max(seconds, 0.001))
    return True, previous


def _disarm(alarm: tuple[bool, Any]) -> None:
    armed, previous = alarm
    if armed:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous if previous is not None else signal.SIG_DFL)
