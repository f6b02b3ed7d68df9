"""Real-world ingestion: mixed folders, re-ingest, changed and removed files, locks, kill -9."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests import format_fixtures as ff
from vbgraph.cli import cli
from vbgraph.graph.falkor_store import DB_FILENAME, LOCK_FILENAME, FalkorStore
from vbgraph.graph.lock import file_lock
from vbgraph.pipeline import ingest_paths
from vbgraph.queries import corpus, documents

SEED_590 = "001_442fd82c9306811c.txt"


def stats(store_dir: Path) -> dict[str, object]:
    import json

    result = CliRunner().invoke(cli, ["--store", str(store_dir), "stats", "--json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)  # type: ignore[no-any-return]


def ingest(store_dir: Path, *args: str) -> object:
    return CliRunner().invoke(cli, ["--store", str(store_dir), "ingest", *args])


def variant(text: str, number: int) -> str:
    """The 590/QĐ-UBND decision renumbered: a different document with the same content."""
    return text.replace("Số: 590/QĐ-UBND", f"Số: {number}/QĐ-UBND").replace(
        "Quyết định số 590 /QĐ-UBND", f"Quyết định số {number}/QĐ-UBND")


def test_mixed_folder_with_bad_files(tmp_path: Path, seeds_dir: Path) -> None:
    folder = tmp_path / "mixed"
    folder.mkdir()
    text = (seeds_dir / SEED_590).read_text("utf-8")
    (folder / "590.txt").write_text(text, encoding="utf-8")
    ff.make_docx(folder / "590.docx")
    (folder / "590.html").write_text(ff.portal_page(ff.decision_590()), encoding="utf-8")
    other = (seeds_dir / "002_8eda3a25e50b8ea0.txt").read_text("utf-8")
    (folder / "119-cp1258.txt").write_bytes(ff.encode_cp1258(other))
    (folder / "empty.txt").write_bytes(b"")
    (folder / "blob.txt").write_bytes(bytes(range(256)) * 8)
    ff.make_pdf(tmp_path / "whole.pdf", ff.find_vietnamese_font())
    (folder / "cut.pdf").write_bytes((tmp_path / "whole.pdf").read_bytes()[:400])
    store = tmp_path / "store"

    first = ingest(store, str(folder))
    assert first.exit_code == 1
    errors = [line for line in first.stderr.splitlines() if line.startswith("Error:")]
    assert len(errors) == 3
    for name in ("empty.txt", "blob.txt", "cut.pdf"):
        assert sum(name in line for line in errors) == 1
    # 590.docx and 590.html hold the same short text (a duplicate of each other); the .txt
    # holds the decision with its plan, a different text: kept apart, the collision noted.
    notes = [line for line in first.stderr.splitlines() if line.startswith("Note:")]
    assert len(notes) == 2, notes
    assert sum("same document as" in n for n in notes) == 1
    assert sum("a different document" in n for n in notes) == 1
    counts = stats(store)
    assert counts["documents"] == {"in_corpus": 3, "stubs": counts["documents"]["stubs"]}  # type: ignore[index]

    second = ingest(store, str(folder))
    assert second.exit_code == 1
    assert stats(store) == counts


def test_a_document_without_a_number_is_stored_under_its_own_key(tmp_path: Path) -> None:
    """A draft's blank "Số:" (or a number OCR lost) is no reason to lose the document; a
    text that is no policy document at all is still refused (written for this test)."""
    folder = tmp_path / "drafts"
    folder.mkdir()
    draft = (
        "ỦY BAN NHÂN DÂN\nTỈNH LÀO CAI\nSố:      /KH-UBND\n"
        "Lào Cai, ngày    tháng 3 năm 2026\n\nKẾ HOẠCH\nTriển khai công tác quản lý khoáng sản\n"
        "\n1. Sở Công Thương chủ trì rà soát các mỏ khoáng sản.\n"
    )
    (folder / "draft.txt").write_text(draft, encoding="utf-8")
    (folder / "other-draft.txt").write_text(draft.replace("rà soát", "kiểm tra"), encoding="utf-8")
    (folder / "notes.txt").write_text("Ghi chú họp nhóm: mang máy chiếu.\n", encoding="utf-8")
    store = tmp_path / "store"

    first = ingest(store, str(folder))
    assert first.exit_code == 1
    errors = [line for line in first.stderr.splitlines() if line.startswith("Error:")]
    assert len(errors) == 1 and "notes.txt" in errors[0]
    notes = [line for line in first.stderr.splitlines() if "unnumbered:" in line]
    assert len(notes) == 2
    assert stats(store)["documents"]["in_corpus"] == 2  # type: ignore[index]
    again = ingest(store, str(folder))
    assert "2 unchanged" in again.output + again.stderr


def test_changed_file_replaces_its_statements(tmp_path: Path, seeds_dir: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    text = (seeds_dir / SEED_590).read_text("utf-8")
    doc = folder / "590.txt"
    doc.write_text(text, encoding="utf-8")
    store_dir = tmp_path / "store"
    assert ingest(store_dir, str(folder)).exit_code == 0
    store = FalkorStore(store_dir)
    try:
        cited = {r["symbol"] for r in documents.show(store, "590/QĐ-UBND").rests_on}
        assert "28-CT/TW" in cited
    finally:
        store.close()

    # The researcher deletes the sentence that cites 28-CT/TW.
    edited = "\n".join(line for line in text.splitlines() if "28-CT/TW" not in line)
    doc.write_text(edited, encoding="utf-8")
    result = ingest(store_dir, str(folder))
    assert result.exit_code == 0
    assert "1 replaced" in result.stderr
    store = FalkorStore(store_dir)
    try:
        cited = {r["symbol"] for r in documents.show(store, "590/QĐ-UBND").rests_on}
        assert "28-CT/TW" not in cited
        assert "45-CTr/TU" in cited
        with pytest.raises(Exception, match="no document"):
            documents.find_document(store, "28-CT/TW")  # the stub nobody cites is gone
    finally:
        store.close()


def test_file_renumbered_and_prune(tmp_path: Path, seeds_dir: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    text = (seeds_dir / SEED_590).read_text("utf-8")
    doc = folder / "590.txt"
    doc.write_text(text, encoding="utf-8")
    (folder / "997.txt").write_bytes((seeds_dir / "000_29fe0bc805b62d20.txt").read_bytes())
    store_dir = tmp_path / "store"
    assert ingest(store_dir, str(folder)).exit_code == 0

    doc.write_text(variant(text, 591), encoding="utf-8")  # the number was mistyped
    assert ingest(store_dir, str(folder)).exit_code == 0
    store = FalkorStore(store_dir)
    try:
        keys = {r["key"] for r in store.read(
            "MATCH (d:Document {in_corpus: true}) RETURN d.key AS key")}
        assert keys == {"591/QĐ-UBND|Quảng Ngãi|2014", "997/QĐ-UBND|Quảng Ngãi|2017"}
    finally:
        store.close()

    (folder / "997.txt").unlink()
    result = ingest(store_dir, str(folder), "--prune")
    assert result.exit_code == 0
    assert "1 pruned" in result.stderr
    assert stats(store_dir)["documents"]["in_corpus"] == 1  # type: ignore[index]


def test_workers_give_the_same_graph(tmp_path: Path, seeds_dir: Path) -> None:
    one, two = tmp_path / "one", tmp_path / "two"
    assert ingest(one, str(seeds_dir)).exit_code == 0
    assert ingest(two, str(seeds_dir), "--workers", "2").exit_code == 0
    assert stats(one) == stats(two)


def test_second_writer_waits_then_fails_clearly(tmp_path: Path, seeds_dir: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    store_dir = tmp_path / "store"
    store_dir.mkdir()
    monkeypatch.setenv("VBGRAPH_LOCK_TIMEOUT", "0.5")
    with file_lock(store_dir / LOCK_FILENAME):
        result = ingest(store_dir, str(seeds_dir))
    assert result.exit_code == 1
    assert "is being written by vbgraph pid" in result.stderr
    assert ingest(store_dir, str(seeds_dir)).exit_code == 0  # free again


def test_kill_9_mid_ingest_loses_nothing_committed(tmp_path: Path, seeds_dir: Path) -> None:
    folder = tmp_path / "many"
    folder.mkdir()
    text = (seeds_dir / SEED_590).read_text("utf-8")
    total = 40
    for n in range(total):
        (folder / f"{1000 + n}.txt").write_text(variant(text, 1000 + n), encoding="utf-8")
    store_dir = tmp_path / "store"
    cmd = [sys.executable, "-m", "vbgraph.cli", "--store", str(store_dir), "ingest", str(folder),
           "--batch", "4"]
    proc = subprocess.Popen(cmd, stderr=subprocess.PIPE, text=True)
    added: list[str] = []
    assert proc.stderr is not None
    deadline = time.monotonic() + 120
    while len(added) < 8 and time.monotonic() < deadline:
        line = proc.stderr.readline()
        if not line:
            break
        if line.startswith("added"):  # "added     KEY  (PATH)"
            added.append(line[len("added"):].rsplit("  (", 1)[0].strip())
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert len(added) == 8

    store = FalkorStore(store_dir)  # the server the killed process started is still serving
    try:
        stored = {r["key"] for r in store.read(
            "MATCH (d:Document {in_corpus: true}) RETURN d.key AS key")}
        assert set(added) <= stored
        assert len(stored) < total
        report = ingest_paths(store, [folder])
        assert report.counts().get("failed", 0) == 0
        assert report.counts()["unchanged"] >= len(added)
        assert corpus.stats(store)["documents"]["in_corpus"] == total
    finally:
        store.close()


def test_killed_server_keeps_every_committed_write(tmp_path: Path, seeds_dir: Path) -> None:
    """The append-only file is the one durable copy: no snapshot is taken (not during an
    ingest, not at close), and a server killed outright loses nothing it acknowledged."""
    store_dir = tmp_path / "store"
    assert ingest(store_dir, str(seeds_dir)).exit_code == 0
    assert not (store_dir / DB_FILENAME).exists()  # closed without writing a snapshot
    before = stats(store_dir)
    store = FalkorStore(store_dir)
    pid = store.server_pid
    store.write("MERGE (a:Agency {key: 'killed-test|'}) SET a.name = 'written last'")
    os.kill(pid, signal.SIGKILL)
    for _ in range(500):  # until the kernel has reaped it (it is not our child)
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            break
        time.sleep(0.01)
    with contextlib.suppress(Exception):
        store.close()
    reopened = FalkorStore(store_dir)
    try:
        assert reopened.read("MATCH (a:Agency {key: 'killed-test|'}) RETURN a.name AS name") \
            == [{"name": "written last"}]
    finally:
        reopened.close()
    after = stats(store_dir)
    assert after["documents"] == before["documents"]
    assert after["tasks"] == before["tasks"] and after["edges"] == before["edges"]
    assert not (store_dir / DB_FILENAME).exists()


def test_batch_cut_before_its_checksums_is_stored_again(store: FalkorStore, seeds_dir: Path,
                                                         tmp_path: Path) -> None:
    """A batch interrupted after its statements but before its checksums is redone, not skipped."""
    from vbgraph.queries.cypher.ingest import SET_CHECKSUMS

    clean = tmp_path / "clean"
    assert ingest(clean, str(seeds_dir)).exit_code == 0

    class Interrupted(Exception):
        pass

    real_write = store.write

    def write_until_checksums(query: str, params: dict[str, object] | None = None) -> None:
        if query == SET_CHECKSUMS:
            raise Interrupted
        real_write(query, params)

    store.write = write_until_checksums  # type: ignore[method-assign]
    try:
        with pytest.raises(Interrupted):
            ingest_paths(store, [seeds_dir])
    finally:
        store.write = real_write  # type: ignore[method-assign]
    assert corpus.stats(store)["documents"]["in_corpus"] == 5  # statements are there ...
    report = ingest_paths(store, [seeds_dir])
    assert report.counts() == {"replaced": 5}  # ... but without checksums they are redone
    assert corpus.stats(store) == stats(clean)


def test_workers_hold_the_next_batch_while_one_is_stored(monkeypatch: pytest.MonkeyPatch,
                                                         tmp_path: Path) -> None:
    """The files handed to the workers cover the batch being gathered and the next files
    beyond it, so the workers extract while the caller stores (bench finding I6)."""
    from concurrent.futures import ThreadPoolExecutor

    from vbgraph import pipeline

    handed: list[Path] = []
    monkeypatch.setattr(pipeline, "_pool", ThreadPoolExecutor)
    monkeypatch.setattr(pipeline, "extract_file", lambda p: handed.append(p) or str(p))
    paths = [tmp_path / f"{n}.txt" for n in range(200)]
    results = pipeline._results(paths, workers=2, batch=50)
    window = 50 + 2 * pipeline.AHEAD_PER_WORKER  # handed out before the first result
    got = [next(results) for _ in range(50)]  # a whole batch gathered: the caller stores it
    assert [p for p, _ in got] == paths[:50]
    for _ in range(100):  # the thread pool may still be starting the last ones
        if len(handed) >= 50 + window:
            break
        time.sleep(0.01)
    assert sorted(handed, key=paths.index) == paths[: 50 + window]
    assert [p for p, _ in results] == paths[50:]  # the rest, in order, each once
    assert sorted(handed, key=paths.index) == paths
