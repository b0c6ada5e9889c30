"""Queries across articles, on a small hand-made corpus: two copies of one story and a later one."""

from __future__ import annotations

import pyarrow.parquet as pq
import pytest
from store_records import make_document, person

from newsgraph.records import Event, Mention, Participation, Quantity, Quote, Sentence, Stance
from newsgraph.store import queries
from newsgraph.store.export import export

FILLER = (
    "Talks in the region continued through the week with officials from several countries meeting "
    "in a series of sessions that ran late into the night, according to people briefed on them, who "
    "described the mood as tense but workmanlike and said no agreement had yet been put on paper. "
)


def _span(text: str, part: str) -> tuple[int, int]:
    start = text.index(part)
    return start, start + len(part)


def story(
    doc_id: str,
    published: str,
    said: str,
    count: str,
    value: float,
    met_on: str,
    polarity: str,
    extra: str = "",
    url: str | None = None,
):
    text = (
        f"Antony Blinken met Benjamin Netanyahu on {met_on}. “{said}” Netanyahu said. "
        f"Over {count} people in Rafah are sheltering there. Blinken said he was {polarity} the operation. "
        + FILLER
        + extra
    )
    netanyahu = person(
        "per-n",
        "Benjamin Netanyahu",
        "Netanyahu",
        mentions=[Mention(*_span(text, "Benjamin Netanyahu"), "Benjamin Netanyahu", "PERSON", "per-n")],
    )
    blinken = person("per-b", "Antony Blinken", "Blinken", code="USAGOV")
    q_start, q_end = _span(text, said)
    n_start, n_end = _span(text, f"Over {count}")
    sentence = _span(text, f"Antony Blinken met Benjamin Netanyahu on {met_on}.")
    stance_start, stance_end = _span(text, f"Blinken said he was {polarity} the operation.")
    return make_document(
        text,
        doc_id=doc_id,
        published=published,
        url=url or f"https://news.example/{doc_id}",
        title=f"Story {doc_id}",
        entities=[netanyahu, blinken],
        quotes=[Quote(q_start, q_end, said, "direct", "Benjamin Netanyahu", "per-n", cue="said")],
        quantities=[Quantity(n_start, n_end, f"Over {count}", value, "people", "more_than", "people in Rafah")],
        events=[
            Event(
                *sentence,
                "met",
                sentence[0] + 15,
                sentence[0] + 18,
                code="040",
                source="Antony Blinken",
                source_entity="per-b",
                source_code="USAGOV",
                target="Benjamin Netanyahu",
                target_entity="per-n",
                target_code="ISRGOV",
                place="Tel Aviv",
                place_code="ISR",
                latitude=32.08,
                longitude=34.78,
                date=met_on,
                date_from="sentence",
                goldstein=1.0,
                quad_class=1,
            )
        ],
        stances=[
            Stance(
                "Antony Blinken",
                "the Rafah operation",
                "oppose" if polarity == "against" else "support",
                stance_start,
                stance_end,
                "per-b",
            )
        ],
    )


SAID = "There is no way for us to defeat Hamas without going into Rafah."
REWORDED = "There is no way for us to defeat Hamas without going in to Rafah!"


@pytest.fixture
def corpus(store):
    first = story("a", "2024-03-20", SAID, "1.3 million", 1.3e6, "2024-03-19", "against")
    copy = story("b", "2024-03-21", SAID, "1.3 million", 1.3e6, "2024-03-19", "against", extra="Updated.")
    later = story("c", "2024-03-25", REWORDED, "1.4 million", 1.4e6, "2024-03-18", "for")
    report = store.add([first, copy, later])
    assert (report.added, report.duplicates) == (3, 1)
    return store


def test_copy_is_linked_and_counted_once(corpus):
    roots = {r["doc_id"]: r["duplicate_of"] for r in corpus.fetch("SELECT doc_id, duplicate_of FROM articles")}
    first_id = corpus.scalar("SELECT id FROM articles WHERE doc_id = 'a'")
    assert roots == {"a": None, "b": first_id, "c": None}
    found = queries.quotes(corpus, speaker="Netanyahu")
    assert [q["text"] for q in found] == [SAID, REWORDED]
    assert [s["url"] for s in found[0]["sources"]] == ["https://news.example/a", "https://news.example/b"]
    source = found[0]["sources"][0]
    assert source["source_start"] == source["start"]  # source text == cleaned text here


