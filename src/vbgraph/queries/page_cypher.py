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

#: One page of the documents that assign one of ``$agencies``, newest first.
AGENCY_DOCUMENTS_PAGE = """
MATCH (a:Agency)
WHERE a.key IN $agencies
WITH a
MATCH (a)-[s:ASSIGNED_IN]->(d:Document)
WITH d, s, d.date AS date, d.key AS key
RETURN key, d.symbol AS symbol, d.title AS title, d.province AS province, date,
       s.roles AS roles, s.tasks AS tasks
ORDER BY date DESC, key
SKIP $skip
LIMIT $limit
"""

#: One page of the tasks of ``$agencies`` that have a deadline, latest deadline first,
#: with the agency's roles in each; the page is cut before its documents are read.
AGENCY_TASKS_PAGE = f"""
MATCH (a:Agency)
WHERE a.key IN $agencies
WITH a
MATCH (a)-[r:{ROLE_RELS}]->(t:Task)
WHERE t.deadline IS NOT NULL
WITH t, collect(DISTINCT type(r)) AS roles
WITH t, roles, t.deadline AS deadline, t.key AS task
ORDER BY deadline DESC, task
SKIP $skip
LIMIT $limit
MATCH (t)<-[:HAS_TASK]-(d:Document)
RETURN d.key AS doc, d.symbol AS symbol, task, t.section AS section, t.text AS text, deadline,
       t.recurring AS recurring, roles
ORDER BY deadline DESC, task
"""

#: The agencies most often assigned in the same documents as one of ``$agencies``
#: (from the ``ASSIGNED_IN`` summaries; ``COORDINATION`` counts shared tasks, a walk
#: over every task of the agency: ~3x the time at 10k documents).
AGENCY_PARTNERS = """
MATCH (a:Agency)
WHERE a.key IN $agencies
WITH a
MATCH (a)-[:ASSIGNED_IN]->(d:Document)<-[:ASSIGNED_IN]-(other:Agency)
WHERE NOT other.key IN $agencies
WITH other, count(DISTINCT d) AS documents
RETURN other.key AS key, other.name AS name, other.province AS province,
       other.collective AS collective, documents
ORDER BY documents DESC, name
LIMIT $limit
"""


def page_queries() -> dict[str, str]:
    """Every text of this module by name (for the tests)."""
    return {name: value for name, value in globals().items()
            if name.isupper() and isinstance(value, str) and name != "ROLE_RELS"}
