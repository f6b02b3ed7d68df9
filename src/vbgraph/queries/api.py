"""Typed answers to the researchers' questions, over any ``GraphStore``.

The CLI and the notebooks call these; every Cypher text comes from
``vbgraph.queries.cypher``.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from typing import Any

from vbgraph.errors import AmbiguousError, NotFoundError, QueryError
from vbgraph.graph.store import BATCH_SIZE, GraphStore, Row
from vbgraph.lookup import fold_name, fold_symbol, symbol_number
from vbgraph.models import RELATION_ORDER, RELATION_TYPES, ROLE_TYPES, ROLES
from vbgraph.queries.cypher.agencies import (
    AGENCY_TASKS,
    ALL_AGENCY_NAMES,
    ASSIGNED,
    ASSIGNED_ALL_ROLES,
    COLLECTIVE_AGENCIES,
    COORDINATION,
    FIND_AGENCIES,
    RESPONSIBILITY_MATRIX,
)
from vbgraph.queries.cypher.corpus import (
    CENTRAL_COVERAGE,
    CITED_NOT_IN_CORPUS,
    COUNT_DOCUMENTS,
    COUNT_NODES,
    COUNT_RELATIONSHIPS,
    SEARCH_DOCUMENTS,
    SEARCH_TASKS,
)
from vbgraph.queries.cypher.documents import (
    DOCUMENT_CARD,
    DOCUMENT_IN_EDGES,
    DOCUMENT_OUT_EDGES,
    DOCUMENT_TASKS,
    DOCUMENTS_BY_KEYS,
    FIND_DOCUMENTS,
    LINEAGE_STEP_BOTH,
    LINEAGE_STEP_DOWN,
    LINEAGE_STEP_UP,
    MAX_DEPTH,
    PATH_BETWEEN_NEO4J,
    PATH_DEPTH,
    PATH_STEP,
    SIMILAR_DOCUMENTS,
)
from vbgraph.queries.cypher.export import ALL_DOCUMENT_EDGES, ALL_DOCUMENTS
from vbgraph.queries.guard import check_read_only

LINEAGE_RELATIONS: tuple[str, ...] = ("implements", "based_on", "issued_with", "amends", "replaces")
_ROLE_BY_TYPE = {v: k for k, v in ROLE_TYPES.items()}
_RELATION_BY_TYPE = {v: k for k, v in RELATION_TYPES.items()}


@dataclass(frozen=True, slots=True)
class DocumentRow:
    key: str
    symbol: str
    type: str | None
    issuer: str | None
    date: str | None
    title: str | None
    in_corpus: bool
    province: str | None = None


@dataclass(frozen=True, slots=True)
class EdgeRow:
    source: str
    target: str
    relation: str
    asserted_by: str
    raw: str = ""


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


@dataclass(frozen=True, slots=True)
class AssignedDocument:
    key: str
    symbol: str
    title: str | None
    province: str | None
    date: str | None
    roles: tuple[str, ...]
    tasks: int


@dataclass(frozen=True, slots=True)
class Assigned:
    agency: str
    documents: tuple[AssignedDocument, ...]

    def to_json(self) -> dict[str, Any]:
        return {
            "agency": self.agency,
            "documents": [
                {"key": d.key, "symbol": d.symbol, "title": d.title, "province": d.province,
                 "roles": list(d.roles), "tasks": d.tasks}
                for d in self.documents
            ],
        }


@dataclass(frozen=True, slots=True)
class Card:
    document: dict[str, Any]
    rests_on: tuple[dict[str, Any], ...]
    cited_by: tuple[dict[str, Any], ...]
    tasks: tuple[dict[str, Any], ...] = field(default=())

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


# --------------------------------------------------------------------------
# Finding a document or an agency from what a user typed
# --------------------------------------------------------------------------


def _describe(row: Row) -> str:
    where = ", ".join(x for x in (row.get("province") or "trung ương", row.get("year")) if x)
    return f"{row['symbol']} ({where}) key {row['key']}"


def find_document(
    store: GraphStore, ref: str, province: str | None = None, year: str | None = None
) -> str:
    """The key of the document ``ref`` names (a symbol as written, or a full key)."""
    ref = ref.strip()
    symbol = ref.split("|", 1)[0]
    rows = store.read(FIND_DOCUMENTS, {"lookup": fold_symbol(symbol), "key": ref})
    exact = [r for r in rows if r["key"] == ref]
    if exact:
        return ref
    if province:
        rows = [r for r in rows if fold_name(r.get("province") or "") == fold_name(province)
                or (fold_name(province) in ("vn", "trung uong") and not r.get("province"))]
    if year:
        rows = [r for r in rows if (r.get("year") or "") == str(year)]
    if len(rows) == 1:
        return str(rows[0]["key"])
    if not rows:
        similar = store.read(SIMILAR_DOCUMENTS, {"number": symbol_number(symbol)})
        hint = ""
        if similar:
            hint = "; did you mean " + " or ".join(_describe(r) for r in similar[:5]) + "?"
        raise NotFoundError(f"no document {ref!r} in the store{hint}")
    in_corpus = [r for r in rows if r.get("in_corpus")]
    if len(in_corpus) == 1 and not province and not year:
        return str(in_corpus[0]["key"])
    listing = "; ".join(_describe(r) for r in rows)
    raise AmbiguousError(
        f"{ref!r} matches {len(rows)} documents: {listing}; add --province or --year, "
        "or give the full key"
    )


def find_agencies(store: GraphStore, name: str, province: str | None = None) -> list[Row]:
    """Stored agencies whose name folds to the same as ``name``."""
    rows = store.read(FIND_AGENCIES, {"lookup": fold_name(name), "province": None})
    if province:
        rows = [r for r in rows if fold_name(r.get("province") or "") == fold_name(province)]
    if not rows:
        names = [r["name"] for r in store.read(ALL_AGENCY_NAMES)]
        close = _closest(fold_name(name), names)
        hint = f"; did you mean {', '.join(close)}?" if close else ""
        where = f" in {province}" if province else ""
        raise NotFoundError(f"no agency {name!r}{where} in the store{hint}")
    return rows


def _closest(folded: str, names: list[str]) -> list[str]:
    import difflib

    by_fold = {fold_name(n): n for n in names}
    return [by_fold[m] for m in difflib.get_close_matches(folded, list(by_fold), n=3, cutoff=0.6)]


# --------------------------------------------------------------------------
# Questions
# --------------------------------------------------------------------------


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
    edges = tuple(
        EdgeRow(r["source"], r["target"], _RELATION_BY_TYPE[r["relation"]],
                r["asserted_by"] or "", r.get("raw") or "")
        for r in rows
    )
    keys = sorted({key} | {e.source for e in edges} | {e.target for e in edges})
    nodes = tuple(_document_row(r) for r in store.read(DOCUMENTS_BY_KEYS, {"keys": keys}))
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


def _document_row(r: Row) -> DocumentRow:
    return DocumentRow(
        key=r["key"], symbol=r["symbol"], type=r.get("type"), issuer=r.get("issuer"),
        date=r.get("date"), title=r.get("title"), in_corpus=bool(r.get("in_corpus")),
        province=r.get("province"),
    )


def _check_roles(roles: tuple[str, ...]) -> list[str]:
    unknown = [r for r in roles if r not in ROLES]
    if unknown:
        raise QueryError(f"unknown role {unknown[0]!r}; use one of {', '.join(ROLES)}")
    return [ROLE_TYPES[r] for r in roles]


def _agency_keys(store: GraphStore, agency: str, province: str | None,
                 include_collective: bool = False) -> tuple[str, list[str]]:
    found = find_agencies(store, agency, province)
    keys = [r["key"] for r in found]
    if include_collective:
        provinces = sorted({r["province"] for r in found if r.get("province")})
        keys += [r["key"] for r in store.read(COLLECTIVE_AGENCIES, {"provinces": provinces})
                 if r["key"] not in keys]
    return str(found[0]["name"]), keys


def assigned(
    store: GraphStore,
    agency: str,
    roles: tuple[str, ...] = ROLES,
    province: str | None = None,
    since: str | None = None,
    until: str | None = None,
    include_collective: bool = False,
) -> Assigned:
    """The documents that give ``agency`` a role, with its roles and task counts.

    ``since``/``until`` bound the document date (ISO, inclusive);
    ``include_collective`` also counts plans addressed to "Các sở, ban, ngành"
    and other collective addressees of the agency's province.
    """
    role_types = _check_roles(roles)
    name, keys = _agency_keys(store, agency, province, include_collective)
    params: dict[str, Any] = {"since": since, "until": until}
    if len(keys) == 1 and set(role_types) == set(ROLE_TYPES.values()):
        text = ASSIGNED_ALL_ROLES  # the per-document summaries (finding Q3)
        params["agency"] = keys[0]
    else:
        text = ASSIGNED
        params.update(agencies=keys, roles=role_types)
    role_names: dict[tuple[str, ...], tuple[str, ...]] = {}  # thousands of rows, few sets

    def names_of(types: list[str]) -> tuple[str, ...]:
        found = role_names.get(tuple(types))
        if found is None:
            found = tuple(sorted((_ROLE_BY_TYPE[t] for t in types), key=ROLES.index))
            role_names[tuple(types)] = found
        return found

    docs = tuple(
        AssignedDocument(
            key=r["key"], symbol=r["symbol"], title=r.get("title"), province=r.get("province"),
            date=r.get("date"), roles=names_of(r["roles"]), tasks=int(r["tasks"]),
        )
        for r in store.read(text, params)
    )
    return Assigned(name, docs)


def show(store: GraphStore, doc: str, province: str | None = None,
         year: str | None = None) -> Card:
    """A document's card: header, what it rests on, what cites it, its tasks by agency."""
    key = find_document(store, doc, province, year)
    header = store.read(DOCUMENT_CARD, {"key": key})[0]
    out_edges = tuple(_edge_json(r) for r in store.read(DOCUMENT_OUT_EDGES, {"key": key}))
    in_edges = tuple(_edge_json(r) for r in store.read(DOCUMENT_IN_EDGES, {"key": key}))
    tasks: dict[str, dict[str, Any]] = {}
    for r in store.read(DOCUMENT_TASKS, {"key": key}):
        t = tasks.setdefault(r["key"], {
            "section": r["section"], "text": r["text"], "deadline": r["deadline"],
            "recurring": r["recurring"], "agencies": [],
        })
        if r.get("agency"):
            t["agencies"].append({"agency": r["agency"], "role": _ROLE_BY_TYPE[r["role"]],
                                  "raw": r.get("raw") or ""})
    return Card(dict(header), out_edges, in_edges, tuple(tasks.values()))


