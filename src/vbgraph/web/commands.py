"""``/api/<command>``: the CLI's query commands over HTTP, with the same answers.

Each command takes the CLI's arguments and options as query parameters
(``/api/lineage?doc=590/QĐ-UBND&direction=up``) and answers with what
``vbgraph <command> --json`` prints (``format=json``, the default) or
``--csv`` prints (``format=csv``).  ``tests/test_web_api.py`` runs both the CLI
and these routes on one store and compares them, command by command.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from vbgraph.graph.store import GraphStore
from vbgraph.models import RELATION_ORDER, ROLES
from vbgraph.queries.agencies import assigned, coordination, matrix, tasks
from vbgraph.queries.corpus import gaps, search, stats
from vbgraph.queries.cypher.documents import MAX_DEPTH
from vbgraph.queries.documents import find_document, show
from vbgraph.queries.guard import run_read_query
from vbgraph.queries.lineage import (
    LINEAGE_RELATIONS,
    descendants_by_province,
    lineage,
    path,
)
from vbgraph.tables import (
    LINEAGE_COLUMNS,
    SHOW_COLUMNS,
    STATS_COLUMNS,
    lineage_rows,
    short,
    show_rows,
    stats_rows,
)
from vbgraph.web.params import ParameterError, Params

#: Every command takes ``format``; a page's download links add ``table``.
COMMON = ("format",)
DOC = ("province", "year")


@dataclass(frozen=True, slots=True)
class Answer:
    """One command's answer: its table (``--csv``) and its JSON (``--json``)."""

    rows: list[dict[str, Any]]
    columns: list[str]
    data: Any


@dataclass(frozen=True, slots=True)
class Command:
    name: str
    params: tuple[str, ...]
    run: Callable[[GraphStore, Params], Answer]
    example: str


def _lineage(store: GraphStore, p: Params) -> Answer:
    doc = p.required("doc")
    direction = p.choice("direction", ("up", "down", "both"), "up")
    depth = p.integer("depth", 1, MAX_DEPTH, 6)
    relations = p.choices("relation", RELATION_ORDER) or LINEAGE_RELATIONS
    province, year = p.text("province"), p.text("year")
    if p.flag("by-province"):
        key = find_document(store, doc, province, year)
        groups = descendants_by_province(store, key, relations)
        rows = [{"province": prov or "(trung ương)", "symbol": d["symbol"],
                 "in corpus": d["in_corpus"], "depth": d["depth"], "date": d["date"],
                 "title": d["title"]}
                for prov, docs in groups.items() for d in docs]
        return Answer(rows, ["province", "symbol", "in corpus", "depth", "date", "title"],
                      {"root": key, "provinces": groups})
    assert direction is not None
    result = lineage(store, doc, direction, depth, relations, province, year)
    return Answer(lineage_rows(result), LINEAGE_COLUMNS, result.to_json())


def _path(store: GraphStore, p: Params) -> Answer:
    edges = path(store, p.required("doc-a"), p.required("doc-b"))
    rows = [{"source": short(e.source), "relation": e.relation, "target": short(e.target),
             "stated by": short(e.asserted_by), "sentence": e.raw} for e in edges]
    return Answer(rows, ["source", "relation", "target", "stated by", "sentence"],
                  [dataclasses.asdict(e) for e in edges])


def _assigned(store: GraphStore, p: Params) -> Answer:
    result = assigned(store, p.required("agency"), p.choices("role", ROLES) or ROLES,
                      p.text("province"), p.iso_date("since"), p.iso_date("until"),
                      p.flag("include-collective"))
    rows = [{"symbol": d.symbol, "province": d.province, "date": d.date,
             "roles": list(d.roles), "tasks": d.tasks, "title": d.title}
            for d in result.documents]
    return Answer(rows, ["symbol", "province", "date", "roles", "tasks", "title"],
                  result.to_json())


def _tasks(store: GraphStore, p: Params) -> Answer:
    found = tasks(store, p.required("agency"), p.text("doc"), p.iso_date("due-before"),
                  p.text("province"))
    rows = [{"symbol": t.symbol, "section": t.section, "role": t.role, "deadline": t.deadline,
             "recurring": t.recurring, "agency": t.agency, "text": t.text or t.raw}
            for t in found]
    return Answer(rows, ["symbol", "section", "role", "deadline", "recurring", "text"],
                  [dataclasses.asdict(t) for t in found])


def _coordination(store: GraphStore, p: Params) -> Answer:
    partners = coordination(store, p.required("agency"), p.text("province"))
    rows = [{"agency": x.name, "province": x.province, "collective": x.collective,
             "shared tasks": x.shared_tasks} for x in partners]
    return Answer(rows, ["agency", "province", "collective", "shared tasks"], rows)


