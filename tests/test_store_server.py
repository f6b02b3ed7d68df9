"""One server per store directory, whoever starts first (issue 15, findings 1, 12, 14).

Real processes on real FalkorDB servers.  Every wait is bounded: a child that does
not answer in time fails the test, and every server a test may have left is stopped.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import psutil
import pytest

from vbgraph.errors import StoreError
from vbgraph.graph.falkor_store import FalkorStore

TRIALS = 20
DEADLINE_S = 60.0

#: A child that, for each store directory given, waits for the parent's "go", opens the
#: store, writes one node naming itself, reads it back, closes, and says "done".
_CHILD = textwrap.dedent("""
    import json, os, sys, time
    from pathlib import Path
    from vbgraph.graph.falkor_store import FalkorStore
    who, signals, dirs = sys.argv[1], Path(sys.argv[2]), sys.argv[3:]
    for i, d in enumerate(dirs):
        deadline = time.monotonic() + 60
        while not (signals / f"go-{i}").exists():
            if time.monotonic() > deadline:
                sys.exit(f"no go {i}")
            time.sleep(0.0005)
        outcome = "ok"
        try:
            store = FalkorStore(Path(d))
            try:
                store.write("CREATE (:Probe {who: $who})", {"who": who})
                n = store.read("MATCH (p:Probe {who: $who}) RETURN count(p) AS n", {"who": who})
                outcome = "ok" if n == [{"n": 1}] else f"read {n}"
            finally:
                store.close()
        except Exception as exc:
            outcome = f"{type(exc).__name__}: {exc}"
        (signals / f"tmp-{i}-{who}").write_text(outcome)
        os.replace(signals / f"tmp-{i}-{who}", signals / f"done-{i}-{who}")
