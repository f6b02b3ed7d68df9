"""Every Cypher text vbgraph runs, in one place: this package, a module per purpose.

* ``schema``: schema setup, the store's format version, server identity, clearing;
* ``write_lock``: the write lock of a server store;
* ``ingest``: the batched writes of ingest and import, and where a batch's documents go;
* ``replace``: forgetting what a changed or removed file stated (re-ingest, prune);
* ``documents``: finding a document, its card, lineage and path walks;
* ``agencies``: finding an agency, its assignments and tasks, coordination, the matrix;
* ``corpus``: counts, coverage gaps, text search;
* ``export``: the whole graph, for exports and views.

The web pages' paged reads are in ``queries/page_cypher.py``.

Almost every text serves both engines (FalkorDB and Neo4j 5) unchanged, is
executed on FalkorDB -- embedded and over Bolt -- and checked with Neo4j's own
parser in the test suite.  Forms used only where both accept them: no
``EXISTS { }`` subqueries (pattern predicates instead), no ``=~``, values
projected before ``ORDER BY``; lineage and ``path`` walk breadth-first one
step per query rather than enumerating variable-length paths.

Where the engines differ, the variants sit side by side and the store's
``dialect`` (``"falkordb"`` or ``"neo4j"``, detected from the server) picks one:
schema setup (``schema.SCHEMA``: unique constraints on Neo4j, indexes on FalkorDB)
and ``path`` (``documents.PATH_BETWEEN_NEO4J``, Neo4j's ``allShortestPaths``, against
``documents.PATH_STEP`` elsewhere).

A text is a public upper-case constant of one of these modules: a string, or a
family of strings in a dict or tuple (``MERGE_EDGES[IMPLEMENTS]``,
``NEO4J_SCHEMA[0]``); ``every_text()`` finds them all, and ``tests/test_cypher.py``
fails when a Cypher text under ``queries/`` is not among them.
"""

from __future__ import annotations

import importlib
import pkgutil
from types import ModuleType

from vbgraph.models import RELATION_TYPES, ROLE_TYPES

#: The document relationship types and the agency -> task role types, as a Cypher
#: type alternation (``IMPLEMENTS|BASED_ON|...``).
DOC_RELS = "|".join(RELATION_TYPES.values())
ROLE_RELS = "|".join(ROLE_TYPES.values())

#: Texts that only one engine runs (the others are for every engine).
ENGINE_ONLY: dict[str, str] = {
    "PATH_BETWEEN_NEO4J": "neo4j",
    "SERVER_COMPONENTS": "neo4j",
    "INDEXES": "falkordb",
}

#: Upper-case names the text modules import, which are not texts.
_NOT_TEXTS = frozenset({"DOC_RELS", "ROLE_RELS", "RELATION_TYPES", "ROLE_TYPES"})


def text_modules() -> list[ModuleType]:
    """The modules of this package, each imported."""
    return [importlib.import_module(f"{__name__}.{info.name}")
            for info in sorted(pkgutil.iter_modules(__path__), key=lambda i: i.name)]


def _texts(name: str, value: object) -> dict[str, str]:
    """``value``'s texts by name: a string, or a dict or tuple of strings (a family)."""
    if isinstance(value, str):
        return {name: value}
    if isinstance(value, dict) and value and all(isinstance(v, str) for v in value.values()):
        return {f"{name}[{k}]": v for k, v in value.items()}
    if isinstance(value, tuple) and value and all(isinstance(v, str) for v in value):
        return {f"{name}[{i}]": v for i, v in enumerate(value)}
    return {}


def every_text() -> dict[str, str]:
    """Every Cypher text of this package, variants and schema included, by name: what
    Neo4j's parser checks in the tests."""
    out: dict[str, str] = {}
    for module in text_modules():
        for name, value in vars(module).items():
            if not name.isupper() or name.startswith("_") or name in _NOT_TEXTS:
                continue
            for text_name, text in _texts(name, value).items():
                if text_name in out:
                    raise ValueError(f"two Cypher texts are named {text_name}")
                out[text_name] = text
    return out


def all_queries() -> dict[str, str]:
    """Every query text that must run on every engine, by name (for the tests): all but
    the engine-only variants and the schema (``*_SCHEMA``, run once per store)."""
    return {name: text for name, text in every_text().items()
            if name not in ENGINE_ONLY and not name.split("[")[0].endswith("_SCHEMA")}
