"""Matching a verb block's patterns against the words around a verb, and the verb's dictionary form."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from spacy.tokens import Token

from newsgraph.extract.events.syntax import PASSIVE_SUBJECTS, pobj_of
from newsgraph.extract.events.verbs import Alternatives, Pattern, PrepPhrase, VerbDictionary, VerbForm


@dataclass(slots=True)
class _Region:
    """Words around a verb for pattern matching: upper-case text → tokens."""

    words: dict[str, list[Token]]
    preps: dict[str, list[Token]]

    @classmethod
    def of(cls, tokens: Iterable[Token]) -> _Region:
        words: dict[str, list[Token]] = {}
        preps: dict[str, list[Token]] = {}
        for token in tokens:
            key = token.text.upper()
            words.setdefault(key, []).append(token)
            if token.dep_ in ("prep", "agent", "dative") or token.tag_ in ("IN", "TO"):
                preps.setdefault(key, []).append(token)
        return cls(words, preps)


def _match_noun(alternatives: Alternatives, region: _Region, within: Token | None = None) -> Token | None:
    for sequence in alternatives:
        for head in region.words.get(sequence[-1], ()):
            if within is not None and not (within.left_edge.i <= head.i <= within.right_edge.i):
                continue
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
        for prep in region.preps.get(sequence[-1], ()):
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


def _post_tokens(verb: Token) -> list[Token]:
    out: list[Token] = []
    for child in verb.children:
        if (child.i > verb.i and child.dep_ in _POST_DEPS) or child.dep_ in ("dobj", "prt"):
            out.extend(child.subtree)
    # A passive subject is the logical object: "the civilians ... were released".
    for child in verb.children:
        if child.dep_ in PASSIVE_SUBJECTS:
            out.extend(child.subtree)
    return out


def _pre_tokens(verb: Token, subject: Token | None) -> list[Token]:
    out: list[Token] = []
    if subject is not None:
        out.extend(subject.subtree)
    out.extend(c for c in verb.lefts if c.dep_ in ("aux", "auxpass", "neg", "advmod"))
    return out


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
    keys = {"post words": post.words, "post preps": post.preps, "pre words": pre.words, "pre preps": pre.preps}
    return any(words.isdisjoint(keys[where]) for words, where in _requirements(pattern))


def best_pattern(
    verbs: VerbDictionary,
    form: VerbForm,
    verb: Token,
    subject: Token | None,
    is_actor: Callable[[Token], bool] | None = None,
) -> tuple[Pattern, dict[str, Token]] | None:
    """The most specific pattern of ``form``'s block that the words around ``verb`` match.

    ``is_actor`` tells whether a word heads an actor: a pattern's bare preposition must govern one.
    """
    patterns = verbs.patterns.get(form.block)
    if not patterns:
        return None
    post = _Region.of(_post_tokens(verb))
    pre = _Region.of(_pre_tokens(verb, subject))
    base = form.base.split()[-1] if form.base else ""
    best: tuple[Pattern, dict[str, Token]] | None = None
    anchored, free = _block_index(patterns)
    possible = set(free)
    for where, region in (("post words", post.words), ("post preps", post.preps), ("pre words", pre.words)):
        for word in region:
            possible.update(anchored.get((where, word), ()))
    possible.update(i for word in pre.preps for i in anchored.get(("pre preps", word), ()))
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
