"""Folder -> store: read, extract and store every document, one failure never stopping the rest.

Reading and extraction are pure and run in ``workers`` processes; storing runs
in this process in batches. A document's checksum is written after all its
statements, so an interrupted ingest leaves every earlier batch intact and a
second run completes it (files with a stored checksum are skipped).  Files whose
record says they are unchanged are not even read (``graph/file_records.py``).
"""

from __future__ import annotations

import hashlib
import time
import traceback
from collections import deque
from collections.abc import Callable, Generator, Iterable
from concurrent.futures import Executor
from dataclasses import dataclass, field, replace
from itertools import islice
from pathlib import Path

from vbgraph.errors import InputError, StoreFailure, VbgraphError
from vbgraph.graph import file_records
from vbgraph.graph.ingest import StoreOutcome, rekey, store_extractions
from vbgraph.graph.keys import variant_key
from vbgraph.graph.store import DOCUMENTS_PER_ROUND, GraphStore
from vbgraph.loaders.extraction import extract
from vbgraph.loaders.formats.read import read_document
from vbgraph.loaders.formats.walk import WalkIssue, iter_entries, printable
from vbgraph.models import Extraction
from vbgraph.prune import check_prune, plan_prune
from vbgraph.prune import prune as prune_documents
from vbgraph.sameness import SameText
from vbgraph.time_limit import FileTimeLimit, seconds_from_env, time_limit
from vbgraph.workers import stop_pool, worker_pool


@dataclass(frozen=True, slots=True)
class FileOutcome:
    """One file's fate: ``added``, ``replaced``, ``unchanged``, ``duplicate`` (the same
    document as another file, which is kept), ``collision`` (stored under a variant key: a
    different document has its key), ``pruned``, ``skipped`` (not a document file: a link
    to a folder, a FIFO) or ``failed``."""

    path: str
    status: str
    key: str = ""
    reason: str = ""
    #: What the reader did that the user should know, e.g. which pages were OCR'd and
    #: how long it took (``OCR: ...``).
    note: str = ""
    #: Bytes read from the file and seconds a worker took to read and extract it (0 for
    #: a file skipped unread).
    bytes_read: int = 0
    seconds: float = 0.0


