"""The read-only Cypher console: a query's rows as a table and as a graph.

The query goes through ``guard.run_read_query``, the check ``vbgraph cypher`` uses
(a write clause is refused before it reaches the store), to a store the app
holds read-only (``ReadOnlyStore``) whose backends read in read-only mode.

The graph: every cell holding a node (a map with a ``key``) is drawn once; the
nodes of one row are linked in column order, each link named by the column(s)
between them (``RETURN a, r, b`` draws ``a -r-> b``).
"""

from __future__ import annotations

from typing import Any

from starlette.requests import Request
from starlette.responses import Response

from vbgraph.queries.guard import run_read_query
from vbgraph.views.style import FAMILY_COLORS, family
from vbgraph.web.commands import cypher_params
from vbgraph.web.pages import DATA, store_of
from vbgraph.web.params import Params
from vbgraph.web.render import PageAnswer, Table, respond

#: Nodes drawn at most; the table and the downloads have every row.
MAX_GRAPH_NODES = 500

EXAMPLES: tuple[tuple[str, str], ...] = (
    ("Văn bản trong kho",
     "MATCH (d:Document {in_corpus: true}) RETURN d.symbol AS symbol, d.title AS title LIMIT 20"),
    ("Văn bản và văn bản được thực hiện",
     "MATCH (a:Document)-[r:IMPLEMENTS]->(b:Document) RETURN a, r, b LIMIT 50"),
    ("Cơ quan chủ trì nhiều nhiệm vụ nhất",
     "MATCH (a:Agency)-[:LEADS]->(t:Task) RETURN a.name AS agency, a.province AS province, "
     "count(t) AS tasks ORDER BY tasks DESC LIMIT 20"),
)


def _is_node(value: Any) -> bool:
    return isinstance(value, dict) and isinstance(value.get("key"), str)


def _node(value: dict[str, Any]) -> dict[str, Any]:
    key = value["key"]
    if "symbol" in value:  # a Document
        color = FAMILY_COLORS[family(str(value["symbol"]))]
        label = str(value["symbol"])
        shape = "box"
    elif "name" in value:  # an Agency
        color, label, shape = "#f4d03f", str(value["name"]), "ellipse"
    else:  # a Task or anything else with a key
        color, label, shape = "#d5d8dc", str(value.get("section") or key)[:40], "dot"
    tip = "\n".join(f"{k}: {v}" for k, v in value.items() if not k.endswith("_fold"))
    return {"id": key, "label": label, "shape": shape, "tip": tip[:2000],
            "color": {"background": color, "border": "#333333"},
            "font": {"color": "#ffffff" if shape == "box" else "#222222"}}


def result_graph(rows: list[dict[str, Any]]) -> dict[str, Any]:
    nodes: dict[str, dict[str, Any]] = {}
    edges: dict[str, dict[str, Any]] = {}
    truncated = False
    for row in rows:
        previous: str | None = None
        between: list[str] = []
        for column, value in row.items():
            if not _is_node(value):
                between.append(column)
                continue
            key = value["key"]
            if key not in nodes:
                if len(nodes) >= MAX_GRAPH_NODES:
                    truncated = True
                    previous, between = None, []
                    continue
                nodes[key] = _node(value)
            if previous is not None and previous != key:
                label = " ".join(between)
                eid = f"{previous}>{key}>{label}"
                edges.setdefault(eid, {"id": eid, "from": previous, "to": key, "label": label,
                                       "arrows": "to"})
            previous, between = key, []
    return {"nodes": list(nodes.values()), "edges": list(edges.values()),
            "truncated": truncated}


def cypher_page(request: Request) -> Response:
    params = Params(request.query_params, ("query", "param", *DATA))
    text = params.text("query")
    values = params.many("param")
    rows: list[dict[str, Any]] = []
    if text is not None:
        rows = run_read_query(store_of(request), text, cypher_params(values))
    columns = list(rows[0]) if rows else []
    graph = result_graph(rows)
    context = {"query": text or "", "params": values, "rows": rows, "columns": columns,
               "graph": graph, "examples": EXAMPLES, "ran": text is not None}
    return respond(request, params, PageAnswer(
        "cypher.html", "Bảng điều khiển Cypher (chỉ đọc)", context,
        {"rows": Table(columns, rows)}, rows))
