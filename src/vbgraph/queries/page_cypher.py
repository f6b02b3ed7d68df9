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

#: How many documents give one of ``$agencies`` each set of roles, per year (read from
#: the per-document ``ASSIGNED_IN`` summaries: one relationship per document).
AGENCY_YEARS = """
MATCH (a:Agency)
WHERE a.key IN $agencies
WITH a
MATCH (a)-[s:ASSIGNED_IN]->(d:Document)
RETURN d.year AS year, s.roles AS roles, count(s) AS documents
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

#: How many tasks ``$agencies`` have, how many with a deadline, and how many of those
#: deadlines are before ``$today``.
AGENCY_TASK_COUNTS = f"""
MATCH (a:Agency)
WHERE a.key IN $agencies
WITH a
MATCH (a)-[:{ROLE_RELS}]->(t:Task)
WITH DISTINCT t
RETURN count(t) AS tasks, count(t.deadline) AS with_deadline,
       sum(CASE WHEN t.deadline < $today THEN 1 ELSE 0 END) AS overdue
"""

#: One page of the tasks of ``$agencies`` that have a deadline, latest deadline first,
#: with the agency's roles in each.
AGENCY_TASKS_PAGE = f"""
MATCH (a:Agency)
WHERE a.key IN $agencies
WITH a
MATCH (a)-[r:{ROLE_RELS}]->(t:Task)
WHERE t.deadline IS NOT NULL
WITH t, collect(DISTINCT type(r)) AS roles
MATCH (t)<-[:HAS_TASK]-(d:Document)
WITH d, t, roles, t.deadline AS deadline, d.key AS doc, t.section AS section
RETURN doc, d.symbol AS symbol, t.key AS task, section, t.text AS text, deadline,
       t.recurring AS recurring, roles
ORDER BY deadline DESC, doc, section
SKIP $skip
LIMIT $limit
"""


def page_queries() -> dict[str, str]:
    """Every text of this module by name (for the tests)."""
    return {name: value for name, value in globals().items()
            if name.isupper() and isinstance(value, str) and name != "ROLE_RELS"}
