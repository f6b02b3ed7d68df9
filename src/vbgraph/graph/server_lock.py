"""The write lock of a server store: a lock node with a lease.

Two ingests (or imports) into one Neo4j database would interleave their
replace-and-rewrite steps; the embedded store uses a file lock, which a server
shared across machines cannot.  The lock is one node, ``(:WriteLock {key:
'vbgraph'})``, taken in a query of its own (``ACQUIRE_WRITE_LOCK``) when it is
free or expired, renewed by a background thread every third of its lease, and
deleted on exit.  A writer that dies without releasing it (kill -9, a lost
machine) holds it for at most ``LEASE_S`` seconds after its last renewal; then
the next writer takes it over.  Times are the server's clock, so clients' clocks
do not matter.
"""

from __future__ import annotations

import os
import socket
import threading
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from typing import Any, Protocol

from vbgraph.errors import StoreError, VbgraphError
from vbgraph.graph.lock import lock_timeout
from vbgraph.queries.cypher.write_lock import (
    ACQUIRE_WRITE_LOCK,
    RELEASE_WRITE_LOCK,
    RENEW_WRITE_LOCK,
)

#: How long a lock outlives its holder's last renewal (seconds).
LEASE_S = 120.0
#: How often a waiting writer asks again (seconds).
POLL_S = 0.5


class LockableStore(Protocol):
    uri: str

    def write_read(self, query: str, params: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        ...

    def write(self, query: str, params: dict[str, Any] | None = None) -> None:
        ...

    def lock_lost(self, message: str | None) -> None:
        ...


def holder_name() -> str:
    """Who holds the lock, as other writers are told: host, pid and a unique tag."""
    return f"{socket.gethostname()} pid {os.getpid()} ({uuid.uuid4().hex[:8]})"


@contextmanager
def server_lock(store: LockableStore, timeout: float | None = None,
                lease: float = LEASE_S) -> Iterator[None]:
    """Hold the store's write lock, waiting up to ``timeout`` seconds (default
    ``VBGRAPH_LOCK_TIMEOUT``, 600) for another writer to finish."""
    timeout = lock_timeout() if timeout is None else timeout
    holder = holder_name()
    params = {"holder": holder, "lease_ms": int(lease * 1000)}
    deadline = time.monotonic() + timeout
    while True:
        rows = store.write_read(ACQUIRE_WRITE_LOCK, params)
        if rows and rows[0]["holder"] == holder:
            break
        other = rows[0] if rows else {}
        if time.monotonic() >= deadline:
            left = (other.get("remaining_ms") or 0) / 1000
            raise StoreError(
                f"the store at {store.uri} is being written by {other.get('holder')}; waited "
                f"{timeout:g} s. Try again when it has finished (its lock expires {left:.0f} s "
                "after its last renewal if that writer died), or set VBGRAPH_LOCK_TIMEOUT "
                "to wait longer"
            )
        time.sleep(POLL_S)
    stop = threading.Event()
    renewal = threading.Thread(target=_renew, args=(store, params, lease, stop),
                               name="vbgraph-lock-renewal", daemon=True)
    renewal.start()
    try:
        yield
    finally:
        stop.set()
        renewal.join()
        store.lock_lost(None)  # whatever failed has been reported inside
        with suppress(VbgraphError):  # the server is gone: the lease ends the lock
            store.write(RELEASE_WRITE_LOCK, {"holder": holder})


def _renew(store: LockableStore, params: dict[str, Any], lease: float,
           stop: threading.Event) -> None:
    while not stop.wait(lease / 3):
        try:
            rows = store.write_read(RENEW_WRITE_LOCK, params)
        except VbgraphError:
            continue  # a passing network error: the next renewal tries again
        if not rows:
            store.lock_lost(
                f"this process lost the write lock of {store.uri} (it was not renewed within "
                f"{lease:g} s and another writer took it over); run the command again"
            )
            return
