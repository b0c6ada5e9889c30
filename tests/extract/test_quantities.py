"""Quantities: value, unit, modifier and the thing counted, with exact offsets."""

from __future__ import annotations

import pytest
import spacy

from newsgraph.annotate import components_for, load_pipeline
from newsgraph.config import DEFAULT_MODEL
from newsgraph.extract import EXTRACTORS
from newsgraph.extract.quantities import extract_quantities
from newsgraph.records import Document, Quantity, TimeExpression

_BLANK = spacy.blank("en")


def _blank(text: str) -> list[Quantity]:
    """Quantities of ``text`` tokenized only: number reading needs no parse or model."""
    return extract_quantities(_BLANK(text))


def _one(quantities: list[Quantity]) -> Quantity:
    assert len(quantities) == 1, quantities
    return quantities[0]


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline(DEFAULT_MODEL, components_for(EXTRACTORS["quantities"].needs | {"sentences"}))


@pytest.fixture(scope="module")
def parsed(nlp):
    def parsed(text: str) -> list[Quantity]:
        return extract_quantities(nlp(text))

    return parsed


# --- numbers, units and modifiers (tokenizer only) ------------------------------------


@pytest.mark.parametrize(
    ("text", "span", "value", "unit", "mod"),
    [
        ("It raised $3.5bn last year.", "$3.5bn", 3.5e9, "USD", None),
        ("It raised £7m last year.", "£7m", 7e6, "GBP", None),
        ("A bill of US$50 million was paid.", "US$50 million", 5e7, "USD", None),
        ("Costs rose to €3.5bn.", "€3.5bn", 3.5e9, "EUR", None),
        ("It was worth HK$10 billion.", "HK$10 billion", 1e10, "HKD", None),
        ("They paid 2.5 million euros.", "2.5 million euros", 2.5e6, "EUR", None),
        ("It cost 500 billion rubles.", "500 billion rubles", 5e11, "RUB", None),
        ("A fee of 40 Australian dollars applies.", "40 Australian dollars", 40, "AUD", None),
        ("It costs Rs 500 crore.", "Rs 500 crore", 5e9, "INR", None),
        ("Fares rose 17 cents.", "17 cents", 0.17, "USD", None),
        ("Unemployment rose to 5.4%.", "5.4%", 5.4, "percent", None),
        ("Inflation hit 75 per cent.", "75 per cent", 75, "percent", None),
        ("a 0.5 percentage point fall", "0.5 percentage point", 0.5, "percentage point", None),
        ("They seized 3 tonnes.", "3 tonnes", 3, "tonne", None),
        ("They seized 500 kg.", "500 kg", 500, "kilogram", None),
        ("It flew 5,600 miles.", "5,600 miles", 5600, "mile", None),
        ("It burned 1,200 square kilometres.", "1,200 square kilometres", 1200, "square kilometre", None),
        ("It drove at 10 km/h.", "10 km/h", 10, "kilometre per hour", None),
        ("Temperatures reached 40C.", "40C", 40, "degree Celsius", None),
        ("It fell to -3C.", "-3C", -3, "degree Celsius", None),
        ("It hit 40°C.", "40°C", 40, "degree Celsius", None),
        ("It hit 104 degrees Fahrenheit.", "104 degrees Fahrenheit", 104, "degree Fahrenheit", None),
        ("It ran the 100m sprint.", "100m", 100, "metre", None),
        ("There were over 1.3 million of them.", "over 1.3 million", 1.3e6, None, "more_than"),
        ("They said more than 5,000 had come.", "more than 5,000", 5000, None, "more_than"),
        ("They said some 40 had come.", "some 40", 40, None, "approximately"),
        ("They said about 2,000 had come.", "about 2,000", 2000, None, "approximately"),
        ("They said nearly 14,000 had come.", "nearly 14,000", 14000, None, "nearly"),
        ("They said almost 300 had come.", "almost 300", 300, None, "nearly"),
        ("They said at least 12 had come.", "at least 12", 12, None, "at_least"),
        ("They said up to 500 had come.", "up to 500", 500, None, "at_most"),
        ("They said fewer than 30 had come.", "fewer than 30", 30, None, "less_than"),
        ("They said 30 or more had come.", "30 or more", 30, None, "at_least"),
        ("They said 50,000-plus had come.", "50,000-plus", 50000, None, "more_than"),
        ("They said seven million had come.", "seven million", 7e6, None, None),
        ("They said twenty-five had come.", "twenty-five", 25, None, None),
        (
            "They said three hundred and fifty thousand had come.",
            "three hundred and fifty thousand",
            350000,
            None,
            None,
        ),
        ("They said half a million had come.", "half a million", 5e5, None, None),
    ],
)
def test_values_units_and_modifiers(text, span, value, unit, mod):
    quantity = _one(_blank(text))
    assert quantity.text == span
    assert text[quantity.start : quantity.end] == span
    assert quantity.value == pytest.approx(value)
    assert quantity.unit == unit
    assert quantity.mod == mod