def _edge_json(r: Row) -> dict[str, Any]:
    return {"key": r["key"], "symbol": r["symbol"], "title": r.get("title"),
            "relation": _RELATION_BY_TYPE.get(r["relation"], r["relation"].lower()),
            "asserted_by": r.get("asserted_by"), "raw": r.get("raw") or ""}


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


def run_read_query(store: GraphStore, text: str, params: dict[str, Any]) -> list[Row]:
    """Run a user's Cypher read query: anything but reading is refused before it reaches
    the store (``queries/guard.py``), which then runs it in a read transaction."""
    check_read_only(text)
    return store.read(text, params)


# --------------------------------------------------------------------------
# Responsibility beyond ``assigned``
# --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class TaskRow:
    doc: str
    symbol: str
    task: str
    section: str
    text: str
    deadline: str | None
    recurring: str | None
    agency: str
    role: str
    raw: str = ""


def tasks(
    store: GraphStore,
    agency: str,
    doc: str | None = None,
    due_before: str | None = None,
    province: str | None = None,
) -> list[TaskRow]:
    """The tasks ``agency`` has (in ``doc``; due before ``due_before``), with deadlines."""
    _, keys = _agency_keys(store, agency, province)
    doc_key = find_document(store, doc) if doc else None
    rows = store.read(AGENCY_TASKS, {"agencies": keys, "doc": doc_key, "due": due_before})
    out = [
        TaskRow(r["doc"], r["symbol"], r["task"], r["section"] or "", r["text"] or "",
                r.get("deadline"),
                r.get("recurring"), r["agency"], _ROLE_BY_TYPE[r["role"]], r.get("raw") or "")
        for r in rows
    ]
    return sorted(out, key=lambda t: (t.doc, section_sort_key(t.section), ROLES.index(t.role),
                                      t.agency, t.task))


