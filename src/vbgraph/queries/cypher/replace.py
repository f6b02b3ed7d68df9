"""Replacing and pruning documents: forgetting what a file stated.

Replacing documents without scanning the graph (``graph/ingest.py``; issue 15, bench
``bench/reingest.py``).  A document's old statements are found from the document: its
tasks, summaries and issuer by its key, its edges through the relationship index on
``asserted_by`` (``schema.FALKORDB_EDGE_SCHEMA``) -- which FalkorDB uses for one
relationship type with unlabelled ends only, hence one text per type.  Stubs and
agencies are then removed only among those the forgotten statements touched.
``prune`` (``prune.py``) lists the corpus documents with their files.
"""

from __future__ import annotations

from vbgraph.models import RELATION_TYPES
from vbgraph.queries.cypher import ROLE_RELS

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

CORPUS_SOURCES = """
MATCH (d:Document)
WHERE d.in_corpus = true
RETURN d.key AS key, d.source AS source
ORDER BY key
"""
