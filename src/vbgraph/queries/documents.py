"""Finding a document from what a user typed, and its card; the row types of documents
and their relations that the other questions return."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from vbgraph.errors import AmbiguousError, NotFoundError
from vbgraph.graph.store import GraphStore, Row
from vbgraph.lookup import fold_name, fold_symbol, symbol_number
from vbgraph.models import RELATION_BY_TYPE, ROLE_BY_TYPE
from vbgraph.queries.cypher.documents import (
    DOCUMENT_CARD,
    DOCUMENT_IN_EDGES,
    DOCUMENT_OUT_EDGES,
    DOCUMENT_TASKS,
    FIND_DOCUMENTS,
    SIMILAR_DOCUMENTS,
)


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
class Card:
    document: dict[str, Any]
    rests_on: tuple[dict[str, Any], ...]
    cited_by: tuple[dict[str, Any], ...]
    tasks: tuple[dict[str, Any], ...] = field(default=())

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


def document_row(r: Row) -> DocumentRow:
    """A document row as read by ``DOCUMENTS_BY_KEYS`` or ``ALL_DOCUMENTS``."""
    return DocumentRow(
        key=r["key"], symbol=r["symbol"], type=r.get("type"), issuer=r.get("issuer"),
        date=r.get("date"), title=r.get("title"), in_corpus=bool(r.get("in_corpus")),
        province=r.get("province"),
    )


def edge_row(r: Row) -> EdgeRow:
    """A relation read with ``source``, ``target``, ``relation`` (its type), ``asserted_by``
    and ``raw``."""
    return EdgeRow(r["source"], r["target"], RELATION_BY_TYPE[r["relation"]],
                   r["asserted_by"] or "", r.get("raw") or "")


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
            t["agencies"].append({"agency": r["agency"], "role": ROLE_BY_TYPE[r["role"]],
                                  "raw": r.get("raw") or ""})
    return Card(dict(header), out_edges, in_edges, tuple(tasks.values()))


def _edge_json(r: Row) -> dict[str, Any]:
    return {"key": r["key"], "symbol": r["symbol"], "title": r.get("title"),
            "relation": RELATION_BY_TYPE.get(r["relation"], r["relation"].lower()),
            "asserted_by": r.get("asserted_by"), "raw": r.get("raw") or ""}