def test_quotes_by_any_alias_topic_and_date(corpus):
    assert queries.quotes(corpus, speaker="Benjamin Netanyahu") == queries.quotes(corpus, speaker="netanyahu")
    assert queries.quotes(corpus, speaker="Blinken") == []
    assert len(queries.quotes(corpus, about="Hamas Rafah")) == 2
    assert queries.quotes(corpus, about="ceasefire") == []
    later = queries.quotes(corpus, speaker="Netanyahu", since="2024-03-22")
    assert [q["text"] for q in later] == [REWORDED]


def test_events_by_actor_code_place_and_date(corpus):
    assert len(queries.events(corpus, actor="Blinken")) == 2  # one per story, copies merged
    assert len(queries.events(corpus, code="04")) == 2
    assert queries.events(corpus, code="19") == []
    assert len(queries.events(corpus, place="ISR")) == 2
    only = queries.events(corpus, until="2024-03-18")
    assert [e["date"] for e in only] == ["2024-03-18"]


def test_timeline_orders_events_and_statements(corpus):
    items = queries.timeline(corpus, "Netanyahu")
    dates = [i["date"] for i in items]
    assert dates == sorted(dates)
    assert {i["type"] for i in items} == {"event", "statement"}
    assert all(i["sources"] for i in items)
    topic = queries.timeline(corpus, "Rafah")
    assert any(i["type"] == "statement" for i in topic)


def test_stance_change_is_reported(corpus):
    (holder,) = queries.stances(corpus, "rafah")
    assert holder["holder"] == "Antony Blinken"
    assert [p["polarity"] for p in holder["positions"]] == ["oppose", "support"]
    assert holder["changed"] and holder["current"] == "support"


def test_discrepancies_have_sources_on_both_sides(corpus):
    found = queries.discrepancies(corpus)
    (quote,) = found["quotes"]
    assert {v["text"] for v in quote["versions"]} == {SAID, REWORDED}
    (quantity,) = found["quantities"]
    assert [v["value"] for v in quantity["values"]] == [1.3e6, 1.4e6]
    assert len(quantity["values"][0]["sources"]) == 2  # the story and its copy
    (dates,) = found["event_dates"]
    assert [d["date"] for d in dates["dates"]] == ["2024-03-18", "2024-03-19"]


def test_search_and_actors(corpus):
    hits = queries.search(corpus, "sheltering Rafah")
    assert len(hits) == 3 and "[" in hits[0]["snippet"]
    assert queries.search(corpus, "volcano") == []
    blinken = queries.actors(corpus, entity_type="person", name="Blinken")
    assert [(a["name"], a["stories"], a["articles"], a["actor_code"]) for a in blinken] == [
        ("Antony Blinken", 2, 3, "USAGOV")
    ]
    netanyahu = queries.actors(corpus, name="Netanyahu")[0]
    assert netanyahu["quotes"] == 2 and "Netanyahu" in netanyahu["aliases"]


@pytest.mark.parametrize("fmt", ["parquet", "csv"])
def test_export_every_table_and_gdelt_events(corpus, tmp_path, fmt):
    written = export(corpus, tmp_path, fmt)
    names = {p.stem for p in written}
    assert {"articles", "quotes", "events", "events_gdelt"} <= names
    if fmt == "parquet":
        assert pq.read_table(tmp_path / "quotes.parquet").num_rows == corpus.counts()["quotes"]
        gdelt = pq.read_table(tmp_path / "events_gdelt.parquet").to_pylist()
        assert len(gdelt) == 2
        row = next(r for r in gdelt if r["SQLDATE"] == 20240319)
        assert (row["Actor1Code"], row["Actor2Code"], row["EventRootCode"], row["NumArticles"]) == (
            "USAGOV",
            "ISRGOV",
            "04",
            2,
        )
        assert row["ActionGeo_Lat"] == pytest.approx(32.08) and row["SOURCEURL"] == "https://news.example/a"
    else:
        assert (tmp_path / "articles.csv").read_text(encoding="utf-8").startswith('"')


