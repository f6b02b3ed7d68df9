"""Reading speed of the PDF and HTML readers before and after a change, in one run.

    python bench/reader_speed.py [--before REV] [--rounds N] [FOLDER]

Loads ``loaders/formats/pdf.py`` and ``html.py`` as they were at git revision REV
(default: main) next to the current ones, reads every .pdf and .html under FOLDER
(default: ../shared/corpus/formats) with both, alternating, ``--rounds`` times, and
prints per format the median seconds per file summed over the files, the speed-up of
the sums and the median of the per-file speed-ups.  Scanned PDFs are listed apart:
before they were refused, now they are OCR'd (read once: OCR is minutes).
"""

from __future__ import annotations

import argparse
import importlib.util
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

from vbgraph.errors import InputError
from vbgraph.loaders.formats import html, pdf

ROOT = Path(__file__).resolve().parents[1]


def module_at(rev: str, relative: str, name: str) -> ModuleType:
    source = subprocess.run(
        ["git", "-C", str(ROOT), "show", f"{rev}:{relative}"],
        check=True, capture_output=True, text=True,
    ).stdout
    folder = Path(tempfile.mkdtemp(prefix="vbgraph-before-"))
    path = folder / f"{name}.py"
    path.write_text(source, encoding="utf-8")
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def timed(read: Callable[[bytes, Path], object], data: bytes, path: Path) -> tuple[float, bool]:
    started = time.perf_counter()
    try:
        read(data, path)
        ok = True
    except InputError:
        ok = False
    return time.perf_counter() - started, ok


def is_scan(path: Path) -> bool:
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(path)
    try:
        return all(document[i].get_textpage().count_chars() < 200 for i in range(len(document)))
    finally:
        document.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", nargs="?", type=Path,
                        default=ROOT.parent / "shared" / "corpus" / "formats")
    parser.add_argument("--before", default="main")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    before_pdf = module_at(args.before, "src/vbgraph/loaders/formats/pdf.py", "pdf_before")
    before_html = module_at(args.before, "src/vbgraph/loaders/formats/html.py", "html_before")
    pdfs = sorted(args.folder.rglob("*.pdf"))
    scans = [p for p in pdfs if is_scan(p)]
    text_pdfs = [p for p in pdfs if p not in scans]
    groups = {
        "pdf (text layer)": (text_pdfs, before_pdf.read_pdf, pdf.read_pdf),
        "html": (sorted(args.folder.rglob("*.html")), before_html.read_html, html.read_html),
    }
    print(f"{'format':18} {'files':>5} {'before s':>9} {'after s':>8} {'speed-up':>8} "
          f"{'median file speed-up':>20}")
    for label, (files, old, new) in groups.items():
        per_file = []
        for path in files:
            data = path.read_bytes()
            olds, news = [], []
            for _ in range(args.rounds):
                olds.append(timed(old, data, path)[0])
                news.append(timed(new, data, path)[0])
            per_file.append((statistics.median(olds), statistics.median(news), path.name))
        before = sum(o for o, _, _ in per_file)
        after = sum(n for _, n, _ in per_file)
        ratio = statistics.median(o / n for o, n, _ in per_file)
        print(f"{label:18} {len(files):5} {before:9.2f} {after:8.2f} {before / after:7.1f}x "
              f"{ratio:19.1f}x", flush=True)
        for o, n, name in sorted(per_file, reverse=True)[:5]:
            print(f"    {name[:60]:60} {o:7.2f} s -> {n:6.3f} s", flush=True)
    pages = ocr_seconds = 0.0
    refused_before = 0
    for path in scans:
        data = path.read_bytes()
        refused_before += not timed(before_pdf.read_pdf, data, path)[1]
        seconds = timed(pdf.read_pdf, data, path)[0]
        import pypdfium2 as pdfium

        document = pdfium.PdfDocument(path)
        pages += len(document)
        document.close()
        ocr_seconds += seconds
    if scans:
        print(f"{'pdf (scanned)':18} {len(scans):5}  before: {refused_before} refused; "
              f"after: {int(pages)} pages OCR'd in {ocr_seconds:.0f} s "
              f"({ocr_seconds / pages:.1f} s/page)")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
