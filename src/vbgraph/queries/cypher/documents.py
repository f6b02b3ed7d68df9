"""Questions about documents: finding one, its card, its lineage, the path between two.

Lineage and ``path`` walk breadth-first, one step per query (``LINEAGE_STEP_*``,
``PATH_STEP``), rather than enumerate variable-length paths; on Neo4j ``path`` uses
the server's own ``allShortestPaths`` instead (``PATH_BETWEEN_NEO4J``).
"""

from __future__ import annotations

from vbgraph.queries.cypher import DOC_RELS, ROLE_RELS

#: Longest lineage path followed (policy chains are rarely over 7 levels deep).
MAX_DEPTH = 12

#: Longest undirected chain ``path`` looks for between two documents.
PATH_DEPTH = 6

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
#: (lazily produced, so ``LIMIT`` bounds the work); ``path`` (``queries/lineage.py``) picks
#: among them the same one ``PATH_STEP`` leads to.
PATH_BETWEEN_NEO4J = f"""
MATCH (a:Document {{key: $a}}), (b:Document {{key: $b}})
MATCH p = allShortestPaths((a)-[:{DOC_RELS}*..{PATH_DEPTH}]-(b))
WITH p
LIMIT 1000
RETURN [n IN nodes(p) | n.key] AS keys,
       [r IN relationships(p) | {{source: startNode(r).key, target: endNode(r).key,
        relation: type(r), asserted_by: r.asserted_by, raw: r.raw}}] AS edges
"""
