"""Reading the dependency parse for the event coder: a verb's subject, agent, objects and
prepositional objects; noun phrase bounds and conjuncts; the place and clause a word belongs to."""

from __future__ import annotations

from collections import deque
from collections.abc import Iterator

from spacy.tokens import Doc, Span, Token

from newsgraph.extract.entities import entity_at
from newsgraph.records import Entity

#: Entity types whose mentions are places (a place can be an actor: "fired at Russia").
PLACE_TYPES = frozenset({"place", "GPE", "LOC", "location"})
SUBJECTS = frozenset({"nsubj", "csubj"})
PASSIVE_SUBJECTS = frozenset({"nsubjpass", "csubjpass"})
#: Prepositions whose object is where the event happened.
PLACE_PREPS = frozenset({"in", "at", "inside", "near", "outside", "across", "throughout"})
#: Dependents that belong to a noun phrase's own words (not clauses or prepositions).
NP_MODIFIERS = frozenset({"compound", "amod", "poss", "nmod", "det", "nummod", "quantmod", "npadvmod"})
PRONOUN_TAGS = frozenset({"PRP", "PRP$", "WP", "WDT"})


def conjuncts(head: Token) -> list[Token]:
    out = [head]
    stack = [head]
    while stack:
        token = stack.pop()
        for child in token.children:
            # "The US, Russia, and Switzerland" is parsed as appositions as often as conjuncts.
            if child.dep_ == "conj" or (child.dep_ == "appos" and any(c.dep_ == "conj" for c in child.children)):
                out.append(child)
                stack.append(child)
    return sorted(out, key=lambda t: t.i)


def np_bounds(head: Token) -> tuple[int, int]:
    start = head.i
    for child in head.lefts:
        if child.dep_ in NP_MODIFIERS:
            start = min(start, child.left_edge.i)
    end = head.i + 1
    for child in head.rights:
        if child.dep_ == "compound" or (child.dep_ == "case" and child.i == end):
            end = max(end, child.i + 1)
    return start, end


def is_passive(verb: Token) -> bool:
    if any(c.dep_ in PASSIVE_SUBJECTS or c.dep_ == "auxpass" for c in verb.children):
        return True
    if verb.dep_ == "conj" and verb.tag_ == "VBN" and not any(c.dep_ in SUBJECTS for c in verb.children):
        return is_passive(verb.head)  # "must be ousted from Gaza and removed from its control"
    return verb.dep_ == "acl" and verb.tag_ == "VBN"


def subject_of(verb: Token) -> Token | None:
    """The subject of ``verb``, inherited from governing verbs for complements and conjuncts."""
    token = verb
    for _ in range(4):
        for child in token.children:
            if child.dep_ in SUBJECTS or child.dep_ in PASSIVE_SUBJECTS:
                return child
        if token.dep_ == "xcomp":
            head = token.head
            objects = [c for c in head.children if c.dep_ in ("dobj",)]
            if objects:  # object control: "asked Obama to help"
                return objects[0]
            token = head
        elif token.dep_ == "conj" or (token.dep_ == "acomp" and token.i > token.head.i):
            token = token.head  # "Arnor is about to restore": the subject of "is"
        elif token.dep_ in ("relcl", "acl") and not token.head.tag_.startswith("VB"):
            return token.head
        else:
            return None
    return None


def agent_of(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ == "agent" or (child.dep_ == "prep" and child.lower_ == "by"):
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    return pobj
    return None


def prep_objects(token: Token) -> Iterator[tuple[str, Token]]:
    for child in token.children:
        if child.dep_ in ("prep", "dative", "agent"):
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    yield child.lower_, pobj


def pobj_of(prep: Token) -> Token | None:
    return next((c for c in prep.children if c.dep_ == "pobj"), None)


def inner_arguments(top: Token, limit: int = 256) -> list[Token]:
    """The objects and prepositional objects below ``top`` with no clause of their own between
    them and ``top``, in text order: "support *to Israel*", "asked to help lift sanctions *on
    Iran*", "assurances sent by *Bree*"; not "the fact that we stood against *Hamas*" nor "the
    need to evacuate *civilians*". Searched breadth-first from ``top`` and at most ``limit``
    words deep into it, so that a long sentence costs each verb a bounded walk."""
    found: list[Token] = []
    queue = deque(top.children)
    seen = 0
    while queue and seen < limit:
        token = queue.popleft()
        seen += 1
        if token.dep_ in ("pobj", "dobj"):
            found.append(token)
        if not _opens_clause(token):
            queue.extend(token.children)
    return sorted(found, key=lambda t: t.i)


def _opens_clause(token: Token) -> bool:
    return token.tag_.startswith("VB") and (
        token.dep_ in _CLAUSE_DEPS
        or any(c.dep_ in _CLAUSE_MARKERS for c in token.children)
        or (token.dep_ == "acl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children))
    )


_CLAUSE_DEPS = frozenset({"ccomp", "advcl", "relcl", "csubj", "parataxis"})
_CLAUSE_MARKERS = frozenset({"nsubj", "nsubjpass", "mark"})


def place_of(trigger: Token, entities: list[Entity]) -> Entity | None:
    """A place entity in an "in/at X" phrase on the trigger (or on its object)."""
    found = place_token(trigger, entities)
    return found[0] if found else None


def place_token(trigger: Token, entities: list[Entity]) -> tuple[Entity, Token] | None:
    """:func:`place_of` with the word that names the place."""
    heads = [trigger, *(c for c in trigger.children if c.dep_ in ("dobj",))]
    for head in heads:
        for prep, pobj in prep_objects(head):
            if prep not in PLACE_PREPS and not (prep == "to" and trigger.lower_ in _MOTION):
                continue
            for token in conjuncts(pobj):
                found = entity_at(entities, token.idx, token.idx + len(token))
                if found is not None and found[0].type in PLACE_TYPES:
                    return found[0], token
    return None


_MOTION = frozenset(
    {"travel", "travels", "travelled", "traveled", "fly", "flew", "flies", "go", "went", "goes", "lead", "leads",
     "led", "visit", "trip", "head", "heads", "headed", "arrive", "arrived", "arrives", "return", "returned"}
)  # fmt: skip


def attached(token: Token, trigger: Token) -> bool:
    """Whether ``token`` belongs to the clause of ``trigger`` (no other verb in between)."""
    return trigger.i in clause_path(token)


def clause_path(token: Token) -> list[int]:
    """``token`` and the words above it up to the verb of its clause (at most 12): the triggers
    ``token`` is :func:`attached` to."""
    path = []
    current = token
    for _ in range(12):
        path.append(current.i)
        if current.head.i == current.i:
            break
        if current.i != token.i and current.tag_.startswith("VB") and current.dep_ not in ("aux", "auxpass"):
            break
        current = current.head
    return path


def sentence_of(doc: Doc, start: int) -> Span:
    return doc[start].sent
