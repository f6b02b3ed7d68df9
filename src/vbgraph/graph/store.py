"""The ``GraphStore`` protocol and how a store is opened.

Two backends: ``FalkorStore`` (embedded FalkorDB, the default) and
``Neo4jStore`` (a Neo4j 5 server -- or any Bolt server -- through the official
driver).  Both run the Cypher texts of ``vbgraph.queries.cypher``; a store's
``dialect`` says which engine's variant of a text it needs.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path
from typing import Any, Protocol

from vbgraph.settings import seconds_setting

Row = dict[str, Any]
Params = dict[str, Any]

#: How many rows one UNWIND write carries.
BATCH_SIZE = 1000
#: Documents an ingest gathers before it stores them in one round of batched writes.
DOCUMENTS_PER_ROUND = 50

#: How long one read query may run before the server stops it, in seconds (env
#: ``VBGRAPH_QUERY_TIMEOUT``, CLI ``--query-timeout``).  The slowest query of the
#: national-scale benchmark (``assigned`` for one Sở over 40 provinces at 100k
#: documents) takes ~4 s.  Writes are not limited (a batch must not stop halfway).
DEFAULT_QUERY_TIMEOUT = 60.0


def resolve_query_timeout(value: float | None = None) -> float:
    """The read timeout: ``value`` when given, else ``VBGRAPH_QUERY_TIMEOUT``, else the default."""
    from vbgraph.errors import StoreError

    if value is None:
        return seconds_setting("VBGRAPH_QUERY_TIMEOUT", DEFAULT_QUERY_TIMEOUT)
    if not value > 0:
        raise StoreError(f"the query timeout must be a positive number of seconds, not {value}")
    return float(value)


class GraphStore(Protocol):
    """What the rest of vbgraph needs from a graph database."""

    name: str
    #: The engine's Cypher dialect: ``"falkordb"`` or ``"neo4j"`` (picks query variants).
    dialect: str

    def setup_schema(self) -> None:
        """Create indexes and unique constraints (idempotent; writers only)."""

    def write_lock(self) -> AbstractContextManager[None]:
        """Held while documents are written: one writer at a time per store."""

    def write(self, query: str, params: Params | None = None) -> None:
        """Run a write query."""

    def read(self, query: str, params: Params | None = None) -> list[Row]:
        """Run a read-only query; rows are dicts keyed by the RETURN names."""

    def clear(self) -> None:
        """Delete every node and relationship."""

    def close(self) -> None:
        """Release the connection (and stop an embedded server)."""


def write_batched(store: GraphStore, query: str, rows: list[Row]) -> None:
    """Run ``query`` (an ``UNWIND $rows`` text) over ``rows`` in batches."""
    for i in range(0, len(rows), BATCH_SIZE):
        store.write(query, {"rows": rows[i : i + BATCH_SIZE]})


def default_store_dir() -> Path:
    """The platform's user data directory for vbgraph's embedded store."""
    from platformdirs import user_data_dir

    return Path(user_data_dir("vbgraph", appauthor=False)) / "store"


def open_store(store_dir: str | Path | None = None, neo4j_uri: str | None = None,
               query_timeout: float | None = None, *, read_only: bool = False) -> GraphStore:
    """Open the Neo4j store when a URI is given (or ``NEO4J_URI`` is set), else the embedded one.

    ``query_timeout`` (seconds; default ``resolve_query_timeout()``) bounds each read.
    A writer (the default) gets the schema set up and an older store brought up to
    date; on a server, ``read_only`` writes nothing, so an account that may only read
    can ask every question (a store that needs upgrading is reported instead).  The
    embedded store has no accounts, and FalkorDB refuses to read a graph never written,
    so it is always set up.
    """
    uri = neo4j_uri or (None if store_dir else os.environ.get("NEO4J_URI"))
    if uri:
        from vbgraph.graph.neo4j_store import Neo4jStore

        store: GraphStore = Neo4jStore.from_env(uri)
    else:
        from vbgraph.graph.falkor_store import FalkorStore

        store = FalkorStore(Path(store_dir) if store_dir else default_store_dir(),
                            query_timeout=query_timeout)
    try:
        if read_only and uri:
            from vbgraph.graph.migrate import check_current

            check_current(store)
        else:
            prepare_for_writing(store)
    except BaseException:
        store.close()
        raise
    return store


def prepare_for_writing(store: GraphStore) -> None:
    """Schema set up and the store brought to the current format (idempotent)."""
    store.setup_schema()
    from vbgraph.graph.migrate import migrate

    migrate(store)


@contextmanager
def opened_store(
    store_dir: str | Path | None = None, neo4j_uri: str | None = None,
    query_timeout: float | None = None, *, read_only: bool = False,
) -> Iterator[GraphStore]:
    """``open_store`` as a context manager that always closes."""
    store = open_store(store_dir, neo4j_uri, query_timeout, read_only=read_only)
    try:
        yield store
    finally:
        store.close()
