"""``vbgraph serve`` as a command: the ready line, pages served, a clean stop, clear errors."""

from __future__ import annotations

import http.client
import select
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from vbgraph.cli import cli
from vbgraph.graph.store import opened_store
from vbgraph.pipeline import ingest_paths

TIMEOUT = 60.0


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory: pytest.TempPathFactory, seeds_dir: Path) -> Path:
    directory = tmp_path_factory.mktemp("serve-store")
    with opened_store(directory) as store:
        assert not ingest_paths(store, [seeds_dir]).failed
    return directory


def _start(store_dir: Path, *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "vbgraph.cli", "--store", str(store_dir), "serve", *args],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _ready_url(proc: subprocess.Popen[str]) -> str:
    assert proc.stdout is not None
    deadline = time.monotonic() + TIMEOUT
    while time.monotonic() < deadline:
        ready, _, _ = select.select([proc.stdout], [], [], 0.5)
        if ready:
            line = proc.stdout.readline()
            if line.startswith("Ready: "):
                return line.split()[1]
            assert line, f"serve exited: {proc.stderr.read() if proc.stderr else ''}"
    raise TimeoutError("no ready line")


def _servers_of(store_dir: Path) -> list[int]:
    """The embedded FalkorDB servers running for ``store_dir`` (found by working directory)."""
    import psutil

    return [p.pid for p in psutil.process_iter(["name", "cwd"])
            if "redis" in (p.info["name"] or "") and p.info["cwd"] == str(store_dir)]


def _get(url: str, path: str, host: str | None = None) -> tuple[int, bytes]:
    port = int(url.rstrip("/").rsplit(":", 1)[1])
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=TIMEOUT)
    try:
        conn.request("GET", path, headers={"Host": host} if host else {})
        reply = conn.getresponse()
        return reply.status, reply.read()
    finally:
        conn.close()


@pytest.fixture
def stopping() -> Iterator[list[subprocess.Popen[str]]]:
    """Processes a test started; killed at the end if a test failed before stopping them."""
    started: list[subprocess.Popen[str]] = []
    yield started
    for proc in started:
        if proc.poll() is None:
            proc.kill()
            proc.wait(TIMEOUT)


def test_serve_says_ready_serves_pages_and_stops_on_ctrl_c(
        store_dir: Path, stopping: list[subprocess.Popen[str]]) -> None:
    proc = _start(store_dir, "--port", "0")
    stopping.append(proc)
    url = _ready_url(proc)
    assert url.startswith("http://127.0.0.1:")
    assert len(_servers_of(store_dir)) == 1  # opened once, kept open
    status, body = _get(url, "/")
    assert status == 200 and "Văn bản trong kho".encode() in body
    status, body = _get(url, "/api/lineage?doc=" + "590/Q%C4%90-UBND")
    assert status == 200 and b"45-CTr/TU" in body
    assert _get(url, "/", host="elsewhere.example")[0] == 400
    proc.send_signal(signal.SIGINT)
    assert proc.wait(TIMEOUT) == 0
    assert _servers_of(store_dir) == []  # the embedded server was stopped
    # The store was closed cleanly: the next command opens it and finds everything.
    result = CliRunner().invoke(cli, ["--store", str(store_dir), "stats", "--json"])
    assert result.exit_code == 0 and '"in_corpus": 5' in result.output


def test_busy_port_is_an_error_line_before_the_store_is_opened(store_dir: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen(1)
        port = taken.getsockname()[1]
        done = subprocess.run(
            [sys.executable, "-m", "vbgraph.cli", "--store", str(store_dir / "never-opened"),
             "serve", "--port", str(port)], capture_output=True, text=True, timeout=TIMEOUT)
    assert done.returncode == 1
    assert done.stderr.startswith(f"Error: cannot listen on 127.0.0.1:{port}")
    assert "--port" in done.stderr and "Traceback" not in done.stderr
    assert not (store_dir / "never-opened").exists()


def test_serving_beyond_loopback_warns_and_answers_any_host_name(
        store_dir: Path, stopping: list[subprocess.Popen[str]]) -> None:
    proc = _start(store_dir, "--host", "0.0.0.0", "--port", "0")
    stopping.append(proc)
    url = _ready_url(proc)
    assert _get(url, "/api/stats", host="research-box.lan")[0] == 200
    proc.send_signal(signal.SIGTERM)
    assert proc.wait(TIMEOUT) == 0
    assert _servers_of(store_dir) == []
    assert proc.stderr is not None
    assert "Warning: listening on 0.0.0.0" in proc.stderr.read()


def test_serve_help_has_an_example() -> None:
    result = CliRunner().invoke(cli, ["serve", "--help"])
    assert result.exit_code == 0
    assert "vbgraph --store ./kho serve --open" in result.output
    assert "--host" in result.output and "--port" in result.output


def test_unknown_host_name_is_an_error_line() -> None:
    result = CliRunner().invoke(cli, ["serve", "--host", "no-such-host.invalid"])
    assert result.exit_code == 1
    assert result.output.startswith("Error: cannot listen on 'no-such-host.invalid'")




def test_a_store_read_from_threads_stops_its_server_when_closed(tmp_path: Path) -> None:
    """The app reads from several threads at once, so the store's client holds several
    connections; closing must not take them for other processes using the server."""
    from concurrent.futures import ThreadPoolExecutor

    from vbgraph.graph.falkor_store import FalkorStore

    store = FalkorStore(tmp_path)
    try:
        store.setup_schema()
        slow = "UNWIND range(1, 200000) AS x WITH x WHERE x % 7 = 0 RETURN count(x) AS n"
        with ThreadPoolExecutor(max_workers=4) as pool:
            counts = {r[0]["n"] for r in pool.map(lambda _: store.read(slow), range(8))}
        assert counts == {28571}
        assert len(store._db.connection.connection_pool._available_connections) > 1
        assert len(_servers_of(tmp_path)) == 1
    finally:
        store.close()
    assert _servers_of(tmp_path) == []


def test_serve_stops_its_server_after_pages_read_side_by_side(
        store_dir: Path, stopping: list[subprocess.Popen[str]]) -> None:
    from concurrent.futures import ThreadPoolExecutor

    proc = _start(store_dir, "--port", "0")
    stopping.append(proc)
    url = _ready_url(proc)
    path = "/agency/S%E1%BB%9F%20Ngo%E1%BA%A1i%20v%E1%BB%A5"  # reads side by side
    with ThreadPoolExecutor(max_workers=4) as pool:
        assert set(pool.map(lambda _: _get(url, path)[0], range(12))) == {200}
    proc.send_signal(signal.SIGINT)
    assert proc.wait(TIMEOUT) == 0
    assert _servers_of(store_dir) == []
