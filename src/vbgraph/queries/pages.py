"""Typed reads behind the web app's pages: an agency's overview and slices of long answers.

The ``/api/<command>`` routes answer with ``vbgraph.queries.api`` (the CLI's
questions, whole); the pages add what a browser needs to stay fast on a national
store: counts and one page of rows at a time.  Every Cypher text comes from
``vbgraph.queries.page_cypher``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from vbgraph.errors import QueryError
from vbgraph.graph.store import GraphStore, Row
from vbgraph.lookup import fold_name
from vbgraph.models import ROLE_TYPES, ROLES
from vbgraph.queries import api
from vbgraph.queries import page_cypher as pq

_ROLE_BY_TYPE = {v: k for k, v in ROLE_TYPES.items()}
#: Rows per page of a paged table.
PAGE_SIZE = 50


@dataclass(frozen=True, slots=True)
class YearRoles:
    """How many documents of one year give the agency each role (and in all)."""

    year: str
    documents: int
    roles: dict[str, int]


@dataclass(frozen=True, slots=True)
class AgencyOverview:
    name: str
    agencies: tuple[Row, ...]  # the stored agencies the name matched: key, name, province
    documents: int
    years: tuple[YearRoles, ...]
    tasks: int
    with_deadline: int
    overdue: int

    @property
    def keys(self) -> list[str]:
        return [str(a["key"]) for a in self.agencies]

    @property
    def provinces(self) -> list[str]:
        return sorted({str(a["province"]) for a in self.agencies if a.get("province")})

    def to_json(self) -> dict[str, Any]:
        return {
            "agency": self.name, "agencies": list(self.agencies), "provinces": self.provinces,
            "documents": self.documents, "tasks": self.tasks,
            "with_deadline": self.with_deadline, "overdue": self.overdue,
            "years": [{"year": y.year, "documents": y.documents, "roles": y.roles}
                      for y in self.years],
        }


def _role_names(types: list[str]) -> list[str]:
    return sorted((_ROLE_BY_TYPE[t] for t in types if t in _ROLE_BY_TYPE), key=ROLES.index)


def agency_overview(store: GraphStore, name: str, province: str | None, today: str
                    ) -> AgencyOverview:
    """The agencies ``name`` matches (folded, like ``assigned``), their documents per year
    and role, and their task and overdue counts (deadlines before ``today``, ISO)."""
    found = tuple(api.find_agencies(store, name, province))
    keys = [r["key"] for r in found]
    per_year: dict[str, int] = {}
    roles: dict[str, dict[str, int]] = {}
    for r in store.read(pq.AGENCY_YEARS, {"agencies": keys}):
        year, n = str(r.get("year") or ""), int(r["documents"])
        per_year[year] = per_year.get(year, 0) + n
        counts_of = roles.setdefault(year, {})
        for role in _role_names(list(r["roles"] or [])):
            counts_of[role] = counts_of.get(role, 0) + n
    years = tuple(YearRoles(y, per_year[y], roles[y]) for y in sorted(per_year))
    counts = store.read(pq.AGENCY_TASK_COUNTS, {"agencies": keys, "today": today})
    c = counts[0] if counts else {}
    return AgencyOverview(
        name=str(found[0]["name"]), agencies=found, documents=sum(per_year.values()),
        years=years, tasks=int(c.get("tasks") or 0),
        with_deadline=int(c.get("with_deadline") or 0), overdue=int(c.get("overdue") or 0),
    )


def _slice(page: int, size: int) -> dict[str, int]:
    if page < 1:
        raise QueryError(f"page must be 1 or more, not {page}")
    return {"skip": (page - 1) * size, "limit": size}


def agency_documents(store: GraphStore, keys: list[str], page: int = 1,
                     size: int = PAGE_SIZE) -> list[api.AssignedDocument]:
    """One page of the documents assigning the agencies ``keys``, newest first."""
    rows = store.read(pq.AGENCY_DOCUMENTS_PAGE, {"agencies": keys, **_slice(page, size)})
    return [api.AssignedDocument(
        key=r["key"], symbol=r["symbol"], title=r.get("title"), province=r.get("province"),
        date=r.get("date"), roles=tuple(_role_names(list(r["roles"] or []))),
        tasks=int(r["tasks"] or 0)) for r in rows]


def agency_tasks(store: GraphStore, keys: list[str], page: int = 1,
                 size: int = PAGE_SIZE) -> list[dict[str, Any]]:
    """One page of the agencies' tasks that have a deadline, latest deadline first."""
    rows = store.read(pq.AGENCY_TASKS_PAGE, {"agencies": keys, **_slice(page, size)})
    return [{**r, "roles": _role_names(list(r["roles"] or []))} for r in rows]


def search_agencies(store: GraphStore, text: str, limit: int = 50) -> list[Row]:
    """Agencies whose name contains ``text`` (any case or diacritics)."""
    needle = fold_name(text)
    if not needle:
        raise QueryError("search needs some text")
    return store.read(pq.SEARCH_AGENCIES, {"needle": needle, "limit": limit})
