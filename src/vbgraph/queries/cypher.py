"""Every Cypher text vbgraph runs, in one place.

Almost every text serves both engines (FalkorDB and Neo4j 5) unchanged, is
executed on FalkorDB -- embedded and over Bolt -- and checked with Neo4j's own
parser in the test suite.  Forms used only where both accept them: no
``EXISTS { }`` subqueries (pattern predicates instead), no ``=~``, values
projected before ``ORDER BY``; lineage and ``path`` walk breadth-first one
step per query rather than enumerating variable-length paths.

Where the engines differ, the variants sit side by side here and the store's
``dialect`` (``"falkordb"`` or ``"neo4j"``, detected from the server) picks one:
schema setup (``SCHEMA``: unique constraints on Neo4j, indexes on FalkorDB) and
``path`` (``PATH_BETWEEN_NEO4J``, Neo4j's ``allShortestPaths``, against
``PATH_STEP`` elsewhere).
"""

from __future__ import annotations

from vbgraph.models import RELATION_TYPES, ROLE_TYPES

#: Longest lineage path followed (policy chains are rarely over 7 levels deep).
MAX_DEPTH = 12
#: Longest undirected chain ``path`` looks for between two documents.
PATH_DEPTH = 6

DOC_RELS = "|".join(RELATION_TYPES.values())
ROLE_RELS = "|".join(ROLE_TYPES.values())

# --------------------------------------------------------------------------
# Writes (batched UNWIND ... MERGE; idempotent)
# --------------------------------------------------------------------------

#: Documents the corpus holds.  ``in_corpus`` becomes true and stays true.
MERGE_CORPUS_DOCUMENTS = """
UNWIND $rows AS row
MERGE (d:Document {key: row.key})
SET d += row.props, d.in_corpus = true
"""

#: Documents only cited: created as stubs, never downgrade a corpus document;
#: properties fill gaps only (a stub learns a date or issuer from a later mention).
MERGE_STUB_DOCUMENTS = """
UNWIND $rows AS row
MERGE (d:Document {key: row.key})
ON CREATE SET d += row.props, d.in_corpus = false
WITH d, row
SET d.type = coalesce(d.type, row.props.type),
    d.issuer = coalesce(d.issuer, row.props.issuer),
    d.date = coalesce(d.date, row.props.date),
    d.title = coalesce(d.title, row.props.title),
    d.title_fold = coalesce(d.title_fold, row.props.title_fold)
"""


def merge_edges(relation_type: str) -> str:
    """The MERGE text for one document relationship type (types cannot be parameters)."""
    if relation_type not in RELATION_TYPES.values():
        raise ValueError(f"unknown relationship type {relation_type!r}")
    return f"""
UNWIND $rows AS row
MATCH (a:Document {{key: row.source}})
MATCH (b:Document {{key: row.target}})
MERGE (a)-[r:{relation_type} {{asserted_by: row.asserted_by}}]->(b)
SET r.raw = row.raw, r.start = row.start, r.end = row.end, r.uncertain = row.uncertain
"""


MERGE_EDGES: dict[str, str] = {t: merge_edges(t) for t in RELATION_TYPES.values()}

MERGE_AGENCIES = """
UNWIND $rows AS row
MERGE (a:Agency {key: row.key})
SET a += row.props
"""

MERGE_TASKS = """
UNWIND $rows AS row
MATCH (d:Document {key: row.doc})
MERGE (t:Task {key: row.key})
SET t += row.props
MERGE (d)-[:HAS_TASK]->(t)
"""


def merge_roles(role_type: str) -> str:
    """The MERGE text for one agency -> task role relationship type."""
    if role_type not in ROLE_TYPES.values():
        raise ValueError(f"unknown role type {role_type!r}")
    return f"""
UNWIND $rows AS row
MATCH (a:Agency {{key: row.agency}})
MATCH (t:Task {{key: row.task}})
MERGE (a)-[r:{role_type}]->(t)
SET r.raw = row.raw, r.start = row.start, r.end = row.end, r.uncertain = row.uncertain
"""


