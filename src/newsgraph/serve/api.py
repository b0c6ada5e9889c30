"""The HTTP API under ``/v1``: analyse, store and query, as JSON. Documented at ``/docs``."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Body, Depends, Header, Path, Query, Request
from pydantic import BaseModel, ConfigDict, Field

from newsgraph.errors import ErrorCode, InputError, NewsgraphError, StoreError
from newsgraph.serve.security import token_matches
from newsgraph.serve.state import AppState
from newsgraph.store import browse, queries
from newsgraph.store.base import Store

router = APIRouter(prefix="/v1")


class ApiError(Exception):
    """An error answered as ``{"error": {"status", "code", "message"}}``."""

    def __init__(self, status: int, code: ErrorCode, **fields: object) -> None:
        self.status = status
        self.code = code
        self.fields = fields
        super().__init__(code.format(**fields))


def status_for(error: NewsgraphError) -> int:
    """HTTP status of an engine error: the article is unusable (422) unless it is too large
    (413) or the server cannot analyse at all (model missing, internal error: 500)."""
    if error.code is ErrorCode.E006:
        return 413
    if error.code is ErrorCode.E009:
        return 400
    if isinstance(error, InputError) and error.code is not ErrorCode.E012:
        return 422
    return 500


class AnalyzeRequest(BaseModel):
    """One article: ``text`` or ``html``, with optional metadata."""

    model_config = ConfigDict(extra="forbid")

    text: str | None = Field(None, description="Plain text; a first line that reads as a headline is the title.")
    html: str | None = Field(None, description="A whole HTML page; the article is extracted from it.")
    published: str | None = Field(None, description="Publication date, YYYY-MM-DD (or ISO date-time).")
    url: str | None = None
    title: str | None = None
    author: str | None = None


class ArticleRequest(AnalyzeRequest):
    id: str | None = Field(None, description="The article's own id (kept as its input id).")


def state(request: Request) -> AppState:
    app_state: AppState = request.app.state.newsgraph
    return app_state


def reader(request: Request) -> Store:
    return state(request).reader()


StoreDep = Annotated[Store, Depends(reader)]
Limit = Annotated[int, Query(ge=1, le=1000, description="At most this many items.")]


def _date(value: str | None, name: str) -> str | None:
    if value is None or value == "":
        return None
    from newsgraph.ingest.article import normalise_date

    try:
        return normalise_date(value, name)
    except NewsgraphError as exc:
        raise ApiError(400, exc.code, **exc.fields) from None


Since = Annotated[str | None, Query(description="From this date (YYYY-MM-DD).")]
Until = Annotated[str | None, Query(description="Up to this date (YYYY-MM-DD).")]


def require_write(
    request: Request,
    authorization: Annotated[str | None, Header(include_in_schema=False)] = None,
    x_api_token: Annotated[str | None, Header(include_in_schema=False)] = None,
) -> None:
    """Writes (and analyses, which cost CPU) need the token unless the server listens on localhost
    and was given none."""
    app_state = state(request)
    if app_state.writes_allowed_without_token:
        return
    if app_state.token is None or not token_matches(app_state.token, authorization, x_api_token):
        raise ApiError(401, ErrorCode.E016)


def _item(payload: AnalyzeRequest) -> dict[str, Any]:
    item = {k: v for k, v in payload.model_dump().items() if v is not None}
    if "text" not in item and "html" not in item:
        raise ApiError(400, ErrorCode.E013, detail="give the article as 'text' or 'html'")
    if "published" in item:
        item["published"] = _date(item["published"], "published")
    return item


@router.post("/analyze", summary="Analyse one article; nothing is stored", dependencies=[Depends(require_write)])
def analyze(request: Request, payload: AnalyzeRequest) -> dict[str, Any]:
    """The document record of the article (the JSON form of ``newsgraph extract``)."""
    docs, failures = state(request).analyze(_item(payload))
    if failures:
        error = failures[0].error
        raise ApiError(status_for(error), error.code, **error.fields)
    return docs[0].as_dict()


@router.post("/articles", summary="Analyse and store articles", dependencies=[Depends(require_write)])
def add_articles(
    request: Request,
    payload: Annotated[ArticleRequest | list[ArticleRequest], Body(description="One article or a list.")],
) -> dict[str, Any]:
    """Stored through the same idempotent ingest as ``newsgraph ingest``: an input already stored
    is not analysed again and keeps its id. ``ids`` has one entry per input (``null`` for one
    that failed; ``errors`` says why)."""
    from newsgraph.ingest.readers import article_from_record

    items = payload if isinstance(payload, list) else [payload]
    if not items:
        raise ApiError(400, ErrorCode.E013, detail="the list of articles is empty")
    raws: list[Any] = []
    failed: dict[int, NewsgraphError] = {}
    slots: list[int | None] = []
    for i, article in enumerate(items):
        try:
            raws.append(article_from_record(_item(article), f"request[{i}]"))
            slots.append(len(raws) - 1)
        except NewsgraphError as exc:
            failed[i] = exc
            slots.append(None)
    ids: list[str | None] = [None] * len(items)
    if raws:
        try:
            _, failures, stored = state(request).ingest(raws)
        except StoreError as exc:  # read-only, disk full, locked: nothing of this request is stored
            raise ApiError(503, exc.code, **exc.fields) from None
        by_source = {f.source: f.error for f in failures}
        for i, slot in enumerate(slots):
            if slot is not None:
                ids[i] = stored[slot]
                if ids[i] is None and raws[slot].source in by_source:
                    failed[i] = by_source[raws[slot].source]
    if not isinstance(payload, list) and failed:
        error = failed[0]
        raise ApiError(status_for(error), error.code, **error.fields)
    errors = [
        {"index": i, "status": status_for(e), "code": e.code.name, "message": e.message}
        for i, e in sorted(failed.items())
    ]
    return {"ids": ids, "errors": errors}


@router.get("/articles", summary="Stored articles, newest first")
def list_articles(
    store: StoreDep,
    limit: Limit = 50,
    offset: Annotated[int, Query(ge=0)] = 0,
    since: Since = None,
    until: Until = None,
    actor: Annotated[str | None, Query(description="Only articles naming this actor (any alias).")] = None,
    q: Annotated[str | None, Query(description="Only articles holding all these words (full text).")] = None,
) -> dict[str, Any]:
    actor_ids = queries.find_actors(store, actor) if actor else None
    article_ids = [r["article_id"] for r in queries.search(store, q, limit=10_000)] if q else None
    items, total = browse.articles(
        store, limit, offset, _date(since, "since"), _date(until, "until"), actor_ids, article_ids
    )
    return {"items": items, "total": total, "limit": limit, "offset": offset}


def _page(items: list[dict[str, Any]], limit: int) -> dict[str, Any]:
    """A page of a list asked for with ``limit + 1``: its items, how many, and whether more match.

    Counting every match would cost as much as listing it; ``more`` says whether to raise
    ``limit`` (only ``/v1/articles`` pages by offset, and gives a true ``total``).
    """
    return {"items": items[:limit], "count": min(len(items), limit), "limit": limit, "more": len(items) > limit}


def _article_id(store: Store, article_id: str) -> str:
    found = browse.resolve_article(store, article_id)
    if found is None:
        raise ApiError(404, ErrorCode.E015, kind="article", id=article_id)
    return found


@router.get("/articles/{article_id}", summary="One stored article: its document record and sources")
def get_article(store: StoreDep, article_id: Annotated[str, Path(max_length=200)]) -> dict[str, Any]:
    """The stored document record, plus ``knowledge_base``: the inputs it came from, the story it
    copies (``duplicate_of``) and its near-copies. The id may be the stored id or the input's."""
    found = _article_id(store, article_id)
    data = store.get_document(found).as_dict()
    data["knowledge_base"] = browse.article_record(store, found)
    return data


