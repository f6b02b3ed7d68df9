"""Damaged store files are refused with a way out, never written over (issue 15, finding 2).

Each case damages a copy of a real store (the sample corpus ingested), then opens it
through the command line as a user would, and checks: exit 1, one ``Error:`` line
naming the damage and the recovery, no traceback, the files untouched, no server
left running.  ``vbgraph repair`` then recovers what can be recovered.
"""

from __future__ import annotations

import hashlib
import json
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.test_store_server import servers_in
from vbgraph.cli import cli

AOF = "appendonlydir"
MANIFEST = "vbgraph.aof.manifest"


@pytest.fixture(scope="module")
def intact(tmp_path_factory: pytest.TempPathFactory, seeds_dir: Path) -> Path:
    store = tmp_path_factory.mktemp("intact") / "store"
    result = CliRunner().invoke(cli, ["--store", str(store), "ingest", "-q", str(seeds_dir)])
    assert result.exit_code == 0, result.output
    return store


def run(store: Path, *args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["--store", str(store), *args])
    return result.exit_code, result.stdout, result.stderr


def corpus_count(store: Path) -> int:
    code, out, err = run(store, "stats", "--json")
    assert code == 0, err
    return int(json.loads(out)["documents"]["in_corpus"])


def fingerprint(store: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted((store / AOF).iterdir())} if (store / AOF).is_dir() else {}


def incr(store: Path) -> Path:
    return next((store / AOF).glob("vbgraph.aof.*.incr.aof"))


def truncate(store: Path) -> None:
    path = incr(store)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) - 1000])


def garble(store: Path) -> None:
    """Overwrite the start of a write in the middle of the log (its framing)."""
    path = incr(store)
    data = bytearray(path.read_bytes())
    at = data.index(b"\r\n*", len(data) // 2) + 2
    data[at : at + 20] = b"x" * 20
    path.write_bytes(bytes(data))




DAMAGE: dict[str, tuple[Callable[[Path], None], tuple[str, ...]]] = {
    "deleted manifest": (lambda s: (s / AOF / MANIFEST).unlink(),
                         ("manifest", "is missing", "repair")),
    "empty manifest": (lambda s: (s / AOF / MANIFEST).write_text(""),
                       ("manifest", "damaged", "repair")),
    "truncated log": (truncate, ("ends in the middle of a write", "repair")),
    "garbled log": (garble, ("damaged at byte", "repair")),
    "deleted base file": (lambda s: next((s / AOF).glob("*.base.rdb")).unlink(),
                          ("is missing", "ingest the documents again")),
}


@pytest.mark.parametrize("case", list(DAMAGE))
def test_a_damaged_store_is_refused_with_the_way_out(tmp_path: Path, intact: Path,
                                                     case: str) -> None:
    store = tmp_path / "store"
    shutil.copytree(intact, store)
    damage, words = DAMAGE[case]
    damage(store)
    before = fingerprint(store)
    try:
        code, _, err = run(store, "stats")
        assert code == 1
        assert err.startswith("Error: ") and err.count("\n") == 1, err
        assert "Traceback" not in err
        for word in words:
            assert word in err, err
        assert "check the directory is writable" not in err  # finding 14's wrong advice
        assert fingerprint(store) == before  # nothing written on top of the damaged log
        assert not servers_in(store)
    finally:
        for process in servers_in(store):
            process.kill()


@pytest.mark.parametrize("case", ["deleted manifest", "empty manifest"])
def test_repair_rebuilds_a_lost_manifest(tmp_path: Path, intact: Path, case: str) -> None:
    store = tmp_path / "store"
    shutil.copytree(intact, store)
    DAMAGE[case][0](store)
    code, out, err = run(store, "repair")
    assert code == 0, err
    assert "rebuilt the manifest" in out
    assert corpus_count(store) == 5  # everything is back
    assert not servers_in(store)


def test_repair_cuts_a_truncated_log_and_the_next_ingest_completes_it(
        tmp_path: Path, intact: Path, seeds_dir: Path) -> None:
    store = tmp_path / "store"
    shutil.copytree(intact, store)
    original = incr(store).read_bytes()
    truncate(store)
    code, out, err = run(store, "repair")
    assert code == 0, err
    assert "cut vbgraph.aof." in out and "not a complete write" in out
    backups = list(store.glob("damaged-*"))
    assert len(backups) == 1
    assert (backups[0] / incr(store).name).read_bytes() == original[: len(original) - 1000]
    assert corpus_count(store) <= 5  # it opens, with what was completely written
    code, _, err = run(store, "ingest", "-q", str(seeds_dir))
    assert code == 0, err
    assert corpus_count(store) == 5
    assert not servers_in(store)


def test_repair_refuses_a_store_that_is_open(tmp_path: Path, intact: Path) -> None:
    from vbgraph.graph.falkor_store import FalkorStore

    store_dir = tmp_path / "store"
    shutil.copytree(intact, store_dir)
    store = FalkorStore(store_dir)
    try:
        code, _, err = run(store_dir, "repair")
        assert code == 1 and "is open" in err
    finally:
        store.close()


def test_an_intact_store_needs_no_repair(tmp_path: Path, intact: Path) -> None:
    store = tmp_path / "store"
    shutil.copytree(intact, store)
    before = fingerprint(store)
    code, out, _ = run(store, "repair")
    assert code == 0 and "complete" in out
    assert fingerprint(store) == before


def test_a_server_that_crashes_on_a_damaged_write_is_explained(tmp_path: Path) -> None:
    """Damage inside a write (its framing intact) is found by no check: the server's crash
    while loading is what tells (bytes overwritten in the middle of a log did this)."""
    from vbgraph.graph.store_files import describe_start_failure

    log = ("123:M 07 Dec 2026 12:40:01.000 # oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo\n"
           "123:M 07 Dec 2026 12:40:01.100 # Guru Meditation: Redis aborting for OUT OF "
           "MEMORY. Allocating 8680820740569200827 bytes! #server.c:7837\n")
    message = describe_start_failure(tmp_path, log)
    assert "crashed while loading" in message and "ingest the documents again" in message
