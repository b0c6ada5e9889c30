"""The PETRARCH-2 verb dictionary reader, on small snippets and on the bundled file."""

from __future__ import annotations

from newsgraph.extract.events.verbs import (
    Code,
    base_candidates,
    load_verb_dictionary,
    parse_code,
    parse_verb_dictionary,
    regular_forms,
)

SNIPPET = """
# a comment line
<!-- an XML comment -->
&CURRENCY
+DOLLAR
+EURO
+CASH_

&AUXVERB3_
+HAVE
+HAS

####### VERB PATTERNS #######

---  GRANT   [070]  ---
GRANT
GIVE {GAVE GIVEN GIVING GIVES}  # jw 11/14/91
DONATE [071]
+HAND_OVER {+HANDED_OVER +HANDS_OVER +HANDING_OVER}
- * &CURRENCY                  [071]   # GIVE 1
- * {MILITARY AID}             [072]   # GRANT
- &MILITARY_MISSING * AID      [073]
- * (TO +) (IN TALKS)          [046:046]
- * PROMISE                    [---]

---  MEET_PEOPLE   [040]  ---
MEET {MEETS MET MEETING}
- * (AT)                       [036:036]
- * CALLS                      [:020]

~ a (b . ATTACK) SAY = a b 112
"""


def _dictionary():
    return parse_verb_dictionary(SNIPPET.splitlines())


def test_codes() -> None:
    assert parse_code("042:043") == Code("042", "043")
    assert parse_code("---") == Code(None, None)
    assert parse_code(":020") == Code(None, "020")
    assert parse_code("190").event == "190"
    assert parse_code("---").empty


def test_regular_and_irregular_forms() -> None:
    d = _dictionary()
    # GRANT is regular: the reader generates its forms; GIVE lists all of its own.
    for form in ("GRANT", "GRANTS", "GRANTED", "GRANTING", "GAVE", "GIVEN", "GIVE"):
        assert d.forms[form][0].block == "GRANT", form
    assert "GIVED" not in d.forms  # irregular forms given: none generated
    assert d.lookup("donated")[0].code == Code("071")  # a verb's own code beats the block's
    assert d.lookup("granted")[0].code == Code("070")
    assert d.lookup("met")[0].block == "MEET_PEOPLE"


def test_lookup_finds_forms_the_generator_misses() -> None:
    d = parse_verb_dictionary(["--- STOP [190] ---", "STOP"])
    # PETRARCH's generator writes STOPED; the base-form fallback finds "stopped".
    assert d.lookup("stopped")[0].block == "STOP"
    assert d.lookup("stopping")[0].block == "STOP"
    assert "STOP" in base_candidates("STOPPED")
    assert regular_forms("CARRY") == ["CARRY", "CARRIES", "CARRIED", "CARRYING"]


def test_multi_word_verbs() -> None:
    d = _dictionary()
    forms = d.lookup("handed")
    assert forms[0].after == ("OVER",)
    assert forms[0].block == "GRANT"


def test_patterns_and_synsets() -> None:
    d = _dictionary()
    patterns = d.patterns["GRANT"]
    lines = {p.line.split("[")[0].strip(): p for p in patterns}
    currency = lines["- * &CURRENCY"]
    words = {seq for alternatives in currency.post for seq in alternatives}
    # Members and their plurals; a member ending in "_" gets no plural.
    assert {("DOLLAR",), ("DOLLARS",), ("EURO",), ("EUROS",), ("CASH",)} <= words
    assert ("CASHS",) not in words
    assert currency.origin == "GIVE"
    aid = lines["- * {MILITARY AID}"]
    assert aid.post == (frozenset({("MILITARY", "AID")}),)
    talks = lines["- * (TO +) (IN TALKS)"]
    assert talks.code == Code("046", "046")
    assert [p.target for p in talks.post_preps] == [True, False]
    # An undefined synonym set makes the pattern unusable, as in PETRARCH.
    assert not any("MISSING" in p.line for p in patterns)
    # Largest patterns first.
    assert [p.size for p in patterns] == sorted((p.size for p in patterns), reverse=True)


def test_transformations_are_kept() -> None:
    assert _dictionary().transformations == ["~ a (b . ATTACK) SAY = a b 112"]


def test_bundled_dictionary() -> None:
    d = load_verb_dictionary()
    assert len(d.patterns) > 300
    assert d.lookup("attacked")[-1].code.event == "190"
    assert d.lookup("criticized")[0].code.event == "111"
    assert d.transformations
