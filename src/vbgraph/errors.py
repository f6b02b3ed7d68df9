"""The one exception hierarchy of vbgraph.

The CLI turns every ``VbgraphError`` into ``Error: <message>`` and exit code 1;
any other exception is a bug and shows its traceback.
"""

from __future__ import annotations


class VbgraphError(Exception):
    """Root of every error vbgraph raises on purpose."""


class InputError(VbgraphError):
    """A file cannot be read or is not a policy document; the message names the file."""


class StoreError(VbgraphError):
    """The graph store cannot be opened, written or read."""


class StoreFailure(StoreError):
    """The store can take nothing more (its server is gone, its disk is full): a long job
    stops at once with this one message instead of failing every remaining item."""


class QueryError(VbgraphError):
    """A query was refused (for example a write clause in a read-only query)."""


class NotFoundError(VbgraphError):
    """A document or agency asked for is not in the store."""


class AmbiguousError(VbgraphError):
    """A symbol matches several documents; the message lists them."""
