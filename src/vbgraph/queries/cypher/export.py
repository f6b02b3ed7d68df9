"""The whole graph at once: every property for ``export`` (so that an import rebuilds
the same store), and the documents and relations the views and ``gaps`` read."""

from __future__ import annotations

from vbgraph.queries.cypher import DOC_RELS, ROLE_RELS

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

ALL_ISSUED_BY = """
MATCH (d:Document)-[:ISSUED_BY]->(a:Agency)
RETURN d.key AS doc, a.key AS agency
ORDER BY doc
"""
