"""The store on hand-built documents, against SQLite and PostgreSQL alike."""

from __future__ import annotations

import pytest
from store_records import make_document, person, quote

from newsgraph.ingest.article import content_id
from newsgraph.records import Caption, Event, Mention, Paragraph, Quantity, Removal, Role, Sentence, Stance
from newsgraph.records import TimeExpression as Timex
from newsgraph.store import open_store
from newsgraph.store.schema import MIGRATIONS

TEXT = "Blinken met Netanyahu in Tel Aviv on Friday. “We will go it alone,” Netanyahu said."


def full_document():
    """A document with every kind of record, nested ones included."""
    netanyahu = person(
        "per-n",
        "Benjamin Netanyahu",
        "Netanyahu",
        "Prime Minister Benjamin Netanyahu",
        mentions=[Mention(12, 21, "Netanyahu", "PERSON", "per-n"), Mention(73, 82, "Netanyahu", "PERSON", "per-n")],
        roles=[Role("Prime Minister", "Israel", margin_start=3, margin_end=17)],
        code="ISRGOV",
    )
    blinken = person("per-b", "Antony Blinken", "Blinken", mentions=[Mention(0, 7, "Blinken", "PERSON", "per-b")])
    doc = make_document(
        TEXT,
        entities=[netanyahu, blinken],
        quotes=[quote("We will go it alone,", "Benjamin Netanyahu", "per-n", start=47)],
        time_expressions=[Timex(37, 43, "Friday", "DATE", "2024-03-22", anchor="2024-03-22")],
        quantities=[Quantity(0, 3, "1.3", value=1.3, unit="people", what="Palestinians", low=1.2, high=1.4)],
        events=[
            Event(0, 44, "met", 8, 11, code="040", source="Antony Blinken", source_entity="per-b", target="Netanyahu")
        ],
        stances=[Stance("Benjamin Netanyahu", "Rafah", "support", 45, 84, holder_entity="per-n", evidence="quote")],
        title="Blinken meets Netanyahu",
    )
    doc.paragraphs = [Paragraph(0, 44, "body"), Paragraph(45, 84)]
    doc.sentences = [Sentence(0, 44, 0), Sentence(45, 84, 1)]
    doc.captions = [Caption("A caption", "REUTERS/X")]
    doc.removals = [Removal("near_duplicate", "Blinken met Netanyahu.", 90, 112, duplicate_of=0, similarity=97.5)]
    doc.credits = ["REUTERS/X"]
    doc.warnings = ["a warning"]
    doc.offset_map.add(0, 0, 44)
    doc.offset_map.add(46, 45, 38)
    return doc


def test_what_goes_in_comes_back_out(store):
    doc = full_document()
    report = store.add([doc])
    assert report.added == 1 and report.article_ids == [content_id(doc.text)]
    back = store.get_document(content_id(doc.text))
    assert back == doc
    assert back.as_dict(with_source=True) == doc.as_dict(with_source=True)


def test_migrations_recorded_once(store_url):
    with open_store(store_url) as store:
        assert store.schema_version == MIGRATIONS[-1].version
    with open_store(store_url) as store:  # reopening applies nothing twice
        assert store.scalar("SELECT COUNT(*) FROM schema_version") == len(MIGRATIONS)


def test_adding_twice_adds_nothing(store):
    docs = [full_document(), make_document("Another article about the budget.", doc_id="a2")]
    first = store.add(docs)
    counts = store.counts()
    again = store.add(docs)
    assert (first.added, again.added, again.skipped) == (2, 0, 2)
    assert store.counts() == counts


def test_exact_copy_from_another_input_is_one_more_source(store):
    original = make_document(TEXT, doc_id="outlet-a", url="https://a.example/1")
    copy = make_document(TEXT, doc_id="outlet-b", url="https://b.example/2")
    report = store.add([original, copy])
    assert (report.added, report.copies) == (1, 1)
    sources = store.fetch("SELECT url FROM article_sources ORDER BY seq")
    assert [s["url"] for s in sources] == ["https://a.example/1", "https://b.example/2"]


def test_failed_batch_rolls_back_and_state_recovers(store, store_url, monkeypatch, tmp_path):
    docs = [
        make_document(f"Story {i}: Antony Blinken met officials in city number {i}.", doc_id=f"d{i}") for i in range(4)
    ]
    for i, doc in enumerate(docs):
        doc.entities = [person(f"per-{i}", "Antony Blinken" if i % 2 else "Blinken", "Blinken")]
    store.add(docs[:2])
    before = store.dump()

    def broken(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(store, "_write_search_index", broken)
    with pytest.raises(RuntimeError):
        store.add(docs[2:])
    assert store.dump() == before  # nothing of the failed batch was kept
    monkeypatch.undo()
    store.add(docs[2:])

    reference_url = str(tmp_path / "reference.db")
    with open_store(reference_url) as reference:
        reference.add(docs)
        assert _comparable(store.dump()) == _comparable(reference.dump())


def _comparable(dump):
    return {
        table: [tuple(float(v) if isinstance(v, int | float) else v for v in row) for row in rows]
        for table, rows in dump.items()
    }


def test_actor_state_survives_reopening(store_url):
    with open_store(store_url) as store:
        store.add(
            [make_document("Antony Blinken visited.", doc_id="1", entities=[person("p1", "Antony Blinken", "Blinken")])]
        )
    with open_store(store_url) as store:
        store.add([make_document("Blinken left.", doc_id="2", entities=[person("p2", "Blinken")])])
        actors = store.fetch("SELECT DISTINCT actor_id FROM article_entities")
        assert len(actors) == 1


def test_unknown_record_fields_are_kept_in_extra():
    from newsgraph.store.rows import record_plain, record_row

    record = Quantity(0, 4, "1.3m", value=1.3e6, unit="people", what="people")
    row = record_row(record, frozenset({"start_char", "end_char", "text", "value"}))
    assert row["value"] == 1.3e6 and "unit" not in row
    assert Quantity(**record_plain(Quantity, row)) == record
