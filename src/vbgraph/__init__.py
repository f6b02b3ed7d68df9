"""vbgraph: a knowledge graph of Vietnamese policy documents.

The Python API mirrors the command line::

    import vbgraph
    store = vbgraph.open_store("./kho")
    vbgraph.ingest(store, ["./van-ban"])
    vbgraph.lineage(store, "590/QĐ-UBND").to_json()
    vbgraph.assigned(store, "Sở Ngoại vụ", province="Quảng Ngãi")

Names are imported on first use, so importing one stage does not load the others.
"""

from __future__ import annotations

import importlib
from typing import Any

__version__ = "0.1.0"

_EXPORTS: dict[str, tuple[str, str]] = {
    "GraphStore": ("vbgraph.graph.store", "GraphStore"),
    "open_store": ("vbgraph.graph.store", "open_store"),
    "opened_store": ("vbgraph.graph.store", "opened_store"),
    "extract": ("vbgraph.loaders.extraction", "extract"),
    "read_document": ("vbgraph.loaders.formats.read", "read_document"),
    "read_text": ("vbgraph.loaders.formats.read", "read_text"),
    "ingest": ("vbgraph.pipeline", "ingest_paths"),
    **{name: ("vbgraph.queries.documents", name) for name in ("find_document", "show")},
    **{name: ("vbgraph.queries.lineage", name)
       for name in ("descendants_by_province", "lineage", "path")},
    **{name: ("vbgraph.queries.agencies", name)
       for name in ("assigned", "coordination", "matrix", "tasks")},
    **{name: ("vbgraph.queries.corpus", name)
       for name in ("corpus_graph", "gaps", "search", "stats")},
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    try:
        module, attr = _EXPORTS[name]
    except KeyError:
        raise AttributeError(f"module 'vbgraph' has no attribute {name!r}") from None
    value = getattr(importlib.import_module(module), attr)
    globals()[name] = value
    return value
