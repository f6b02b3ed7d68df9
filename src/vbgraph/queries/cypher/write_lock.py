"""The write lock of a server store (Neo4j, or FalkorDB over Bolt): ``graph/server_lock.py``.

The embedded store locks a file instead (``graph/lock.py``).
"""

from __future__ import annotations

#: Take the lock ``(:WriteLock {key: 'vbgraph'})`` for ``$holder`` when it is free, already
#: ``$holder``'s, or expired (server clock, milliseconds); returns who holds it now.  The
#: first ``SET`` takes Neo4j's write lock on the node before its holder is read, so two
#: writers cannot both see it free; FalkorDB runs one write query at a time.
ACQUIRE_WRITE_LOCK = """
MERGE (l:WriteLock {key: 'vbgraph'})
SET l.claim = $holder
WITH l, (l.holder IS NULL OR l.holder = $holder OR l.expires < timestamp()) AS free
SET l.holder = CASE WHEN free THEN $holder ELSE l.holder END,
    l.expires = CASE WHEN free THEN timestamp() + $lease_ms ELSE l.expires END,
    l.claim = null
RETURN l.holder AS holder, l.expires - timestamp() AS remaining_ms
"""

#: Push the expiry of ``$holder``'s lock forward; no row when the lock is no longer theirs.
RENEW_WRITE_LOCK = """
MATCH (l:WriteLock {key: 'vbgraph'})
WHERE l.holder = $holder
SET l.expires = timestamp() + $lease_ms
RETURN l.holder AS holder
"""

RELEASE_WRITE_LOCK = """
MATCH (l:WriteLock {key: 'vbgraph'})
WHERE l.holder = $holder
DELETE l
"""
