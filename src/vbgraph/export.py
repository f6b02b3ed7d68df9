"""Export the whole graph: GraphML / GEXF (Gephi), CSV (neo4j-admin import), Cypher script.

Every property of every node and relationship is written (``lookup``,
``number``, ``scope``, ``title_fold``, ``text_fold``, spans, checksums...), so
``vbgraph import`` of a ``csv`` or ``cypher`` export rebuilds a store with the
same ``stats`` and the same answers (``vbgraph/importer.py``).

* ``graphml`` / ``gexf``: one file through networkx; every node carries its
  label (``Document``, ``Agency``, ``Task``) and properties, every edge its type.
* ``csv``: a folder of ``neo4j-admin database import`` files with typed headers
  (``key:ID(Document)``, ``in_corpus:boolean``, ``start:int``, ``:START_ID(Agency)``,
  ``:TYPE``...).  A null is an empty field, an empty string a quoted ``""`` (what
  neo4j-admin reads unless ``--ignore-empty-strings``); texts hold line breaks, so
  pass ``--multiline-fields=true``.
* ``cypher``: a ``cypher-shell`` script that sets ``:param rows`` and runs the
  same batched MERGE texts ``ingest`` uses, so it loads into any Neo4j 5 -- or
  into any vbgraph store with ``vbgraph import``.
"""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from vbgraph.errors import VbgraphError
from vbgraph.graph.store import BATCH_SIZE, GraphStore, Row
from vbgraph.queries.cypher.export import (
    ALL_ISSUED_BY,
    EXPORT_AGENCIES,
    EXPORT_DOCUMENT_EDGES,
    EXPORT_DOCUMENTS,
    EXPORT_ROLES,
    EXPORT_TASKS,
)
from vbgraph.queries.cypher.ingest import (
    MERGE_AGENCIES,
    MERGE_CORPUS_DOCUMENTS,
    MERGE_EDGES,
    MERGE_ISSUED_BY,
    MERGE_ROLES,
    MERGE_STUB_DOCUMENTS,
    MERGE_TASKS,
)

EXPORT_FORMATS = ("graphml", "gexf", "csv", "cypher")


@dataclass(slots=True)
class GraphDump:
    """The whole graph as rows; each node and relationship with all its properties
    (``props``).  Derived data (the ``ASSIGNED_IN`` summaries) is left out and rebuilt."""

    documents: list[Row] = field(default_factory=list)  # key, props
    agencies: list[Row] = field(default_factory=list)  # key, props
    tasks: list[Row] = field(default_factory=list)  # key, doc, props
    doc_edges: list[Row] = field(default_factory=list)  # source, target, relation, props
    roles: list[Row] = field(default_factory=list)  # agency, task, role, props
    issued_by: list[Row] = field(default_factory=list)  # doc, agency


