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


# Written for these tests: a short news report in Chinese, Russian and Arabic.
CHINESE = (
    "市政府周二宣布，经过八个月的维修，港湾大桥将于下周一重新通车。市长在新闻发布会上表示，"
    "维修工程耗资一千四百万元，比原计划多出两百万元。交通部门提醒司机，通车初期大桥限速每小时四十公里，"
    "并建议市民尽量乘坐公共交通工具。“我们感谢市民的耐心，”市长说。"
)
RUSSIAN = (
    "Городские власти во вторник объявили, что мост через гавань вновь откроется для движения в понедельник "
    "после восьми месяцев ремонта. Мэр заявил журналистам, что работы обошлись в четырнадцать миллионов."
)
ARABIC = (
    "أعلنت السلطات المحلية يوم الثلاثاء أن جسر الميناء سيعاد فتحه أمام حركة المرور يوم الاثنين المقبل بعد "
    "ثمانية أشهر من أعمال الصيانة، وقال رئيس البلدية إن الأعمال كلفت أربعة عشر مليون دولار."
)


@pytest.mark.parametrize(
    ("text", "script"), [(CHINESE, "CJK"), (RUSSIAN, "Cyrillic"), (ARABIC, "Arabic")], ids=["zh", "ru", "ar"]
)
def test_letters_in_another_script_are_e024_whatever_the_identifier_says(text, script):
    with pytest.raises(InputError) as info:
        check_english(text, "a.txt")
    assert info.value.code.name == "E025"
    assert f"of its letters are in the {script} script" in info.value.message


def test_chinese_with_english_names_is_still_refused():
    text = CHINESE.replace("市长", "Mayor James Whitfield ").replace("交通部门", "the Transport Department ")
    with pytest.raises(InputError) as info:
        check_english(text)
    assert info.value.code.name == "E025"


def test_english_quoting_a_foreign_phrase_is_english():
    text = (
        ENGLISH_WITH_NAMES + " The banner read 港湾大桥 (Harbour Bridge) and the crowd chanted "
        "«Мост открыт», officials in Port Elliot said on Tuesday after the ceremony ended."
    )
    assert check_english(text) == "en"
