"""Named mentions: spaCy's entities trimmed, re-typed with document evidence and completed.

spaCy's small English model finds most names but draws their edges and types loosely: it
includes determiners and titles ("the United States", "King Salaman"), types one city as a
person in one sentence and as a place in the next, reads title words as organisations
("State" in "Secretary of State") and photo credits as names. :func:`find_mentions` keeps
the model's entities as the base and corrects them in one pass over the document:

1. **Edges**: determiners, possessives, quotes, brackets, leading titles and honorifics and
   trailing function words are trimmed; regnal numbers and "Jr." are kept with a person's
   name; lists the model ran together ("Tesla, Uber and Snapchat") are split.
2. **Not story entities**: title words, photo credits and agency slugs, era markers ("BC"),
   spans without a capital letter, a capitalised common noun after a determiner ("the
   Bank", "this Island") and, when the tagger ran, one-word proper adjectives ("Caribbean
   waters").
3. **Types by document evidence**: a name keeps one type across the article, by a weighted
   vote over its mentions: a title before a name or a regnal number is strong person
   evidence; "X, who", "X was born" and a gendered pronoun after the name count for a
   person, a locative preposition ("in X") against one; a gazetteer place or a company or
   agency of the CAMEO actor dictionaries outweighs the model's person readings; a
   nationality word is a group; a surname inherits the type of the full name; the head
   word decides for "Douglas Aircraft", "Wall Street", "Bronze Age". A mention whose own
   context is unambiguous (a title right before it) keeps its type.
4. **Recovered names**: a capitalised name right after a title, a party in brackets after a
   person, a name found elsewhere in the article (or the surname of a person found
   elsewhere), and a country, capital, major city or known acronym ("GCHQ") the model missed.

Everything is token attribute checks and dictionary look-ups; the gazetteer and actor
modules are optional (looked up once, lazily), so this module works on a bare ``Doc``.
"""

from __future__ import annotations

import importlib
import re
from dataclasses import dataclass
from functools import lru_cache
from types import ModuleType
from typing import Any

from spacy.tokens import Doc, Token

from newsgraph.annotate import column
from newsgraph.extract.entities import business
from newsgraph.extract.entities.identity import organization_core
from newsgraph.extract.entities.titles import Title, find_titles, is_part_of_title, is_title_head

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
_HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "mx", "dr", "prof", "sir", "dame", "madam", "mme", "m"})
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


# --- optional knowledge sources ------------------------------------------------------------


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


# --- token helpers --------------------------------------------------------------------------


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


# --- spans ----------------------------------------------------------------------------------


def _merged_ents(doc: Doc) -> list[tuple[int, int, str]]:
    """The model's kept entities as ``(token_start, token_end, label)``.

    Two organisation spans joined by "of/in/for (the)" are one name the model cut in two
    ("Coordinator of Government Activities" + "in the" + "Territories").
    """
    ents = [(e.start, e.end, e.label_) for e in doc.ents if e.label_ in LABEL_TYPES]
    merged: list[tuple[int, int, str]] = []
    for ts, te, label in ents:
        if merged and merged[-1][1] == ts and doc[ts:te].text.replace(".", "").lower() in _LEGAL_FORMS:
            merged[-1] = (merged[-1][0], te, "ORG")  # "Chrysler" + "LLC": one company's name
            continue
        if merged and label == "ORG" and merged[-1][2] == "ORG":
            between = [t.lower_ for t in doc[merged[-1][1] : ts]]
            if between in (["of"], ["in"], ["for"], ["of", "the"], ["in", "the"], ["for", "the"]) and _cap(doc[ts]):
                merged[-1] = (merged[-1][0], te, "ORG")
                continue
        merged.append((ts, te, label))
    return merged


