"""Stances: holders, targets and polarity from statements; the seed article's stances."""

from __future__ import annotations

import pytest

from newsgraph.records import Stance


def _stances(run, text: str) -> list[Stance]:
    docs, failures = run([{"id": "stance-test", "text": text}])
    assert failures == []
    return docs[0].stances


def _triples(stances: list[Stance]) -> set[tuple[str, str, str]]:
    return {(s.holder, s.target, s.polarity) for s in stances}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the target as the subject of an evaluation
        (
            "“A ground invasion of the city would be a catastrophe,” Foreign Minister Jane Doe said on Monday.",
            ("Jane Doe", "ground invasion", "oppose"),
        ),
        (
            "Prime Minister John Harper said the ceasefire was essential for the region.",
            ("John Harper", "ceasefire", "support"),
        ),
        # negation flips the evaluation and the stance verb
        ("Defence Minister Tom Reyes said the blockade was not a mistake.", ("Tom Reyes", "blockade", "support")),
        ("Senator Maria Lopez said she could not support the tax bill.", ("Maria Lopez", "tax bill", "oppose")),
        # stance verbs
        (
            "Opposition leader Carla Mendes said her party strongly opposes the pension reform.",
            ("Carla Mendes", "pension reform", "oppose"),
        ),
        (
            "Energy Minister Paul Grant said the government welcomed the trade agreement with Canada.",
            ("Paul Grant", "trade agreement", "support"),
        ),
        # necessity: "no way ... without X"
        (
            "President Ana Silva said there was no way to end the crisis without a ceasefire.",
            ("Ana Silva", "ceasefire", "support"),
        ),
    ],
)
def test_polarity_rules(run, text, expected):
    assert expected in _triples(_stances(run, text))


def test_no_holder_no_stance(run):
    assert _stances(run, "The ceasefire collapsed on Monday. It was a mistake from the start.") == []


def test_someone_elses_stance_is_not_the_speakers(run):
    # "failure to support X" reports another actor's position, not the speaker's
    stances = _stances(
        run,
        "Washington's failure to support the offensive will not stop us, Defence Minister Tom Reyes said on Monday.",
    )
    assert ("Tom Reyes", "offensive", "oppose") not in _triples(stances)


def test_mentions_of_one_target_are_one_target(run):
    text = (
        "Foreign Minister Jane Doe said a major military operation in Mosul would be a mistake.\n\n"
        "Defence Minister Tom Reyes said the operation was necessary."
    )
    stances = _stances(run, text)
    assert {s.target for s in stances} == {"military operation in Mosul"}
    assert ("Jane Doe", "military operation in Mosul", "oppose") in _triples(stances)
    assert ("Tom Reyes", "military operation in Mosul", "support") in _triples(stances)


def test_offsets_point_at_the_evidence(run):
    text = "Senator Maria Lopez said she could not support the tax bill."
    docs, _ = run([{"id": "stance-offsets", "text": text}])
    document = docs[0]
    (stance,) = document.stances
    assert document.text[stance.cue_start : stance.cue_end] == "support"
    assert document.text[stance.target_start : stance.target_end] == "the tax bill"
    assert stance.start <= stance.target_start < stance.target_end <= stance.end
    assert stance.holder_entity is not None


def test_seed_stances(seed_doc, seed_expected):
    found = _triples(seed_doc.stances)
    for expected in seed_expected["stances"]:
        holder, polarity = expected["holder"], expected["polarity"]
        matching = {(h, p) for h, t, p in found if t == expected["target"]}
        assert any(h.endswith(holder) or holder.endswith(h) for h, p in matching if p == polarity), (
            f"{holder} {polarity} {expected['target']} not in {sorted(found)}"
        )
    # every stance of the seed is about the one target, and nobody holds both positions
    by_holder = {}
    for holder, _, polarity in found:
        assert by_holder.setdefault(holder, polarity) == polarity


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a position taken by an act: the target is what the act is on, whatever its head
        ("Councillors voted against the development on Tuesday.", {("Councillors", "development", "oppose")}),
        ("Senator Mary Kell voted in favour of the tax bill.", {("Mary Kell", "tax bill", "support")}),
        ("The merger was rejected by shareholders.", {("shareholders", "merger", "oppose")}),
        ("Ms Kell did not support the ban.", {("Kell", "ban", "oppose")}),
        # every holder of the story gets their own, a pronoun taking the last act's target
        (
            "Labour backed the bill, while the Conservatives voted against it.",
            {("Labour", "bill", "support"), ("Conservatives", "bill", "oppose")},
        ),
    ],
)
def test_positions_taken_by_acts(run, text, expected):
    stances = _stances(run, text)
    assert _triples(stances) == expected
    assert all(s.evidence == "event" and s.cue for s in stances)
    assert all(text[s.target_start : s.target_end].endswith(s.target.split()[-1]) for s in stances)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an infinitive's holder is its governing verb's subject; a refusal flips it
        ("The board voted 5-2 to approve the merger.", {("board", "merger", "support")}),
        ("The regulator refused to back the takeover.", {("regulator", "takeover", "oppose")}),
        # a relative clause's holder is the named actor it hangs on
        (
            "Greenpeace, which opposed the pipeline, said little.",
            {("Greenpeace", "pipeline", "oppose")},
        ),
        # positions in a preposition, and welcoming a proposal
        ("Parents campaigned against the school closure.", {("Parents", "school closure", "oppose")}),
        ("The union welcomed the pay offer.", {("union", "pay offer", "support")}),
        ("Nurses objected to the rota changes.", {("Nurses", "rota changes", "oppose")}),
        # calling for something supports it; calling for an end to it opposes it
        ("Farmers called for a review of the subsidy scheme.", {("Farmers", "review", "support")}),
        ("Teachers called for an end to the pay cap.", {("Teachers", "pay cap", "oppose")}),
    ],
)
def test_more_acts_take_positions(run, text, expected):
    found = _triples(_stances(run, text))
    assert {(t, p) for _, t, p in found} == {(t, p) for _, t, p in expected}, found
    assert all(any(h.endswith(holder) for h, _, _ in found) for holder, _, _ in expected), found


@pytest.mark.parametrize(
    "text",
    [
        "The mayor welcomed everyone to the town hall.",  # a greeting
        "The firm was hired to lobby for the licence.",  # the act is not the subject's
        "The manager failed to approve the budget.",  # not done
        "A router that supports streaming went on sale.",  # a thing holds no view
        "The police chief called for calm after the match.",  # an appeal for conduct
    ],
)
def test_acts_that_take_no_position(run, text):
    assert _stances(run, text) == []


def test_a_stated_act_is_one_stance(run):
    # "said she backed the plan": the statement and the act are one stance, not two.
    stances = _stances(run, 'Mayor Ruth Cole said she backed the plan. "It is essential," Cole added.')
    holders = [s.holder for s in stances if s.polarity == "support"]
    assert len(holders) == len(set(holders)) == 1, stances
