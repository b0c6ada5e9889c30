"""Time expressions: recognition, TIMEX3 values, anchoring, tense, publication-date inference.

Most cases run on plain text (``find_time_expressions``, word-list tense); the ``model`` tests
go through the pipeline, where the tagger decides tense.
"""

from __future__ import annotations

from datetime import date

import pytest

from newsgraph.extract.time import find_time_expressions
from newsgraph.extract.time import normalize as nz
from newsgraph.extract.time.published import infer_published
from newsgraph.records import Caption, Document, Paragraph


def found(text: str, published: str | None = "2024-03-22") -> dict[str, tuple[str, str | None, str | None]]:
    """``{expression text: (type, value, mod)}`` for ``text``."""
    return {t.text: (t.type, t.value, t.mod) for t in find_time_expressions(text, published)}


def value_of(text: str, expression: str, published: str | None = "2024-03-22") -> str | None:
    matches = [t for t in find_time_expressions(text, published) if t.text == expression]
    assert matches, f"{expression!r} not found in {text!r}: {found(text, published)}"
    return matches[0].value


# --- the seed article -------------------------------------------------------------------------


@pytest.mark.model
def test_seed_time_expressions_in_the_body(seed_doc, seed_expected):
    got = {(t.text, t.type, t.value, t.mod) for t in seed_doc.time_expressions}
    body_items = [e for e in seed_expected["time_expressions"] if e["text"] in seed_doc.text]
    assert len(body_items) == len(seed_expected["time_expressions"]) - 1  # one is only in the captions
    for item in body_items:
        assert (item["text"], item["type"], item["value"], item.get("mod")) in got


@pytest.mark.model
def test_seed_caption_date(seed_doc, seed_expected):
    caption_items = [e for e in seed_expected["time_expressions"] if e["text"] not in seed_doc.text]
    caption_values = {
        (t.text, t.type, t.value) for c in seed_doc.captions for t in find_time_expressions(c.text, seed_doc.published)
    }
    for item in caption_items:
        assert (item["text"], item["type"], item["value"]) in caption_values


@pytest.mark.model
def test_seed_offsets_point_at_the_text(seed_doc):
    for t in seed_doc.time_expressions:
        assert seed_doc.text[t.start : t.end] == t.text
        source_start, source_end = seed_doc.source_span(t.start, t.end)
        assert seed_doc.source_text[source_start:source_end] == t.text


@pytest.mark.model
def test_seed_publication_date_is_inferred_without_metadata(pipeline, seed_txt_path, seed_expected):
    document = pipeline.analyze(seed_txt_path.read_text(encoding="utf-8"))
    assert document.published == seed_expected["document"]["published"]
    assert document.published_from == "inferred"
    assert document.published_evidence and "caption" in document.published_evidence
    assert any("inferred" in w for w in document.warnings)
    assert not any(w.startswith("no publication date") for w in document.warnings)
    values = {t.text: t.value for t in document.time_expressions}
    assert values["next week"] == "2024-W13"


# --- tense and weekday anchoring (tagger) ---------------------------------------------------------


@pytest.mark.model
@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The minister met his counterpart on Tuesday to discuss the crisis.", "2024-03-19"),
        ("The minister will meet his counterpart on Tuesday to discuss the crisis.", "2024-03-26"),
        ("The minister is scheduled to meet his counterpart on Tuesday in Cairo.", "2024-03-26"),
        ("The minister has met his counterpart twice since Monday, officials said.", "2024-03-18"),
        ("Talks are expected to resume in April after the holiday.", "2024-04"),
        ("Talks resumed in April after the holiday, the ministry said.", "2023-04"),
    ],
)
def test_tense_decides_direction(pipeline, sentence, expected):
    document = pipeline.analyze(sentence, published="2024-03-22")  # a Friday
    values = [t.value for t in document.time_expressions]
    assert expected in values, values


def test_weekday_of_publication_day_and_nearest_without_tense():
    assert value_of("Officials gave details on Friday.", "Friday") == "2024-03-22"
    # No verb to go on: two days back is the recent past, not five days ahead.
    assert value_of("Wednesday: the talks in Doha.", "Wednesday") == "2024-03-20"
    assert value_of("Next: the Monday session in Doha.", "Monday") == "2024-03-25"


