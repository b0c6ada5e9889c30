"""The web app: the HTTP API and the web UI from one FastAPI application."""

from __future__ import annotations

import os
from contextlib import asynccontextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from newsgraph import __version__
from newsgraph.errors import ErrorCode
from newsgraph.serve import api, pages
from newsgraph.serve.security import MAX_BODY, LimitsAndHeaders, error_body
from newsgraph.serve.state import AppState

if TYPE_CHECKING:
    from newsgraph.pipeline import Pipeline

HERE = Path(__file__).parent
TOKEN_ENV = "NEWSGRAPH_TOKEN"


def _wants_html(request: Request) -> bool:
    return not request.url.path.startswith("/v1/") and "text/html" in request.headers.get("accept", "")


def create_app(
    db: str | None = None,
    *,
    token: str | None = None,
    host: str = "127.0.0.1",
    max_body: int = MAX_BODY,
    pipeline: Pipeline | None = None,
) -> Any:
    """The ASGI app serving the knowledge base at ``db`` (a SQLite path or a PostgreSQL URL).

    ``token`` (default: the ``NEWSGRAPH_TOKEN`` environment variable) is required for writes;
    without one, writes are taken only when ``host`` is a loopback address. ``pipeline`` is
    used for analyses instead of one loaded on the first request.
    """
    app_state = AppState(db, token=token or os.environ.get(TOKEN_ENV), host=host, pipeline=pipeline)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> Any:
        yield
        app_state.close()

    app = FastAPI(
        title="newsgraph",
        version=__version__,
        description="Who said what to whom, who met whom where and when, from news articles: "
        "analyse articles, store them in the knowledge base and query it. Every fact carries "
        "character offsets into the cleaned text (`start`, `end`) and the input (`source_start`, `source_end`).",
        docs_url=None,
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.newsgraph = app_state
    app.include_router(api.router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        # FastAPI's Swagger page, with Swagger UI served from the package instead of a CDN.
        return get_swagger_ui_html(
            openapi_url="/openapi.json",
            title="newsgraph API",
            swagger_js_url="/static/vendor/swagger-ui/swagger-ui-bundle.js",
            swagger_css_url="/static/vendor/swagger-ui/swagger-ui.css",
            swagger_favicon_url="/static/favicon.svg",
        )

    @app.exception_handler(api.ApiError)
    async def api_error(request: Request, exc: api.ApiError) -> Any:
        if _wants_html(request):
            return pages.error_page(request, exc.status, exc.code.format(**exc.fields))
        return JSONResponse(error_body(exc.status, exc.code, **exc.fields), status_code=exc.status)

    @app.exception_handler(RequestValidationError)
    async def invalid_request(request: Request, exc: RequestValidationError) -> Any:
        problems = exc.errors()
        status = 400 if any(p.get("type") == "json_invalid" for p in problems) else 422
        detail = "; ".join(
            f"{'.'.join(str(x) for x in p.get('loc', ()) if x != 'body') or 'body'}: {p.get('msg')}"
            for p in problems[:5]
        )
        if _wants_html(request):
            return pages.error_page(request, status, ErrorCode.E013.format(detail=detail))
        return JSONResponse(error_body(status, ErrorCode.E013, detail=detail), status_code=status)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Any:
        if exc.status_code == 404:
            code, fields = ErrorCode.E015, {"kind": "page", "id": request.url.path}
        else:
            code, fields = ErrorCode.E013, {"detail": str(exc.detail)}
        if _wants_html(request):
            return pages.error_page(request, exc.status_code, code.format(**fields))
        return JSONResponse(error_body(exc.status_code, code, **fields), status_code=exc.status_code)

    return LimitsAndHeaders(app, max_body=max_body)


def run(
    db: str | None = None,
    *,
    host: str = "127.0.0.1",
    port: int = 8000,
    token: str | None = None,
    max_body: int = MAX_BODY,
    log_level: str = "info",
) -> None:
    """Serve until interrupted (``newsgraph serve``)."""
    import uvicorn

    app = create_app(db, token=token, host=host, max_body=max_body)
    # Idle keep-alive connections stay open 30 s (uvicorn's default is 5): under load, clients
    # reuse a connection the server has just closed less often.
    uvicorn.run(app, host=host, port=port, log_level=log_level, server_header=False, timeout_keep_alive=30)
