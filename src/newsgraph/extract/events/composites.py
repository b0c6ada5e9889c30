"""CAMEO codes composed from two events: an appeal, demand, threat or rejection about a lower
event, a negated act of cooperation, and PETRARCH's transformations of reported events."""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsgraph.extract.events.verbs import VerbDictionary


@dataclass(frozen=True, slots=True)
class Transformation:
    """``~ a (a b ATTACK) SAY = a b 015``: an event of one root reported by a speaker."""

    outer_block: str
    inner_root: str
    #: The speaker is the reported event's source (``a (a b``) or another actor (``a (b .``).
    same_source: bool
    code: str


def compile_transformations(verbs: VerbDictionary) -> list[Transformation]:
    """The dictionary's transformations this coder applies (speaker plus a coded inner verb)."""
    rules = []
    for line in verbs.transformations:
        match = _TRANSFORMATION.match(line)
        if not match:
            continue
        outer, inner_source, inner_target, inner_verb, outer_verb, result = match.groups()
        outer_forms = verbs.lookup(outer_verb)
        inner_forms = verbs.lookup(inner_verb)
        if not outer_forms or not inner_forms or (inner_target == "." and inner_source == outer):
            continue
        inner_code = inner_forms[-1].code.event
        if inner_code is None or inner_source == "_" or not result[:2].isdigit():
            continue
        rules.append(Transformation(outer_forms[-1].block, inner_code[:2], inner_source == outer, result))
    return rules


_TRANSFORMATION = re.compile(r"^~\s*(\w)\s*\(\s*(\w|_)\s+(\w|\.)\s+(\w+)\s*\)\s*(\w+)\s*=\s*\w\s+\w\s+(\w+)")


def composite_code(upper: str, lower: str) -> str | None:
    """CAMEO's code for an appeal, intent, demand, rejection or threat about a lower event.

    The sub-codes of 02 (appeal), 03 (intent), 10 (demand) and 12 (reject) follow the kind of
    cooperation asked for: material (06) → x1, diplomatic (05) → x2, aid (07) → x3, yield (08)
    → x5, meet (04) → x6, mediate (045) → x8; 13 (threaten) with force (18-20) → 138.
    """
    up, low = upper[:2], lower[:2]
    if up == "13" or (up == "03" and low in ("18", "19", "20")):
        return "138" if low in ("18", "19", "20") else ("137" if low == "17" else None)
    if up not in ("02", "03", "10", "12"):
        return None
    if lower.startswith("045"):
        return up + ("6" if up == "12" else "8")
    offsets = _REJECT_OFFSETS if up == "12" else _COOPERATION_OFFSETS
    offset = offsets.get(low)
    return up + offset if offset else None


_COOPERATION_OFFSETS = {"06": "1", "05": "2", "07": "3", "08": "5", "04": "6"}
_REJECT_OFFSETS = {"06": "1", "07": "2", "08": "4", "04": "5"}


def negated_code(code: str) -> str:
    """A negated act of cooperation is a rejection: "would not provide support" (06) → 121."""
    root = code[:2]
    if code.startswith("045"):
        return "126"
    offset = _REJECT_OFFSETS.get(root)
    if offset:
        return "12" + offset
    if root == "05":
        return "120"
    return code
