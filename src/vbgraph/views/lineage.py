"""The lineage view: a document, what it descends from and what descends from it.

Hierarchical, newer documents above the older ones they rest on (edges point
newer -> older, so a directed layered layout puts the newest on top).
"""

from __future__ import annotations

from vbgraph.queries.lineage import Lineage
from vbgraph.views.html import render_graph
from vbgraph.views.style import (
    EDGE_STYLES,
    FAMILIES,
    document_edges,
    document_node,
    family,
    family_legend,
    relation_legend,
)

__all__ = ["EDGE_STYLES", "FAMILIES", "family", "render_lineage"]


def render_lineage(lineage: Lineage) -> str:
    """Hierarchical HTML view of a lineage: newer documents above older ones."""
    nodes = [document_node(n, root=n.key == lineage.root) for n in lineage.nodes]
    symbols = {n.key: n.symbol for n in lineage.nodes}
    edges = document_edges(
        [(e.source, e.target, e.relation, e.asserted_by, e.raw) for e in lineage.edges], symbols
    )
    legend = family_legend() + relation_legend({e.relation for e in lineage.edges})
    root = symbols.get(lineage.root, lineage.root.split("|")[0])
    stubs = sum(1 for n in lineage.nodes if not n.in_corpus)
    subtitle = (
        f"{len(lineage.nodes)} văn bản ({stubs} chỉ được trích dẫn), "
        f"{len(edges)} quan hệ; văn bản mới ở trên, văn bản gốc ở dưới"
    )
    return render_graph(
        f"Nguồn gốc văn bản {root}", nodes, edges, legend, hierarchical=True, subtitle=subtitle
    )
