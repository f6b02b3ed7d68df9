"""Export the whole graph: GraphML / GEXF (Gephi), CSV (neo4j-admin import), Cypher script.

* ``graphml`` / ``gexf``: one file through networkx; every node carries its
  label (``Document``, ``Agency``, ``Task``) and properties, every edge its type.
* ``csv``: a folder of ``neo4j-admin database import`` files with typed headers
  (``key:ID(Document)``, ``:START_ID(Agency)``, ``:TYPE``...).
* ``cypher``: a ``cypher-shell`` script that sets ``:param rows`` and runs the
  same batched MERGE texts ``ingest`` uses, so it loads into any Neo4j 5.
"""

from __future__ import annotations

import csv
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from vbgraph.errors import VbgraphError
from vbgraph.graph.store import GraphStore, Row
from vbgraph.queries import cypher as q

EXPORT_FORMATS = ("graphml", "gexf", "csv", "cypher")


@dataclass(slots=True)
class GraphDump:
    documents: list[Row] = field(default_factory=list)
    agencies: list[Row] = field(default_factory=list)
    tasks: list[Row] = field(default_factory=list)
    doc_edges: list[Row] = field(default_factory=list)
    roles: list[Row] = field(default_factory=list)
    issued_by: list[Row] = field(default_factory=list)


def dump(store: GraphStore) -> GraphDump:
    return GraphDump(
        documents=store.read(q.ALL_DOCUMENTS),
        agencies=store.read(q.ALL_AGENCIES),
        tasks=store.read(q.ALL_TASKS),
        doc_edges=store.read(q.ALL_DOCUMENT_EDGES),
        roles=store.read(q.ALL_ROLES),
        issued_by=store.read(q.ALL_ISSUED_BY),
    )


def export(store: GraphStore, fmt: str, path: str | Path) -> Path:
    """Write the graph in ``fmt`` to ``path`` (a folder for ``csv``); return the path."""
    if fmt not in EXPORT_FORMATS:
        raise VbgraphError(f"unknown export format {fmt!r}; use one of {', '.join(EXPORT_FORMATS)}")
    out = Path(path)
    data = dump(store)
    if fmt in ("graphml", "gexf"):
        _write_networkx(data, fmt, out)
    elif fmt == "csv":
        _write_csv(data, out)
    else:
        _write_cypher(data, out)
    return out


def to_networkx(data: GraphDump) -> Any:
    import networkx as nx

    g = nx.MultiDiGraph()

    def clean(row: Row) -> dict[str, Any]:
        # GraphML/GEXF take scalars only; None is left out.
        return {k: v for k, v in row.items() if v is not None and not isinstance(v, (list, dict))}

    for r in data.documents:
        g.add_node(r["key"], label="Document", **clean(r))
    for r in data.agencies:
        g.add_node(r["key"], label="Agency", **clean(r))
    for r in data.tasks:
        g.add_node(r["key"], label="Task", **clean(r))
        g.add_edge(r["doc"], r["key"], type="HAS_TASK")
    for r in data.doc_edges:
        g.add_edge(r["source"], r["target"], type=r["relation"],
                   asserted_by=r.get("asserted_by") or "", raw=r.get("raw") or "")
    for r in data.roles:
        g.add_edge(r["agency"], r["task"], type=r["role"], raw=r.get("raw") or "")
    for r in data.issued_by:
        g.add_edge(r["doc"], r["agency"], type="ISSUED_BY")
    return g


def _write_networkx(data: GraphDump, fmt: str, out: Path) -> None:
    import networkx as nx

    g = to_networkx(data)
    if fmt == "graphml":
        nx.write_graphml(g, out)
    else:
        nx.write_gexf(g, out)


_DOC_COLUMNS = ("key", "symbol", "type", "issuer", "province", "date", "year", "title",
                "in_corpus")


