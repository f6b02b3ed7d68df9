"""The same questions against a real Neo4j 5 server, when one is configured.

Set NEO4J_URI (and NEO4J_USERNAME, NEO4J_PASSWORD, NEO4J_DATABASE) to run
these; the database is emptied first, so point them at a scratch database.
"""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

from vbgraph.graph.ingest import store_extraction
from vbgraph.graph.neo4j_store import Neo4jStore
from vbgraph.models import Extraction
from vbgraph.queries import api, cypher

pytestmark = [
    pytest.mark.neo4j,
    pytest.mark.skipif(
        not os.environ.get("NEO4J_URI"),
        reason="no Neo4j server configured: set NEO4J_URI (and NEO4J_USERNAME, NEO4J_PASSWORD) "
               "to run the Neo4j backend tests",
    ),
]


@pytest.fixture(scope="module")
def neo4j_store(gold_extractions: list[Extraction]) -> Iterator[Neo4jStore]:
    store = Neo4jStore.from_env()
    store.clear()
    store.setup_schema()
    for ex in gold_extractions:
        store_extraction(store, ex)
    yield store
    store.close()


def test_lineage_chain_on_neo4j(neo4j_store: Neo4jStore) -> None:
    result = api.lineage(neo4j_store, "590/QĐ-UBND")
    pairs = {(e.source.split("|")[0], e.target.split("|")[0]) for e in result.edges}
    assert ("590/QĐ-UBND", "45-CTr/TU") in pairs
    assert ("45-CTr/TU", "22-NQ/TW") in pairs


def test_assigned_on_neo4j(neo4j_store: Neo4jStore) -> None:
    result = api.assigned(neo4j_store, "so ngoai vu", province="Thanh Hóa")
    assert {d.province for d in result.documents} == {"Thanh Hóa"}


def test_reingest_is_idempotent_on_neo4j(neo4j_store: Neo4jStore,
                                         gold_extractions: list[Extraction]) -> None:
    before = api.stats(neo4j_store)
    for ex in gold_extractions:
        store_extraction(neo4j_store, ex)
    assert api.stats(neo4j_store) == before


def test_every_read_query_runs_on_neo4j(neo4j_store: Neo4jStore) -> None:
    from tests.test_cypher import _WRITES, _params

    for name, text in cypher.all_queries().items():
        if not _WRITES.search(text):
            assert isinstance(neo4j_store.read(text, _params(text)), list), name


def test_neo4j_read_transaction_refuses_writes(neo4j_store: Neo4jStore) -> None:
    from vbgraph.errors import QueryError

    with pytest.raises(QueryError):
        neo4j_store.read("CREATE (n:Scratch) RETURN n")
