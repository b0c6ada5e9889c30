"""CAMEO actor codes: the PETRARCH dictionary parser, dictionary lookups, composed codes."""

from __future__ import annotations

import pytest

from newsgraph.extract.entities.actors import (
    ActorDictionary,
    AgentDictionary,
    DatedCode,
    agent_code,
    compose_actor_code,
    known_actor,
    load_actor_dictionary,
    load_agent_dictionary,
    parse_actor_dictionary,
    parse_agent_dictionary,
    parse_code,
    parse_date,
    phrase_key,
)

ACTORS = """\
# comment line
ALPHA_LAND_  [ALP]
+ALPHAN
+THE_ALPHA_REPUBLIC_  # a comment after a synonym
+BETA_CITY_+_GAMMA_TOWN_

JANE_DOE_  # an office holder
+PRESIDENT_DOE
+J._DOE
\t[ALPELI 600101-991231]
\t[ALPGOV >20000101]
\t[ALPELI]
RICHARD_ROE_\t[ALPGOV 900101-951231] [ALPOPP <891231]
ORPHAN_HEAD_WITHOUT_CODE_
NULL_ACTOR_ [---]
LIBERATION_FRONT_(LF)_ [ALPREB]
"""

AGENTS = """\
!PERSON! = MAN, WOMAN, PERSON
!MINIST! = MINISTER, MINISTRY

POLICE {} [~COP]
POLICE!PERSON! [~COP]
!MINIST! [~GOV]
!MINIST! OF_DEFENSE [~GOVMIL]
CHILD {CHILDREN} [~CVL]
REBEL [~REB]
PEACEKEEPING_TROOPS {} [IGO~]
"""


# --- the parser ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("090401", "2009-04-01"),
        ("670101", "1967-01-01"),
        ("20140724", "2014-07-24"),
        ("9008223", None),
        ("991399", None),
    ],
)
def test_parse_date(text, iso):
    assert parse_date(text) == iso


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("ISRGOV", DatedCode("ISRGOV")),
        ("ISRGOV >090401", DatedCode("ISRGOV", start="2009-04-01")),
        ("HTIOPPMED <061231", DatedCode("HTIOPPMED", end="2006-12-31")),
        ("ISRELI 670101-960618", DatedCode("ISRELI", "1967-01-01", "1996-06-18")),
        ("ISRGOV 20070715-20140724", DatedCode("ISRGOV", "2007-07-15", "2014-07-24")),
        ("ARMUNR 9008223-911221", DatedCode("ARMUNR", None, "1991-12-21")),  # malformed bound dropped
        ("IGOUNO  >070201", DatedCode("IGOUNO", start="2007-02-01")),
        ("---", None),
    ],
)
def test_parse_code(body, expected):
    assert parse_code(body) == expected


def test_parse_actor_dictionary():
    entries = list(parse_actor_dictionary(ACTORS.splitlines()))
    names = [e.name for e in entries]
    assert names == ["ALPHA LAND", "JANE DOE", "RICHARD ROE", "NULL ACTOR", "LIBERATION FRONT (LF)"]
    alpha, jane, richard, null, front = entries
    assert alpha.synonyms == ("ALPHAN", "THE ALPHA REPUBLIC", "BETA CITY", "GAMMA TOWN")
    assert alpha.codes == (DatedCode("ALP"),)
    assert jane.synonyms == ("PRESIDENT DOE", "J. DOE")
    assert [c.code for c in jane.codes] == ["ALPELI", "ALPGOV", "ALPELI"]
    assert richard.codes == (DatedCode("ALPGOV", "1990-01-01", "1995-12-31"), DatedCode("ALPOPP", end="1989-12-31"))
    assert null.codes == ()  # "[---]": listed, but no code
    assert front.line == 16


def test_actor_codes_by_date():
    actors = ActorDictionary(parse_actor_dictionary(ACTORS.splitlines()))
    assert actors.code("Jane Doe", "1970-05-01") == "ALPELI"
    assert actors.code("President Doe", "2024-03-22") == "ALPGOV"
    assert actors.code("J. Doe", "1999-12-31") == "ALPELI"
    assert actors.code("Jane Doe") == "ALPGOV"  # no date: the open-ended (current) code
    assert actors.code("Richard Roe", "1985-01-01") == "ALPOPP"
    assert actors.code("Richard Roe", "2020-01-01") is None  # no range fits and no undated code
    assert actors.code("Richard Roe") is None
    assert actors.code("the Alpha Republic") == "ALP"
    assert actors.code("Gamma Town") == "ALP"
    assert actors.code("Liberation Front") == actors.code("LIBERATION_FRONT_(LF)_") == "ALPREB"
    assert actors.code("Null Actor") is None
    assert actors.code("Orphan Head Without Code") is None
    assert "Jane Doe" in actors and "John Doe" not in actors