MERGE_ROLES: dict[str, str] = {t: merge_roles(t) for t in ROLE_TYPES.values()}

MERGE_ISSUED_BY = """
UNWIND $rows AS row
MATCH (d:Document {key: row.doc})
MATCH (a:Agency {key: row.agency})
MERGE (d)-[:ISSUED_BY]->(a)
"""

#: Before a changed file is stored again: what its previous extraction stated.
DELETE_ASSERTED_EDGES = f"""
MATCH ()-[r:{DOC_RELS}]->()
WHERE r.asserted_by = $key
DELETE r
"""

DELETE_DOCUMENT_TASKS = """
MATCH (d:Document {key: $key})-[:HAS_TASK]->(t:Task)
DETACH DELETE t
"""

DELETE_ISSUED_BY = """
MATCH (d:Document {key: $key})-[r:ISSUED_BY]->()
DELETE r
"""

#: Stubs nothing points at any more, and agencies with no task or document.
DELETE_ORPHAN_STUBS = """
MATCH (d:Document)
WHERE d.in_corpus = false AND NOT (d)--()
DELETE d
"""

DELETE_ORPHAN_AGENCIES = """
MATCH (a:Agency)
WHERE NOT (a)--()
DELETE a
"""

DOCUMENT_SOURCE = """
MATCH (d:Document {key: $key})
RETURN d.sha256 AS sha256, d.in_corpus AS in_corpus, d.source AS source
"""

#: Which of ``$keys`` are already stored as corpus documents (one read per batch).
CORPUS_KEYS = """
UNWIND $keys AS k
MATCH (d:Document {key: k})
WHERE d.in_corpus = true
RETURN d.key AS key
"""

#: The last write of a batch: a checksum means "every statement of this file is stored";
#: an ingest killed before it leaves no checksum, so the next run stores the file again.
SET_CHECKSUMS = """
UNWIND $rows AS row
MATCH (d:Document {key: row.key})
SET d.sha256 = row.sha256
"""

# --------------------------------------------------------------------------
# Reads
# --------------------------------------------------------------------------

#: Candidates for a user's document reference: by folded symbol or full key.
FIND_DOCUMENTS = """
MATCH (d:Document)
WHERE d.lookup = $lookup OR d.key = $key
RETURN d.key AS key, d.symbol AS symbol, d.province AS province, d.year AS year,
       d.in_corpus AS in_corpus
ORDER BY key
"""

#: Near misses for "did you mean": same number, any type code.
SIMILAR_DOCUMENTS = """
MATCH (d:Document)
WHERE d.number = $number
RETURN d.key AS key, d.symbol AS symbol, d.province AS province, d.year AS year
ORDER BY key
LIMIT 10
"""

#: One breadth-first step of ``lineage``: the relations of types ``$relations`` leaving
#: (``UP``), entering (``DOWN``) or touching (``BOTH``) the documents ``$keys``.  Lineage
#: walks level by level, so its work grows with the edges it returns, never with the
#: number of paths (a variable-length match from a hub such as 22-NQ/TW enumerates every
#: path up to the depth; issue 17).
LINEAGE_STEP_UP = f"""
UNWIND $keys AS k
MATCH (d:Document {{key: k}})-[r:{DOC_RELS}]->(o:Document)
WHERE type(r) IN $relations
RETURN o.key AS other, startNode(r).key AS source, endNode(r).key AS target,
       type(r) AS relation, r.asserted_by AS asserted_by, r.raw AS raw
"""

LINEAGE_STEP_DOWN = f"""
UNWIND $keys AS k
MATCH (d:Document {{key: k}})<-[r:{DOC_RELS}]-(o:Document)
WHERE type(r) IN $relations
RETURN o.key AS other, startNode(r).key AS source, endNode(r).key AS target,
       type(r) AS relation, r.asserted_by AS asserted_by, r.raw AS raw
"""

