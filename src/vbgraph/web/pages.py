"""The pages of ``vbgraph serve``: search, a document's card, its annotated text, coverage.

The agency page, the lineage graph and the Cypher console have modules of their
own.  A handler reads its parameters (``Params``: unknown names and bad values
are a 400 with a message), asks ``vbgraph.queries`` and returns a
``PageAnswer``; ``render.respond`` turns it into HTML, JSON or CSV.
"""

from __future__ import annotations

from typing import Any

from starlette.requests import Request
from starlette.responses import Response

from vbgraph.errors import AmbiguousError, NotFoundError
from vbgraph.graph.store import GraphStore, Row
from vbgraph.lookup import fold_symbol
from vbgraph.queries import corpus, documents, pages
from vbgraph.queries.cypher.documents import DOCUMENT_CARD, FIND_DOCUMENTS
from vbgraph.web.params import Params
from vbgraph.web.render import PageAnswer, Table, respond

#: Parameters every page takes: the page's JSON or one of its tables.
DATA = ("format", "table")


class AmbiguousChoice(AmbiguousError):
    """A symbol matching several documents, with the candidates to link to."""

    def __init__(self, message: str, candidates: list[Row]) -> None:
        super().__init__(message)
        self.candidates = candidates


def store_of(request: Request) -> GraphStore:
    store: GraphStore = request.app.state.store
    return store


def today(request: Request) -> str:
    value: str = request.app.state.today()
    return value


def find_document(store: GraphStore, ref: str, province: str | None, year: str | None) -> str:
    """``documents.find_document``; an ambiguous symbol carries its candidates for the error
    page."""
    try:
        return documents.find_document(store, ref, province, year)
    except AmbiguousError as exc:
        rows = store.read(FIND_DOCUMENTS, {"lookup": fold_symbol(ref.split("|", 1)[0]),
                                             "key": ref.strip()})
        raise AmbiguousChoice(str(exc), rows) from exc


# --------------------------------------------------------------------------- search


def search_page(request: Request) -> Response:
    params = Params(request.query_params, ("q", "limit", *DATA))
    store = store_of(request)
    text = params.text("q")
    if text is None:
        if params.has("q"):
            params.required("q")  # q= given blank: say it is needed
        stats = corpus.stats(store)
        rows = [{"what": k, "count": v} for k, v in (
            ("documents in corpus", stats["documents"]["in_corpus"]),
            ("documents cited only", stats["documents"]["stubs"]),
            ("agencies", stats["agencies"]), ("tasks", stats["tasks"]),
            *stats["edges"].items())]
        return respond(request, params, PageAnswer(
            "search.html", "Tìm kiếm văn bản", {"q": "", "stats": stats},
            {"stats": Table(["what", "count"], rows)}, stats))
    limit = params.integer("limit", 1, 1000, 50)
    found = corpus.search(store, text, limit)
    agencies = pages.search_agencies(store, text, limit)
    data = {**found, "agencies": agencies}
    tables = {
        "documents": Table(["key", "symbol", "title", "in_corpus"], found["documents"]),
        "agencies": Table(["key", "name", "province", "collective"], agencies),
        "tasks": Table(["doc", "symbol", "section", "text"], found["tasks"]),
    }
    return respond(request, params, PageAnswer(
        "search.html", f"Tìm: {text}", {"q": text, "limit": limit, "found": data}, tables, data))


# --------------------------------------------------------------------------- document card


def _edge_rows(edges: tuple[dict[str, Any], ...]) -> list[dict[str, Any]]:
    return [{"relation": e["relation"], "key": e["key"], "symbol": e["symbol"],
             "title": e.get("title"), "stated by": e.get("asserted_by"), "sentence": e["raw"]}
            for e in edges]


def tasks_by_agency(card: documents.Card, day: str) -> list[dict[str, Any]]:
    """The card's tasks grouped by agency, in the order agencies first appear."""
    groups: dict[str, list[dict[str, Any]]] = {}
    for t in card.tasks:
        base = {"section": t["section"], "text": t.get("text") or "",
                "deadline": t.get("deadline"), "recurring": t.get("recurring"),
                "overdue": bool(t.get("deadline") and t["deadline"] < day)}
        if not t["agencies"]:
            groups.setdefault("", []).append({**base, "role": None, "sentence": ""})
        for a in t["agencies"]:
            groups.setdefault(a["agency"], []).append(
                {**base, "role": a["role"], "sentence": a.get("raw") or ""})
    return [{"agency": name, "tasks": rows} for name, rows in groups.items()]