def _split_list(doc: Doc, ts: int, te: int, min_parts: int) -> list[tuple[int, int]]:
    """Split an enumeration the model tagged as one name: "France, Germany and Italy".

    Organisations need three parts ("Tesla, Uber and Snapchat"; "Johnson, Johnson" is
    rarer than a two-company list but "Ernst, Young and Co" exists), and a name followed by
    its acronym in brackets is one name: "Maintenance, Repair and Overhaul (MRO)".
    """
    words = doc[ts:te]
    if not any(t.text == "," for t in words) or not any(t.lower_ in ("and", "or") for t in words):
        return [(ts, te)]
    if te + 1 < len(doc) and doc[te].text == "(" and doc[te + 1].is_upper:
        return [(ts, te)]
    parts: list[tuple[int, int]] = []
    begin = ts
    for i in range(ts, te):
        if doc[i].text == "," or doc[i].lower_ in ("and", "or"):
            if i > begin:
                parts.append((begin, i))
            begin = i + 1
    if begin < te:
        parts.append((begin, te))
    if len(parts) < min_parts or any(e - s > 4 or not _cap(doc[s]) for s, e in parts):
        return [(ts, te)]
    return parts


def _title_index(titles: list[Title]) -> tuple[dict[int, Title], dict[int, Title]]:
    """Titles by each token they cover, and by the token right after them."""
    covering: dict[int, Title] = {}
    ending: dict[int, Title] = {}
    for title in titles:
        for i in range(title.token_start, title.token_end):
            covering[i] = title
        ending[title.token_end] = title
    return covering, ending


def _after_title(doc: Doc, ts: int, ending: dict[int, Title]) -> bool:
    """Whether a title phrase or an honorific ends right before token ``ts``."""
    if ts in ending:
        return True
    return ts > 0 and doc[ts - 1].lower_.rstrip(".") in _HONORIFICS and _cap(doc[ts - 1])


def _trim(doc: Doc, ts: int, te: int, label: str, covering: dict[int, Title]) -> tuple[int, int] | None:
    """The name inside the model's span, or ``None`` when nothing of a name is left."""
    while ts < te and (_is_edge_junk(doc[ts]) or doc[ts].lower_ in _DETERMINERS):
        ts += 1
    while te > ts and (_is_edge_junk(doc[te - 1]) or doc[te - 1].lower_ in _TRAILING_JUNK):
        te -= 1
    # A title the model took into the name: "President Biden" -> "Biden" (the title belongs
    # to the role layer). Off a non-person span only after a head that precedes people's
    # names, so "General Motors" keeps its first word.
    title = covering.get(ts)
    if title is not None and title.token_end < te and (label == "PERSON" or title.head in _PERSON_TITLE_HEADS):
        ts = title.token_end
    while te - ts > 1 and doc[ts].lower_.rstrip(".") in _HONORIFICS:
        ts += 1
    while ts < te and (_is_edge_junk(doc[ts]) or doc[ts].lower_ in _DETERMINERS):
        ts += 1
    return (ts, te) if ts < te else None


def _regnal_number(doc: Doc, i: int) -> bool:
    """ "II" in "Ramesses II"; "I" only before "of" or punctuation, where it is no pronoun."""
    text = doc[i].text
    after = doc[i + 1] if i + 1 < len(doc) else None
    if text in _ROMAN:
        return True
    return text == "I" and after is not None and after.lower_ in ("of", ",", ")", "(", ".")


def _extend_person(doc: Doc, ts: int, te: int) -> tuple[int, bool]:
    """Token end of a person's name with what the model leaves off: "Felipe V", "King, Jr.",
    "Adnan Z." + "Amin"; and whether a regnal number or suffix marks it as a person."""
    n = len(doc)
    marked = False
    if te < n and _is_initial(doc[te - 1]) and _cap(doc[te]) and doc[te].is_alpha:
        te += 1
    if te < n and _regnal_number(doc, te):
        te, marked = te + 1, True
    if te + 1 < n and doc[te].text == "," and doc[te + 1].lower_ in _SUFFIXES:
        te, marked = te + 2, True
    elif te < n and doc[te].lower_ in _SUFFIXES:
        te, marked = te + 1, True
    return te, marked


def _not_story(doc: Doc, ts: int, te: int, label: str) -> bool:
    """Credits, agency slugs, era markers and spans without a capital letter."""
    text = doc[ts:te].text
    if text in _ERAS or not any(c.isupper() for c in text) or not any(c.isalpha() for c in text):
        return True
    n = len(doc)
    # "REUTERS/EVELYN HOCKSTEIN", "AP Photo/Name": picture credits, not story actors.
    if "/" in text or (ts > 0 and doc[ts - 1].text == "/") or (te < n and doc[te].text == "/"):
        return True
    window = doc[max(0, ts - 4) : ts]
    if any(t.text == ":" for t in window) and any(t.lower_ in _CREDIT_CUES for t in window):
        return True
    if te - ts == 1 and text.isupper() and ts > 0 and _CLOCK.fullmatch(doc[ts - 1].text):
        return True  # "at 0800 UTC", "16:00 GMT": a time zone after a time of day
    # "CAIRO (Reuters) -": the agency of a dateline.
    return (
        label == "ORG"
        and ts > 0
        and te + 1 < n
        and doc[ts - 1].text == "("
        and doc[te].text == ")"
        and doc[te + 1].text in _DASHES
    )