@router.get("/actors", summary="Actors across articles, most covered first")
def list_actors(
    store: StoreDep,
    name: Annotated[str | None, Query(description="Only actors this name denotes (any alias).")] = None,
    type: Annotated[str | None, Query(description="person, organization, place, group or event.")] = None,
    limit: Limit = 50,
) -> dict[str, Any]:
    return _page(queries.actors(store, entity_type=type, limit=limit + 1, name=name), limit)


def actor_detail(store: Store, actor_id: str) -> dict[str, Any]:
    """An actor with its quotes, stances, events and articles (the API's and the actor page's)."""
    found = (
        queries.actors(store, name=actor_id, limit=1)
        if store.scalar("SELECT 1 FROM entities WHERE id = ?", (actor_id,))
        else []
    )
    if not found:
        raise ApiError(404, ErrorCode.E015, kind="actor", id=actor_id)
    actor = found[0]
    actor["quotes_said"] = queries.quotes(store, speaker=actor_id, limit=200)
    actor["events"] = queries.events(store, actor=actor_id, limit=200)
    actor["stances"] = [s for s in queries.stances(store, "", limit=10_000) if s["holder_id"] == actor_id]
    actor["articles"], actor["article_total"] = browse.articles(store, 100, 0, actor_ids=[actor_id])
    return actor


