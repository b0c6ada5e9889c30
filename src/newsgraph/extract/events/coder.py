"""The event coder: who did what to whom, from each sentence's dependency parse.

For every verb the verb dictionary knows (and a few event nouns: "talks", "visit", "attack"):

1. **Actors.** The source is the subject (the ``by`` agent of a passive; the controller of an
   ``xcomp``: "Congress asked Obama *to help*"); the target is the object, else the object of a
   preposition on the verb ("with", "to", "against", "at"...), else an actor inside the object
   ("support *to Israel*", "a summit on the unrest *in Iran*"). Conjoined actors ("Qatar and
   Egypt") give one event each. An actor's code comes from the entity layer (the mention the
   head word belongs to), else from the actor dictionaries, else from the agents dictionary
   with a country from a modifier ("Syrian rebels" → ``SYRREB``, "insurgents" → ``---REB``).
2. **Code.** The verb block's patterns are matched against the words after the verb (object
   heads, particles, prepositional phrases) and before it (subject); the most specific match
   wins, else the verb's own code, else the block's. ``[A:B]`` codes also give the reverse
   event ``B``.
3. **Place, date, status** come from the clause: a place entity in an "in/at" phrase, a time
   expression attached to the clause (else the publication date), and :func:`event_status`.
4. **Event nouns** take their actors from a possessor ("*its* October 7 attack", bound to the
   clause subject when the resolver left the pronoun alone), from a light verb ("a conference
   he *gave* ... with X") or from a verb of presence ("*was* in Doha for talks": talks with the
   host country). Aid arriving somewhere ("food entered Gaza") is aid to that place from a
   source the sentence does not name. First-person words inside a quotation are its speaker.

Like PETRARCH-2, an event needs both a source and a target actor with codes; a meeting of a
conjoined subject with no object ("The US, Russia and Switzerland met") pairs the subjects.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from newsgraph.extract.entities import entity_at
from newsgraph.extract.entities.actors import (
    ActorDictionary,
    AgentDictionary,
    load_actor_dictionary,
    load_agent_dictionary,
)
from newsgraph.extract.entities.gazetteer import canonical_country_name, country_for_demonym
from newsgraph.extract.events.status import SPEECH_HEADS, event_status
from newsgraph.extract.events.verbs import Alternatives, Code, Pattern, PrepPhrase, VerbDictionary, VerbForm
from newsgraph.records import Entity, Quote

#: Entity types whose mentions are places (a place can be an actor: "fired at Russia").
PLACE_TYPES = frozenset({"place", "GPE", "LOC", "location"})
_SUBJECTS = frozenset({"nsubj", "csubj"})
_PASSIVE_SUBJECTS = frozenset({"nsubjpass", "csubjpass"})
_OBJECTS = frozenset({"dobj", "dative", "attr", "oprd"})
#: Prepositions whose object is the target, in order of preference.
_TARGET_PREPS = ("with", "against", "to", "at", "on", "into", "toward", "towards", "upon", "over", "for", "from", "of")
#: Prepositions whose object is where the event happened.
_PLACE_PREPS = frozenset({"in", "at", "inside", "near", "outside", "across", "throughout"})
#: Dependents that belong to a noun phrase's own words (not clauses or prepositions).
_NP_MODIFIERS = frozenset({"compound", "amod", "poss", "nmod", "det", "nummod", "quantmod", "npadvmod"})
_MODIFIER_DEPS = frozenset({"compound", "amod", "nmod", "poss", "det"})
_PRONOUN_TAGS = frozenset({"PRP", "PRP$", "WP", "WDT"})
#: Event nouns and their CAMEO codes (the codes of their verbs); they need a light verb or a
#: clear actor ("held talks with", "Israel's attack on", "the visit to Cairo").
EVENT_NOUNS: dict[str, str] = {
    "talks": "046",
    "negotiations": "046",
    "meeting": "040",
    "meetings": "040",
    "visit": "042",
    "visits": "042",
    "trip": "042",
    "attack": "190",
    "attacks": "190",
    "assault": "190",
    "offensive": "190",
    "invasion": "190",
    "raid": "190",
    "raids": "190",
    "airstrike": "195",
    "airstrikes": "195",
    "bombing": "190",
    "operation": "190",
    "conference": "040",
    "summit": "040",
}
#: Nouns that only make an event with a military modifier ("military operation", not "surgery operation").
_MILITARY_ONLY = frozenset({"operation"})
_MILITARY_WORDS = frozenset({"military", "ground", "army", "air", "naval", "armed", "combat", "idf"})
#: Codes of verbs with no object of their own that a conjoined subject shares ("A and B met").
_SYMMETRIC_ROOTS = frozenset({"03", "04", "05", "06", "19"})
#: Verbs that only carry an event noun ("gave a press conference", "held talks"): when their
#: dictionary entry has no pattern for the noun, the noun says what happened.
_LIGHT_VERBS = frozenset(
    {"give", "gives", "gave", "given", "giving", "hold", "holds", "held", "holding", "have", "has", "had", "having",
     "conduct", "conducts", "conducted", "conducting", "stage", "staged", "stages", "launch", "launched",
     "launches", "carry", "carried", "carries"}
)  # fmt: skip
#: Verbs of presence or travel whose "for" phrase names the event an actor is there for
#: ("was in Doha for talks", "flew to Cairo for a summit").
_PRESENCE_VERBS = frozenset(
    {"is", "are", "was", "were", "be", "been", "'s", "'re", "arrive", "arrives", "arrived", "arriving", "come",
     "comes", "came", "go", "goes", "went", "travel", "travels", "travelled", "traveled", "fly", "flies", "flew",
     "head", "heads", "headed", "stay", "stays", "stayed", "remain", "remains", "remained"}
)  # fmt: skip
#: Verbs of arrival and nouns of aid: "food entered Gaza" is aid provided to Gaza (CAMEO 073)
#: by whoever sent it, which the sentence does not say.
_ARRIVAL_VERBS = frozenset(
    {"enter", "enters", "entered", "entering", "reach", "reaches", "reached", "reaching", "arrive", "arrives",
     "arrived", "arriving"}
)  # fmt: skip
_AID_NOUNS = frozenset(
    {"aid", "food", "assistance", "supplies", "medicine", "medicines", "fuel", "relief", "flour", "convoy", "convoys"}
)
#: First-person words: inside a quotation they are its speaker, whatever a pronoun resolver says.
_FIRST_PERSON = frozenset({"i", "me", "my", "myself", "we", "us", "our", "ourselves"})


@dataclass(slots=True)
class Actor:
    """An actor phrase: its head token, words, code and entity."""

    head: Token
    start: int
    end: int
    text: str
    code: str | None
    entity: Entity | None = None


@dataclass(slots=True)
class Coded:
    """One coded event before it becomes a record."""

    trigger: Token
    trigger_end: int
    code: str
    #: ``None``: the sentence does not say who ("food entered Gaza").
    source: Actor | None
    target: Actor | None
    pattern: Pattern | None = None
    extra: dict[str, object] = field(default_factory=dict)
    #: The verb whose clause an event noun belongs to ("the conference he *gave* in Cairo"):
    #: its place, date and status are the event's.
    anchor: Token | None = None
    #: Where it happened, when the rule that found the event knows it (the place entered).
    place: Entity | None = None


class ActorCoder:
    """Codes noun phrases as CAMEO actors, with the article's entities first."""

    def __init__(
        self,
        entities: list[Entity],
        date: str | None,
        actors: ActorDictionary | None = None,
        agents: AgentDictionary | None = None,
        quotes: list[Quote] | None = None,
    ) -> None:
        self.entities = entities
        by_id = {e.id: e for e in entities}
        # Quotations with a known speaker, for first-person words inside them (innermost first).
        self._quotes = sorted(
            ((q.start, q.end, by_id[q.speaker_entity]) for q in quotes or () if q.speaker_entity in by_id),
            key=lambda q: q[1] - q[0],
        )
        self.date = date
        self.actors = actors or load_actor_dictionary()
        self.agents = agents or load_agent_dictionary()
        self._cache: dict[int, Actor | None] = {}
        # Mention starts and ends, to skip the entity search for words no mention covers.
        spans = sorted((m.start, m.end) for e in entities for m in e.mentions)
        self._starts = [start for start, _ in spans]
        self._max_end = [0] * len(spans)
        running = 0
        for i, (_, end) in enumerate(spans):
            running = max(running, end)
            self._max_end[i] = running

    def actors_of(self, head: Token) -> list[Actor]:
        """The coded actors a noun phrase headed by ``head`` names (conjuncts included)."""
        out = []
        for token in _conjuncts(head):
            actor = self.actor(token)
            if actor is not None and actor.code:
                out.append(actor)
        return out

    def actor(self, head: Token, depth: int = 0) -> Actor | None:
        if head.i in self._cache:
            return self._cache[head.i]
        actor = self._actor(head, depth)
        self._cache[head.i] = actor
        return actor

    def _actor(self, head: Token, depth: int) -> Actor | None:
        start, end = _np_bounds(head)
        doc = head.doc
        span = doc[start:end]
        if head.lower_ in _FIRST_PERSON and head.tag_ in _PRONOUN_TAGS:
            # "I told him", "we will do it": in a quotation, the speaker (a head of government's
            # "we" is their government, which their actor code already names).
            for q_start, q_end, speaker in self._quotes:
                if q_start <= head.idx < q_end:
                    code = speaker.actor_code or speaker.country_code
                    return Actor(head, span.start_char, span.end_char, speaker.name, code, speaker) if code else None
        entity = self._entity(head)
        if entity is not None:
            code = entity.actor_code or entity.country_code
            if code is None:
                code = self._dictionary_code(entity.name)
            if code is not None:
                return Actor(head, span.start_char, span.end_char, entity.name, code, entity)
        if head.tag_ in _PRONOUN_TAGS:
            return self._bound_possessive(head, depth)
        words = [t for t in span if t.dep_ != "det" and t.tag_ not in ("POS", "DT", "PRP$")]
        text = " ".join(t.text for t in words)
        code = self._dictionary_code(text) if text else None
        if code is None and words:
            code = self._composed(head, words)
        if code is None and depth < 2:
            # "Hundreds of UN troops", "part of Syria's second city": the actor is the "of" object.
            for child in head.children:
                if child.dep_ == "prep" and child.lower_ == "of":
                    for pobj in child.children:
                        if pobj.dep_ == "pobj":
                            inner = self.actor(pobj, depth + 1)
                            if inner is not None and inner.code:
                                return inner
            for child in head.children:
                if child.dep_ == "appos":
                    inner = self.actor(child, depth + 1)
                    if inner is not None and inner.code:
                        return inner
        if code is None:
            return None
        return Actor(head, span.start_char, span.end_char, span.text, code, entity)

    def _bound_possessive(self, head: Token, depth: int) -> Actor | None:
        """ "its", "their" the resolver left alone: the subject of their clause, as binding has it
        ("Hamas must be removed from *its* control"), when that is a coded non-person actor."""
        if head.lower_ not in ("its", "their") or depth >= 2:
            return None
        verb = head.head
        for _ in range(8):
            if verb.tag_.startswith("VB") or verb.head.i == verb.i:
                break
            verb = verb.head
        subject = _subject(verb) if verb.tag_.startswith("VB") else None
        if subject is None or subject.tag_ in _PRONOUN_TAGS:
            return None
        actor = self.actor(subject, depth + 1)
        if actor is None or not actor.code or (actor.entity is not None and actor.entity.type == "person"):
            return None
        return Actor(head, head.idx, head.idx + len(head), actor.text, actor.code, actor.entity)

    def _covered(self, start: int, end: int) -> bool:
        i = bisect.bisect_left(self._starts, end) - 1
        return i >= 0 and self._max_end[i] > start

    def _entity(self, token: Token) -> Entity | None:
        if not self._covered(token.idx, token.idx + len(token)):
            return None
        found = entity_at(self.entities, token.idx, token.idx + len(token))
        if found is None:
            return None
        entity, mention = found
        # The head word must be inside the mention: "Russian building" is not Russia.
        if mention.start <= token.idx and token.idx + len(token) <= mention.end:
            if entity.type == "group" and token.tag_.startswith("JJ"):
                return None
            return entity
        return None

    def _dictionary_code(self, text: str) -> str | None:
        code = self.actors.code(text, self.date)
        return code

    def _composed(self, head: Token, words: list[Token]) -> str | None:
        """Sector from the agents dictionary, country from a modifier: "Syrian rebels" → SYRREB."""
        noun = " ".join(t.lower_ for t in words if t.i >= head.i or t.dep_ in ("compound",))
        pattern = self.agents.find(noun) if noun else None
        if pattern is None:
            pattern = self.agents.find(head.lower_)
        country = None
        for token in words:
            if token.i == head.i:
                continue
            entity = self._entity_any(token)
            if entity is not None and (entity.actor_code or entity.country_code):
                country = entity.actor_code or entity.country_code
                break
            code = country_for_demonym(token.text)
            if code:
                country = code
                break
            code = self._dictionary_code(token.text) if token.tag_.startswith("NNP") else None
            if code:
                country = code
                break
        if pattern is None:
            # "the Russian building": PETRARCH-style, a national modifier alone codes the country.
            return country if country and head.tag_.startswith("NN") and not head.tag_.startswith("NNP") else None
        if country is None:
            country = "---"
        sector = pattern.replace("~", "")
        if not sector:
            return country
        if country.endswith(sector):
            return country
        return pattern.replace("~", country) if "~" in pattern else country + pattern

    def _entity_any(self, token: Token) -> Entity | None:
        if not self._covered(token.idx, token.idx + len(token)):
            return None
        found = entity_at(self.entities, token.idx, token.idx + len(token))
        return found[0] if found else None


