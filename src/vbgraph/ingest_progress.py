"""What ``vbgraph ingest`` says while it runs: each file's fate, the pace, the slow files.

Every ``EVERY`` seconds the pace so far is reported -- files/s over every file dealt
with (skipped unchanged ones too) and MB/s over the bytes read -- on the progress bar
when stderr is a terminal, else as a ``Progress:`` line.  At the end the pace of the
whole run and the slowest files (read and extraction seconds measured in the worker,
``SLOW_SECONDS`` or more, at most ``SLOWEST``) are printed before the summary line,
which stays the last line.  ``--quiet`` and ``--json`` print none of this.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from types import TracebackType
from typing import Any

import click

from vbgraph.pipeline import FileOutcome

#: Seconds between two reports of the pace.
EVERY = 10.0
#: Files slower than this (read + extract, seconds) are listed at the end, the slowest first.
SLOW_SECONDS = 2.0
SLOWEST = 5


class IngestProgress:
    """The ingest's progress callback; a context manager holding the progress bar.

    ``total`` (files found) asks for a progress bar (stderr is a terminal)."""

    def __init__(self, quiet: bool, as_json: bool, total: int | None = None,
                 clock: Callable[[], float] = time.monotonic, every: float = EVERY) -> None:
        self.quiet, self.as_json = quiet, as_json
        self.clock, self.every = clock, every
        self.started = self.last = clock()
        self.files = self.bytes_read = 0
        self.slow: list[FileOutcome] = []
        self.pace = ""
        self.bar: Any = None
        if total is not None:
            self.bar = click.progressbar(length=total, label="Ingesting", file=sys.stderr,
                                         item_show_func=lambda _: self.pace or None)

    def __enter__(self) -> IngestProgress:
        if self.bar is not None:
            self.bar.__enter__()
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        if self.bar is not None:
            self.bar.__exit__(kind, exc, tb)

    def _say(self, text: str, after_bar: bool = True) -> None:
        click.echo(f"\n{text}" if self.bar is not None and after_bar else text, err=True)

    def __call__(self, outcome: FileOutcome) -> None:
        chatty = not self.quiet and not self.as_json
        if outcome.status == "failed":
            self._say(f"Error: {outcome.reason}")
        elif outcome.status == "skipped":
            self._say(f"Skipped: {outcome.reason}")
        elif outcome.status in ("duplicate", "collision"):
            self._say(f"Note: {outcome.path}: {outcome.reason}", after_bar=False)
        elif chatty and self.bar is None:
            self._say(f"{outcome.status:9} {outcome.key}  ({outcome.path})")
        if outcome.note and chatty:
            self._say(f"Note: {outcome.path}: {outcome.note}")
        if outcome.status == "pruned":
            return
        self._count(outcome)
        if self.bar is not None:
            self.bar.update(1)
        now = self.clock()
        if chatty and now - self.last >= self.every:
            self.last = now
            if self.bar is None:
                self._say(f"Progress: {self.rate(now)}")

    def _count(self, outcome: FileOutcome) -> None:
        self.files += 1
        self.bytes_read += outcome.bytes_read
        if outcome.seconds >= SLOW_SECONDS:
            self.slow.append(outcome)
            self.slow.sort(key=lambda o: -o.seconds)
            del self.slow[SLOWEST:]
        self.pace = self.rate(self.clock(), short=True)

    def rate(self, now: float, short: bool = False) -> str:
        """The pace so far: files/s and MB/s read."""
        seconds = max(now - self.started, 1e-9)
        pace = (f"{self.files / seconds:.1f} files/s, "
                f"{self.bytes_read / 1e6 / seconds:.1f} MB/s")
        if short:
            return pace
        return (f"{self.files} files in {seconds:.0f} s ({pace}; "
                f"{self.bytes_read / 1e6:.1f} MB read)")

    def finish(self) -> None:
        """The pace of the whole run and the slowest files (before the summary line)."""
        if self.quiet or self.as_json:
            return
        self._say(f"Done: {self.rate(self.clock())}", after_bar=False)
        if self.slow:
            self._say(f"Slowest files (read and extraction, over {SLOW_SECONDS:g} s):",
                      after_bar=False)
            for o in self.slow:
                self._say(f"  {o.seconds:6.1f} s  {o.path}", after_bar=False)