@pytest.mark.parametrize(
    ("text", "span", "low", "high"),
    [
        ("Between 30 and 40 people died.", "Between 30 and 40", 30, 40),
        ("Police said 30-40 people died.", "30-40", 30, 40),
        ("Police said 30–40 people died.", "30–40", 30, 40),  # one token with an en dash
        ("Some 30-40 people died.", "Some 30-40", 30, 40),  # the modifier is part of the span
        ("They expect 3 to 4 million visitors.", "3 to 4 million", 3e6, 4e6),
        ("It costs between $12 million and $20 million.", "between $12 million and $20 million", 12e6, 20e6),
        ("They saw two or three people.", "two or three", 2, 3),
    ],
)
def test_ranges(text, span, low, high):
    quantity = _one(_blank(text))
    assert (quantity.text, quantity.low, quantity.high) == (span, pytest.approx(low), pytest.approx(high))
    assert quantity.value == pytest.approx((low + high) / 2)


def test_money_range_keeps_its_currency():
    quantity = _one(_blank("It costs between $12 million and $20 million."))
    assert (quantity.unit, quantity.category) == ("USD", "money")


@pytest.mark.parametrize(
    ("text", "value", "mod"),
    [
        ("They were joined by tens of thousands of protesters.", 10_000, "more_than"),
        ("Thousands of people fled.", 1_000, "more_than"),
        ("Dozens of villages burned.", 12, "more_than"),
        ("They met a dozen people.", 12, None),  # "a dozen" is exact
    ],
)
def test_vague_counts_are_lower_bounds(text, value, mod):
    quantity = _one(_blank(text))
    assert (quantity.value, quantity.mod) == (value, mod)


@pytest.mark.parametrize(
    ("text", "value"),
    [("Half of the voters stayed home.", 0.5), ("A third of voters abstained.", 1 / 3), ("two-thirds of them", 2 / 3)],
)
def test_fractions(text, value):
    quantity = _one(_blank(text))
    assert quantity.value == pytest.approx(value)
    assert (quantity.unit, quantity.category) == ("fraction", "proportion")


def test_rates():
    barrels = _one(_blank("The pipeline carries 100,000 barrels a day."))
    assert (barrels.text, barrels.unit, barrels.per) == ("100,000 barrels a day", "barrel", "day")
    wage = _one(_blank("Wages were cut by CA$19 per hour."))
    assert (wage.value, wage.unit, wage.per) == (19, "CAD", "hour")


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("A 45-year-old man was arrested.", 45, "year"),
        ("A five-month-old baby was found.", 5, "month"),
        ("He is 45 years old.", 45, "year"),
        ("A man aged 45 was arrested.", 45, "year"),
    ],
)
def test_ages(text, value, unit):
    quantity = _one(_blank(text))
    assert (quantity.value, quantity.unit, quantity.category) == (value, unit, "age")


