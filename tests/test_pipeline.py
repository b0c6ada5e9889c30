"""The pipeline end to end with the real model: provenance, formats, the Python API, failures."""

from __future__ import annotations

import pytest

import newsgraph
from newsgraph import Config, Document, NewsgraphError, Pipeline
from newsgraph.annotate import PARAGRAPH_COMPONENT
from newsgraph.data import sample_paths
from newsgraph.ingest import content_id, read_paths

pytestmark = pytest.mark.model

BODY = (
    "The Harbour Bridge in Port Elliot reopened to traffic on Tuesday morning after eight months of repairs "
    "that cost the city council 14 million dollars, officials said. Mayor James Whitfield cut a ribbon at "
    "the northern end of the bridge."
)


def assert_provenance(doc: Document) -> None:
    """Every paragraph, sentence and mention maps back to the same characters of source_text
    (a title given apart from the text maps to an empty span)."""
    spans = [(p.start, p.end) for p in doc.paragraphs]
    spans += [(s.start, s.end) for s in doc.sentences]
    spans += [(m.start, m.end) for e in doc.entities for m in e.mentions]
    assert spans
    first = doc.paragraphs[0]
    title_apart = first.kind == "title" and doc.source_span(first.start, first.end) == (0, 0)
    for start, end in spans:
        if title_apart and end <= first.end:
            assert doc.source_span(start, end)[0] == doc.source_span(start, end)[1]
            continue
        source_start, source_end = doc.source_span(start, end)
        assert doc.source_text[source_start:source_end].replace("\n", " ") == doc.text[start:end]
    for entity in doc.entities:
        for mention in entity.mentions:
            assert doc.text[mention.start : mention.end] == mention.text
            assert mention.entity == entity.id


def assert_sentences_inside_paragraphs(doc: Document) -> None:
    for sentence in doc.sentences:
        paragraph = doc.paragraphs[sentence.paragraph]
        assert paragraph.start <= sentence.start < sentence.end <= paragraph.end


def test_seed_provenance(seed_doc):
    assert len(seed_doc.sentences) > 20
    assert sum(len(e.mentions) for e in seed_doc.entities) > 30
    assert_provenance(seed_doc)
    assert_sentences_inside_paragraphs(seed_doc)


def test_every_bundled_sample_once(run):
    docs, failures = run(read_paths(sample_paths("all")))
    assert [f.error.message for f in failures] == []
    assert len(docs) == 121
    assert len({d.id for d in docs}) == 121
    for doc in docs:
        assert doc.title and doc.published and doc.language == "en"
        assert doc.paragraphs[0].kind == "title"
        assert_provenance(doc)
        assert_sentences_inside_paragraphs(doc)


def test_html_page(run, data_dir):
    (doc,), failures = run([data_dir / "harbour_bridge.html"])
    assert failures == []
    assert doc.title == "Harbour bridge reopens after repairs"
    assert (doc.published, doc.published_from, doc.author) == ("2024-05-14", "html", "Maria Lopez")
    assert doc.body.startswith("The Harbour Bridge in Port Elliot reopened")
    assert doc.text.count("Harbour bridge reopens after repairs") == 1  # the page's <h1> is not kept twice
    assert "Privacy policy" not in doc.text
    assert_provenance(doc)


def test_jsonl_with_a_malformed_line(run, data_dir):
    docs, failures = run(read_paths([data_dir / "articles.jsonl"]))
    assert [d.id for d in docs] == ["ch-001", "ch-002", content_id(docs[2].source_text)]
    assert [(f.source.rsplit(":", 1)[1], f.error.code.name) for f in failures] == [("3", "E007")]
    first = docs[0]
    assert first.url == "https://coastalherald.example/news/2024/05/14/harbour-bridge-reopens"
    assert (first.published, first.published_from) == ("2024-05-14", "input")
    school = docs[2]
    assert school.title == "School meals scheme extended"
    assert school.text.startswith("School meals scheme extended\n\nFree school meals")
    for doc in docs:
        assert_provenance(doc)


def test_published_override(run, data_dir):
    (doc,), _ = run([data_dir / "harbour_bridge.html"], published="2023-01-02T10:00:00Z")
    assert (doc.published, doc.published_from) == ("2023-01-02", "option")


def test_invalid_published_override_is_e009(run):
    with pytest.raises(NewsgraphError) as info:
        run([BODY], published="02/01/2023")
    assert info.value.code.name == "E009"


def test_analyze_api():
    text = "Harbour bridge reopens after repairs\n\n" + BODY
    doc = newsgraph.analyze(text, url="https://x.example/a", author="Maria Lopez")
    assert doc.id == content_id(text)
    assert newsgraph.analyze(text).id == doc.id  # content-hash ids are stable
    assert (doc.title, doc.url, doc.author, doc.source) == (
        "Harbour bridge reopens after repairs",
        "https://x.example/a",
        "Maria Lopez",
        "<article 1>",
    )
    assert any(e.name == "James Whitfield" and e.type == "person" for e in doc.entities)
    assert_provenance(doc)


def test_analyze_with_given_id_title_date_and_bytes(pipeline):
    doc = pipeline.analyze(BODY.encode("utf-8"), id="a-1", title="Bridge reopens", published="2024-05-14")
    assert (doc.id, doc.title, doc.published) == ("a-1", "Bridge reopens", "2024-05-14")
    title = doc.paragraphs[0]
    assert title.kind == "title" and doc.text[title.start : title.end] == "Bridge reopens"
    source_start, source_end = doc.source_span(title.start, title.end)
    assert source_start == source_end  # the title is not in the source text
    # the title is a sentence of its own: no sentence runs from the title into the body
    assert (doc.sentences[0].start, doc.sentences[0].end) == (title.start, title.end)
    assert doc.sentences[1].start == doc.paragraphs[1].start
    assert_provenance(doc)


