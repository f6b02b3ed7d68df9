"""The ``vbgraph`` command line: thin commands over the library.

Library errors (``VbgraphError``) print ``Error: ...`` and exit 1; usage
errors exit 2; anything else is a bug and shows its traceback.

``base`` holds the group, its global options and what the commands share; the
commands live by theme: ``storage`` (ingest, repair, export, import),
``extraction`` (extract, eval, annotate), ``documents`` (lineage, path, show),
``agencies`` (assigned, tasks, coordination, matrix), ``corpus`` (gaps, search,
cypher, stats) and ``views`` (view, serve, demo).
"""

from __future__ import annotations

import signal

# Importing a command module adds its commands to ``cli``.
from vbgraph.cli import agencies, corpus, documents, extraction, storage, views  # noqa: F401
from vbgraph.cli.base import cli

__all__ = ["cli", "main"]


def _stop_on_sigterm(signum: int, frame: object) -> None:
    """SIGTERM ends the command as Ctrl-C does: the store is closed (its server stopped if
    nobody else uses it), the write lock released and the extraction workers stopped."""
    raise SystemExit(128 + signum)


def main() -> None:
    signal.signal(signal.SIGTERM, _stop_on_sigterm)
    cli(prog_name="vbgraph")
