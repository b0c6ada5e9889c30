"""What the name-mention passes share: word classes, the optional knowledge sources and token tests.

The word classes are closed classes of English function words and common nouns (not world facts); the
gazetteer and actor modules are optional, looked up once, lazily.
"""

from __future__ import annotations

import importlib
import re
from dataclasses import dataclass
from functools import lru_cache
from types import ModuleType
from typing import Any

from spacy.tokens import Doc, Token

#: spaCy labels kept as story entities, and the entity type each maps to. Numbers, money,
#: dates, works of art, products and laws are not actors of a story.
LABEL_TYPES: dict[str, str] = {
    "PERSON": "person",
    "ORG": "organization",
    "GPE": "place",
    "LOC": "place",
    "FAC": "place",
    "NORP": "group",
    "EVENT": "event",
}

#: Labels a name mention can carry: the model's, and the sources of recovered mentions and
#: corrected types (descriptions and pronouns that coreference adds carry none of these).
#: Where a mention or its type came from when it is not the model's label.
SOURCES: tuple[str, ...] = (
    "title", "repeat", "surname", "party", "gazetteer", "head", "context", "demonym", "vote", "actor"
)  # fmt: skip

#: "PRODUCT" (the model's label) and "model" (a model designation) mark products.
NAME_LABELS: frozenset[str] = frozenset(LABEL_TYPES) | frozenset(SOURCES) | {"PRODUCT", "model"}


@dataclass(slots=True)
class NameMention:
    """A name in the text: character offsets into ``doc.text`` (end exclusive) and token indices."""

    start: int
    end: int
    text: str
    type: str  # "person" | "organization" | "place" | "group" | "event" | "other"
    #: The spaCy label, or where the mention or its type came from when it is not the
    #: model's (one of :data:`SOURCES`).
    label: str
    token_start: int
    token_end: int


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Closed classes of English function words and name particles (not world facts).
_DETERMINERS = frozenset({"the", "a", "an", "this", "that", "these", "those"})

_TRAILING_JUNK = frozenset({"of", "and", "or", "the", "in", "for", "at", "to", "on", "by", "'s", "’s", "'", "’"})

_HONORIFICS = _words("mr mrs ms miss mx dr prof sir dame madam mme m honourable honorable hon")

_PARTICLES = _words("bin ibn bint al el de da do dos di del van von der la le")

_ROMAN = frozenset({"II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV", "XVI"})

_SUFFIXES = frozenset({"jr", "jr.", "sr", "sr.", "jnr", "snr"})

_ERAS = frozenset({"BC", "BCE", "AD", "CE", "B.C.", "A.D.", "B.C.E.", "C.E."})

_CREDIT_CUES = frozenset({"credit", "credits", "photo", "photos", "photograph", "picture", "image", "courtesy", "file"})

_DASHES = frozenset({"-", "–", "—", "--"})

#: Legal forms that end a company's name ("Chrysler LLC", "Fiat SpA"); the model often
#: reads them as a name of their own.
#: A time of day before a time zone's abbreviation: "0800", "16:00", "4pm", "12:00".
_CLOCK = re.compile(r"\d{1,2}[:.]\d{2}|\d{4}|\d{1,2}(?:am|pm|a\.m\.|p\.m\.)", re.IGNORECASE)

_LEGAL_FORMS = _words("inc corp co llc llp ltd plc spa ag nv bv gmbh sa")

_CALENDAR = _words(
    """monday tuesday wednesday thursday friday saturday sunday january february march april may june july
    august september october november december"""
)

#: Title heads that, right before a capitalised word, make it a person's name even when the
#: model read the pair as an organisation ("King Gongmin"). Heads such as "general", "chief"
#: or "director" also open organisation names ("General Motors"), so they are not here.
_PERSON_TITLE_HEADS = _words(
    """president vice-president premier minister secretary chancellor king queen prince princess emir sheikh
    sultan ambassador envoy senator congressman congresswoman governor mayor pope cardinal archbishop bishop
    rabbi imam ayatollah spokesperson spokesman spokeswoman adviser advisor judge justice"""
)

#: Last words that make a name an organisation's ("Douglas Aircraft", "Labour Party") or a
#: place's ("Wall Street", "North Sea"), whatever the model read: English common nouns.
_ORGANIZATION_HEADS = _words(
    """airline airlines airways aircraft group bank banks company corporation corp corp. inc inc. ltd ltd. llc plc
    gmbh ag holdings industries university college institute academy ministry department agency commission
    committee council party union association federation league foundation society church army navy police
    court parliament assembly senate administration authority board bureau organization organisation
    network motors systems technologies laboratories labs partners fund trust club fc"""
)

_PLACE_HEADS = _words(
    """street road avenue boulevard square river sea ocean lake bay gulf strait channel canal island islands
    isle peninsula mountain mountains mount hills valley desert coast province county district airport
    bridge plateau basin"""
)

#: Last words of the names of periods and occasions: "Bronze Age", "Treaty of Nanking".
_EVENT_HEADS = _words(
    """age ages era period war wars revolution reformation renaissance treaty accord accords summit conference
    olympics games championship championships cup festival election elections crisis uprising"""
)