def _write_csv(data: GraphDump, folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)

    def write(name: str, header: list[str], rows: list[list[Any]]) -> None:
        with (folder / name).open("w", encoding="utf-8", newline="") as fh:
            w = csv.writer(fh)
            w.writerow(header)
            w.writerows(rows)

    write("documents.csv",
          ["key:ID(Document)", *[c if c != "in_corpus" else "in_corpus:boolean"
                                 for c in _DOC_COLUMNS[1:]], ":LABEL"],
          [[_csv(r.get(c)) for c in _DOC_COLUMNS] + ["Document"] for r in data.documents])
    write("agencies.csv",
          ["key:ID(Agency)", "name", "province", "level", "collective:boolean", ":LABEL"],
          [[r["key"], r["name"], _csv(r.get("province")), _csv(r.get("level")),
            _csv(r.get("collective")), "Agency"] for r in data.agencies])
    write("tasks.csv",
          ["key:ID(Task)", "doc", "section", "text", "deadline", "recurring", ":LABEL"],
          [[r["key"], r["doc"], _csv(r.get("section")), _csv(r.get("text")),
            _csv(r.get("deadline")), _csv(r.get("recurring")), "Task"] for r in data.tasks])
    write("document_edges.csv",
          [":START_ID(Document)", ":END_ID(Document)", ":TYPE", "asserted_by", "raw"],
          [[r["source"], r["target"], r["relation"], _csv(r.get("asserted_by")),
            _csv(r.get("raw"))] for r in data.doc_edges])
    write("has_task.csv", [":START_ID(Document)", ":END_ID(Task)", ":TYPE"],
          [[r["doc"], r["key"], "HAS_TASK"] for r in data.tasks])
    write("roles.csv", [":START_ID(Agency)", ":END_ID(Task)", ":TYPE", "raw"],
          [[r["agency"], r["task"], r["role"], _csv(r.get("raw"))] for r in data.roles])
    write("issued_by.csv", [":START_ID(Document)", ":END_ID(Agency)", ":TYPE"],
          [[r["doc"], r["agency"], "ISSUED_BY"] for r in data.issued_by])


def _csv(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return value


def _write_cypher(data: GraphDump, out: Path) -> None:
    def props(r: Row, skip: tuple[str, ...]) -> dict[str, Any]:
        return {k: v for k, v in r.items() if k not in skip and v is not None}

    corpus = [{"key": r["key"], "props": props(r, ("key", "in_corpus"))}
              for r in data.documents if r.get("in_corpus")]
    stubs = [{"key": r["key"], "props": props(r, ("key", "in_corpus"))}
             for r in data.documents if not r.get("in_corpus")]
    agencies = [{"key": r["key"], "props": props(r, ("key",))} for r in data.agencies]
    tasks = [{"key": r["key"], "doc": r["doc"], "props": props(r, ("key",))} for r in data.tasks]
    steps: list[tuple[str, list[Row]]] = [
        (q.MERGE_CORPUS_DOCUMENTS, corpus),
        (q.MERGE_STUB_DOCUMENTS, stubs),
        (q.MERGE_AGENCIES, agencies),
        (q.MERGE_TASKS, tasks),
    ]
    for rel_type, text in q.MERGE_EDGES.items():
        rows = [{"source": r["source"], "target": r["target"],
                 "asserted_by": r.get("asserted_by") or "", "raw": r.get("raw") or "",
                 "start": -1, "end": -1, "uncertain": False}
                for r in data.doc_edges if r["relation"] == rel_type]
        steps.append((text, rows))
    for rel_type, text in q.MERGE_ROLES.items():
        rows = [{"agency": r["agency"], "task": r["task"], "raw": r.get("raw") or "",
                 "start": -1, "end": -1, "uncertain": False}
                for r in data.roles if r["role"] == rel_type]
        steps.append((text, rows))
    steps.append((q.MERGE_ISSUED_BY, data.issued_by))
    with out.open("w", encoding="utf-8") as fh:
        fh.write("// vbgraph export: run with cypher-shell -f this-file\n")
        for text, rows in steps:
            if not rows:
                continue
            fh.write(f":param rows => {cypher_literal(rows)}\n")
            fh.write(text.strip() + ";\n")


_IDENTIFIER = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


def cypher_literal(value: Any) -> str:
    """A Cypher literal for a JSON-like value (maps, lists, strings, numbers, booleans, null)."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return json.dumps(value)
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)  # Cypher accepts "..." with JSON escapes
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(cypher_literal(v) for v in value) + "]"
    if isinstance(value, dict):
        items = []
        for k, v in value.items():
            name = k if _IDENTIFIER.match(k) else "`" + k.replace("`", "``") + "`"
            items.append(f"{name}: {cypher_literal(v)}")
        return "{" + ", ".join(items) + "}"
    raise TypeError(f"cannot write {type(value).__name__} as a Cypher literal")
