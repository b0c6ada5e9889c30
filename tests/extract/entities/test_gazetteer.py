"""The offline gazetteer: seed places, aliases, demonyms, capitals, case rules."""

from __future__ import annotations

import pytest

from newsgraph.extract.entities.gazetteer import (
    build_gazetteer,
    canonical_country_name,
    capital_of,
    country_for_demonym,
    country_of,
    is_ambiguous_word,
    is_capital,
    lookup_place,
)


@pytest.mark.parametrize(
    ("name", "kind", "code"),
    [
        ("Rafah", "city", "PSE"),
        ("Tel Aviv", "city", "ISR"),
        ("Cairo", "city", "EGY"),
        ("Jeddah", "city", "SAU"),
        ("Doha", "city", "QAT"),
        ("Washington", "city", "USA"),
        ("Gaza", "territory", "PSE"),
        ("the Gaza Strip", "territory", "PSE"),
        ("West Bank", "territory", "PSE"),
        ("Israel", "country", "ISR"),
        ("Egypt", "country", "EGY"),
        ("Qatar", "country", "QAT"),
        ("Saudi Arabia", "country", "SAU"),
        ("US", "country", "USA"),
        ("U.S.", "country", "USA"),
        ("USA", "country", "USA"),
        ("the United States", "country", "USA"),
        ("The United States", "country", "USA"),
        ("Britain", "country", "GBR"),
        ("UK", "country", "GBR"),
        ("Texas", "region", "USA"),
    ],
)
def test_seed_places(name, kind, code):
    place = lookup_place(name)
    assert place is not None, name
    assert (place.kind, place.country_code) == (kind, code)


def test_cities_carry_coordinates_and_population():
    rafah = lookup_place("Rafah")
    assert rafah is not None and rafah.latitude is not None and rafah.longitude is not None
    assert 31.0 < rafah.latitude < 31.6 and 34.0 < rafah.longitude < 34.5
    assert rafah.population and rafah.population > 15_000


def test_most_populous_city_of_a_name_wins():
    london, paris = lookup_place("London"), lookup_place("Paris")
    assert london is not None and london.country_code == "GBR"
    assert paris is not None and paris.country_code == "FRA"


def test_alternate_names_of_large_cities():
    kiev = lookup_place("Kiev")
    assert kiev is not None and kiev.kind == "city" and kiev.country_code == "UKR"


def test_countries_before_cities_of_the_same_name():
    for name, code in [("Georgia", "GEO"), ("Jordan", "JOR"), ("Lebanon", "LBN")]:
        place = lookup_place(name)
        assert place is not None and (place.kind, place.country_code) == ("country", code)


@pytest.mark.parametrize("name", ["rafah", "us", "Us", "usa", "israel", "", "   "])
def test_lower_case_and_mixed_case_abbreviations_are_not_places(name):
    assert lookup_place(name) is None


def test_demonyms_and_non_places_are_not_places():
    for name in ["Israeli", "Palestinians", "Hamas", "Blinken", "State"]:
        assert lookup_place(name) is None, name


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("US", "USA"),
        ("U.S.", "USA"),
        ("USA", "USA"),
        ("United States", "USA"),
        ("the United States", "USA"),
        ("America", "USA"),
        ("UK", "GBR"),
        ("Britain", "GBR"),
        ("GB", "GBR"),
        ("IL", "ISR"),
        ("ISR", "ISR"),
        ("Palestine", "PSE"),
        ("Egypt", "EGY"),
    ],
)
def test_country_of(name, code):
    assert country_of(name) == code


def test_country_of_rejects_cities_demonyms_and_lower_case():
    for name in ["Rafah", "Cairo", "Israeli", "us", "Hamas"]:
        assert country_of(name) is None, name


@pytest.mark.parametrize(
    ("word", "code"),
    [
        ("Israeli", "ISR"),
        ("Israelis", "ISR"),
        ("Palestinian", "PSE"),
        ("Palestinians", "PSE"),
        ("American", "USA"),
        ("Egyptian", "EGY"),
        ("Qatari", "QAT"),
        ("British", "GBR"),
        ("Saudi", "SAU"),
        ("French", "FRA"),
        ("Ukrainian", "UKR"),
        ("Iranian", "IRN"),
        ("Iraqi", "IRQ"),
    ],
)
def test_demonyms(word, code):
    assert country_for_demonym(word) == code


def test_not_demonyms():
    for word in ["israeli", "Hamas", "Minister", "Iran"]:
        assert country_for_demonym(word) is None, word


def test_capitals_for_metonyms():
    assert capital_of("USA") == "Washington"
    assert capital_of("EGY") == "Cairo"
    assert is_capital("Washington") == "USA"
    assert is_capital("Doha") == "QAT"
    assert is_capital("Jeddah") is None
    assert is_capital("Israel") is None


def test_canonical_country_names():
    assert canonical_country_name("USA") == "United States"
    assert canonical_country_name("PSE") == "Palestine"
    assert canonical_country_name("ISR") == "Israel"
    assert canonical_country_name("GB") == "United Kingdom"
    assert canonical_country_name("XXQ") == "XXQ"


def test_ambiguous_words():
    assert is_ambiguous_word("Police")  # a town in Poland, and a common noun
    assert is_ambiguous_word("Blinken")  # no place at all
    assert not is_ambiguous_word("Israel")
    assert not is_ambiguous_word("Rafah")  # also a governorate
    assert not is_ambiguous_word("Doha")  # a capital
    assert not is_ambiguous_word("Tel Aviv")


def test_build_from_own_country_dictionary(tmp_path):
    dictionary = tmp_path / "countries.txt"
    dictionary.write_text(
        "# a comment\n"
        "FRANCE_  [FRA]\n"
        "+FRENCH_\n"
        "+FRANCAIS_\n"
        "+FRANSE_\n"
        "+REPUBLIQUE_FRANCAISE_\n"
        "+PARIS_\n"
        "+LOIRE_VALLEY_\n"
        "+CORSICA_ISLAND_\n"
        "+CHAMPAGNE_\n"
        "AQUITANIA_ [FRAAQT]\n"
        "+AQUITANIAN_\n",
        encoding="utf-8",
    )
    gaz = build_gazetteer(min_city_population=1_000_000, country_dictionary=dictionary)
    assert gaz.demonyms["FRENCH"] == "FRA"
    assert gaz.demonyms["FRANCAIS"] == "FRA"  # a derived form of a name word
    assert gaz.demonyms["AQUITANIAN"] == "FRA"
    assert gaz.place("Franse") == gaz.countries["FRA"]  # a spelling variant
    assert gaz.place("Republique Francaise") is None  # no form of an English name, no area noun: skipped
    paris = gaz.place("Paris")
    assert paris is not None and paris.kind == "city"
    loire, corsica, aquitania = gaz.place("Loire Valley"), gaz.place("Corsica Island"), gaz.place("Aquitania")
    assert loire is not None and (loire.kind, loire.country_code) == ("region", "FRA")
    assert corsica is not None and (corsica.kind, corsica.country_code) == ("territory", "FRA")
    assert aquitania is not None and (aquitania.kind, aquitania.country_code) == ("territory", "FRA")
    assert gaz.place("Champagne") is None  # a one-word variant that is no form of the name: skipped