def test_analyze_html_string(pipeline, data_dir):
    doc = pipeline.analyze((data_dir / "harbour_bridge.html").read_text(encoding="utf-8"), id="h1")
    assert (doc.id, doc.title, doc.published_from) == ("h1", "Harbour bridge reopens after repairs", "html")


@pytest.mark.parametrize(
    ("content", "code"),
    [
        pytest.param("", "E001", id="empty"),
        pytest.param(b"%PDF-1.4\n", "E002", id="pdf"),
        pytest.param("Short note.", "E011", id="too-little-text"),
        pytest.param(
            "Die Bundesregierung hat am Dienstag ein neues Gesetz zur Förderung erneuerbarer Energien beschlossen. "
            "Wirtschaftsminister Robert Habeck sagte in Berlin, die Maßnahmen würden den Ausbau beschleunigen.",
            "E004",
            id="german",
        ),
    ],
)
def test_analyze_raises_one_numbered_error(pipeline, content, code):
    with pytest.raises(NewsgraphError) as info:
        pipeline.analyze(content)
    assert info.value.code.name == code
    assert "\n" not in info.value.message


def test_analyze_many_reports_failures_and_goes_on(run, tmp_path):
    missing = tmp_path / "missing.txt"
    docs, failures = run([BODY, "", missing, {"id": "d", "text": BODY}, {"id": "e"}])
    assert [d.id for d in docs] == [content_id(BODY), "d"]
    assert [f.error.code.name for f in failures] == ["E001", "E008", "E007"]
    assert failures[1].source.startswith(str(missing))


def test_analyze_many_turns_items_that_are_no_article_into_failures(run):
    docs, failures = run([123, None, ["a list"], BODY, 3.14, {"content": 5}])
    assert [d.id for d in docs] == [content_id(BODY)]
    assert [f.error.code.name for f in failures] == ["E024"] * 5
    assert "got int" in failures[0].error.message and "got list" in failures[2].error.message


@pytest.mark.parametrize("item", [123, None, ["text"]])
def test_analyze_of_an_item_that_is_no_article_is_e023(pipeline, item):
    with pytest.raises(NewsgraphError) as info:
        pipeline.analyze(item)
    assert info.value.code.name == "E024"


def test_an_input_stream_that_raises_keeps_the_articles_read_before(run):
    second = BODY.replace("Harbour Bridge", "Causeway").replace("James Whitfield", "Ann Ross")

    def items():
        yield BODY
        yield {"id": "second", "text": second}
        raise ConnectionResetError("the feed went away")

    docs, failures = run(items())  # both articles sit in one model batch when the stream breaks
    assert [d.id for d in docs] == [content_id(BODY), "second"]
    (failure,) = failures
    assert failure.error.code.name == "E023"
    assert "ConnectionResetError: the feed went away after 2 items" in failure.error.message


def test_pipeline_loads_only_what_the_extractors_need(pipeline):
    assert pipeline.components == ("tok2vec", "tagger", "parser", "ner")
    assert pipeline.nlp.pipe_names[0] == PARAGRAPH_COMPONENT
    # The attribute ruler and lemmatizer cost as much as the parser; no extractor needs them.
    assert "lemmatizer" not in pipeline.nlp.pipe_names and "attribute_ruler" not in pipeline.nlp.pipe_names
    assert Pipeline().nlp is pipeline.nlp  # loaded once per process


def test_config_checks_its_values():
    with pytest.raises(ValueError):
        Config(max_chars=0)
    with pytest.raises(ValueError):
        Config(n_process=0)
    with pytest.raises(ValueError, match="unknown extractors"):
        Pipeline(Config(extractors=("entities", "horoscopes")))


def test_a_bug_in_an_extractor_skips_that_article_only(monkeypatch):
    from newsgraph import Pipeline
    from newsgraph.extract import Extractor

    pipeline = Pipeline()

    def fragile(doc, document):
        if "explode" in doc.text:
            raise ValueError("boom")
        return []

    monkeypatch.setattr(pipeline, "extractors", [Extractor("fragile", frozenset(), "quotes", fragile)])
    failures = []
    texts = [
        "The council met on Monday and agreed a new budget for the schools in the city.",
        "The council met on Tuesday and the plan to explode the old bridge was approved.",
        "The council met on Wednesday and rejected the proposal to close the library.",
    ]
    docs = list(pipeline.analyze_many(texts, on_error=failures.append))
    assert [d.text[:30] for d in docs] == [texts[0][:30], texts[2][:30]]
    assert len(failures) == 1
    assert failures[0].error.code.name == "E012"
    assert "ValueError: boom" in failures[0].error.message


def test_warnings_say_what_is_missing(pipeline):
    undated = pipeline.analyze("The council approved the new budget on Thursday after a long debate about the schools.")
    assert any("no publication date" in w for w in undated.warnings)
    dated = pipeline.analyze("The council approved the new budget on Thursday after a debate.", published="2024-03-22")
    assert not any("publication date" in w for w in dated.warnings)
    assert any("language not identified" in w for w in dated.warnings)  # too short to tell
