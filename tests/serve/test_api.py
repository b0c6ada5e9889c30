"""The HTTP API through an in-process client: every endpoint, its filters and its errors."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from serve_data import SEED_ID, WIKINEWS_ARTICLES, XSS_TEXT, XSS_TITLE

from newsgraph.serve import create_app

pytestmark = pytest.mark.model

TOTAL = 1 + WIKINEWS_ARTICLES


def error_of(response, status: int) -> dict:
    assert response.status_code == status, response.text
    body = response.json()["error"]
    assert body["status"] == status
    assert body["code"].startswith("E") and body["message"].startswith(body["code"])
    return body


# -- articles ---------------------------------------------------------------------------------


def test_lists_every_stored_article_with_total_and_paging(client):
    page = client.get("/v1/articles", params={"limit": 2}).json()
    assert page["total"] == TOTAL
    assert len(page["items"]) == 2
    rest = client.get("/v1/articles", params={"limit": 100, "offset": 2}).json()
    assert len(rest["items"]) == TOTAL - 2
    ids = [a["id"] for a in page["items"] + rest["items"]]
    assert len(set(ids)) == TOTAL
    dates = [a["published"] or "" for a in page["items"] + rest["items"]]
    assert dates == sorted(dates, reverse=True)


def test_article_filters(client):
    seed = client.get("/v1/articles", params={"actor": "Blinken"}).json()
    assert seed["total"] >= 1
    assert any("Netanyahu" in (a["title"] or "") for a in seed["items"])
    dated = client.get("/v1/articles", params={"since": "2024-03-01", "until": "2024-03-31"}).json()
    assert all("2024-03-01" <= a["published"] <= "2024-03-31" for a in dated["items"])
    assert any(a["doc_id"] == SEED_ID for a in dated["items"])
    found = client.get("/v1/articles", params={"q": "Rafah"}).json()
    assert [a["doc_id"] for a in found["items"]] == [SEED_ID]
    assert client.get("/v1/articles", params={"actor": "nobody-of-that-name"}).json() == {
        "items": [],
        "total": 0,
        "limit": 50,
        "offset": 0,
    }


def test_one_article_by_stored_or_input_id(client):
    seed_id = client.get("/v1/articles", params={"q": "Rafah"}).json()["items"][0]["id"]
    by_id = client.get(f"/v1/articles/{seed_id}").json()
    by_input = client.get(f"/v1/articles/{SEED_ID}").json()
    assert by_id == by_input
    assert by_id["title"].startswith("Israel will go it alone on Rafah")
    speakers = {q["speaker"] for q in by_id["quotes"]}
    assert {"Benjamin Netanyahu", "Antony Blinken"} <= speakers
    quote = by_id["quotes"][0]
    assert by_id["text"][quote["start"] : quote["end"]] == quote["text"]
    assert by_id["knowledge_base"]["sources"][0]["input_id"] == SEED_ID


def test_bad_article_requests(client):
    error_of(client.get("/v1/articles/no-such-article"), 404)
    assert error_of(client.get("/v1/articles", params={"since": "March"}), 400)["code"] == "E009"
    error_of(client.get("/v1/articles", params={"limit": 0}), 422)
    error_of(client.get("/v1/articles", params={"offset": -1}), 422)


# -- actors, quotes, events, timeline, stances, search, discrepancies ------------------------


def test_actors_and_one_actor(client):
    actors = client.get("/v1/actors", params={"type": "person", "limit": 5}).json()["items"]
    assert actors and all(a["type"] == "person" for a in actors)
    blinken = client.get("/v1/actors", params={"name": "Blinken"}).json()["items"]
    assert [a["name"] for a in blinken] == ["Antony Blinken"]
    detail = client.get(f"/v1/actors/{blinken[0]['id']}").json()
    assert detail["name"] == "Antony Blinken"
    assert detail["quotes_said"] and all(q["speaker"] == "Antony Blinken" for q in detail["quotes_said"])
    assert any(s["current"] == "oppose" for s in detail["stances"])
    assert detail["article_total"] == 1
    error_of(client.get("/v1/actors/per-000000000000"), 404)


@pytest.mark.parametrize("path", ["/v1/actors", "/v1/quotes", "/v1/events", "/v1/stances", "/v1/timeline/Blinken"])
def test_list_pages_say_whether_more_match(client, path):
    everything = client.get(path, params={"limit": 1000}).json()
    assert everything["more"] is False and everything["count"] == len(everything["items"]) > 2
    page = client.get(path, params={"limit": 2}).json()
    assert page == {"items": everything["items"][:2], "count": 2, "limit": 2, "more": True}


def test_sources_carry_the_input_id_that_extract_gives(client):
    said = client.get("/v1/quotes", params={"speaker": "Blinken"}).json()["items"]
    assert said and all(s["input_id"] == SEED_ID for q in said for s in q["sources"])
    assert all(s["article_id"] != SEED_ID for q in said for s in q["sources"])


def test_quotes_by_speaker_and_topic(client):
    said = client.get("/v1/quotes", params={"speaker": "Netanyahu"}).json()["items"]
    assert said and {q["speaker"] for q in said} == {"Benjamin Netanyahu"}
    about = client.get("/v1/quotes", params={"about": "Hamas"}).json()["items"]
    assert about and all("hamas" in q["text"].lower() for q in about)
    assert client.get("/v1/quotes", params={"since": "2030-01-01"}).json()["items"] == []


def test_events_filters(client):
    events = client.get("/v1/events", params={"actor": "Blinken", "code": "04"}).json()["items"]
    assert events and all(e["code"].startswith("04") for e in events)
    assert all("Antony Blinken" in (e["source"], e["target"]) for e in events)
    cairo = client.get("/v1/events", params={"place": "Cairo"}).json()["items"]
    assert cairo and all(e["place"] == "Cairo" for e in cairo)


def test_timeline_stances_search_discrepancies(client):
    timeline = client.get("/v1/timeline/Blinken").json()["items"]
    assert {i["type"] for i in timeline} >= {"event", "statement"}
    dates = [i["date"] or "9999" for i in timeline]
    assert dates == sorted(dates)
    stances = client.get("/v1/stances", params={"target": "Rafah"}).json()["items"]
    positions = {s["holder"]: s["current"] for s in stances}
    assert positions.get("Antony Blinken") == "oppose"
    assert positions.get("Benjamin Netanyahu") == "support"
    hits = client.get("/v1/search", params={"q": "Rafah"}).json()["items"]
    assert len(hits) == 1 and hits[0]["title"].startswith("Israel will go it alone")
    error_of(client.get("/v1/search"), 422)
    assert set(client.get("/v1/discrepancies").json()) == {"quotes", "quantities", "event_dates"}


def test_network_and_places(client):
    graph = client.get("/v1/network").json()
    ids = {n["id"] for n in graph["nodes"]}
    assert graph["links"] and all(link["source"] in ids and link["target"] in ids for link in graph["links"])
    assert all(-10 <= link["goldstein"] <= 10 for link in graph["links"] if link["goldstein"] is not None)
    found = client.get("/v1/places").json()
    places = found["items"]
    assert places and all(-90 <= p["latitude"] <= 90 and -180 <= p["longitude"] <= 180 for p in places)
    countries = {c["place_code"]: c["events"] for c in found["countries"]}
    assert countries.get("EGY", 0) >= 1  # Blinken's meeting in Cairo
    assert all(len(code) == 3 and code.isupper() for code in countries)
    early = client.get("/v1/network", params={"until": "1990-01-01"}).json()
    assert early == {"nodes": [], "links": []}


# -- analyse and store ---------------------------------------------------------------------------


def test_analyze_returns_the_seed_quotes_and_stores_nothing(client, seed_record):
    body = {k: seed_record[k] for k in ("text", "published")}
    doc = client.post("/v1/analyze", json=body).json()
    said = [(q["speaker"], q["text"]) for q in doc["quotes"]]
    assert any(
        who == "Benjamin Netanyahu" and text.startswith("There is no way for us to defeat") for who, text in said
    )
    assert any(who == "Antony Blinken" and text.startswith("We’ve been very clear") for who, text in said)
    assert doc["published"] == "2024-03-22"
    assert client.get("/v1/articles").json()["total"] == TOTAL


def test_analyze_errors(client):
    assert error_of(client.post("/v1/analyze", json={"text": ""}), 422)["code"] == "E001"
    assert error_of(client.post("/v1/analyze", json={"title": "no text"}), 400)["code"] == "E013"
    assert error_of(client.post("/v1/analyze", json={"text": "x", "colour": "red"}), 422)["code"] == "E013"
    assert error_of(client.post("/v1/analyze", json={"text": "Some text.", "published": "soon"}), 400)["code"] == "E009"
    bad_json = client.post("/v1/analyze", content=b'{"text": ', headers={"content-type": "application/json"})
    assert error_of(bad_json, 400)["code"] == "E013"
    german = "Die Bundesregierung hat am Dienstag beschlossen, die Steuern für kleine Unternehmen zu senken. " * 3
    assert error_of(client.post("/v1/analyze", json={"text": german}), 422)["code"] == "E004"


def test_oversized_bodies_are_refused(kb_path, pipeline):
    with TestClient(create_app(str(kb_path), pipeline=pipeline, max_body=2048)) as small:
        big = {"text": "word " * 1000}
        assert error_of(small.post("/v1/analyze", json=big), 413)["code"] == "E014"

        def chunks():  # no Content-Length: the limit holds for a streamed body too
            yield b'{"text": "'
            for _ in range(100):
                yield b"x" * 100
            yield b'"}'

        streamed = small.post("/v1/analyze", content=chunks(), headers={"content-type": "application/json"})
        assert error_of(streamed, 413)["code"] == "E014"


def test_store_articles_idempotently(write_client):
    article = {"id": "xss-1", "title": XSS_TITLE, "text": XSS_TEXT, "published": "2024-05-07"}
    first = write_client.post("/v1/articles", json=article).json()
    assert first["errors"] == [] and len(first["ids"]) == 1
    again = write_client.post("/v1/articles", json=[article]).json()
    assert again["ids"] == first["ids"]
    assert write_client.get("/v1/articles").json()["total"] == TOTAL + 1
    stored = write_client.get(f"/v1/articles/{first['ids'][0]}").json()
    assert stored["title"] == XSS_TITLE and "<script>alert(2)</script>" in stored["text"]


def test_a_bad_article_in_a_list_is_reported_and_skipped(write_client):
    good = {"text": XSS_TEXT, "title": "Harbour budget"}
    result = write_client.post("/v1/articles", json=[{"text": "   "}, good]).json()
    assert result["ids"][0] is None and result["ids"][1]
    assert [(e["index"], e["code"]) for e in result["errors"]] == [(0, "E001")]
    assert error_of(write_client.post("/v1/articles", json=[]), 400)["code"] == "E013"
    assert error_of(write_client.post("/v1/articles", json={"text": ""}), 422)["code"] == "E001"


def test_writes_need_the_token_off_localhost(kb_path, pipeline):
    body = {"text": XSS_TEXT}
    with TestClient(create_app(str(kb_path), pipeline=pipeline, host="0.0.0.0", token="s3cret")) as public:
        assert error_of(public.post("/v1/analyze", json=body), 401)["code"] == "E016"
        assert error_of(public.post("/v1/articles", json=body, headers={"Authorization": "Bearer wrong"}), 401)
        ok = public.post("/v1/analyze", json=body, headers={"Authorization": "Bearer s3cret"})
        assert ok.status_code == 200 and ok.json()["quotes"]
        assert public.get("/v1/articles").status_code == 200  # reads stay open
    with TestClient(create_app(str(kb_path), pipeline=pipeline, host="0.0.0.0")) as tokenless:
        error_of(tokenless.post("/v1/analyze", json=body, headers={"X-API-Token": ""}), 401)


# -- safety and docs -------------------------------------------------------------------------------


def test_no_cors_and_strict_headers(client):
    response = client.get("/v1/articles", headers={"Origin": "https://elsewhere.example"})
    assert "access-control-allow-origin" not in response.headers
    preflight = client.options(
        "/v1/articles", headers={"Origin": "https://elsewhere.example", "Access-Control-Request-Method": "POST"}
    )
    assert preflight.status_code == 405 and "access-control-allow-origin" not in preflight.headers
    policy = client.get("/").headers["content-security-policy"]
    assert "script-src 'self';" in policy and "unsafe-inline" not in policy
    assert response.headers["x-content-type-options"] == "nosniff"


def test_openapi_documents_every_endpoint_and_docs_work_offline(client):
    paths = set(client.get("/openapi.json").json()["paths"])
    assert paths >= {
        "/v1/analyze",
        "/v1/articles",
        "/v1/articles/{article_id}",
        "/v1/actors",
        "/v1/actors/{actor_id}",
        "/v1/quotes",
        "/v1/events",
        "/v1/timeline/{subject}",
        "/v1/stances",
        "/v1/search",
        "/v1/discrepancies",
    }
    docs = client.get("/docs").text
    assert "/static/vendor/swagger-ui/swagger-ui-bundle.js" in docs and "cdn" not in docs.lower()
    assert client.get("/static/vendor/swagger-ui/swagger-ui-bundle.js").status_code == 200