LINEAGE_STEP_BOTH = f"""
UNWIND $keys AS k
MATCH (d:Document {{key: k}})-[r:{DOC_RELS}]-(o:Document)
WHERE type(r) IN $relations
RETURN o.key AS other, startNode(r).key AS source, endNode(r).key AS target,
       type(r) AS relation, r.asserted_by AS asserted_by, r.raw AS raw
"""

DOCUMENTS_BY_KEYS = """
UNWIND $keys AS k
MATCH (d:Document {key: k})
RETURN d.key AS key, d.symbol AS symbol, d.type AS type, d.issuer AS issuer,
       d.province AS province, d.date AS date, d.year AS year, d.title AS title,
       d.in_corpus AS in_corpus
ORDER BY key
"""

#: Agencies whose folded name matches ``$lookup`` (optionally in ``$province``).
FIND_AGENCIES = """
MATCH (a:Agency)
WHERE a.lookup = $lookup AND ($province IS NULL OR a.province = $province)
RETURN a.key AS key, a.name AS name, a.province AS province, a.collective AS collective
ORDER BY key
"""

#: Collective addressees ("Các sở, ban, ngành") of the given provinces.
COLLECTIVE_AGENCIES = """
MATCH (a:Agency)
WHERE a.collective = true AND a.province IN $provinces
RETURN a.key AS key, a.name AS name, a.province AS province
ORDER BY key
"""

ALL_AGENCY_NAMES = """
MATCH (a:Agency)
RETURN DISTINCT a.name AS name, a.lookup AS lookup
ORDER BY name
"""

#: Documents that give one of ``$agencies`` (keys) a role in ``$roles`` (relationship types),
#: dated between ``$since`` and ``$until`` (ISO dates or null).
#: Anchored on the Agency key index, with WITH barriers so the planner cannot start
#: from a scan of every Document (bench/README.md, finding Q1: 77x at 10k documents).
ASSIGNED = f"""
MATCH (a:Agency)
WHERE a.key IN $agencies
WITH a
MATCH (a)-[r:{ROLE_RELS}]->(t:Task)
WHERE type(r) IN $roles
WITH t, r
MATCH (t)<-[:HAS_TASK]-(d:Document)
WHERE ($since IS NULL OR d.date >= $since) AND ($until IS NULL OR d.date <= $until)
WITH d, collect(DISTINCT type(r)) AS roles, count(DISTINCT t) AS tasks
RETURN d.key AS key, d.symbol AS symbol, d.title AS title, d.province AS province,
       d.date AS date, roles, tasks
ORDER BY date, key
"""

#: The common question -- one agency, every role -- read from the per-document summary
#: that ``REFRESH_ASSIGNMENT_SUMMARIES`` keeps: one relationship per document instead of
#: every role and task (bench/README.md, finding Q3: 3-4x less server time at 2,000 rows).
#: Anchored like ``ASSIGNED`` (the planner otherwise starts from every Document).
ASSIGNED_ALL_ROLES = """
MATCH (a:Agency {key: $agency})
WITH a
MATCH (a)-[s:ASSIGNED_IN]->(d:Document)
WHERE ($since IS NULL OR d.date >= $since) AND ($until IS NULL OR d.date <= $until)
RETURN d.key AS key, d.symbol AS symbol, d.title AS title, d.province AS province,
       d.date AS date, s.roles AS roles, s.tasks AS tasks
ORDER BY date, key
"""

#: ``(:Agency)-[:ASSIGNED_IN {roles, tasks}]->(:Document)``: derived from the roles in the
#: documents ``$keys``' tasks, rewritten whenever those are (ingest, migration).
REFRESH_ASSIGNMENT_SUMMARIES = f"""
UNWIND $keys AS k
MATCH (d:Document {{key: k}})-[:HAS_TASK]->(t:Task)<-[r:{ROLE_RELS}]-(a:Agency)
WITH a, d, collect(DISTINCT type(r)) AS roles, count(DISTINCT t) AS tasks
MERGE (a)-[s:ASSIGNED_IN]->(d)
SET s.roles = roles, s.tasks = tasks
"""