def test_last_and_next_weekday_are_strict():
    assert value_of("It happened last Friday, officials said.", "last Friday") == "2024-03-15"
    assert value_of("It will happen next Friday, officials said.", "next Friday") == "2024-03-29"
    # The possessive does not undo "last": the Friday of last week, not the nearest one.
    assert value_of("Investigators studied last Friday's bombing.", "last Friday", "2024-03-26") == "2024-03-22"


@pytest.mark.model
@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Until Thursday, the police had not named a suspect.", "2024-03-21"),
        ("The court extended its deadline until Tuesday.", "2024-03-26"),
        ("The talks will go on until Tuesday.", "2024-03-26"),
    ],
)
def test_until_looks_ahead_unless_past_perfect(pipeline, sentence, expected):
    document = pipeline.analyze(sentence, published="2024-03-22")  # a Friday
    values = [t.value for t in document.time_expressions]
    assert expected in values, values


def test_dateline_date_anchors_wire_copy():
    # Filed on Thursday 21 March, published on the 22nd: "today" is the day of the dateline.
    text = "WASHINGTON, March 21 (Xinhua) --\n\nThe president said today that talks would go on."
    expressions = {t.text: t for t in find_time_expressions(text, "2024-03-22")}
    assert expressions["March 21"].value == "2024-03-21"
    assert expressions["today"].value == "2024-03-21"
    assert expressions["today"].anchor == "2024-03-21"
    # A date in the first sentence of a story is not a dateline.
    text = "He left on March 21, and said today that talks would go on."
    assert value_of(text, "today") == "2024-03-22"
    # Nor is a dateline far from the publication date.
    assert value_of("WASHINGTON, March 2 --\n\nHe said today that it was over.", "today") == "2024-03-22"


# --- dates and years -----------------------------------------------------------------------------


def test_year_rollover_takes_the_nearest_year():
    assert value_of("The ceasefire began on December 30 and held.", "December 30", "2024-01-02") == "2023-12-30"
    assert value_of("Elections are due on January 5, officials said.", "January 5", "2023-12-28") == "2024-01-05"
    assert value_of("its October 7 attack against the Jewish state", "October 7") == "2023-10-07"


@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        ("He was born on March 5, 1946, in Prague.", "March 5, 1946", "1946-03-05"),
        ("Talks opened on 21 March 2024 in Geneva.", "21 March 2024", "2024-03-21"),
        ("The contract was signed in January 1998.", "January 1998", "1998-01"),
        ("The plant opened in 1995.", "1995", "1995"),
        ("Prices fell in the 1980s.", "1980s", "198X"),
        ("Growth slowed in the early 1990s.", "early 1990s", "199X"),
        ("It will open in mid-2025.", "mid-2025", "2025"),
        ("Profits rose in the first quarter of 2023.", "first quarter of 2023", "2023-Q1"),
        ("The report is due in the summer of 2022.", "summer of 2022", "2022-SU"),
        ("Wars marked the 20th century.", "20th century", "19"),
        ("The file is dated 2024-03-21.", "2024-03-21", "2024-03-21"),
        ("It was posted on 7/8/07 online.", "7/8/07", "2007-07-08"),
    ],
)
def test_explicit_dates(text, expression, value):
    assert value_of(text, expression) == value


def test_a_weekday_picks_the_year_of_a_day_and_month():
    # 26 October fell on a Monday in 1998, not in 1997 or 1999.
    assert value_of("The Times said on Monday, Oct. 26: the war", "Monday, Oct. 26", "1999-03-01") == "1998-10-26"


def test_position_modifiers():
    assert found("Talks will resume in early March.")["early March"] == ("DATE", "2024-03", "START")
    assert found("Output fell in late November.")["late November"] == ("DATE", "2023-11", "END")
    assert found("It opens in mid-2025.")["mid-2025"] == ("DATE", "2025", "MID")
    assert found("He left at the end of the year.")["the end of the year"] == ("DATE", "2024", "END")


