"""Ingest of real files: files/s and MB/s per format, time per stage, slowest files, and
re-ingests of the folder unchanged and after every file was touched (issue 19).

```
python bench/real_files.py                               # ../shared/corpus/formats, 2 workers
python bench/real_files.py ~/van-ban --label my-folder   # any real folder(s)
python bench/real_files.py --copies 11 --no-scans --no-stages   # ~1,400 files, no OCR
python bench/real_files.py --generated 1400 --no-stages  # 1,400 generated documents, all stored
PYTHONPATH=/tmp/before/src python bench/real_files.py --label before --code 9b112c4  # other code
python bench/real_files.py --table bench/results/real-files-*.json    # the README's table
```

The folders are copied into a temporary directory first (``--copies N``: N copies side
by side, each a duplicate of the first), so touching them leaves the originals alone;
``--no-scans`` leaves out PDFs without a text layer (OCR takes minutes a file: the
first ingest of many copies would be hours of Tesseract).
Then, in this process:

* **stages**: every file is read (``read_document``) and extracted (``extract``) one
  after the other, timed apart (wall seconds of one process: per core), summed per
  format: files/s and MB/s per format per core;
* **first ingest**: ``ingest_paths(..., workers=2)`` into a new embedded store, as
  ``vbgraph ingest --workers 2`` runs it (store opening included); the store stage is
  the time spent storing batches (``_Ingest.flush``), the rest is waiting for the
  workers; per format, the workers' read+extract seconds when the version reports
  them (``FileOutcome.seconds``);
* **unchanged**: the same ingest again, nothing changed (``triage_s``: the stat of
  every file and the store look-up of their records, when the version has them);
* **touched**: every file's modification time moved forward, bytes the same, again.

One JSON file (``--out``, default ``bench/results/real-files-<label>.json``): small,
no per-file lists beyond the slowest.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

import vbgraph
from vbgraph import pipeline
from vbgraph.graph.falkor_store import FalkorStore
from vbgraph.graph.store import prepare_for_writing
from vbgraph.loaders.extraction import extract
from vbgraph.loaders.formats.read import read_document
from vbgraph.loaders.formats.walk import iter_entries

ROOT = Path(__file__).resolve().parents[1]
FORMATS = ROOT.parent / "shared" / "corpus" / "formats"
SLOWEST = 10


def copy_folders(folders: list[Path], into: Path, copies: int,
                 scans: bool = True) -> list[Path]:
    out = []
    for n in range(copies):
        for i, folder in enumerate(folders):
            target = into / f"copy{n}" / f"{i}-{folder.name}"
            shutil.copytree(folder, target, ignore=shutil.ignore_patterns("MANIFEST.md"))
            if not scans:
                for pdf in target.rglob("*.pdf"):
                    if is_scan(pdf):
                        pdf.unlink()
            out.append(target)
    return out


def is_scan(path: Path) -> bool:
    """A PDF without a text layer worth the name (read by OCR)."""
    import pypdfium2 as pdfium

    try:
        document = pdfium.PdfDocument(path)
    except pdfium.PdfiumError:
        return False
    try:
        return all(document[i].get_textpage().count_chars() < 200
                   for i in range(len(document)))
    finally:
        document.close()


def files_of(folders: list[Path]) -> list[Path]:
    return [e for e in iter_entries(folders) if isinstance(e, Path)]


def fmt(path: Path) -> str:
    return path.suffix.lower().lstrip(".") or "(none)"


def stages(files: list[Path]) -> dict[str, dict[str, float]]:
    """Read and extract every file in this process, timed apart, summed per format."""
    per: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    for path in files:
        row = per[fmt(path)]
        row["files"] += 1
        row["mb"] += path.stat().st_size / 1e6
        started = time.perf_counter()
        try:
            doc = read_document(path)
        except Exception:
            row["read_s"] += time.perf_counter() - started
            row["failed"] += 1
            continue
        read = time.perf_counter()
        try:
            extract(doc)
        except Exception:
            row["failed"] += 1
        row["read_s"] += read - started
        row["extract_s"] += time.perf_counter() - read
    for row in per.values():
        busy = row["read_s"] + row["extract_s"]
        row["files_per_s"] = row["files"] / busy if busy else 0.0
        row["mb_per_s"] = row["mb"] / busy if busy else 0.0
    return {k: dict(v) for k, v in sorted(per.items())}


def ingest(store_dir: Path, folders: list[Path], workers: int) -> tuple[dict[str, Any], list[Any]]:
    """One ``ingest_paths`` run, wall-timed from opening the store to closing it."""
    spent: dict[str, float] = defaultdict(float)
    methods = {name: getattr(pipeline._Ingest, name) for name in ("flush", "triage")
               if hasattr(pipeline._Ingest, name)}

    def timed(name: str) -> Any:
        def method(self: Any, *args: Any) -> Any:
            started = time.perf_counter()
            try:
                return methods[name](self, *args)
            finally:
                spent[name] += time.perf_counter() - started
        return method

    for name in methods:
        setattr(pipeline._Ingest, name, timed(name))
    started = time.perf_counter()
    try:
        with FalkorStore(store_dir) as store:
            prepare_for_writing(store)
            report = pipeline.ingest_paths(store, folders, workers=workers)
    finally:
        for name, method in methods.items():
            setattr(pipeline._Ingest, name, method)
    wall = time.perf_counter() - started
    files = len(report.outcomes)
    read_mb = sum(getattr(o, "bytes_read", 0) for o in report.outcomes) / 1e6
    return {"wall_s": round(wall, 2), "files_per_s": round(files / wall, 2),
            "store_s": round(spent["flush"], 2), "triage_s": round(spent["triage"], 2),
            "read_mb": round(read_mb, 1),
            "counts": report.counts()}, report.outcomes


def touch_all(files: list[Path]) -> None:
    later = time.time_ns() + 10_000_000_000
    for path in files:
        os.utime(path, ns=(later, later))


def worker_seconds(outcomes: list[Any]) -> dict[str, float]:
    per: dict[str, float] = defaultdict(float)
    for o in outcomes:
        per[fmt(Path(o.path))] += getattr(o, "seconds", 0.0)
    return {k: round(v, 2) for k, v in sorted(per.items())}


def commit() -> str:
    where = Path(vbgraph.__file__).resolve().parent
    try:
        out = subprocess.run(["git", "-C", str(where), "rev-parse", "--short", "HEAD"],
                             capture_output=True, text=True, check=True, timeout=10)
        dirty = subprocess.run(["git", "-C", str(where), "status", "--porcelain", "."],
                               capture_output=True, text=True, check=True, timeout=10)
        return out.stdout.strip() + ("+changes" if dirty.stdout.strip() else "")
    except (OSError, subprocess.SubprocessError):
        return f"(not a git checkout: {where})"


def run(folders: list[Path], workers: int, copies: int, label: str,
        with_stages: bool = True, scans: bool = True, generated: int = 0,
        code: str = "") -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix="vbgraph-real-") as tmp:
        if generated:
            sys.path.insert(0, str(ROOT / "bench"))
            from generator import generate

            folders = [Path(tmp) / "generated"]
            generate(generated, 40, seed=1).write(folders[0])
        work = copy_folders(folders, Path(tmp) / "in", copies, scans)
        files = files_of(work)
        result: dict[str, Any] = {
            "label": label, "code": code or commit(), "folders": [str(f) for f in folders],
            "copies": copies, "scans": scans, "workers": workers, "files": len(files),
            "mb": round(sum(p.stat().st_size for p in files) / 1e6, 1),
            "formats": dict(sorted({f: sum(fmt(p) == f for p in files)
                                    for f in {fmt(p) for p in files}}.items())),
        }
        if with_stages:
            per = stages(files_of(work[: len(folders)]))  # one copy: the others are the same
            result["stages"] = {k: {n: round(v, 3) for n, v in row.items()}
                                for k, row in per.items()}
        store = Path(tmp) / "store"
        runs: dict[str, Any] = {}
        runs["first"], outcomes = ingest(store, work, workers)
        result["worker_seconds_by_format"] = worker_seconds(outcomes)
        result["slowest"] = [{"path": str(Path(o.path).relative_to(tmp)),
                              "seconds": round(o.seconds, 2)}
                             for o in sorted(outcomes, key=lambda o: -getattr(o, "seconds", 0))
                             [:SLOWEST] if getattr(o, "seconds", 0)]
        runs["unchanged"], _ = ingest(store, work, workers)
        touch_all(files)
        runs["touched"], _ = ingest(store, work, workers)
        result["ingest"] = runs
    return result


def table(paths: list[Path]) -> str:
    """The README's rows: one per saved run."""
    lines = ["| run | files | MB | first ingest s (files/s) | store s | unchanged re-ingest s "
             "(files/s) | touched re-ingest s | slowest file s |",
             "|---|---|---|---|---|---|---|---|"]
    for path in paths:
        r = json.loads(path.read_text("utf-8"))
        first, same, touched = (r["ingest"][k] for k in ("first", "unchanged", "touched"))
        slow = r["slowest"][0]["seconds"] if r.get("slowest") else "-"
        lines.append(f"| {r['label']} (`{r['code']}`) | {r['files']:,} | {r['mb']:.0f} | "
                     f"{first['wall_s']:.1f} ({first['files_per_s']:.1f}) | "
                     f"{first['store_s']:.1f} | {same['wall_s']:.1f} "
                     f"({same['files_per_s']:.1f}) | {touched['wall_s']:.1f} | {slow} |")
    stage_rows = ["", "| run | format | files | MB | read s | extract s | files/s/core | "
                  "MB/s/core |", "|---|---|---|---|---|---|---|---|"]
    for path in paths:
        r = json.loads(path.read_text("utf-8"))
        for f, s in (r.get("stages") or {}).items():
            stage_rows.append(f"| {r['label']} | {f} | {s['files']:.0f} | {s['mb']:.1f} | "
                              f"{s['read_s']:.2f} | {s.get('extract_s', 0):.2f} | "
                              f"{s['files_per_s']:.1f} | {s['mb_per_s']:.2f} |")
    return "\n".join(lines + stage_rows)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folders", nargs="*", type=Path)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--copies", type=int, default=1)
    parser.add_argument("--label", default="current")
    parser.add_argument("--no-stages", action="store_true",
                        help="skip the per-stage pass (one process over every file)")
    parser.add_argument("--generated", type=int, default=0, metavar="N",
                        help="instead of folders: N generated documents (run.py's generator)")
    parser.add_argument("--code", default="",
                        help="the version measured, when not this checkout (PYTHONPATH=...)")
    parser.add_argument("--no-scans", action="store_true",
                        help="leave out PDFs without a text layer (OCR)")
    parser.add_argument("--out", type=Path, help="the JSON file (default bench/results/...)")
    parser.add_argument("--table", nargs="+", type=Path, help="print the README table")
    args = parser.parse_args(argv)
    if args.table:
        print(table(args.table))
        return
    folders = args.folders or ([] if args.generated else [FORMATS])
    missing = [f for f in folders if not f.is_dir()]
    if missing:
        sys.exit(f"not a folder: {', '.join(map(str, missing))}")
    result = run(folders, args.workers, args.copies, args.label, not args.no_stages,
                 not args.no_scans, args.generated, args.code)
    text = json.dumps(result, ensure_ascii=False, indent=1)
    out = args.out or ROOT / "bench" / "results" / f"real-files-{args.label}.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(text + "\n", encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
