"""One shape for result values, whichever backend returned them.

A node or a relationship becomes the dict of its properties, a path becomes
``{"nodes": [...], "relationships": [...]}`` of those dicts, lists and maps are
converted item by item.  Both ``FalkorStore`` (the falkordb client's ``Node``,
``Edge``, ``Path``) and ``Neo4jStore`` (the neo4j driver's ``Node``,
``Relationship``, ``Path``) hand rows out in this shape, so ``vbgraph cypher``
prints the same answer on every backend.
"""

from __future__ import annotations

from typing import Any


def plain_value(value: Any) -> Any:
    """``value`` with graph elements replaced by plain dicts (see the module doc)."""
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    if isinstance(value, list | tuple):
        return [plain_value(v) for v in value]
    if isinstance(value, dict):
        return {k: plain_value(v) for k, v in value.items()}
    path = _path_parts(value)
    if path is not None:
        nodes, relationships = path
        return {"nodes": [plain_value(n) for n in nodes],
                "relationships": [plain_value(r) for r in relationships]}
    props = getattr(value, "properties", None)
    if isinstance(props, dict):  # falkordb Node / Edge
        return {k: plain_value(v) for k, v in props.items()}
    from neo4j.graph import Node, Relationship

    if isinstance(value, Node | Relationship):
        return {k: plain_value(v) for k, v in value.items()}
    iso = getattr(value, "iso_format", None)  # neo4j temporal values
    if callable(iso):
        return iso()
    return value


def _path_parts(value: Any) -> tuple[list[Any], list[Any]] | None:
    from falkordb.path import Path as FalkorPath
    from neo4j.graph import Path as Neo4jPath

    if isinstance(value, Neo4jPath):
        return list(value.nodes), list(value.relationships)
    if isinstance(value, FalkorPath):
        return list(value.nodes()), list(value.edges())
    return None
