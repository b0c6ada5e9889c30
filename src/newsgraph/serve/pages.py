"""The web UI: server-rendered pages (Jinja2, autoescaped) over the same reads as the API."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Annotated, Any

import jinja2
import pycountry
from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse
from fastapi.templating import Jinja2Templates

from newsgraph.errors import ErrorCode
from newsgraph.serve import marks
from newsgraph.serve.api import ApiError, StoreDep, _article_id, _date, actor_detail
from newsgraph.store import browse, queries

router = APIRouter(include_in_schema=False)
# Autoescape on for every template: article text, titles and names are untrusted.
templates = Jinja2Templates(
    env=jinja2.Environment(
        loader=jinja2.FileSystemLoader(Path(__file__).parent / "templates"), autoescape=True, auto_reload=False
    )
)

PAGE_SIZE = 50
_WORD = re.compile(r"\w+")


def source_link(source: dict[str, Any]) -> str:
    """The article page at the sentence a fact came from, its characters highlighted."""
    return f"/articles/{source['article_id']}?hl={source['start']}-{source['end']}#hl"


templates.env.globals["source_link"] = source_link
# Only http(s) addresses become links: a "javascript:" URL in an article's metadata stays text.
templates.env.tests["web_url"] = lambda url: isinstance(url, str) and url.startswith(("http://", "https://"))


def render(request: Request, template: str, status: int = 200, **context: Any) -> HTMLResponse:
    return templates.TemplateResponse(request, template, context, status_code=status)


def error_page(request: Request, status: int, message: str) -> HTMLResponse:
    return render(request, "error.html", status=status, status_code=status, message=message)


@router.get("/", response_class=HTMLResponse)
def overview(request: Request, store: StoreDep) -> HTMLResponse:
    counts = store.counts()
    undated = int(store.scalar("SELECT COUNT(*) FROM articles WHERE published IS NULL") or 0)
    latest, _ = browse.articles(store, 10)
    return render(
        request,
        "overview.html",
        counts=counts,
        undated=undated,
        actors=queries.actors(store, limit=15),
        latest=latest,
    )


@router.get("/articles", response_class=HTMLResponse)
def article_list(
    request: Request,
    store: StoreDep,
    page: Annotated[int, Query(ge=1)] = 1,
    since: str | None = None,
    until: str | None = None,
    actor: str | None = None,
) -> HTMLResponse:
    actor_ids = queries.find_actors(store, actor) if actor else None
    items, total = browse.articles(
        store, PAGE_SIZE, (page - 1) * PAGE_SIZE, _date(since, "since"), _date(until, "until"), actor_ids
    )
    return render(
        request,
        "articles.html",
        items=items,
        total=total,
        page=page,
        pages=max(1, -(-total // PAGE_SIZE)),
        since=since or "",
        until=until or "",
        actor=actor or "",
    )


def _highlight(value: str | None) -> tuple[int, int] | None:
    match = re.fullmatch(r"(\d{1,9})-(\d{1,9})", value or "")
    return (int(match[1]), int(match[2])) if match else None


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def article_page(
    request: Request, store: StoreDep, article_id: str, hl: Annotated[str | None, Query(max_length=40)] = None
) -> HTMLResponse:
    found = _article_id(store, article_id)
    if found != article_id:  # an input id: one address per article
        return RedirectResponse(f"/articles/{found}", status_code=307)  # type: ignore[return-value]
    document = store.get_document(found)
    actor_ids = {
        row["entity_id"]: row["actor_id"]
        for row in store.fetch(
            "SELECT entity AS entity_id, actor_id FROM article_entities WHERE article_id = ?", (found,)
        )
    }
    facts = marks.facts_of(document, actor_ids)
    colours = marks.speaker_classes(document)
    names = {e.id: e.name for e in document.entities}
    quotes = [
        {
            "n": i,
            "speaker": names.get(q.speaker_entity or "", q.speaker) or "unknown speaker",
            "colour": colours[q.speaker_entity or q.speaker or "?"],
            "actor": actor_ids.get(q.speaker_entity or ""),
            "quote": q,
        }
        for i, q in enumerate(document.quotes)
    ]
    return render(
        request,
        "article.html",
        doc=document,
        record=browse.article_record(store, found),
        paragraphs=marks.paragraphs(document, facts, _highlight(hl)),
        facts=marks.fact_details(facts),
        quotes=quotes,
        names=names,
        actor_ids=actor_ids,
    )


@router.get("/actors", response_class=HTMLResponse)
def actor_list(request: Request, store: StoreDep, name: str | None = None, type: str | None = None) -> HTMLResponse:
    items = queries.actors(store, entity_type=type or None, name=name or None, limit=200)
    return render(request, "actors.html", items=items, name=name or "", type=type or "")


@router.get("/actors/{actor_id}", response_class=HTMLResponse)
def actor_page(request: Request, store: StoreDep, actor_id: str) -> HTMLResponse:
    return render(request, "actor.html", actor=actor_detail(store, actor_id))


@router.get("/timeline", response_class=HTMLResponse)
def timeline_page(
    request: Request,
    store: StoreDep,
    subject: Annotated[str | None, Query(max_length=200)] = None,
    since: str | None = None,
    until: str | None = None,
) -> HTMLResponse:
    items: list[dict[str, Any]] = []
    actor = None
    if subject:
        items = queries.timeline(store, subject, since=_date(since, "since"), until=_date(until, "until"), limit=500)
        ids = queries.find_actors(store, subject)
        if len(ids) == 1:
            actor = store.fetchone("SELECT id, name, type FROM entities WHERE id = ?", (ids[0],))
    chart = [
        {
            "date": i["date"],
            "type": i["type"],
            "label": (i.get("speaker") or i.get("source") or "")
            + ": "
            + (i.get("event") or i.get("code") or i["text"][:80]),
            "goldstein": i.get("goldstein"),
            "href": source_link(i["sources"][0]),
        }
        for i in items
        if i.get("date") and re.match(r"\d{4}-\d{2}-\d{2}$", i["date"])
    ]
    return render(
        request,
        "timeline.html",
        subject=subject or "",
        since=since or "",
        until=until or "",
        items=items,
        chart=chart,
        actor=actor,
    )


@router.get("/network", response_class=HTMLResponse)
def network_page(request: Request, store: StoreDep, since: str | None = None, until: str | None = None) -> HTMLResponse:
    graph = browse.network(store, _date(since, "since"), _date(until, "until"))
    names = {n["id"]: n["name"] for n in graph["nodes"]}
    return render(request, "network.html", graph=graph, names=names, since=since or "", until=until or "")


@router.get("/map", response_class=HTMLResponse)
def map_page(request: Request, store: StoreDep, since: str | None = None, until: str | None = None) -> HTMLResponse:
    start, end = _date(since, "since"), _date(until, "until")
    found = browse.places(store, start, end)
    shaded = []
    for row in browse.countries(store, start, end):
        country = pycountry.countries.get(alpha_3=row["place_code"])
        if country is not None:  # world-atlas names countries by their ISO 3166 numeric code
            shaded.append({**row, "numeric": country.numeric, "name": country.name})
    return render(request, "map.html", places=found, countries=shaded, since=since or "", until=until or "")


def highlighted_snippet(text: str, query: str, width: int = 220) -> list[tuple[str, bool]]:
    """A window of ``text`` around the first query word, cut into (text, is_match) runs."""
    words = {w.lower() for w in _WORD.findall(query)}
    if not words:
        return [(text[:width], False)]
    pattern = re.compile(r"\b(" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) + r")\b", re.I)
    first = pattern.search(text)
    start = max(0, (first.start() if first else 0) - width // 3)
    window = text[start : start + width]
    runs: list[tuple[str, bool]] = [("…", False)] if start else []
    pos = 0
    for match in pattern.finditer(window):
        if match.start() > pos:
            runs.append((window[pos : match.start()], False))
        runs.append((match.group(0), True))
        pos = match.end()
    runs.append((window[pos:], False))
    if start + width < len(text):
        runs.append(("…", False))
    return runs


@router.get("/search", response_class=HTMLResponse)
def search_page(
    request: Request, store: StoreDep, q: Annotated[str | None, Query(max_length=500)] = None
) -> HTMLResponse:
    results = []
    quotes: list[dict[str, Any]] = []
    if q and _WORD.search(q):
        found = queries.search(store, q, 50)
        texts = browse.article_texts(store, [r["article_id"] for r in found])
        for row in found:
            results.append({**row, "runs": highlighted_snippet(texts.get(row["article_id"], ""), q)})
        quotes = queries.quotes(store, about=q, limit=20)
    elif q is not None and q.strip():
        raise ApiError(400, ErrorCode.E013, detail="search needs at least one word")
    return render(request, "search.html", q=q or "", results=results, quotes=quotes)
