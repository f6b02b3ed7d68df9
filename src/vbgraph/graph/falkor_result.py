"""Read FalkorDB's compact result set straight into rows, for results of plain values.

The client library parses every cell through a chain of calls (and the store then
turns nodes into dicts): at a few thousand rows -- ``assigned`` for one Sở at
national scale -- that was more than half of the query's wall time (bench
finding Q3).  Results made only of null, string, integer, boolean, double and
lists of those are read here in one pass; anything else (nodes, edges, paths,
maps, points, temporal values) returns ``None`` and the caller lets the library
parse the same response.
"""

from __future__ import annotations

from typing import Any

from falkordb.helpers import stringify_param_value

#: Compact result-set value types (FalkorDB's ``ResultSetScalarTypes``).
NULL, STRING, INTEGER, BOOLEAN, DOUBLE, ARRAY = 1, 2, 3, 4, 5, 6


class NotPlain(Exception):  # control flow only, never leaves this module
    """A cell holds a graph element or another type the library must parse."""


def params_header(params: dict[str, Any]) -> str:
    """The ``CYPHER name=value ...`` prefix that carries query parameters."""
    if not params:
        return ""
    return "CYPHER " + " ".join(f"`{k}`={stringify_param_value(v)}" for k, v in params.items()) \
        + " "


def plain_rows(response: list[Any]) -> list[dict[str, Any]] | None:
    """Rows of a compact ``GRAPH.QUERY``/``GRAPH.RO_QUERY`` response, or ``None`` when a
    cell is not a plain value.  A response without a result set (a write) gives ``[]``."""
    if len(response) < 3:
        return []
    names = [h[1] for h in response[0]]
    try:
        return [dict(zip(names, [_cell(t, v) for t, v in row], strict=True))
                for row in response[1]]
    except NotPlain:
        return None


def _cell(kind: int, value: Any) -> Any:
    if kind == STRING:
        return value if type(value) is str else _text(value)
    if kind == INTEGER:
        return int(value)
    if kind == NULL:
        return None
    if kind == ARRAY:
        return [_cell(t, v) for t, v in value]
    if kind == BOOLEAN:
        return _text(value) == "true"
    if kind == DOUBLE:
        return float(value)
    raise NotPlain


def _text(value: Any) -> str:
    return value.decode() if isinstance(value, bytes) else str(value)
