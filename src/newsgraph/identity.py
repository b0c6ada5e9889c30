"""Entity identity: keys and ids stable across articles, and incremental resolution.

Inside one article, :mod:`newsgraph.extract.entities.coref` groups mentions. Across articles, the same actor appears
under different spellings ("Tzahi Hanegbi", "Tzachi Hanegbi"), with and without titles,
or by surname only. :func:`entity_id` gives every entity a deterministic id from its
canonical name, so identical names agree without any shared state; :class:`EntityIndex`
then merges the variants as articles arrive, keeping the first id it saw. The index holds
plain data and no database handle: the knowledge base feeds it incrementally and stores
what it returns.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field

from rapidfuzz.distance import Levenshtein

_LEADING_THE = re.compile(r"^the\s+", re.IGNORECASE)
_POSSESSIVE = re.compile(r"['’]s?$")
_PUNCT = re.compile(r"[^\w\s-]")

#: Minimum normalised similarity of two given names for a transliteration variant.
GIVEN_NAME_SIMILARITY = 0.7
#: Name particles that are not the surname on their own: "bin Salman", "van der Leyen".
_PARTICLES = {"al", "el", "bin", "ibn", "van", "von", "der", "de", "da", "di", "du", "la", "le", "abu", "ben"}
_SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}


def fold(text: str) -> str:
    """Lower case without accents: "Erdoğan" → "erdogan"."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def name_key(text: str) -> str:
    """Comparison form of a name: no leading "the", no possessive, case and spacing folded."""
    text = _POSSESSIVE.sub("", _LEADING_THE.sub("", text.strip()))
    return " ".join(text.lower().split())


def person_key(name: str) -> tuple[str, ...]:
    """Name tokens of a person, folded, without punctuation and suffixes."""
    tokens = [t for t in _PUNCT.sub(" ", fold(name_key(name))).replace("-", " ").split() if t not in _SUFFIXES]
    return tuple(tokens)


def surname(tokens: tuple[str, ...]) -> str:
    """The family name: the last token, with its particles ("bin salman")."""
    if not tokens:
        return ""
    i = len(tokens) - 1
    while i > 0 and tokens[i - 1] in _PARTICLES:
        i -= 1
    return " ".join(tokens[i:])


def similar_given_names(a: str, b: str) -> bool:
    """Given names of one person: equal, an initial of the other, or a small edit apart."""
    if not a or not b:
        return True
    if a == b or (len(a) == 1 and b.startswith(a)) or (len(b) == 1 and a.startswith(b)):
        return True
    return Levenshtein.normalized_similarity(a, b) >= GIVEN_NAME_SIMILARITY


#: Words a company's name carries or drops at will: legal forms ("Apple Inc.", "Chrysler
#: LLC", "Fiat SpA") and the generic words of a maker's full name ("Ford Motor Company",
#: "Apple Computer", "Chrysler Group"). English business usage, not a list of companies.
_CORPORATE_WORDS = frozenset(
    re.split(
        r"\s+",
        """inc incorporated corp corporation co company cos companies llc llp ltd limited plc spa sa ag nv bv gmbh se
        kg oy ab asa group holding holdings motor motors computer computers""",
    )
)


def organization_core(name: str) -> str:
    """An organisation's name without its trailing legal form and generic company words:
    "Ford Motor Company" → "ford", "Apple Inc." → "apple", "General Motors Corporation" →
    "general motors" ("Motors" stays when nothing else would), "Apple Corps" → "apple corps".

    Two names of one article or of two articles with the same core are one company; the
    empty string when the name is nothing but such words.
    """
    words = _PUNCT.sub(" ", fold(name_key(name)).replace(".", "")).split()
    while len(words) > 1 and words[-1] in _CORPORATE_WORDS:
        words.pop()
    if len(words) == 1 and words[0] in _CORPORATE_WORDS:
        return ""
    return " ".join(words)


