"""Language identification: non-English news is refused with E004 (no model)."""

from __future__ import annotations

import pytest

from newsgraph.errors import InputError
from newsgraph.ingest import check_english

GERMAN = (
    "Die Bundesregierung hat am Dienstag ein neues Gesetz zur Förderung erneuerbarer Energien beschlossen. "
    "Wirtschaftsminister Robert Habeck sagte in Berlin, die Maßnahmen würden den Ausbau von Wind- und "
    "Solarkraft deutlich beschleunigen. Kritiker aus der Opposition warnten vor steigenden Strompreisen."
)
SPANISH = (
    "El Gobierno de España aprobó el martes un nuevo plan para reducir el consumo de agua en las regiones más "
    "afectadas por la sequía. La ministra de Transición Ecológica dijo en Madrid que las medidas entrarán en "
    "vigor el próximo mes y que los agricultores recibirán ayudas adicionales."
)
ENGLISH_WITH_NAMES = (
    "Strategic Affairs Minister Ron Dermer and National Security Adviser Tzahi Hanegbi are expected to lead a "
    "delegation to Washington next week to discuss the issue with the US."
)


@pytest.mark.parametrize(("text", "lang"), [(GERMAN, "de"), (SPANISH, "es")], ids=["german", "spanish"])
def test_non_english_news_is_e004(text, lang):
    assert len(text) > 250
    with pytest.raises(InputError) as info:
        check_english(text, "a.txt")
    assert info.value.code.name == "E004"
    assert f"detected '{lang}'" in info.value.message
    assert info.value.message.startswith("a.txt: ")


def test_english_with_many_names_is_english():
    assert check_english(ENGLISH_WITH_NAMES) == "en"


def test_too_short_to_tell_is_let_through():
    assert check_english("Bundesregierung beschließt Gesetz") is None
