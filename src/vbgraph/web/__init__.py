"""``vbgraph serve``: a local, read-only research web app over the store.

Pages (in Vietnamese): search, a document's card and annotated text, its lineage
graph (expanded on click), an agency's roles, tasks and partners, coverage, a
read-only Cypher console; each downloadable as CSV and JSON.  ``/api/<command>``
answers the CLI's query commands with the CLI's ``--json``.  Starlette on
uvicorn, Jinja2 templates with autoescaping, vis-network served from this server,
a strict Content-Security-Policy; no request leaves the machine.
"""

from vbgraph.web.app import create_app

__all__ = ["create_app"]