DELETE_ASSIGNMENT_SUMMARIES = """
MATCH (:Agency)-[s:ASSIGNED_IN]->(d:Document {key: $key})
DELETE s
"""

#: Documents with tasks (the ones an assignment summary can exist for).
DOCUMENTS_WITH_TASKS = """
MATCH (d:Document)-[:HAS_TASK]->(:Task)
RETURN DISTINCT d.key AS key
ORDER BY key
"""

#: The store's format version, on one node of its own (``graph/migrate.py``).
STORE_VERSION = """
MATCH (m:StoreFormat {key: 'vbgraph'})
RETURN m.version AS version
"""

SET_STORE_VERSION = """
MERGE (m:StoreFormat {key: 'vbgraph'})
SET m.version = $version
"""

DOCUMENT_CARD = """
MATCH (d:Document {key: $key})
OPTIONAL MATCH (d)-[:ISSUED_BY]->(i:Agency)
RETURN d.key AS key, d.symbol AS symbol, d.type AS type, d.issuer AS issuer,
       d.province AS province, d.date AS date, d.year AS year, d.title AS title,
       d.in_corpus AS in_corpus, d.source AS source, collect(i.name) AS issued_by
"""

DOCUMENT_OUT_EDGES = f"""
MATCH (d:Document {{key: $key}})-[r:{DOC_RELS}]->(o:Document)
RETURN o.key AS key, o.symbol AS symbol, o.title AS title, type(r) AS relation,
       r.asserted_by AS asserted_by, r.raw AS raw
ORDER BY relation, key, asserted_by
"""

DOCUMENT_IN_EDGES = f"""
MATCH (o:Document)-[r:{DOC_RELS}]->(d:Document {{key: $key}})
RETURN o.key AS key, o.symbol AS symbol, o.title AS title, type(r) AS relation,
       r.asserted_by AS asserted_by, r.raw AS raw
ORDER BY relation, key, asserted_by
"""

DOCUMENT_TASKS = f"""
MATCH (d:Document {{key: $key}})-[:HAS_TASK]->(t:Task)
OPTIONAL MATCH (a:Agency)-[r:{ROLE_RELS}]->(t)
WITH t, a, r
ORDER BY t.key, r.start, a.name, type(r)
RETURN t.key AS key, t.section AS section, t.text AS text, t.deadline AS deadline,
       t.recurring AS recurring, a.name AS agency, type(r) AS role, r.raw AS raw
"""

COUNT_DOCUMENTS = """
MATCH (d:Document)
RETURN d.in_corpus AS in_corpus, count(d) AS n
"""

#: Counts per label and per relationship type: one text each, because a single
#: grouped count over every relationship scans them all (seconds at 100k documents).
NODE_LABELS: tuple[str, ...] = ("Document", "Agency", "Task")
RELATIONSHIP_TYPES: tuple[str, ...] = (
    *RELATION_TYPES.values(), *ROLE_TYPES.values(), "HAS_TASK", "ISSUED_BY"
)
COUNT_NODES: dict[str, str] = {
    label: f"MATCH (n:{label}) RETURN count(n) AS n" for label in NODE_LABELS
}
COUNT_RELATIONSHIPS: dict[str, str] = {
    t: f"MATCH ()-[r:{t}]->() RETURN count(r) AS n" for t in RELATIONSHIP_TYPES
}

# --------------------------------------------------------------------------
# Schema and server (engine-specific)
# --------------------------------------------------------------------------

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

# --------------------------------------------------------------------------
# The write lock of a server store (Neo4j, or FalkorDB over Bolt)
# --------------------------------------------------------------------------

