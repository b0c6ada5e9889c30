"""Request limits, response headers and the API token.

Article text, titles and names are untrusted: pages escape them (Jinja2 autoescape) and a
strict Content-Security-Policy forbids inline scripts, so text that reaches a page as markup
still cannot run. No CORS headers are sent: other sites' pages cannot call the API from a
browser.
"""

from __future__ import annotations

import hmac
import json
from typing import Any

from newsgraph.errors import ErrorCode

#: Default request body limit: a 1,000,000-character article as UTF-8 JSON with its metadata.
MAX_BODY = 5 * 1024 * 1024

PAGE_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
# Swagger UI at /docs starts itself with an inline script (FastAPI's page); nothing else is inline.
DOCS_POLICY = PAGE_POLICY.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'").replace(
    "style-src 'self'", "style-src 'self' 'unsafe-inline'"
)

Scope = dict[str, Any]


def error_body(status: int, code: ErrorCode, **fields: object) -> dict[str, Any]:
    return {"error": {"status": status, "code": code.name, "message": code.format(**fields)}}


class LimitsAndHeaders:
    """ASGI middleware: refuses bodies over ``max_body`` bytes (413, whether or not the client
    sent a Content-Length) and adds the security headers to every response."""

    def __init__(self, app: Any, max_body: int = MAX_BODY) -> None:
        self.app = app
        self.max_body = max_body

    async def __call__(self, scope: Scope, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers") or [])
        declared = headers.get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.max_body:
            await self._refuse(send, int(declared))
            return
        if scope["method"] in ("POST", "PUT", "PATCH"):
            # Read the whole body first (it is at most max_body): a chunked upload without a
            # Content-Length is refused as soon as it passes the limit, before the app sees it.
            messages: list[Any] = []
            received = 0
            while True:
                message = await receive()
                messages.append(message)
                if message["type"] != "http.request":
                    break
                received += len(message.get("body", b""))
                if received > self.max_body:
                    await self._refuse(send, received)
                    return
                if not message.get("more_body"):
                    break
            replay, upstream = iter(messages), receive

            async def buffered_receive() -> Any:
                return next(replay, None) or await upstream()

            receive = buffered_receive

        policy = DOCS_POLICY if scope["path"] in ("/docs", "/docs/oauth2-redirect") else PAGE_POLICY

        async def send_with_headers(message: Any) -> None:
            if message["type"] == "http.response.start":
                extra = [
                    (b"content-security-policy", policy.encode()),
                    (b"x-content-type-options", b"nosniff"),
                    (b"referrer-policy", b"same-origin"),
                    (b"x-frame-options", b"DENY"),
                ]
                message = {**message, "headers": [*message.get("headers", []), *extra]}
            await send(message)

        await self.app(scope, receive, send_with_headers)

    async def _refuse(self, send: Any, size: int) -> None:
        body = json.dumps(error_body(413, ErrorCode.E014, size=f"{size:,}", limit=f"{self.max_body:,}")).encode()
        await send(
            {
                "type": "http.response.start",
                "status": 413,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())],
            }
        )
        await send({"type": "http.response.body", "body": body})


def token_matches(expected: str, authorization: str | None, header_token: str | None) -> bool:
    given = header_token
    if authorization and authorization.lower().startswith("bearer "):
        given = authorization[7:].strip()
    return given is not None and hmac.compare_digest(given.encode(), expected.encode())