# --- products -------------------------------------------------------------------------------

#: A model designation led by letters: "A380", "DC-9", "A330-200", "A400M", "F-16", with a
#: plural "s". Two digits or a hyphen are needed, so "G7", "MP3" and "CO2" are no models.
_LETTER_CODE = re.compile(r"[A-Z]{1,3}(?:-\d{1,4}|\d{2,4})[A-Z0-9]*(?:-\d{1,4}[A-Z]{0,3})?s?")
#: A model designation of digits: "787", "777-200LR", "7E7". Digits alone are also counts
#: and years, so these need more evidence (a maker's name, a model name, the model's label).
_DIGIT_CODE = re.compile(r"(?:\d{3,4}|\d[A-Z]\d)(?:-\d{1,4}[A-Z]{0,3})?s?")
#: Words before a model that describe one unit of it, not its name: "the first A380".
_UNIT_WORDS = _words("first second third last final new latest next")
#: Nouns that number things other than models: "Flight 447", "Route 66", "Resolution 242".
_NUMBERED_NOUNS = _words(
    """flight route highway interstate road room gate platform terminal runway number no no. bus line channel
    chapter page article section resolution paragraph unit district precinct ward lot case"""
)


def _has_digit(text: str) -> bool:
    return any(c.isdigit() for c in text)


def _code_of(token: Token) -> tuple[str, bool] | None:
    """The model designation a token spells (plural "s" dropped) and whether it needs
    evidence beyond its shape (digits only), else ``None``."""
    text = token.text
    if _LETTER_CODE.fullmatch(text):
        return text[:-1] if text.endswith("s") else text, False
    if _DIGIT_CODE.fullmatch(text):
        bare = text[:-1] if text.endswith("s") else text
        if bare.isdigit() and len(bare) == 4 and (1000 <= int(bare) <= 2099 or bare[0] == "0"):
            return None  # a year, or a time of day ("0800 UTC")
        return bare, True
    return None


def _product_words(doc: Doc, i: int, owner: list[int], limit: int = 2) -> int:
    """Token end of the model name after a designation: "787 *Dreamliner*", "A350 *XWB*"."""
    j = i
    n = len(doc)
    while j < n and j - i < limit and owner[j] < 0 and not _sent_start(doc[j]):
        token = doc[j]
        if not (_cap(token) and token.is_alpha) or token.lower_ in _CALENDAR or token.text in _ERAS:
            break
        if is_title_head(token.text):
            break
        j += 1
    return j


