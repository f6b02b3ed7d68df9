"""Embedded backend: a real FalkorDB (redis-server + FalkorDB module) started by vbgraph.

``falkordblite`` spawns the server on a unix socket with its data in the
directory the user chooses.  Append-only persistence is on (``appendfsync
always``), so a killed process loses nothing it committed.
"""

from __future__ import annotations

import contextlib
import logging
import shutil
import signal
import time
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any

from vbgraph.errors import QueryError, StoreError
from vbgraph.graph.falkor_result import params_header, plain_rows
from vbgraph.graph.lock import file_lock
from vbgraph.graph.store import Params, Row
from vbgraph.graph.values import plain_value
from vbgraph.queries.cypher import DELETE_ALL, FALKORDB_SCHEMA, FALKORDB_UNIQUE

GRAPH_NAME = "vbgraph"
#: How long one query may take before the client gives up (redis-py's default is 5 s,
#: too short for a national-scale graph; bench/README.md finding Q2).
QUERY_TIMEOUT_S = 600.0
LOCK_FILENAME = "write.lock"
DB_FILENAME = "vbgraph.rdb"

#: Redis settings for the embedded server: durable writes, no network port.  The
#: append-only file is the store's one durable copy (Redis loads it, not a snapshot,
#: when it is on), so RDB snapshots are off: redislite's default took one every 15 s
#: during an ingest (a fork writing the whole graph, ~4 s of CPU at 100k documents)
#: and another at every close (bench/README.md, finding I7).
SERVER_CONFIG: dict[str, Any] = {
    "appendonly": "yes",
    "appendfsync": "always",
    "appendfilename": "vbgraph.aof",
    "save": '""',
    "port": "0",
}


