"""Near-duplicate detection with MinHash/LSH."""

from __future__ import annotations

from newsgraph.link.duplicates import DuplicateIndex, shingles, signature

WIRE = (
    "The central bank raised its main interest rate by a quarter of a percentage point on Tuesday, "
    "the third increase this year, saying inflation remained well above its target and that the labour "
    "market was still tight. Officials signalled that further rises were possible if price pressures "
    "did not ease over the coming months, and markets moved to price in another increase by the summer."
)
OTHER = (
    "Heavy rain flooded dozens of homes along the river overnight, and firefighters rescued two people "
    "from a car trapped by rising water. The council opened an emergency shelter in the school hall and "
    "warned residents to stay away from the banks until the level had fallen."
)


def test_shingles_are_word_five_grams():
    assert shingles("One two three four five six") == {b"one two three four five", b"two three four five six"}
    assert shingles("Too short") == {b"too short"}
    assert shingles("") == set()


def test_wire_copy_links_to_the_first_copy():
    index = DuplicateIndex()
    assert index.add("a", signature(WIRE), "2024-03-01") is None
    assert index.add("b", signature(OTHER), "2024-03-01") is None
    copy = WIRE.replace("on Tuesday", "on Tuesday (Reuters)")
    match = index.add("c", signature(copy), "2024-03-02")
    assert match is not None and match.root == "a" and match.similarity >= 0.8
    assert index.root_of("c") == "a"


def test_rewritten_story_is_not_a_copy():
    index = DuplicateIndex()
    index.add("a", signature(WIRE), None)
    rewrite = (
        "Borrowing costs went up again on Tuesday as the central bank lifted rates for a third time this year; "
        "officials blamed stubborn inflation and a tight jobs market and left the door open to more."
    )
    assert index.add("b", signature(rewrite), None) is None


def test_an_earlier_copy_becomes_the_root():
    index = DuplicateIndex()
    index.add("late", signature(WIRE), "2024-03-05")
    index.add("later", signature(WIRE + " Updated."), "2024-03-06")
    match = index.add("early", signature(WIRE + " (AP)"), "2024-03-01")
    assert match is not None and match.root == "early"
    assert set(match.rerooted) == {"late", "later"}
    assert index.root_of("late") == index.root_of("later") == "early"


def test_loading_stored_signatures_gives_the_same_answers():
    live = DuplicateIndex()
    live.add("a", signature(WIRE), "2024-03-01")
    rebuilt = DuplicateIndex()
    rebuilt.load("a", signature(WIRE), "2024-03-01", None)
    copy = signature(WIRE + " More.")
    assert live.add("b", copy, "2024-03-02") == rebuilt.add("b", copy, "2024-03-02")
