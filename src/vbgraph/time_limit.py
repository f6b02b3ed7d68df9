"""A bound on the time one file may take to read and extract (issue 15, finding 9).

The limit is a real-time alarm (``SIGALRM``) in the process doing the work, a worker or,
with one worker, the main thread: when it rings, the work stops with ``FileTimeLimit``
and the file is reported by name, the folder goes on.  Regular-expression matching and
PDF/OCR calls made from Python are interrupted between steps; where no alarm can be set
(another thread, a platform without ``SIGALRM``) the work runs unbounded.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

from vbgraph.settings import seconds_setting

#: Seconds one file may take by default (an 80-page scan's OCR takes about two minutes
#: on one core); ``vbgraph ingest --file-timeout`` or ``VBGRAPH_FILE_TIMEOUT`` change it.
DEFAULT_SECONDS = 600.0


class FileTimeLimit(Exception):
    """The file took longer than it may."""


def seconds_from_env() -> float:
    """The limit ``VBGRAPH_FILE_TIMEOUT`` sets (0 for none), else the default."""
    return seconds_setting("VBGRAPH_FILE_TIMEOUT", DEFAULT_SECONDS, allow_zero=True)


@contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Raise ``FileTimeLimit`` in the body after ``seconds`` (0 or less: no limit)."""
    usable = (seconds > 0 and hasattr(signal, "SIGALRM")
              and threading.current_thread() is threading.main_thread())
    if not usable:
        yield
        return

    def ring(_signum: int, _frame: FrameType | None) -> None:
        raise FileTimeLimit()

    previous = signal.signal(signal.SIGALRM, ring)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
