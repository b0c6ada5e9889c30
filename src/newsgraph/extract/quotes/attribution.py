"""Who: the speaker and addressee of a cue, from the dependency parse and the entity layer.

The parse gives the words (the subject of the cue verb, the object of "according to",
the person told); the entity layer (``entity_at``) turns them into an entity, pronouns
included once coreference has resolved them. A proper-noun subject the entity layer
missed is still a speaker, by its own words; a pronoun nobody resolved is a span without
a name, never a guess.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from newsgraph.extract.entities import entity_at
from newsgraph.extract.quotes.cues import PROXY_NOUNS
from newsgraph.records import Document

_PRONOUN_WORDS = (
    "he she they i we you it him her them me us his hers their our my its who whom whose which that "
    "this these those himself herself themselves"
)
PRONOUNS = frozenset(_PRONOUN_WORDS.split(" "))
POSSESSIVE_PRONOUNS = frozenset({"his", "her", "their", "its", "our", "my"})
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
#: Left dependents that belong to a speaker's description ("the former campaign manager").
_NP_LEFT = frozenset({"compound", "amod", "det", "poss", "nummod", "nmod", "quantmod", "case"})
_NAME_TAGS = frozenset({"NNP", "NNPS"})
_RELATIVE = frozenset({"who", "that", "which"})
_WH = frozenset({"who", "whom", "what", "which", "that", "this", "these", "those"})
_FUNCTION_TAGS = frozenset({"IN", "CC", "TO", "DT", "RB", "WRB", "UH", "MD", "PDT"})
_NOMINAL_TAGS = ("NN", "PRP", "WP", "DT", "CD")
#: Capitalised prepositional tails that are part of a name ("Coordinator of Government Activities").
_NAME_PREPS = frozenset({"of", "for", "in", "on"})


@dataclass(slots=True)
class Party:
    """A speaker or addressee: its words in the text and, when known, its entity."""

    start: int
    end: int
    name: str | None
    entity: str | None = None
    #: The proxy that spoke for it ("spokesperson" in "X's spokesperson said").
    via: str | None = None


def is_pronoun(token: Token) -> bool:
    return token.lower_ in PRONOUNS and token.tag_ in ("PRP", "PRP$", "WP", "WP$", "WDT", "DT", "")


def name_span(token: Token) -> tuple[int, int]:
    """Character span of the words that name ``token``'s referent (its noun phrase, trimmed).

    Proper names keep their compounds and capitalised "of" tails; descriptions keep
    determiners and modifiers but drop clauses and appositions.
    """
    if is_pronoun(token):
        return token.idx, token.idx + len(token)
    doc = token.doc
    if token.tag_ in _NAME_TAGS:
        # A name: the run of proper nouns ending in it ("The senator Tom Walsh" → "Tom Walsh").
        start_i = token.i
        while start_i > 0 and doc[start_i - 1].tag_ in _NAME_TAGS and doc[start_i - 1].head.i == token.i:
            start_i -= 1
    else:
        left = next((c for c in token.lefts if c.dep_ in _NP_LEFT and c.tag_ != "POS"), token)
        start_i = left.left_edge.i if left.i != token.i else token.i
    end_tok = token
    # Extend proper names over "of/for/in + Name" tails: "Coordinator of Government Activities in the Territories".
    if token.tag_ in _NAME_TAGS:
        tail = token
        while True:
            prep = next((c for c in tail.rights if c.dep_ == "prep" and c.lower_ in _NAME_PREPS), None)
            pobj = next((c for c in prep.rights if c.dep_ == "pobj"), None) if prep is not None else None
            if pobj is None or pobj.tag_ not in _NAME_TAGS:
                break
            end_tok = tail = pobj
    return doc[start_i].idx, end_tok.idx + len(end_tok)


def _proxy_owner(token: Token) -> Token | None:
    """For "X's spokesperson" / "a spokesperson for X": X."""
    if token.lower_ not in PROXY_NOUNS:
        return None
    for child in token.children:
        if child.dep_ == "poss":
            return child
    for child in token.rights:
        if child.dep_ == "prep" and child.lower_ in ("for", "of"):
            pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if pobj is not None:
                return pobj
    return None


def _sentence_subject(token: Token) -> Token | None:
    """The subject of the main clause of ``token``'s sentence, when it is a name."""
    root = token.sent.root
    for child in root.children:
        if child.dep_ in _SUBJECT_DEPS and child.tag_ in _NAME_TAGS:
            return child
    return None


