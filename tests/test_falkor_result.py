"""The store reads plain results itself (bench finding Q3): same rows as the client library."""

from __future__ import annotations

from typing import Any

import pytest

from vbgraph.graph.falkor_result import plain_rows
from vbgraph.graph.falkor_store import FalkorStore

_PLAIN = [
    ("RETURN 'Sở Ngoại vụ' AS s, \"say \\\"hi\\\"\" AS q, '' AS e", {}),
    ("RETURN 1 AS i, -42 AS n, 2.5 AS f, true AS t, false AS no, null AS nothing", {}),
    ("RETURN [1, 'a', [null, 2.0, ['x']]] AS nested, [] AS empty", {}),
    ("UNWIND $rows AS r RETURN r.k AS k, r.v AS v ORDER BY k",
     {"rows": [{"k": "590/QĐ-UBND|Quảng Ngãi|2014", "v": ["LEADS", "COORDINATES"]},
               {"k": "22-NQ/TW|VN|2013", "v": None}]}),
    ("RETURN $text AS text", {"text": 'a\\b "quoted" \n tab\t ỦY BAN'}),
]


def _library_rows(store: FalkorStore, text: str, params: dict[str, Any]) -> list[dict[str, Any]]:
    result = store._graph.ro_query(text, params)
    names = [h[1] for h in result.header]
    return [dict(zip(names, row, strict=True)) for row in result.result_set]


@pytest.mark.parametrize(("text", "params"), _PLAIN)
def test_plain_results_read_as_the_library_reads_them(
    store: FalkorStore, text: str, params: dict[str, Any]
) -> None:
    rows = store.read(text, params)
    assert rows == _library_rows(store, text, params)
    assert rows  # every case returns something


def test_nodes_fall_back_to_the_library_and_become_property_dicts(store: FalkorStore) -> None:
    store.write("CREATE (:Document {key: 'k1', title: 'Kế hoạch'})")
    response = store._graph.execute_command(
        "GRAPH.RO_QUERY", store._graph.name, "MATCH (d:Document) RETURN d", "--compact"
    )
    assert plain_rows(response) is None
    assert store.read("MATCH (d:Document) RETURN d") == [{"d": {"key": "k1", "title": "Kế hoạch"}}]
    assert store.read("MATCH (d:Document) RETURN d.key AS key, [d.title] AS t") == [
        {"key": "k1", "t": ["Kế hoạch"]}
    ]


def test_no_rows_and_errors(store: FalkorStore) -> None:
    assert store.read("MATCH (d:Document) RETURN d.key AS key") == []
    from vbgraph.errors import QueryError

    with pytest.raises(QueryError):
        store.read("RETURN 1 / 'a' AS broken")
    with pytest.raises(QueryError, match="read-only"):
        store.read("CREATE (:Document {key: 'x'})")
