"""Queries are bounded on the embedded store (issue 15, findings 8, 14 and 15).

A query that runs too long is stopped by the server with a clear error; a query
nested deeper than FalkorDB's parser can take (it is exponential in nesting, and its
timeout does not cover parsing) is refused before it is sent; a failure inside
vbgraph's own code is a bug and keeps its traceback.  Every query runs in a thread
joined with a deadline, so a regression fails the test instead of hanging it.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from vbgraph.cli import cli
from vbgraph.errors import QueryError
from vbgraph.graph import cypher_limits
from vbgraph.graph.falkor_store import FalkorStore
from vbgraph.queries import cypher
from vbgraph.queries.page_cypher import page_queries

DEADLINE_S = 60.0

#: 8 billion rows: minutes of work unless the server stops it.
ENDLESS = ("UNWIND range(1, 2000) AS a UNWIND range(1, 2000) AS b "
           "UNWIND range(1, 2000) AS c RETURN count(*) AS n")


def bounded(fn: Callable[[], Any]) -> Any:
    """``fn()``'s result or exception, failing the test if it has not returned in time."""
    box: dict[str, Any] = {}

    def run() -> None:
        try:
            box["value"] = fn()
        except BaseException as exc:  # handed to the test thread
            box["error"] = exc

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(DEADLINE_S)
    assert not thread.is_alive(), f"still running after {DEADLINE_S:g} s"
    if "error" in box:
        raise box["error"]
    return box.get("value")


@pytest.fixture(scope="module")
def quick(tmp_path_factory: pytest.TempPathFactory) -> Any:
    store = FalkorStore(tmp_path_factory.mktemp("limits"), query_timeout=0.3)
    store.write("CREATE (:Probe {n: 1})")
    yield store
    store.close()


def test_a_query_that_runs_too_long_is_stopped_by_the_server(quick: FalkorStore) -> None:
    with pytest.raises(QueryError, match=r"ran longer than 0\.3 s.*--query-timeout"):
        bounded(lambda: quick.read(ENDLESS))
    assert quick.read("MATCH (p:Probe) RETURN p.n AS n") == [{"n": 1}]  # still serving


def test_the_command_line_timeout(tmp_path: Path) -> None:
    result = bounded(lambda: CliRunner().invoke(
        cli, ["--store", str(tmp_path / "s"), "--query-timeout", "0.3", "cypher", ENDLESS]))
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: the query ran longer than 0.3 s")
    assert "Traceback" not in result.output


NESTED = {
    "list 28 deep": "RETURN " + "[" * 28 + "1" + "]" * 28 + " AS v",
    "negation in brackets 12 deep": "RETURN " + "-(" * 12 + "1" + ")" * 12 + " AS v",
    "NOT in brackets 12 deep": "RETURN " + "NOT (" * 12 + "true" + ")" * 12 + " AS v",
    "bare minus signs 30": "RETURN " + "- " * 30 + "1 AS v",
    "function calls 30 deep": "RETURN " + "abs(" * 30 + "1" + ")" * 30 + " AS v",
    "list comprehensions 24 deep": "RETURN " + "[x IN " * 24 + "[1]" + " | x]" * 24 + " AS v",
    "CASE 30 deep": "RETURN " + "CASE WHEN true THEN " * 30 + "1" + " END" * 30 + " AS v",
    "path of 1000 relationships": "MATCH p=(a)" + "-[]-()" * 1000 + " RETURN 1",
}


@pytest.mark.parametrize("name", list(NESTED))
def test_queries_nested_past_the_parsers_reach_are_refused(quick: FalkorStore,
                                                           name: str) -> None:
    with pytest.raises(QueryError, match=r"nests|relationship patterns"):
        bounded(lambda: quick.read(NESTED[name]))
    assert quick.read("RETURN 1 AS one") == [{"one": 1}]


