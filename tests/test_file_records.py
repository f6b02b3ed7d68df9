"""Unchanged files are skipped before they are read (issue 19): per-file records of size,
modification time and checksum in the store, looked up in one read per 1,000 files.

"Not read" is proved by making reading fail: ``pipeline.extract_file`` (what a worker
runs for a file) and ``file_records.file_hash`` (the main process's checksum of a
touched file) are replaced by counters that raise.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.test_cypher import _lint
from vbgraph import pipeline
from vbgraph.graph import file_records
from vbgraph.graph.falkor_result import params_header
from vbgraph.graph.falkor_store import FalkorStore
from vbgraph.graph.ingest import forget_document
from vbgraph.graph.store import GraphStore, prepare_for_writing
from vbgraph.pipeline import ingest_paths
from vbgraph.queries.cypher import files as fq

SEED_590 = "001_442fd82c9306811c.txt"
KEY_590 = "590/QĐ-UBND|Quảng Ngãi|2014"


class Reads:
    """Counts the files read (in this process: ``workers=1``) and hashed; ``forbid`` makes
    either raise, so a file opened where it should not be fails the test."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.read: list[str] = []
        self.hashed: list[str] = []
        self.forbid = False
        extract, digest = pipeline.extract_file, file_records.file_hash

        def counted(log: list[str], real: Callable[[Path], Any]) -> Callable[[Path], Any]:
            def run(path: Path) -> Any:
                if self.forbid:
                    raise AssertionError(f"{path} was opened")
                log.append(Path(path).name)
                return real(path)
            return run

        monkeypatch.setattr(pipeline, "extract_file", counted(self.read, extract))
        monkeypatch.setattr(file_records, "file_hash", counted(self.hashed, digest))

    def reset(self) -> None:
        self.read.clear()
        self.hashed.clear()


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> Reads:
    return Reads(monkeypatch)


@pytest.fixture
def folder(tmp_path: Path, seeds_dir: Path) -> Path:
    out = tmp_path / "in"
    shutil.copytree(seeds_dir, out)
    return out


def statuses(store: GraphStore, folder: Path, **kw: Any) -> dict[str, str]:
    report = ingest_paths(store, [folder], **kw)
    return {Path(o.path).name: o.status for o in report.outcomes}


def record(store: GraphStore, path: Path) -> dict[str, Any] | None:
    rows = store.read(fq.FILE_RECORDS, {"paths": [str(path.resolve())]})
    return rows[0] if rows else None


def test_unchanged_folder_is_not_read_again(store: FalkorStore, folder: Path,
                                            reads: Reads) -> None:
    first = statuses(store, folder)
    assert set(first.values()) == {"added"} and len(reads.read) == 5
    reads.forbid = True  # nothing may be opened now: not read, not hashed
    assert statuses(store, folder) == dict.fromkeys(first, "unchanged")
    rec = record(store, folder / SEED_590)
    assert rec is not None and rec["key"] == KEY_590 and rec["outcome"] == "added"
    assert rec["size"] == (folder / SEED_590).stat().st_size
    assert rec["mtime_ns"] == (folder / SEED_590).stat().st_mtime_ns


def test_touched_file_with_the_same_bytes_is_hashed_not_read(store: FalkorStore, folder: Path,
                                                             reads: Reads) -> None:
    statuses(store, folder)
    reads.reset()
    path = folder / SEED_590
    later = path.stat().st_mtime_ns + 5_000_000_000
    os.utime(path, ns=(later, later))
    assert statuses(store, folder)[SEED_590] == "unchanged"
    assert reads.read == [] and reads.hashed == [SEED_590]
    rec = record(store, path)
    assert rec is not None and rec["mtime_ns"] == later
    reads.forbid = True  # its record has the new time: not even hashed again
    assert statuses(store, folder)[SEED_590] == "unchanged"


def test_changed_file_of_the_same_size_is_read(store: FalkorStore, folder: Path,
                                               reads: Reads) -> None:
    statuses(store, folder)
    reads.reset()
    path = folder / SEED_590
    size, mtime = path.stat().st_size, path.stat().st_mtime_ns
    data = bytearray(path.read_bytes())
    data[data.rindex(b"a")] = ord("b")  # one letter of the body: same size, other bytes
    path.write_bytes(bytes(data))
    assert path.stat().st_size == size
    os.utime(path, ns=(mtime + 1, mtime + 1))
    assert statuses(store, folder)[SEED_590] == "replaced"
    assert reads.read == [SEED_590] and reads.hashed == [SEED_590]
    rec = record(store, path)
    assert rec is not None and rec["outcome"] == "replaced" and rec["mtime_ns"] == mtime + 1