def test_relative_calendar_units():
    values = found("They came last week, will return next week, and leave next month; this year is busy.")
    assert values["last week"][1] == "2024-W11"
    assert values["next week"][1] == "2024-W13"
    assert values["next month"][1] == "2024-04"
    assert values["this year"][1] == "2024"
    assert value_of("The plan was agreed earlier this month.", "earlier this month") == "2024-03"
    assert value_of("The vote is this weekend.", "this weekend") == "2024-W12-WE"


def test_deictic_words_and_references():
    values = found("Today he flies, tomorrow he lands; yesterday he packed. It is now clear. The future is bright.")
    assert values["Today"][1] == "2024-03-22"
    assert values["tomorrow"][1] == "2024-03-23"
    assert values["yesterday"][1] == "2024-03-21"
    assert values["now"][1] == "PRESENT_REF"
    assert values["The future"][1] == "FUTURE_REF"
    assert found("They fear for their future.")["future"][1] == "FUTURE_REF"
    assert found("They began future talks.") == {}  # an adjective
    # Vague recency and discourse "Now" are not time expressions (TimeML corpora leave them out).
    assert found("He recently moved; the plane is currently in service.") == {}
    assert found("The war ended. Now the alliance is larger.") == {}
    assert found("It matters for today's youth.") == {}
    assert found("Today's meeting was short.")["Today"][1] == "2024-03-22"
    assert "now" not in found("the now-cancelled deal")  # a compound, not a time
    assert not any(t.text == "now" for t in find_time_expressions("We know the answer.", "2024-03-22"))


def test_ago_and_anaphora():
    assert value_of("The alliance was founded 50 years ago.", "50 years ago") == "1974"
    assert value_of("They left two weeks ago.", "two weeks ago") == "2024-W10"
    text = "The deal was signed on 5 May 2021. Two days later, fighting resumed. That same day, talks broke down."
    assert value_of(text, "Two days later") == "2021-05-07"
    anchored = {t.text: t.anchor for t in find_time_expressions(text, "2024-03-22")}
    assert anchored["Two days later"] == "2021-05-05"
    assert anchored["5 May 2021"] is None
    text = "Gonzalez fled in June 1998 and returned later that year."
    assert value_of(text, "later that year", "2000-01-28") == "1998"


def test_year_on_year_comparisons_keep_the_part_of_the_year():
    text = "Profit in the third quarter of 2023 rose 5 percent from a year earlier."
    assert value_of(text, "a year earlier") == "2022-Q3"
    text = "Unemployment was 7.7 percent in February, down from 7.9 percent a year earlier."
    assert value_of(text, "a year earlier") == "2023-02"
    assert value_of("Sales fell in the second half of 2023.", "second half of 2023") == "2023-H2"
    # After a day or a year, "a year later" is a year.
    assert value_of("The deal was signed on 5 May 2021. A year later, it collapsed.", "A year later") == "2022"
    anchored = {
        t.text: t.anchor for t in find_time_expressions("He moved in 2005. Two years later he left.", "2024-03-22")
    }
    assert anchored["Two years later"] == "2005-01-01"


def test_an_unnamed_quarter_follows_the_tense():
    # Published in the fourth quarter: a quarter the clause looks ahead to is next year's, one
    # it looks back on is this year's; with no tense, this year's.
    published = "2025-11-04"
    assert value_of("The merger will close in the second quarter.", "second quarter", published) == "2026-Q2"
    assert value_of("The sale is expected to complete in the first quarter.", "first quarter", published) == "2026-Q1"
    assert value_of("Output dropped in the second quarter.", "second quarter", published) == "2025-Q2"
    assert value_of("Second quarter: steady output.", "Second quarter", published) == "2025-Q2"
    assert value_of("Sales will recover in the fourth quarter.", "fourth quarter", published) == "2025-Q4"


