"""Pages, downloads and errors: Jinja2 templates (autoescaped), CSV and JSON responses.

Every page can also be had as data: ``?format=json`` gives the JSON behind it
(the CLI's ``--json`` shape where a command answers the same question) and
``?format=csv&table=NAME`` (or ``format=json&table=NAME``) one of its tables.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Any
from urllib.parse import quote, urlencode

from jinja2 import Environment, PackageLoader, StrictUndefined
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response

from vbgraph import output
from vbgraph.views.html import json_for_script
from vbgraph.views.style import RELATION_LABELS, ROLE_LABELS
from vbgraph.web.params import ParameterError, Params

#: Rows a page shows of one table; the downloads hold every row.
MAX_ROWS = 500
PAGE_FORMATS = ("html", "json", "csv")


@dataclass(frozen=True, slots=True)
class Table:
    """A table of a page as its downloads give it: CSV columns and rows."""

    columns: list[str]
    rows: list[dict[str, Any]]


@dataclass(slots=True)
class PageAnswer:
    """What a page handler found: the template's context, its tables and its JSON."""

    template: str
    title: str
    context: dict[str, Any] = field(default_factory=dict)
    tables: dict[str, Table] = field(default_factory=dict)
    data: Any = None
    status: int = 200


def doc_url(key: str) -> str:
    return "/doc/" + quote(key, safe="")


def lineage_url(key: str, **params: Any) -> str:
    query = urlencode({k: v for k, v in params.items() if v not in (None, "")}, doseq=True)
    return "/lineage/" + quote(key, safe="") + (f"?{query}" if query else "")


def agency_url(name: str, province: str | None = None) -> str:
    return "/agency/" + quote(name, safe="") + (
        "?" + urlencode({"province": province}) if province else "")


def text_url(key: str) -> str:
    return "/text/" + quote(key, safe="")


def with_params(request: Request, **changes: Any) -> str:
    """The current URL with some query parameters replaced (None removes one)."""
    items = [(k, v) for k, v in request.query_params.multi_items() if k not in changes]
    items += [(k, str(v)) for k, v in changes.items() if v is not None]
    query = urlencode(items)
    return request.url.path + (f"?{query}" if query else "")


def short(key: str | None) -> str:
    return (key or "").split("|")[0]


def cell(value: Any) -> str:
    """A table cell as text (lists joined, booleans in Vietnamese, nothing for null)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "có" if value else "không"
    if isinstance(value, (list, tuple)):
        return ", ".join(cell(v) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, default=str)
    return str(value)


@cache
def environment() -> Environment:
    env = Environment(
        loader=PackageLoader("vbgraph.web", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(
        doc_url=doc_url, lineage_url=lineage_url, agency_url=agency_url, text_url=text_url,
        short=short, cell=cell,
        relation=lambda r: RELATION_LABELS.get(r, r),
        role=lambda r: ROLE_LABELS.get(r, r),
        roles=lambda rs: ", ".join(ROLE_LABELS.get(r, r) for r in rs),
        script_json=json_for_script,
    )
    env.globals.update(MAX_ROWS=MAX_ROWS, RELATION_LABELS=RELATION_LABELS,
                       ROLE_LABELS=ROLE_LABELS)
    return env


def html(request: Request, template: str, title: str, status: int = 200,
         **context: Any) -> HTMLResponse:
    page = environment().get_template(template).render(
        request=request, title=title, url=lambda **c: with_params(request, **c), **context)
    return HTMLResponse(page, status_code=status, headers={"Cache-Control": "no-store"})


def json_response(data: Any, status: int = 200) -> Response:
    body = json.dumps(data, ensure_ascii=False, default=str).encode("utf-8")
    return Response(body, status_code=status, media_type="application/json",
                    headers={"Cache-Control": "no-store"})


def csv_response(rows: Sequence[Mapping[str, Any]], columns: Sequence[str],
                 name: str) -> Response:
    body = output.to_csv([dict(r) for r in rows], columns) + "\n"
    return Response(body.encode("utf-8"), media_type="text/csv; charset=utf-8", headers={
        "Cache-Control": "no-store",
        "Content-Disposition": f"attachment; filename=\"{name}.csv\"",
    })


def respond(request: Request, params: Params, answer: PageAnswer) -> Response:
    """The page as HTML, or (``format``) its JSON or one of its tables as CSV/JSON."""
    fmt = params.choice("format", PAGE_FORMATS, "html")
    name = params.text("table")
    if name is not None and name not in answer.tables:
        have = ", ".join(answer.tables) or "none"
        raise ParameterError(f"table={name!r}: this page's tables are {have}")
    if fmt == "csv":
        if name is None:
            if len(answer.tables) != 1:
                raise ParameterError("format=csv needs table=NAME, one of "
                                     + (", ".join(answer.tables) or "none"))
            name = next(iter(answer.tables))
        t = answer.tables[name]
        return csv_response(t.rows, t.columns, name)
    if fmt == "json":
        return json_response(answer.tables[name].rows if name else answer.data)
    if name is not None:
        raise ParameterError("table=NAME goes with format=csv or format=json")
    return html(request, answer.template, answer.title, answer.status,
                tables=answer.tables, **answer.context)


def wants_data(request: Request) -> bool:
    """An /api route, or a page asked for its JSON or CSV: errors answer in JSON."""
    path = request.url.path
    return (path == "/api" or path.startswith("/api/")
            or request.query_params.get("format") in ("json", "csv"))


def error_response(request: Request, status: int, message: str,
                   candidates: Sequence[Mapping[str, Any]] = ()) -> Response:
    if wants_data(request):
        body: dict[str, Any] = {"error": message, "status": status}
        if candidates:
            body["candidates"] = [dict(c) for c in candidates]
        return json_response(body, status)
    heading = {400: "Tham số không hợp lệ", 404: "Không tìm thấy", 405: "Phương thức không hỗ trợ",
               409: "Số hiệu khớp nhiều văn bản", 503: "Kho dữ liệu không trả lời"}.get(
                   status, "Lỗi")
    return html(request, "error.html", heading, status, message=message,
                candidates=list(candidates))


def script_data(data: Any) -> str:
    """JSON to embed in ``<script type="application/json">`` (never executed, CSP-safe)."""
    return json_for_script(data)
