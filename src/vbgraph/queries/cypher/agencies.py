"""Questions about agencies: finding one, what it is assigned, with whom, the matrix.

The questions of one agency start from the Agency key index, with ``WITH`` barriers
so that the planner cannot start from a scan of every Document (bench/README.md,
findings Q1 and Q3; ``tests/test_cypher.py`` checks the plans).
"""

from __future__ import annotations

from vbgraph.queries.cypher import ROLE_RELS

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