def section_sort_key(section: str) -> tuple[tuple[int, str], ...]:
    """Natural order of section ids: ``2.1`` < ``10.5``, ``III.2.a`` by its parts."""
    return tuple((int(p), "") if p.isdigit() else (-1, p) for p in re.split(r"[.\-]", section))


@dataclass(frozen=True, slots=True)
class Partner:
    key: str
    name: str
    province: str | None
    collective: bool
    shared_tasks: int


def coordination(store: GraphStore, agency: str, province: str | None = None) -> list[Partner]:
    """Agencies that share tasks with ``agency``, most shared first."""
    _, keys = _agency_keys(store, agency, province)
    return [
        Partner(r["key"], r["name"], r.get("province"), bool(r.get("collective")),
                int(r["shared"]))
        for r in store.read(COORDINATION, {"agencies": keys})
    ]


@dataclass(frozen=True, slots=True)
class Matrix:
    """Agency x document: for each cell, the roles and task count."""

    agencies: tuple[str, ...]
    documents: tuple[str, ...]  # symbols
    cells: dict[tuple[str, str], dict[str, int]]

    def role_cell(self, agency: str, document: str) -> str:
        cell = self.cells.get((agency, document), {})
        return ",".join(r for r in ROLES if r in cell)


def matrix(store: GraphStore, province: str | None = None) -> Matrix:
    """The responsibility matrix of the documents of ``province`` (all when None)."""
    cells: dict[tuple[str, str], dict[str, int]] = {}
    agencies: dict[str, None] = {}
    documents: dict[str, None] = {}
    for r in store.read(RESPONSIBILITY_MATRIX, {"province": province}):
        agencies[r["agency"]] = None
        documents[r["symbol"]] = None
        cell = cells.setdefault((r["agency"], r["symbol"]), {})
        role = _ROLE_BY_TYPE[r["role"]]
        cell[role] = cell.get(role, 0) + int(r["tasks"])
    return Matrix(tuple(sorted(agencies)), tuple(documents), cells)