""")


@contextmanager
def opened(directory: Path) -> Iterator[FalkorStore]:
    store = FalkorStore(directory)
    try:
        yield store
    finally:
        store.close()


def servers_in(directory: Path) -> list[psutil.Process]:
    """redis-server processes working in ``directory`` (a daemon's cwd is its data dir)."""
    found = []
    target = directory.resolve()
    for process in psutil.process_iter(["name"]):
        try:
            if "redis-server" in (process.info["name"] or "") and \
                    Path(process.cwd()).resolve() == target:
                found.append(process)
        except (psutil.Error, OSError):
            continue
    return found


@pytest.fixture
def reap() -> Iterator[list[Path]]:
    """Directories whose servers are killed after the test, whatever happened."""
    dirs: list[Path] = []
    yield dirs
    for d in dirs:
        for process in servers_in(d):
            process.kill()


def _wait(path: Path, deadline: float) -> str:
    while not path.exists():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {path.name}")
        time.sleep(0.001)
    return path.read_text()


@pytest.mark.parametrize("existing", [False, True], ids=["new store", "existing store"])
def test_concurrent_starts_share_one_server(tmp_path: Path, existing: bool,
                                            reap: list[Path]) -> None:
    """Two processes opening one store at the same moment, 20 times: both succeed, both
    writes are there, the store opens afterwards, and no server is left running."""
    dirs = [tmp_path / f"store-{i}" for i in range(TRIALS)]
    reap.extend(dirs)
    if existing:
        for d in dirs:
            with opened(d) as store:
                store.write("CREATE (:Probe {who: 'before'})")
    signals = tmp_path / "signals"
    signals.mkdir()
    script = tmp_path / "child.py"
    script.write_text(_CHILD)
    children = [subprocess.Popen([sys.executable, str(script), who, str(signals),
                                  *map(str, dirs)], stderr=subprocess.PIPE, text=True)
                for who in ("a", "b")]
    failures = []
    try:
        for i in range(TRIALS):
            (signals / f"go-{i}").touch()
            deadline = time.monotonic() + DEADLINE_S
            outcomes = {who: _wait(signals / f"done-{i}-{who}", deadline) for who in "ab"}
            failures += [f"trial {i} {who}: {o}" for who, o in outcomes.items() if o != "ok"]
    finally:
        for child in children:
            try:
                child.wait(timeout=DEADLINE_S)
            except subprocess.TimeoutExpired:
                child.kill()
    assert not failures, failures
    for d in dirs:
        assert not servers_in(d), f"a server is still running on {d}"
        with opened(d) as store:
            who = store.read("MATCH (p:Probe) RETURN p.who AS who ORDER BY who")
        assert [r["who"] for r in who] == (["a", "b", "before"] if existing else ["a", "b"])
    assert all(child.returncode == 0 for child in children)


def _holder(store_dir: Path, tmp_path: Path) -> subprocess.Popen[str]:
    """A process that opens the store, says "open", then reads until told to stop."""
    script = tmp_path / "holder.py"
    script.write_text(textwrap.dedent("""
        import sys, time
        from pathlib import Path
        from vbgraph.graph.falkor_store import FalkorStore
        store = FalkorStore(Path(sys.argv[1]))
        print("open", store.server_pid, flush=True)
        for line in sys.stdin:  # one read per line from the parent
            rows = store.read("MATCH (p:Probe) RETURN count(p) AS n")
            print(rows[0]["n"], flush=True)
        store.close()
    """))
    proc = subprocess.Popen([sys.executable, str(script), str(store_dir)], text=True,
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    assert proc.stdout is not None
    assert proc.stdout.readline().startswith("open")
    return proc


def _ask(proc: subprocess.Popen[str]) -> str:
    assert proc.stdin is not None and proc.stdout is not None
    proc.stdin.write("count\n")
    proc.stdin.flush()
    return proc.stdout.readline().strip()


def test_the_server_lives_while_another_process_uses_it(tmp_path: Path,
                                                        reap: list[Path]) -> None:
    store_dir = tmp_path / "store"
    reap.append(store_dir)
    holder = _holder(store_dir, tmp_path)
    try:
        with opened(store_dir) as store:
            store.write("CREATE (:Probe)")
        assert _ask(holder) == "1"  # our close left the holder's server running
        assert len(servers_in(store_dir)) == 1
    finally:
        assert holder.stdin is not None
        holder.stdin.close()
        holder.wait(timeout=DEADLINE_S)
    assert holder.returncode == 0
    assert not servers_in(store_dir)  # the last one to leave stopped it


def test_close_does_not_stop_a_server_it_cannot_count_clients_of(
        tmp_path: Path, reap: list[Path], monkeypatch: pytest.MonkeyPatch) -> None:
    """Finding 12: an error while counting the server's clients is not "the server is gone"."""
    import redis

    store_dir = tmp_path / "store"
    reap.append(store_dir)
    holder = _holder(store_dir, tmp_path)
    try:
        store = FalkorStore(store_dir)
        store.write("CREATE (:Probe)")

        def broken(*args: object, **kwargs: object) -> None:
            raise redis.ConnectionError("simulated")

        monkeypatch.setattr(redis.Redis, "client_list", broken)
        store.close()
        assert _ask(holder) == "1"
    finally:
        assert holder.stdin is not None
        holder.stdin.close()
        holder.wait(timeout=DEADLINE_S)


def test_a_server_left_by_a_killed_process_is_reused_then_stopped(
        tmp_path: Path, reap: list[Path]) -> None:
    store_dir = tmp_path / "store"
    reap.append(store_dir)
    holder = _holder(store_dir, tmp_path)
    holder.kill()
    holder.wait(timeout=DEADLINE_S)
    assert len(servers_in(store_dir)) == 1  # orphaned, still serving
    with opened(store_dir) as store:
        store.write("CREATE (:Probe)")
        assert len(servers_in(store_dir)) == 1  # the same one, not a second
    assert not servers_in(store_dir)


@pytest.mark.parametrize("name", ["it's mine", 'a "quoted" dir', "tab\there", "back\\slash"])
def test_store_paths_with_quotes_open_and_leave_nothing_running(
        tmp_path: Path, name: str, reap: list[Path]) -> None:
    """Finding 14: a store path with ' could not be opened and left a redis-server running."""
    store_dir = tmp_path / name / "store"
    reap.append(store_dir)
    with opened(store_dir) as store:
        store.write("CREATE (:Probe {name: $name})", {"name": name})
    with opened(store_dir) as store:
        assert store.read("MATCH (p:Probe) RETURN p.name AS name") == [{"name": name}]
    assert not servers_in(store_dir)
    assert (store_dir / "appendonlydir").is_dir()  # the data is where the user said


def test_store_path_with_undecodable_bytes(tmp_path: Path, reap: list[Path]) -> None:
    store_dir = Path(os.fsdecode(os.fsencode(str(tmp_path)) + b"/caf\xe9/store"))
    reap.append(store_dir)
    with opened(store_dir) as store:
        store.write("CREATE (:Probe)")
    assert not servers_in(store_dir)
    assert (store_dir / "appendonlydir").is_dir()


def test_a_server_killed_outright_is_replaced_on_the_next_open(tmp_path: Path,
                                                               reap: list[Path]) -> None:
    store_dir = tmp_path / "store"
    reap.append(store_dir)
    with opened(store_dir) as store:
        store.write("CREATE (:Probe)")
        os.kill(store.server_pid, signal.SIGKILL)
        with pytest.raises(StoreError, match="lost the connection"):
            store.read("MATCH (p:Probe) RETURN count(p) AS n")
    with opened(store_dir) as again:
        assert again.read("MATCH (p:Probe) RETURN count(p) AS n") == [{"n": 1}]
    assert not servers_in(store_dir)


def test_the_server_file_names_the_running_server(tmp_path: Path, reap: list[Path]) -> None:
    store_dir = tmp_path / "store"
    reap.append(store_dir)
    with opened(store_dir) as store:
        info = json.loads((store_dir / "server.json").read_text())
        assert info["pid"] == store.server_pid
    assert not (store_dir / "server.json").exists()


def test_a_program_that_forgets_close_stops_the_server_at_exit(tmp_path: Path,
                                                               reap: list[Path]) -> None:
    store_dir = tmp_path / "store"
    reap.append(store_dir)
    subprocess.run([sys.executable, "-c", textwrap.dedent(f"""
        from pathlib import Path
        from vbgraph.graph.falkor_store import FalkorStore
        store = FalkorStore(Path({str(store_dir)!r}))
        store.write("CREATE (:Probe)")
    """)], check=True, timeout=DEADLINE_S)
    assert not servers_in(store_dir)
    with opened(store_dir) as store:
        assert store.read("MATCH (p:Probe) RETURN count(p) AS n") == [{"n": 1}]
