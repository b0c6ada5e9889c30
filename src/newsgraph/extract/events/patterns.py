"""Matching a verb block's patterns against the words around a verb, and the verb's dictionary form."""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from newsgraph.annotate import column, heads
from newsgraph.extract.events.syntax import PASSIVE_SUBJECTS, pobj_of
from newsgraph.extract.events.verbs import Alternatives, Pattern, PrepPhrase, VerbDictionary, VerbForm


@dataclass(slots=True)
class WordIndex:
    """A document's words (upper-case text) and prepositions by position, built once per document.

    The words around a verb are its phrases' subtrees; copying them once per verb is quadratic in
    a long sentence (a text without sentence punctuation is one sentence whose subtrees nest, and
    430,000 such characters ran for minutes). A projective subtree is the contiguous range
    between its edges, so a region is a few ranges and a word is found in them by bisection.
    """

    doc: Doc
    upper: list[str]
    is_prep: list[bool]
    words: dict[str, list[int]]
    preps: dict[str, list[int]]
    #: Per token, whether its subtree is exactly the range between its edges.
    contiguous: list[bool]

    @classmethod
    def of(cls, doc: Doc) -> WordIndex:
        # Read from spaCy's arrays: a Python ``Token`` per word and per pass cost more than the
        # matching itself.
        upper = [text.upper() for text in column(doc, "ORTH")]
        deps, tags = column(doc, "DEP"), column(doc, "TAG")
        is_prep = [
            dep in ("prep", "agent", "dative") or tag in ("IN", "TO") for dep, tag in zip(deps, tags, strict=True)
        ]
        words: dict[str, list[int]] = {}
        preps: dict[str, list[int]] = {}
        for i, key in enumerate(upper):
            words.setdefault(key, []).append(i)
            if is_prep[i]:
                preps.setdefault(key, []).append(i)
        # Subtree sizes and edges bottom-up in one pass (dependents before heads by depth order).
        head = heads(doc)
        n = len(upper)
        depth = [-1] * n
        for i in range(n):
            path = []
            j = i
            while depth[j] < 0 and head[j] != j:
                path.append(j)
                j = head[j]
            if depth[j] < 0:
                depth[j] = 0
            for k in reversed(path):
                depth[k] = depth[head[k]] + 1
        size = [1] * n
        left = list(range(n))
        right = list(range(n))
        for i in sorted(range(n), key=lambda k: -depth[k]):
            h = head[i]
            if h != i:
                size[h] += size[i]
                if left[i] < left[h]:
                    left[h] = left[i]
                if right[i] > right[h]:
                    right[h] = right[i]
        contiguous = [size[i] == right[i] - left[i] + 1 for i in range(n)]
        return cls(doc, upper, is_prep, words, preps, contiguous)

    def runs(self, token: Token) -> list[tuple[int, int]]:
        """``token``'s subtree as half-open ranges of positions, in order."""
        if self.contiguous[token.i]:
            return [(token.left_edge.i, token.right_edge.i + 1)]
        return [(t.i, t.i + 1) for t in token.subtree]  # a non-projective parse (hand-built)


@dataclass(slots=True)
class _Region:
    """Words around a verb for pattern matching: ranges of the document's positions."""

    index: WordIndex
    runs: list[tuple[int, int]]
    _present: dict[tuple[str, str], bool] = field(default_factory=dict)

    @property
    def size(self) -> int:
        return sum(end - start for start, end in self.runs)

    def tokens(self, key: str, kind: str = "words", within: Token | None = None) -> Iterator[Token]:
        """The region's tokens whose text is ``key`` (prepositions only, for ``kind="preps"``), in order."""
        positions = (self.index.preps if kind == "preps" else self.index.words).get(key)
        if not positions:
            return
        doc = self.index.doc
        for start, end in self.runs:
            if within is not None:
                start, end = max(start, within.left_edge.i), min(end, within.right_edge.i + 1)
            at = bisect.bisect_left(positions, start)
            while at < len(positions) and positions[at] < end:
                yield doc[positions[at]]
                at += 1

    def has(self, key: str, kind: str) -> bool:
        found = self._present.get((key, kind))
        if found is None:
            found = self._present[(key, kind)] = next(self.tokens(key, kind), None) is not None
        return found

    def keys(self, kind: str) -> set[str]:
        """The region's words (or prepositions): walks the region, for small ones."""
        upper, is_prep = self.index.upper, self.index.is_prep
        return {upper[i] for start, end in self.runs for i in range(start, end) if kind == "words" or is_prep[i]}


