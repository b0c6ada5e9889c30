"""Paragraph units: lines, hard-wrapped blocks joined, bullets apart, exact offsets (no model)."""

from __future__ import annotations

from newsgraph.clean.units import normalise, split_units


def _check_offsets(text, units):
    for unit in units:
        assert unit.text == text[unit.start : unit.end].replace("\r", " ").replace("\n", " ")


def test_lines_and_blocks(data_dir):
    text = "Title line\n\n  First paragraph, indented.  \nSecond line of the block.\n\n\n\nLast.\n"
    units = split_units(text)
    assert [u.text for u in units] == [
        "Title line",
        "First paragraph, indented.",
        "Second line of the block.",
        "Last.",
    ]
    assert [u.block for u in units] == [0, 1, 1, 2]
    _check_offsets(text, units)


def test_hard_wrapped_paragraphs_are_joined_and_bullets_kept_apart(data_dir):
    text = (data_dir / "flood_defences_wrapped.txt").read_text(encoding="utf-8")
    units = split_units(text)
    assert [u.text[:40] for u in units] == [
        "Council approves new flood defences",
        "The city council voted on Monday to spen",
        "The plan includes:",
        "- a new barrier at the river mouth near ",
        "- raised embankments along both banks fo",
        "- pumping stations in the worst-hit stre",
        "Work is expected to begin in the spring ",
    ]
    joined = units[1].text
    assert "new flood defences along the river" in joined and "\n" not in joined
    assert joined.endswith("the council said.")
    _check_offsets(text, units)


def test_crlf_wrapped_text_keeps_offsets():
    line = "The city council voted on Monday to spend 40 million pounds on new flood"
    text = f"{line}\r\n{line}\r\n{line}\r\nend of it.\r\n"
    (unit,) = split_units(text)
    assert unit.start == 0 and unit.end == len(text.rstrip())
    assert "\r" not in unit.text and "\n" not in unit.text
    _check_offsets(text, [unit])


def test_short_lines_are_not_joined():
    text = "Home\nNews\nSport\nWeather\n"
    assert [u.text for u in split_units(text)] == ["Home", "News", "Sport", "Weather"]


def test_empty_text_has_no_units():
    assert split_units("") == []
    assert split_units("\n \n\t\n") == []


def test_normalise():
    assert normalise("  Tzahi  HANEGBI, the U.S. adviser! ") == "tzahi hanegbi the u s adviser"
