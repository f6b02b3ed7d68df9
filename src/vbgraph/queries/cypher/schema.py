"""What a store sets up before anything else: schema, format version, server identity.

Schema setup differs by engine, ``SCHEMA[dialect]``: unique constraints and indexes
on Neo4j, indexes on FalkorDB (which the embedded store completes with unique
constraints, ``FALKORDB_UNIQUE``, and relationship indexes, ``FALKORDB_EDGE_SCHEMA``).
The texts named ``*_SCHEMA`` run once per store, not in ``all_queries()``.
"""

from __future__ import annotations

from vbgraph.models import RELATION_TYPES

#: Which engine a Bolt server is: Neo4j answers with its components and version (the
#: way neo4j-graphrag tells versions apart); FalkorDB's Bolt endpoint does not have
#: the procedure (and calls itself ``Neo4j/5.13.0`` in its agent string).
SERVER_COMPONENTS = """
CALL dbms.components() YIELD name, versions, edition
RETURN name, versions, edition
"""

#: FalkorDB indexes (no ``IF NOT EXISTS``: the store creates only the missing ones,
#: listed by ``INDEXES``).
FALKORDB_SCHEMA: tuple[str, ...] = (
    "CREATE INDEX FOR (d:Document) ON (d.key)",
    "CREATE INDEX FOR (d:Document) ON (d.lookup)",
    "CREATE INDEX FOR (d:Document) ON (d.number)",
    "CREATE INDEX FOR (d:Document) ON (d.source)",
    "CREATE INDEX FOR (a:Agency) ON (a.key)",
    "CREATE INDEX FOR (a:Agency) ON (a.lookup)",
    "CREATE INDEX FOR (t:Task) ON (t.key)",
    "CREATE INDEX FOR (l:WriteLock) ON (l.key)",
)

#: FalkorDB's index list (``label``, ``properties``), to skip existing indexes.
INDEXES = "CALL db.indexes()"

#: FalkorDB unique constraints (``GRAPH.CONSTRAINT CREATE``, embedded store only): label,
#: property.
FALKORDB_UNIQUE: tuple[tuple[str, str], ...] = (
    ("Document", "key"),
    ("Agency", "key"),
    ("Task", "key"),
)

NEO4J_SCHEMA: tuple[str, ...] = (
    "CREATE CONSTRAINT document_key IF NOT EXISTS FOR (d:Document) REQUIRE d.key IS UNIQUE",
    "CREATE CONSTRAINT agency_key IF NOT EXISTS FOR (a:Agency) REQUIRE a.key IS UNIQUE",
    "CREATE CONSTRAINT task_key IF NOT EXISTS FOR (t:Task) REQUIRE t.key IS UNIQUE",
    "CREATE CONSTRAINT write_lock_key IF NOT EXISTS FOR (l:WriteLock) REQUIRE l.key IS UNIQUE",
    "CREATE INDEX document_lookup IF NOT EXISTS FOR (d:Document) ON (d.lookup)",
    "CREATE INDEX document_number IF NOT EXISTS FOR (d:Document) ON (d.number)",
    "CREATE INDEX document_source IF NOT EXISTS FOR (d:Document) ON (d.source)",
    "CREATE INDEX agency_lookup IF NOT EXISTS FOR (a:Agency) ON (a.lookup)",
)

#: Schema texts by dialect.
SCHEMA: dict[str, tuple[str, ...]] = {"falkordb": FALKORDB_SCHEMA, "neo4j": NEO4J_SCHEMA}

#: Relationship indexes of the embedded store (``FALKORDB_SCHEMA`` holds the others).
FALKORDB_EDGE_SCHEMA: tuple[str, ...] = tuple(
    f"CREATE INDEX FOR ()-[r:{t}]-() ON (r.asserted_by)" for t in RELATION_TYPES.values())

#: The store's format version, on one node of its own (``graph/migrate.py``).
STORE_VERSION = """
MATCH (m:StoreFormat {key: 'vbgraph'})
RETURN m.version AS version
"""

SET_STORE_VERSION = """
MERGE (m:StoreFormat {key: 'vbgraph'})
SET m.version = $version
"""

#: Documents with tasks (the ones an assignment summary can exist for).
DOCUMENTS_WITH_TASKS = """
MATCH (d:Document)-[:HAS_TASK]->(:Task)
RETURN DISTINCT d.key AS key
ORDER BY key
"""

#: Everything, for ``GraphStore.clear`` (tests, ``ingest --replace``).
DELETE_ALL = "MATCH (n) DETACH DELETE n"
