"""Split article text into paragraph units with exact source offsets."""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsgraph.ingest.article import word_key as normalise

__all__ = ["Unit", "normalise", "split_units"]

_LINE = re.compile(r"[^\n]*(?:\n|$)")
_BULLET = re.compile(r"^\s*(?:[*\u2022\u25cf\u25aa\u2013\u2014-]|\d{1,2}[.)])\s")
#: Line breaks inside a joined paragraph become spaces, one for one, so offsets still match
#: the source; every other character is kept exactly as it came.
_LINE_BREAKS = str.maketrans({"\r": " ", "\n": " "})
#: A block whose lines are all at most this long, with most lines near the longest, is
#: prose wrapped at a fixed width (e-mail, plain-text wires): its lines form one paragraph.
_WRAP_MAX = 100
_WRAP_MIN = 50


@dataclass(slots=True)
class Unit:
    """A paragraph candidate: one line, or the lines of a hard-wrapped block."""

    start: int
    end: int
    text: str
    block: int
    #: Comparison key (see :func:`normalise`), computed once: captions and repeats use it.
    key: str = ""

    def __post_init__(self) -> None:
        self.key = normalise(self.text)


def split_units(text: str, *, first_line_apart: bool = False) -> list[Unit]:
    """Non-blank lines (stripped) grouped into blocks at blank lines; wrapped blocks joined.

    ``first_line_apart`` keeps the first line out of any joining: it is the headline, even
    when no blank line separates it from a wrapped first paragraph.
    """
    blocks: list[list[tuple[int, int]]] = [[]]
    for match in _LINE.finditer(text):
        line = match.group()
        if not line:
            break
        stripped = line.strip()
        if not stripped:
            if blocks[-1]:
                blocks.append([])
            continue
        start = match.start() + (len(line) - len(line.lstrip()))
        blocks[-1].append((start, start + len(stripped)))
    blocks = [b for b in blocks if b]
    if first_line_apart and blocks and len(blocks[0]) > 1:
        blocks[:1] = [blocks[0][:1], blocks[0][1:]]
    units: list[Unit] = []
    for number, lines in enumerate(blocks):
        for start, end in _join_wrapped(text, lines):
            units.append(Unit(start, end, text[start:end].translate(_LINE_BREAKS), number))
    return units


def _join_wrapped(text: str, lines: list[tuple[int, int]]) -> list[tuple[int, int]]:
    if len(lines) < 2:
        return lines
    lengths = [end - start for start, end in lines]
    longest = max(lengths)
    body = lengths[:-1]
    wrapped = _WRAP_MIN <= longest <= _WRAP_MAX and sum(n >= 0.75 * longest for n in body) >= 0.5 * len(body)
    if not wrapped:
        return lines
    joined: list[tuple[int, int]] = []
    for start, end in lines:
        if joined and not _BULLET.match(text[start:end]):
            joined[-1] = (joined[-1][0], end)
        else:
            joined.append((start, end))
    return joined
