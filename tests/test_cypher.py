"""Every Cypher text runs on FalkorDB and passes Neo4j's own parser (CYPHER 5)."""

from __future__ import annotations

import importlib
import json
import os
import pkgutil
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

import vbgraph.queries
from vbgraph.graph.falkor_store import FalkorStore
from vbgraph.queries import cypher
from vbgraph.queries.cypher.ingest import merge_edges, merge_roles
from vbgraph.queries.cypher.schema import NEO4J_SCHEMA
from vbgraph.queries.page_cypher import page_queries

LINTER = Path(__file__).resolve().parents[1] / "tools" / "cypher-lint"

#: A value of the right shape for every parameter name the texts use.
PARAMS: dict[str, Any] = {
    "rows": [],
    "key": "590/QĐ-UBND|Quảng Ngãi|2014",
    "keys": ["590/QĐ-UBND|Quảng Ngãi|2014"],
    "depth": 3,
    "relations": ["IMPLEMENTS", "BASED_ON"],
    "lookup": "590/qd/ubnd",
    "number": "590",
    "agencies": ["Sở Ngoại vụ|Quảng Ngãi"],
    "roles": ["LEADS"],
    "province": None,
    "provinces": ["Quảng Ngãi"],
    "since": "2014-01-01",
    "until": None,
    "doc": None,
    "due": "2030-12-31",
    "a": "590/QĐ-UBND|Quảng Ngãi|2014",
    "b": "22-NQ/TW|VN|2013",
    "needle": "hoi nhap",
    "limit": 10,
    "sources": ["/corpus/590.txt"],
    "paths": ["/corpus/590.txt"],
    "roots": ["/corpus/"],
    "agency": "Sở Ngoại vụ|Quảng Ngãi",
    "version": 2,
    "holder": "test pid 1",
    "lease_ms": 1000,
}
_WRITES = re.compile(r"\b(MERGE|DELETE|SET|CREATE)\b")
QUERIES = cypher.all_queries()


def _params(text: str) -> dict[str, Any]:
    names = set(re.findall(r"\$(\w+)", text))
    missing = names - set(PARAMS)
    assert not missing, f"add a test value for parameters {missing}"
    return {n: PARAMS[n] for n in names}


@pytest.mark.parametrize("name", sorted(QUERIES))
def test_query_runs_on_falkordb(store: FalkorStore, name: str) -> None:
    text = QUERIES[name]
    if _WRITES.search(text):
        store.write(text, _params(text))
    else:
        assert isinstance(store.read(text, _params(text)), list)


def _lint(texts: dict[str, str]) -> dict[str, list[dict[str, Any]]]:
    if not (LINTER / "node_modules").is_dir() or shutil.which("node") is None:
        if os.environ.get("CI"):
            pytest.fail("the Cypher linter is not installed (.ci/run runs npm ci there)")
        pytest.skip("Neo4j's Cypher parser is not installed: run `npm ci` in tools/cypher-lint")
    out = subprocess.run(
        ["node", "lint.mjs"], cwd=LINTER, input=json.dumps(texts), capture_output=True,
        text=True, check=True, timeout=120,
    )
    return json.loads(out.stdout)


def test_every_query_passes_neo4j_parser() -> None:
    """Every text of ``queries/``: the shared ones, each engine's variants and schema."""
    texts = cypher.every_text()
    assert set(cypher.ENGINE_ONLY) <= set(texts)
    assert {f"NEO4J_SCHEMA[{i}]" for i in range(len(NEO4J_SCHEMA))} <= set(texts)
    errors = {name: diags for name, diags in _lint(texts).items() if diags}
    assert errors == {}


def test_linter_rejects_invalid_cypher() -> None:
    """The parser check can fail: a broken text and a FalkorDB-only form are reported."""
    result = _lint({"broken": "MATCH (n RETURN n", "ok": "MATCH (n:Document) RETURN n.key"})
    assert result["broken"]
    assert result["ok"] == []


def test_relationship_type_texts_refuse_unknown_types() -> None:
    with pytest.raises(ValueError):
        merge_edges("LIKES")
    with pytest.raises(ValueError):
        merge_roles("OWNS")


#: How a Cypher text starts (upper case, as every text of ``queries/`` is written).
_CYPHER_START = re.compile(r"\s*(MATCH|OPTIONAL MATCH|UNWIND|MERGE|CREATE|CALL|WITH|RETURN)\b")


def _strings(value: object) -> list[str]:
    """The strings a module constant holds: itself, or the items of a dict, tuple or set."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        value = list(value.values())
    if isinstance(value, (tuple, list, frozenset, set)):
        return [s for item in value for s in _strings(item)]
    return []


def test_every_cypher_text_of_queries_is_checked() -> None:
    """A Cypher text anywhere under ``queries/`` (a module constant, or in a dict or tuple
    of one) is among the texts the tests run and lint, and every one of those is Cypher."""
    checked = set(cypher.every_text().values()) | set(page_queries().values())
    modules = [importlib.import_module(info.name) for info in pkgutil.walk_packages(
        vbgraph.queries.__path__, prefix="vbgraph.queries.")]
    assert "vbgraph.queries.cypher.schema" in {m.__name__ for m in modules}
    missing = sorted(f"{module.__name__}.{name}" for module in modules
                     for name, value in vars(module).items()
                     for text in _strings(value)
                     if _CYPHER_START.match(text) and text not in checked)
    assert missing == []
    assert [n for n, t in cypher.every_text().items() if not _CYPHER_START.match(t)] == []


#: Questions asked of one document or agency start from an index, never from a scan of
#: every node of a label (bench findings Q1, Q3: the scan grows with the whole corpus).
ANCHORED = ("ASSIGNED", "ASSIGNED_ALL_ROLES", "AGENCY_TASKS", "COORDINATION", "LINEAGE_STEP_UP",
            "LINEAGE_STEP_DOWN", "LINEAGE_STEP_BOTH", "PATH_STEP", "DOCUMENT_CARD",
            "FIND_AGENCIES", "FIND_DOCUMENTS")


@pytest.mark.parametrize("name", ANCHORED)
def test_single_target_questions_start_from_an_index(store: FalkorStore, name: str) -> None:
    from vbgraph.graph.falkor_result import params_header

    text = QUERIES[name]
    plan = store._graph.execute_command(
        "GRAPH.EXPLAIN", store._graph.name, params_header(_params(text)) + text
    )
    scans = [line.strip() for line in plan if "Scan" in line]
    assert scans and all("Index Scan" in line for line in scans), scans
