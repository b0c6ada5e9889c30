"""Roles read from the parse around a person's name, beyond the capitalised title phrases.

    actor Brad Pitt                               role actor
    Apple chief executive Tim Cook                role chief executive, affiliation Apple
    X, a climate scientist at the University     role climate scientist, affiliation University
    Tim Cook, chief operating officer             role chief operating officer
    the club's manager, X                         role manager, affiliation the club's name
    X, who heads the agency                       role head, affiliation the agency's name
    X is the chief executive of Y                 role chief executive, affiliation Y

A role is a noun that names what a person is or does. Which nouns do is decided by their
grammar and their form, not by a list of jobs: the English agent suffixes (-er, -or, -ist,
-ian, -ant, -ent, -man, -woman), the position nouns of :mod:`titles`, and a small closed
class of kinship-free status nouns that carry no suffix ("chief", "head", "star", "member").
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from newsgraph.extract.entities.titles import TITLE_HEADS


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


#: Status and position nouns without an agent suffix (the suffixes cover "manager", "actor",
#: "scientist", "historian", "resident", "candidate" needs listing: "-ate" is too often a verb).
_STATUS_NOUNS = _words(
    """
    chief head executive ceo cfo coo cto chair boss star captain coach member candidate fellow expert actress
    heiress hostess waitress laureate graduate student pupil veteran nominee winner champion chef host guard
    nurse pilot judge priest monk nun poet artist author staff spokesperson aide deputy delegate envoy official
    agent analyst critic clerk mp mep vp attorney surgeon
    """
)
#: Words with an agent suffix that name no role of a person.
_NOT_ROLES = _words(
    """
    number member's order border corner quarter water weather matter letter center centre character computer
    paper power tower partner's cancer chapter winter summer error river minor major other brother sister mother
    father daughter son wife husband friend neighbour neighbor mentor monitor sector factor motor vector
    doctorate era percent content event student's moment comment agent's component document parent segment
    statement movement government department apartment element payment investment agreement president's patent
    talent client patient woman gentleman
    """
)
#: Agent nouns that also describe companies ("the retailer Walmart"): no evidence of a person.
_COMPANY_AGENTS = _words(
    """
    retailer lender carrier broadcaster manufacturer maker insurer publisher developer operator supplier
    provider distributor exporter importer producer owner brewer miner refiner builder airliner partner
    competitor investor buyer seller bidder shareholder stakeholder sponsor organiser organizer regulator
    """
)
_SUFFIXES = ("er", "or", "ist", "ian", "ant", "ent", "man", "woman", "eer", "ess", "ier")
#: Verbs of a relative clause that say what post its subject holds: "who heads the agency".
_POST_VERBS = {
    "head": "head",
    "lead": "leader",
    "run": "head",
    "chair": "chair",
    "direct": "director",
    "manage": "manager",
    "coach": "coach",
    "own": "owner",
    "found": "founder",
    "co-found": "co-founder",
    "represent": "representative",
    "captain": "captain",
    "edit": "editor",
    "teach": "teacher",
    "oversee": "head",
}
#: Forms of "be" (the pipeline runs no lemmatizer: verbs are known by their forms).
_BE = _words("be is are was were been being 's am")
#: Irregular forms of the verbs above and below.
_IRREGULAR = {
    "led": "lead", "ran": "run", "made": "make", "became": "become", "oversaw": "oversee", "overseen": "oversee"
}  # fmt: skip


def _base(verb: Token) -> str:
    """The base form of a regular English verb form: "heads", "managed", "founding" → base."""
    lower = verb.lower_
    if lower in _IRREGULAR:
        return _IRREGULAR[lower]
    for suffix, replacements in (("ies", ("y",)), ("es", ("e", "")), ("s", ("",)), ("ied", ("y",)), ("ed", ("e", "")),
                                 ("ing", ("e", ""))):  # fmt: skip
        if lower.endswith(suffix):
            for tail in replacements:
                base = lower[: -len(suffix)] + tail
                if base in _POST_VERBS or base in _NAMING_VERBS:
                    return base
    return lower


#: Prepositions whose object is the organisation a role belongs to.
_AFFILIATION_PREPS = frozenset({"at", "of", "for", "with", "from", "in"})
_ORG_LABELS = frozenset({"ORG", "GPE", "NORP", "FAC"})


def is_role_noun(token: Token) -> bool:
    """Whether a noun names a person's role: a position noun, a status noun or an agent noun."""
    lower = token.lower_.rstrip(".")
    if lower in _NOT_ROLES or (not token.is_alpha and "-" not in lower):
        return False
    singular = lower[:-1] if token.tag_ in ("NNS", "NNPS") and lower.endswith("s") else lower
    if singular in TITLE_HEADS or singular in _STATUS_NOUNS:
        return True
    if token.tag_ not in ("NN", "NNS"):
        return False
    return len(singular) > 4 and singular.endswith(_SUFFIXES) and singular not in _NOT_ROLES


