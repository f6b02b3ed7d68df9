"""Typed reads behind the web app's pages: an agency's overview and slices of long answers.

The ``/api/<command>`` routes answer with the CLI's questions, whole (``documents``,
``lineage``, ``agencies``, ``corpus``); the pages add what a browser needs to stay fast
on a national store: counts and one page of rows at a time.  Every Cypher text comes from
``vbgraph.queries.page_cypher``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from vbgraph.errors import QueryError
from vbgraph.graph.store import GraphStore, Row
from vbgraph.lookup import fold_name
from vbgraph.models import ROLE_BY_TYPE, ROLES
from vbgraph.queries import page_cypher as pq
from vbgraph.queries.agencies import AssignedDocument

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
    return sorted((ROLE_BY_TYPE[t] for t in types if t in ROLE_BY_TYPE), key=ROLES.index)


def agency_overview(store: GraphStore, found: Sequence[Row]) -> AgencyOverview:
    """For the agencies ``found`` (``agencies.find_agencies``): their documents per year and
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


@dataclass(frozen=True, slots=True)
class DocumentsPage:
    """One page of an agency's documents (newest first) and the tasks they give it."""

    documents: tuple[AssignedDocument, ...]
    tasks: tuple[dict[str, Any], ...]  # latest deadline first, those without one last


def agency_documents(store: GraphStore, keys: list[str], page: int = 1,
                     size: int = PAGE_SIZE) -> DocumentsPage:
    """Page ``page`` of the documents assigning the agencies ``keys``, with their tasks."""
    documents: dict[str, AssignedDocument] = {}
    tasks: dict[str, dict[str, Any]] = {}
    for r in store.read(pq.AGENCY_DOCUMENTS_PAGE, {"agencies": keys, **_slice(page, size)}):
        if r["key"] not in documents:
            documents[r["key"]] = AssignedDocument(
                key=r["key"], symbol=r["symbol"], title=r.get("title"),
                province=r.get("province"), date=r.get("date"),
                roles=tuple(_role_names(list(r["document_roles"] or []))),
                tasks=int(r["tasks"] or 0))
        if r.get("task") is None:
            continue
        roles = _role_names(list(r["roles"] or []))
        known = tasks.get(r["task"])
        if known is not None:  # the same task given to two of the agencies ``keys``
            known["roles"] = sorted(set(known["roles"]) | set(roles), key=ROLES.index)
            continue
        tasks[r["task"]] = {"doc": r["key"], "symbol": r["symbol"], "task": r["task"],
                            "section": r["section"], "text": r["text"],
                            "deadline": r["deadline"], "recurring": r["recurring"],
                            "roles": roles}
    ordered = sorted(tasks.values(), key=lambda t: t["deadline"] or "", reverse=True)
    return DocumentsPage(tuple(documents.values()), tuple(ordered))


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