def _products(doc: Doc, candidates: list[_Candidate], lower_words: set[str]) -> list[_Candidate]:
    """Products named by a maker and a model ("Boeing 787 Dreamliner", "Airbus A380"), by a
    model designation alone ("A380s", "DC-9"), or by a maker and a name the model labels a
    product ("Lockheed Tristar").

    The maker's name becomes part of the product's name (the mention is of the aircraft,
    not of the company), except in a possessive ("Boeing's 787"). A designation made of
    digits alone is a product only with evidence: a maker right before it, a model name
    after it, the model's PRODUCT label, or the same designation as a product elsewhere in
    the article. Returns the product candidates and removes the makers it absorbed, and
    candidates that were a product misread, from ``candidates``.
    """
    n = len(doc)
    owner = [-1] * n
    for k, c in enumerate(candidates):
        for i in range(c.ts, c.te):
            owner[i] = k
    labelled = {i for e in doc.ents if e.label_ == "PRODUCT" for i in range(e.start, e.end)}
    absorbed: set[int] = set()
    found: list[_Candidate] = []
    codes: set[str] = set()
    names: set[str] = set()

    def maker_before(i: int) -> int | None:
        """Index of an organisation candidate ending right before token ``i``."""
        k = owner[i - 1] if i > 0 and not _sent_start(doc[i]) else -1
        if k >= 0 and candidates[k].te == i and candidates[k].type == "organization" and k not in absorbed:
            return k
        return None

    def add(ts: int, core: int, te: int, label: str) -> None:
        maker = maker_before(ts)
        if maker is not None:
            absorbed.add(maker)
            ts = candidates[maker].ts
            while ts < core and doc[ts].lower_ in _UNIT_WORDS:
                ts += 1
        found.append(_Candidate(ts, te, label, "product", "product"))
        for i in range(ts, te):
            owner[i] = len(candidates) + len(found) - 1
        names.update(t.lower_.removesuffix("s") for t in doc[core:te] if t.is_alpha)

    def misread(i: int) -> bool:
        """The model token ends a non-product candidate ("First Airbus A380" as ORG): take it over."""
        k = owner[i]
        if k < 0 or k >= len(candidates) or candidates[k].te != i + 1:
            return False
        absorbed.add(k)
        ts = candidates[k].ts
        while ts < i and doc[ts].lower_ in _UNIT_WORDS:
            ts += 1
        for j in range(candidates[k].ts, i + 1):
            owner[j] = -1
        end = _product_words(doc, i + 1, owner)
        add(ts, i, end, "model")
        return True

    texts = column(doc, "ORTH")
    # Only words with a digit can be designations, and only labelled words model names.
    for i in sorted({i for i, t in enumerate(texts) if _has_digit(t)} | labelled):
        token = doc[i]
        if not token.text[:1].isalnum():
            continue
        code = _code_of(token)
        if code is not None and i > 0 and doc[i - 1].lower_ in _NUMBERED_NOUNS:
            continue
        if code is not None:
            bare, weak = code
            if owner[i] >= 0:
                if owner[i] < len(candidates) and misread(i):
                    codes.add(bare)
                continue
            end = _product_words(doc, i + 1, owner)
            possessor = i > 1 and doc[i - 1].lower_ in ("'s", "’s") and owner[i - 2] >= 0
            evidence = not weak or end > i + 1 or i in labelled or maker_before(i) is not None or possessor
            if evidence:
                codes.add(bare)
                add(i, i, end, "model")
        elif i in labelled and owner[i] < 0 and _cap(token) and token.is_alpha and token.lower_ not in lower_words:
            # A model name without digits ("Tristar", "Dreamliner"), not the tail of another name.
            end = i + 1
            while end < n and end in labelled and _cap(doc[end]) and doc[end].is_alpha and owner[end] < 0:
                end += 1
            maker = maker_before(i)
            if maker is None:
                continue  # the small model's PRODUCT label on a lone word is too often a place or a name
            if maker is not None and _organisation_code(
                _call("actors", "known_actor", doc[candidates[maker].ts : end].text)
            ):
                continue  # "Lockheed Martin" is a company the model split in two
            add(i, i, end, "PRODUCT")
    # The same models named again without their evidence: "the final 717", "the Dreamliner".
    if codes or names:
        lowers = column(doc, "LOWER")
        for i in [i for i, t in enumerate(lowers) if _has_digit(t) or t.removesuffix("s") in names]:
            token = doc[i]
            if owner[i] >= 0:
                continue
            code = _code_of(token)
            plain = token.lower_.removesuffix("s")
            if (code is not None and code[0] in codes) or (_cap(token) and token.is_alpha and plain in names):
                if token.is_alpha and (_sent_start(token) and token.lower_ in lower_words):
                    continue
                end = _product_words(doc, i + 1, owner)
                add(i, i, end, "model")
    for k in sorted(absorbed, reverse=True):
        del candidates[k]
    return found


# --- the pass -------------------------------------------------------------------------------


