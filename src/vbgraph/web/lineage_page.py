"""The lineage page: a document's lineage drawn with vis-network, expanded on click.

``direction=both`` on this page is what the document rests on *and* what rests
on it (``up`` and ``down`` together); the CLI's ``--direction both`` (and
``/api/lineage?direction=both``) follows edges either way at every step, which
on a national store reaches the sibling plans of every province after two
steps.  The page draws ``depth`` levels (3 by default); clicking a node asks
this page for that node's neighbours (``depth=1``) and adds them.
"""

from __future__ import annotations

from typing import Any

from starlette.requests import Request
from starlette.responses import Response

from vbgraph.graph.store import GraphStore
from vbgraph.models import RELATION_ORDER
from vbgraph.queries.cypher.documents import MAX_DEPTH
from vbgraph.queries.lineage import LINEAGE_RELATIONS, Lineage, lineage
from vbgraph.tables import LINEAGE_COLUMNS, lineage_rows
from vbgraph.views.html import graph_options
from vbgraph.views.style import document_edges, document_node, family_legend, relation_legend
from vbgraph.web.pages import DATA, find_document, store_of
from vbgraph.web.params import Params
from vbgraph.web.render import PageAnswer, Table, respond

DIRECTIONS = {"both": "cả hai chiều", "up": "nguồn gốc (văn bản được căn cứ, thực hiện)",
              "down": "văn bản căn cứ, thực hiện văn bản này"}
DEFAULT_DEPTH = 3
#: Documents drawn at most (the nearest to the root first); the table lists every edge.
MAX_DRAWN = 400


def page_lineage(store: GraphStore, key: str, direction: str, depth: int,
                 relations: tuple[str, ...]) -> Lineage:
    """``queries.lineage.lineage``, with ``both`` meaning up and down together (see the module)."""
    if direction != "both":
        return lineage(store, key, direction, depth, relations)
    up = lineage(store, key, "up", depth, relations)
    down = lineage(store, key, "down", depth, relations)
    nodes = {n.key: n for n in (*up.nodes, *down.nodes)}
    edges = dict.fromkeys((*up.edges, *down.edges))
    return Lineage(key, tuple(nodes[k] for k in sorted(nodes)), tuple(edges))


def nearest(result: Lineage, limit: int) -> set[str]:
    """The ``limit`` documents closest to the root (breadth first, either direction)."""
    around: dict[str, list[str]] = {}
    for e in result.edges:
        around.setdefault(e.source, []).append(e.target)
        around.setdefault(e.target, []).append(e.source)
    seen, frontier = {result.root}, [result.root]
    while frontier and len(seen) < limit:
        step = []
        for key in frontier:
            for other in sorted(around.get(key, ())):
                if other not in seen and len(seen) < limit:
                    seen.add(other)
                    step.append(other)
        frontier = step
    return seen


def vis_graph(result: Lineage, limit: int = MAX_DRAWN) -> dict[str, Any]:
    """vis-network nodes and edges of a lineage, styled like the static views; at most
    ``limit`` documents, the nearest to the root (``drawn_of`` says how many there were)."""
    keep = nearest(result, limit) if len(result.nodes) > limit else None
    rows = [n for n in result.nodes if keep is None or n.key in keep]
    symbols = {n.key: n.symbol for n in result.nodes}
    nodes = [document_node(n, root=n.key == result.root) for n in rows]
    for node, row in zip(nodes, rows, strict=True):
        node["province"] = row.province or ""
        node["in_corpus"] = row.in_corpus
        node.pop("search", None)
    edges = document_edges(
        [(e.source, e.target, e.relation, e.asserted_by, e.raw) for e in result.edges
         if keep is None or (e.source in keep and e.target in keep)], symbols)
    for e in edges:
        e["id"] = f"{e['from']}>{e['to']}>{e['relation']}"
    return {"nodes": nodes, "edges": edges, "drawn_of": len(result.nodes)}


def lineage_page(request: Request) -> Response:
    params = Params(request.query_params,
                    ("direction", "depth", "relation", "province", "year", *DATA))
    store = store_of(request)
    direction = params.choice("direction", tuple(DIRECTIONS), "both")
    depth = params.integer("depth", 1, MAX_DEPTH, DEFAULT_DEPTH)
    chosen = params.choices("relation", RELATION_ORDER)
    key = find_document(store, request.path_params["ref"], params.text("province"),
                        params.text("year"))
    assert direction is not None
    result = page_lineage(store, key, direction, depth, chosen or LINEAGE_RELATIONS)
    graph = vis_graph(result)
    # Provinces come from the documents drawn; DOCUMENTS_BY_KEYS gives them.
    provinces = sorted({n["province"] for n in graph["nodes"] if n["province"]})
    legend = [{"label": i.label, "color": i.color, "dashed": i.dashed, "kind": i.kind}
              for i in family_legend() + relation_legend({e.relation for e in result.edges})]
    data = {**result.to_json(), "graph": graph}
    nodes = {n.key: n for n in result.nodes}
    edge_rows = [{**row, "source key": e.source, "target key": e.target, "sentence": e.raw}
                 for row, e in zip(lineage_rows(result), result.edges, strict=True)]
    root = nodes[key]
    options = graph_options(len(graph["nodes"]), len(graph["edges"]), hierarchical=True)
    context = {"root": root, "direction": direction, "directions": DIRECTIONS, "depth": depth,
               "max_depth": MAX_DEPTH, "relations": RELATION_ORDER, "chosen": chosen,
               "default_relations": LINEAGE_RELATIONS, "edges": edge_rows,
               "nodes": result.nodes, "provinces": provinces,
               "client": {"root": key, "graph": graph, "options": options, "legend": legend,
                          "relations": list(chosen)}}
    return respond(request, params, PageAnswer(
        "lineage.html", f"Nguồn gốc văn bản {root.symbol}", context,
        {"edges": Table([*LINEAGE_COLUMNS, "source key", "target key", "sentence"], edge_rows)},
        data))
