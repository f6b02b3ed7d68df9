"""Questions about the whole corpus: counts (``stats``), coverage gaps, text search."""

from __future__ import annotations

from vbgraph.models import RELATION_TYPES, ROLE_TYPES
from vbgraph.queries.cypher import DOC_RELS

COUNT_DOCUMENTS = """
MATCH (d:Document)
RETURN d.in_corpus AS in_corpus, count(d) AS n
"""

#: Counts per label and per relationship type: one text each, because a single
#: grouped count over every relationship scans them all (seconds at 100k documents).
_NODE_LABELS: tuple[str, ...] = ("Document", "Agency", "Task")
_RELATIONSHIP_TYPES: tuple[str, ...] = (
    *RELATION_TYPES.values(), *ROLE_TYPES.values(), "HAS_TASK", "ISSUED_BY"
)
COUNT_NODES: dict[str, str] = {
    label: f"MATCH (n:{label}) RETURN count(n) AS n" for label in _NODE_LABELS
}
COUNT_RELATIONSHIPS: dict[str, str] = {
    t: f"MATCH ()-[r:{t}]->() RETURN count(r) AS n" for t in _RELATIONSHIP_TYPES
}

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