#: Capitalised common nouns that, after "the", describe rather than name: "the Government".
_DESCRIPTION_NOUNS = _words("government state city company firm kingdom republic empire capital region fault")

#: Organisation heads that, alone after "the", are still the name of one institution: "the Senate".
_INSTITUTION_NAMES = _words("senate parliament congress assembly")

#: Nouns for creative works: a name right after one is a title ("the album Wild West"), not an actor.
#: Newspapers and magazines are organisations and are not here.
_WORK_NOUNS = _words(
    """album albums song songs single singles film films movie movies book books novel novels series show shows
    play plays opera operas poem poems painting paintings documentary programme program track tracks ep"""
)

#: Last words of the names of works: "the Andrew Marr Show".
_WORK_HEADS = _words("show programme program album")

#: Opening quotation marks (straight quotes open when a word follows).
_OPEN_QUOTES = frozenset({"“", '"', "‘", "'", "«"})

_CLOSE_QUOTES = frozenset({"”", '"', "’", "'", "»"})

#: Words that, before "of" and a place, name a polity: "Kingdom of France".
_POLITY_WORDS = _words("kingdom republic empire duchy principality emirate sultanate caliphate")

#: Gendered pronouns: only people take them (organisations and places take "its").
_PERSONAL_PRONOUNS = _words("he his him himself she her hers herself")

#: Prepositions that put a place after them (people and organisations rarely follow "in").
_LOCATIVES = _words("in near into outside inside across throughout towards toward")

#: Tokens after a name in which a pronoun counts as referring to it.
_CUE_WINDOW = 10

#: The model's labels that may hide a title word ("State" as ORG); a person span never does.
_TITLE_WORD_LABELS = frozenset({"ORG", "FAC", "LOC", "NORP", "EVENT"})

#: Cities this large outweigh the model's organisation and group readings of their name.
_LARGE_CITY = 100_000

#: Cities recovered from the gazetteer alone need this many inhabitants (when the gazetteer
#: reports a population): small towns share their names with too many words and people.
_RECOVERY_MIN_POPULATION = 500_000


@dataclass(slots=True)
class _Candidate:
    ts: int
    te: int
    label: str  # spaCy label or recovery source
    type: str  # type before the document vote
    forced: str | None = None  # a type the mention's own context fixes (a title before a name)
    person_cue: bool = False  # "X, who", "X was born", "X ... his": said of people only
    place_cue: bool = False  # "in X", "near X": said of places
    financial_cue: bool = False  # "the X index", "X fell 300 points": said of stock indices
    product_cue: bool = False  # "the X line", "X users", "unveiled the X": said of products
    organisation_cue: bool = False  # "the charity X", "X, the animation studio"


@lru_cache(maxsize=4)
def _module(name: str) -> ModuleType | None:
    """A sibling module (``gazetteer``, ``actors``) when it is installed, else ``None``."""
    try:
        return importlib.import_module(f"newsgraph.extract.entities.{name}")
    except ImportError:
        return None


def _call(module: str, function: str, *args: Any) -> Any:
    found = _module(module)
    fn = getattr(found, function, None) if found is not None else None
    return fn(*args) if fn is not None else None


def _place(name: str) -> Any:
    return _call("gazetteer", "lookup_place", name)


def _is_country_word(word: str) -> bool:
    return bool(_call("gazetteer", "country_for_demonym", word) or _call("gazetteer", "country_of", word))


def _strong_place(place: Any, text: str) -> bool:
    """Whether a gazetteer hit is safe to add as a place the model missed: a country or
    territory, a capital, or a large city (regions and towns share names with too many
    words and people)."""
    if place is None:
        return False
    kind = getattr(place, "kind", None)
    if kind in ("country", "territory"):
        return True
    if kind != "city":
        return False
    return (getattr(place, "population", None) or 0) >= _RECOVERY_MIN_POPULATION or bool(
        _call("gazetteer", "is_capital", text)
    )


def _weak_place(text: str) -> bool:
    """A one-word name whose only place reading is a small town: a weak cue on its own."""
    return bool(_call("gazetteer", "is_ambiguous_word", text))


def _cap(token: Token) -> bool:
    return token.text[:1].isupper()


def _is_edge_junk(token: Token) -> bool:
    return token.is_punct or token.is_quote or token.is_bracket or token.is_space


def _is_initial(token: Token) -> bool:
    text = token.text
    return len(text) == 2 and text[1] == "." and text[0].isupper()


def _sent_start(token: Token) -> bool:
    return token.i == 0 or bool(token.is_sent_start) or "\n" in token.nbor(-1).text


def _key(doc: Doc, ts: int, te: int) -> str:
    return " ".join(t.lower_ for t in doc[ts:te])


def _mark(covered: bytearray, ts: int, te: int) -> None:
    covered[ts:te] = b"\x01" * (te - ts)


def _organisation_code(code: str | None) -> bool:
    """Whether a CAMEO actor code denotes an organisation rather than an office holder:
    companies (MNC), international and non-governmental bodies (IGO, NGO), media, intelligence
    services and armed groups. Office holders are coded like their government (USAGOV)."""
    if not code:
        return False
    return code.startswith(("MNC", "IGO", "NGO")) or any(s in code[3:] for s in ("MED", "SPY", "REB"))