def test_nesting_within_the_limit_runs(quick: FalkorStore) -> None:
    depth = cypher_limits.MAX_NESTING
    text = "RETURN " + "[" * depth + "7" + "]" * depth + " AS v"
    assert cypher_limits.measure(text)[0] == depth
    rows = bounded(lambda: quick.read(text))
    value = rows[0]["v"]
    for _ in range(depth):
        value = value[0]
    assert value == 7


@pytest.mark.parametrize(("text", "depth"), [
    ("RETURN '[[[[[[[[[[[[[[[[[[[[[[[[[[[[' AS s", 0),   # inside a string
    ("RETURN 1 // (((((((((((((((((((((((((((", 0),     # inside a comment
    ("MATCH (t:Task) RETURN t.start, t.end", 1),          # a property named end
    ("RETURN {end: 1, case: 2} AS m", 1),                 # map keys named like keywords
    ("RETURN CASE WHEN (1 = 1) THEN [1] END AS v", 2),
    ("RETURN 1 - (2 - (3 - 4)) AS v", 2),                 # binary minus is no level
    ("RETURN -(-(1)) AS v", 4),                           # prefix minus is
    ("RETURN NOT NOT true AS v", 2),
    ("MATCH (a)-[r:X]->(b)<-[:Y]-(c)--(d) RETURN 1", 1),
])
def test_nesting_measure(text: str, depth: int) -> None:
    assert cypher_limits.measure(text)[0] == depth


def test_relationship_patterns_are_counted() -> None:
    assert cypher_limits.measure("MATCH (a)-[r:X]->(b)<-[:Y]-(c)--(d) RETURN 1")[1] == 3


def test_every_query_of_vbgraph_is_within_the_limits() -> None:
    texts = [*cypher.every_text().values(), *page_queries().values()]
    assert len(texts) > 40
    for text in texts:
        depth, relationships = cypher_limits.measure(text)
        assert depth <= cypher_limits.MAX_NESTING - 4, text  # with room to spare
        assert relationships <= cypher_limits.MAX_RELATIONSHIPS // 4, text


def test_a_deeply_nested_parameter_is_refused(quick: FalkorStore) -> None:
    value: Any = 1
    for _ in range(40):
        value = [value]
    with pytest.raises(QueryError, match="parameter 'x' is nested"):
        bounded(lambda: quick.read("RETURN $x AS x", {"x": value}))


def test_a_5000_deep_json_parameter_is_a_usage_error(tmp_path: Path) -> None:
    """Finding 14: ``-p x=[[[...]]]`` 5000 deep gave a RecursionError traceback."""
    deep = "[" * 5000 + "]" * 5000
    result = CliRunner().invoke(cli, ["--store", str(tmp_path / "s"), "cypher",
                                      "RETURN $x AS x", "-p", f"x={deep}"])
    assert result.exit_code == 2
    assert "nested too deeply" in result.output
    assert "Traceback" not in result.output and result.exception is not None
    assert isinstance(result.exception, SystemExit)


def test_a_bug_inside_a_read_keeps_its_traceback(quick: FalkorStore,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """Finding 15: store errors were wrapped ``from None``, so a bug looked like a refusal."""
    from vbgraph.graph import falkor_store

    def broken(response: object) -> None:
        raise TypeError("a bug in the row reader")

    monkeypatch.setattr(falkor_store, "plain_rows", broken)
    with pytest.raises(TypeError, match="a bug in the row reader"):
        quick.read("RETURN 1 AS one")


def test_a_bug_inside_a_write_keeps_its_traceback(quick: FalkorStore,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise KeyError("a bug in the client")

    monkeypatch.setattr(quick._graph, "query", broken)
    with pytest.raises(KeyError, match="a bug in the client"):
        quick.write("CREATE (:Probe)")


def test_a_refused_query_is_a_query_error_chained_to_the_servers_answer(
        quick: FalkorStore) -> None:
    with pytest.raises(QueryError, match="FalkorDB refused the query") as info:
        quick.read("RETURN nosuchfunction(1) AS x")
    assert info.value.__cause__ is not None