def role_cue(doc: Doc, token_start: int, token_end: int) -> bool:
    """Whether a person's role stands next to the name: "X, an analyst at ...", "tattoo artist
    X" (agent nouns that also describe companies, "retailer X", do not count)."""
    if not doc.has_annotation("DEP"):
        return False
    root = doc[token_start:token_end].root
    nouns = [c for c in root.children if c.dep_ == "appos" and c.i > root.i and doc[token_end].text == ","]
    before = doc[token_start - 1] if token_start > 0 else None
    if (
        before is not None
        and before.is_lower
        and (before.head.i in range(token_start, token_end) or root.head == before)
    ):
        nouns.append(before)
    for noun in nouns:
        singular = noun.lower_[:-1] if noun.tag_ == "NNS" else noun.lower_
        if singular not in _COMPANY_AGENTS and is_role_noun(noun):
            return True
    return False


def _entity_span(doc: Doc, token: Token) -> tuple[int, int] | None:
    """Token span of the named entity of an organisation or place ``token`` is part of."""
    if token.ent_type_ not in _ORG_LABELS:
        return None
    start = token.i
    while start > 0 and token.ent_iob_ != "B" and doc[start - 1].ent_type_ == token.ent_type_:
        start -= 1
        if doc[start].ent_iob_ == "B":
            break
    end = token.i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return start, end


def _possessor_affiliation(doc: Doc, head: Token) -> str | None:
    """ "Apple's chief executive": the named owner of a role noun."""
    for child in head.children:
        if child.dep_ == "poss" and child.ent_type_ in _ORG_LABELS:
            span = _entity_span(doc, child)
            if span:
                return doc[span[0] : span[1]].text
    return None


def _prep_affiliation(doc: Doc, head: Token) -> tuple[str | None, int]:
    """ "scientist at the University of Michigan": the organisation and where the title stops."""
    for child in head.children:
        if child.dep_ != "prep" or child.lower_ not in _AFFILIATION_PREPS or child.i < head.i:
            continue
        objects = [t for t in child.children if t.dep_ == "pobj"]
        if not objects:
            continue
        target = objects[0]
        names = [t for t in target.subtree if t.ent_type_ in _ORG_LABELS]
        if names:
            span = _entity_span(doc, names[0])
            if span:
                return doc[span[0] : span[1]].text, child.i
    return None, -1


def _title_span(doc: Doc, head: Token, stop: int, person: tuple[int, int]) -> tuple[int, int]:
    """Tokens of a role phrase: the head's modifiers (no determiners, possessives or named
    organisations, which are the affiliation) and an "of" complement in lower case."""
    start = head.i
    for child in sorted(head.lefts, key=lambda t: -t.i):
        if child.i != start - 1 or child.dep_ not in ("compound", "amod", "nmod", "npadvmod", "hmod"):
            break
        if child.ent_type_ in _ORG_LABELS or child.ent_type_ == "PERSON" or person[0] <= child.i < person[1]:
            break
        # A modifier's own modifiers ("mechanical" in "mechanical engineering professor").
        first = min(t.i for t in child.subtree)
        if any(doc[k].ent_type_ in _ORG_LABELS or doc[k].is_punct for k in range(first, child.i)):
            first = child.i
        start = first
    end = head.i + 1
    if end < len(doc) and doc[end].lower_ == "of" and end != stop:
        objects = [t for t in doc[end].children if t.dep_ == "pobj"]
        if objects and not any(t.ent_type_ for t in objects[0].subtree):
            last = max(t.i for t in objects[0].subtree)
            if all(t.is_lower or (t.is_punct is False and t.is_alpha) for t in doc[end + 1 : last + 1]):
                end = last + 1
    return start, end


def _role_of(doc: Doc, head: Token, person: tuple[int, int]) -> tuple[str, str | None, int, int] | None:
    """The role phrase a role noun heads: title text, affiliation and the title's token span."""
    if not is_role_noun(head):
        return None
    affiliation, stop = _prep_affiliation(doc, head)
    affiliation = affiliation or _possessor_affiliation(doc, head)
    start, end = _title_span(doc, head, stop, person)
    if affiliation is None:
        # "Apple chief executive": an organisation right before the title words.
        k = start - 1
        if k >= 0 and doc[k].ent_type_ in _ORG_LABELS and not person[0] <= k < person[1]:
            span = _entity_span(doc, doc[k])
            if span:
                affiliation = doc[span[0] : span[1]].text
    text = doc[start:end].text
    if head.tag_ == "NNS" and end == head.i + 1 and head.lower_.endswith("s"):
        # One person's share of a plural role: "X and Y were named best actors".
        text = doc[start : head.i].text_with_ws + _singular(head.text)
    return text, affiliation, start, end