def _match_noun(alternatives: Alternatives, region: _Region, within: Token | None = None) -> Token | None:
    for sequence in alternatives:
        for head in region.tokens(sequence[-1], "words", within):
            if len(sequence) == 1 and head.dep_ == "compound":
                continue  # a lone pattern word names a phrase head: "war" in "the war cabinet" is no war
            if len(sequence) == 1:
                return head
            # The other words of a phrase must sit in the head's own phrase, before it.
            lefts = {t.text.upper() for t in head.doc[max(head.left_edge.i, head.i - 6) : head.i]}
            if all(w in lefts for w in sequence[:-1]):
                return head
    return None


def _match_prep(phrase: PrepPhrase, region: _Region, is_actor: Callable[[Token], bool] | None = None) -> Token | None:
    for sequence in phrase.prep:
        for prep in region.tokens(sequence[-1], "preps"):
            if not phrase.nouns and is_actor is not None and prep.dep_ != "agent":
                # A bare "(WITH)" stands for "with <an actor>" ("negotiate with Israel"); "mediated
                # ... with support from the US" is no negotiation.
                pobj = pobj_of(prep)
                if pobj is not None and not is_actor(pobj):
                    continue
            if all(_match_noun(noun, region, prep) is not None for noun in phrase.nouns):
                return prep
    return None


def _matches(
    pattern: Pattern, post: _Region, pre: _Region, is_actor: Callable[[Token], bool] | None = None
) -> dict[str, Token] | None:
    found: dict[str, Token] = {}
    for noun in pattern.post:
        if _match_noun(noun, post) is None:
            return None
    for noun in pattern.pre:
        if _match_noun(noun, pre) is None:
            return None
    for phrase in pattern.post_preps:
        prep = _match_prep(phrase, post, is_actor)
        if prep is None:
            return None
        if phrase.source:
            found["source"] = prep
        if phrase.target:
            found["target"] = prep
    for phrase in pattern.pre_preps:
        if _match_prep(phrase, pre) is None:
            return None
    return found


_POST_DEPS = frozenset(
    {"dobj", "dative", "prt", "prep", "advmod", "acomp", "oprd", "attr", "xcomp", "ccomp", "npadvmod", "agent", "pcomp"}
)


def _post_region(verb: Token, index: WordIndex) -> _Region:
    runs: list[tuple[int, int]] = []
    for child in verb.children:
        if (child.i > verb.i and child.dep_ in _POST_DEPS) or child.dep_ in ("dobj", "prt"):
            runs.extend(index.runs(child))
    # A passive subject is the logical object: "the civilians ... were released".
    for child in verb.children:
        if child.dep_ in PASSIVE_SUBJECTS:
            runs.extend(index.runs(child))
    return _Region(index, runs)


def _pre_region(verb: Token, subject: Token | None, index: WordIndex) -> _Region:
    runs: list[tuple[int, int]] = []
    if subject is not None:
        runs.extend(index.runs(subject))
    runs.extend((c.i, c.i + 1) for c in verb.lefts if c.dep_ in ("aux", "auxpass", "neg", "advmod"))
    return _Region(index, runs)


#: Per pattern, the words each of its elements may end in, and where they must occur. Keyed
#: by id (hashing a pattern hashes all its words), holding the pattern so the id stays its own.
_REQUIREMENTS: dict[int, tuple[Pattern, tuple[tuple[frozenset[str], str], ...]]] = {}


def _requirements(pattern: Pattern) -> tuple[tuple[frozenset[str], str], ...]:
    entry = _REQUIREMENTS.get(id(pattern))
    if entry is None or entry[0] is not pattern:

        def last_words(alternatives: Alternatives) -> frozenset[str]:
            return frozenset(seq[-1] for seq in alternatives)

        needs: list[tuple[frozenset[str], str]] = []
        for where, nouns, phrases in (
            ("post", pattern.post, pattern.post_preps),
            ("pre", pattern.pre, pattern.pre_preps),
        ):
            needs += [(last_words(n), f"{where} words") for n in nouns]
            for phrase in phrases:
                needs.append((last_words(phrase.prep), f"{where} preps"))
                needs += [(last_words(n), f"{where} words") for n in phrase.nouns]
        entry = _REQUIREMENTS[id(pattern)] = (pattern, tuple(needs))
    return entry[1]


