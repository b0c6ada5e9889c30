"""Nominal mentions: noun phrases that denote people, organisations, products, money matters
or places without naming them ("5,000 VIP guests", "the airline", "U.S. space launch contracts").

News annotation schemes (ACE, NewsReader MEANTIME) count every such phrase as a mention of an
entity, and readers need them: "employees" and "customers" are parties of a story even when
nobody is named. Coreference (:mod:`coref`) links descriptions that point back to a named
entity; this module finds the rest: each base noun phrase of the parse whose head noun is in a
compact lexicon of entity-denoting English common nouns, grouped by class. Those not linked to
a named entity become entities of their own, one per distinct phrase, and are kept out of
digests' main lists (their mentions are all ``kind="nominal"``).

The lexicon is closed-class-like knowledge of English (what kind of thing a noun denotes), not
world facts. It is deliberately conservative: nouns that as often denote acts or abstractions
("order", "deal", "flight", "system") are left out, because an invented mention costs as much
as a missed one.
"""

from __future__ import annotations

import numpy as np
from spacy.attrs import LOWER
from spacy.strings import StringStore
from spacy.tokens import Doc, Span


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


#: Head nouns (singular) by the entity type they denote.
_LEXICON: dict[str, frozenset[str]] = {
    "person": _words(
        """person people man men woman women child children kid boy girl baby adult passenger employee worker staff
        staffer official executive leader lawmaker legislator politician expert analyst critic guest customer
        supplier crew pilot engineer spokesman spokeswoman spokesperson officer soldier troop resident citizen
        victim student teacher doctor nurse patient fan visitor tourist traveller traveler investor shareholder
        stockholder contractor subcontractor journalist reporter historian scientist researcher author writer
        artist singer musician actor actress coach wife husband son daughter mother father brother sister friend
        colleague neighbour neighbor owner founder ceo boss buyer consumer voter protester demonstrator militant
        rebel fighter civilian hostage prisoner refugee migrant immigrant suspect lawyer attorney diplomat
        negotiator observer commentator witness survivor individual mechanic technician operator driver
        player athlete farmer villager worshipper pensioner retiree workforce dealer trader banker economist
        consultant manager chairman chairwoman director president minister secretary ambassador envoy governor
        mayor senator candidate member delegate inspector investigator prosecutor judge"""
    ),
    "organization": _words(
        """company firm airline carrier manufacturer maker planemaker automaker carmaker shipbuilder government
        agency ministry department authority administration bank organisation organization union council
        committee commission regulator military army navy police team club competitor subsidiary
        consortium alliance broadcaster newspaper insurer retailer lender startup conglomerate
        corporation rival partner"""
    ),
    "product": _words(
        """aircraft airplane aeroplane plane jet jetliner airliner superjumbo helicopter freighter tanker fighter-jet
        car vehicle truck lorry bus ship vessel boat submarine train locomotive engine fleet phone smartphone
        handset computer laptop tablet device software weapon missile rocket satellite drone drug vaccine
        medicine product email e-mail report document documentation website letter parachute equipment luggage
        winglet wing seat fuel cockpit cabin prototype airframe fuselage sedan suv pickup minivan model"""
    ),
    "financial": _words(
        """share stock option contract bond fund loan debt job market industry economy budget revenue profit
        dividend salary wage pension tax stake asset liability"""
    ),
    "place": _words(
        """airport city town village country region area world state capital province headquarters plant factory
        site hangar base port harbour harbor border coast island continent"""
    ),
}
_TYPE_OF: dict[str, str] = {word: kind for kind, words in _LEXICON.items() for word in words}
#: Heads whose plural alone is an entity word ("shares" of a company; "share" is mostly a verb
#: or "market share"), and heads that only count with a modifier or determiner.
_PLURAL_ONLY = _words("share option job")
#: Determiners and quantifiers that make a phrase generic rather than a mention.
_GENERIC = _words("no any every each")


def singular(word: str) -> str:
    """A crude singular of a lower-case plural noun: "airlines" -> "airline", "companies" -> "company"."""
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("ses", "xes", "ches", "shes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def nominal_type(word: str, plural: bool) -> str | None:
    """The entity type a head noun denotes, else ``None``."""
    if word in _TYPE_OF and (plural or word not in _PLURAL_ONLY):
        return _TYPE_OF[word]
    if plural:
        base = singular(word)
        if base in _TYPE_OF:
            return _TYPE_OF[base]
    return None


#: Dependency labels of a noun phrase's head (those spaCy's English noun chunker uses).
_NP_DEPS = _words("nsubj nsubjpass dobj pobj dative appos attr oprd pcomp conj ROOT")


def _forms(word: str) -> set[str]:
    forms = {word, word + "s", word + "es"}
    if word.endswith("y"):
        forms.add(word[:-1] + "ies")
    return forms


#: Hashes of every lexicon word and its regular plurals: a whole-document pre-filter on the
#: token array, so only candidate heads become Python ``Token`` objects.
_STRINGS = StringStore()  # hashes strings as every vocabulary does
_HASHES = np.array(sorted({_STRINGS.add(f) for w in _TYPE_OF for f in _forms(w)}), dtype=np.uint64)


def _possessor(doc: Doc, k: int, name_tokens: set[int]) -> bool:
    """Whether the name holding token ``k`` ends in a possessive ("Boeing's")."""
    while k + 1 < len(doc) and k + 1 in name_tokens:
        k += 1
    return k + 1 < len(doc) and doc[k + 1].tag_ == "POS"


def find_nominals(doc: Doc, taken_tokens: set[int], name_tokens: set[int]) -> list[tuple[Span, str]]:
    """Base noun phrases headed by an entity-denoting common noun, with the type it denotes.

    A phrase runs from the left edge of its head's subtree to the head (the extent of
    spaCy's noun chunks, which need coarse part-of-speech tags this pipeline does not run).
    ``taken_tokens`` are tokens of mentions found already (names, descriptions, pronouns):
    a phrase whose head is one of them is skipped. A phrase with a name among its modifiers
    ("Heathrow airport", "new Airbus jets") is left to that name: news annotation takes
    the phrase as one mention, and the name already stands for it (a possessor, "Boeing's
    rival", is another entity, so such a phrase is kept). Requires the parse and tags.
    """
    if not len(doc) or not doc.has_annotation("DEP") or not doc.has_annotation("TAG"):
        return []
    lower = doc.to_array([LOWER]).astype(np.uint64).ravel()
    found = []
    for i in np.flatnonzero(np.isin(lower, _HASHES)).tolist():
        root = doc[i]
        if i in taken_tokens or root.tag_ not in ("NN", "NNS") or not root.is_lower or root.dep_ not in _NP_DEPS:
            continue
        kind = nominal_type(root.lower_, root.tag_ == "NNS")
        if kind is None:
            continue
        start = root.left_edge.i
        while start < i and (doc[start].is_punct or doc[start].is_quote or doc[start].tag_ in ("CC", "IN")):
            start += 1
        if any(doc[k].lower_ in _GENERIC for k in range(start, i)):
            continue  # "any two cities", "no aircraft": not a mention of particular things
        if any(k in name_tokens and not _possessor(doc, k, name_tokens) for k in range(start, i)):
            continue
        found.append((doc[start : i + 1], kind))
    return found


__all__ = ["find_nominals", "nominal_type", "singular"]