#: Take the lock ``(:WriteLock {key: 'vbgraph'})`` for ``$holder`` when it is free, already
#: ``$holder``'s, or expired (server clock, milliseconds); returns who holds it now.  The
#: first ``SET`` takes Neo4j's write lock on the node before its holder is read, so two
#: writers cannot both see it free; FalkorDB runs one write query at a time.
ACQUIRE_WRITE_LOCK = """
MERGE (l:WriteLock {key: 'vbgraph'})
SET l.claim = $holder
WITH l, (l.holder IS NULL OR l.holder = $holder OR l.expires < timestamp()) AS free
SET l.holder = CASE WHEN free THEN $holder ELSE l.holder END,
    l.expires = CASE WHEN free THEN timestamp() + $lease_ms ELSE l.expires END,
    l.claim = null
RETURN l.holder AS holder, l.expires - timestamp() AS remaining_ms
"""

#: Push the expiry of ``$holder``'s lock forward; no row when the lock is no longer theirs.
RENEW_WRITE_LOCK = """
MATCH (l:WriteLock {key: 'vbgraph'})
WHERE l.holder = $holder
SET l.expires = timestamp() + $lease_ms
RETURN l.holder AS holder
"""

RELEASE_WRITE_LOCK = """
MATCH (l:WriteLock {key: 'vbgraph'})
WHERE l.holder = $holder
DELETE l
"""

# --------------------------------------------------------------------------
# Export: every property, so that an import rebuilds the same store
# --------------------------------------------------------------------------

EXPORT_DOCUMENTS = """
MATCH (d:Document)
RETURN d.key AS key, properties(d) AS props
ORDER BY key
"""

EXPORT_AGENCIES = """
MATCH (a:Agency)
RETURN a.key AS key, properties(a) AS props
ORDER BY key
"""

EXPORT_TASKS = """
MATCH (d:Document)-[:HAS_TASK]->(t:Task)
RETURN t.key AS key, d.key AS doc, properties(t) AS props
ORDER BY key
"""

EXPORT_DOCUMENT_EDGES = f"""
MATCH (a:Document)-[r:{DOC_RELS}]->(b:Document)
RETURN a.key AS source, b.key AS target, type(r) AS relation, r.asserted_by AS asserted_by,
       properties(r) AS props
ORDER BY source, target, relation, asserted_by
"""

EXPORT_ROLES = f"""
MATCH (a:Agency)-[r:{ROLE_RELS}]->(t:Task)
RETURN a.key AS agency, t.key AS task, type(r) AS role, properties(r) AS props
ORDER BY agency, task, role
"""


#: Texts that only one engine runs (the others are for every engine).
ENGINE_ONLY: dict[str, str] = {
    "PATH_BETWEEN_NEO4J": "neo4j",
    "SERVER_COMPONENTS": "neo4j",
    "INDEXES": "falkordb",
}


def all_queries() -> dict[str, str]:
    """Every query text that must run on every engine, by name (for the tests)."""
    return {name: text for name, text in every_text().items()
            if name not in ENGINE_ONLY and not name.startswith("SCHEMA[")}


def every_text() -> dict[str, str]:
    """Every Cypher text of this module, variants and schema included, by name: what
    Neo4j's parser checks in the tests."""
    out: dict[str, str] = {}
    for name, value in globals().items():
        if (name.isupper() and isinstance(value, str) and not name.startswith("_")
                and name not in ("DOC_RELS", "ROLE_RELS")):
            out[name] = value
    for dialect, texts in SCHEMA.items():
        for i, text in enumerate(texts):
            out[f"SCHEMA[{dialect}][{i}]"] = text
    for rel, text in MERGE_EDGES.items():
        out[f"MERGE_EDGES[{rel}]"] = text
    for role, text in MERGE_ROLES.items():
        out[f"MERGE_ROLES[{role}]"] = text
    for label, text in COUNT_NODES.items():
        out[f"COUNT_NODES[{label}]"] = text
    for rel, text in COUNT_RELATIONSHIPS.items():
        out[f"COUNT_RELATIONSHIPS[{rel}]"] = text
    for rel, text in ASSERTED_EDGE_ENDS.items():
        out[f"ASSERTED_EDGE_ENDS[{rel}]"] = text
    for rel, text in DELETE_EDGES_ASSERTED_BY.items():
        out[f"DELETE_EDGES_ASSERTED_BY[{rel}]"] = text
    return out

