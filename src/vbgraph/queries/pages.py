"""Typed reads behind the web app's pages: an agency's overview and slices of long answers.

The ``/api/<command>`` routes answer with ``vbgraph.queries.api`` (the CLI's
questions, whole); the pages add what a browser needs to stay fast on a national
store: counts and one page of rows at a time.  Every Cypher text comes from
``vbgraph.queries.page_cypher``.
"""

from __future__ import annotations

from collections.abc import Sequence
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
    tasks: int
    years: tuple[YearRoles, ...]

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
            "years": [{"year": y.year, "documents": y.documents, "roles": y.roles}
                      for y in self.years],
        }


def _role_names(types: list[str]) -> list[str]:
    return sorted((_ROLE_BY_TYPE[t] for t in types if t in _ROLE_BY_TYPE), key=ROLES.index)


def agency_overview(store: GraphStore, found: Sequence[Row]) -> AgencyOverview:
    """For the agencies ``found`` (``api.find_agencies``): their documents per year and
    role, and how many documents and tasks give them a role."""
    per_year: dict[str, int] = {}
    roles: dict[str, dict[str, int]] = {}
    tasks = 0
    for r in store.read(pq.AGENCY_YEARS, {"agencies": [a["key"] for a in found]}):
        year, n = str(r.get("year") or ""), int(r["documents"])
        per_year[year] = per_year.get(year, 0) + n
        tasks += int(r["tasks"] or 0)
        counts_of = roles.setdefault(year, {})
        for role in _role_names(list(r["roles"] or [])):
            counts_of[role] = counts_of.get(role, 0) + n
    years = tuple(YearRoles(y, per_year[y], roles[y]) for y in sorted(per_year))
    return AgencyOverview(name=str(found[0]["name"]), agencies=tuple(found),
                          documents=sum(per_year.values()), tasks=tasks, years=years)


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


def agency_tasks(store: GraphStore, keys: list[str], docs: list[str]) -> list[dict[str, Any]]:
    """The tasks the documents ``docs`` give the agencies ``keys``, latest deadline first."""
    rows = [{**r, "roles": _role_names(list(r["roles"] or []))}
            for r in store.read(pq.AGENCY_DOCUMENT_TASKS, {"agencies": keys, "docs": docs})]
    # Tasks without a deadline last (Cypher sorts nulls first in descending order).
    rows.sort(key=lambda r: r["deadline"] or "", reverse=True)
    return rows


#: The partners of an agency are counted in its latest documents, this many.
PARTNER_DOCUMENTS = 200


def agency_partners(store: GraphStore, keys: list[str], limit: int = 30,
                    recent: int = PARTNER_DOCUMENTS) -> list[Row]:
    """The ``limit`` agencies most often assigned with ``keys`` in their ``recent`` latest
    documents, most documents in common first."""
    rows = store.read(pq.AGENCY_PARTNERS, {"agencies": keys, "limit": limit, "recent": recent})
    return sorted(rows, key=lambda r: (-int(r["documents"]), str(r["name"]),
                                       str(r.get("province") or "")))


def search_agencies(store: GraphStore, text: str, limit: int = 50) -> list[Row]:
    """Agencies whose name contains ``text`` (any case or diacritics)."""
    needle = fold_name(text)
    if not needle:
        raise QueryError("search needs some text")
    return store.read(pq.SEARCH_AGENCIES, {"needle": needle, "limit": limit})