def same_person(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Whether two person names can denote one person: same surname, compatible given names.

    "Tzahi Hanegbi" ~ "Tzachi Hanegbi", "Blinken" ~ "Antony Blinken", "A. Blinken" ~
    "Antony Blinken"; "Hunter Biden" !~ "Joe Biden".
    """
    if not a or not b:
        return False
    sa, sb = surname(a), surname(b)
    if sa != sb and not (len(sa) > 4 and Levenshtein.distance(sa, sb) <= 1):
        return False
    given_a = a[: len(a) - len(sa.split())]
    given_b = b[: len(b) - len(sb.split())]
    return similar_given_names(given_a[0] if given_a else "", given_b[0] if given_b else "")


#: A model designation inside a product name: "A380", "787", "777-200LR", "DC-9", "7E7".
_MODEL_TOKEN = re.compile(r"^(?=.*\d)[a-z]{0,3}-?\d[\da-z-]*$")
_MODEL_BASE = re.compile(r"^[a-z]?(\d{3,4})(?:-[\da-z]+)?$")


def product_key(name: str) -> frozenset[str]:
    """What identifies a product across its spellings: its model designations and the words
    after them, else its words after the maker's name.

    "Boeing 787" → {"787"}, "787 Dreamliner" → {"787", "dreamliner"}, "A380s" → {"a380"},
    "Lockheed Tristar" → {"tristar"}; two names of one product share a key word.
    """
    tokens = [_plural_stem(t) for t in _PUNCT.sub(" ", fold(name_key(name))).split()]
    first_code = next((i for i, t in enumerate(tokens) if _MODEL_TOKEN.match(t)), None)
    if first_code is not None:
        words = set(tokens[first_code:])
        # A variant is the model: "777-200LR" ~ "777"; a one-letter series is the number:
        # "A380" ~ "Airbus 380".
        for token in tokens[first_code:]:
            base = _MODEL_BASE.match(token)
            if base:
                words.add(base.group(1))
        return frozenset(words)
    return frozenset(tokens[1:] if len(tokens) > 1 else tokens)


def _plural_stem(token: str) -> str:
    """ "a380s" → "a380", "dreamliners" → "dreamliner": plurals of product names."""
    if len(token) > 3 and token.endswith("s") and not token.endswith("ss"):
        return token[:-1]
    return token


def is_description(text: str) -> bool:
    """Whether an alias is a description ("the company", "the Strategic Affairs Minister")
    rather than a name: such words fit many entities, so they never link articles."""
    stripped = text.strip()
    return stripped[:4].lower() == "the " or not any(c.isupper() for c in stripped)


def entity_id(entity_type: str, name: str) -> str:
    """Deterministic id of an entity from its type and canonical name."""
    digest = hashlib.sha1(f"{entity_type}:{fold(name_key(name))}".encode()).hexdigest()
    return f"{entity_type[:3]}-{digest[:12]}"


@dataclass
class _Known:
    id: str
    type: str
    names: set[str] = field(default_factory=set)
    person_names: set[tuple[str, ...]] = field(default_factory=set)


class EntityIndex:
    """Cross-article resolution: maps each article's entities to stable ids, incrementally.

    ``resolve(type, names)`` returns the id of a known entity that one of ``names`` (the
    entity's canonical name and aliases) denotes, or registers a new one. Exact name keys
    match for every type, descriptions ("the company") never; products match by model
    ("Boeing 787" ~ "787 Dreamliner") when only one known product shares the model. People
    also match by surname with compatible given names, and a bare surname matches only when
    exactly one known person carries it, so "Biden" is not merged when two Bidens are
    known. Deterministic for a given order of articles.
    """

    def __init__(self) -> None:
        self._known: dict[str, _Known] = {}
        self._by_name: dict[tuple[str, str], str] = {}
        self._by_surname: dict[str, set[str]] = defaultdict(set)
        self._by_product: dict[str, set[str]] = defaultdict(set)

    def __len__(self) -> int:
        return len(self._known)

    def resolve(self, entity_type: str, name: str, aliases: list[str] | tuple[str, ...] = ()) -> str:
        names = [name, *(a for a in aliases if not is_description(a))]
        keys = [fold(name_key(n)) for n in names if name_key(n)]
        if entity_type == "organization":  # "Apple Inc." in one article, "Apple" in the next
            keys += [core for core in map(organization_core, names) if core and core not in keys]
        elif entity_type == "financial":  # "the Dow" and "the Dow Jones Industrial Average"
            for key in list(keys):
                words = key.split()
                keys += [p for k in range(1, len(words)) if (p := " ".join(words[:k])) not in keys]
        found = self._find(entity_type, keys)
        if found is None:
            found = entity_id(entity_type, name)
            if found not in self._known:
                self._known[found] = _Known(found, entity_type)
        self._add(self._known[found], keys)
        return found

    def _find(self, entity_type: str, keys: list[str]) -> str | None:
        for key in keys:
            if (entity_type, key) in self._by_name:
                return self._by_name[(entity_type, key)]
        if entity_type == "product":
            return self._find_product(keys)
        if entity_type != "person":
            return None
        tokens = sorted({person_key(k) for k in keys if k}, key=len, reverse=True)
        for name in tokens:
            candidates = [
                i
                for i in self._by_surname.get(surname(name), ())
                if any(same_person(name, other) for other in self._known[i].person_names)
            ]
            if len(candidates) == 1:
                return candidates[0]
            if len(name) > 1:  # a full name picks among several people sharing the surname
                full = [i for i in candidates if name in self._known[i].person_names]
                if full:
                    return full[0]
        return None

    def _find_product(self, keys: list[str]) -> str | None:
        """The one known product that shares a model word with ``keys``, if only one does."""
        words = set().union(*(product_key(k) for k in keys)) if keys else set()
        found = set().union(*(self._by_product.get(w, set()) for w in words)) if words else set()
        return next(iter(found)) if len(found) == 1 else None

    def _add(self, known: _Known, keys: list[str]) -> None:
        for key in keys:
            known.names.add(key)
            self._by_name.setdefault((known.type, key), known.id)
            if known.type == "product":
                for word in product_key(key):
                    self._by_product[word].add(known.id)
            if known.type == "person":
                tokens = person_key(key)
                if tokens:
                    known.person_names.add(tokens)
                    self._by_surname[surname(tokens)].add(known.id)