# --------------------------------------------------------------------------
# Lineage beyond ``lineage``
# --------------------------------------------------------------------------


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
        chains = [(tuple(r["keys"]), [_edge_row(e) for e in r["edges"]])
                  for r in store.read(PATH_BETWEEN_NEO4J, {"a": a, "b": b})]
        if not chains:
            return []
        return min(chains, key=lambda c: (c[0], [_edge_sort(e) for e in c[1]]))[1]
    return _path_breadth_first(store, a, b)


def _edge_row(r: Row) -> EdgeRow:
    return EdgeRow(r["source"], r["target"], _RELATION_BY_TYPE[r["relation"]],
                   r["asserted_by"] or "", r.get("raw") or "")


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
                links.setdefault(frozenset((r["key"], r["other"])), []).append(_edge_row(r))
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


# --------------------------------------------------------------------------
# Coverage and search
# --------------------------------------------------------------------------


def gaps(store: GraphStore) -> dict[str, Any]:
    """Cited-but-absent documents, central directives without a provincial plan, unresolved keys."""
    missing = [dict(r) for r in store.read(CITED_NOT_IN_CORPUS)]
    for m in missing:
        m["relations"] = sorted((_RELATION_BY_TYPE.get(t, t.lower()) for t in m["relations"]),
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
    docs = tuple(_document_row(r) for r in store.read(ALL_DOCUMENTS))
    edges = tuple(
        EdgeRow(r["source"], r["target"], _RELATION_BY_TYPE[r["relation"]],
                r["asserted_by"] or "", r.get("raw") or "")
        for r in store.read(ALL_DOCUMENT_EDGES)
    )
    return CorpusGraph(docs, edges)
