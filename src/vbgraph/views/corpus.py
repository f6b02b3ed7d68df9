"""The whole-corpus view: every document and every relation between documents."""

from __future__ import annotations

import math

from vbgraph.graph.store import GraphStore
from vbgraph.queries.corpus import CorpusGraph, corpus_graph
from vbgraph.views.html import render_graph
from vbgraph.views.style import document_edges, document_node, family_legend, relation_legend


def render_corpus(store: GraphStore) -> str:
    """Every document of the store (corpus and cited-only) and the relations between them."""
    return render_corpus_graph(corpus_graph(store))


def render_corpus_graph(graph: CorpusGraph, title: str = "Toàn bộ kho văn bản") -> str:
    """The corpus view of an already-fetched ``CorpusGraph`` (no database needed)."""
    degree: dict[str, int] = {}
    for e in graph.edges:
        degree[e.source] = degree.get(e.source, 0) + 1
        degree[e.target] = degree.get(e.target, 0) + 1
    nodes = [
        document_node(d, shape="dot", size=8 + 4 * math.log2(1 + degree.get(d.key, 0)))
        for d in graph.documents
    ]
    symbols = {d.key: d.symbol for d in graph.documents}
    edges = document_edges(
        [(e.source, e.target, e.relation, e.asserted_by, e.raw) for e in graph.edges],
        symbols,
        labels=len(graph.edges) <= 150,
    )
    in_corpus = sum(1 for d in graph.documents if d.in_corpus)
    subtitle = (
        f"{in_corpus} văn bản trong kho, {len(graph.documents) - in_corpus} chỉ được "
        f"trích dẫn, {len(edges)} quan hệ"
    )
    legend = family_legend() + relation_legend({e.relation for e in graph.edges})
    return render_graph(title, nodes, edges, legend, subtitle=subtitle)
