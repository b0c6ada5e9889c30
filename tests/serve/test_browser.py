"""The web UI in a real browser: Debian's chromium, driven by Playwright, against a real
server on 127.0.0.1 over a knowledge base built in a temporary directory.

Nothing downloads a browser: Playwright launches the system's ``chromium``; without one the
tests skip with the reason. Screenshots go to ``NEWSGRAPH_TEST_ARTIFACTS`` (a directory CI
keeps) or a temporary directory.
"""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from serve_data import SEED_ID, XSS_TEXT, XSS_TITLE

from newsgraph.ingest import RawArticle
from newsgraph.store import open_store
from newsgraph.store.ingest import ingest

pytestmark = pytest.mark.model

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
if CHROMIUM is None:
    pytest.skip("no chromium on PATH (Debian: apt-get install chromium)", allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed (the [dev] extra)")
uvicorn = pytest.importorskip("uvicorn", reason="the web app needs the [web] extra")

from newsgraph.serve import create_app  # noqa: E402

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--headless",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="module")
def artifacts(tmp_path_factory) -> Path:
    target = os.environ.get("NEWSGRAPH_TEST_ARTIFACTS")
    path = Path(target) if target else tmp_path_factory.mktemp("screenshots")
    path.mkdir(parents=True, exist_ok=True)
    return path


@pytest.fixture(scope="module")
def server(kb_path, pipeline, tmp_path_factory) -> Iterator[str]:
    """Base URL of a server over a copy of the session knowledge base plus the XSS article."""
    db = tmp_path_factory.mktemp("browser") / "kb.db"
    shutil.copy(kb_path, db)
    xss = RawArticle(text=XSS_TEXT, source="xss.txt", id="xss", title=XSS_TITLE, published="2024-05-07")
    with open_store(db) as store:
        assert ingest(store, [xss], pipeline=pipeline).added == 1
    port = _free_port()
    config = uvicorn.Config(create_app(str(db), pipeline=pipeline), host="127.0.0.1", port=port, log_level="warning")
    instance = uvicorn.Server(config)
    thread = threading.Thread(target=instance.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not instance.started:
        assert time.monotonic() < deadline, "the server did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    instance.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    with sync_api.sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


@pytest.fixture()
def page(browser, server):
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, base_url=server)
    tab = context.new_page()
    tab.dialogs = []  # any alert() would be an injected script running
    tab.on("dialog", lambda dialog: (tab.dialogs.append(dialog.message), dialog.dismiss()))
    tab.console_errors = []
    tab.on("console", lambda message: message.type == "error" and tab.console_errors.append(message.text))
    tab.on("pageerror", lambda error: tab.console_errors.append(str(error)))
    yield tab
    context.close()


def test_seed_article_page_shows_quotes_with_their_speakers(page, artifacts):
    page.goto(f"/articles/{SEED_ID}")  # the input id redirects to the stored article
    assert page.locator("h1.doc-title").inner_text().startswith("Israel will go it alone on Rafah")
    items = page.locator("li.quote-item")
    said = {
        (items.nth(i).locator(".who").inner_text(), items.nth(i).locator(".said").inner_text()[:25])
        for i in range(items.count())
    }
    assert ("Benjamin Netanyahu", "There is no way for us to") in said
    assert ("Antony Blinken", "We’ve been very clear, Pr") in said
    # Clicking a quote in the text shows its speaker and offsets in the panel.
    page.locator("#text span.quote", has_text="There is no way for us").first.click()
    details = page.locator("#details")
    assert "Benjamin Netanyahu" in details.inner_text()
    assert "of the cleaned text" in details.inner_text()
    page.screenshot(path=str(artifacts / "article.png"), full_page=False)
    assert page.dialogs == [] and page.console_errors == []


def test_actor_page(page, artifacts):
    page.goto("/actors?name=Blinken")
    page.locator("table.list a", has_text="Antony Blinken").click()
    assert page.locator("h1").inner_text().startswith("Antony Blinken")
    assert page.locator("text=Secretary of State").count() >= 1
    assert page.locator("ol.quotes li").count() >= 2
    page.screenshot(path=str(artifacts / "actor.png"), full_page=False)
    # A quote links to its sentence, highlighted on the article page.
    page.locator("ol.quotes a.said").first.click()
    assert page.locator("#hl").count() == 1
    assert page.console_errors == []


def test_timeline_renders(page, artifacts):
    page.goto("/timeline?subject=Blinken")
    chart = page.locator("#timeline-chart[data-ready=true]")
    chart.wait_for()
    assert int(chart.get_attribute("data-items")) >= 3
    assert page.locator("#timeline-chart circle.tl-dot").count() == int(chart.get_attribute("data-items"))
    page.screenshot(path=str(artifacts / "timeline.png"), full_page=False)
    assert page.console_errors == []


def test_network_renders_coloured_by_goldstein(page, artifacts):
    page.goto("/network")
    chart = page.locator("#network-chart[data-ready=true]")
    chart.wait_for()
    assert page.locator("#network-chart circle").count() == int(chart.get_attribute("data-items")) > 3
    colours = page.eval_on_selector_all("#network-chart line.link", "ls => ls.map(l => l.getAttribute('stroke'))")
    assert len(set(colours)) >= 2  # links of different Goldstein scores differ in colour
    page.screenshot(path=str(artifacts / "network.png"), full_page=False)
    assert page.console_errors == []


def test_map_renders_places(page, artifacts):
    page.goto("/map")
    chart = page.locator("#map-chart[data-ready=true]")
    chart.wait_for()
    assert page.locator("#map-chart path.country").count() > 100
    assert page.locator("#map-chart path.country.with-events").count() >= 2  # Egypt, Israel, ...
    assert page.locator("#map-chart circle.place").count() == int(chart.get_attribute("data-items")) >= 1
    page.screenshot(path=str(artifacts / "map.png"), full_page=False)
    assert page.console_errors == []


def test_xss_article_shows_as_text(page, artifacts):
    page.goto("/articles/xss")
    assert page.locator("h1.doc-title").inner_text() == XSS_TITLE
    text = page.locator("#text").inner_text()
    assert "<img src=x onerror=alert(1)>" in text and "<script>alert(2)</script>" in text
    assert page.locator("#text img").count() == 0 and page.locator("#text script").count() == 0
    page.locator("#text span.quote", has_text="We will not accept").first.click()
    assert "<script>alert(2)</script>" in page.locator("#details").inner_text()
    page.goto("/search?q=council+budget")
    assert page.locator("ol.results li").count() == 1
    page.screenshot(path=str(artifacts / "xss.png"), full_page=False)
    assert page.dialogs == []


def test_search_highlights_matches(page):
    page.goto("/")
    page.fill("header .search input", "Rafah")
    page.keyboard.press("Enter")
    page.wait_for_url("**/search?q=Rafah")
    assert page.locator("ol.results mark").first.inner_text().lower() == "rafah"