@pytest.mark.parametrize(
    "text",
    [
        "It happened in 2019.",  # a year
        "The 2024 election is close.",
        "It happened in the 1990s.",  # a decade
        "Since '82 it has grown.",
        "It was signed on March 21, 2024.",  # dates
        "It was signed on 21 March.",
        "They met at 3 p.m. on Friday.",  # a clock time
        "They met at 10:30.",
        "The war has lasted five months.",  # durations belong to the time expressions
        "They agreed a six-week pause.",
        "It lasted between 60 and 90 days.",
        "He came first, in 21st place.",  # ordinals
        "Article 5 of the treaty was invoked.",  # labels and names
        "Resolution 2728 passed.",
        "Call 555-1234 now.",  # a phone number
        "Its serial number is 001.",
        "The two men met.",  # a reference back
        "One of them left.",
        "The Boeing 787 flew. Later the 787 landed.",  # a model, named and then bare
        "The Airbus A380-800 flew.",
        "They drove the Five Hundred.",
    ],
)
def test_not_quantities(text):
    assert _blank(text) == []


def test_time_expressions_are_left_to_the_time_extractor():
    text = "They talked for more than 40 minutes and released 40 prisoners."
    doc = _BLANK(text)
    start = text.index("more than")
    document = Document(id="t", text=text)
    document.time_expressions = [TimeExpression(start, start + 23, text[start : start + 23], "DURATION", "PT40M")]
    (quantity,) = extract_quantities(doc, document)
    assert quantity.start == text.index("40 prisoners")


def test_offsets_are_exact():
    text = "Rafah, where over 1.3 million Palestinians live, got $5m in aid and 3 tonnes of flour."
    quantities = _blank(text)
    assert [q.text for q in quantities] == ["over 1.3 million", "$5m", "3 tonnes"]
    for quantity in quantities:
        assert text[quantity.start : quantity.end] == quantity.text


# --- the thing counted, people and pounds (the model's parse) --------------------------


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "what", "unit", "category"),
    [
        ("The release of the remaining 134 hostages was agreed.", "remaining hostages", "people", "count"),
        ("Over 1.3 million Palestinians in Rafah are at risk.", "Palestinians in Rafah", "people", "count"),
        ("Union officials said nearly 14,000 employees went on strike.", "employees", "people", "count"),
        ("GM plans to close 12 facilities by 2008.", "facilities", "count", "count"),
        ("Airbus will lease 100 mid-air tanker aircraft.", "mid-air tanker aircraft", "count", "count"),
        ("They seized 3 tonnes of cocaine at the port.", "cocaine", "tonne", "mass"),
        ("Britain pledged $14 billion in funds to the region.", "funds", "USD", "money"),
        ("Ford will fire 12% of its executive officers.", "executive officers", "percent", "proportion"),
        ("A 45-year-old man was arrested on Monday.", "man", "year", "age"),
        ("Mary Barra, 51, will lead the company.", "Mary Barra", "year", "age"),
        ("It was among 1.3m people affected.", "people", "people", "count"),
    ],
)
def test_what_is_counted(parsed, text, what, unit, category):
    quantity = _one(parsed(text))
    assert (quantity.what, quantity.unit, quantity.category) == (what, unit, category)
    assert quantity.what_start is not None and quantity.what_end is not None
    assert what.split()[-1] in text[quantity.what_start : quantity.what_end]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "value", "low", "what"),
    [("They saw two or three cars.", 2.5, 2, "cars"), ("They bought a dozen eggs.", 12, None, "eggs")],
)
def test_small_word_numbers_count_what_the_parse_names(parsed, text, value, low, what):
    quantity = _one(parsed(text))
    assert (quantity.value, quantity.low, quantity.what, quantity.unit) == (value, low, what, "count")


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "unit", "category"),
    [
        ("Officials said seven million pounds of food had entered Gaza.", "pound", "mass"),
        ("She bought 5 pounds of potatoes at the market.", "pound", "mass"),
        ("He lost 20 pounds in a month of training.", "pound", "mass"),
        ("Britain pledged 7 million pounds in aid.", "GBP", "money"),
        ("He paid 30 pounds for the ticket.", "GBP", "money"),
        ("The club raised five million pounds of funding.", "GBP", "money"),
        ("It cost £7 million.", "GBP", "money"),
        ("The shipment weighed 300 lbs.", "pound", "mass"),
    ],
)
def test_pounds_are_weight_or_sterling(parsed, text, unit, category):
    quantity = _one(parsed(text))
    assert (quantity.unit, quantity.category) == (unit, category)


# --- scores, tallies, the match clock, crowds ----------------------------------------------