def party(document: Document, token: Token) -> Party:
    """The speaker (or addressee) denoted by the noun-phrase head ``token``."""
    verb = token.head
    if token.lower_ in _RELATIVE and token.dep_ == "nsubj" and verb.dep_ == "relcl" and verb.head.i != token.i:
        # "Beck, who said ...": the words are "who", the speaker its antecedent.
        antecedent = party(document, verb.head)
        return Party(token.idx, token.idx + len(token), antecedent.name, antecedent.entity, antecedent.via)
    via = None
    owner = _proxy_owner(token)
    if owner is not None:
        via, token = token.text, owner
    start, end = name_span(token)
    found = entity_at(document.entities, start, end)
    # The entity must be this phrase's head, not a name inside a modifier ("the Hamas leader").
    if found is not None:
        entity, mention = found
        if mention.start <= token.idx < mention.end:
            return Party(start, end, entity.name, entity.id, via)
    if is_pronoun(token):
        # "according to his spokesperson": a possessive owner of a proxy refers to the
        # sentence's named subject ("Gantz ... according to his spokesperson").
        if via is not None and token.lower_ in POSSESSIVE_PRONOUNS:
            subject = _sentence_subject(token)
            if subject is not None:
                resolved = party(document, subject)
                return Party(start, end, resolved.name, resolved.entity, via)
        return Party(start, end, None, None, via)
    text = document.text[start:end]
    if text.lower().startswith(("the ", "a ", "an ")) and token.tag_ not in _NAME_TAGS:
        text = text.split(" ", 1)[1]
    return Party(start, end, text, None, via)


def subject_of(verb: Token) -> Token | None:
    """The subject of a cue verb, climbing through coordination, participles and clauses.

    "X met Y and said ..." (conjunct), "..., saying ..." (participle), "with X stating ..."
    (clausal modifier of X), "the official who said ..." (relative clause).
    """
    token = verb
    lost = _lost_subject(verb)
    if lost is not None:
        return lost
    for _ in range(5):
        # Two subjects is a parse error ("Washington (AFP) – Hillary Clinton has taken ..."):
        # the one nearest the verb is its subject.
        subjects = sorted((c for c in token.children if c.dep_ == "nsubj"), key=lambda c: abs(token.i - c.i))
        if subjects:
            child = subjects[0]
            if child.lower_ in ("who", "that", "which") and token.dep_ == "relcl":
                return child  # the relative pronoun: :func:`party` names it by its antecedent
            # A mis-parsed subject ("Of Carson, Levine said") is no speaker.
            # (The tagger often takes an unusual name for a verb: "Blinken/VBN issued", so
            # a capitalised subject counts unless it is a function word.)
            nominal = child.tag_.startswith(_NOMINAL_TAGS)
            return child if nominal or (child.is_title and child.tag_ not in _FUNCTION_TAGS) else None
        agent_prep = next((c for c in token.children if c.dep_ == "agent"), None)
        agent = next((c for c in agent_prep.children if c.dep_ == "pobj"), None) if agent_prep is not None else None
        if agent is not None:
            return agent
        if any(c.dep_ == "nsubjpass" for c in token.children):
            return None  # "it was reported that ...": no source given
        if token.dep_ in ("acl", "relcl") and token.head.tag_.startswith(("NN", "PRP")):
            return token.head
        if token.dep_ in ("conj", "advcl", "xcomp", "ccomp", "pcomp") and token.head.i != token.i:
            if token.dep_ == "ccomp" and token.tag_ != "VBG":
                return None
            token = token.head
            continue
        # "X responded by saying ...": through the preposition to the verb it modifies.
        if token.dep_ == "prep" and token.head.i != token.i and token.head.tag_.startswith("VB"):
            token = token.head
            continue
        return None
    return None


def _lost_subject(verb: Token) -> Token | None:
    """ "X, editor of a site focused on farming, said ...": the parser takes the participle of
    a reduced relative ("focused", "based") for a clause before the verb, with the speaker as
    its subject, and leaves the verb without one."""
    if any(c.dep_ in _SUBJECT_DEPS for c in verb.children):
        return None
    for child in verb.lefts:
        if child.dep_ in ("ccomp", "advcl") and child.tag_ in ("VBN", "VBG"):
            subject = next((c for c in child.lefts if c.dep_ == "nsubj"), None)
            if subject is not None and subject.tag_ in _NAME_TAGS | {"NN", "NNS"}:
                return subject
    return None


def addressee_of(verb: Token, speech: bool, tells: bool) -> Token | None:
    """The person spoken to: the object of "tell"-like verbs, "to X" after speech verbs."""
    for child in verb.children:
        # Any tag: the tagger often takes a name after "tells" for a verb ("tells Blinken").
        # Any tag but a wh-word: the tagger often mistakes a name after "tells" ("tells Blinken").
        if tells and child.dep_ in ("dobj", "dative") and child.lower_ not in _WH:
            return child
        # Headlines drop articles and the parser mislabels the name: "…, Netanyahu tells Blinken".
        if tells and child.dep_ in ("xcomp", "oprd", "npadvmod", "attr") and child.text[:1].isupper():
            return child
        if speech and child.dep_ in ("prep", "dative") and child.lower_ == "to":
            pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if pobj is not None and (pobj.tag_ in _NAME_TAGS or pobj.tag_ == "PRP" or pobj.lower_ == "reporters"):
                return pobj
    return None