def doc_page(request: Request) -> Response:
    params = Params(request.query_params, ("province", "year", *DATA))
    store = store_of(request)
    key = find_document(store, request.path_params["ref"], params.text("province"),
                        params.text("year"))
    card = documents.show(store, key)
    groups = tasks_by_agency(card, today(request))
    task_rows = [{"agency": g["agency"], "role": t["role"], "section": t["section"],
                  "deadline": t["deadline"], "recurring": t["recurring"], "text": t["text"],
                  "sentence": t["sentence"]} for g in groups for t in g["tasks"]]
    edge_columns = ["relation", "key", "symbol", "title", "stated by", "sentence"]
    tables = {
        "rests_on": Table(edge_columns, _edge_rows(card.rests_on)),
        "cited_by": Table(edge_columns, _edge_rows(card.cited_by)),
        "tasks": Table(["agency", "role", "section", "deadline", "recurring", "text",
                        "sentence"], task_rows),
    }
    context = {"card": card, "doc": card.document, "groups": groups,
               "task_count": len(card.tasks)}
    return respond(request, params, PageAnswer(
        "doc.html", f"{card.document['symbol']} — thẻ văn bản", context, tables,
        card.to_json()))


# --------------------------------------------------------------------------- annotated text


def text_page(request: Request) -> Response:
    """The document's own text with its extraction highlighted (read from its source file)."""
    from vbgraph.loaders import extract, read_document
    from vbgraph.views.annotate import KINDS, annotated_text, collect_marks

    params = Params(request.query_params, ("province", "year", *DATA))
    store = store_of(request)
    key = find_document(store, request.path_params["ref"], params.text("province"),
                        params.text("year"))
    header = store.read(DOCUMENT_CARD, {"key": key})[0]
    source_path = header.get("source")
    if not header.get("in_corpus") or not source_path:
        raise NotFoundError(f"{header['symbol']} is only cited: the store has no file of it "
                            "to show")
    source = read_document(source_path)  # InputError (404) when the file is gone
    extraction = extract(source)
    marks, missing = collect_marks(source, extraction)
    rows = [{"kind": m.kind, "start": m.start, "end": m.end, "label": m.label,
             "detail": m.detail, "text": " ".join(source.text[m.start:m.end].split())}
            for m in sorted(marks, key=lambda m: (m.start, m.end)) if m.kind != "sentence"]
    counts = {k: sum(1 for m in marks if m.kind == k) for k in KINDS}
    context = {"doc": header, "source": source, "marked": annotated_text(source.text, marks),
               "marks": rows, "missing": missing, "kinds": KINDS, "counts": counts,
               "extraction": extraction}
    return respond(request, params, PageAnswer(
        "text.html", f"{header['symbol']} — văn bản có chú thích", context,
        {"marks": Table(["kind", "start", "end", "label", "detail", "text"], rows)},
        extraction.to_json()))


# --------------------------------------------------------------------------- coverage


def coverage_page(request: Request) -> Response:
    params = Params(request.query_params, DATA)
    result = corpus.gaps(store_of(request))
    missing = [{"key": m["key"], "symbol": m["symbol"], "type": m.get("type"),
                "year": m.get("year"), "cited by": m["citing"], "relations": m["relations"],
                "issuer": m.get("issuer")} for m in result["missing"]]
    tables = {
        "central": Table(["key", "symbol", "type", "in_corpus", "implemented_in",
                          "not_implemented_in"], result["central_coverage"]),
        "missing": Table(["key", "symbol", "type", "year", "cited by", "relations", "issuer"],
                         missing),
        "unresolved": Table(["key", "symbol", "type", "cited by", "issuer"], [
            {**u, "cited by": u["citing"]} for u in result["unresolved"]]),
    }
    return respond(request, params, PageAnswer(
        "coverage.html", "Độ phủ: văn bản trung ương và kế hoạch thực hiện",
        {"gaps": result, "missing": missing}, tables, result))