def test_a_file_whose_document_was_forgotten_is_read_again(store: FalkorStore, folder: Path,
                                                           reads: Reads) -> None:
    statuses(store, folder)
    reads.reset()
    forget_document(store, KEY_590)
    assert statuses(store, folder)[SEED_590] == "added"
    assert reads.read == [SEED_590]


def test_a_refused_file_is_recorded_and_not_read_again(store: FalkorStore, folder: Path,
                                                       reads: Reads) -> None:
    bad = folder / "empty.txt"
    bad.write_bytes(b"")
    first = ingest_paths(store, [folder])
    [failed] = first.failed
    assert failed.reason == f"{bad}: the file is empty (0 bytes); get the document again"
    rec = record(store, bad)
    assert rec is not None and rec["outcome"] == "refused" and rec["key"] == ""
    assert rec["version"] == file_records.reading_version()
    reads.forbid = True  # unchanged: reported refused again, from its record, unread
    again = ingest_paths(store, [folder])
    assert [(o.path, o.status, o.reason) for o in again.failed] == [
        (failed.path, "failed", failed.reason)]


def test_a_refused_file_no_document_is_recorded(store: FalkorStore, folder: Path,
                                                reads: Reads) -> None:
    # read fine, refused by the main process: no number and no document type
    note = folder / "ghi-chu.txt"
    note.write_text("Ghi chú họp tổ, không phải văn bản.\n", encoding="utf-8")
    [failed] = ingest_paths(store, [folder]).failed
    assert "no document number" in failed.reason
    reads.forbid = True
    [again] = ingest_paths(store, [folder]).failed
    assert again.reason == failed.reason


def test_a_refused_file_is_read_again_when_it_changes(store: FalkorStore, folder: Path,
                                                      reads: Reads) -> None:
    bad = folder / "draft.txt"
    bad.write_text("Ghi chú họp tổ.\n", encoding="utf-8")
    assert statuses(store, folder)["draft.txt"] == "failed"
    reads.reset()
    mtime = bad.stat().st_mtime_ns
    os.utime(bad, ns=(mtime + 5_000_000_000,) * 2)  # touched, same bytes: hashed only
    assert statuses(store, folder)["draft.txt"] == "failed"
    assert reads.read == [] and reads.hashed == ["draft.txt"]
    shutil.copy(folder / SEED_590, bad)  # now a document
    assert statuses(store, folder)["draft.txt"] == "duplicate"
    assert "draft.txt" in reads.read
    rec = record(store, bad)
    assert rec is not None and rec["outcome"] == "duplicate" and rec["reason"] is None


def test_a_refused_file_is_read_again_with_reread_or_new_code(
        store: FalkorStore, folder: Path, reads: Reads,
        monkeypatch: pytest.MonkeyPatch) -> None:
    (folder / "empty.txt").write_bytes(b"")
    statuses(store, folder)
    reads.reset()
    assert statuses(store, folder, reread=True)["empty.txt"] == "failed"
    assert "empty.txt" in reads.read
    reads.reset()
    monkeypatch.setattr(file_records, "reading_version", lambda: "0.2.0+other")
    assert statuses(store, folder)["empty.txt"] == "failed"
    assert reads.read == ["empty.txt"]  # the records of the stored files still count
    reads.reset()
    assert statuses(store, folder)["empty.txt"] == "failed"
    assert reads.read == []  # recorded again under the new version