def find_mentions(doc: Doc, titles: list[Title] | None = None) -> list[NameMention]:
    """The article's named mentions, in text order, one type per name (see the module docs).

    ``titles`` are the document's title phrases when the caller has found them already
    (:func:`~newsgraph.extract.entities.titles.find_titles`).
    """
    if titles is None:
        titles = find_titles(doc, _is_country_word)
    covering, ending = _title_index(titles)
    covered = bytearray(len(doc))  # tokens of any model entity or kept mention
    for ent in doc.ents:
        covered[ent.start : ent.end] = b"\x01" * (ent.end - ent.start)

    tagged = doc.has_annotation("TAG")  # when another extractor runs the tagger
    candidates: list[_Candidate] = []
    for ent_start, ent_end, label in _merged_ents(doc):
        parts = _split_list(doc, ent_start, ent_end, 3 if label == "ORG" else 2)
        for part_start, part_end in parts:
            trimmed = _trim(doc, part_start, part_end, label, covering)
            if trimmed is None:
                continue
            ts, te = trimmed
            if label in _TITLE_WORD_LABELS and is_part_of_title(doc, ts, te, titles):
                continue  # "State" in "Secretary of State" is part of a role
            forced = None
            if label in ("PERSON", "ORG"):
                te, marked = _extend_person(doc, ts, te)
                if marked:
                    forced = "person"
            if _not_story(doc, ts, te, label) or _is_description(doc, ts, te):
                continue
            if tagged and te - ts == 1 and label != "NORP" and _common_word(doc[ts], label):
                continue
            if _after_title(doc, ts, ending) and label in ("PERSON", "ORG", "GPE", "LOC", "FAC"):
                forced = "person"
            if _names_work(doc, ts, te, label):
                forced = "work"
            candidates.append(_Candidate(ts, te, label, LABEL_TYPES[label], forced))
    candidates = _without_overlaps(candidates)
    lower_words = {t for t in column(doc, "ORTH") if t.islower()}
    candidates.extend(_products(doc, candidates, lower_words))
    if tagged and doc.has_annotation("DEP"):
        candidates = _indices(doc, candidates)
    for c in candidates:
        _mark(covered, c.ts, c.te)

    candidates.extend(_recover_after_titles(doc, titles, covered))
    candidates.extend(_recover_parties(doc, candidates, covered))
    candidates.extend(_recover_repeats(doc, candidates, covered, lower_words))
    candidates.extend(_recover_known(doc, candidates, covered, lower_words))
    candidates.sort(key=lambda c: c.ts)
    names = bytearray(len(doc))
    for c in candidates:
        _mark(names, c.ts, c.te)
    parsed = tagged and doc.has_annotation("DEP")
    for c in candidates:
        c.person_cue = c.label not in ("NORP", "EVENT") and _person_cue(doc, c.te, names)
        c.place_cue = _place_cue(doc, c.ts, c.te)
        if parsed and c.type not in ("place", "group", "event"):
            c.financial_cue = business.financial_cue(doc, c.ts, c.te)
            c.product_cue = business.product_cue(doc, c.ts, c.te)
    return _merge_place_pairs(doc, _typed(doc, candidates))


#: Entity labels whose words cannot be part of a stock index's name ("the UK's FTSE 100").
_NOT_INDEX_LABELS = frozenset({"GPE", "LOC", "NORP", "PERSON", "DATE", "TIME", "MONEY", "PERCENT"})


def _indices(doc: Doc, candidates: list[_Candidate]) -> list[_Candidate]:
    """Stock index names (:func:`business.index_spans`) replace the candidates they overlap
    (the model's "FTSE" + "100", or "FTSE 100" read as a product); places stay."""
    lowers = column(doc, "LOWER")
    if not any(w in business.INDEX_WORDS or w in ("points", "average", "composite") for w in lowers):
        return candidates
    blocked = bytearray(len(doc))
    for ent in doc.ents:
        if ent.label_ in _NOT_INDEX_LABELS:
            _mark(blocked, ent.start, ent.end)
    for c in candidates:
        if c.type in ("place", "group", "person"):
            _mark(blocked, c.ts, c.te)
    spans = business.index_spans(doc, lowers, blocked)
    if not spans:
        return candidates
    kept = [c for c in candidates if not any(c.ts < te and ts < c.te for ts, te in spans)]
    kept += [_Candidate(ts, te, "context", "financial", "financial") for ts, te in spans]
    kept.sort(key=lambda c: c.ts)
    return kept


