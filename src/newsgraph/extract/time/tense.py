"""Tense around a time expression: does "Thursday" look back or ahead?

The verb group nearest the expression in its sentence decides: ``will``/``'ll``/``shall``
or ``going to`` look ahead; a past-tense verb (``VBD``) or a perfect (``has met``) looks
back; anything else (present tense, "would") leaves the choice to the calendar rules.
With spaCy tags (the ``tags`` capability: ``token.tag_`` only) this reads the tagger's
output; without them (captions, hand-built docs) a word-list fallback does the same job
less well.
"""

from __future__ import annotations

import bisect
import itertools
import re
from typing import Protocol

from spacy.tokens import Doc

from newsgraph.extract.time.grammar import word_set
from newsgraph.extract.time.normalize import Direction

_FUTURE_MODALS = frozenset({"will", "'ll", "’ll", "shall", "wo"})
_PERFECT_AUX = frozenset({"has", "have", "had", "'ve", "’ve", "'d"})
_VERB_TAGS = frozenset({"VB", "VBD", "VBG", "VBN", "VBP", "VBZ", "MD"})
_GROUP_TAGS = _VERB_TAGS | {"RB", "TO"}
_BREAK_TAGS = frozenset({",", ":", "``", "''", "-LRB-", "-RRB-", "."})
#: Words before an expression that put it in the future whatever the verb.
_FUTURE_CUES = frozenset({"until", "till", "til"})
#: Verbs of planning: what is planned, scheduled or expected lies ahead.
_PLAN_WORDS = word_set(
    "plan plans planned planning scheduled schedules slated due expected expects expect intends intended postponed "
    "postpones delayed adjourned"
)

#: Verbs of commitment and intent: the act in their infinitive lies ahead of them ("vowed to
#: hold elections in March", "agreed to sell the unit in the first quarter").
_COMMITMENT_WORDS = word_set(
    "promise promises promised pledge pledges pledged vow vows vowed threaten threatens threatened aim aims aimed "
    "hope hopes hoped seek seeks sought agree agrees agreed decide decides decided prepare prepares prepared "
    "intend intends"
)


#: How far (in tokens) to look for the verb that governs an expression: far enough to reach
#: the main verb past a long fronted phrase ("In January, a week after ..., a bombing killed").
_WINDOW = 35


class TenseOracle(Protocol):
    def __call__(self, start: int, end: int) -> Direction: ...


