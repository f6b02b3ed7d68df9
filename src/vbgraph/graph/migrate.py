"""Store format versions: what an older store needs to answer today's queries.

A store records its format on a ``(:StoreFormat {key: 'vbgraph', version})`` node.
Opening a store brings it up to ``CURRENT`` (idempotent; an empty store is just
stamped):

* version 2 -- ``(:Agency)-[:ASSIGNED_IN {roles, tasks}]->(:Document)`` summaries,
  derived from the roles in each document's tasks (``assigned`` reads them).
  Stores written before them, or loaded from an export, get them built here.
"""

from __future__ import annotations

from vbgraph.errors import StoreError
from vbgraph.graph.ingest import refresh_summaries
from vbgraph.graph.store import GraphStore
from vbgraph.queries.cypher.schema import DOCUMENTS_WITH_TASKS, SET_STORE_VERSION, STORE_VERSION

CURRENT = 2


def store_version(store: GraphStore) -> int:
    rows = store.read(STORE_VERSION)
    return int(rows[0]["version"]) if rows and rows[0].get("version") is not None else 1


def migrate(store: GraphStore) -> int:
    """Bring ``store`` to the current format; returns the version it had."""
    found = store_version(store)
    if found < CURRENT:
        if found < 2:
            refresh_summaries(store, [r["key"] for r in store.read(DOCUMENTS_WITH_TASKS)])
        store.write(SET_STORE_VERSION, {"version": CURRENT})
    return found


def check_current(store: GraphStore) -> None:
    """For read-only opening: refuse a store that needs ``migrate`` (which writes).

    An empty store, or one without tasks, answers correctly as it is."""
    if store_version(store) < CURRENT and store.read(DOCUMENTS_WITH_TASKS):
        raise StoreError(
            "the store was written by an older vbgraph and must be upgraded before it can "
            "be read: run any writing command on it once (for example `vbgraph ingest` of a "
            "folder already stored), with an account that may write"
        )