def test_timeline_lists_what_the_actor_takes_part_in(store):
    text = "Netanyahu flew to Washington on Monday. He addressed Congress."
    netanyahu = person(
        "per-n", "Benjamin Netanyahu", "Netanyahu", mentions=[Mention(0, 9, "Netanyahu", "PERSON", "per-n")]
    )
    document = make_document(text, doc_id="actions", entities=[netanyahu])
    document.sentences = [Sentence(0, 39, 0), Sentence(40, len(text), 0)]
    document.participations = [
        Participation("per-n", "flew", 10, 14, "2024-03-18", "sentence"),
        Participation("per-n", "addressed", 43, 52, "XXXX-XX-XX", "none"),
    ]
    store.add([document])
    actions = [i for i in queries.timeline(store, "Netanyahu") if i["type"] == "action"]
    assert [a["event"] for a in actions] == ["flew", "addressed"]
    assert [a["date"] for a in actions] == ["2024-03-18", None]  # an unplaced action comes last, undated
    assert actions[0]["text"] == "Netanyahu flew to Washington on Monday."
    assert actions[0]["sources"][0]["start"] == 10 and actions[0]["sources"][0]["article_id"]


def test_timeline_tells_what_the_actor_did_from_what_was_done_to_it_once_per_sentence(store):
    text = "Netanyahu told Blinken and assured him. Blinken met Gantz on Monday and left."
    blinken = person(
        "per-b",
        "Antony Blinken",
        "Blinken",
        mentions=[Mention(15, 22, "Blinken", "PERSON", "per-b"), Mention(40, 47, "Blinken", "PERSON", "per-b")],
    )
    document = make_document(text, doc_id="roles", entities=[blinken])
    document.sentences = [Sentence(0, 39, 0), Sentence(40, len(text), 0)]
    document.participations = [
        Participation("per-b", "told", 10, 14, "2024-03-20", "story", "target"),
        Participation("per-b", "assured", 27, 34, "2024-03-20", "story", "target"),
        Participation("per-b", "met", 48, 51, "2024-03-18", "sentence", "agent"),
        Participation("per-b", "left", 71, 75, "2024-03-20", "story", "agent"),
    ]
    store.add([document])
    actions = [i for i in queries.timeline(store, "Blinken") if i["type"] == "action"]
    # The first sentence once, with both predicates; the second under the date of each clause.
    assert [(a["role"], a["event"], a["date"]) for a in actions] == [
        ("agent", "met", "2024-03-18"),
        ("target", "told, assured", "2024-03-20"),
        ("agent", "left", "2024-03-20"),
    ]
    did = queries.timeline(store, "Blinken", roles=["agent"])
    assert [i["event"] for i in did] == ["met", "left"]


def test_timeline_action_in_a_sentence_with_a_coded_event_is_not_repeated(store):
    text = "Blinken met Gantz in Tel Aviv.\n\nHe left on Friday."
    blinken = person("per-b", "Antony Blinken", "Blinken", mentions=[Mention(0, 7, "Blinken", "PERSON", "per-b")])
    document = make_document(text, doc_id="once", entities=[blinken])
    document.sentences = [Sentence(0, 30, 0), Sentence(32, len(text), 1)]
    # spaCy's sentence runs on over the paragraph break; the layout's does not.
    document.events = [Event(0, 32, "met", 8, 11, code="040", source="Antony Blinken", source_entity="per-b")]
    document.participations = [Participation("per-b", "met", 8, 11, "2024-03-22", "story", "agent")]
    store.add([document])
    items = queries.timeline(store, "Blinken")
    assert [(i["type"], i["text"]) for i in items] == [("event", "Blinken met Gantz in Tel Aviv.")]


@pytest.mark.parametrize("pattern", ["%", "_", "%a%", "\\", "B_inken"])
def test_like_wildcards_in_names_and_topics_match_literally(corpus, pattern):
    assert queries.actors(corpus, name=pattern) == []
    assert queries.quotes(corpus, speaker=pattern) == []
    assert queries.stances(corpus, pattern) == []
    assert queries.events(corpus, code=pattern) == []
    assert queries.events(corpus, actor=pattern) == []


@pytest.mark.parametrize("subject", ["%", "_", "\\", "B_inken", "?"])
def test_a_timeline_of_wildcards_is_empty(corpus, subject):
    assert queries.timeline(corpus, subject) == []


def test_names_still_match_by_part(corpus):
    assert [a["name"] for a in queries.actors(corpus, name="linke")] == ["Antony Blinken"]
    assert [s["holder"] for s in queries.stances(corpus, "rafah")] == ["Antony Blinken"]
    assert {e["code"] for e in queries.events(corpus, code="04")} == {"040"}
