"""Walks over the relations between documents: lineage (up, down or both), what
implements a document by province, and the shortest chain between two documents.

Each walk is breadth-first, one query per level (``queries/cypher/documents.py``), so
its work grows with the relations it meets, never with the number of paths.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from vbgraph.errors import QueryError
from vbgraph.graph.store import BATCH_SIZE, GraphStore, Row
from vbgraph.models import RELATION_ORDER, RELATION_TYPES
from vbgraph.queries.cypher.documents import (
    DOCUMENTS_BY_KEYS,
    LINEAGE_STEP_BOTH,
    LINEAGE_STEP_DOWN,
    LINEAGE_STEP_UP,
    MAX_DEPTH,
    PATH_BETWEEN_NEO4J,
    PATH_DEPTH,
    PATH_STEP,
)
from vbgraph.queries.documents import DocumentRow, EdgeRow, document_row, edge_row, find_document

LINEAGE_RELATIONS: tuple[str, ...] = ("implements", "based_on", "issued_with", "amends", "replaces")


@dataclass(frozen=True, slots=True)
class Lineage:
    root: str
    nodes: tuple[DocumentRow, ...]
    edges: tuple[EdgeRow, ...]

    def to_json(self) -> dict[str, Any]:
        return {
            "root": self.root,
            "nodes": [
                {k: getattr(n, k) for k in
                 ("key", "symbol", "type", "issuer", "date", "title", "in_corpus")}
                for n in self.nodes
            ],
            "edges": [
                {"source": e.source, "target": e.target, "relation": e.relation,
                 "asserted_by": e.asserted_by, "raw": e.raw}
                for e in self.edges
            ],
        }


def lineage(
    store: GraphStore,
    doc: str,
    direction: str = "up",
    depth: int = 6,
    relations: tuple[str, ...] = LINEAGE_RELATIONS,
    province: str | None = None,
    year: str | None = None,
) -> Lineage:
    """What ``doc`` descends from (up), what descends from it (down), or both."""
    key = find_document(store, doc, province, year)
    text = {"up": LINEAGE_STEP_UP, "down": LINEAGE_STEP_DOWN,
            "both": LINEAGE_STEP_BOTH}.get(direction)
    if text is None:
        raise QueryError(f"direction must be up, down or both, not {direction!r}")
    unknown = [r for r in relations if r not in RELATION_ORDER]
    if unknown:
        raise QueryError(f"unknown relation {unknown[0]!r}; use one of {', '.join(RELATION_ORDER)}")
    if depth < 1 or depth > MAX_DEPTH:
        raise QueryError(f"depth must be between 1 and {MAX_DEPTH}")
    rows, _ = _breadth_first(store, text, key, depth, [RELATION_TYPES[r] for r in relations])
    edges = tuple(edge_row(r) for r in rows)
    keys = sorted({key} | {e.source for e in edges} | {e.target for e in edges})
    nodes = tuple(document_row(r) for r in store.read(DOCUMENTS_BY_KEYS, {"keys": keys}))
    return Lineage(key, nodes, edges)


def _breadth_first(store: GraphStore, step: str, root: str, depth: int,
                   relation_types: list[str]) -> tuple[list[Row], dict[str, int]]:
    """Walk ``step`` (a ``LINEAGE_STEP_*`` text) out from ``root`` for ``depth`` levels.

    Returns every relationship met, once each, sorted (source, target, relation,
    asserted_by), and each document reached with its distance.  The same edges as every
    path of up to ``depth`` steps from ``root`` (the shortest walk to an edge's near end
    never uses that edge), found with one query per level instead of path enumeration.
    """
    distance = {root: 0}
    frontier = [root]
    edges: dict[tuple[str, str, str, str], Row] = {}
    for level in range(1, depth + 1):
        if not frontier:
            break
        found: set[str] = set()
        for i in range(0, len(frontier), BATCH_SIZE):
            params = {"keys": frontier[i : i + BATCH_SIZE], "relations": relation_types}
            for r in store.read(step, params):
                edges.setdefault((r["source"], r["target"], r["relation"],
                                  r["asserted_by"] or ""), r)
                if r["other"] not in distance:
                    found.add(r["other"])
        for k in found:
            distance[k] = level
        frontier = sorted(found)
    return [edges[k] for k in sorted(edges)], distance


def longest_chain(result: Lineage) -> list[str]:
    """The longest chain of symbols in a lineage, oldest first (``22-NQ/TW <- ... <- root``)."""
    symbols = {n.key: n.symbol for n in result.nodes}
    out_edges: dict[str, list[str]] = {}
    for e in result.edges:
        out_edges.setdefault(e.source, []).append(e.target)
    best: list[str] = [result.root]

    def walk(node: str, trail: list[str]) -> None:
        nonlocal best
        if len(trail) > len(best):
            best = list(trail)
        for nxt in sorted(out_edges.get(node, ())):
            if nxt not in trail:
                walk(nxt, [*trail, nxt])

    walk(result.root, [result.root])
    return [symbols.get(k, k.split("|")[0]) for k in reversed(best)]


def descendants_by_province(
    store: GraphStore, doc: str, relations: tuple[str, ...] = LINEAGE_RELATIONS
) -> dict[str, list[dict[str, Any]]]:
    """What implements ``doc`` (transitively), grouped by province ("" for central)."""
    key = find_document(store, doc)
    _, distance = _breadth_first(store, LINEAGE_STEP_DOWN, key, MAX_DEPTH,
                                 [RELATION_TYPES[r] for r in relations])
    reached = sorted(k for k in distance if k != key)
    rows = []
    for i in range(0, len(reached), BATCH_SIZE):
        for r in store.read(DOCUMENTS_BY_KEYS, {"keys": reached[i : i + BATCH_SIZE]}):
            rows.append({"key": r["key"], "symbol": r["symbol"], "province": r.get("province"),
                         "date": r.get("date"), "title": r.get("title"),
                         "in_corpus": r.get("in_corpus"), "depth": distance[r["key"]]})
    rows.sort(key=lambda r: (r["province"] is not None, r["province"] or "", r["depth"],
                             r["key"]))
    out: dict[str, list[dict[str, Any]]] = {}
    for r in rows:
        out.setdefault(r.get("province") or "", []).append(r)
    return out


def path(store: GraphStore, doc_a: str, doc_b: str) -> list[EdgeRow]:
    """The shortest chain of document relations connecting two documents (either direction).

    Among several chains of that length, the one through the alphabetically first
    documents (then relations), on every backend: Neo4j finds them with
    ``allShortestPaths``, FalkorDB by a breadth-first walk from both ends.
    """
    a, b = find_document(store, doc_a), find_document(store, doc_b)
    if a == b:
        return []
    if getattr(store, "dialect", "falkordb") == "neo4j":
        chains = [(tuple(r["keys"]), [edge_row(e) for e in r["edges"]])
                  for r in store.read(PATH_BETWEEN_NEO4J, {"a": a, "b": b})]
        if not chains:
            return []
        return min(chains, key=lambda c: (c[0], [_edge_sort(e) for e in c[1]]))[1]
    return _path_breadth_first(store, a, b)


def _edge_sort(e: EdgeRow) -> tuple[str, str, str, str]:
    return (RELATION_TYPES[e.relation], e.asserted_by, e.source, e.target)


def _path_breadth_first(store: GraphStore, a: str, b: str) -> list[EdgeRow]:
    """Breadth-first from both ends, one query per level, until the two balls meet."""
    dist = {a: {a: 0}, b: {b: 0}}
    frontier = {a: [a], b: [b]}
    links: dict[frozenset[str], list[EdgeRow]] = {}
    meet: set[str] = set()
    for _ in range(PATH_DEPTH):
        side = a if len(frontier[a]) <= len(frontier[b]) else b
        if not frontier[side]:
            return []
        level = dist[side][frontier[side][0]] + 1
        found: set[str] = set()
        for i in range(0, len(frontier[side]), BATCH_SIZE):
            for r in store.read(PATH_STEP, {"keys": frontier[side][i : i + BATCH_SIZE]}):
                links.setdefault(frozenset((r["key"], r["other"])), []).append(edge_row(r))
                if r["other"] not in dist[side]:
                    found.add(r["other"])
        for k in found:
            dist[side][k] = level
        frontier[side] = sorted(found)
        meet = {k for k in dist[a] if k in dist[b]}
        if meet:
            break
    if not meet:
        return []
    length = min(dist[a][k] + dist[b][k] for k in meet)
    # The alphabetically first shortest chain: from a, always the smallest next document
    # that still lies on a shortest chain (distance to b known on that side's ball).
    to_b = _distances_to(b, links, length)
    chain, current = [], a
    for step in range(length):
        nxt = min(k for pair in links if current in pair for k in pair
                  if k != current and to_b.get(k) == length - step - 1)
        chain.append(min(links[frozenset((current, nxt))], key=_edge_sort))
        current = nxt
    return chain


def _distances_to(b: str, links: dict[frozenset[str], list[EdgeRow]],
                  length: int) -> dict[str, int]:
    """Distance to ``b`` of every document met, over the relations both searches read
    (they hold every shortest chain), up to ``length``."""
    neighbours: dict[str, set[str]] = {}
    for pair in links:
        for x in pair:
            neighbours.setdefault(x, set()).update(pair - {x})
    out = {b: 0}
    frontier = [b]
    for level in range(1, length + 1):
        following = []
        for k in frontier:
            for o in neighbours.get(k, ()):
                if o not in out:
                    out[o] = level
                    following.append(o)
        frontier = following
    return out