def _merge_place_pairs(doc: Doc, mentions: list[NameMention]) -> list[NameMention]:
    """ "Denver, Colorado", "Poole, Dorset": a town and the region or country it lies in are
    one name of the town, with the region's name nested in it; "Kingdom of France" is one name.

    A town the model read as an organisation counts after a locative preposition ("in
    Wells, Somerset"). The first place must not be a country (else "France, Germany and Italy" would merge)
    and the second must end the list: a comma with another name, or "and"/"or", after it
    makes the pair part of an enumeration.
    """
    merged: list[NameMention] = []
    n = len(doc)
    for mention in mentions:
        previous = merged[-1] if merged else None
        if (
            previous is not None
            and mention.type == "place"
            and previous.token_end - previous.token_start == 1
            and previous.text.lower() in _POLITY_WORDS
            and mention.token_start == previous.token_end + 1
            and doc[previous.token_end].lower_ == "of"
        ):
            # "Kingdom" + "of" + "France", which the model cuts in two: one polity.
            span = doc[previous.token_start : mention.token_end]
            merged[-1] = NameMention(span.start_char, span.end_char, span.text, "place", "head", span.start, span.end)
            continue
        if (
            previous is not None
            and mention.type == "place"
            and (previous.type == "place" or (previous.type == "organization" and _place_cue(doc, *_tokens(previous))))
            and mention.token_start == previous.token_end + 1
            and doc[previous.token_end].text == ","
            and not _is_country_word(previous.text)
            and not _in_list(doc, mention.token_end, n)
            and not _in_list(doc, previous.token_start - 1, n, before=True)
        ):
            # The region or country stays a mention of its own inside the pair: the text
            # names it too ("California" in "Long Beach, California").
            span = doc[previous.token_start : mention.token_end]
            merged[-1] = NameMention(
                span.start_char, span.end_char, span.text, "place", previous.label, span.start, span.end
            )
        merged.append(mention)
    return merged


def _tokens(mention: NameMention) -> tuple[int, int]:
    return mention.token_start, mention.token_end


def _in_list(doc: Doc, i: int, n: int, before: bool = False) -> bool:
    """Whether the token at ``i`` (after a name, or before it with ``before``) continues an
    enumeration: "and"/"or", or a comma next to a capitalised word."""
    if i < 0 or i >= n:
        return False
    token = doc[i]
    if token.lower_ in ("and", "or", "&"):
        return True
    if token.text != ",":
        return False
    k = i - 1 if before else i + 1
    return 0 <= k < n and _cap(doc[k]) and not doc[k].is_stop


def _names_work(doc: Doc, ts: int, te: int, label: str) -> bool:
    """Whether a name is the title of a work: right after a work noun ("the album *Wild
    West*", "on the album Over *My Head*", "the song “Geronimo”"), ending in a work head
    ("Andrew Marr *Show*"), or a quoted name the model reads as a person ("“Geronimo” by X")."""
    if te - ts > 1 and doc[te - 1].lower_ in _WORK_HEADS:
        return True
    i = ts - 1
    while i >= 0 and ts - i <= 3 and (doc[i].text in _OPEN_QUOTES or (_cap(doc[i]) and not _sent_start(doc[i]))):
        i -= 1
    if i >= 0 and doc[i].lower_ in _WORK_NOUNS and doc[i].tag_ in ("NN", "NNS"):
        return True
    quoted = ts > 0 and te < len(doc) and doc[ts - 1].text in _OPEN_QUOTES and doc[te].text in _CLOSE_QUOTES
    return quoted and label == "PERSON"


def _common_word(token: Token, label: str) -> bool:
    """A one-word "name" the tagger reads as an adjective ("Caribbean waters", "Mycenaean
    civilization") or, at a sentence start, as a common noun ("Emphasis, ..."); nationality
    words and places stay. The tagger reads many unfamiliar names that open a sentence as
    nouns ("Pompey took command"): a word the model calls a person is kept there."""
    tag = token.tag_
    if tag not in ("JJ", "NN", "NNS") or (tag != "JJ" and (not _sent_start(token) or label == "PERSON")):
        return False
    return not (_call("gazetteer", "country_for_demonym", token.text) or _place(token.text))


def _is_description(doc: Doc, ts: int, te: int) -> bool:
    """ "the Bank", "the Government": a common noun written with a capital, not a name."""
    if te - ts != 1 or ts == 0:
        return False
    before = doc[ts - 1].lower_
    if before in ("this", "these") or (before in ("that", "those") and doc[ts - 1].dep_ == "det"):
        return True  # "this Island": never a name ("claims that Kim ...": "that" is no determiner)
    word = doc[ts].lower_
    return (
        before == "the"
        and word not in _INSTITUTION_NAMES
        and (word in _ORGANIZATION_HEADS or word in _DESCRIPTION_NOUNS)
    )


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