def test_phrase_key():
    assert phrase_key("the U.S.'s") == phrase_key("US_") == "US"
    assert phrase_key("Rafaḩ") == "RAFAH"
    assert phrase_key("TEL_AVIV_") == phrase_key("Tel  Aviv") == "TEL AVIV"


def test_parse_agent_dictionary():
    entries = list(parse_agent_dictionary(AGENTS.splitlines()))
    phrases = {e.phrase: e.code for e in entries}
    assert phrases["POLICEMAN"] == phrases["POLICEWOMAN"] == "~COP"
    assert phrases["MINISTRY OF DEFENSE"] == "~GOVMIL"
    assert phrases["PEACEKEEPING TROOPS"] == "IGO~"
    agents = AgentDictionary(entries)
    assert agents.pattern("children") == "~CVL"  # irregular plural given in braces
    assert agents.pattern("rebels") == "~REB"  # regular plural implied
    assert agents.pattern("policemen") == "~COP"
    assert agents.pattern("polices") is None  # "{}": no plural
    assert agents.pattern("ministers of defense") == "~GOVMIL"  # plural of the head before "of"
    assert agents.find("Deputy Minister of Defense of Alpha") == "~GOVMIL"
    assert agents.find("Strategic Affairs Minister") == "~GOV"
    assert agent_code("senior rebels", agents) == "REB"
    assert agent_code("photographer", agents) is None


def test_own_dictionary_files(tmp_path):
    actor_file, agent_file = tmp_path / "actors.txt", tmp_path / "agents.txt"
    actor_file.write_text(ACTORS, encoding="utf-8")
    agent_file.write_text(AGENTS, encoding="utf-8")
    actors, agents = load_actor_dictionary((actor_file,)), load_agent_dictionary(agent_file)
    assert known_actor("Jane Doe", "2001-01-01", dictionary=actors) == "ALPGOV"
    assert compose_actor_code("ALP", "Minister", actors=actors, agents=agents) == "ALPGOV"
    assert compose_actor_code("ALP", "Liberation Front commander", actors=actors, agents=agents) == "ALPREB"


# --- the bundled Phoenix dictionaries ------------------------------------------------------------------


def test_known_actors():
    assert known_actor("Hamas") == "PSEREBHMS"
    assert known_actor("Benjamin Netanyahu", "2024-03-22") == "ISRGOV"
    assert known_actor("Netanyahu", "2024-03-22") == "ISRGOV"
    assert known_actor("Benjamin Netanyahu", "1980-01-01") == "ISRELI"
    assert known_actor("Mossad") == "ISRSPY"
    assert known_actor("CIA") == "USASPY"
    assert known_actor("IDF") == "ISRMIL"
    assert known_actor("the United Nations") == "IGOUNO"
    assert known_actor("Israel") == "ISR"
    assert known_actor("Evelyn Hockstein") is None


@pytest.mark.parametrize(
    ("word", "code"),
    [
        ("minister", "GOV"),
        ("Minister", "GOV"),
        ("army", "MIL"),
        ("soldiers", "MIL"),
        ("troops", "MIL"),
        ("police", "COP"),
        ("rebels", "REB"),
        ("protesters", "OPP"),
        ("Secretary of State", "GOV"),
        ("Foreign Minister", "GOV"),
    ],
)
def test_agent_codes(word, code):
    assert agent_code(word) == code


def test_spokespeople_share_a_code():
    assert agent_code("spokesperson") is not None
    assert agent_code("spokesperson") == agent_code("spokesman") == agent_code("spokeswoman")


@pytest.mark.parametrize(
    ("affiliation", "role", "code"),
    [
        ("ISR", "Prime Minister", "ISRGOV"),  # Benjamin Netanyahu
        ("United States", "Secretary of State", "USAGOV"),  # Antony Blinken
        ("Israel", "Strategic Affairs Minister", "ISRGOV"),  # Ron Dermer
        ("Egypt", "Foreign Minister", "EGYGOV"),  # Sameh Shoukry
        ("US", "President", "USAGOV"),  # Biden
        ("Israel", "Mossad Chief", "ISRSPY"),  # David Barnea
        ("United States", "CIA Director", "USASPY"),  # William Burns
    ],
)
def test_seed_people_codes_from_role_and_affiliation(affiliation, role, code):
    assert compose_actor_code(affiliation, role) == code


def test_compose_actor_code():
    hanegbi = compose_actor_code("ISR", "National Security Adviser")
    assert hanegbi is not None and hanegbi.startswith("ISRGOV")
    # The dictionary lists "Secretary of State" under the US; a British one is British.
    assert compose_actor_code("GBR", "Secretary of State") == "GBRGOV"
    assert compose_actor_code("PSE") == "PSE"
    assert compose_actor_code(None, "rebels") == "REB"
    assert compose_actor_code(None, None, "Hamas") == "PSEREBHMS"
    assert compose_actor_code("ISR", "spokesperson", "IDF") == "ISRMIL"
    assert compose_actor_code(None, None) is None
    assert compose_actor_code("ISR", "photographer") == "ISR"
