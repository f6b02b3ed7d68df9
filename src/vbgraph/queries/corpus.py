"""Questions about the whole corpus: counts, coverage gaps, text search, and every
document and relation at once (for the views)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from vbgraph.errors import QueryError
from vbgraph.graph.store import GraphStore, Row
from vbgraph.lookup import fold_name, fold_symbol
from vbgraph.models import RELATION_BY_TYPE, RELATION_ORDER
from vbgraph.queries.cypher.corpus import (
    CENTRAL_COVERAGE,
    CITED_NOT_IN_CORPUS,
    COUNT_DOCUMENTS,
    COUNT_NODES,
    COUNT_RELATIONSHIPS,
    SEARCH_DOCUMENTS,
    SEARCH_TASKS,
)
from vbgraph.queries.cypher.export import ALL_DOCUMENT_EDGES, ALL_DOCUMENTS
from vbgraph.queries.documents import DocumentRow, EdgeRow, document_row, edge_row


def stats(store: GraphStore) -> dict[str, Any]:
    """Counts of documents (in corpus / stubs), agencies, tasks and edges by type."""
    docs = {bool(r["in_corpus"]): int(r["n"]) for r in store.read(COUNT_DOCUMENTS)}
    labels = {label: int(store.read(text)[0]["n"]) for label, text in COUNT_NODES.items()}
    rels = {t: n for t, text in COUNT_RELATIONSHIPS.items()
            if (n := int(store.read(text)[0]["n"]))}
    return {
        "documents": {"in_corpus": docs.get(True, 0), "stubs": docs.get(False, 0)},
        "agencies": labels.get("Agency", 0),
        "tasks": labels.get("Task", 0),
        "edges": dict(sorted(rels.items())),
    }


def gaps(store: GraphStore) -> dict[str, Any]:
    """Cited-but-absent documents, central directives without a provincial plan, unresolved keys."""
    missing = [dict(r) for r in store.read(CITED_NOT_IN_CORPUS)]
    for m in missing:
        m["relations"] = sorted((RELATION_BY_TYPE.get(t, t.lower()) for t in m["relations"]),
                                key=RELATION_ORDER.index)
    corpus_provinces = sorted({r["province"] for r in store.read(ALL_DOCUMENTS)
                               if r.get("in_corpus") and r.get("province")})
    coverage = []
    for r in store.read(CENTRAL_COVERAGE):
        implemented = sorted(r["provinces"])
        coverage.append({
            "key": r["key"], "symbol": r["symbol"], "type": r.get("type"),
            "in_corpus": bool(r.get("in_corpus")), "implemented_in": implemented,
            "not_implemented_in": [p for p in corpus_provinces if p not in implemented],
        })
    unresolved = [m for m in missing if not m.get("year")]
    return {"missing": missing, "central_coverage": coverage, "unresolved": unresolved,
            "provinces": corpus_provinces}


def search(store: GraphStore, text: str, limit: int = 50) -> dict[str, list[Row]]:
    """Documents whose title (or symbol) and tasks whose text contain ``text``, any diacritics."""
    needle = fold_name(text)
    if not needle:
        raise QueryError("search needs some text")
    params = {"needle": needle, "limit": limit}
    docs = store.read(SEARCH_DOCUMENTS, {**params, "needle": needle})
    symbol_hits = store.read(SEARCH_DOCUMENTS, {**params, "needle": fold_symbol(text)})
    seen = {d["key"] for d in docs}
    docs += [d for d in symbol_hits if d["key"] not in seen]
    return {"documents": docs, "tasks": store.read(SEARCH_TASKS, params)}


@dataclass(frozen=True, slots=True)
class CorpusGraph:
    """Every document and document relation in the store (views, exports)."""

    documents: tuple[DocumentRow, ...]
    edges: tuple[EdgeRow, ...]


def corpus_graph(store: GraphStore) -> CorpusGraph:
    docs = tuple(document_row(r) for r in store.read(ALL_DOCUMENTS))
    edges = tuple(edge_row(r) for r in store.read(ALL_DOCUMENT_EDGES))
    return CorpusGraph(docs, edges)
