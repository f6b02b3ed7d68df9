"""Extraction worker processes that die with the process that started them.

``ingest --workers N`` killed with ``kill -9`` or SIGTERM used to leave its workers
alive for good, holding the store's write lock (they were forked with its
descriptor) so the next ingest waited 600 s and then blamed the dead parent (issue
15, finding 11).  Workers are now started fresh (``spawn``: they inherit no
descriptor, so no lock and no connection to the store's server), ask the kernel to
kill them when their parent dies (Linux ``PR_SET_PDEATHSIG``), and exit at once if
the parent is already gone; they ignore Ctrl-C, which the parent handles.  A pool
the parent leaves early (an error, SIGTERM) is stopped, its running workers killed.
"""

from __future__ import annotations

import contextlib
import ctypes
import multiprocessing
import os
import signal
import sys
from concurrent.futures import Executor, ProcessPoolExecutor

_PR_SET_PDEATHSIG = 1


def worker_pool(workers: int) -> ProcessPoolExecutor:
    """A pool of ``workers`` processes tied to this one's life."""
    return ProcessPoolExecutor(max_workers=workers,
                               mp_context=multiprocessing.get_context("spawn"),
                               initializer=_tie_to_parent, initargs=(os.getpid(),))


def stop_pool(pool: Executor) -> None:
    """Cancel what has not started and kill the workers (used when the caller leaves early)."""
    processes = list((getattr(pool, "_processes", None) or {}).values())
    results = getattr(pool, "_result_queue", None)  # shutdown() forgets it
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        with contextlib.suppress(Exception):
            process.kill()
    for process in processes:
        with contextlib.suppress(Exception):
            process.join(timeout=5)
    # A worker killed while it sent a result leaves half a message in the result pipe, and
    # the pool's manager thread waits for the rest; this process holds the pipe's last
    # writing end: closing it ends that wait (the thread sees a broken pool and exits),
    # or the interpreter, which joins that thread at exit, would hang (1 SIGTERM in 20).
    writer = getattr(results, "_writer", None)
    if writer is not None:
        with contextlib.suppress(Exception):
            writer.close()


def _tie_to_parent(parent: int) -> None:
    """In each worker: die with ``parent``; leave Ctrl-C to it."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    if os.getppid() != parent:  # the parent died before the line above took effect
        os._exit(1)
