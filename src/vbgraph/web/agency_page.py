"""The agency page: its roles across documents over time, its tasks and deadlines, its partners.

A Sở of one province is assigned in thousands of documents of a national store,
so the page reads counts and one page of documents and of tasks at a time
(``vbgraph.queries.pages``), the four reads at once; its download links give the
whole answers through ``/api/assigned``, ``/api/tasks`` and ``/api/coordination``.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from typing import Any
from urllib.parse import urlencode

from starlette.requests import Request
from starlette.responses import Response

from vbgraph.models import ROLES
from vbgraph.queries import api, pages
from vbgraph.web.pages import DATA, store_of, today
from vbgraph.web.params import ParameterError, Params
from vbgraph.web.render import PageAnswer, Table, respond

#: Partners listed on the page (most documents in common first).
MAX_PARTNERS = 30
#: Deepest task page asked for (the pager shows "next" while a page is full).
MAX_TASK_PAGE = 10_000
#: The reads of one page run side by side: the store answers them on its own threads.
_POOL = ThreadPoolExecutor(max_workers=8, thread_name_prefix="vbgraph-agency")


def agency_page(request: Request) -> Response:
    params = Params(request.query_params, ("province", "page", "tpage", *DATA))
    store = store_of(request)
    name = request.path_params["name"]
    province = params.text("province")
    page = params.integer("page", 1, 10**9, 1)
    tpage = params.integer("tpage", 1, MAX_TASK_PAGE, 1)
    found = api.find_agencies(store, name, province)
    keys = [str(a["key"]) for a in found]
    overview_f = _POOL.submit(pages.agency_overview, store, found)
    documents_f = _POOL.submit(pages.agency_documents, store, keys, page, pages.PAGE_SIZE)
    tasks_f = _POOL.submit(pages.agency_tasks, store, keys, tpage, pages.PAGE_SIZE, True)
    partners_f = _POOL.submit(pages.agency_partners, store, keys, MAX_PARTNERS + 1)
    overview, documents = overview_f.result(), documents_f.result()
    tasks, partners = tasks_f.result(), partners_f.result()
    doc_pages = max(1, -(-overview.documents // pages.PAGE_SIZE))
    if page > doc_pages:
        raise ParameterError(f"page must be between 1 and {doc_pages}, not {page}")
    more_tasks = len(tasks) > pages.PAGE_SIZE
    tasks = tasks[:pages.PAGE_SIZE]
    if tpage > 1 and not tasks:
        raise ParameterError(f"tpage={tpage}: the agency's tasks with a deadline end before "
                             "that page")
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
        "partners": Table(["key", "name", "province", "collective", "documents"],
                          partners[:MAX_PARTNERS]),
    }
    data: dict[str, Any] = {
        **overview.to_json(), "page": page, "pages": doc_pages, "tpage": tpage,
        "more_tasks": more_tasks, "documents_page": doc_rows, "tasks_page": tasks,
        "partners": partners[:MAX_PARTNERS], "more_partners": len(partners) > MAX_PARTNERS}
    most = max((y.documents for y in overview.years), default=0)
    context = {"overview": overview, "province": province, "years": year_rows, "most": most,
               "documents": doc_rows, "tasks": tasks, "partners": partners[:MAX_PARTNERS],
               "more_partners": len(partners) > MAX_PARTNERS, "page": page, "pages": doc_pages,
               "tpage": tpage, "more_tasks": more_tasks, "downloads": downloads, "today": day,
               "roles": ROLES}
    return respond(request, params, PageAnswer(
        "agency.html", f"{overview.name} — cơ quan", context, tables, data))
