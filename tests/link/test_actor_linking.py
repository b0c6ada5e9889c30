"""Cross-article actor linking on records."""

from __future__ import annotations

from newsgraph.link.actors import ActorLinker, is_local, linking_names
from newsgraph.records import Entity, Mention


def entity(name: str, *aliases: str, entity_type: str = "person", nominal: tuple[str, ...] = ()) -> Entity:
    mentions = [Mention(0, len(a), a, "NOMINAL", "x", "nominal") for a in nominal]
    return Entity("x", name, entity_type, aliases=list(aliases), mentions=mentions)


def test_descriptions_are_not_linking_names():
    hamas = entity("Hamas", "the terror group", "The group", entity_type="organization", nominal=("The group",))
    assert linking_names(hamas) == []
    dermer = entity("Ron Dermer", "Dermer", "the Strategic Affairs Minister", "The minister")
    assert linking_names(dermer) == ["Dermer"]
    assert linking_names(entity("The Times", "The Times of London", entity_type="organization")) == [
        "The Times of London"
    ]


def test_same_person_across_articles_gets_one_id_and_the_fullest_name():
    linker = ActorLinker()
    first, renamed, _ = linker.link(entity("Biden", "President Biden"))
    assert renamed and linker.names[first] == "Biden"
    second, renamed, _ = linker.link(entity("Joe Biden", "Biden"))
    assert second == first and renamed and linker.names[first] == "Joe Biden"
    third, renamed, _ = linker.link(entity("Biden"))
    assert third == first and not renamed


def test_groups_described_alike_stay_apart():
    linker = ActorLinker()
    a, _, _ = linker.link(entity("Hamas", "the terror group", entity_type="organization"))
    b, _, _ = linker.link(entity("Hezbollah", "the terror group", entity_type="organization"))
    assert a != b


def test_replay_rebuilds_the_same_state():
    live = ActorLinker()
    stored = []
    for e in (entity("Tzahi Hanegbi"), entity("Tzachi Hanegbi", "Hanegbi"), entity("Hanegbi")):
        actor, _, names = live.link(e)
        stored.append((e.type, e.name, names, actor))
    replayed = ActorLinker()
    replayed.replay((t, n, names) for t, n, names, _ in stored)
    assert replayed.names == live.names
    probe = entity("Hanegbi")
    assert replayed.link(probe)[0] == live.link(probe)[0] == stored[0][3]


def test_descriptions_stay_inside_their_article():
    linker = ActorLinker()
    crowd = entity("most people", entity_type="person", nominal=("most people", "the people"))
    first, _, names = linker.link(crowd, "article-1")
    second, _, _ = linker.link(crowd, "article-2")
    assert first != second and is_local(first) and is_local(second) and names == []
    named, _, _ = linker.link(entity("Joe Biden", "Biden"), "article-1")
    assert not is_local(named)
    # A replay skips the local actors and rebuilds the index of names alone.
    replayed = ActorLinker()
    replayed.replay([("person", "most people", [], first), ("person", "Joe Biden", ["Biden"], named)])
    assert replayed.link(entity("Biden"))[0] == named
    assert replayed.index.resolve("person", "most people") != first
