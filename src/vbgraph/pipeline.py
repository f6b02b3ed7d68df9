"""Folder -> store: read, extract and store every document, one failure never stopping the rest."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from vbgraph.errors import InputError, VbgraphError
from vbgraph.graph.ingest import store_extraction
from vbgraph.graph.store import GraphStore
from vbgraph.loaders.extract import extract
from vbgraph.loaders.walk import iter_documents
from vbgraph.models import Extraction


@dataclass(frozen=True, slots=True)
class FileOutcome:
    """One file's fate: ``added``, ``replaced``, ``unchanged`` or ``failed`` (with the reason)."""

    path: str
    status: str
    key: str = ""
    reason: str = ""


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
        parts = [f"{c.get(s, 0)} {s}" for s in ("added", "replaced", "unchanged", "failed")]
        return f"{len(self.outcomes)} files: " + ", ".join(parts)


Progress = Callable[[FileOutcome], None]


def ingest_paths(
    store: GraphStore,
    paths: Iterable[str | Path],
    glob: str | None = None,
    progress: Progress | None = None,
) -> IngestReport:
    """Read, extract and store every document under ``paths``."""
    report = IngestReport()
    for path, item in iter_documents([Path(p) for p in paths], glob=glob):
        if isinstance(item, InputError):
            outcome = FileOutcome(str(path), "failed", reason=str(item))
        else:
            try:
                extraction = extract(item)
                outcome = _store(store, extraction, str(path))
            except VbgraphError as exc:
                outcome = FileOutcome(str(path), "failed", reason=str(exc))
        report.outcomes.append(outcome)
        if progress is not None:
            progress(outcome)
    return report


def _store(store: GraphStore, extraction: Extraction, path: str) -> FileOutcome:
    if not extraction.document.symbol:
        return FileOutcome(
            path, "failed",
            reason=f"{path}: no document number (Số: ...) found in the header; "
                   "is this a policy document?",
        )
    result = store_extraction(store, extraction)
    return FileOutcome(path, result.status, key=result.key)
