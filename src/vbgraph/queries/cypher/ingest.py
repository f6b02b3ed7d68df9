"""What ingest writes, and what it reads to know where a batch's documents go.

Writes are batched ``UNWIND $rows ... MERGE`` and idempotent: storing the same
extraction twice changes nothing.  ``import`` and the ``cypher`` export reuse the
``MERGE_*`` texts, so an import rebuilds a store the way ingest built it.  Removing
what a changed file used to state is in ``replace.py``.
"""

from __future__ import annotations

from vbgraph.models import RELATION_TYPES, ROLE_TYPES
from vbgraph.queries.cypher import ROLE_RELS

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


def _merge_spanned(rel: str, source: tuple[str, str], target: tuple[str, str, str],
                   keyed_by: str = "") -> str:
    """The MERGE text for one relationship type whose rows carry the span it was read from:
    ``source`` is (label, row field) of its start, ``target`` (label, row field, variable)
    of its end; ``keyed_by`` a row field that tells two such relationships apart.  The
    texts stay as earlier versions wrote them: ``vbgraph import`` knows a script's
    statements by their text."""
    (a_label, a_field), (b_label, b_field, b) = source, target
    key = f" {{{keyed_by}: row.{keyed_by}}}" if keyed_by else ""
    return f"""
UNWIND $rows AS row
MATCH (a:{a_label} {{key: row.{a_field}}})
MATCH ({b}:{b_label} {{key: row.{b_field}}})
MERGE (a)-[r:{rel}{key}]->({b})
SET r.raw = row.raw, r.start = row.start, r.end = row.end, r.uncertain = row.uncertain
"""


def merge_edges(relation_type: str) -> str:
    """The MERGE text for one document relationship type (types cannot be parameters)."""
    if relation_type not in RELATION_TYPES.values():
        raise ValueError(f"unknown relationship type {relation_type!r}")
    return _merge_spanned(
        relation_type, ("Document", "source"), ("Document", "target", "b"), keyed_by="asserted_by"
    )


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
    return _merge_spanned(role_type, ("Agency", "agency"), ("Task", "task", "t"))


MERGE_ROLES: dict[str, str] = {t: merge_roles(t) for t in ROLE_TYPES.values()}

MERGE_ISSUED_BY = """
UNWIND $rows AS row
MATCH (d:Document {key: row.doc})
MATCH (a:Agency {key: row.agency})
MERGE (d)-[:ISSUED_BY]->(a)
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

#: The last write of a batch: a checksum means "every statement of this file is stored";
#: an ingest killed before it leaves no checksum, so the next run stores the file again.
SET_CHECKSUMS = """
UNWIND $rows AS row
MATCH (d:Document {key: row.key})
SET d.sha256 = row.sha256
"""

# Where a batch's documents go (issue 15; graph/ingest.py)

#: Corpus documents stored from any of ``$sources`` (one read per ingest batch).
DOCUMENTS_FROM_SOURCES = """
UNWIND $sources AS s
MATCH (d:Document {source: s})
WHERE d.in_corpus = true
RETURN s AS source, d.key AS key
"""

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
