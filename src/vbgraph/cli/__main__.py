"""``python -m vbgraph.cli``: the ``vbgraph`` command."""

from vbgraph.cli import main

main()