#: Everything, for ``GraphStore.clear`` (tests, ``ingest --replace``).
DELETE_ALL = "MATCH (n) DETACH DELETE n"

# --------------------------------------------------------------------------
# Responsibility, coverage, search, export
# --------------------------------------------------------------------------

#: Tasks given to one of ``$agencies``, optionally in document ``$doc``, due before ``$due``.
AGENCY_TASKS = f"""
MATCH (a:Agency)
WHERE a.key IN $agencies
WITH a
MATCH (a)-[r:{ROLE_RELS}]->(t:Task)
WHERE $due IS NULL OR (t.deadline IS NOT NULL AND t.deadline < $due)
WITH a, r, t
MATCH (t)<-[:HAS_TASK]-(d:Document)
WHERE $doc IS NULL OR d.key = $doc
RETURN d.key AS doc, d.symbol AS symbol, t.key AS task, t.section AS section, t.text AS text,
       t.deadline AS deadline, t.recurring AS recurring, a.name AS agency, type(r) AS role,
       r.raw AS raw
ORDER BY doc, section, role
"""

#: Agencies that share tasks with one of ``$agencies``, with how many tasks they share.
COORDINATION = f"""
MATCH (a:Agency)
WHERE a.key IN $agencies
WITH a
MATCH (a)-[:{ROLE_RELS}]->(t:Task)<-[:{ROLE_RELS}]-(other:Agency)
WHERE NOT other.key IN $agencies
WITH other, count(DISTINCT t) AS shared
RETURN other.key AS key, other.name AS name, other.province AS province,
       other.collective AS collective, shared
ORDER BY shared DESC, name, key
"""

#: Agency x document: how many tasks of each role each agency has in each document.
RESPONSIBILITY_MATRIX = f"""
MATCH (a:Agency)-[r:{ROLE_RELS}]->(t:Task)<-[:HAS_TASK]-(d:Document)
WHERE $province IS NULL OR d.province = $province
RETURN a.name AS agency, d.symbol AS symbol, d.key AS doc, type(r) AS role,
       count(DISTINCT t) AS tasks
ORDER BY agency, doc, role
"""

#: Documents cited (stubs) with how many corpus documents point at them, by relation.
CITED_NOT_IN_CORPUS = f"""
MATCH (src:Document)-[r:{DOC_RELS}]->(d:Document)
WHERE d.in_corpus = false
WITH d, count(DISTINCT r.asserted_by) AS citing, collect(DISTINCT type(r)) AS relations
RETURN d.key AS key, d.symbol AS symbol, d.type AS type, d.issuer AS issuer,
       d.year AS year, citing, relations
ORDER BY citing DESC, key
"""

#: Central documents (scope VN) and the provinces whose corpus documents implement them.
CENTRAL_COVERAGE = """
MATCH (c:Document)
WHERE c.scope = 'VN'
OPTIONAL MATCH (p:Document)-[:IMPLEMENTS|BASED_ON*1..4]->(c)
WHERE p.in_corpus = true AND p.province IS NOT NULL
WITH c, collect(DISTINCT p.province) AS provinces
RETURN c.key AS key, c.symbol AS symbol, c.type AS type, c.in_corpus AS in_corpus, provinces
ORDER BY key
"""

#: ``path`` on FalkorDB (embedded or over Bolt), which has no undirected shortest-path
#: search: one breadth-first step over every document relation touching ``$keys``, taken
#: from both ends until they meet (the work grows with the edges within ``PATH_DEPTH``,
#: not with the number of paths).
PATH_STEP = f"""
UNWIND $keys AS k
MATCH (d:Document {{key: k}})-[r:{DOC_RELS}]-(o:Document)
RETURN d.key AS key, o.key AS other, startNode(r).key AS source, endNode(r).key AS target,
       type(r) AS relation, r.asserted_by AS asserted_by, r.raw AS raw
"""

