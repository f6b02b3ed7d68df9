"""The cypher console's guard (``queries/guard.py``): an allowlist, table-driven.

Every bypass of the old blocklist is here (issue 17): backticked and spaced procedure
names, ``gds.*.write``, ``TERMINATE TRANSACTIONS``; and the harmless ``CALL db.labels()``
it refused.  Each refused query is checked to be valid Cypher by Neo4j's own parser,
so each is a real attempt the server would have run.
"""

from __future__ import annotations

import pytest

from tests.test_cypher import _lint
from vbgraph.errors import QueryError
from vbgraph.queries.guard import check_read_only, tokenize

#: (query, what the refusal names). All valid Cypher 5.
REFUSED: list[tuple[str, str]] = [
    # bypasses of the blocklist (issue 17)
    ("CALL `apoc`.`load`.json('http://127.0.0.1:9/x') YIELD value RETURN value", "apoc.load.json"),
    ("CALL apoc . load . json('http://127.0.0.1:9/x') YIELD value RETURN value", "apoc.load.json"),
    ("CALL apoc /* hidden */ . `load` . json('x') YIELD value RETURN value", "apoc.load.json"),
    ("CALL gds.pageRank.write('g', {writeProperty: 'rank'})", "gds.pagerank.write"),
    ("CALL gds.graph.drop('g')", "gds.graph.drop"),
    ("TERMINATE TRANSACTIONS 'neo4j-transaction-42'", "TERMINATE"),
    # other procedures and functions that write or reach outside
    ("CALL dbms.killQuery('query-1')", "dbms.killquery"),
    ("CALL db.createLabel('X')", "db.createlabel"),
    ("CALL apoc.periodic.iterate('MATCH (n) RETURN n', 'DETACH DELETE n', {})",
     "apoc.periodic.iterate"),
    ("CALL db.labels() YIELD label CALL apoc.load.json('x') YIELD value RETURN value",
     "apoc.load.json"),
    ("RETURN apoc.cypher.runFirstColumnSingle('MATCH (n) RETURN n', {}) AS x",
     "apoc.cypher.runfirstcolumnsingle"),
    ("RETURN `apoc`.text.join(['a'], 'b') AS x", "apoc.text.join"),
    # write and administration clauses, however written
    ("CREATE (n:Document {key: 'x'})", "CREATE"),
    ("cReAtE (n:Document {key: 'x'})", "CREATE"),
    ("CREATE/**/(n:Document {key: 'x'})", "CREATE"),
    ("MATCH (d:Document) SET d.title = 'x'", "SET"),
    ("MATCH (d:Document) WITH d\nSET d.title = 'x'", "SET"),
    ("MATCH (d) DETACH DELETE d", "DETACH"),
    ("match (d) merge (d)-[:CITES]->(d)", "MERGE"),
    ("MATCH (d:Document) REMOVE d.title", "REMOVE"),
    ("LOAD CSV FROM 'file:///etc/passwd' AS line RETURN line", "LOAD"),
    ("FOREACH (x IN [1] | CREATE (:Scratch))", "FOREACH"),
    ("CALL { CREATE (:Scratch) } IN TRANSACTIONS", "CREATE"),
    ("MATCH (n:Document) CALL (n) { SET n.x = 1 } RETURN n", "SET"),
    ("DROP INDEX document_lookup", "DROP"),
    ("SHOW TRANSACTIONS", "SHOW"),
    ("USE other MATCH (n) RETURN n", "USE"),
    ("SHOW USERS", "SHOW"),
    ("STOP DATABASE neo4j", "STOP DATABASE"),
    ("MATCH (n) WITH n //\nCREATE (m)", "CREATE"),
    # strings and names: a keyword after a string that ends where Cypher ends it
    ("WITH 'a\\\\' AS s CREATE (x)", "CREATE"),
    ("MATCH (n:`a``b`) CREATE (x)", "CREATE"),
]

#: Reading queries that must pass (keywords inside strings, names, comments, map keys).
ALLOWED: list[str] = [
    "CALL db.labels()",
    "CALL db.labels() YIELD label RETURN label",
    "CALL `db`.`labels`()",
    "call DB.LABELS()",
    "CALL db.relationshipTypes()",
    "CALL db.propertyKeys()",
    "CALL db.schema.visualization()",
    "MATCH (d:Document) WHERE d.title CONTAINS 'SET' RETURN d.key AS key",
    "MATCH (d:Document) WHERE d.title CONTAINS \"DETACH DELETE\" RETURN d.key AS key",
    "MATCH (d:Document) WHERE d.title = 'a\\' CREATE (x) //' RETURN d.key AS key",
    "MATCH (d:Document) RETURN d.set AS x, d.`create` AS y",
    "MATCH (start:Document) RETURN start.key AS key",
    "RETURN {set: 1, delete: 2} AS m",
    "MATCH (n:`CREATE`) RETURN n",
    "MATCH ()-[r:DELETE]->() RETURN count(r) AS n",
    "MATCH (d) RETURN d // CREATE (x)",
    "/* MERGE (x) */ MATCH (n) RETURN n",
    "CALL { MATCH (n:Document) RETURN n } RETURN count(n) AS n",
    "MATCH p = (a:Document)-[*1..3]->(b:Document) RETURN p",
    "EXPLAIN MATCH (n) RETURN n",
    "RETURN point.distance(point({x: 0, y: 0}), point({x: 1, y: 1})) AS d",
    "MATCH (d:Document) WHERE d.year = $y RETURN d.key AS key",
]


@pytest.mark.parametrize(("text", "named"), REFUSED)
def test_refused(text: str, named: str) -> None:
    with pytest.raises(QueryError, match="read-only") as err:
        check_read_only(text)
    assert named.lower() in str(err.value).lower()


@pytest.mark.parametrize("text", ALLOWED)
def test_allowed(text: str) -> None:
    check_read_only(text)


def test_every_case_is_valid_cypher_for_neo4j() -> None:
    """The refused queries are real (Neo4j's parser accepts them), and so are the allowed."""
    cases = {f"refused {i}": t for i, (t, _) in enumerate(REFUSED)}
    cases.update({f"allowed {i}": t for i, t in enumerate(ALLOWED)})
    errors = {name: (cases[name], diags) for name, diags in _lint(cases).items() if diags}
    assert errors == {}


@pytest.mark.parametrize("text", [
    "MATCH (n) WHERE n.x = 'abc RETURN n",
    "MATCH (n:`abc) RETURN n",
    "MATCH (n) /* RETURN n",
    "",
    "   // nothing\n",
])
def test_unterminated_or_empty_is_refused(text: str) -> None:
    with pytest.raises(QueryError):
        check_read_only(text)


def test_tokenizer_reads_strings_names_and_comments() -> None:
    tokens = tokenize("MATCH (n:`a``b`) WHERE n.t = 'x\\'y' // c\nRETURN $p /* d */")
    assert [(t.kind, t.text) for t in tokens] == [
        ("word", "MATCH"), ("punct", "("), ("word", "n"), ("punct", ":"), ("quoted", "a`b"),
        ("punct", ")"), ("word", "WHERE"), ("word", "n"), ("punct", "."), ("word", "t"),
        ("punct", "="), ("string", "x\\'y"), ("word", "RETURN"), ("param", "$p"),
    ]