@dataclass(slots=True)
class IngestReport:
    outcomes: list[FileOutcome] = field(default_factory=list)

    @property
    def failed(self) -> list[FileOutcome]:
        return [o for o in self.outcomes if o.status == "failed"]

    def counts(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for o in self.outcomes:
            out[o.status] = out.get(o.status, 0) + 1
        return out

    def summary(self) -> str:
        c = self.counts()
        files = sum(n for s, n in c.items() if s != "pruned")
        parts = [f"{c.get(s, 0)} {s}" for s in ("added", "replaced", "unchanged", "failed")]
        parts += [f"{c[s]} {s}{'s' if s == 'collision' and c[s] > 1 else ''}"
                  for s in ("duplicate", "collision", "skipped", "pruned") if c.get(s)]
        return f"{files} files: " + ", ".join(parts)


Progress = Callable[[FileOutcome], None]


class Refusal(str):
    """Why a file was refused for its content (an ``InputError`` reading or extracting
    it): recorded, so that the unchanged file is not read again.  Other failure reasons
    (a time-out, a bug) are plain ``str`` and retried."""

    __slots__ = ()


#: What a worker hands back for one file: the extraction, or why it failed.
WorkResult = Extraction | str
#: A worker's result with the seconds it took.
Timed = tuple[WorkResult, float]


def extract_file(path: Path, seconds: float | None = None) -> WorkResult:
    """Read and extract one file (runs in a worker process); failures become a reason.
    The work stops after ``seconds`` (default: ``time_limit.seconds_from_env()``)."""
    limit = seconds_from_env() if seconds is None else seconds
    try:
        with time_limit(limit):
            return extract(read_document(path))
    except FileTimeLimit:
        return (f"{path}: gave up after {limit:g} s reading and extracting it; if the file "
                "is right (a long scan), ingest it alone with a larger --file-timeout")
    except InputError as exc:
        return Refusal(exc)
    except Exception as exc:  # an extractor bug must not stop the folder: report it
        where = traceback.extract_tb(exc.__traceback__)[-1]
        return (f"{path}: internal error while extracting ({type(exc).__name__}: {exc} at "
                f"{Path(where.filename).name}:{where.lineno}); please report it")


def _work(path: Path) -> Timed:
    """``extract_file`` timed (runs in a worker process)."""
    started = time.perf_counter()
    result = extract_file(path)
    return result, time.perf_counter() - started


#: Files handed to each worker beyond the batch being gathered.  The caller stores a
#: whole batch at a time, so the workers must hold the next batch's files meanwhile or
#: they sit idle while it stores (bench/README.md, finding I6); extractions waiting to
#: be stored stay bounded (memory flat in corpus size).
AHEAD_PER_WORKER = 8


def _results(paths: list[Path], workers: int,
             batch: int = 0) -> Generator[tuple[Path, Timed], None, None]:
    """Each file's extraction, in order; ``workers`` processes extract while the caller
    stores what they handed back, ``batch`` at a time."""
    if workers <= 1 or len(paths) < 2:
        for p in paths:
            yield p, _work(p)
        return
    pool = _pool(workers)
    finished = False
    try:
        waiting = iter(paths)
        running = deque(
            (p, pool.submit(_work, p))
            for p in islice(waiting, max(0, batch) + workers * AHEAD_PER_WORKER)
        )
        while running:
            path, future = running.popleft()
            following = next(waiting, None)
            if following is not None:
                running.append((following, pool.submit(_work, following)))
            yield path, future.result()
        finished = True
    finally:
        if finished:
            pool.shutdown()
        else:  # the caller stopped early (an error, SIGTERM): no worker outlives it
            stop_pool(pool)


def _pool(workers: int) -> Executor:
    return worker_pool(workers)


def ingest_paths(
    store: GraphStore,
    paths: Iterable[str | Path],
    glob: str | None = None,
    progress: Progress | None = None,
    workers: int = 1,
    prune: bool = False,
    batch: int = DOCUMENTS_PER_ROUND,
    prune_confirmed: bool = False,
    reread: bool = False,
) -> IngestReport:
    """Read, extract and store every document under ``paths``.

    Documents are written ``batch`` at a time; an interrupted ingest loses at
    most the batch in flight, which the next run stores. ``prune`` also removes
    documents stored from files under ``paths`` that no longer exist (they stay
    as stubs while other documents cite them); when that would remove all of a
    path's documents or more than ``prune.MAX_SHARE`` of them, nothing is done
    (``InputError``) unless ``prune_confirmed``.  A file whose record says it is
    unchanged is not read (``graph/file_records.py``), unless ``reread``.
    """
    roots = [Path(p) for p in paths]
    entries = list(iter_entries(roots, glob=glob))
    run = _Ingest(store, progress)
    for issue in (e for e in entries if isinstance(e, WalkIssue)):
        run.record(FileOutcome(printable(issue.path), "skipped" if issue.skipped else "failed",
                               reason=issue.message))
    with store.write_lock():
        if prune and not prune_confirmed:
            check_prune(plan_prune(store, roots))  # before anything is written
        run.store_all(run.triage([e for e in entries if isinstance(e, Path)], reread),
                      workers, batch)
        if prune:
            for key, source in prune_documents(store, plan_prune(store, roots)):
                run.record(FileOutcome(source, "pruned", key=key))
    return run.report


class _Ingest:
    """One ingest's report and the extractions waiting to be stored."""

    def __init__(self, store: GraphStore, progress: Progress | None) -> None:
        self.store, self.progress = store, progress
        self.report = IngestReport()
        self.pending: list[tuple[Path, Extraction]] = []
        self.same = SameText()
        self.stats: dict[str, file_records.FileStat] = {}
        self.seconds: dict[Path, float] = {}
        self.refused: list[tuple[Path, str]] = []  # to record (``remember_refusals``)

    def record(self, outcome: FileOutcome) -> None:
        self.report.outcomes.append(outcome)
        if self.progress is not None:
            self.progress(outcome)

    def triage(self, files: list[Path], reread: bool) -> list[Path]:
        """The files to read; those whose records say they are unchanged are reported so."""
        found, self.stats = file_records.triage(self.store, files, trust=not reread)
        for st, rec in found.skip:
            if rec.outcome == file_records.REFUSED:  # refused before, the same since
                self.record(FileOutcome(str(st.path), "failed", reason=f"{st.path}: {rec.reason}"))
            elif rec.outcome == "duplicate":
                self.record(FileOutcome(str(st.path), "duplicate", key=rec.key,
                                        reason=f"same document as {rec.source}, which is kept"))
            else:
                self.record(FileOutcome(str(st.path), "unchanged", key=rec.key))
        return found.read

    def store_all(self, files: list[Path], workers: int, batch: int) -> None:
        """Read and extract ``files`` (in ``workers``) and store them ``batch`` at a time."""
        results = _results(files, workers, batch)
        try:
            for path, (result, seconds) in results:
                if isinstance(result, str):
                    if isinstance(result, Refusal):
                        self.refused.append((path, result))
                    self.record(FileOutcome(str(path), "failed", reason=result,
                                            seconds=seconds))
                    continue
                self.seconds[path] = seconds
                prepared = _prepare(result, path)
                if isinstance(prepared, FileOutcome):
                    self.refused.append((path, prepared.reason))
                    self.record(replace(prepared, seconds=seconds))
                    continue
                self.pending.append((path, prepared))
                if len(self.pending) >= max(1, batch):
                    self.flush()
        finally:  # leaving early (an error, SIGTERM while a batch is stored): the workers
            results.close()  # stop now, not when the generator is collected
        if self.pending:
            self.flush()
        self.remember_refusals()

    def flush(self) -> None:
        try:
            results = store_extractions(self.store, [ex for _, ex in self.pending], self.same)
        except StoreFailure:
            raise  # nothing more can be stored: stop once, not once per remaining file
        except VbgraphError as exc:
            for path, _ in self.pending:
                self.record(FileOutcome(str(path), "failed", reason=f"{path}: {exc}"))
        else:
            self.remember(results)
            for (path, ex), result in zip(self.pending, results, strict=True):
                note = "; ".join(w for w in ex.warnings if w.startswith(_NOTED))
                st = self.stats.get(str(path))
                self.record(FileOutcome(str(path), result.status, key=result.key,
                                        reason=_explain(result), note=note,
                                        bytes_read=st.size if st else 0,
                                        seconds=self.seconds.pop(path, 0.0)))
        self.pending.clear()
        self.remember_refusals()

    def remember_refusals(self) -> None:
        """Record the files refused for their content (one batched write), so that the
        next ingest reports them refused again without reading them while they, and the
        code that reads them, stay the same."""
        rows = [file_records.refusal_row(self.stats[str(path)], reason)
                for path, reason in self.refused if str(path) in self.stats]
        file_records.record_files(self.store, [row for row in rows if row is not None])
        self.refused.clear()

    def remember(self, results: list[StoreOutcome]) -> None:
        """Record the batch's stored files (one read of their documents' checksums, one
        write), so that the next ingest skips them unread while they stay the same."""
        done = [(self.stats[str(path)], ex, result)
                for (path, ex), result in zip(self.pending, results, strict=True)
                if str(path) in self.stats and result.status in file_records.RECORDED]
        file_records.record_files(self.store, [
            file_records.record_row(st, ex.sha256, result.key, result.status, sha)
            for (st, ex, result), sha in zip(
                done, file_records.document_checksums(self.store, [r.key for *_, r in done]),
                strict=True)])


def _explain(result: StoreOutcome) -> str:
    if result.status == "duplicate":
        return f"same document as {result.other}, which is kept"
    if result.status == "collision":
        held = (f"a different document, from {result.other}, has the key "
                f"{result.collides_with}" if result.other
                else f"a different document has the key {result.collides_with}")
        return (f"{held}; this one is stored as {result.key} (check the number, year and "
                "issuer in both headers)")
    return ""


#: Warnings the ingest prints as a file's note.
UNNUMBERED_NOTE = "unnumbered:"
_NOTED = ("OCR:", UNNUMBERED_NOTE)


def _prepare(extraction: Extraction, path: Path) -> Extraction | FileOutcome:
    """Check an extraction can be stored and record the file it came from.

    A document whose header has no number (a draft's blank "Số:", a number OCR could
    not read) is stored under its own key, the file's checksum in it, when its header
    says what kind of document it is; a file with neither is not a policy document."""
    doc = extraction.document
    ready = replace(extraction, path=str(path.resolve()))
    if doc.symbol:
        return ready
    if not doc.type:
        return FileOutcome(
            str(path), "failed",
            reason=f"{path}: no document number (Số: ...) and no document type found in "
                   "the header; is this a policy document?",
        )
    key = variant_key(doc.key, extraction.sha256 or hashlib.sha256(bytes(path)).hexdigest())
    note = (f"{UNNUMBERED_NOTE} no number in its header (a draft, or a number OCR could not "
            f"read): stored as {key}, found by its title")
    return replace(rekey(ready, key), warnings=(*ready.warnings, note))
