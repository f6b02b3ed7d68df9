"""Per-file records: an unchanged file is skipped before it is read (issue 19).

Re-ingesting a folder used to read and extract every file before the store said
"unchanged" (19 min for 1,397 real files with nothing changed).  Each file an ingest
stores now leaves a record (``queries/cypher/files.py``): its resolved path,
size, modification time, checksum, the key its document went under and that
document's checksum then.  The next ingest looks the walked files up in one read per
``LOOKUP_CHUNK`` paths and

* skips a file whose size and modification time equal its record's, unopened;
* hashes (here, streamed) a file whose time changed but size did not, and skips it
  when its checksum is the record's (the record then takes the new time);
* sends every other file to the workers, as before.

A record counts only while its document is still stored with the checksum it had
(``FileRecord.current``): a document forgotten, demoted or replaced from another file
since makes its files be read again.

A file refused for its content (``InputError`` while reading or extracting it: empty,
damaged, "no document number and no document type") is recorded as ``refused`` with
the reason and the version of the readers and extraction that refused it
(``reading_version``): while its size and time (or bytes) and that version stay the
same it is reported refused again from the record, unread (a scan is not OCR'd
again); ``ingest --reread`` reads it.  Crashes (bugs) and time-outs leave no record
(they are retried).  ``ingest --prune`` drops the records of files that are gone; an
older store, without records, has every file read once.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from vbgraph.graph.store import GraphStore, Row, write_batched
from vbgraph.queries.cypher import files as fq
from vbgraph.queries.cypher.ingest import CORPUS_KEY_SOURCES

#: Walked paths looked up per read.
LOOKUP_CHUNK = 1000
#: Outcomes whose file is recorded (its document, or the one it duplicates, is stored).
RECORDED = ("added", "replaced", "unchanged", "duplicate", "collision")
#: The outcome recorded for a file refused for its content.
REFUSED = "refused"


@dataclass(frozen=True, slots=True)
class FileStat:
    """A walked file as found on disk."""

    path: Path  # as walked (reported)
    resolved: str  # the record's key, and the stored documents' ``source``
    size: int
    mtime_ns: int


@dataclass(frozen=True, slots=True)
class FileRecord:
    """What the store remembers of a file (``current``: its document is still as it was)."""

    path: str
    size: int
    mtime_ns: int
    sha256: str
    key: str
    outcome: str
    current: bool
    source: str = ""  # the kept file, for a duplicate
    reason: str = ""  # why it was refused (without the path), for a refused file


def stat_files(paths: list[Path]) -> tuple[list[FileStat], list[Path]]:
    """Each file's size and time; files that cannot be stat'ed go as they are (to fail
    in the reader with its message)."""
    found, unknown = [], []
    for path in paths:
        try:
            st = path.stat()
            found.append(FileStat(path, str(path.resolve()), st.st_size, st.st_mtime_ns))
        except (OSError, RuntimeError):
            unknown.append(path)
    return found, unknown


def look_up(store: GraphStore, paths: list[str]) -> dict[str, FileRecord]:
    """The records of ``paths`` (resolved), ``LOOKUP_CHUNK`` paths per read."""
    out: dict[str, FileRecord] = {}
    for i in range(0, len(paths), LOOKUP_CHUNK):
        for row in store.read(fq.FILE_RECORDS, {"paths": paths[i : i + LOOKUP_CHUNK]}):
            out[row["path"]] = _record(row)
    return out


def _record(row: Row) -> FileRecord:
    if row.get("outcome") == REFUSED:  # counts while the same code would read it
        current = row.get("version") == reading_version()
    else:
        current = bool(row.get("doc_sha256")) and row.get("current_sha256") == row["doc_sha256"]
    return FileRecord(row["path"], _int(row.get("size")), _int(row.get("mtime_ns")),
                      row.get("sha256") or "", row.get("key") or "", row.get("outcome") or "",
                      current, row.get("source") or "", row.get("reason") or "")


def _int(value: object) -> int:
    return -1 if value is None else int(value)  # type: ignore[call-overload]


@cache
def reading_version() -> str:
    """vbgraph's version and a digest of the readers' and extraction's code and data
    (``vbgraph/loaders``): a refusal counts only while both are the same, so a new
    version, or any change to what reads and extracts files, reads refused files again."""
    import vbgraph
    import vbgraph.loaders

    digest = hashlib.sha256()
    root = Path(vbgraph.loaders.__file__).parent
    for path in sorted(root.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            digest.update(str(path.relative_to(root)).encode() + b"\0" + path.read_bytes())
    return f"{vbgraph.__version__}+{digest.hexdigest()[:16]}"


@dataclass(slots=True)
class Triage:
    """The walked files split: ``skip`` (unchanged, with their records) and ``read``."""

    skip: list[tuple[FileStat, FileRecord]]
    read: list[Path]
    touched: list[Row]  # records whose time is to be updated (same bytes)


def triage(store: GraphStore, files: list[Path],
           trust: bool = True) -> tuple[Triage, dict[str, FileStat]]:
    """Which of ``files`` must be read (all of them unless ``trust``ing the records);
    the stats of those that could be stat'ed, by path as walked (their records are
    written when they are stored)."""
    stats, unknown = stat_files(files)
    records = look_up(store, [s.resolved for s in stats]) if trust else {}
    out = Triage([], [], [])
    for st in stats:
        rec = records.get(st.resolved)
        if rec is not None and rec.current and rec.size == st.size:
            if rec.mtime_ns == st.mtime_ns:
                out.skip.append((st, rec))
                continue
            if rec.sha256 and _same_bytes(st, rec.sha256):
                out.skip.append((st, rec))
                out.touched.append({"path": st.resolved, "mtime_ns": st.mtime_ns})
                continue
        out.read.append(st.path)
    _recheck_duplicates(out, {s.resolved for s in stats})
    out.read += unknown
    order = {p: i for i, p in enumerate(files)}
    out.read.sort(key=order.__getitem__)
    if out.touched:
        write_batched(store, fq.SET_FILE_MTIMES, out.touched)
    return out, {str(s.path): s for s in stats}


def _recheck_duplicates(out: Triage, walked: set[str]) -> None:
    """A duplicate stays one only while the file it duplicates is unchanged: when that
    file is read again in this ingest, so is its duplicate (compared with its new text)."""
    skipped = {st.resolved for st, _ in out.skip}
    stale = [(st, rec) for st, rec in out.skip if rec.outcome == "duplicate"
             and rec.source in walked and rec.source not in skipped]
    for st, rec in stale:
        out.skip.remove((st, rec))
        out.read.append(st.path)
        out.touched = [t for t in out.touched if t["path"] != st.resolved]


def _same_bytes(st: FileStat, sha256: str) -> bool:
    try:
        return file_hash(st.path) == sha256
    except OSError:
        return False  # the reader reports it


def record_files(store: GraphStore, rows: list[Row]) -> None:
    """Write the records of stored files (``record_row``), one batched write."""
    write_batched(store, fq.MERGE_FILE_RECORDS, rows)


def document_checksums(store: GraphStore, keys: list[str]) -> list[str]:
    """The checksums the corpus documents ``keys`` have now ("" for one not stored)."""
    found: dict[str, str] = {}
    unique = sorted(set(keys))
    for i in range(0, len(unique), LOOKUP_CHUNK):
        rows = store.read(CORPUS_KEY_SOURCES, {"keys": unique[i : i + LOOKUP_CHUNK]})
        found.update((r["key"], r.get("sha256") or "") for r in rows)
    return [found.get(k, "") for k in keys]


def record_row(st: FileStat, sha256: str, key: str, outcome: str, doc_sha256: str) -> Row:
    return {"path": st.resolved, "size": st.size, "mtime_ns": st.mtime_ns,
            "sha256": sha256, "key": key, "outcome": outcome, "doc_sha256": doc_sha256,
            "reason": None, "version": None}


def refusal_row(st: FileStat, reason: str) -> Row | None:
    """The record of a file refused for its content (``reason`` as reported, its path
    first); None when the file cannot be hashed (it is then read again next time)."""
    try:
        sha256 = file_hash(st.path)
    except OSError:
        return None
    prefix = f"{st.path}: "
    tail = reason[len(prefix):] if reason.startswith(prefix) else reason
    return {"path": st.resolved, "size": st.size, "mtime_ns": st.mtime_ns, "sha256": sha256,
            "key": "", "outcome": REFUSED, "doc_sha256": "", "reason": tail,
            "version": reading_version()}


def drop_missing(store: GraphStore, roots: list[Path]) -> list[str]:
    """Drop the records of files under ``roots`` that are gone; returns their paths."""
    rows = store.read(fq.FILE_RECORDS_UNDER,
                      {"roots": sorted({str(r.resolve()) for r in roots})})
    gone = sorted(r["path"] for r in rows if not os.path.exists(r["path"]))
    drop_records(store, gone)
    return gone


def drop_records(store: GraphStore, paths: list[str]) -> None:
    for i in range(0, len(paths), LOOKUP_CHUNK):
        store.write(fq.DELETE_FILE_RECORDS, {"paths": paths[i : i + LOOKUP_CHUNK]})


def file_hash(path: Path) -> str:
    """The checksum of ``path``'s bytes, read in blocks (bounded memory)."""
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()
