"""The agency page: its roles across documents over time, its tasks and deadlines, its partners.

A Sở of one province is assigned in thousands of documents of a national store,
so the page reads counts and one page of documents and of tasks at a time
(``vbgraph.queries.pages``); its download links give the whole answers through
``/api/assigned``, ``/api/tasks`` and ``/api/coordination``.
"""

from __future__ import annotations

from urllib.parse import urlencode

from starlette.requests import Request
from starlette.responses import Response

from vbgraph.models import ROLES
from vbgraph.queries import api, pages
from vbgraph.web.pages import DATA, store_of, today
from vbgraph.web.params import Params
from vbgraph.web.render import PageAnswer, Table, respond

#: Partners listed on the page (most shared tasks first); the download has them all.
MAX_PARTNERS = 30


def agency_page(request: Request) -> Response:
    params = Params(request.query_params, ("province", "page", "tpage", *DATA))
    store = store_of(request)
    name = request.path_params["name"]
    province = params.text("province")
    day = today(request)
    overview = pages.agency_overview(store, name, province, day)
    keys = overview.keys
    doc_pages = max(1, -(-overview.documents // pages.PAGE_SIZE))
    task_pages = max(1, -(-overview.with_deadline // pages.PAGE_SIZE))
    page = params.integer("page", 1, doc_pages, 1)
    tpage = params.integer("tpage", 1, task_pages, 1)
    documents = pages.agency_documents(store, keys, page)
    tasks = pages.agency_tasks(store, keys, tpage)
    for t in tasks:
        t["overdue"] = bool(t.get("deadline") and t["deadline"] < day)
    partners = api.coordination(store, name, province)
    doc_rows = [{"key": d.key, "symbol": d.symbol, "province": d.province, "date": d.date,
                 "roles": list(d.roles), "tasks": d.tasks, "title": d.title} for d in documents]
    year_rows = [{"year": y.year, "documents": y.documents,
                  **{r: y.roles.get(r, 0) for r in ROLES}} for y in overview.years]
    partner_rows = [{"key": x.key, "agency": x.name, "province": x.province,
                     "collective": x.collective, "shared tasks": x.shared_tasks}
                    for x in partners]
    query = {"agency": name, **({"province": province} if province else {})}
    downloads = {what: f"/api/{what}?{urlencode(query)}"
                 for what in ("assigned", "tasks", "coordination")}
    tables = {
        "years": Table(["year", "documents", *ROLES], year_rows),
        "documents": Table(["key", "symbol", "province", "date", "roles", "tasks", "title"],
                           doc_rows),
        "tasks": Table(["doc", "symbol", "section", "deadline", "recurring", "roles", "text"],
                       tasks),
        "partners": Table(["key", "agency", "province", "collective", "shared tasks"],
                          partner_rows),
    }
    data = {**overview.to_json(), "page": page, "pages": doc_pages, "tpage": tpage,
            "tpages": task_pages, "documents_page": doc_rows, "tasks_page": tasks,
            "partners": partner_rows}
    most = max((y.documents for y in overview.years), default=0)
    context = {"overview": overview, "province": province, "years": year_rows, "most": most,
               "documents": doc_rows, "tasks": tasks, "partners": partner_rows[:MAX_PARTNERS],
               "partner_count": len(partner_rows), "page": page, "pages": doc_pages,
               "tpage": tpage, "tpages": task_pages, "downloads": downloads, "today": day,
               "roles": ROLES}
    return respond(request, params, PageAnswer(
        "agency.html", f"{overview.name} — cơ quan", context, tables, data))