#: By id, holding the list itself so that the id cannot be reused while the entry lives.
_BLOCK_INDEXES: dict[int, tuple[list[Pattern], dict[tuple[str, str], list[int]], list[int]]] = {}


def _block_index(patterns: list[Pattern]) -> tuple[dict[tuple[str, str], list[int]], list[int]]:
    """Positions of a block's patterns by one word each needs (its most selective element),
    and those that need none: a verb is then tried only against patterns whose word is there."""
    entry = _BLOCK_INDEXES.get(id(patterns))
    if entry is None or entry[0] is not patterns:
        anchored: dict[tuple[str, str], list[int]] = {}
        free: list[int] = []
        for position, pattern in enumerate(patterns):
            needs = _requirements(pattern)
            if not needs:
                free.append(position)
                continue
            words, where = min(needs, key=lambda need: len(need[0]))
            for word in words:
                anchored.setdefault((where, word), []).append(position)
        entry = _BLOCK_INDEXES[id(patterns)] = (patterns, anchored, free)
    return entry[1], entry[2]


def _cannot_match(pattern: Pattern, post: _Region, pre: _Region) -> bool:
    """A quick no: some element's last word is absent from the words around the verb. Most of a
    block's patterns fail this way, and set lookups decide it without walking the parse."""
    regions = {"post": post, "pre": pre}
    for words, where in _requirements(pattern):
        side, kind = where.split()
        region = regions[side]
        if not any(region.has(word, kind) for word in words):
            return True
    return False


#: Regions up to this many words are walked to find the patterns worth trying.
_SMALL_REGION = 64


def best_pattern(
    verbs: VerbDictionary,
    form: VerbForm,
    verb: Token,
    subject: Token | None,
    is_actor: Callable[[Token], bool] | None = None,
    index: WordIndex | None = None,
) -> tuple[Pattern, dict[str, Token]] | None:
    """The most specific pattern of ``form``'s block that the words around ``verb`` match.

    ``is_actor`` tells whether a word heads an actor: a pattern's bare preposition must govern one.
    ``index``: the document's :class:`WordIndex` (built here when not given).
    """
    patterns = verbs.patterns.get(form.block)
    if not patterns:
        return None
    if index is None or index.doc is not verb.doc:
        index = WordIndex.of(verb.doc)
    post = _post_region(verb, index)
    pre = _pre_region(verb, subject, index)
    base = form.base.split()[-1] if form.base else ""
    best: tuple[Pattern, dict[str, Token]] | None = None
    anchored, free = _block_index(patterns)
    possible = set(free)
    for side, region in (("post", post), ("pre", pre)):
        # A small region is walked; a large one (a long sentence) is asked for each word instead.
        small = region.size <= _SMALL_REGION
        for kind in ("words", "preps"):
            where = f"{side} {kind}"
            if small:
                for word in region.keys(kind):
                    possible.update(anchored.get((where, word), ()))
            else:
                for (at, word), positions in anchored.items():
                    if at == where and region.has(word, kind):
                        possible.update(positions)
    # Patterns come largest first: the first match wins, unless a pattern of the same size
    # written for this very verb (its comment names it) matches too.
    for position, pattern in enumerate(patterns):
        if position not in possible:
            continue
        if best is not None and (pattern.size < best[0].size or best[0].origin == base):
            break
        if best is not None and pattern.origin != base:
            continue
        if _cannot_match(pattern, post, pre):
            continue
        found = _matches(pattern, post, pre, is_actor)
        if found is not None:
            best = (pattern, found)
    return best


def verb_form(verbs: VerbDictionary, verb: Token) -> VerbForm | None:
    """The dictionary form of ``verb``: a multi-word form whose other words are there, else the word."""
    forms = verbs.lookup(verb.text)
    if not forms:
        return None
    doc = verb.doc
    for form in forms:
        if not form.before and not form.after:
            return form
        after_ok = all(
            verb.i + 1 + k < len(doc) and doc[verb.i + 1 + k].text.upper() == word for k, word in enumerate(form.after)
        )
        before_ok = all(
            verb.i - len(form.before) + k >= 0 and doc[verb.i - len(form.before) + k].text.upper() == word
            for k, word in enumerate(form.before)
        )
        if after_ok and before_ok:
            return form
    return None
