"""Numbered user errors: one line, naming the input."""

from __future__ import annotations

import re

import pytest

from newsgraph.errors import ErrorCode, InputError, NewsgraphError


def test_codes_are_numbered_in_order_without_gaps():
    names = [code.name for code in ErrorCode]
    assert names == [f"E{n:03d}" for n in range(1, len(names) + 1)]
    assert len({code.value for code in ErrorCode}) == len(names)


def test_message_names_the_source_and_the_code():
    error = InputError(ErrorCode.E004, "a.txt", lang="de", confidence=0.995)
    assert (
        error.message
        == "a.txt: E004: text is not English (detected 'de' with confidence 0.99); newsgraph reads English news"
    )
    assert str(error) == error.message
    assert "\n" not in error.message


def test_with_source_attributes_only_unattributed_errors():
    error = InputError(ErrorCode.E001)
    assert error.message == "E001: input is empty"
    named = error.with_source("b.txt")
    assert isinstance(named, InputError)
    assert named.message == "b.txt: E001: input is empty"
    assert named.with_source("c.txt") is named


def test_as_dict_is_the_errors_file_record():
    error = NewsgraphError(ErrorCode.E009, "x.jsonl:3", value="tomorrow")
    assert error.as_dict() == {
        "input": "x.jsonl:3",
        "code": "E009",
        "message": "E009: invalid date 'tomorrow': expected YYYY-MM-DD",
    }


@pytest.mark.parametrize("code", list(ErrorCode), ids=lambda c: c.name)
def test_every_template_formats_to_one_line(code):
    fields: dict[str, object] = dict.fromkeys(re.findall(r"{(\w+)", code.value), "x")
    fields.update(dict.fromkeys(re.findall(r"{(\w+):", code.value), 0.5))  # numbers for number formats
    text = code.format(**fields)
    assert text.startswith(f"{code.name}: ")
    assert "{" not in text and "\n" not in text
