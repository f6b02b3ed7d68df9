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
from vbgraph.queries import api
from vbgraph.queries import cypher as q
from vbgraph.views.html import graph_options
from vbgraph.views.style import document_edges, document_node, family_legend, relation_legend
from vbgraph.web.commands import LINEAGE_COLUMNS, lineage_rows
from vbgraph.web.pages import DATA, find_document, store_of
from vbgraph.web.params import Params
from vbgraph.web.render import PageAnswer, Table, respond

DIRECTIONS = {"both": "cả hai chiều", "up": "nguồn gốc (văn bản được căn cứ, thực hiện)",
              "down": "văn bản căn cứ, thực hiện văn bản này"}
DEFAULT_DEPTH = 3


def page_lineage(store: GraphStore, key: str, direction: str, depth: int,
                 relations: tuple[str, ...]) -> api.Lineage:
    """``api.lineage``, with ``both`` meaning up and down together (see the module)."""
    if direction != "both":
        return api.lineage(store, key, direction, depth, relations)
    up = api.lineage(store, key, "up", depth, relations)
    down = api.lineage(store, key, "down", depth, relations)
    nodes = {n.key: n for n in (*up.nodes, *down.nodes)}
    edges = dict.fromkeys((*up.edges, *down.edges))
    return api.Lineage(key, tuple(nodes[k] for k in sorted(nodes)), tuple(edges))


def vis_graph(result: api.Lineage) -> dict[str, Any]:
    """vis-network nodes and edges of a lineage, styled like the static views."""
    symbols = {n.key: n.symbol for n in result.nodes}
    nodes = [document_node(n, root=n.key == result.root) for n in result.nodes]
    for node, row in zip(nodes, result.nodes, strict=True):
        node["province"] = row.province or ""
        node["in_corpus"] = row.in_corpus
        node.pop("search", None)
    edges = document_edges(
        [(e.source, e.target, e.relation, e.asserted_by, e.raw) for e in result.edges], symbols)
    for e in edges:
        e["id"] = f"{e['from']}>{e['to']}>{e['relation']}"
    return {"nodes": nodes, "edges": edges}


def lineage_page(request: Request) -> Response:
    params = Params(request.query_params,
                    ("direction", "depth", "relation", "province", "year", *DATA))
    store = store_of(request)
    direction = params.choice("direction", tuple(DIRECTIONS), "both")
    depth = params.integer("depth", 1, q.MAX_DEPTH, DEFAULT_DEPTH)
    chosen = params.choices("relation", RELATION_ORDER)
    key = find_document(store, request.path_params["ref"], params.text("province"),
                        params.text("year"))
    assert direction is not None
    result = page_lineage(store, key, direction, depth, chosen or api.LINEAGE_RELATIONS)
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
               "max_depth": q.MAX_DEPTH, "relations": RELATION_ORDER, "chosen": chosen,
               "default_relations": api.LINEAGE_RELATIONS, "edges": edge_rows,
               "nodes": result.nodes, "provinces": provinces,
               "client": {"root": key, "graph": graph, "options": options, "legend": legend,
                          "relations": list(chosen)}}
    return respond(request, params, PageAnswer(
        "lineage.html", f"Nguồn gốc văn bản {root.symbol}", context,
        {"edges": Table([*LINEAGE_COLUMNS, "source key", "target key", "sentence"], edge_rows)},
        data))