def dump(store: GraphStore) -> GraphDump:
    def rows(text: str, drop: tuple[str, ...] = ()) -> list[Row]:
        out = store.read(text)
        for r in out:
            r["props"] = {k: v for k, v in (r.get("props") or {}).items() if v is not None}
            for k in drop:
                r.pop(k, None)
        return out

    return GraphDump(
        documents=rows(EXPORT_DOCUMENTS),
        agencies=rows(EXPORT_AGENCIES),
        tasks=rows(EXPORT_TASKS),
        doc_edges=rows(EXPORT_DOCUMENT_EDGES, drop=("asserted_by",)),
        roles=rows(EXPORT_ROLES),
        issued_by=store.read(ALL_ISSUED_BY),
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
        write_csv(data, out)
    else:
        write_cypher(data, out)
    return out


def to_networkx(data: GraphDump) -> Any:
    import networkx as nx

    g = nx.MultiDiGraph()

    def clean(props: Row) -> dict[str, Any]:
        # GraphML/GEXF take scalars only; None is left out.
        return {k: v for k, v in props.items()
                if v is not None and not isinstance(v, (list, dict)) and k != "label"}

    for r in data.documents:
        g.add_node(r["key"], label="Document", **clean(r["props"]))
    for r in data.agencies:
        g.add_node(r["key"], label="Agency", **clean(r["props"]))
    for r in data.tasks:
        g.add_node(r["key"], label="Task", **clean(r["props"]))
        g.add_edge(r["doc"], r["key"], type="HAS_TASK")
    for r in data.doc_edges:
        g.add_edge(r["source"], r["target"], type=r["relation"],
                   **clean({"asserted_by": "", "raw": "", **r["props"]}))
    for r in data.roles:
        g.add_edge(r["agency"], r["task"], type=r["role"], **clean({"raw": "", **r["props"]}))
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


# --------------------------------------------------------------------------
# CSV (neo4j-admin import)
# --------------------------------------------------------------------------

#: Columns written first (then every other property, sorted).
_FIRST_COLUMNS: dict[str, tuple[str, ...]] = {
    "documents.csv": ("symbol", "type", "issuer", "province", "date", "year", "title",
                      "in_corpus"),
    "agencies.csv": ("name", "province", "level", "collective"),
    "tasks.csv": ("doc", "section", "text", "deadline", "recurring"),
    "document_edges.csv": ("asserted_by", "raw"),
    "roles.csv": ("raw",),
}

#: The files of a CSV export: name -> (head columns, node label or None for relationships).
CSV_FILES = ("documents.csv", "agencies.csv", "tasks.csv", "document_edges.csv",
             "has_task.csv", "roles.csv", "issued_by.csv")


def _type_suffix(name: str, values: list[Any]) -> str:
    kinds = {type(v) for v in values if v is not None}
    if not kinds or kinds == {str}:
        return ""
    if kinds == {bool}:
        return ":boolean"
    if kinds == {int}:
        return ":long"
    if kinds <= {int, float}:
        return ":double"
    raise VbgraphError(f"cannot write property {name!r} of types "
                       f"{sorted(k.__name__ for k in kinds)} to CSV")


def _prop_columns(file: str, rows: list[Row]) -> list[tuple[str, str]]:
    """(property, typed header) of every property the rows hold but ``key`` (the ID
    column), in file order."""
    names = {k for r in rows for k in r["props"]} - {"key"}
    first = [c for c in _FIRST_COLUMNS.get(file, ()) if c in names or file == "documents.csv"]
    order = first + sorted(names - set(first))
    return [(n, n + _type_suffix(n, [r["props"].get(n) for r in rows])) for n in order]


def write_csv(data: GraphDump, folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)

    def write(name: str, header: list[str], rows: Iterator[list[Any]]) -> None:
        with (folder / name).open("w", encoding="utf-8", newline="") as fh:
            csv.writer(fh).writerow(header)
            csv.writer(fh, quoting=csv.QUOTE_NOTNULL).writerows(rows)

    def nodes(name: str, label: str, rows: list[Row]) -> None:
        cols = _prop_columns(name, rows)
        write(name, [f"key:ID({label})", *[h for _, h in cols], ":LABEL"],
              ([r["key"], *[_csv(r["props"].get(c)) for c, _ in cols], label] for r in rows))

    def relationships(name: str, start: tuple[str, str], end: tuple[str, str], kind: str,
                      rows: list[Row]) -> None:
        cols = _prop_columns(name, rows)
        write(name, [f":START_ID({start[0]})", f":END_ID({end[0]})", ":TYPE",
                     *[h for _, h in cols]],
              ([r[start[1]], r[end[1]], r[kind], *[_csv(r["props"].get(c)) for c, _ in cols]]
               for r in rows))

    nodes("documents.csv", "Document", data.documents)
    nodes("agencies.csv", "Agency", data.agencies)
    nodes("tasks.csv", "Task", data.tasks)
    relationships("document_edges.csv", ("Document", "source"), ("Document", "target"),
                  "relation", data.doc_edges)
    relationships("has_task.csv", ("Document", "doc"), ("Task", "key"), "type",
                  [{"doc": r["doc"], "key": r["key"], "type": "HAS_TASK", "props": {}}
                   for r in data.tasks])
    relationships("roles.csv", ("Agency", "agency"), ("Task", "task"), "role", data.roles)
    relationships("issued_by.csv", ("Document", "doc"), ("Agency", "agency"), "type",
                  [{**r, "type": "ISSUED_BY", "props": {}} for r in data.issued_by])


def _csv(value: Any) -> Any:
    if isinstance(value, bool):
        return "true" if value else "false"
    return value


# --------------------------------------------------------------------------
# Cypher script (cypher-shell, vbgraph import)
# --------------------------------------------------------------------------


def write_steps(data: GraphDump) -> list[tuple[str, list[Row]]]:
    """The MERGE texts and their rows that rebuild ``data``, nodes first."""
    corpus = [{"key": r["key"], "props": _without(r["props"], "key")}
              for r in data.documents if r["props"].get("in_corpus")]
    stubs = [{"key": r["key"], "props": _without(r["props"], "key")}
             for r in data.documents if not r["props"].get("in_corpus")]
    agencies = [{"key": r["key"], "props": _without(r["props"], "key")} for r in data.agencies]
    tasks = [{"key": r["key"], "doc": r["doc"], "props": _without(r["props"], "key")}
             for r in data.tasks]
    steps: list[tuple[str, list[Row]]] = [
        (MERGE_CORPUS_DOCUMENTS, corpus),
        (MERGE_STUB_DOCUMENTS, stubs),
        (MERGE_AGENCIES, agencies),
        (MERGE_TASKS, tasks),
    ]
    for rel_type, text in MERGE_EDGES.items():
        steps.append((text, [
            {"source": r["source"], "target": r["target"],
             "asserted_by": r["props"].get("asserted_by"), "raw": r["props"].get("raw"),
             "start": r["props"].get("start"), "end": r["props"].get("end"),
             "uncertain": r["props"].get("uncertain")}
            for r in data.doc_edges if r["relation"] == rel_type]))
    for rel_type, text in MERGE_ROLES.items():
        steps.append((text, [
            {"agency": r["agency"], "task": r["task"], "raw": r["props"].get("raw"),
             "start": r["props"].get("start"), "end": r["props"].get("end"),
             "uncertain": r["props"].get("uncertain")}
            for r in data.roles if r["role"] == rel_type]))
    steps.append((MERGE_ISSUED_BY, [{"doc": r["doc"], "agency": r["agency"]}
                                      for r in data.issued_by]))
    return [(text, rows) for text, rows in steps if rows]


def _without(props: Row, *names: str) -> Row:
    return {k: v for k, v in props.items() if k not in names}


#: First line of a Cypher export (``vbgraph import`` checks it).
CYPHER_HEADER = "// vbgraph export: run with cypher-shell -f this-file, or vbgraph import this-file"


def write_cypher(data: GraphDump, out: Path) -> None:
    with out.open("w", encoding="utf-8") as fh:
        fh.write(CYPHER_HEADER + "\n")
        for text, rows in write_steps(data):
            for i in range(0, len(rows), BATCH_SIZE):
                fh.write(f":param rows => {cypher_literal(rows[i : i + BATCH_SIZE])}\n")
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
