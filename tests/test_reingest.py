"""Re-ingesting changed files: replacing a document touches its neighbourhood, not the
graph (issue 15; the timing is bench/reingest.py's: 10 % of a 10k store replaced in
740 s before, 6.4 s after), and leaves the graph a fresh ingest of the new files gives.
"""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest

from vbgraph.graph.falkor_result import params_header
from vbgraph.graph.falkor_store import FalkorStore
from vbgraph.graph.ingest import store_extractions
from vbgraph.models import DocEdge, DocInfo, Extraction, Task
from vbgraph.queries.corpus import stats


def edited(ex: Extraction) -> Extraction:
    """``ex`` after an edit: one reference and one task gone, a new reference, new sha."""
    new_ref = DocInfo("77/QĐ-TTg", "77/QĐ-TTg|VN|2019", type="Quyết định")
    return dataclasses.replace(
        ex,
        documents=(*ex.documents[1:], new_ref),
        edges=(*ex.edges[1:], DocEdge(ex.document.key, new_ref.key, "based_on",
                                      "Căn cứ Quyết định số 77/QĐ-TTg",
                                      asserted_by=ex.document.key)),
        tasks=ex.tasks[1:],
        assignments=tuple(a for a in ex.assignments
                          if not ex.tasks or a.task != ex.tasks[0].id),
        sha256="e" * 64)


def graph_of(store: FalkorStore) -> tuple[set[Any], set[Any]]:
    nodes = {(r["label"], r["key"], r["in_corpus"]) for r in store.read(
        "MATCH (n) RETURN labels(n)[0] AS label, n.key AS key, n.in_corpus AS in_corpus")}
    edges = {(r["a"], r["t"], r["b"], r["by"]) for r in store.read(
        "MATCH (a)-[r]->(b) RETURN a.key AS a, type(r) AS t, b.key AS b, "
        "r.asserted_by AS by")}
    return nodes, edges


def test_replacing_gives_the_graph_a_fresh_ingest_gives(store: FalkorStore,
                                                        gold_extractions: list[Extraction],
                                                        tmp_path: Any) -> None:
    store_extractions(store, gold_extractions)
    changed = [edited(ex) for ex in gold_extractions[:3]]
    outcomes = store_extractions(store, changed)
    assert [o.status for o in outcomes] == ["replaced"] * 3
    replaced = graph_of(store)
    with FalkorStore(tmp_path / "fresh") as fresh:
        fresh.setup_schema()
        store_extractions(fresh, changed + gold_extractions[3:])
        assert replaced == graph_of(fresh)
        assert stats(store) == stats(fresh)


def test_replacing_a_document_removes_what_only_it_referred_to(
        store: FalkorStore, tmp_path: Any) -> None:
    key = "5/KH-UBND|Quảng Ngãi|2020"
    only = DocInfo("9/CT-UBND", "9/CT-UBND|Quảng Ngãi|2019")
    shared = DocInfo("22-NQ/TW", "22-NQ/TW|VN|2013")
    v1 = Extraction(
        "a.txt", DocInfo("5/KH-UBND", key, province="Quảng Ngãi", issuer="UBND tỉnh"),
        documents=(only, shared),
        edges=(DocEdge(key, only.key, "implements", "", asserted_by=key),
               DocEdge(key, shared.key, "based_on", "", asserted_by=key)),
        tasks=(Task(id="1", text="Việc một"),),
        assignments=(dataclasses.replace(_assignment(), task="1"),),
        sha256="1" * 64)
    other = Extraction("b.txt", DocInfo("6/KH-UBND", "6/KH-UBND|Quảng Ngãi|2020"),
                       documents=(shared,),
                       edges=(DocEdge("6/KH-UBND|Quảng Ngãi|2020", shared.key, "based_on",
                                      "", asserted_by="6/KH-UBND|Quảng Ngãi|2020"),),
                       sha256="2" * 64)
    store_extractions(store, [v1, other])
    v2 = dataclasses.replace(v1, documents=(), edges=(), tasks=(), assignments=(),
                             document=dataclasses.replace(v1.document, issuer=None),
                             sha256="3" * 64)
    assert [o.status for o in store_extractions(store, [v2])] == ["replaced"]
    nodes, edges = graph_of(store)
    keys = {k for _, k, _ in nodes}
    assert only.key not in keys  # cited by v1 alone: gone
    assert shared.key in keys  # still cited by the other document
    assert not any(label == "Agency" for label, _, _ in nodes)  # its agencies went too
    assert all(by != key for *_, by in edges)


def _assignment() -> Any:
    from vbgraph.models import Assignment

    return Assignment(agency="Sở Ngoại vụ", province="Quảng Ngãi", role="lead", raw="Sở Ngoại vụ")


class Recorder:
    """Every query text (with its parameters) a store runs."""

    def __init__(self, store: FalkorStore) -> None:
        self.store = store
        self.seen: list[tuple[str, dict[str, Any]]] = []
        self._read, self._write = store.read, store.write

    def __enter__(self) -> Recorder:
        def read(query: str, params: dict[str, Any] | None = None) -> Any:
            self.seen.append((query, params or {}))
            return self._read(query, params)

        def write(query: str, params: dict[str, Any] | None = None) -> None:
            self.seen.append((query, params or {}))
            self._write(query, params)

        self.store.read = read  # type: ignore[method-assign]
        self.store.write = write  # type: ignore[method-assign]
        return self

    def __exit__(self, *exc: object) -> None:
        self.store.read = self._read  # type: ignore[method-assign]
        self.store.write = self._write  # type: ignore[method-assign]


@pytest.mark.parametrize("how", ["replaced", "renumbered"])
def test_replacing_runs_no_query_that_scans_a_label(store: FalkorStore,
                                                    gold_extractions: list[Extraction],
                                                    how: str) -> None:
    """Each query that replacing (or renumbering) a document runs starts from an index:
    no scan of every node, or of every node of a label, whose cost grows with the graph."""
    store_extractions(store, gold_extractions)
    ex = edited(gold_extractions[1])
    if how == "renumbered":
        new_key = "591/QĐ-UBND|Quảng Ngãi|2014"
        ex = dataclasses.replace(ex, document=dataclasses.replace(
            ex.document, symbol="591/QĐ-UBND", key=new_key))
    with Recorder(store) as recorder:
        store_extractions(store, [ex])
    scans = []
    for text, params in recorder.seen:
        plan = store._graph.execute_command("GRAPH.EXPLAIN", store._graph.name,
                                            params_header(params) + text)
        scans += [(text.strip().splitlines()[:3], line.strip()) for line in plan
                  if "Scan" in line and "Index Scan" not in line]
    assert not scans, scans