def _singular(word: str) -> str:
    if word.endswith(("sses", "shes", "ches", "xes")):
        return word[:-2]
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    return word[:-1]


def parsed_role(doc: Doc, token_start: int, token_end: int) -> tuple[str, str | None, int, int] | None:
    """A role the parse gives the person named by tokens ``[token_start, token_end)``.

    Returns (title, affiliation, title token start, title token end), or ``None``.
    """
    if not doc.has_annotation("DEP"):
        return None
    person = (token_start, token_end)
    root = doc[token_start:token_end].root
    found = _own_role(doc, root, person)
    if found is None and root.dep_ == "conj" and root.head.ent_type_ == "PERSON" and root.head.i < token_start:
        # "PhD candidates X and Y", "X and Y were named best actors": the role of the first.
        first = root.head
        span = (min(t.i for t in first.subtree if t.dep_ == "compound" or t == first), first.i + 1)
        found = _own_role(doc, first, span)
    return found


#: Participles that give a barrister's side in court reports: "X, prosecuting, said".
_COURT_SIDES = {"prosecuting": "prosecutor", "defending": "defence lawyer"}
#: Credit lines of news agencies: "Reporting by X; Editing by Y".
_CREDITS = {"reporting": "reporter", "editing": "editor", "writing": "writer", "additional": "reporter"}
#: Verbs that give their object a post: "X was named chief executive".
_NAMING_VERBS = frozenset({"name", "appoint", "elect", "make", "become", "promote", "hire", "nominate"})


def _own_role(doc: Doc, root: Token, person: tuple[int, int]) -> tuple[str, str | None, int, int] | None:
    token_start, token_end = person
    # A role noun right before the name, in lower case or as a title: "actor Brad Pitt",
    # "Apple chief executive Tim Cook". The parser makes it a compound of the name.
    before = doc[token_start - 1] if token_start > 0 else None
    if (
        before is not None
        and (before.head.i in range(token_start, token_end) or root.head.i == before.i)
        and (before.is_lower or before.lower_ in TITLE_HEADS or before.lower_ in _STATUS_NOUNS)
    ):
        found = _role_of(doc, before, person)
        if found is not None:
            return found
    if token_end + 1 < len(doc) and doc[token_end].text == "," and doc[token_end + 1].lower_ in _COURT_SIDES:
        side = doc[token_end + 1]
        return _COURT_SIDES[side.lower_], None, side.i, side.i + 1
    if root.dep_ in ("pobj", "conj") and root.head.lower_ == "by":
        credit = root.head.head
        if credit.lower_ in _CREDITS and credit.i < root.i:
            return _CREDITS[credit.lower_], None, credit.i, credit.i + 1
    if root.dep_ == "conj":
        by = root.head
        while by.dep_ == "conj" and by.head.i < by.i:
            by = by.head
        if by.dep_ == "pobj" and by.head.lower_ == "by" and by.head.head.lower_ in _CREDITS:
            credit = by.head.head
            return _CREDITS[credit.lower_], None, credit.i, credit.i + 1
    for child in root.children:
        # "X, a climate scientist at ...", "Tim Cook, chief operating officer".
        if child.dep_ == "appos" and child.i > root.i and doc[token_end].text == ",":
            found = _role_of(doc, child, person)
            if found is not None:
                return found
        # "X, who heads the agency", "X, who is a lawyer".
        if child.dep_ == "relcl" and child.i > root.i:
            found = _relative_role(doc, child, person)
            if found is not None:
                return found
    # "the club's manager, X": the name in apposition to the role.
    if root.dep_ == "appos" and root.head.i < token_start:
        found = _role_of(doc, root.head, person)
        if found is not None:
            return found
    # "X is the chief executive of Y", "X was named chief executive".
    verb = root.head
    if root.dep_ in ("nsubj", "nsubjpass") and (verb.lower_ in _BE or _base(verb) in _NAMING_VERBS):
        for child in verb.children:
            if child.dep_ in ("attr", "oprd") and child.i > root.i:
                return _role_of(doc, child, person)
    return None


def _relative_role(doc: Doc, verb: Token, person: tuple[int, int]) -> tuple[str, str | None, int, int] | None:
    subjects = [t for t in verb.children if t.dep_ == "nsubj"]
    if not subjects or subjects[0].lower_ not in ("who", "that"):
        return None
    if verb.lower_ in _BE:
        for child in verb.children:
            if child.dep_ == "attr":
                return _role_of(doc, child, person)
        return None
    title = _POST_VERBS.get(_base(verb))
    if title is None:
        return None
    affiliation = None
    for child in verb.children:
        if child.dep_ == "dobj":
            names = [t for t in child.subtree if t.ent_type_ in _ORG_LABELS]
            span = _entity_span(doc, names[0]) if names else None
            affiliation = doc[span[0] : span[1]].text if span else None
    return title, affiliation, verb.i, verb.i + 1
