"""Name mentions, step 3: one type per name by a weighted vote over its mentions and document evidence.

See :mod:`newsgraph.extract.entities.mentions` for the whole pass.
"""

from __future__ import annotations

from spacy.tokens import Doc

from newsgraph.extract.entities import business
from newsgraph.extract.entities.mention_parts import (
    _CUE_WINDOW,
    _EVENT_HEADS,
    _INSTITUTION_NAMES,
    _LARGE_CITY,
    _LEGAL_FORMS,
    _LOCATIVES,
    _ORGANIZATION_HEADS,
    _PERSONAL_PRONOUNS,
    _PLACE_HEADS,
    NameMention,
    _call,
    _Candidate,
    _cap,
    _key,
    _organisation_code,
    _place,
    _sent_start,
    _weak_place,
    _words,
)
from newsgraph.extract.entities.titles import is_title_head
from newsgraph.identity import organization_core


def _person_cue(doc: Doc, end: int, names: bytearray) -> bool:
    """Whether the words after a name say it names a person: "X, who", "X was born",
    "X met his wife" (a personal pronoun before any other name or an "its")."""
    n = len(doc)
    if end + 1 < n and doc[end].text == "," and doc[end + 1].lower_ in ("who", "whom", "whose"):
        return True
    if end + 1 < n and doc[end].lower_ in ("was", "is") and doc[end + 1].lower_ == "born":
        return True
    for i in range(end, min(n, end + _CUE_WINDOW)):
        token = doc[i]
        if names[i] or (i > end and _sent_start(token)) or token.lower_ in ("its", "itself", "their"):
            return False
        if token.lower_ in _PERSONAL_PRONOUNS:
            return True
    return False


def _place_cue(doc: Doc, start: int, end: int) -> bool:
    """Whether a locative preposition precedes the name ("in Rafah", "near Monte Carlo")."""
    if start == 0 or doc[start - 1].lower_ not in _LOCATIVES:
        return False
    return end >= len(doc) or doc[end].lower_ not in ("'s", "’s")


def _typed(doc: Doc, candidates: list[_Candidate]) -> list[NameMention]:
    """Give every name one type by a weighted vote over its mentions and the gazetteers."""
    groups: dict[str, list[_Candidate]] = {}
    for c in candidates:
        groups.setdefault(_key(doc, c.ts, c.te), []).append(c)
    # Full names first, so that surnames can inherit their type.
    order = sorted(groups, key=lambda k: -k.count(" "))
    decided: dict[str, tuple[str, str]] = {}
    person_surnames: set[str] = set()
    # Cores of names written as a company's ("Apple Inc.", "Ford Motor Company"): such a name
    # is the maker, even where a product word follows it ("Apple computers", "Ford cars").
    companies = {core for key in groups if (core := organization_core(key)) and core != key}
    # Short names of registered company names ("Corvane" of "Corvane Foods Inc."): the company.
    registered = [key.replace(",", " ").split() for key in groups]
    short_names = {
        " ".join(words[:k])
        for words in registered
        if len(words) >= 3 and words[-1].strip(".") in _LEGAL_FORMS
        for k in range(1, len(words) - 1)
    }
    for key in order:
        group = groups[key]
        winner, source = _vote(doc, key, group, person_surnames, companies, short_names)
        decided[key] = (winner, source)
        if winner == "person" and " " in key:
            person_surnames.add(key.rsplit(" ", 1)[1])
    _business_types(doc, groups, decided, companies)
    mentions = []
    for c in candidates:
        winner, source = decided[_key(doc, c.ts, c.te)]
        final = c.forced or winner
        if final == c.type:
            label = c.label
        elif c.forced == "work":
            label = "context"
        elif c.forced:
            label = "title"
        else:
            label = source
        span = doc[c.ts : c.te]
        mentions.append(NameMention(span.start_char, span.end_char, span.text, final, label, c.ts, c.te))
    return mentions


#: Endings of English adjectives of place and kind: "European" opens a company's name but is
#: no short name of it.
_ADJECTIVE_ENDINGS = ("an", "ese", "ish", "ic", "ical", "al")