class DocTense:
    """Tense from the tagger's fine-grained tags; computed lazily, once per document."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self._ready = False
        self._starts: list[int] = []
        self._tags: list[str] = []
        self._lowers: list[str] = []
        self._fallback: LexicalTense | None = None

    def _prepare(self) -> None:
        self._ready = True
        if not self.doc.has_annotation("TAG"):
            self._fallback = LexicalTense(self.doc.text)
            return
        # Columns of hashes instead of Token objects: creating a Token per word costs more
        # than the whole tense lookup.
        columns = self.doc.to_array(["IDX", "TAG", "LOWER"]).tolist()
        strings = self.doc.vocab.strings
        self._starts = [row[0] for row in columns]
        self._tags = [strings[row[1]] for row in columns]
        self._lowers = [strings[row[2]] for row in columns]

    def __call__(self, start: int, end: int) -> Direction:
        if not self._ready:
            self._prepare()
        if self._fallback is not None:
            return self._fallback(start, end)
        first = max(0, bisect.bisect_right(self._starts, start) - 1)
        last = max(first, bisect.bisect_left(self._starts, end) - 1)
        verdict, group = self._verb_direction(first, last)
        if first > 0 and (self._lowers[first - 1] in _FUTURE_CUES or _as_soon_as(self._lowers, first)):
            # "until Tuesday", "as soon as Friday" look ahead even after a simple past ("extended
            # the deadline until Tuesday"); a past perfect looks back ("until Thursday they had
            # not named him").
            if verdict == -1 and group is not None and "had" in self._lowers[group.start : group.stop]:
                return -1
            return 1
        return verdict

    def _verb_direction(self, first: int, last: int) -> tuple[Direction, range | None]:
        """The direction the verb governing tokens ``first..last`` gives, and that verb group."""
        sentence = self.doc[first].sent
        low, high = max(sentence.start, first - _WINDOW), min(sentence.end, last + 1 + _WINDOW)
        # Verbs by closeness: the verb before an expression usually governs it ("met
        # Friday"), one after it less often ("On Friday, he met"), and one beyond a comma,
        # quote or bracket is less likely to be in the same clause.
        scored = []
        for i in range(low, high):
            if self._tags[i] not in _VERB_TAGS or first <= i <= last:
                continue
            between = range(i + 1, first) if i < first else range(last + 1, i)
            breaks = sum(1 for k in between if self._tags[k] in _BREAK_TAGS)
            distance = (first - i) if i < first else (i - last) + 2
            scored.append((distance + 4 * breaks, i))
        seen: set[int] = set()
        for _, i in sorted(scored):
            if i in seen:
                continue
            group = self._group(i, low, high)
            seen.update(group)
            verdict, finite = self._classify(group)
            if verdict is not None or finite:
                return verdict, group
        return None, None

    def _group(self, i: int, low: int, high: int) -> range:
        begin = i
        while begin - 1 >= low and (self._tags[begin - 1] in _GROUP_TAGS or self._lowers[begin - 1] == "going"):
            begin -= 1
        stop = i + 1
        while stop < high and self._tags[stop] in _GROUP_TAGS:
            stop += 1
        return range(begin, stop)

    def _classify(self, group: range) -> tuple[Direction, bool]:
        """(direction, whether the group is a finite verb that settles the question)."""
        tags = [self._tags[i] for i in group]
        words = [self._lowers[i] for i in group]
        if any(w in _FUTURE_MODALS for w in words) or _going_to(words):
            return 1, True
        if any(w in _PLAN_WORDS for w in words) or any(
            w == "set" and t == "VBN" for w, t in zip(words, tags, strict=True)
        ):
            return 1, True  # "planned a rally on Saturday", "is scheduled for Friday"
        if "TO" in tags and tags[-1] == "VB":
            if any(w in _COMMITMENT_WORDS for w in words[: tags.index("TO")]):
                return 1, True  # "vowed to hold elections in March": what is vowed lies ahead
            return None, True  # "to mark ... on Friday": an infinitive tells nothing
        if "VBD" in tags:
            return -1, True
        if "VBN" in tags and (
            any(w in _PERFECT_AUX for w in words) or not any(t in ("VBZ", "VBP", "MD") for t in tags)
        ):
            return -1, True
        finite = any(t in ("VBZ", "VBP", "MD") for t in tags)
        return None, finite


def _as_soon_as(words: list[str], first: int) -> bool:
    return first >= 3 and words[first - 3 : first] in (
        ["as", "soon", "as"],
        ["as", "early", "as"],
        ["no", "later", "than"],
    )


def _going_to(words: list[str]) -> bool:
    return any(a == "going" and b == "to" for a, b in itertools.pairwise(words))


_WORD = re.compile(r"[A-Za-z’']+")
_SENTENCE_END = re.compile(r"[.!?]\s|\n")
_IRREGULAR_PAST = word_set(
    "was were had did said told met went came gave took made began saw held left spoke won lost found thought knew "
    "got became rose fell sent led brought kept put set paid ran wrote sold struck hit fought flew drove bought "
    "caught taught chose stood understood heard felt meant built spent lent sat ate drank swore"
)
_NOT_PAST = frozenset({"need", "speed", "indeed", "proceed", "succeed", "exceed", "feed", "seed", "bed", "red", "shed"})
_FUTURE_WORDS = re.compile(
    r"\b(?:will|shall|going to|plans? to|expected to|scheduled to|due to|is to|are to)\b|'ll\b|’ll\b"
)


class LexicalTense:
    """Tense from words alone: future markers, irregular pasts and ``-ed`` forms."""

    def __init__(self, text: str) -> None:
        self.text = text

    def __call__(self, start: int, end: int) -> Direction:
        text = self.text
        boundary = [m.end() for m in _SENTENCE_END.finditer(text, max(0, start - 300), start)]
        left = boundary[-1] if boundary else max(0, start - 300)
        stop = _SENTENCE_END.search(text, end, end + 300)  # bounded: no rescans of long texts
        right = stop.start() if stop else min(len(text), end + 300)
        before, after = text[left:start], text[end:right]
        if _FUTURE_WORDS.search(before[-60:]) or _FUTURE_WORDS.search(after[:40]):
            return 1
        # Nearest word first, on either side.
        candidates = [(len(before) - m.end(), m.group().lower()) for m in _WORD.finditer(before)]
        candidates += [(m.start(), m.group().lower()) for m in _WORD.finditer(after)]
        for distance, word in sorted(candidates):
            if distance > 80:
                break
            if word in _IRREGULAR_PAST or (len(word) > 4 and word.endswith("ed") and word not in _NOT_PAST):
                return -1
        return None