def test_a_crash_or_time_out_is_not_recorded(store: FalkorStore, folder: Path,
                                             reads: Reads,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    from vbgraph.loaders.formats import read as read_module

    def broken(path: str | Path) -> Any:
        if Path(path).name == SEED_590:
            raise ZeroDivisionError("a bug")
        return real_read(path)

    real_read = read_module.read_document
    monkeypatch.setattr(pipeline, "read_document", broken)
    report = ingest_paths(store, [folder])
    [failed] = report.failed
    assert "internal error" in failed.reason and "ZeroDivisionError" in failed.reason
    assert record(store, folder / SEED_590) is None
    reads.reset()
    monkeypatch.setattr(pipeline, "read_document", real_read)
    assert statuses(store, folder)[SEED_590] == "added"
    assert reads.read == [SEED_590]


def test_reading_version_follows_the_code(tmp_path: Path) -> None:
    import vbgraph

    version = file_records.reading_version()
    assert version.startswith(vbgraph.__version__ + "+") and len(version.split("+")[1]) == 16


def test_reread_reads_every_file(store: FalkorStore, folder: Path, reads: Reads) -> None:
    statuses(store, folder)
    reads.reset()
    assert set(statuses(store, folder, reread=True).values()) == {"unchanged"}
    assert len(reads.read) == 5


def test_a_duplicate_stays_reported_unread(store: FalkorStore, folder: Path,
                                           reads: Reads) -> None:
    (folder / "copy").mkdir()
    shutil.copy(folder / SEED_590, folder / "copy" / "590-copy.txt")
    assert statuses(store, folder)["590-copy.txt"] == "duplicate"
    reads.forbid = True
    report = ingest_paths(store, [folder])
    [dup] = [o for o in report.outcomes if o.status == "duplicate"]
    assert dup.path.endswith("590-copy.txt") and SEED_590 in dup.reason
    # The kept document changes: the copy is compared with it again, so read again.
    reads.forbid = False
    reads.reset()
    kept = folder / SEED_590
    kept.write_text(kept.read_text("utf-8") + "\nGhi chú thêm.\n", encoding="utf-8")
    assert statuses(store, folder)[SEED_590] == "replaced"
    assert sorted(reads.read) == sorted([SEED_590, "590-copy.txt"])


def test_prune_drops_the_records_of_files_gone(store: FalkorStore, folder: Path,
                                               reads: Reads) -> None:
    (folder / "copy").mkdir()
    shutil.copy(folder / SEED_590, folder / "copy" / "590-copy.txt")
    statuses(store, folder)
    gone = [folder / "000_29fe0bc805b62d20.txt", folder / "copy" / "590-copy.txt"]
    for path in gone:
        assert record(store, path) is not None
        path.unlink()
    report = ingest_paths(store, [folder], prune=True)
    assert report.counts()["pruned"] == 1
    assert [record(store, p) for p in gone] == [None, None]
    assert record(store, folder / SEED_590) is not None


def test_a_store_without_records_reads_everything_once(store: FalkorStore, folder: Path,
                                                       reads: Reads) -> None:
    statuses(store, folder)
    store.write("MATCH (f:File) DELETE f")  # as a store written before the records
    reads.reset()
    assert set(statuses(store, folder).values()) == {"unchanged"}
    assert len(reads.read) == 5
    reads.forbid = True
    assert set(statuses(store, folder).values()) == {"unchanged"}


def test_the_look_up_is_chunked(store: FalkorStore, folder: Path,
                                monkeypatch: pytest.MonkeyPatch) -> None:
    statuses(store, folder)
    monkeypatch.setattr(file_records, "LOOKUP_CHUNK", 2)
    sent: list[int] = []
    read = store.read

    def spy(query: str, params: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        if query == fq.FILE_RECORDS:
            sent.append(len((params or {})["paths"]))
        return read(query, params)

    monkeypatch.setattr(store, "read", spy)
    assert set(statuses(store, folder).values()) == {"unchanged"}
    assert sent == [2, 2, 1]


def test_records_over_bolt(bolt_uri: str, folder: Path, reads: Reads) -> None:
    from vbgraph.graph.neo4j_store import Neo4jStore

    store = Neo4jStore(bolt_uri, "neo4j", "")
    try:
        store.clear()
        prepare_for_writing(store)
        assert set(statuses(store, folder).values()) == {"added"}
        reads.forbid = True
        assert set(statuses(store, folder).values()) == {"unchanged"}
    finally:
        store.clear()
        store.close()


def test_every_text_passes_neo4j_parser_and_runs_on_falkordb(store: FalkorStore) -> None:
    texts = fq.every_text()
    assert {"FILE_RECORDS", "MERGE_FILE_RECORDS", "FILE_SCHEMA[neo4j][0]"} <= set(texts)
    assert {name: d for name, d in _lint(texts).items() if d} == {}
    refused = {**file_records.record_row(file_records.FileStat(Path("/y"), "/y", 1, 2), "s",
                                         "", "refused", ""), "reason": "empty", "version": "v"}
    params = {"paths": ["/x"], "roots": ["/"], "rows": [file_records.record_row(
        file_records.FileStat(Path("/x"), "/x", 1, 2), "s", "k", "added", "s"), refused]}
    for name, text in texts.items():
        if not name.startswith("FILE_SCHEMA"):
            used = {k: v for k, v in params.items() if f"${k}" in text}
            (store.write if "SET" in text or "DELETE" in text else store.read)(text, used)


def test_the_look_up_starts_from_the_path_index(store: FalkorStore) -> None:
    plan = store._graph.execute_command(
        "GRAPH.EXPLAIN", store._graph.name,
        params_header({"paths": ["/a", "/b"]}) + fq.FILE_RECORDS)
    scans = [line.strip() for line in plan if "Scan" in line]
    assert scans and all("Index Scan" in line for line in scans), scans