def _head_word(doc: Doc, ts: int, te: int) -> str:
    """The head of a name: the word before "of" ("Bank of England"), else the last word."""
    for i in range(ts + 1, te - 1):
        if doc[i].lower_ == "of":
            return doc[i - 1].lower_
    return doc[te - 1].lower_


def _business_types(
    doc: Doc, groups: dict[str, list[_Candidate]], decided: dict[str, tuple[str, str]], companies: set[str]
) -> None:
    """Types that follow from other names of the article: a short form of an index is the
    index ("the Dow" after "the Dow Jones Industrial Average"), and a maker's name followed
    by a model's is the model ("Ford Taurus" where "Ford" is the company)."""
    indices = [key.split() for key, (kind, _) in decided.items() if kind == "financial"]
    makers = companies | {key for key, (kind, _) in decided.items() if kind == "organization" and " " not in key}
    for key, (kind, _) in list(decided.items()):
        words = key.split()
        shorter = any(len(w) > len(words) and w[: len(words)] == words for w in indices)
        if kind in ("organization", "product") and shorter:
            decided[key] = ("financial", "context")
        elif (
            kind == "organization"
            and 1 < len(words) <= 3
            and words[0] in makers
            and _model_words(doc, groups[key][0])
            and _model_evidence(doc, groups, decided, key)
        ):
            decided[key] = ("product", "context")


#: Words after a maker's name that make the pair a company's name, not a model's: "Apple
#: Corps", "Ford Foundation", "Boeing Capital", "GM Europe".
_NOT_MODEL_WORDS = _words("corps capital credit financial international worldwide global europe")


def _model_evidence(
    doc: Doc, groups: dict[str, list[_Candidate]], decided: dict[str, tuple[str, str]], key: str
) -> bool:
    """Whether "Ford Taurus" is a model's name and not a company's of two words ("Northrop
    Grumman"): the model's name stands alone elsewhere ("the Taurus"), the model labels it a
    product, or its context says so; a company the actor dictionaries list never is."""
    group = groups[key]
    rest = " ".join(key.split()[1:])
    if _organisation_code(_call("actors", "known_actor", doc[group[0].ts : group[0].te].text)):
        return False
    if rest in decided:
        return decided[rest][0] == "product"  # "Grumman" alone, a company: "Northrop Grumman" is one too
    if any(c.product_cue for c in group):
        return True
    return rest in {e.text.lower() for e in doc.ents if e.label_ == "PRODUCT"}


def _model_words(doc: Doc, c: _Candidate) -> bool:
    """Whether the words after the first of a name read as a model's name: capitalised words
    that are no organisation head, legal form, place or title ("Taurus", "Five Hundred")."""
    rest = doc[c.ts + 1 : c.te]
    if any(not (_cap(t) and t.is_alpha) for t in rest):
        return False
    words = {t.lower_ for t in rest}
    if words & (_ORGANIZATION_HEADS | _LEGAL_FORMS | _NOT_MODEL_WORDS | _PLACE_HEADS | _EVENT_HEADS):
        return False
    if organization_core(doc[c.ts : c.te].text) != " ".join(t.lower_ for t in doc[c.ts : c.te]):
        return False  # "Ford Motor", "Apple Computer": generic company words
    return _place(rest.text) is None and not any(is_title_head(t.text) for t in rest)


