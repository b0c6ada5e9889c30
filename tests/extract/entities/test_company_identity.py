"""Companies: one entity across name forms, "the company" only for a business, organisation cues."""

from __future__ import annotations


def entities_of(pipeline, text):
    return pipeline.analyze(text).entities


def test_a_registered_name_and_its_short_name_are_one_company(pipeline):
    found = entities_of(
        pipeline,
        "Corvane Foods Inc. said on Monday it would close two plants. Corvane has struggled since the "
        "drought, and shares in Corvane fell 4 percent.",
    )
    companies = [e for e in found if e.type == "organization"]
    assert [e.name for e in companies] == ["Corvane Foods Inc."], [(e.name, e.type) for e in found]
    assert "Corvane" in companies[0].aliases


def test_an_adjective_is_no_short_name(pipeline):
    found = entities_of(pipeline, "European Aeronautic Defence & Space NV said European airlines cut orders.")
    assert not any(e.name == "European" and e.type == "organization" for e in found)


def test_the_company_never_refers_to_a_public_body(pipeline):
    found = entities_of(
        pipeline,
        "The European Commission opened an inquiry on Monday. The company said it would appeal against the fine.",
    )
    commission = next(e for e in found if e.name.endswith("European Commission"))
    assert "The company" not in commission.aliases, commission.aliases


def test_an_organisation_noun_before_a_name_types_it(pipeline):
    found = entities_of(
        pipeline, "The money raised went to the charity Brellow, which runs hospices, and Brellow thanked the donors."
    )
    brellow = [e for e in found if e.name == "Brellow"]
    assert brellow and brellow[0].type == "organization", [(e.name, e.type) for e in found]