def _without_overlaps(candidates: list[_Candidate]) -> list[_Candidate]:
    """Drop candidates overlapping an earlier, longer one (after extensions and merges)."""
    kept: list[_Candidate] = []
    for c in sorted(candidates, key=lambda c: (c.ts, -(c.te - c.ts))):
        if kept and c.ts < kept[-1].te:
            continue
        kept.append(c)
    return kept


def _mark(covered: bytearray, ts: int, te: int) -> None:
    covered[ts:te] = b"\x01" * (te - ts)


def _name_run(doc: Doc, i: int, covered: bytearray) -> int:
    """Token end of a run of capitalised name words from ``i`` (at most four words)."""
    j = i
    n = len(doc)
    while j < n and j - i < 4 and not covered[j]:
        token = doc[j]
        if j > i and _sent_start(token):
            break
        if _cap(token) and (token.is_alpha or _is_initial(token) or "-" in token.text):
            if token.lower_ in _CALENDAR or is_title_head(token.text):
                break
            j += 1
        elif j > i and token.lower_ in _PARTICLES and j + 1 < n and _cap(doc[j + 1]) and not covered[j + 1]:
            j += 1
        else:
            break
    while j > i and doc[j - 1].lower_ in _PARTICLES:
        j -= 1
    return j


def _continues_name(doc: Doc, i: int) -> bool:
    """Whether token ``i`` follows a capitalised word of the same name ("the Hamas *Charter*").

    A date the model found ("On Monday Hanegbi said") or a weekday is no part of a name.
    """
    if i == 0 or _sent_start(doc[i]):
        return False
    previous = doc[i - 1]
    return _cap(previous) and previous.is_alpha and previous.lower_ not in _CALENDAR and not previous.ent_type_


def _recover_after_titles(doc: Doc, titles: list[Title], covered: bytearray) -> list[_Candidate]:
    """People the model missed right after a title: "Minister Benny Gantz"."""
    found = []
    for title in titles:
        i = title.token_end
        if i >= len(doc) or covered[i] or _sent_start(doc[i]) or not _cap(doc[title.token_end - 1]):
            continue
        end = _name_run(doc, i, covered)
        if end > i and not (end - i == 1 and doc[i].is_upper):
            found.append(_Candidate(i, end, "title", "person", "person"))
            _mark(covered, i, end)
    return found


def _recover_parties(doc: Doc, candidates: list[_Candidate], covered: bytearray) -> list[_Candidate]:
    """A party in brackets after a person's name: "Benny Gantz (National Unity)"."""
    found = []
    n = len(doc)
    for c in candidates:
        i = c.te + 1
        if not (c.type == "person" or c.forced == "person") or i >= n or doc[c.te].text != "(":
            continue
        end = i
        while end < n and end - i < 5 and not covered[end] and doc[end].is_alpha and _cap(doc[end]):
            end += 1
        if i < end < n and doc[end].text == ")" and len(doc[i:end].text) > 2 and _place(doc[i:end].text) is None:
            found.append(_Candidate(i, end, "party", "organization"))
            _mark(covered, i, end)
    return found


def _usable_single_word(token: Token, lower_words: set[str]) -> bool:
    """A one-word name is safe to look for elsewhere unless it is also a common word here."""
    return token.lower_ not in lower_words and not token.is_stop and len(token.text) > 1