@pytest.mark.model
def test_future_clauses_resolve_forward_with_the_tagger(pipeline):
    text = "The takeover is expected to close in the first quarter, and the new plant opens in February."
    document = pipeline.analyze(text, published="2025-11-04")
    values = {t.text: t.value for t in document.time_expressions}
    assert values["first quarter"] == "2026-Q1"
    # What is vowed or agreed lies ahead of the vow, even in the past tense.
    document = pipeline.analyze("The junta vowed to hold elections in the second quarter.", published="2025-11-04")
    assert [t.value for t in document.time_expressions] == ["2026-Q2"]
    document = pipeline.analyze("Output fell in the second quarter, the firm said.", published="2025-11-04")
    assert [t.value for t in document.time_expressions] == ["2025-Q2"]


def test_quoted_words_count_from_the_day_they_were_spoken():
    published = "2024-03-22"  # a Friday
    text = 'The coach said on Wednesday: "We play the final tonight and rest tomorrow."'
    values = found(text, published)
    assert values["Wednesday"][1] == "2024-03-20"
    assert values["tonight"][1] == "2024-03-20TNI"
    assert values["tomorrow"][1] == "2024-03-21"
    anchored = {t.text: t.anchor for t in find_time_expressions(text, published)}
    assert anchored["tonight"] == "2024-03-20"
    # The frame after the quotation dates it too; words outside quotation marks keep the publication day.
    text = "“The vote is today,” the mayor told reporters on Tuesday. The count ends today."
    expressions = find_time_expressions(text, published)
    assert [t.value for t in expressions if t.text.lower() == "today"] == ["2024-03-19", "2024-03-22"]


def test_a_quotation_keeps_the_publication_day_when_the_frame_dates_no_speech():
    published = "2024-03-22"
    # "Monday" dates the defeat, not the speaking: no verb of speech beside it.
    text = 'After the defeat on Monday, the captain was blunt: "We train again tomorrow."'
    assert value_of(text, "tomorrow", published) == "2024-03-23"
    assert value_of('"We leave tomorrow," she said.', "tomorrow", published) == "2024-03-23"


def test_the_match_clock_is_not_a_duration():
    assert "51 minutes" not in found("The striker equalised on 51 minutes with a header.")
    assert found("The talks lasted 51 minutes.")["51 minutes"] == ("DURATION", "PT51M", None)
    assert found("She was hired on five minutes' notice.")["five minutes"][0] == "DURATION"


def test_clock_times_take_the_date_of_their_sentence():
    assert value_of("The blast occurred at 10:35 a.m. (0735 GMT) Friday.", "10:35 a.m.", "1998-08-08") == (
        "1998-08-07T10:35"
    )
    assert value_of("The plane landed at 08:30 UTC.", "08:30 UTC") == "2024-03-22T08:30Z"
    assert value_of("The deadline will expire at 9 a.m. Tuesday.", "9 a.m. Tuesday") == "2024-03-26T09:00"
    assert found("They rallied on Friday night.")["Friday night"] == ("TIME", "2024-03-22TNI", None)


# --- durations, sets, ranges -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expression", "value", "mod"),
    [
        ("for more than five months we have stood together", "more than five months", "P5M", "MORE_THAN"),
        ("in exchange for a six-week pause to the war", "six-week", "P6W", None),
        ("the 16-hour operation", "16-hour", "PT16H", None),
        ("after 5 1/2 hours in Nairobi", "5 1/2 hours", "PT5H30M", None),
        ("almost two and a half years of talks", "almost two and a half years", "P2.5Y", "LESS_THAN"),
        ("held for at least 72 hours", "at least 72 hours", "PT72H", "EQUAL_OR_MORE"),
        ("over the past two months", "the past two months", "P2M", None),
        ("in recent days, police said", "recent days", "PXD", None),
        ("the country has been troubled for years", "years", "PXY", None),
        ("a decades-long embargo", "decades-long", "PXY", None),
        ("some 40 minutes of talks", "some 40 minutes", "PT40M", "APPROX"),
    ],
)
def test_durations(text, expression, value, mod):
    assert found(text)[expression] == ("DURATION", value, mod)


def test_ages_are_not_durations():
    assert found("a 44-year-old protester and his 6-year-old son") == {}


@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        ("Protesters gather every Friday in the square.", "every Friday", "XXXX-WXX-5"),
        ("The paper appears daily.", "daily", "P1D"),
        ("It meets every two weeks.", "every two weeks", "P2W"),
        ("The fund pays $5 million a year.", "a year", "P1Y"),
        ("The market opens on Sundays.", "Sundays", "XXXX-WXX-7"),
    ],
)
def test_sets(text, expression, value):
    assert found(text)[expression] == ("SET", value, None)


