"""Cypher texts of the per-file records that let an ingest skip unchanged files unread.

One ``(:File {path})`` node per file an ingest stored (its resolved path): its size,
modification time (ns), content checksum, the key its document went under, what the
ingest did with it (``added``, ``replaced``, ``unchanged``, ``duplicate``,
``collision``) and the checksum that document had then (``doc_sha256``).  A record
counts only while that document is still stored with that checksum
(``graph/file_records.py``).  A file refused for its content has a record too
(``outcome`` ``refused``, no key): why (``reason``) and the version of the readers and
extraction that refused it (``version``).  Every text runs on FalkorDB (embedded or over Bolt) and
Neo4j 5.
"""

from __future__ import annotations

#: The path index of the embedded store and of FalkorDB over Bolt (no ``IF NOT EXISTS``:
#: the store creates only the missing ones).
FALKORDB_FILE_SCHEMA: tuple[str, ...] = ("CREATE INDEX FOR (f:File) ON (f.path)",)
#: Unique constraints of the embedded store (``GRAPH.CONSTRAINT CREATE``): label, property.
FALKORDB_FILE_UNIQUE: tuple[tuple[str, str], ...] = (("File", "path"),)
NEO4J_FILE_SCHEMA: tuple[str, ...] = (
    "CREATE CONSTRAINT file_path IF NOT EXISTS FOR (f:File) REQUIRE f.path IS UNIQUE",
)
#: Schema texts by dialect.
FILE_SCHEMA: dict[str, tuple[str, ...]] = {"falkordb": FALKORDB_FILE_SCHEMA,
                                           "neo4j": NEO4J_FILE_SCHEMA}

#: The records of ``$paths`` with the checksum their document has now (null when it is
#: no longer a corpus document): one read per 1,000 walked files.
FILE_RECORDS = """
UNWIND $paths AS p
MATCH (f:File {path: p})
OPTIONAL MATCH (d:Document {key: f.key})
RETURN f.path AS path, f.size AS size, f.mtime_ns AS mtime_ns, f.sha256 AS sha256,
       f.key AS key, f.outcome AS outcome, f.doc_sha256 AS doc_sha256,
       f.reason AS reason, f.version AS version,
       CASE WHEN d.in_corpus = true THEN d.sha256 ELSE null END AS current_sha256,
       d.source AS source
"""

#: Write (or overwrite) the records of a batch of stored or refused files (``reason`` and
#: ``version`` are null for a stored one).
MERGE_FILE_RECORDS = """
UNWIND $rows AS row
MERGE (f:File {path: row.path})
SET f.size = row.size, f.mtime_ns = row.mtime_ns, f.sha256 = row.sha256, f.key = row.key,
    f.outcome = row.outcome, f.doc_sha256 = row.doc_sha256, f.reason = row.reason,
    f.version = row.version
"""

#: Files touched but holding the same bytes: only their modification time changes.
SET_FILE_MTIMES = """
UNWIND $rows AS row
MATCH (f:File {path: row.path})
SET f.mtime_ns = row.mtime_ns
"""

#: The recorded paths under any of ``$roots`` (``ingest --prune``).
FILE_RECORDS_UNDER = """
UNWIND $roots AS root
MATCH (f:File)
WHERE f.path = root OR f.path STARTS WITH (root + '/')
RETURN DISTINCT f.path AS path
"""

DELETE_FILE_RECORDS = """
UNWIND $paths AS p
MATCH (f:File {path: p})
DELETE f
"""


def every_text() -> dict[str, str]:
    """Every Cypher text of this module, schema included, by name (for the tests)."""
    out = {name: value for name, value in globals().items()
           if name.isupper() and isinstance(value, str)}
    for dialect, texts in FILE_SCHEMA.items():
        for i, text in enumerate(texts):
            out[f"FILE_SCHEMA[{dialect}][{i}]"] = text
    return out
