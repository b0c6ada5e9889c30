"""The recogniser: one regex rule per shape of time expression, each with its interpretation.

A rule's ``parse(match, text)`` either rejects the match (returns ``None``) or returns the
pieces it found, each with a ``resolve(context)`` function. Recognition and resolution are
separate because the value of some expressions depends on what came before them in the
text ("two days later" counts from the last date mentioned), so values are computed in
text order once overlapping matches have been settled (longest match wins).

The rules follow the TIMEX3 conventions of TimeML as used in TempEval-3: prepositions and
most determiners are outside the span, modifiers ("more than", "early", "the past") inside.

Each module registers its rules when imported; :data:`RULES` puts them in the order that
settles ties (the earlier rule wins between two matches of the same length).
"""

from newsgraph.extract.time.rules import calendar, days, durations, relative
from newsgraph.extract.time.rules.base import DAY_PLACEHOLDER, REGISTERED, Context, Piece, Rule, Value

#: From the most specific shapes to the most general: on a tie in length the earlier rule wins.
_ORDER = [module.__name__ for module in (calendar, days, relative, durations)]
RULES: list[Rule] = sorted(REGISTERED, key=lambda r: _ORDER.index(r.parse.__module__))

__all__ = ["DAY_PLACEHOLDER", "RULES", "Context", "Piece", "Rule", "Value"]
