"""CAMEO actor codes from the Phoenix / PETRARCH-2 dictionaries.

A CAMEO actor code is a country (ISO 3166-1 alpha-3, or a prefix such as ``IGO``) followed
by sector codes: ``ISRGOV`` (Israeli government), ``USASPY`` (US intelligence), ``PSEREBHMS``
(Hamas). Three sources give codes here:

* the **actor dictionaries** name countries, international bodies, armed groups and many
  office holders, the latter with date ranges (``[ISRGOV >090401]``): :func:`known_actor`;
* the **agents dictionary** maps nouns and titles to sector codes that combine with a
  country ("minister" → ``~GOV``, "soldier" → ``~MIL``): :func:`agent_code`;
* for people no dictionary lists, :func:`compose_actor_code` joins affiliation and role
  ("Israel" + "Strategic Affairs Minister" → ``ISRGOV``).

The dictionaries ship with newsgraph (``newsgraph/data/cameo``, MIT, PETRARCH-2); every
loader also takes paths to a user's own files in the same format. No library reads the
format, so the parser is here. What it understands, from the PETRARCH-2 manual:

* ``#`` starts a comment, to the end of the line;
* an entry line holds a phrase, words joined by ``_`` (a trailing ``_`` only marks the end of
  a word), optionally followed by codes; ``+PHRASE`` lines add synonyms to the entry above;
  indented ``[CODE ...]`` lines add codes;
* a code may carry a date restriction: ``[CODE >YYMMDD]`` (from), ``[CODE <YYMMDD]``
  (until), ``[CODE YYMMDD-YYMMDD]`` (between); dates have 6 (``YYMMDD``) or 8 digits;
  ``[---]`` is "no code";
* in the agents file, ``!SET! = A, B`` defines a substitution set used as ``CATTLE!PERSON!``,
  ``{PLURAL}`` gives an irregular plural (``{}``: none), and regular plurals are implied.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from newsgraph.data import DATA_DIR

CAMEO_DIR = DATA_DIR / "cameo"
#: The bundled actor dictionaries, in lookup order: an armed group's own entry wins over a
#: mention of the same name inside a country's list (the Countries file lists e.g. party
#: leaders under their country).
ACTOR_FILES: tuple[Path, ...] = (
    CAMEO_DIR / "Phoenix.MilNonState.actors.txt",
    CAMEO_DIR / "Phoenix.International.actors.txt",
    CAMEO_DIR / "Phoenix.Countries.actors.txt",
)
AGENT_FILE = CAMEO_DIR / "Phoenix.agents.txt"

#: Two-digit years up to this value are 20YY, above it 19YY (the dictionaries date from
#: 2014-2016 and write earlier 20th-century dates with eight digits).
_CENTURY_PIVOT = 30

_CODE = re.compile(r"\[([^\]]*)\]")
_RESTRICTION = re.compile(r"^(?:([<>])\s*(\d+)|(\d+)\s*-\s*(\d*))$")
_SUBSTITUTION = re.compile(r"^(![A-Z]+!)\s*=\s*(.+)$")
_SET_USE = re.compile(r"![A-Z]+!")
_PLURAL = re.compile(r"\{([^}]*)\}")
_PARENTHETICAL = re.compile(r"\s*\([^)]*\)\s*")
_POSSESSIVE = re.compile(r"['’]S?$")
_NON_KEY = re.compile(r"[^\w\s&'-]")
#: Combining marks (Unicode blocks of diacritics), dropped after NFKD decomposition.
_COMBINING = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]+")


# --- keys ------------------------------------------------------------------------------------


def fold(text: str) -> str:
    """``text`` without diacritics ("Rafaḩ" → "Rafah"); other characters unchanged."""
    return _COMBINING.sub("", unicodedata.normalize("NFKD", text))


def phrase_key(text: str) -> str:
    """Comparison form of a name or dictionary phrase.

    Upper case, diacritics folded, ``_`` as space, periods dropped ("U.S." → "US"), leading
    "THE" and a possessive "'s" removed, spacing collapsed; "the U.S.'s" and "US_" agree.
    """
    if not text.isascii():
        text = fold(text)
    text = text.upper().replace("_", " ").replace("’", "'").replace(".", "")
    text = _NON_KEY.sub(" ", text)
    words = text.split()
    if len(words) > 1 and words[0] == "THE":
        words = words[1:]
    if words:
        words[-1] = _POSSESSIVE.sub("", words[-1]) or words[-1]
    return " ".join(words)


# --- dictionary records -----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class DatedCode:
    """A code valid from ``start`` to ``end`` (ISO dates, inclusive; ``None``: open)."""

    code: str
    start: str | None = None
    end: str | None = None

    @property
    def dated(self) -> bool:
        return self.start is not None or self.end is not None

    def valid_on(self, day: str) -> bool:
        """Whether the code applies on ``day`` (ISO ``YYYY-MM-DD``; a longer string is cut)."""
        day = day[:10]
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@dataclass(frozen=True, slots=True)
class ActorEntry:
    """One actor-dictionary entry: its phrase, synonyms and codes, and its source line."""

    name: str
    synonyms: tuple[str, ...]
    codes: tuple[DatedCode, ...]
    line: int


@dataclass(frozen=True, slots=True)
class AgentEntry:
    """One agents-dictionary phrase (after set expansion) and its code pattern (``~GOV``)."""

    phrase: str
    code: str
    plural: str | None
    line: int


def parse_date(text: str) -> str | None:
    """ISO date of a dictionary date (``YYMMDD`` or ``YYYYMMDD``); ``None`` if malformed."""
    if len(text) == 8 and text.isdigit():
        year, rest = text[:4], text[4:]
    elif len(text) == 6 and text.isdigit():
        yy = int(text[:2])
        year, rest = str(2000 + yy if yy <= _CENTURY_PIVOT else 1900 + yy), text[2:]
    else:
        return None
    month, day = int(rest[:2]), int(rest[2:])
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    return f"{year}-{rest[:2]}-{rest[2:]}"


def parse_code(body: str) -> DatedCode | None:
    """A ``[...]`` body: ``"ISRGOV >090401"`` → code with its date range; ``None`` for ``---``.

    A malformed date bound is dropped (the code stays valid on that side) rather than the code.
    """
    parts = body.split(None, 1)
    if not parts or set(parts[0]) <= {"-"}:
        return None
    code = parts[0].upper()
    if len(parts) == 1:
        return DatedCode(code)
    match = _RESTRICTION.match(parts[1].strip())
    if match is None:
        return DatedCode(code)
    if match.group(1) == ">":
        return DatedCode(code, start=parse_date(match.group(2)))
    if match.group(1) == "<":
        return DatedCode(code, end=parse_date(match.group(2)))
    return DatedCode(code, start=parse_date(match.group(3)), end=parse_date(match.group(4)) if match.group(4) else None)


def _strip_comment(line: str) -> str:
    return line.split("#", 1)[0].rstrip()


def _phrase(text: str) -> str:
    """Dictionary phrase as readable words: ``"TEL_AVIV_"`` → ``"TEL AVIV"``."""
    return " ".join(text.replace("_", " ").split())


def parse_actor_dictionary(lines: Iterable[str]) -> Iterator[ActorEntry]:
    """Entries of a PETRARCH actor dictionary, in file order.

    Entries without any code (a head whose code lines are missing) are skipped; synonyms
    written on one line and separated by ``+`` are split.
    """
    name: str | None = None
    synonyms: list[str] = []
    codes: list[DatedCode] = []
    has_code_field = False
    start_line = 0

    def flush() -> ActorEntry | None:
        if name is None or not has_code_field:
            return None
        return ActorEntry(name, tuple(synonyms), tuple(codes), start_line)

    for number, raw in enumerate(lines, 1):
        line = _strip_comment(raw)
        if not line.strip():
            continue
        found = [parse_code(body) for body in _CODE.findall(line)]
        text = _CODE.sub(" ", line).strip()
        if line[0] in " \t" and not text:  # an indented code line
            codes.extend(c for c in found if c)
            has_code_field = has_code_field or bool(found)
            continue
        if text.startswith("+"):
            synonyms.extend(_phrase(s) for s in text.split("+") if _phrase(s))
            codes.extend(c for c in found if c)
            has_code_field = has_code_field or bool(found)
            continue
        entry = flush()
        if entry:
            yield entry
        name, synonyms, codes = _phrase(text), [], [c for c in found if c]
        has_code_field, start_line = bool(found), number
    entry = flush()
    if entry:
        yield entry


def _regular_plural(word: str) -> str:
    """English regular plural of an upper-case noun (the agents file leaves these implied)."""
    if word.endswith(("S", "X", "Z", "CH", "SH")):
        return word + "ES"
    if word.endswith("Y") and len(word) > 1 and word[-2] not in "AEIOU":
        return word[:-1] + "IES"
    if word.endswith("MAN"):
        return word[:-3] + "MEN"
    return word + "S"


def parse_agent_dictionary(lines: Iterable[str]) -> Iterator[AgentEntry]:
    """Entries of a PETRARCH agents dictionary, substitution sets expanded."""
    sets: dict[str, list[str]] = {}
    for number, raw in enumerate(lines, 1):
        line = _strip_comment(raw).strip()
        if not line:
            continue
        substitution = _SUBSTITUTION.match(line)
        if substitution:
            sets[substitution.group(1)] = [w.strip() for w in substitution.group(2).split(",") if w.strip()]
            continue
        code_match = _CODE.search(line)
        if code_match is None:
            continue
        code = code_match.group(1).strip().upper()
        head = line[: code_match.start()]
        plural_match = _PLURAL.search(head)
        plural = plural_match.group(1).strip() if plural_match else None
        head = _PLURAL.sub(" ", head)
        for phrase in _expand_sets(head, sets):
            phrase = _phrase(phrase)
            if phrase:
                yield AgentEntry(phrase, code, _phrase(plural) if plural is not None else None, number)


def _expand_sets(text: str, sets: dict[str, list[str]]) -> list[str]:
    match = _SET_USE.search(text)
    if match is None or match.group(0) not in sets:
        return [text]
    out: list[str] = []
    for member in sets[match.group(0)]:
        out.extend(_expand_sets(text[: match.start()] + member + text[match.end() :], sets))
    return out


# --- loaded dictionaries --------------------------------------------------------------------------


def _read_lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8", errors="replace").splitlines()


class ActorDictionary:
    """Actor entries indexed by :func:`phrase_key` of their names and synonyms."""

    def __init__(self, entries: Iterable[ActorEntry]) -> None:
        self.entries: list[ActorEntry] = list(entries)
        self._index: dict[str, ActorEntry] = {}
        for entry in self.entries:
            for phrase in (entry.name, *entry.synonyms):
                for key in _phrase_keys(phrase):
                    # First entry wins: files are read in priority order.
                    self._index.setdefault(key, entry)

    @classmethod
    def from_files(cls, paths: Sequence[Path | str]) -> ActorDictionary:
        """Read PETRARCH actor files; entries of earlier files win on a shared name."""
        entries: list[ActorEntry] = []
        for path in paths:
            entries.extend(read_actor_file(path))
        return cls(entries)

    def entry(self, name: str) -> ActorEntry | None:
        return self._index.get(phrase_key(name))

    def code(self, name: str, date: str | None = None) -> str | None:
        """The code of ``name`` on ``date`` (ISO), or its current code when ``date`` is None.

        With a date: the first code whose range holds it, else the undated code. Without a
        date: the code of an open-ended range (``>YYMMDD``: still in office when the dictionary
        was written), else the undated code. ``None`` when the name is unknown or no code fits.
        """
        entry = self.entry(name)
        if entry is None:
            return None
        return _choose_code(entry.codes, date)

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and phrase_key(name) in self._index

    def __len__(self) -> int:
        return len(self.entries)


def _phrase_keys(phrase: str) -> set[str]:
    """Keys a phrase is found under: as written, and without a parenthesised acronym."""
    keys = {phrase_key(phrase), phrase_key(_PARENTHETICAL.sub(" ", phrase))}
    keys.discard("")
    return keys


def _choose_code(codes: Sequence[DatedCode], date: str | None) -> str | None:
    undated = next((c.code for c in codes if not c.dated), None)
    if date:
        return next((c.code for c in codes if c.dated and c.valid_on(date)), undated)
    open_ended = [c for c in codes if c.start is not None and c.end is None]
    if open_ended:
        return max(open_ended, key=lambda c: c.start or "").code
    return undated


class AgentDictionary:
    """Agent phrases (singular and plural) indexed by :func:`phrase_key`, to code patterns."""

    def __init__(self, entries: Iterable[AgentEntry]) -> None:
        self.entries: list[AgentEntry] = list(entries)
        self._index: dict[str, str] = {}
        for entry in self.entries:
            self._index.setdefault(phrase_key(entry.phrase), entry.code)
        for entry in self.entries:
            for plural in self._plurals(entry):
                self._index.setdefault(plural, entry.code)
        self.max_words = max((k.count(" ") + 1 for k in self._index), default=0)

    @staticmethod
    def _plurals(entry: AgentEntry) -> list[str]:
        if entry.plural is not None:  # "{}" means the phrase has no plural
            return [phrase_key(entry.plural)] if entry.plural else []
        words = phrase_key(entry.phrase).split()
        if not words:
            return []
        # The head of an English noun phrase is its last word, or the word before "of"/"for".
        head = next((i - 1 for i, w in enumerate(words) if w in {"OF", "FOR", "TO", "IN"} and i > 0), len(words) - 1)
        words[head] = _regular_plural(words[head])
        return [" ".join(words)]

    @classmethod
    def from_file(cls, path: Path | str) -> AgentDictionary:
        return cls(parse_agent_dictionary(_read_lines(Path(path))))

    def pattern(self, phrase: str) -> str | None:
        """The code pattern (``~GOV``, ``IGO~``) of exactly ``phrase``."""
        return self._index.get(phrase_key(phrase))

    def find(self, phrase: str) -> str | None:
        """The code pattern of ``phrase`` or of its longest agent part.

        Titles are longer than dictionary phrases: "Strategic Affairs Minister" ends in the agent
        "minister", "Minister of Foreign Affairs of Egypt" starts with "minister of foreign
        affairs". Tried in order: the whole phrase, then its word spans longest first (a later
        span wins a tie: the head of an English title is at its end).
        """
        words = phrase_key(phrase).split()
        for size in range(min(len(words), self.max_words), 0, -1):
            for start in range(len(words) - size, -1, -1):
                code = self._index.get(" ".join(words[start : start + size]))
                if code:
                    return code
        return None


@lru_cache(maxsize=8)
def read_actor_file(path: Path | str) -> tuple[ActorEntry, ...]:
    """The entries of one actor file, parsed once per process (the gazetteer reads the
    country file too)."""
    return tuple(parse_actor_dictionary(_read_lines(Path(path))))


@lru_cache(maxsize=8)
def load_actor_dictionary(paths: tuple[Path | str, ...] = ACTOR_FILES) -> ActorDictionary:
    """The actor dictionaries at ``paths`` (default: the bundled Phoenix files), read once."""
    return ActorDictionary.from_files(paths)


@lru_cache(maxsize=8)
def load_agent_dictionary(path: Path | str = AGENT_FILE) -> AgentDictionary:
    """The agents dictionary at ``path`` (default: the bundled Phoenix file), read once."""
    return AgentDictionary.from_file(path)


# --- public lookups -------------------------------------------------------------------------------


def known_actor(name: str, date: str | None = None, dictionary: ActorDictionary | None = None) -> str | None:
    """CAMEO code of a named actor in the actor dictionaries, on ``date`` if given.

    ``known_actor("Hamas")`` → ``"PSEREBHMS"``; ``known_actor("Benjamin Netanyahu",
    "2024-03-22")`` → ``"ISRGOV"``. Names match whole (after :func:`phrase_key`), so
    "Netanyahu" matches only because the dictionary lists it. The dictionaries end in
    2014-2016: an office held then and left later still reads as held.
    """
    return (dictionary or load_actor_dictionary()).code(name, date)


def agent_code(title_or_noun: str, dictionary: AgentDictionary | None = None) -> str | None:
    """Sector code of a title or group noun: "minister" → ``GOV``, "soldiers" → ``MIL``.

    The agents dictionary writes codes as patterns to combine with a country (``~GOV``); this
    returns the sector alone. For the rare patterns that prefix the country (``IGO~``) use
    :meth:`AgentDictionary.find`.
    """
    pattern = (dictionary or load_agent_dictionary()).find(title_or_noun)
    if pattern is None:
        return None
    return pattern.replace("~", "") or None


def _is_country_code(code: str) -> bool:
    return len(code) == 3 and code.isalpha() and code.isupper()


def compose_actor_code(
    country_code: str | None,
    role: str | None = None,
    organisation: str | None = None,
    *,
    date: str | None = None,
    actors: ActorDictionary | None = None,
    agents: AgentDictionary | None = None,
) -> str | None:
    """CAMEO code of a person or group from affiliation, role and organisation.

    * An organisation the actor dictionaries know gives its code ("Mossad" → ``ISRSPY``), also
      when it is named inside the role ("Mossad Chief", "CIA Director").
    * Otherwise the country and the role's sector: ``("ISR", "Strategic Affairs Minister")``
      → ``ISRGOV``, ``("USA", "Secretary of State")`` → ``USAGOV``.
    * A country alone gives the country (``PSE``); a sector alone gives the sector (``REB``).

    ``country_code`` is an ISO alpha-3 code; a country name or alpha-2 code is converted.
    """
    actors = actors or load_actor_dictionary()
    agents = agents or load_agent_dictionary()
    country = _country(country_code) if country_code else None
    organisation_code = _organisation_code(organisation, actors, date) if organisation else None
    if organisation_code:
        return organisation_code
    role_code = _organisation_code(role, actors, date) if role else None
    # A name inside the role counts when it agrees with the affiliation: "CIA Director" of
    # the US, but not "Secretary of State" of Britain (the dictionary lists that phrase
    # under the US).
    if role_code and (country is None or role_code.startswith(country) or not _names_country(role_code[:3])):
        return role_code
    pattern = agents.find(role) if role else None
    if pattern is None:
        return country
    if country is None:
        return pattern.replace("~", "") or None
    return pattern.replace("~", country) if "~" in pattern else country + pattern


def _country(code: str) -> str | None:
    if _is_country_code(code):
        return code
    from newsgraph.extract.entities.gazetteer import country_of  # the gazetteer imports this module

    return country_of(code)


def _names_country(prefix: str) -> bool:
    from newsgraph.extract.entities.gazetteer import load_gazetteer

    return prefix in load_gazetteer().codes


def _organisation_code(text: str, actors: ActorDictionary, date: str | None) -> str | None:
    """Code of the longest span of ``text`` that names an organisation with a sector code.

    Only codes longer than a bare country count: a country or city inside a role ("US
    Secretary of State") is the affiliation, which the caller already has.
    """
    words = text.split()
    for size in range(len(words), 0, -1):
        for start in range(len(words) - size + 1):
            code = actors.code(" ".join(words[start : start + size]), date)
            if code and len(code) > 3:
                return code
    return None