def _vote(
    doc: Doc,
    key: str,
    group: list[_Candidate],
    person_surnames: set[str],
    companies: frozenset[str] | set[str] = frozenset(),
    short_names: frozenset[str] | set[str] = frozenset(),
) -> tuple[str, str]:
    """The type of one name and the strongest evidence beyond the model's labels that decided it."""
    weights: dict[str, float] = {}
    evidence: dict[str, tuple[float, str]] = {}

    def add(kind: str, weight: float, source: str) -> None:
        weights[kind] = weights.get(kind, 0.0) + weight
        if source != "vote" and weight > evidence.get(kind, (0.0, ""))[0]:
            evidence[kind] = (weight, source)

    for c in group:
        # A recovered repeat copies the name's type; it is no evidence of its own.
        add(c.type, 0.0 if c.label in ("repeat", "surname") else 1.0, "vote")
        if c.forced:
            add(c.forced, 3.0, "title")
    loose_person = sum(1 for c in group if c.type == "person" and not c.forced)
    first = group[0]
    text = doc[first.ts : first.te].text
    place = _place(text)
    weak_place = place is not None and _weak_place(text)
    if place is None or weak_place:  # "the United States, whoever he is": no person
        for c in group:
            if c.person_cue:
                add("person", 2.0, "context")
    for c in group:
        # The small model often reads a little-known town as a person; "in X" says otherwise.
        if c.place_cue and c.type == "person" and not c.forced and not c.person_cue:
            add("place", 1.5, "context")
    if place is not None:
        # A gazetteer place outweighs every reading of it as a person that the mention's
        # own context does not confirm (the small model often tags unfamiliar cities
        # PERSON), but decides between place and organisation only on a tie. A small
        # town's name is as often a surname or a word: then it only breaks ties.
        # A large city is read as an organisation or a group only by the small model's
        # mistake ("an operation in Aleppo" tagged NORP, "Kharkiv" ORG): it outweighs those too.
        large = not weak_place and (place.kind != "city" or (place.population or 0) >= _LARGE_CITY)
        misread = sum(1 for c in group if c.type in ("organization", "group") and not c.forced) if large else 0
        add("place", 0.5 if weak_place else loose_person + misread + 0.5, "gazetteer")
    elif _call("gazetteer", "country_for_demonym", text):
        add("group", len(group) + 0.5, "demonym")  # "Greeks", "Israeli" read as names
    elif key in person_surnames and " " not in key:
        # "Blinken" after "Antony Blinken": outweighs one contrary label, not a pattern.
        add("person", 1.5, "surname")
    if first.te - first.ts == 1 and not first.forced and key in _EVENT_HEADS:
        add("event", 1.5 * len(group), "head")  # "the Renaissance", "the Reformation"
    elif first.te - first.ts == 1 and not first.forced and key in _INSTITUTION_NAMES:
        add("organization", 1.5 * len(group), "head")  # "the Senate"
    if first.te - first.ts > 1 and not first.forced:
        head = _head_word(doc, first.ts, first.te)
        for kind, heads in (("organization", _ORGANIZATION_HEADS), ("place", _PLACE_HEADS), ("event", _EVENT_HEADS)):
            if head in heads:
                add(kind, 1.5 * len(group), "head")
                break
    if place is None:
        code = _call("actors", "known_actor", text)
        if _organisation_code(code):
            # A company or agency the dictionaries list outweighs person readings, as a
            # gazetteer place does.
            add("organization", loose_person + 0.5, "actor")
        elif code and any(c.type != "person" for c in group):
            add("organization", 0.5, "actor")
    if key in short_names and not first.forced and place is None and not key.endswith(_ADJECTIVE_ENDINGS):
        add("organization", len(group) + 0.5, "context")
    organisation_cues = sum(1 for c in group if c.organisation_cue)
    if organisation_cues and (place is None or weak_place):
        # The small model reads unfamiliar companies and charities as people or places; a noun
        # that says what the name is outweighs its readings elsewhere in the article.
        add("organization", 2.0 * organisation_cues + 0.5 * len(group), "context")
    if any(c.financial_cue for c in group):
        add("financial", len(group) + 1.0, "context")  # an index throughout the article
    if business.product_shape(text):
        add("product", len(group) + 0.5, "context")  # "iPod", "iTunes"
    elif key not in companies and place is None:
        cues = sum(1 for c in group if c.product_cue)
        if cues:
            # The small model reads unfamiliar product names as people or companies; the
            # words around one mention say more than its labels elsewhere.
            add("product", 2.0 * cues + 0.5, "context")
    first_type = first.forced or first.type
    winner = max(weights, key=lambda kind: (weights[kind], kind == first_type))
    return winner, evidence.get(winner, (0.0, "vote"))[1]
