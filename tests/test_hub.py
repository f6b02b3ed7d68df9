"""Lineage and path near a hub: work that grows with the edges, never with the paths.

Issue 17: ``path`` enumerated every undirected path of up to 6 hops and lineage every
path of up to 12, then filtered; around a hub such as 22-NQ/TW that explodes.  Here
seven layers of sixteen documents, every document implementing every document of the
layer below (1,536 relations): about 10^9 undirected 6-hop paths, and no path to an
unrelated document (the old ``PATH_BETWEEN`` took 24 s on a 12-wide graph, every
extra width multiplying it; the old lineage never finished).  Both questions must read
each relation at most twice, on the embedded store and over Bolt; the guard thread
(60 s, where these take about a second) keeps a regression from hanging the suite.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from vbgraph.graph.falkor_store import FalkorStore
from vbgraph.graph.neo4j_store import Neo4jStore
from vbgraph.graph.store import GraphStore, prepare_for_writing, write_batched
from vbgraph.lookup import fold_symbol
from vbgraph.queries.cypher.ingest import MERGE_CORPUS_DOCUMENTS, MERGE_EDGES
from vbgraph.queries.lineage import descendants_by_province, lineage, path

LAYERS, WIDTH = 7, 16
EDGES = (LAYERS - 1) * WIDTH * WIDTH


def _key(layer: int, i: int) -> str:
    return f"{i + 1}/QĐ-L{layer}|VN|2000"


def _build(store: GraphStore) -> None:
    prepare_for_writing(store)
    keys = [_key(layer, i) for layer in range(LAYERS) for i in range(WIDTH)]
    docs = [{"key": k, "props": {"symbol": k.split("|")[0], "lookup": fold_symbol(k.split("|")[0])}}
            for k in [*keys, "9/QĐ-X|VN|2000"]]
    write_batched(store, MERGE_CORPUS_DOCUMENTS, docs)
    edges = [{"source": _key(layer + 1, i), "target": _key(layer, j),
              "asserted_by": _key(layer + 1, i), "raw": "", "start": 0, "end": 0,
              "uncertain": False}
             for layer in range(LAYERS - 1) for i in range(WIDTH) for j in range(WIDTH)]
    write_batched(store, MERGE_EDGES["IMPLEMENTS"], edges)


@pytest.fixture(params=["embedded", "bolt"])
def hub(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[GraphStore]:
    store: GraphStore
    if request.param == "embedded":
        store = FalkorStore(tmp_path / "store")
    else:
        store = Neo4jStore(request.getfixturevalue("bolt_uri"), "neo4j", "")
        store.clear()
    try:
        _build(store)
        yield store
    finally:
        if request.param == "bolt":
            store.clear()
        store.close()


def _bounded(call: Callable[[], Any], seconds: float = 60.0) -> Any:
    out: dict[str, Any] = {}

    def run() -> None:
        try:
            out["value"] = call()
        except BaseException as exc:  # re-raised in the test's thread
            out["error"] = exc

    worker = threading.Thread(target=run, daemon=True)
    worker.start()
    worker.join(seconds)
    assert not worker.is_alive(), f"still running after {seconds:g} s: paths are enumerated"
    if "error" in out:
        raise out["error"]
    return out["value"]


def _count_rows(store: GraphStore, monkeypatch: pytest.MonkeyPatch) -> list[int]:
    rows: list[int] = []
    real = store.read

    def read(query: str, params: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        result = real(query, params)
        rows.append(len(result))
        return result

    monkeypatch.setattr(store, "read", read)
    return rows


def test_path_to_an_unrelated_document_reads_each_relation_at_most_twice(
    hub: GraphStore, monkeypatch: pytest.MonkeyPatch,
) -> None:
    rows = _count_rows(hub, monkeypatch)
    assert _bounded(lambda: path(hub, _key(0, 0), "9/QĐ-X")) == []
    assert sum(rows) <= 2 * EDGES + 10


def test_path_across_the_hub_is_the_shortest_and_the_same_everywhere(
    hub: GraphStore, monkeypatch: pytest.MonkeyPatch,
) -> None:
    rows = _count_rows(hub, monkeypatch)
    chain = _bounded(lambda: path(hub, _key(0, 5), _key(LAYERS - 1, 7)))
    assert len(chain) == LAYERS - 1
    # Of the 16^5 shortest chains, the one through the alphabetically first documents.
    assert [e.target for e in chain] == [_key(0, 5)] + [_key(layer, 0)
                                                       for layer in range(1, LAYERS - 1)]
    assert sum(rows) <= 2 * EDGES + 10


def test_lineage_both_ways_around_the_hub_reads_each_relation_at_most_twice(
    hub: GraphStore, monkeypatch: pytest.MonkeyPatch,
) -> None:
    rows = _count_rows(hub, monkeypatch)
    result = _bounded(lambda: lineage(hub, _key(3, 0), "both", 12))
    assert len(result.edges) == EDGES
    down = _bounded(lambda: descendants_by_province(hub, _key(0, 0)))
    assert sum(len(v) for v in down.values()) == (LAYERS - 1) * WIDTH
    assert sum(rows) <= 2 * EDGES + 2 * EDGES + 20
