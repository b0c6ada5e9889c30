"""TIMEX3 values: calendar arithmetic, anchoring and value formatting.

Everything here is pure date arithmetic on :class:`datetime.date`, with no text. Month and
year shifts are written out (a few lines) rather than taken from ``dateutil``: the rules
for clipping the day of month are the only subtle part and they are TIMEX3's, not a
library's.

Direction arguments follow one convention: ``-1`` the occurrence on or before the anchor
(a past-tense context), ``1`` on or after it (future), ``None`` the nearest one.
"""

from __future__ import annotations

import calendar
from collections.abc import Callable
from datetime import date, timedelta
from typing import Literal

Direction = Literal[-1, 1] | None
#: Granularities of a DATE value, finest first.
Granularity = Literal["day", "week", "weekend", "month", "quarter", "season", "year", "decade", "century"]

#: TIMEX3 season codes.
SEASONS: dict[str, str] = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}


def add_months(day: date, months: int) -> date:
    """``day`` shifted by whole months, the day clipped to the target month's length."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def shift(day: date, amount: float, unit: str) -> date:
    """``day`` moved by ``amount`` units (``D``, ``W``, ``M``, ``Q``, ``Y``, ``DE``, ``CE``)."""
    if unit == "D":
        return day + timedelta(days=round(amount))
    if unit == "W":
        return day + timedelta(days=round(amount * 7))
    months = {"M": 1, "Q": 3, "Y": 12, "DE": 120, "CE": 1200}[unit]
    return add_months(day, round(amount * months))


def weekday_date(anchor: date, weekday: int, direction: Direction) -> date:
    """The ``weekday`` (Monday 0) nearest ``anchor`` in ``direction``; the anchor's own day counts.

    With no tense to go on, the nearer occurrence wins, and news reports mostly look back,
    so a weekday up to three days back is taken as past (Saturday's "Thursday" is two days
    ago, Monday's "Thursday" is in three days).
    """
    back = (anchor.weekday() - weekday) % 7
    forward = (weekday - anchor.weekday()) % 7
    if direction == -1 or (direction is None and back <= 3):
        return anchor - timedelta(days=back)
    return anchor + timedelta(days=forward)


def month_year(anchor: date, month: int, direction: Direction, strict: bool = False) -> int:
    """The year of the named ``month`` seen from ``anchor``.

    ``strict`` excludes the anchor's own month ("last October" said in October is a year
    back). Without a direction the nearest occurrence wins, ties going to the past.
    """
    if direction == -1:
        return anchor.year if month < anchor.month or (month == anchor.month and not strict) else anchor.year - 1
    if direction == 1:
        return anchor.year if month > anchor.month or (month == anchor.month and not strict) else anchor.year + 1
    back, forward = (anchor.month - month) % 12, (month - anchor.month) % 12
    if back <= forward:
        return anchor.year if month <= anchor.month else anchor.year - 1
    return anchor.year if month >= anchor.month else anchor.year + 1


def day_month_year(anchor: date, month: int, day: int, direction: Direction) -> int:
    """The year of a bare day and month: the nearest plausible one, nudged by tense.

    News writes "December 30" in an article of 2 January for the December just gone, so
    the candidate years around the anchor are compared by distance. A clear tense picks
    the nearest candidate on its side of the anchor, unless that is implausibly far
    (over nine months), in which case the tense reading is taken to be wrong.
    """
    candidates = []
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        try:
            candidates.append(date(year, month, day))
        except ValueError:  # 29 February outside a leap year
            continue
    if not candidates:
        return anchor.year
    nearest = min(candidates, key=lambda d: (abs((d - anchor).days), d > anchor))
    if direction is not None:
        sided = [d for d in candidates if (d - anchor).days * direction >= 0]
        if sided:
            best = min(sided, key=lambda d: abs((d - anchor).days))
            if abs((best - anchor).days) <= 275:
                return best.year
    return nearest.year


def season_year(anchor: date, code: str, direction: Direction, strict: bool = False) -> int:
    """The year of a season (``SP``, ``SU``, ``FA``, ``WI``) seen from ``anchor``.

    Seasons are numbered on one line (four per year, winter last and named by the year
    of its December), so "last fall" and "this winter" are steps along it.
    """
    order = ["SP", "SU", "FA", "WI"]
    current_code = _season_of(anchor.month)
    current_year = anchor.year - 1 if current_code == "WI" and anchor.month < 3 else anchor.year
    here = current_year * 4 + order.index(current_code)
    candidates = [(current_year + dy) * 4 + order.index(code) for dy in (-1, 0, 1)]
    if direction == -1:
        pick = max(c for c in candidates if c < here or (c == here and not strict))
    elif direction == 1:
        pick = min(c for c in candidates if c > here or (c == here and not strict))
    else:
        pick = min(candidates, key=lambda c: (abs(c - here), c > here))
    return pick // 4


def _season_of(month: int) -> str:
    return "WI" if month in (12, 1, 2) else "SP" if month < 6 else "SU" if month < 9 else "FA"


def iso_week(day: date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def format_date(day: date, granularity: Granularity) -> str:
    """``day`` as a TIMEX3 DATE value at ``granularity``."""
    if granularity == "day":
        return day.isoformat()
    if granularity == "week":
        return iso_week(day)
    if granularity == "weekend":
        return iso_week(day) + "-WE"
    if granularity == "month":
        return f"{day.year:04d}-{day.month:02d}"
    if granularity == "quarter":
        return f"{day.year:04d}-Q{(day.month - 1) // 3 + 1}"
    if granularity == "season":
        code = _season_of(day.month)
        year = day.year - 1 if code == "WI" and day.month < 3 else day.year
        return f"{year:04d}-{code}"
    if granularity == "year":
        return f"{day.year:04d}"
    if granularity == "decade":
        return f"{day.year // 10:03d}X"
    return f"{day.year // 100:02d}"


def underspecified(granularity: Granularity) -> str:
    """The value of a relative expression with nothing to anchor it to."""
    return {
        "day": "XXXX-XX-XX",
        "week": "XXXX-WXX",
        "weekend": "XXXX-WXX-WE",
        "month": "XXXX-XX",
        "quarter": "XXXX-QX",
        "season": "XXXX-XX",
        "year": "XXXX",
        "decade": "XXX",
        "century": "XX",
    }[granularity]


#: Duration units: TIMEX3 letter, and whether it belongs after the ``T``.
_DURATION_UNITS: dict[str, tuple[str, bool]] = {
    "second": ("S", True),
    "minute": ("M", True),
    "hour": ("H", True),
    "day": ("D", False),
    "night": ("D", False),
    "week": ("W", False),
    "weekend": ("WE", False),
    "fortnight": ("W", False),
    "month": ("M", False),
    "quarter": ("Q", False),
    "year": ("Y", False),
    "decade": ("Y", False),
    "century": ("Y", False),
}
#: Units written as multiples of another TIMEX3 unit.
_UNIT_FACTOR = {"fortnight": 2, "decade": 10, "century": 100, "quarter": 3}


def duration_value(amount: float | None, unit: str) -> str:
    """TIMEX3 duration: ``P5M``, ``PT3H``, ``P2.5Y``, ``PT5H30M``; ``PXY`` for an unknown amount."""
    letter, is_time = _DURATION_UNITS[unit]
    if unit == "quarter":
        letter = "M"
    prefix = "PT" if is_time else "P"
    if amount is None:
        return f"{prefix}X{letter}"
    amount *= _UNIT_FACTOR.get(unit, 1)
    if is_time and amount != int(amount) and letter in ("H", "M"):
        # Fractions of hours and minutes are written with the next unit (TimeML practice).
        whole = int(amount)
        rest = round((amount - whole) * 60)
        smaller = "M" if letter == "H" else "S"
        return f"PT{whole}{letter}{rest}{smaller}" if whole else f"PT{rest}{smaller}"
    number = f"{amount:g}" if amount != int(amount) else str(int(amount))
    return f"{prefix}{number}{letter}"


def nth_weekday(year: int, month: int, weekday: int, n: int) -> date:
    """The ``n``-th ``weekday`` of a month (``n`` = -1: the last one)."""
    if n > 0:
        first = date(year, month, 1)
        return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))
    last = date(year, month, calendar.monthrange(year, month)[1])
    return last - timedelta(days=(last.weekday() - weekday) % 7)


def easter(year: int) -> date:
    """Western Easter Sunday (the anonymous Gregorian computus)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    el = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * el) // 451
    month, day = divmod(h + el - 7 * m + 114, 31)
    return date(year, month, day + 1)


