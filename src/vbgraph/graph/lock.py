"""An inter-process write lock for the embedded store (one writer at a time)."""

from __future__ import annotations

import fcntl
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from vbgraph.errors import StoreError

#: How long a writer waits for another by default (env VBGRAPH_LOCK_TIMEOUT).
DEFAULT_TIMEOUT = 600.0


def lock_timeout() -> float:
    value = os.environ.get("VBGRAPH_LOCK_TIMEOUT")
    try:
        return float(value) if value else DEFAULT_TIMEOUT
    except ValueError:
        raise StoreError(f"VBGRAPH_LOCK_TIMEOUT={value!r} is not a number of seconds") from None


@contextmanager
def file_lock(path: Path, timeout: float | None = None) -> Iterator[None]:
    """Hold an exclusive ``flock`` on ``path``, waiting up to ``timeout`` seconds for it."""
    timeout = lock_timeout() if timeout is None else timeout
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("a+") as fh:
        deadline = time.monotonic() + timeout
        while True:
            try:
                fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    fh.seek(0)
                    holder = fh.read().strip() or "another process"
                    raise StoreError(
                        f"the store {path.parent} is being written by {holder}; waited "
                        f"{timeout:g} s. Try again when it has finished (or set "
                        "VBGRAPH_LOCK_TIMEOUT to wait longer)"
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
