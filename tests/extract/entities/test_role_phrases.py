"""Roles read from the parse: agent nouns before names, appositives, relative clauses, credits."""

from __future__ import annotations

import pytest

from newsgraph.extract.entities.role_phrases import is_role_noun


def person(document, surname):
    found = [e for e in document.entities if e.type == "person" and e.name.endswith(surname)]
    assert found, [(e.name, e.type) for e in document.entities]
    return found[0]


@pytest.mark.parametrize(
    ("text", "surname", "title", "affiliation"),
    [
        ("The harbour was closed on Monday, marine biologist Marta Lindqvist said.", "Lindqvist", "biologist", None),
        (
            "Marta Lindqvist, a marine biologist at the University of Oslo, said the reefs were dying.",
            "Lindqvist",
            "biologist",
            "University of Oslo",
        ),
        ("Paul Okafor, chief financial officer, said sales had fallen.", "Okafor", "officer", None),
        ("Dana Whitfield, who heads the Harbour Trust, said the plan was sound.", "Whitfield", "head", "Harbour Trust"),
        ("Mark Ellis, prosecuting, told the court the boiler was unsafe.", "Ellis", "prosecutor", None),
        ("The study was led by Tomas Varga. Reporting by Lena Fischer; Editing by Tom Hale", "Hale", "editor", None),
    ],
)
def test_roles_from_the_parse(pipeline, text, surname, title, affiliation):
    entity = person(pipeline.analyze(text), surname)
    assert any(title in role.title for role in entity.roles), entity.roles
    if affiliation:
        assert any(role.affiliation and affiliation in role.affiliation for role in entity.roles), entity.roles


def test_no_role_without_a_role_noun(pipeline):
    entity = person(pipeline.analyze("Anna Berglund, 45, of Leeds, was arrested on Friday."), "Berglund")
    assert entity.roles == []


def test_an_appositive_role_makes_the_name_a_person(pipeline):
    document = pipeline.analyze("Orlan Vesk, an analyst at Harbour Research, said the shares were cheap.")
    assert person(document, "Vesk").roles


def test_role_nouns_by_form_not_by_list(nlp_tagged):
    doc = nlp_tagged("The welder and the novelist met the river and the government.")
    nouns = {t.text: is_role_noun(t) for t in doc if t.tag_ == "NN"}
    assert nouns == {"welder": True, "novelist": True, "river": False, "government": False}


@pytest.fixture(scope="module")
def nlp_tagged():
    from newsgraph.annotate import components_for, load_pipeline
    from newsgraph.config import DEFAULT_MODEL

    return load_pipeline(DEFAULT_MODEL, components_for({"entities", "parse", "tags"}))


def test_no_actor_code_from_a_surname_alone(pipeline):
    footballer = person(pipeline.analyze("Jonas Netanyahu scored twice for the visitors on Saturday."), "Netanyahu")
    assert footballer.actor_code is None
    leader = person(pipeline.analyze("Benjamin Netanyahu spoke to reporters in Jerusalem on Sunday."), "Netanyahu")
    assert leader.actor_code and leader.actor_code.startswith("ISR")
    # A surname with a title of the dictionary person's sector still finds the code.
    titled = person(pipeline.analyze("Prime Minister Netanyahu spoke to reporters in Jerusalem."), "Netanyahu")
    assert titled.actor_code and titled.actor_code.startswith("ISR")
