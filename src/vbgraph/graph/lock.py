"""An inter-process write lock for the embedded store (one writer at a time).

An ``flock``: the kernel drops it when its holder exits, however it exits, so a
lock whose holder was killed is free at once.  The file records the holder's pid;
a busy lock whose recorded holder is dead is held by another process that shares
its descriptor (a worker an older vbgraph forked): that is said at once, with the
processes to stop, instead of after the whole wait.
"""

from __future__ import annotations

import fcntl
import os
import re
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

from vbgraph.errors import StoreError
from vbgraph.settings import seconds_setting

#: How long a writer waits for another by default (env VBGRAPH_LOCK_TIMEOUT).
DEFAULT_TIMEOUT = 600.0


def lock_timeout() -> float:
    return seconds_setting("VBGRAPH_LOCK_TIMEOUT", DEFAULT_TIMEOUT)


def open_lock_file(path: Path) -> IO[str]:
    """``path`` opened to be locked (its folder made), or a ``StoreError`` saying why not."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        return path.open("a+", encoding="utf-8")
    except IsADirectoryError as exc:
        raise StoreError(f"{path} is a directory, not vbgraph's lock file; remove it "
                         f"(rmdir '{path}') and try again") from exc
    except OSError as exc:
        raise StoreError(f"cannot open the lock file {path}: {exc.strerror}; check the store "
                         "directory is writable") from exc


@contextmanager
def file_lock(path: Path, timeout: float | None = None) -> Iterator[None]:
    """Hold an exclusive ``flock`` on ``path``, waiting up to ``timeout`` seconds for it."""
    timeout = lock_timeout() if timeout is None else timeout
    with open_lock_file(path) as fh:
        deadline = time.monotonic() + timeout
        while True:
            try:
                fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                holder = _holder(fh)
                if holder is not None and not _alive(holder) and _still_orphaned(fh, holder):
                    raise StoreError(_orphaned(path, holder)) from None
                if time.monotonic() >= deadline:
                    raise StoreError(
                        f"the store {path.parent} is being written by "
                        f"{_describe(holder)}; waited {timeout:g} s. Try again when it has "
                        "finished (or set VBGRAPH_LOCK_TIMEOUT to wait longer)"
                    ) from None
                time.sleep(0.1)
        try:
            fh.seek(0)
            fh.truncate()
            fh.write(f"vbgraph pid {os.getpid()}\n")
            fh.flush()
            yield
        finally:
            fh.seek(0)
            fh.truncate()
            fcntl.flock(fh, fcntl.LOCK_UN)


def _holder(fh: IO[str]) -> int | None:
    fh.seek(0)
    found = re.search(r"pid (\d+)", fh.read())
    return int(found.group(1)) if found else None


def _still_orphaned(fh: IO[str], holder: int, settle: float = 1.0) -> bool:
    """The dead ``holder`` is still named while the lock stays held for ``settle`` seconds
    (a writer that has just taken the lock from a killed one writes its pid at once)."""
    deadline = time.monotonic() + settle
    while time.monotonic() < deadline:
        time.sleep(0.1)
        if _holder(fh) != holder:
            return False
        try:
            fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            continue
        fcntl.flock(fh, fcntl.LOCK_UN)  # free now: the caller takes it on its next try
        return False
    return True


def _describe(holder: int | None) -> str:
    return f"vbgraph pid {holder}" if holder is not None else "another process"


def _alive(pid: int) -> bool:
    import psutil

    try:
        return psutil.Process(pid).status() != psutil.STATUS_ZOMBIE
    except psutil.Error:
        return False


def _orphaned(path: Path, holder: int) -> str:
    """The message for a lock whose recorded holder is gone but which is still held."""
    import psutil

    target = os.path.realpath(path)
    users = []
    for process in psutil.process_iter():
        try:
            if process.pid != os.getpid() and any(
                    os.path.realpath(f.path) == target for f in process.open_files()):
                users.append(process.pid)
        except (psutil.Error, OSError):
            continue
    who = (f"process{'es' if len(users) > 1 else ''} "
           + ", ".join(str(p) for p in users)) if users else "a process this user cannot see"
    return (f"the store {path.parent} is locked by {who}, left behind by vbgraph pid {holder}, "
            f"which has exited; stop {'them' if len(users) > 1 else 'it'}"
            + (f" (kill {' '.join(str(p) for p in users)})" if users else "")
            + " and try again")