def _conjuncts(head: Token) -> list[Token]:
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


def _np_bounds(head: Token) -> tuple[int, int]:
    start = head.i
    for child in head.lefts:
        if child.dep_ in _NP_MODIFIERS:
            start = min(start, child.left_edge.i)
    end = head.i + 1
    for child in head.rights:
        if child.dep_ == "compound" or (child.dep_ == "case" and child.i == end):
            end = max(end, child.i + 1)
    return start, end


# --- actors of a verb ---------------------------------------------------------------------------


def _passive(verb: Token) -> bool:
    if any(c.dep_ in _PASSIVE_SUBJECTS or c.dep_ == "auxpass" for c in verb.children):
        return True
    if verb.dep_ == "conj" and verb.tag_ == "VBN" and not any(c.dep_ in _SUBJECTS for c in verb.children):
        return _passive(verb.head)  # "must be ousted from Gaza and removed from its control"
    return verb.dep_ == "acl" and verb.tag_ == "VBN"


def _subject(verb: Token) -> Token | None:
    """The subject of ``verb``, inherited from governing verbs for complements and conjuncts."""
    token = verb
    for _ in range(4):
        for child in token.children:
            if child.dep_ in _SUBJECTS or child.dep_ in _PASSIVE_SUBJECTS:
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