def test_newspaper_names_are_not_sets_or_times():
    assert "daily" not in found("the Communist Party daily Granma reported")
    assert "Noon" not in found("the film High Noon was shown")


def test_ranges_give_one_date_per_day():
    expressions = find_time_expressions("The summit runs March 21-23 in Geneva.", "2024-03-01")
    assert [(t.text, t.value) for t in expressions] == [("March 21", "2024-03-21"), ("23", "2024-03-23")]
    expressions = find_time_expressions("Votes are on April 24 and 25.", "1999-02-10")
    assert [t.value for t in expressions] == ["1999-04-24", "1999-04-25"]


def test_names_and_verbs_are_not_months():
    assert found("Theresa May met the press.") == {}
    assert found("They march on the capital.") == {}
    assert found("The ban lasts until May.")["May"] == ("DATE", "2024-05", None)


# --- without a publication date -------------------------------------------------------------------


def test_underspecified_values_without_an_anchor():
    values = found("They met on Thursday, and again on October 7; next week they meet again.", None)
    assert values["Thursday"][1] == "XXXX-WXX-4"
    assert values["October 7"][1] == "XXXX-10-07"
    assert values["next week"][1] == "XXXX-WXX"
    assert all(t.anchor is None for t in find_time_expressions("They met on Thursday.", None))


# --- calendar arithmetic --------------------------------------------------------------------------


def test_calendar_helpers():
    assert nz.add_months(date(2024, 1, 31), 1) == date(2024, 2, 29)
    assert nz.easter(2024) == date(2024, 3, 31)
    assert nz.holiday("thanksgiving", 1999) == date(1999, 11, 25)
    assert nz.holiday("election day", 1998) == date(1998, 11, 3)
    assert nz.day_month_year(date(2024, 1, 2), 12, 30, None) == 2023
    assert nz.season_year(date(1999, 4, 10), "FA", -1, strict=True) == 1998
    assert nz.duration_value(None, "decade") == "PXY"
    assert nz.duration_value(0.5, "hour") == "PT30M"


# --- publication-date inference --------------------------------------------------------------------


def _document(text: str, kinds: list[str], captions: list[str] = ()) -> Document:
    paragraphs, position = [], 0
    for paragraph, kind in zip(text.split("\n\n"), kinds, strict=True):
        paragraphs.append(Paragraph(position, position + len(paragraph), kind))  # type: ignore[arg-type]
        position += len(paragraph) + 2
    return Document(id="t", text=text, paragraphs=paragraphs, captions=[Caption(c) for c in captions])


def test_inference_from_a_dateline():
    document = _document(
        "Storm hits coast\n\nLONDON, 3 February 2025\n\nThe storm hit on Monday.", ["title", "dateline", "body"]
    )
    inferred = infer_published(document)
    assert inferred is not None
    assert (inferred.date, inferred.confidence) == ("2025-02-03", 0.9)
    assert "LONDON, 3 February 2025" in inferred.evidence


def test_inference_from_a_caption_and_a_later_past_weekday():
    text = "Talks in Cairo\n\nThe envoy met the cabinet on Friday, aides said."
    document = _document(text, ["title", "body"], ["The envoy in Jeddah, Saudi Arabia March 21, 2024."])
    inferred = infer_published(document)
    assert inferred is not None
    assert inferred.date == "2024-03-22"  # Thursday's caption, Friday's meeting already reported
    assert "caption" in inferred.evidence and "Friday" in inferred.evidence


def test_inference_takes_the_latest_explicit_date_and_never_invents_one():
    text = "Anniversary\n\nThe war began on June 5, 1967, and talks resumed on May 2, 2023."
    inferred = infer_published(_document(text, ["title", "body"]))
    assert inferred is not None and inferred.date == "2023-05-02" and inferred.confidence < 0.5
    assert infer_published(_document("Talks\n\nThe envoy met the cabinet on Friday.", ["title", "body"])) is None
