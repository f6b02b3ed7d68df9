"""The agency page: its roles across documents over time, its tasks and deadlines, its partners.

A Sở of one province is assigned in thousands of documents of a national store,
so the page reads what stays bounded (``vbgraph.queries.pages``): per-year counts
from one summary per document, one page of its documents (newest first) with the
tasks they give it, and its partners in its latest documents, side by side.  Its
download links give the whole answers: ``/api/assigned``, ``/api/tasks`` (every
task, with deadlines) and ``/api/coordination`` (shared tasks with every partner).
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from typing import Any
from urllib.parse import urlencode

from starlette.requests import Request
from starlette.responses import Response

from vbgraph.models import ROLES
from vbgraph.queries import pages
from vbgraph.queries.agencies import find_agencies
from vbgraph.web.pages import DATA, store_of, today
from vbgraph.web.params import ParameterError, Params
from vbgraph.web.render import PageAnswer, Table, respond

#: Partners listed on the page (most documents in common first).
MAX_PARTNERS = 30
#: The reads of one page run side by side: the store answers them on its own threads.
_POOL = ThreadPoolExecutor(max_workers=8, thread_name_prefix="vbgraph-agency")


def agency_page(request: Request) -> Response:
    params = Params(request.query_params, ("province", "page", *DATA))
    store = store_of(request)
    name = request.path_params["name"]
    province = params.text("province")
    page = params.integer("page", 1, 10**9, 1)
    found = find_agencies(store, name, province)
    keys = [str(a["key"]) for a in found]
    # Bounded reads: per-year counts from one summary per document, one page of documents
    # with their tasks, the partners in the latest documents (bench/README.md, serve).
    overview_f = _POOL.submit(pages.agency_overview, store, found)
    partners_f = _POOL.submit(pages.agency_partners, store, keys, MAX_PARTNERS)
    listed = pages.agency_documents(store, keys, page, pages.PAGE_SIZE)
    documents, tasks = listed.documents, [dict(t) for t in listed.tasks]
    overview, partners = overview_f.result(), partners_f.result()
    doc_pages = max(1, -(-overview.documents // pages.PAGE_SIZE))
    if page > doc_pages:
        raise ParameterError(f"page must be between 1 and {doc_pages}, not {page}")
    day = today(request)
    for t in tasks:
        t["overdue"] = bool(t.get("deadline") and t["deadline"] < day)
    doc_rows = [{"key": d.key, "symbol": d.symbol, "province": d.province, "date": d.date,
                 "roles": list(d.roles), "tasks": d.tasks, "title": d.title} for d in documents]
    year_rows = [{"year": y.year, "documents": y.documents,
                  **{r: y.roles.get(r, 0) for r in ROLES}} for y in overview.years]
    query = {"agency": name, **({"province": province} if province else {})}
    downloads = {what: f"/api/{what}?{urlencode(query)}"
                 for what in ("assigned", "tasks", "coordination")}
    tables = {
        "years": Table(["year", "documents", *ROLES], year_rows),
        "documents": Table(["key", "symbol", "province", "date", "roles", "tasks", "title"],
                           doc_rows),
        "tasks": Table(["doc", "symbol", "section", "deadline", "recurring", "roles", "text"],
                       tasks),
        "partners": Table(["key", "name", "province", "collective", "documents"], partners),
    }
    data: dict[str, Any] = {
        **overview.to_json(), "page": page, "pages": doc_pages, "documents_page": doc_rows,
        "tasks_page": tasks, "partners": partners,
        "partners_among_latest": pages.PARTNER_DOCUMENTS}
    most = max((y.documents for y in overview.years), default=0)
    context = {"overview": overview, "province": province, "years": year_rows, "most": most,
               "documents": doc_rows, "tasks": tasks, "partners": partners, "page": page,
               "pages": doc_pages, "downloads": downloads, "today": day, "roles": ROLES,
               "latest": pages.PARTNER_DOCUMENTS}
    return respond(request, params, PageAnswer(
        "agency.html", f"{overview.name} — cơ quan", context, tables, data))