def holiday(name: str, year: int) -> date | None:
    """Date of a holiday in ``year``; ``name`` is a key of :data:`HOLIDAYS`."""
    rule = HOLIDAYS[name]
    if isinstance(rule, tuple):
        return date(year, *rule)
    return rule(year)


def _election_day(year: int) -> date:
    # US: the Tuesday after the first Monday of November.
    return nth_weekday(year, 11, 0, 1) + timedelta(days=1)


HOLIDAYS: dict[str, tuple[int, int] | Callable[[int], date]] = {
    "christmas": (12, 25),
    "christmas day": (12, 25),
    "christmas eve": (12, 24),
    "boxing day": (12, 26),
    "new year's day": (1, 1),
    "new year's eve": (12, 31),
    "independence day": (7, 4),
    "halloween": (10, 31),
    "valentine's day": (2, 14),
    "veterans day": (11, 11),
    "thanksgiving": lambda y: nth_weekday(y, 11, 3, 4),
    "thanksgiving day": lambda y: nth_weekday(y, 11, 3, 4),
    "memorial day": lambda y: nth_weekday(y, 5, 0, -1),
    "labor day": lambda y: nth_weekday(y, 9, 0, 1),
    "election day": _election_day,
    "easter": easter,
    "easter sunday": easter,
    "easter monday": lambda y: easter(y) + timedelta(days=1),
    "good friday": lambda y: easter(y) - timedelta(days=2),
}


def holiday_year(anchor: date, name: str, direction: Direction, strict: bool = False) -> int:
    """The year of a holiday mentioned without one, like :func:`day_month_year`."""
    this_year = holiday(name, anchor.year)
    assert this_year is not None
    if strict and direction is not None:
        if direction == -1:
            return anchor.year if this_year < anchor else anchor.year - 1
        return anchor.year if this_year > anchor else anchor.year + 1
    return day_month_year(anchor, this_year.month, this_year.day, direction)