#: ``path`` on Neo4j: the server's own bidirectional search for the shortest chains
#: (lazily produced, so ``LIMIT`` bounds the work); ``api.path`` picks among them the
#: same one ``PATH_STEP`` leads to.
PATH_BETWEEN_NEO4J = f"""
MATCH (a:Document {{key: $a}}), (b:Document {{key: $b}})
MATCH p = allShortestPaths((a)-[:{DOC_RELS}*..{PATH_DEPTH}]-(b))
WITH p
LIMIT 1000
RETURN [n IN nodes(p) | n.key] AS keys,
       [r IN relationships(p) | {{source: startNode(r).key, target: endNode(r).key,
        relation: type(r), asserted_by: r.asserted_by, raw: r.raw}}] AS edges
"""

#: Diacritics-insensitive search over document titles (``$needle`` is folded).
SEARCH_DOCUMENTS = """
MATCH (d:Document)
WHERE d.title_fold CONTAINS $needle OR d.lookup CONTAINS $needle
RETURN d.key AS key, d.symbol AS symbol, d.title AS title, d.in_corpus AS in_corpus
ORDER BY key
LIMIT $limit
"""

SEARCH_TASKS = """
MATCH (d:Document)-[:HAS_TASK]->(t:Task)
WHERE t.text_fold CONTAINS $needle
RETURN d.key AS doc, d.symbol AS symbol, t.section AS section, t.text AS text
ORDER BY doc, section
LIMIT $limit
"""

#: The whole graph, for views and exports.
ALL_DOCUMENTS = """
MATCH (d:Document)
RETURN d.key AS key, d.symbol AS symbol, d.type AS type, d.issuer AS issuer,
       d.province AS province, d.date AS date, d.year AS year, d.title AS title,
       d.in_corpus AS in_corpus
ORDER BY key
"""

ALL_DOCUMENT_EDGES = f"""
MATCH (a:Document)-[r:{DOC_RELS}]->(b:Document)
RETURN a.key AS source, b.key AS target, type(r) AS relation, r.asserted_by AS asserted_by,
       r.raw AS raw
ORDER BY source, target, relation, asserted_by
"""

ALL_AGENCIES = """
MATCH (a:Agency)
RETURN a.key AS key, a.name AS name, a.province AS province, a.level AS level,
       a.collective AS collective
ORDER BY key
"""

ALL_TASKS = """
MATCH (d:Document)-[:HAS_TASK]->(t:Task)
RETURN t.key AS key, d.key AS doc, t.section AS section, t.text AS text,
       t.deadline AS deadline, t.recurring AS recurring
ORDER BY key
"""

ALL_ROLES = f"""
MATCH (a:Agency)-[r:{ROLE_RELS}]->(t:Task)
RETURN a.key AS agency, t.key AS task, type(r) AS role, r.raw AS raw
ORDER BY agency, task, role
"""

ALL_ISSUED_BY = """
MATCH (d:Document)-[:ISSUED_BY]->(a:Agency)
RETURN d.key AS doc, a.key AS agency
ORDER BY doc
"""

# --------------------------------------------------------------------------
# Re-ingest and prune
# --------------------------------------------------------------------------

#: Corpus documents stored from one file (normally one).
#: Corpus documents stored from any of ``$sources`` (one read per ingest batch).
DOCUMENTS_FROM_SOURCES = """
UNWIND $sources AS s
MATCH (d:Document {source: s})
WHERE d.in_corpus = true
RETURN s AS source, d.key AS key
"""

CORPUS_SOURCES = """
MATCH (d:Document)
WHERE d.in_corpus = true
RETURN d.key AS key, d.source AS source
ORDER BY key
"""