@router.get("/actors/{actor_id}", summary="One actor: aliases, roles, quotes, stances, events, articles")
def get_actor(store: StoreDep, actor_id: Annotated[str, Path(max_length=200)]) -> dict[str, Any]:
    return actor_detail(store, actor_id)


@router.get("/quotes", summary="Quotes by speaker, topic and date")
def list_quotes(
    store: StoreDep,
    speaker: Annotated[str | None, Query(description="Any name or alias of the speaker.")] = None,
    about: Annotated[str | None, Query(description="Words the quote holds, or an entity's name.")] = None,
    since: Since = None,
    until: Until = None,
    limit: Limit = 50,
) -> dict[str, Any]:
    items = queries.quotes(
        store, speaker=speaker, about=about, since=_date(since, "since"), until=_date(until, "until"), limit=limit + 1
    )
    return _page(items, limit)


@router.get("/events", summary="Events by actor, CAMEO code, place and date")
def list_events(
    store: StoreDep,
    actor: Annotated[str | None, Query(description="Source or target: any name or alias.")] = None,
    code: Annotated[str | None, Query(description="CAMEO code prefix: 04 (consult), 042...")] = None,
    place: Annotated[str | None, Query(description="Place name or its country code.")] = None,
    since: Since = None,
    until: Until = None,
    limit: Limit = 50,
) -> dict[str, Any]:
    items = queries.events(
        store,
        actor=actor,
        code=code,
        place=place,
        since=_date(since, "since"),
        until=_date(until, "until"),
        limit=limit + 1,
    )
    return _page(items, limit)


@router.get("/timeline/{subject}", summary="An actor's (or a topic's) events and statements in date order")
def get_timeline(
    store: StoreDep,
    subject: Annotated[str, Path(max_length=200)],
    since: Since = None,
    until: Until = None,
    limit: Limit = 200,
) -> dict[str, Any]:
    items = queries.timeline(store, subject, since=_date(since, "since"), until=_date(until, "until"), limit=limit + 1)
    return _page(items, limit)


@router.get("/stances", summary="Who supports or opposes a target")
def list_stances(
    store: StoreDep,
    target: Annotated[str, Query(description="Words of the target; empty for every target.")] = "",
    limit: Limit = 50,
) -> dict[str, Any]:
    return _page(queries.stances(store, target, limit + 1), limit)


@router.get("/search", summary="Full-text search over stored articles")
def search(
    store: StoreDep,
    q: Annotated[str, Query(min_length=1, max_length=500, description="Words that must all occur.")],
    limit: Limit = 20,
) -> dict[str, Any]:
    return _page(queries.search(store, q, limit + 1), limit)


@router.get("/discrepancies", summary="Where stories disagree: quotes, numbers, dates")
def list_discrepancies(store: StoreDep, limit: Limit = 50) -> dict[str, Any]:
    return queries.discrepancies(store, limit)


@router.get("/network", summary="Actors linked by events, with mean Goldstein scores")
def get_network(store: StoreDep, since: Since = None, until: Until = None, limit: Limit = 150) -> dict[str, Any]:
    return browse.network(store, _date(since, "since"), _date(until, "until"), limit)


@router.get("/places", summary="Where events happened: places with coordinates, and events per country")
def get_places(store: StoreDep, since: Since = None, until: Until = None) -> dict[str, Any]:
    start, end = _date(since, "since"), _date(until, "until")
    items = browse.places(store, start, end)
    return {"items": items, "count": len(items), "countries": browse.countries(store, start, end)}
