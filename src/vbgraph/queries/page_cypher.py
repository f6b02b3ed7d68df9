"""The Cypher texts of the web app's pages (``vbgraph serve``): bounded, paged reads.

Like every text in ``vbgraph.queries.cypher`` they serve both backends unchanged,
run on FalkorDB and pass Neo4j's parser in the test suite
(``tests/test_web_queries.py``).  The questions of one agency start from the Agency
key index with a ``WITH`` barrier (bench/README.md, finding Q1), and a page reads one
slice of a long answer (``SKIP $skip LIMIT $limit``): the whole answer is what the
``/api/<command>`` routes and the downloads give.
"""

from __future__ import annotations

from vbgraph.queries.cypher import ROLE_RELS

#: Agencies whose folded name contains ``$needle``.
SEARCH_AGENCIES = """
MATCH (a:Agency)
WHERE a.lookup CONTAINS $needle
RETURN a.key AS key, a.name AS name, a.province AS province, a.collective AS collective
ORDER BY name, province
LIMIT $limit
"""

#: How many documents give one of ``$agencies`` each set of roles, and with how many
#: tasks, per year (read from the per-document ``ASSIGNED_IN`` summaries: one
#: relationship per document).
AGENCY_YEARS = """
MATCH (a:Agency)
WHERE a.key IN $agencies
WITH a
MATCH (a)-[s:ASSIGNED_IN]->(d:Document)
RETURN d.year AS year, s.roles AS roles, count(s) AS documents, sum(s.tasks) AS tasks
ORDER BY year
"""

#: One page of the documents that assign one of ``$agencies``, newest first, each with the
#: tasks it gives the agency (one row per task; ``task`` null for a document without one).
#: Bounded by the page: sorting all of a Sở's tasks by deadline read every one of them
#: (~5,000 at 100k documents: 29 ms of server time), and the page's tasks read apart
#: from its documents cost one more round trip and index lookup per document.
AGENCY_DOCUMENTS_PAGE = f"""
MATCH (a:Agency)
WHERE a.key IN $agencies
WITH a
MATCH (a)-[s:ASSIGNED_IN]->(d:Document)
WITH a, d, s, d.date AS date, d.key AS key
ORDER BY date DESC, key
SKIP $skip
LIMIT $limit
OPTIONAL MATCH (d)-[:HAS_TASK]->(t:Task)<-[r:{ROLE_RELS}]-(a)
WITH d, s, date, key, t, collect(DISTINCT type(r)) AS roles
RETURN key, d.symbol AS symbol, d.title AS title, d.province AS province, date,
       s.roles AS document_roles, s.tasks AS tasks, t.key AS task, t.section AS section,
       t.text AS text, t.deadline AS deadline, t.recurring AS recurring, roles
ORDER BY date DESC, key, task
"""

#: The agencies most often assigned in the same documents as one of ``$agencies``, among
#: its ``$recent`` latest documents (from the ``ASSIGNED_IN`` summaries; bounded: over a
#: Sở's 2,000 documents at 100k it took 60 ms; ``COORDINATION`` counts shared tasks over
#: every task).
AGENCY_PARTNERS = """
MATCH (a:Agency)
WHERE a.key IN $agencies
WITH a
MATCH (a)-[:ASSIGNED_IN]->(d:Document)
WITH DISTINCT d, d.date AS date
ORDER BY date DESC
LIMIT $recent
MATCH (d)<-[:ASSIGNED_IN]-(other:Agency)
WHERE NOT other.key IN $agencies
WITH other, count(d) AS documents
WITH other, documents, other.key AS key
ORDER BY documents DESC, key
LIMIT $limit
RETURN key, other.name AS name, other.province AS province, other.collective AS collective,
       documents
"""


def page_queries() -> dict[str, str]:
    """Every text of this module by name (for the tests)."""
    return {name: value for name, value in globals().items()
            if name.isupper() and isinstance(value, str) and name != "ROLE_RELS"}