def _recover_repeats(
    doc: Doc, candidates: list[_Candidate], covered: bytearray, lower_words: set[str]
) -> list[_Candidate]:
    """Names found elsewhere in the article, and surnames of people, where the model missed them."""
    index: dict[str, list[tuple[tuple[str, ...], str, str]]] = {}
    for c in candidates:
        words = tuple(t.lower_ for t in doc[c.ts : c.te])
        if len(words) == 1 and not _usable_single_word(doc[c.ts], lower_words):
            continue
        index.setdefault(words[0], []).append((words, c.type, "repeat"))
        last = doc[c.te - 1]
        surname = c.label == "PERSON" and len(words) > 1 and last.is_alpha and _cap(last)
        if surname and _usable_single_word(last, lower_words):
            index.setdefault(last.lower_, []).append(((last.lower_,), "person", "surname"))
    if not index:
        return []
    found = []
    n = len(doc)
    i = 0
    while i < n:
        token = doc[i]
        options = index.get(token.lower_) if not covered[i] and _cap(token) else None
        if not options or _continues_name(doc, i):
            i += 1
            continue
        for words, kind, source in sorted(options, key=lambda o: -len(o[0])):
            end = i + len(words)
            if end > n or any(covered[k] for k in range(i, end)):
                continue
            if tuple(t.lower_ for t in doc[i:end]) != words:
                continue
            if end < n and _cap(doc[end]) and doc[end].is_alpha and not _sent_start(doc[end]):
                continue  # part of a longer name
            found.append(_Candidate(i, end, source, kind))
            _mark(covered, i, end)
            i = end - 1
            break
        i += 1
    return found


def _recover_known(
    doc: Doc, candidates: list[_Candidate], covered: bytearray, lower_words: set[str]
) -> list[_Candidate]:
    """Countries, capitals, major cities and known organisations the model missed.

    Only whole capitalised runs ("Germany", not "Germany" in "Germany Trade Office") and
    acronyms outside all-capital text; a sentence-initial word must not also occur in lower
    case, and a one-word name must not be a person's surname here.
    """
    if _module("gazetteer") is None and _module("actors") is None:
        return []
    surnames = {doc[c.te - 1].lower_ for c in candidates if c.type == "person"}
    found = []
    n = len(doc)
    i = 0
    while i < n:
        token = doc[i]
        if covered[i] or not _cap(token) or not token.is_alpha:
            i += 1
            continue
        if token.is_upper:
            kind = _acronym_kind(doc, i)
            if kind is not None:
                found.append(_Candidate(i, i + 1, "gazetteer" if kind == "place" else "actor", kind))
            i += 1
            continue
        end = i
        while end < n and end - i < 4 and not covered[end] and _cap(doc[end]) and doc[end].is_alpha:
            end += 1
        following_capital = end < n and _cap(doc[end]) and not _sent_start(doc[end])
        if _continues_name(doc, i) or following_capital or end - i > 3:
            i = end
            continue
        if _sent_start(token) and (token.is_stop or token.lower_ in lower_words):
            i = end
            continue
        if end - i == 1 and (token.lower_ in lower_words or token.lower_ in surnames):
            i = end
            continue
        text = doc[i:end].text
        if _strong_place(_place(text), text):
            found.append(_Candidate(i, end, "gazetteer", "place"))
        elif _organisation_code(_call("actors", "known_actor", text)):
            found.append(_Candidate(i, end, "actor", "organization"))
        i = end
    for c in found:
        _mark(covered, c.ts, c.te)
    return found


def _acronym_kind(doc: Doc, i: int) -> str | None:
    """ "place" or "organization" for a known acronym the model missed ("GCHQ"), else ``None``."""
    text = doc[i].text
    if not 2 <= len(text) <= 6 or text in _ROMAN:
        return None
    # In a line written all in capitals every word looks like an acronym.
    neighbours = [doc[k] for k in (i - 1, i + 1) if 0 <= k < len(doc) and doc[k].is_alpha]
    if any(t.is_upper and len(t.text) > 1 for t in neighbours):
        return None
    if len(text) > 2 and _strong_place(_place(text), text):  # two letters: "TV" is no Tuvalu
        return "place"
    # A code with a sector (GBRSPY, IGOUNO) names a body; a bare country code (a city's) does not.
    code = _call("actors", "known_actor", text)
    return "organization" if code and len(code) > 3 else None


def _organisation_code(code: str | None) -> bool:
    """Whether a CAMEO actor code denotes an organisation rather than an office holder:
    companies (MNC), international and non-governmental bodies (IGO, NGO), media, intelligence
    services and armed groups. Office holders are coded like their government (USAGOV)."""
    if not code:
        return False
    return code.startswith(("MNC", "IGO", "NGO")) or any(s in code[3:] for s in ("MED", "SPY", "REB"))


# --- types ----------------------------------------------------------------------------------


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
    for key in order:
        group = groups[key]
        winner, source = _vote(doc, key, group, person_surnames, companies)
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


__all__ = ["LABEL_TYPES", "NAME_LABELS", "NameMention", "find_mentions"]
