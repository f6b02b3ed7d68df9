"""Questions about agencies: finding one from what a user typed, the documents and
tasks it is given, the agencies it shares tasks with, the responsibility matrix."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from vbgraph.errors import NotFoundError, QueryError
from vbgraph.graph.store import GraphStore, Row
from vbgraph.lookup import fold_name
from vbgraph.models import ROLE_BY_TYPE, ROLE_TYPES, ROLES
from vbgraph.queries.cypher.agencies import (
    AGENCY_TASKS,
    ALL_AGENCY_NAMES,
    ASSIGNED,
    ASSIGNED_ALL_ROLES,
    COLLECTIVE_AGENCIES,
    COORDINATION,
    FIND_AGENCIES,
    RESPONSIBILITY_MATRIX,
)
from vbgraph.queries.documents import find_document


def find_agencies(store: GraphStore, name: str, province: str | None = None) -> list[Row]:
    """Stored agencies whose name folds to the same as ``name``."""
    rows = store.read(FIND_AGENCIES, {"lookup": fold_name(name), "province": None})
    if province:
        rows = [r for r in rows if fold_name(r.get("province") or "") == fold_name(province)]
    if not rows:
        names = [r["name"] for r in store.read(ALL_AGENCY_NAMES)]
        close = _closest(fold_name(name), names)
        hint = f"; did you mean {', '.join(close)}?" if close else ""
        where = f" in {province}" if province else ""
        raise NotFoundError(f"no agency {name!r}{where} in the store{hint}")
    return rows


def _closest(folded: str, names: list[str]) -> list[str]:
    import difflib

    by_fold = {fold_name(n): n for n in names}
    return [by_fold[m] for m in difflib.get_close_matches(folded, list(by_fold), n=3, cutoff=0.6)]


def _agency_keys(store: GraphStore, agency: str, province: str | None,
                 include_collective: bool = False) -> tuple[str, list[str]]:
    found = find_agencies(store, agency, province)
    keys = [r["key"] for r in found]
    if include_collective:
        provinces = sorted({r["province"] for r in found if r.get("province")})
        keys += [r["key"] for r in store.read(COLLECTIVE_AGENCIES, {"provinces": provinces})
                 if r["key"] not in keys]
    return str(found[0]["name"]), keys


def _check_roles(roles: tuple[str, ...]) -> list[str]:
    unknown = [r for r in roles if r not in ROLES]
    if unknown:
        raise QueryError(f"unknown role {unknown[0]!r}; use one of {', '.join(ROLES)}")
    return [ROLE_TYPES[r] for r in roles]


@dataclass(frozen=True, slots=True)
class AssignedDocument:
    key: str
    symbol: str
    title: str | None
    province: str | None
    date: str | None
    roles: tuple[str, ...]
    tasks: int


@dataclass(frozen=True, slots=True)
class Assigned:
    agency: str
    documents: tuple[AssignedDocument, ...]

    def to_json(self) -> dict[str, Any]:
        return {
            "agency": self.agency,
            "documents": [
                {"key": d.key, "symbol": d.symbol, "title": d.title, "province": d.province,
                 "roles": list(d.roles), "tasks": d.tasks}
                for d in self.documents
            ],
        }


def assigned(
    store: GraphStore,
    agency: str,
    roles: tuple[str, ...] = ROLES,
    province: str | None = None,
    since: str | None = None,
    until: str | None = None,
    include_collective: bool = False,
) -> Assigned:
    """The documents that give ``agency`` a role, with its roles and task counts.

    ``since``/``until`` bound the document date (ISO, inclusive);
    ``include_collective`` also counts plans addressed to "Các sở, ban, ngành"
    and other collective addressees of the agency's province.
    """
    role_types = _check_roles(roles)
    name, keys = _agency_keys(store, agency, province, include_collective)
    params: dict[str, Any] = {"since": since, "until": until}
    if len(keys) == 1 and set(role_types) == set(ROLE_TYPES.values()):
        text = ASSIGNED_ALL_ROLES  # the per-document summaries (finding Q3)
        params["agency"] = keys[0]
    else:
        text = ASSIGNED
        params.update(agencies=keys, roles=role_types)
    role_names: dict[tuple[str, ...], tuple[str, ...]] = {}  # thousands of rows, few sets

    def names_of(types: list[str]) -> tuple[str, ...]:
        found = role_names.get(tuple(types))
        if found is None:
            found = tuple(sorted((ROLE_BY_TYPE[t] for t in types), key=ROLES.index))
            role_names[tuple(types)] = found
        return found

    docs = tuple(
        AssignedDocument(
            key=r["key"], symbol=r["symbol"], title=r.get("title"), province=r.get("province"),
            date=r.get("date"), roles=names_of(r["roles"]), tasks=int(r["tasks"]),
        )
        for r in store.read(text, params)
    )
    return Assigned(name, docs)


@dataclass(frozen=True, slots=True)
class TaskRow:
    doc: str
    symbol: str
    task: str
    section: str
    text: str
    deadline: str | None
    recurring: str | None
    agency: str
    role: str
    raw: str = ""


def tasks(
    store: GraphStore,
    agency: str,
    doc: str | None = None,
    due_before: str | None = None,
    province: str | None = None,
) -> list[TaskRow]:
    """The tasks ``agency`` has (in ``doc``; due before ``due_before``), with deadlines."""
    _, keys = _agency_keys(store, agency, province)
    doc_key = find_document(store, doc) if doc else None
    rows = store.read(AGENCY_TASKS, {"agencies": keys, "doc": doc_key, "due": due_before})
    out = [
        TaskRow(r["doc"], r["symbol"], r["task"], r["section"] or "", r["text"] or "",
                r.get("deadline"),
                r.get("recurring"), r["agency"], ROLE_BY_TYPE[r["role"]], r.get("raw") or "")
        for r in rows
    ]
    return sorted(out, key=lambda t: (t.doc, section_sort_key(t.section), ROLES.index(t.role),
                                      t.agency, t.task))


def section_sort_key(section: str) -> tuple[tuple[int, str], ...]:
    """Natural order of section ids: ``2.1`` < ``10.5``, ``III.2.a`` by its parts."""
    return tuple((int(p), "") if p.isdigit() else (-1, p) for p in re.split(r"[.\-]", section))


@dataclass(frozen=True, slots=True)
class Partner:
    key: str
    name: str
    province: str | None
    collective: bool
    shared_tasks: int


def coordination(store: GraphStore, agency: str, province: str | None = None) -> list[Partner]:
    """Agencies that share tasks with ``agency``, most shared first."""
    _, keys = _agency_keys(store, agency, province)
    return [
        Partner(r["key"], r["name"], r.get("province"), bool(r.get("collective")),
                int(r["shared"]))
        for r in store.read(COORDINATION, {"agencies": keys})
    ]


@dataclass(frozen=True, slots=True)
class Matrix:
    """Agency x document: for each cell, the roles and task count."""

    agencies: tuple[str, ...]
    documents: tuple[str, ...]  # symbols
    cells: dict[tuple[str, str], dict[str, int]]

    def role_cell(self, agency: str, document: str) -> str:
        cell = self.cells.get((agency, document), {})
        return ",".join(r for r in ROLES if r in cell)


def matrix(store: GraphStore, province: str | None = None) -> Matrix:
    """The responsibility matrix of the documents of ``province`` (all when None)."""
    cells: dict[tuple[str, str], dict[str, int]] = {}
    agencies: dict[str, None] = {}
    documents: dict[str, None] = {}
    for r in store.read(RESPONSIBILITY_MATRIX, {"province": province}):
        agencies[r["agency"]] = None
        documents[r["symbol"]] = None
        cell = cells.setdefault((r["agency"], r["symbol"]), {})
        role = ROLE_BY_TYPE[r["role"]]
        cell[role] = cell.get(role, 0) + int(r["tasks"])
    return Matrix(tuple(sorted(agencies)), tuple(documents), cells)
