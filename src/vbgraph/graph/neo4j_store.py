"""Neo4j 5 backend through the official ``neo4j`` driver (6.x)."""

from __future__ import annotations

import os
from contextlib import AbstractContextManager, nullcontext

from vbgraph.errors import QueryError, StoreError
from vbgraph.graph.store import Params, Row
from vbgraph.queries.cypher import DELETE_ALL, NEO4J_SCHEMA


class Neo4jStore:
    """A Neo4j server: reads routed to readers, writes in batched UNWIND."""

    name = "neo4j"

    def __init__(self, uri: str, user: str, password: str, database: str | None = None) -> None:
        import neo4j

        self._neo4j = neo4j
        self.uri = uri
        self.database = database
        try:
            self._driver = neo4j.GraphDatabase.driver(uri, auth=(user, password))
            self._driver.verify_connectivity()
        except (neo4j.exceptions.Neo4jError, neo4j.exceptions.DriverError, ValueError) as exc:
            raise StoreError(
                f"cannot connect to Neo4j at {uri}: {exc}; check the server is running and "
                "NEO4J_USERNAME / NEO4J_PASSWORD"
            ) from None

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

    def setup_schema(self) -> None:
        for text in NEO4J_SCHEMA:
            self.write(text)

    def write_lock(self) -> AbstractContextManager[None]:
        """Neo4j serialises concurrent writers itself."""
        return nullcontext()

    def write(self, query: str, params: Params | None = None) -> None:
        try:
            self._driver.execute_query(
                query,
                params or {},
                database_=self.database,
                routing_=self._neo4j.RoutingControl.WRITE,
            )
        except self._neo4j.exceptions.Neo4jError as exc:
            raise StoreError(f"Neo4j write failed: {exc.message}") from None

    def read(self, query: str, params: Params | None = None) -> list[Row]:
        def work(tx: object) -> list[Row]:
            result = tx.run(query, params or {})  # type: ignore[attr-defined]
            return [record.data() for record in result]

        try:
            with self._driver.session(database=self.database) as session:
                return session.execute_read(work)
        except self._neo4j.exceptions.ClientError as exc:
            if "write" in (exc.message or "").lower() and "read" in (exc.message or "").lower():
                raise QueryError(f"read-only query refused by Neo4j: {exc.message}") from None
            raise QueryError(f"Neo4j refused the query: {exc.message}") from None
        except self._neo4j.exceptions.Neo4jError as exc:
            raise StoreError(f"Neo4j read failed: {exc.message}") from None

    def clear(self) -> None:
        self.write(DELETE_ALL)

    def close(self) -> None:
        self._driver.close()
