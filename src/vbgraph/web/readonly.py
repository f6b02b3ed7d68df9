"""The store as the web app holds it: reads only.

``ReadOnlyStore`` passes reads to the opened store and refuses every write,
schema change and clearing, so no route (the Cypher console included) can change
the graph even if a write slipped past the console's check.  The backends' reads
are themselves read-only (FalkorDB ``GRAPH.RO_QUERY``, Neo4j read transactions).
"""

from __future__ import annotations

from contextlib import AbstractContextManager

from vbgraph.errors import StoreError
from vbgraph.graph.store import GraphStore, Params, Row


class ReadOnlyStore:
    """A ``GraphStore`` whose writes are refused; reads go to ``inner``."""

    def __init__(self, inner: GraphStore) -> None:
        self._inner = inner
        self.name = inner.name
        self.dialect = inner.dialect

    def _refuse(self, what: str) -> StoreError:
        return StoreError(f"the web app opens the store read-only: {what} refused "
                          "(use `vbgraph ingest` to change the graph)")

    def setup_schema(self) -> None:
        raise self._refuse("schema change")

    def write_lock(self) -> AbstractContextManager[None]:
        raise self._refuse("write lock")

    def write(self, query: str, params: Params | None = None) -> None:
        raise self._refuse("write")

    def read(self, query: str, params: Params | None = None) -> list[Row]:
        return self._inner.read(query, params)

    def clear(self) -> None:
        raise self._refuse("clearing")

    def close(self) -> None:
        """The opener closes the store it opened, not the app."""


def read_only(store: GraphStore) -> GraphStore:
    return store if isinstance(store, ReadOnlyStore) else ReadOnlyStore(store)
