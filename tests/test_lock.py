"""The write lock: a lock file that is not a file, and a lock left to a dead process's heirs
(issue 15, findings 11 and 14)."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

from click.testing import CliRunner

from tests.test_store_server import servers_in
from vbgraph.cli import cli

DEADLINE_S = 60.0


def test_a_write_lock_that_is_a_directory_is_an_error_not_a_traceback(
        tmp_path: Path, seeds_dir: Path) -> None:
    store = tmp_path / "store"
    (store / "write.lock").mkdir(parents=True)
    result = CliRunner().invoke(cli, ["--store", str(store), "ingest", "-q", str(seeds_dir)])
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: ") and "is a directory" in result.stderr
    assert "rmdir" in result.stderr
    assert not isinstance(result.exception, IsADirectoryError)
    assert not servers_in(store)


def test_a_lock_kept_by_the_heir_of_a_dead_writer_is_named_at_once(
        tmp_path: Path, seeds_dir: Path) -> None:
    """A process that shares the lock's descriptor with a writer that has died (a worker an
    older vbgraph forked) keeps the lock: say so at once, naming it, not after 600 s."""
    store = tmp_path / "store"
    store.mkdir()
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait(timeout=DEADLINE_S)
    heir = subprocess.Popen([sys.executable, "-c", textwrap.dedent(f"""
        import fcntl, sys, time
        fh = open({str(store / "write.lock")!r}, "a+")
        fcntl.flock(fh, fcntl.LOCK_EX)
        fh.write("vbgraph pid {dead.pid}\\n"); fh.flush()
        print("holding", flush=True)
        time.sleep(120)
    """)], stdout=subprocess.PIPE, text=True)
    try:
        assert heir.stdout is not None and heir.stdout.readline().strip() == "holding"
        done = subprocess.run(
            [sys.executable, "-m", "vbgraph.cli", "--store", str(store), "ingest", "-q",
             str(seeds_dir)], capture_output=True, text=True, timeout=DEADLINE_S,
            env={**os.environ, "VBGRAPH_LOCK_TIMEOUT": "600"})
    finally:
        heir.kill()
        heir.wait(timeout=DEADLINE_S)
    assert done.returncode == 1
    assert f"left behind by vbgraph pid {dead.pid}, which has exited" in done.stderr
    assert f"kill {heir.pid}" in done.stderr
    assert "Traceback" not in done.stderr
    assert not servers_in(store)