def _matrix(store: GraphStore, p: Params) -> Answer:
    m = matrix(store, p.text("province"))
    rows = [{"agency": a, **{d: m.role_cell(a, d) for d in m.documents}} for a in m.agencies]
    data = {"documents": list(m.documents), "agencies": list(m.agencies),
            "cells": [{"agency": a, "document": d, "roles": roles}
                      for (a, d), roles in sorted(m.cells.items())]}
    return Answer(rows, ["agency", *m.documents], data)


def _gaps(store: GraphStore, p: Params) -> Answer:
    result = gaps(store)
    rows = [{"symbol": m["symbol"], "type": m.get("type"), "year": m.get("year"),
             "cited by": m["citing"], "relations": m["relations"], "issuer": m.get("issuer")}
            for m in result["missing"]]
    return Answer(rows, ["symbol", "type", "year", "cited by", "relations", "issuer"], result)


def _search(store: GraphStore, p: Params) -> Answer:
    if p.has("q") and p.has("text"):
        raise ParameterError("give the search text once, as q or as text")
    text = p.text("q") or p.text("text")
    if text is None:
        raise ParameterError("parameter 'q' (the text to search for) is required")
    result = search(store, text, p.integer("limit", 1, 1000, 50))
    rows = [{"kind": "document", "symbol": d["symbol"], "section": "",
             "text": d.get("title") or ""} for d in result["documents"]]
    rows += [{"kind": "task", "symbol": t["symbol"], "section": t["section"],
              "text": t["text"]} for t in result["tasks"]]
    return Answer(rows, ["kind", "symbol", "section", "text"], result)


def _show(store: GraphStore, p: Params) -> Answer:
    card = show(store, p.required("doc"), p.text("province"), p.text("year"))
    return Answer(show_rows(card), SHOW_COLUMNS, card.to_json())


def cypher_params(values: tuple[str, ...]) -> dict[str, Any]:
    """``param=NAME=VALUE`` (repeatable), VALUE read as JSON when it parses, like ``-p``."""
    parsed: dict[str, Any] = {}
    for item in values:
        if "=" not in item or not item.split("=", 1)[0].strip():
            raise ParameterError(f"param={item!r} is not NAME=VALUE")
        name, value = item.split("=", 1)
        try:
            parsed[name.strip()] = json.loads(value)
        except json.JSONDecodeError:
            parsed[name.strip()] = value
    return parsed


def _cypher(store: GraphStore, p: Params) -> Answer:
    rows = run_read_query(store, p.required("query"), cypher_params(p.many("param")))
    return Answer(rows, list(rows[0]) if rows else [], rows)


def _stats(store: GraphStore, p: Params) -> Answer:
    result = stats(store)
    return Answer(stats_rows(result), STATS_COLUMNS, result)


COMMANDS: dict[str, Command] = {c.name: c for c in (
    Command("lineage", ("doc", "direction", "depth", "relation", "by-province", *DOC), _lineage,
            "/api/lineage?doc=590/QĐ-UBND&direction=up"),
    Command("path", ("doc-a", "doc-b"), _path, "/api/path?doc-a=590/QĐ-UBND&doc-b=22-NQ/TW"),
    Command("assigned", ("agency", "role", "province", "since", "until", "include-collective"),
            _assigned, "/api/assigned?agency=Sở Ngoại vụ&province=Thanh Hóa"),
    Command("tasks", ("agency", "doc", "province", "due-before"), _tasks,
            "/api/tasks?agency=Sở Kế hoạch và Đầu tư&doc=214/KH-UBND"),
    Command("coordination", ("agency", "province"), _coordination,
            "/api/coordination?agency=Sở Ngoại vụ&province=Quảng Ngãi"),
    Command("matrix", ("province",), _matrix, "/api/matrix?province=Thanh Hóa"),
    Command("gaps", (), _gaps, "/api/gaps"),
    Command("search", ("q", "text", "limit"), _search, "/api/search?q=hoi nhap quoc te"),
    Command("show", ("doc", *DOC), _show, "/api/show?doc=214/KH-UBND"),
    Command("cypher", ("query", "param"), _cypher,
            "/api/cypher?query=MATCH (d:Document) RETURN d.symbol AS symbol LIMIT 5"),
    Command("stats", (), _stats, "/api/stats"),
)}


def run(store: GraphStore, name: str, params: Params) -> Answer:
    return COMMANDS[name].run(store, params)