def _two_sided(quantities: list[Quantity]) -> list[tuple[str, float | None, float | None, str | None, str | None]]:
    return [(q.text, q.value, q.against, q.unit, q.category) for q in quantities if q.against is not None]


def test_scores_have_both_sides(parsed):
    assert _two_sided(parsed("Rovers beat the visitors 4-0 on Saturday.")) == [("4-0", 4.0, 0.0, "score", "score")]
    assert _two_sided(parsed("Her side drew 2–2 after two late goals.")) == [("2–2", 2.0, 2.0, "goals", "score")]
    # The smaller figure first needs its contest word right beside it.
    assert _two_sided(parsed("It was a painful 0-3 defeat for the hosts.")) == [("0-3", 0.0, 3.0, "score", "score")]


def test_vote_tallies(parsed):
    assert _two_sided(parsed("Councillors voted 9-3 against the proposal.")) == [("9-3", 9.0, 3.0, "votes", "vote")]
    assert _two_sided(parsed("The bill passed by 310 votes to 205.")) == [
        ("310 votes to 205", 310.0, 205.0, "votes", "vote")
    ]
    assert _two_sided(parsed("The motion fell, with three in favour and eight against.")) == [
        ("three in favour and eight against", 3.0, 8.0, "votes", "vote")
    ]
    # One number of a tally is not also a count of its own.
    assert len(parsed("The bill passed by 310 votes to 205.")) == 1


def test_pairs_without_a_contest_or_a_vote_are_neither(parsed):
    assert _two_sided(parsed("The recipe needs 3-2 parts flour to water.")) == []
    ranged = _one(parsed("Temperatures will reach 20-25 degrees."))
    assert (ranged.low, ranged.high, ranged.against) == (20.0, 25.0, None)
    assert _two_sided(parsed("The jet seats 200-250 passengers.")) == []


def test_match_minutes(parsed):
    minutes = {q.text: q for q in parsed("Her 73rd-minute header cancelled out a goal in the 12th minute.")}
    header = minutes["73rd-minute"]
    assert (header.value, header.unit, header.category, header.what) == (73.0, "minute", "match time", "header")
    assert (minutes["12th minute"].value, minutes["12th minute"].unit) == (12.0, "minute")
    clock = _one(parsed("The keeper was sent off on 64 minutes."))
    assert (clock.text, clock.value, clock.category) == ("64 minutes", 64.0, "match time")


def test_a_crowd_counts_people(parsed):
    crowd = _one(parsed("A crowd of 31,200 packed the stadium."))
    assert (crowd.value, crowd.unit, crowd.category, crowd.what) == (31200.0, "people", "count", "crowd")
    assert crowd.what_start is not None and crowd.what_end is not None
    workforce = _one(parsed("The plant has a workforce of 1,800."))
    assert (workforce.unit, workforce.what) == ("people", "workforce")


def test_extractor_registry():
    extractor = EXTRACTORS["quantities"]
    assert extractor.field == "quantities" and extractor.run is extract_quantities
    assert extractor.needs == frozenset({"parse", "entities"})
    names = list(EXTRACTORS)
    assert names.index("quantities") > names.index("entities")


# --- the seed article ------------------------------------------------------------------


@pytest.mark.model
def test_seed_quantities(seed_doc, seed_expected):
    found = {q.text: q for q in seed_doc.quantities}
    for expected in seed_expected["quantities"]:
        quantity = found.get(expected["text"])
        assert quantity is not None, f"{expected['text']!r} not found in {sorted(found)}"
        assert quantity.value == expected["value"]
        assert expected["unit"] in {quantity.unit, f"{quantity.unit} ({quantity.category})"}
        assert quantity.mod == expected.get("mod")
        # The reference describes the thing counted in full ("food that entered Gaza on
        # Thursday"); the record holds the words of its noun phrase, all in that description.
        assert quantity.what and set(quantity.what.split()) <= set(expected["what"].split())
        assert seed_doc.text[quantity.start : quantity.end] == quantity.text
    # Dates, durations ("six-week"), names ("C-17") and "the two men" are not quantities.
    assert len(seed_doc.quantities) == len(seed_expected["quantities"])
