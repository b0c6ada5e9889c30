"""Helpers shared by the readers: dates, headlines, content ids (no model)."""

from __future__ import annotations

import datetime as dt

import pytest

from newsgraph.errors import InputError
from newsgraph.ingest import content_id, normalise_date
from newsgraph.ingest.article import looks_like_headline


@pytest.mark.parametrize(
    "value",
    [
        "2024-03-22",
        " 2024-03-22 ",
        "2024-03-22T10:15:00Z",
        "2024-03-22T23:59:59+05:00",
        "Fri, 22 Mar 2024 10:15:00 +0000",
        dt.date(2024, 3, 22),
        dt.datetime(2024, 3, 22, 10, 15),
    ],
)
def test_normalise_date(value):
    assert normalise_date(value) == "2024-03-22"


@pytest.mark.parametrize("value", ["2024-13-01", "2024-02-30", "22/03/2024", "March 22nd", "yesterday", ""])
def test_invalid_date_is_e009(value):
    with pytest.raises(InputError) as info:
        normalise_date(value, "x.jsonl:2")
    assert info.value.code.name == "E009"
    assert info.value.message.startswith("x.jsonl:2: E009")


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Israel will go it alone on Rafah if it has to, Netanyahu tells Blinken", True),
        ("Harbour bridge reopens after repairs", True),
        ("“We will do it alone”: Netanyahu defies Blinken", True),
        ("2024 budget passes Senate", True),
        ("Markets slide as rates rise...", True),
        ("The bridge reopened on Tuesday, officials said.", False),  # a sentence
        ("the bridge reopens", False),  # lower case
        ("Breaking", False),  # one word
        ("Harbour bridge reopens after repairs,", False),
        (" ".join(["word"] * 31).capitalize(), False),  # too long
    ],
)
def test_looks_like_headline(line, expected):
    assert looks_like_headline(line) is expected


def test_content_id_is_a_stable_sha256_prefix():
    assert content_id("abc") == "ba7816bf8f01cfea"
    assert content_id("abc") == content_id("abc") != content_id("abd")