def _agent(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ == "agent" or (child.dep_ == "prep" and child.lower_ == "by"):
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    return pobj
    return None


def _prep_objects(token: Token) -> Iterator[tuple[str, Token]]:
    for child in token.children:
        if child.dep_ in ("prep", "dative", "agent"):
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    yield child.lower_, pobj


# --- pattern matching ---------------------------------------------------------------------------


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
                pobj = _pobj(prep)
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
        if child.dep_ in _PASSIVE_SUBJECTS:
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


# --- the coder ----------------------------------------------------------------------------------


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


@dataclass(slots=True)
class SentenceCoder:
    """Codes the events of sentences with one verb dictionary and one article's actors."""

    verbs: VerbDictionary
    actors: ActorCoder
    transformations: list[Transformation] = field(default_factory=list)

    def code_sentence(self, sent: Span) -> list[Coded]:
        out: list[Coded] = []
        nouns: list[Token] = []
        for token in sent:
            tag = token.tag_
            if tag.startswith("VB"):
                if token.dep_ not in ("aux", "auxpass"):
                    out.extend(self._verb_events(token))
            elif tag in ("NN", "NNS") and token.lower_ in EVENT_NOUNS:
                nouns.append(token)
        out = self._transform(self._combine(out))
        by_verb: dict[int, list[Coded]] = {}
        for event in out:
            by_verb.setdefault(event.trigger.i, []).append(event)
        for noun in nouns:
            anchor = _anchor(noun)
            verb_events = by_verb.get((anchor or noun.head).i, [])
            light = anchor is not None and anchor.lower_ in _LIGHT_VERBS and all(e.pattern is None for e in verb_events)
            if verb_events and not light:
                continue  # "held talks with": the verb's own patterns already coded the event
            found = self._noun_events(noun, anchor)
            if found and verb_events:
                # "gave a joint press conference with X" is a meeting, not a gift.
                dropped = {id(e) for e in verb_events}
                out = [e for e in out if id(e) not in dropped]
            out.extend(found)
        for event in out:
            if event_status(event.trigger) == "negated":
                event.code = negated_code(event.code)
        return _unique(out)

    def _combine(self, events: list[Coded]) -> list[Coded]:
        """Join a verb and the verb it governs into one event, as CAMEO codes them.

        "asked Obama *to help* Iran" is an appeal for aid (``023``), "vowed *to attack*" a
        threat of force (``138``); "agreed *to lift* sanctions" is coded by the lower verb.
        """
        by_trigger: dict[int, list[Coded]] = {}
        for event in events:
            by_trigger.setdefault(event.trigger.i, []).append(event)
        dropped: set[int] = set()
        for event in events:
            lower = event.trigger
            if lower.dep_ != "xcomp" or lower.head.i not in by_trigger or id(event) in dropped:
                continue
            for upper in by_trigger[lower.head.i]:
                composite = composite_code(upper.code, event.code)
                if composite is not None:
                    upper.code = composite
                    upper.target = upper.target or event.target
                    dropped.add(id(event))
                elif upper.pattern is None:
                    dropped.add(id(upper))  # a bare "agreed to", "decided to": the lower verb says what
        return [e for e in events if id(e) not in dropped]

    def _transform(self, events: list[Coded]) -> list[Coded]:
        """PETRARCH's transformations of events reported by an actor (the dictionary's ``~`` lines).

        "The US claimed that ISIL had attacked Iraq" is the US accusing ISIL (``112``), "The US
        claimed that they had attacked Iraq" the US claiming an attack of its own (``015``).
        """
        if not self.transformations:
            return events
        out = []
        for event in events:
            trigger = event.trigger
            replaced = False
            clause = trigger
            while clause.dep_ == "conj" and clause.head.i != clause.i:
                clause = clause.head
            # Only a speaker named before the clause ("X claimed that Y attacked"): a closing
            # attribution ("..., state media reported") is the news source, not an accusation.
            if (
                clause.dep_ == "ccomp"
                and event.target is not None
                and event.source is not None
                and clause.head.i < clause.i
            ):
                outer = clause.head
                form = verb_form(self.verbs, outer)
                subject = _subject(outer)
                speakers = self.actors.actors_of(subject) if subject is not None else []
                if form is not None and speakers:
                    for rule in self.transformations:
                        if rule.outer_block != form.block or rule.inner_root != event.code[:2]:
                            continue
                        same = any(a.code == event.source.code for a in speakers)
                        if rule.same_source != same:
                            continue
                        for speaker in speakers:
                            other: Actor | None = event.target if same else event.source
                            out.append(Coded(trigger, event.trigger_end, rule.code, speaker, other, event.pattern))
                        replaced = True
                        break
            if not replaced:
                out.append(event)
        return out

    def _is_actor(self, token: Token) -> bool:
        return bool(self.actors.actors_of(token))

    def _verb_events(self, verb: Token) -> list[Coded]:
        if verb.lower_ in _ARRIVAL_VERBS:
            aid = self._aid_arrival(verb)
            if aid:
                return aid
        form = verb_form(self.verbs, verb)
        if form is None:
            return []
        subject = _subject(verb)
        passive = _passive(verb)
        match = best_pattern(self.verbs, form, verb, subject, self._is_actor)
        pattern, found = match if match else (None, {})
        code = pattern.code if pattern is not None else form.code
        if code.empty:
            return []
        # Actors: the grammatical roles, turned round for passives and for patterns that say so.
        if passive:
            agent = _agent(verb)
            sources = self.actors.actors_of(agent) if agent is not None else []
            patient = subject if subject is not None and subject.dep_ in _PASSIVE_SUBJECTS else None
            if patient is None and verb.dep_ == "acl":
                patient = verb.head
            targets = self.actors.actors_of(patient) if patient is not None else []
            if not targets:
                targets = self._targets(verb, exclude=agent, hostile=_hostile(code))
            if not targets and patient is not None and patient.lower_ in EVENT_NOUNS:
                # "The talks have been mediated by Qatar and Egypt": an act on an event, whose
                # parties the sentence does not name.
                return self._pairs(verb, code, sources, [], pattern, allow_no_target=True)
        else:
            sources = self.actors.actors_of(subject) if subject is not None else []
            if not sources and subject is not None and subject.tag_ == "PRP" and verb.dep_ == "ccomp":
                # "The US claimed that they had attacked": an unresolved pronoun in what a
                # speaker says is most often the speaker.
                speaker = _subject(verb.head) if verb.head.lower_ in SPEECH_HEADS else None
                sources = self.actors.actors_of(speaker) if speaker is not None else []
            targets = self._targets(verb, exclude=subject, hostile=_hostile(code))
            if not targets:
                # "threatened to attack Israel": the target of the verb it governs, for _combine.
                for child in verb.children:
                    if child.dep_ == "xcomp" and child.tag_.startswith("VB"):
                        targets = self._targets(child, exclude=subject, hostile=_hostile(code))
                        if targets:
                            break
        if "source" in found:
            pobj = _pobj(found["source"])
            if pobj is not None:
                moved = self.actors.actors_of(pobj)
                if moved:
                    targets, sources = sources, moved
        if "target" in found:
            pobj = _pobj(found["target"])
            if pobj is not None:
                targets = self.actors.actors_of(pobj) or targets
        return self._pairs(verb, code, sources, targets, pattern, symmetric=not passive)

    def _noun_events(self, noun: Token, anchor: Token | None = None) -> list[Coded]:
        """Events of an event noun: "Israel's attack on", "held talks with", "was in Doha for talks"."""
        if noun.lower_ in _MILITARY_ONLY and not any(
            c.lower_ in _MILITARY_WORDS for c in noun.lefts if c.dep_ in ("amod", "compound")
        ):
            return []
        code = Code(EVENT_NOUNS[noun.lower_])
        sources: list[Actor] = []
        # "Israel's attack", "the IDF operation", "Israeli strikes", "its October 7 attack".
        for child in noun.lefts:
            if child.dep_ in ("poss", "compound", "amod", "nmod"):
                actor = self.actors.actor(child)
                # "military operation" names a kind of event, not who carries it out.
                if actor is not None and actor.code and not (child.dep_ != "poss" and actor.code.startswith("---")):
                    sources = [actor]
                    break
        if not sources and anchor is not None:
            # "held talks with", "a conference he gave", "was in Doha for talks": the verb's subject.
            subject = _subject(anchor)
            if subject is not None:
                sources = self.actors.actors_of(subject)
        if not sources:
            agent = _agent(noun)
            sources = self.actors.actors_of(agent) if agent is not None else []
        if not sources:
            return []
        targets: list[Actor] = []
        named_target = False
        for prep, pobj in _prep_objects(noun):
            if prep in ("on", "against", "with", "to", "into", "between"):
                named_target = named_target or prep in ("on", "against")
                targets = self.actors.actors_of(pobj)
                if targets:
                    break
        if not targets and anchor is not None:
            for prep, pobj in _prep_objects(anchor):
                if prep in ("with", "on", "against"):
                    targets = self.actors.actors_of(pobj)
                    if targets:
                        break
        located = place_token(noun, self.actors.entities) or (
            place_token(anchor, self.actors.entities) if anchor is not None else None
        )
        place = located[0] if located else None
        root = code.event[:2] if code.event else ""
        if not targets and located is not None and root == "04":
            # Talks or a meeting in a place with nobody else named: the host country, as a
            # visit to a place codes it ("was in Doha for talks" → Qatar).
            host = self._host(*located)
            targets = [host] if host is not None else []
        # "an IDF operation in Rafah", "its attack against the Jewish state": an attack with a
        # place or a named target the dictionaries cannot code is still an event.
        hostile = root.isdigit() and int(root) >= 18
        events = self._pairs(
            noun, code, sources, targets, None, allow_no_target=hostile and (place is not None or named_target)
        )
        for event in events:
            event.anchor = anchor
            event.place = place
        return events

    def _host(self, place: Entity, token: Token) -> Actor | None:
        """The country of a place as an actor (the article's entity for it, if there is one)."""
        code = place.country_code or place.actor_code
        if not code:
            return None
        if place.actor_code == code:
            country: Entity | None = place  # the place is a country: "in Qatar"
        else:
            country = next((e for e in self.actors.entities if e.type in PLACE_TYPES and e.actor_code == code), None)
        name = country.name if country is not None else canonical_country_name(code)
        return Actor(token, token.idx, token.idx + len(token), name, code, country)

    def _aid_arrival(self, verb: Token) -> list[Coded]:
        """ "Seven million pounds of food entered Gaza": aid provided to the place (073), by a
        provider the clause does not name."""
        subject = _subject(verb)
        if subject is None or _passive(verb) or not _is_aid(subject):
            return []
        places = [c for c in verb.children if c.dep_ == "dobj"]
        places += [pobj for prep, pobj in _prep_objects(verb) if prep in ("into", "in", "to")]
        for obj in places:
            targets = self.actors.actors_of(obj)
            if targets:
                military = any(t.lower_ == "military" for t in subject.subtree)
                code = "074" if military else "073"
                out = []
                for target in targets:
                    where = target.entity if target.entity is not None and target.entity.type in PLACE_TYPES else None
                    out.append(Coded(verb, verb.idx + len(verb), code, None, target, None, place=where))
                return out
        return []

    def _targets(self, verb: Token, exclude: Token | None, hostile: bool = False) -> list[Actor]:
        objects = [c for c in verb.children if c.dep_ in _OBJECTS]
        for obj in objects:
            found = self.actors.actors_of(obj)
            if found:
                return found
        preps = sorted(_prep_objects(verb), key=lambda p: _prep_rank(p[0]))
        for prep, pobj in preps:
            # "fired at Russia" names a target, "met at the White House" a place.
            # "spoke as an Israeli delegation ...", "during the war": no target.
            if prep not in _TARGET_PREPS or (prep in _PLACE_PREPS and not (prep == "at" and hostile)):
                continue
            found = self.actors.actors_of(pobj)
            if found:
                return found
        # An actor inside the object or a complement: "support to Israel", "lift sanctions on Iran";
        # not inside a clause of its own ("appreciates the fact that we stood against Hamas").
        for obj in [*objects, *(c for c in verb.children if c.dep_ == "xcomp")]:
            for token in obj.subtree:
                if (
                    token.i == obj.i
                    or token.dep_ not in ("pobj", "dobj")
                    or (exclude is not None and token.i == exclude.i)
                ):
                    continue
                if _clause_between(token, obj):
                    continue
                found = self.actors.actors_of(token)
                if found:
                    return found
        return []

    def _pairs(
        self,
        trigger: Token,
        code: Code,
        sources: list[Actor],
        targets: list[Actor],
        pattern: Pattern | None,
        *,
        symmetric: bool = False,
        allow_no_target: bool = False,
    ) -> list[Coded]:
        out: list[Coded] = []
        end = trigger.idx + len(trigger)
        if not targets and allow_no_target:
            return [Coded(trigger, end, code.event, source, None, pattern) for source in sources if code.event]
        if not targets and symmetric and len(sources) > 1 and code.event and code.event[:2] in _SYMMETRIC_ROOTS:
            for a in sources:
                for b in sources:
                    if a is not b and a.code != b.code:
                        out.append(Coded(trigger, end, code.event, a, b, pattern))
            return out
        for source in sources:
            for target in targets:
                if (
                    source.head.i == target.head.i
                    or (source.entity is not None and source.entity is target.entity)
                    or source.code == target.code
                ):
                    continue  # nobody does something to themselves in CAMEO
                if code.event:
                    out.append(Coded(trigger, end, code.event, source, target, pattern))
                if code.reverse:
                    out.append(Coded(trigger, end, code.reverse, target, source, pattern))
        return out


def _clause_between(token: Token, top: Token) -> bool:
    """Whether a clause of its own stands between ``token`` and ``top`` (its ancestor): "the fact
    *that we stood* against Hamas" and "the need *to evacuate* civilians" do; "assurances *sent by
    Bree*" and "asked to help *lift* sanctions on Iran" do not."""
    current = token.head
    while current.i != top.i and current.head.i != current.i:
        if current.tag_.startswith("VB") and (
            current.dep_ in _CLAUSE_DEPS
            or any(c.dep_ in _CLAUSE_MARKERS for c in current.children)
            or (current.dep_ == "acl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in current.children))
        ):
            return True
        current = current.head
    return False


_CLAUSE_DEPS = frozenset({"ccomp", "advcl", "relcl", "csubj", "parataxis"})
_CLAUSE_MARKERS = frozenset({"nsubj", "nsubjpass", "mark"})


def _anchor(noun: Token) -> Token | None:
    """The verb an event noun belongs to: its light verb ("held *talks*", "a *conference* he
    gave"), or a verb of presence it is the purpose of ("was in Doha for *talks*")."""
    head = noun.head
    if noun.dep_ == "dobj" and head.tag_.startswith("VB"):
        return head
    for child in noun.rights:
        if child.dep_ in ("relcl", "acl") and child.tag_.startswith("VB") and child.lower_ in _LIGHT_VERBS:
            return child
    if noun.dep_ == "pobj" and head.lower_ == "for" and head.head.tag_.startswith("VB"):
        verb = head.head
        if verb.lower_ in _PRESENCE_VERBS:
            return verb
    return None


def _is_aid(subject: Token) -> bool:
    """ "food", "aid trucks", "seven million pounds of food", "humanitarian assistance"."""
    words = [subject, *(c for c in subject.children if c.dep_ in ("compound", "amod"))]
    for prep, pobj in _prep_objects(subject):
        if prep == "of":
            words.append(pobj)
    return any(w.lower_ in _AID_NOUNS for w in words)


def _hostile(code: Code) -> bool:
    """Material or verbal conflict (roots 09-20)."""
    event = code.event or code.reverse or ""
    return event[:2].isdigit() and int(event[:2]) >= 9


def _prep_rank(prep: str) -> int:
    try:
        return _TARGET_PREPS.index(prep)
    except ValueError:
        return len(_TARGET_PREPS)


def _pobj(prep: Token) -> Token | None:
    return next((c for c in prep.children if c.dep_ == "pobj"), None)


def _unique(events: list[Coded]) -> list[Coded]:
    seen: set[tuple[int, str, int, int]] = set()
    out = []
    for event in events:
        source = event.source.head.i if event.source else -1
        key = (event.trigger.i, event.code, source, event.target.head.i if event.target else -1)
        if key not in seen:
            seen.add(key)
            out.append(event)
    return out


def place_of(trigger: Token, entities: list[Entity]) -> Entity | None:
    """A place entity in an "in/at X" phrase on the trigger (or on its object)."""
    found = place_token(trigger, entities)
    return found[0] if found else None


def place_token(trigger: Token, entities: list[Entity]) -> tuple[Entity, Token] | None:
    """:func:`place_of` with the word that names the place."""
    heads = [trigger, *(c for c in trigger.children if c.dep_ in ("dobj",))]
    for head in heads:
        for prep, pobj in _prep_objects(head):
            if prep not in _PLACE_PREPS and not (prep == "to" and trigger.lower_ in _MOTION):
                continue
            for token in _conjuncts(pobj):
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
    current = token
    for _ in range(12):
        if current.i == trigger.i:
            return True
        if current.head.i == current.i:
            return False
        if current.i != token.i and current.tag_.startswith("VB") and current.dep_ not in ("aux", "auxpass"):
            return False
        current = current.head
    return False


def sentence_of(doc: Doc, start: int) -> Span:
    return doc[start].sent
