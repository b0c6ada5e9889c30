"""The web UI's pages through an in-process client: they render, link facts to their
sentences, and show untrusted text as text."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
from serve_data import SEED_ID, XSS_TEXT, XSS_TITLE

pytestmark = pytest.mark.model


class _Tags(HTMLParser):
    """Every start tag and its attributes, and the page's text."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)


def parse(html: str) -> _Tags:
    parser = _Tags()
    parser.feed(html)
    return parser


def seed_id(client) -> str:
    return client.get("/v1/articles", params={"q": "Rafah"}).json()["items"][0]["id"]


@pytest.mark.parametrize(
    "path", ["/", "/articles", "/actors", "/actors?type=person", "/timeline", "/network", "/map", "/search"]
)
def test_pages_render(client, path):
    response = client.get(path)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    assert "<h1>" in response.text


def test_article_page_marks_quotes_by_speaker(client):
    html = client.get(f"/articles/{seed_id(client)}").text
    page = parse(html)
    speakers = [a for t, a in page.tags if t == "span" and "speaker" in (a.get("class") or "").split()]
    quotes = [a for t, a in page.tags if t == "span" and "quote" in (a.get("class") or "").split()]
    assert speakers and quotes
    titles = " ".join(a.get("title") or "" for a in quotes)
    assert "Benjamin Netanyahu: quote" in titles and "Antony Blinken: quote" in titles
    # Each speaker keeps one colour: Netanyahu's quotes never share Blinken's class.
    colour = {
        who: {
            c
            for a in quotes
            if f"{who}: quote" in (a.get("title") or "")
            for c in a["class"].split()
            if c.startswith("spk-")
        }
        for who in ("Benjamin Netanyahu", "Antony Blinken")
    }
    assert colour["Benjamin Netanyahu"].isdisjoint(colour["Antony Blinken"])
    removed = html.split("What cleaning removed", 1)[1].split("Provenance", 1)[0]
    assert "REUTERS/EVELYN HOCKSTEIN" in removed  # the captions' credit
    assert "Tzachi Hanegbi" in removed  # the repeated paragraph with the name respelled
    assert re.search(r'id="s0"', html)


def test_article_page_highlights_a_span_and_input_ids_redirect(client):
    article = seed_id(client)
    quote = client.get(f"/v1/articles/{article}").json()["quotes"][0]
    html = client.get(f"/articles/{article}", params={"hl": f"{quote['start']}-{quote['end']}"}).text
    assert 'id="hl"' in html
    moved = client.get(f"/articles/{SEED_ID}", follow_redirects=False)
    assert moved.status_code == 307 and moved.headers["location"] == f"/articles/{article}"


def test_actor_timeline_network_map_search_pages(client):
    blinken = client.get("/v1/actors", params={"name": "Blinken"}).json()["items"][0]["id"]
    actor = client.get(f"/actors/{blinken}").text
    assert "Antony Blinken" in actor and "Roles over time" in actor and "Secretary of State" in actor
    timeline = client.get("/timeline", params={"subject": "Blinken"}).text
    assert 'id="timeline-data"' in timeline and "/articles/" in timeline
    network = client.get("/network").text
    assert 'id="network-data"' in network and "/static/vendor/d3/d3.min.js" in network
    map_page = client.get("/map").text
    assert "topojson-client.min.js" in map_page and "Cairo" in map_page
    found = client.get("/search", params={"q": "Rafah operation"}).text
    assert re.search(r"<mark>Rafah</mark>", found, re.I)
    assert client.get("/search", params={"q": "!!!"}).status_code == 400


def test_missing_pages_are_html_errors(client):
    response = client.get("/articles/nothing-here", headers={"accept": "text/html"})
    assert response.status_code == 404 and "E015" in response.text and "<h1>" in response.text
    assert client.get("/actors/nobody", headers={"accept": "text/html"}).status_code == 404


def test_untrusted_text_is_shown_as_text(write_client):
    stored = write_client.post(
        "/v1/articles", json={"title": XSS_TITLE, "text": XSS_TEXT, "url": "javascript:alert(3)"}
    ).json()
    html = write_client.get(f"/articles/{stored['ids'][0]}").text
    page = parse(html)
    scripts = [a for t, a in page.tags if t == "script"]
    # Only the page's own script files and its JSON data block, no script from the article.
    assert all(a.get("src", "").startswith("/static/") or a.get("type") == "application/json" for a in scripts)
    assert not any(t == "img" for t, _ in page.tags)
    assert not any(name.startswith("on") for _, attrs in page.tags for name in attrs)
    assert not any((a.get("href") or "").startswith("javascript:") for _, a in page.tags)
    text = "".join(page.text)
    assert "<img src=x onerror=alert(1)>" in text and '<script>alert("title")</script>' in text
    assert "&lt;script&gt;" in html
    for path in ("/", "/articles", "/search?q=council+budget"):
        other = parse(write_client.get(path).text)
        assert all(
            a.get("src", "").startswith("/static/") or a.get("type") == "application/json"
            for t, a in other.tags
            if t == "script"
        )
