"""Goldstein scores and QuadClass of CAMEO event codes.

The Goldstein (1992) conflict-cooperation scale, -10 (most hostile) to +10 (most
cooperative), as assigned to every CAMEO code in GDELT's public lookup table
(``newsgraph/data/cameo/goldstein.tsv``). QuadClass groups the 20 root categories:
01-05 verbal cooperation (1), 06-08 material cooperation (2), 09-13 verbal conflict (3),
14-20 material conflict (4).
"""

from __future__ import annotations

from functools import lru_cache

from newsgraph.data import DATA_DIR

GOLDSTEIN_FILE = DATA_DIR / "cameo" / "goldstein.tsv"


@lru_cache(maxsize=1)
def goldstein_table() -> dict[str, float]:
    """CAMEO code → Goldstein score, read once."""
    table: dict[str, float] = {}
    for line in GOLDSTEIN_FILE.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        code, score = line.split("\t")
        table[code.strip()] = float(score)
    return table


def goldstein(code: str | None) -> float | None:
    """Goldstein score of ``code``; a code the table lacks takes its nearest listed parent's."""
    if not code:
        return None
    table = goldstein_table()
    for size in range(len(code), 1, -1):
        score = table.get(code[:size])
        if score is not None:
            return score
    return None


def quad_class(code: str | None) -> int | None:
    """QuadClass (1-4) of a CAMEO code from its two-digit root; ``None`` for a non-CAMEO code."""
    if not code or len(code) < 2 or not code[:2].isdigit():
        return None
    root = int(code[:2])
    if 1 <= root <= 5:
        return 1
    if 6 <= root <= 8:
        return 2
    if 9 <= root <= 13:
        return 3
    if 14 <= root <= 20:
        return 4
    return None
