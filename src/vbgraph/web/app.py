"""The ASGI application of ``vbgraph serve`` (Starlette), over a store opened read-only.

Every response carries a strict Content-Security-Policy (scripts, styles and
data from this server only; nothing inline; no frames), and requests whose
``Host`` is not the loopback name the server was bound to are refused (a web
page elsewhere cannot reach the local server by DNS rebinding).  Errors the
user can fix are 4xx with a message: an unknown document or agency 404, an
ambiguous symbol 409, a bad parameter or a refused query 400, an unreachable
store 503.  Anything else is a bug: 500, with its traceback in the server log.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from starlette.applications import Starlette
from starlette.datastructures import MutableHeaders
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from vbgraph.errors import (
    AmbiguousError,
    InputError,
    NotFoundError,
    QueryError,
    StoreError,
    VbgraphError,
)
from vbgraph.graph.store import GraphStore
from vbgraph.views.html import vis_assets
from vbgraph.web import commands
from vbgraph.web.agency_page import agency_page
from vbgraph.web.console import cypher_page
from vbgraph.web.lineage_page import lineage_page
from vbgraph.web.pages import coverage_page, doc_page, search_page, text_page
from vbgraph.web.params import Params
from vbgraph.web.readonly import read_only
from vbgraph.web.render import csv_response, error_response, json_response

CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "font-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'self'; "
       "frame-ancestors 'none'")
SECURITY_HEADERS = {
    "content-security-policy": CSP,
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
    "x-frame-options": "DENY",
    "cross-origin-opener-policy": "same-origin",
    "cross-origin-resource-policy": "same-origin",
}
#: Host names a loopback-bound server answers to.
LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "::1")


def host_name(header: str) -> str:
    """The name in a ``Host`` header, without its port (``[::1]:8765`` -> ``::1``)."""
    if header.startswith("["):
        return header[1:].split("]", 1)[0]
    return header.split(":", 1)[0] if header.count(":") <= 1 else header


class Guard:
    """Pure ASGI middleware: the Host check, security headers, ``Server-Timing``."""

    def __init__(self, app: ASGIApp, hosts: Sequence[str] | None) -> None:
        self.app = app
        self.hosts = frozenset(h.lower() for h in hosts) if hosts is not None else None

    def _host_allowed(self, scope: Scope) -> bool:
        if self.hosts is None:
            return True
        raw = dict(scope.get("headers") or []).get(b"host", b"").decode("latin-1").lower()
        return host_name(raw) in self.hosts

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in SECURITY_HEADERS.items():
                    headers[name] = value
                headers["server-timing"] = f"app;dur={(time.perf_counter() - started) * 1000:.1f}"
            await send(message)

        if not self._host_allowed(scope):
            response = Response("Host not allowed: this server answers on its loopback "
                                "address only (start it with --host to serve other names)",
                                status_code=400, media_type="text/plain; charset=utf-8")
            await response(scope, receive, send_with_headers)
            return
        await self.app(scope, receive, send_with_headers)


# --------------------------------------------------------------------------- errors

STATUS: tuple[tuple[type[VbgraphError], int], ...] = (
    (AmbiguousError, 409),
    (NotFoundError, 404),
    (InputError, 404),
    (QueryError, 400),
    (StoreError, 503),
)


def status_of(exc: VbgraphError) -> int:
    return next((code for cls, code in STATUS if isinstance(exc, cls)), 400)


async def on_vbgraph_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, VbgraphError)
    return error_response(request, status_of(exc), str(exc), getattr(exc, "candidates", ()))


async def on_http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    message = {404: f"no page {request.url.path!r}; the pages are /, /doc/<document>, "
                    "/lineage/<document>, /agency/<name>, /coverage, /cypher and /api/<command>",
               405: f"{request.method} is not allowed: every page and /api route is read with "
                    "GET"}.get(exc.status_code, str(exc.detail))
    return error_response(request, exc.status_code, message)


# --------------------------------------------------------------------------- /api


def api_index(request: Request) -> Response:
    Params(request.query_params, ())
    return json_response({"commands": {
        c.name: {"parameters": [*c.params, *commands.COMMON], "example": c.example}
        for c in commands.COMMANDS.values()}})


def api_command(request: Request) -> Response:
    name = request.path_params["command"]
    command = commands.COMMANDS.get(name)
    if command is None:
        raise NotFoundError(f"no command {name!r}; the commands are "
                            + ", ".join(commands.COMMANDS))
    params = Params(request.query_params, (*command.params, *commands.COMMON))
    fmt = params.choice("format", ("json", "csv"), "json")
    answer = command.run(request.app.state.store, params)
    if fmt == "csv":
        return csv_response(answer.rows, answer.columns, name)
    return json_response(answer.data)


# --------------------------------------------------------------------------- assets


def vendor_js(request: Request) -> Response:
    return Response(vis_assets()[0], media_type="text/javascript; charset=utf-8",
                    headers={"Cache-Control": "max-age=86400"})


def vendor_css(request: Request) -> Response:
    return Response(vis_assets()[1], media_type="text/css; charset=utf-8",
                    headers={"Cache-Control": "max-age=86400"})


def create_app(store: GraphStore, hosts: Sequence[str] | None = LOOPBACK_HOSTS,
               today: Callable[[], str] | None = None) -> Starlette:
    """The web app over ``store`` (held read-only).  ``hosts``: the Host names answered
    (None: any, for a server bound beyond loopback); ``today``: ISO day for overdue marks."""
    routes = [
        Route("/", search_page),
        Route("/doc/{ref:path}", doc_page),
        Route("/text/{ref:path}", text_page),
        Route("/lineage/{ref:path}", lineage_page),
        Route("/agency/{name:path}", agency_page),
        Route("/coverage", coverage_page),
        Route("/cypher", cypher_page),
        Route("/api", api_index),
        Route("/api/{command}", api_command),
        Route("/vendor/vis-network.min.js", vendor_js),
        Route("/vendor/vis-network.css", vendor_css),
        Mount("/static", StaticFiles(packages=[("vbgraph.web", "static")]), name="static"),
    ]
    handlers: dict[Any, Any] = {VbgraphError: on_vbgraph_error, HTTPException: on_http_error}
    app = Starlette(routes=routes, exception_handlers=handlers,
                    middleware=[Middleware(Guard, hosts=hosts)])
    app.state.store = read_only(store)
    app.state.today = today or (lambda: date.today().isoformat())
    return app