class FalkorStore:
    """FalkorDB embedded in this process's lifetime, data under ``directory``."""

    name = "falkordb"
    dialect = "falkordb"

    def __init__(self, directory: Path) -> None:
        self.directory = Path(directory).expanduser()
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(f"cannot create the store directory {self.directory}: {exc}") from None
        logging.getLogger("redislite").setLevel(logging.ERROR)
        try:
            from redislite.falkordb_client import FalkorDB

            self._db = FalkorDB(str(self.directory / DB_FILENAME), serverconfig=SERVER_CONFIG,
                                socket_timeout=QUERY_TIMEOUT_S)
        except Exception as exc:  # the server failed to start: report, don't crash
            raise StoreError(
                f"cannot start the embedded FalkorDB in {self.directory}: {exc}; "
                "check the directory is writable and not used by another program"
            ) from None
        self._graph = self._db.select_graph(GRAPH_NAME)
        self._closed = False

    def setup_schema(self) -> None:
        existing = self._index_keys()
        for text in FALKORDB_SCHEMA:
            label_prop = _index_target(text)
            if label_prop in existing:
                continue
            self._graph.query(text)
        for label, prop in FALKORDB_UNIQUE:
            self._create_unique(label, prop)

    def _index_keys(self) -> set[tuple[str, str]]:
        try:
            result = self._graph.ro_query("CALL db.indexes()")
        except Exception:
            return set()
        names = [h[1] if isinstance(h, (list, tuple)) else h for h in result.header]
        keys: set[tuple[str, str]] = set()
        for row in result.result_set:
            rec = dict(zip(names, row, strict=False))
            for prop in rec.get("properties") or []:
                keys.add((str(rec.get("label")), str(prop)))
        return keys

    def _create_unique(self, label: str, prop: str) -> None:
        try:
            self._db.execute_command(
                "GRAPH.CONSTRAINT", "CREATE", GRAPH_NAME, "UNIQUE", "NODE", label,
                "PROPERTIES", "1", prop,
            )
        except Exception as exc:
            if "already exists" not in str(exc).lower():
                raise StoreError(f"cannot create the unique constraint on {label}.{prop}: {exc}") \
                    from None

    def write_lock(self) -> AbstractContextManager[None]:
        """Exclusive across processes: two ingests into one store take turns."""
        return file_lock(self.directory / LOCK_FILENAME)

    def write(self, query: str, params: Params | None = None) -> None:
        try:
            self._graph.query(query, params or {})
        except Exception as exc:
            raise StoreError(f"FalkorDB write failed: {exc}") from None

    def read(self, query: str, params: Params | None = None) -> list[Row]:
        try:
            # Plain values are read straight from the compact response (finding Q3);
            # nodes, paths and the like go through the client library's parser.
            response = self._graph.execute_command(
                "GRAPH.RO_QUERY", self._graph.name, params_header(params or {}) + query,
                "--compact",
            )
            if response and isinstance(response[-1], Exception):
                raise response[-1]
            rows = plain_rows(response)
            if rows is not None:
                return rows
            result = _library_result(self._graph, response, query, params or {})
        except Exception as exc:
            text = str(exc)
            if "read-only" in text.lower() or "ro_query" in text.lower():
                raise QueryError(f"the query writes, and reads are read-only: {text}") from None
            raise QueryError(f"FalkorDB refused the query: {text}") from None
        names = [h[1] if isinstance(h, (list, tuple)) else h for h in result.header]
        return [dict(zip(names, (plain_value(v) for v in row), strict=False))
                for row in result.result_set]

    def clear(self) -> None:
        self.write(DELETE_ALL)

    def close(self) -> None:
        """Disconnect; stop the server unless another process still uses it.

        The server is stopped with SIGTERM (a clean Redis shutdown: AOF fsync and a
        final snapshot) rather than through redislite, whose shutdown polls for
        seconds when the exited server lingers as a zombie.
        """
        if self._closed:
            return
        self._closed = True
        client = self._db.client
        pid = client.pid
        try:
            others = client._connection_count() - _own_connections(client.connection_pool)
        except Exception:  # the server is already gone
            others = 0
        with contextlib.suppress(Exception):
            client.connection_pool.disconnect()
        if pid and others <= 0:
            _terminate(pid)
            for leftover in (client.redis_dir, getattr(client, "settingregistryfile", None)):
                if leftover and Path(leftover).is_dir():
                    shutil.rmtree(leftover, ignore_errors=True)
                elif leftover and Path(leftover).exists():
                    Path(leftover).unlink(missing_ok=True)
        # redislite's own atexit/__del__ clean-up then finds nothing left to stop.
        client.pidfile = None
        client.redis_dir = None


def _own_connections(pool: Any) -> int:
    """This store's connections to its server: one per thread that read at once (the
    web app reads from several), all counted in the server's client list."""
    own = len(getattr(pool, "_available_connections", ())) + len(
        getattr(pool, "_in_use_connections", ()))
    return max(own, 1)


def _terminate(pid: int, timeout: float = 15.0) -> None:
    """SIGTERM the server and wait until it has exited (or is a zombie nobody reaps)."""
    import psutil

    try:
        process = psutil.Process(pid)
        process.send_signal(signal.SIGTERM)
    except psutil.NoSuchProcess:
        return
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if process.status() == psutil.STATUS_ZOMBIE:
                return
        except psutil.NoSuchProcess:
            return
        time.sleep(0.02)
    raise StoreError(f"the embedded FalkorDB server (pid {pid}) did not stop within {timeout} s")


def _index_target(text: str) -> tuple[str, str]:
    # "CREATE INDEX FOR (d:Document) ON (d.key)" -> ("Document", "key")
    label = text.split(":", 1)[1].split(")", 1)[0]
    prop = text.rsplit(".", 1)[1].rstrip(")")
    return label, prop


def _library_result(graph: Any, response: list[Any], query: str, params: Params) -> Any:
    """The client library's parse of ``response`` (graph elements need its schema cache);
    when its cached schema is out of date the library refreshes it, and the query runs
    again through the library."""
    from falkordb.exceptions import SchemaVersionMismatchException
    from falkordb.query_result import QueryResult

    try:
        return QueryResult(graph, response)
    except SchemaVersionMismatchException:
        return graph.ro_query(query, params)