#: A corpus document whose file is gone or now holds another document: a stub again.
DEMOTE_DOCUMENT = """
MATCH (d:Document {key: $key})
SET d.in_corpus = false, d.source = null, d.sha256 = null
"""

# --------------------------------------------------------------------------
# Ingest: where a batch's documents go (issue 15; graph/ingest.py)
# --------------------------------------------------------------------------

#: The corpus documents holding ``$keys``: which file each came from, and its checksum.
CORPUS_KEY_SOURCES = """
UNWIND $keys AS k
MATCH (d:Document {key: k})
WHERE d.in_corpus = true
RETURN d.key AS key, d.source AS source, d.sha256 AS sha256
"""

#: Corpus documents whose folded symbol is ``$lookup`` (a key's variants among them).
CORPUS_BY_LOOKUP = """
MATCH (d:Document {lookup: $lookup})
WHERE d.in_corpus = true
RETURN d.key AS key, d.source AS source
"""

# --------------------------------------------------------------------------
# Replacing documents without scanning the graph (graph/ingest.py; issue 15, bench
# bench/reingest.py).  A document's old statements are found from the document: its
# tasks, summaries and issuer by its key, its edges through the relationship index
# on ``asserted_by`` -- which FalkorDB uses for one relationship type with unlabelled
# ends only, hence one text per type.  Stubs and agencies are then removed only among
# those the forgotten statements touched.
# --------------------------------------------------------------------------

#: Relationship indexes of the embedded store (``FALKORDB_SCHEMA`` holds the others).
FALKORDB_EDGE_SCHEMA: tuple[str, ...] = tuple(
    f"CREATE INDEX FOR ()-[r:{t}]-() ON (r.asserted_by)" for t in RELATION_TYPES.values())

ASSERTED_EDGE_ENDS: dict[str, str] = {t: f"""
UNWIND $keys AS key
MATCH (a)-[r:{t}]->(b)
WHERE r.asserted_by = key
RETURN DISTINCT a.key AS a, b.key AS b
""" for t in RELATION_TYPES.values()}

DELETE_EDGES_ASSERTED_BY: dict[str, str] = {t: f"""
UNWIND $keys AS key
MATCH ()-[r:{t}]->()
WHERE r.asserted_by = key
DELETE r
""" for t in RELATION_TYPES.values()}

#: The agencies the documents ``$keys`` give a role or are issued by.
AGENCIES_OF_DOCUMENTS = f"""
UNWIND $keys AS key
MATCH (d:Document {{key: key}})-[:HAS_TASK]->(:Task)<-[:{ROLE_RELS}]-(a:Agency)
RETURN DISTINCT a.key AS key
UNION
UNWIND $keys AS key
MATCH (d:Document {{key: key}})-[:ISSUED_BY]->(a:Agency)
RETURN DISTINCT a.key AS key
"""

DELETE_TASKS_OF_DOCUMENTS = """
UNWIND $keys AS key
MATCH (d:Document {key: key})-[:HAS_TASK]->(t:Task)
DETACH DELETE t
"""

DELETE_SUMMARIES_OF_DOCUMENTS = """
UNWIND $keys AS key
MATCH (d:Document {key: key})<-[s:ASSIGNED_IN]-(:Agency)
DELETE s
"""

DELETE_ISSUED_BY_OF_DOCUMENTS = """
UNWIND $keys AS key
MATCH (d:Document {key: key})-[r:ISSUED_BY]->(:Agency)
DELETE r
"""

DEMOTE_DOCUMENTS = """
UNWIND $keys AS key
MATCH (d:Document {key: key})
SET d.in_corpus = false, d.source = null, d.sha256 = null
"""

DELETE_ORPHAN_STUBS_AMONG = """
UNWIND $keys AS key
MATCH (d:Document {key: key})
WHERE d.in_corpus = false AND NOT (d)--()
DELETE d
"""

DELETE_ORPHAN_AGENCIES_AMONG = """
UNWIND $keys AS key
MATCH (a:Agency {key: key})
WHERE NOT (a)--()
DELETE a
"""
