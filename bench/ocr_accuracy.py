"""OCR accuracy of the PDF reader on a scanned PDF against the clean text of the same
document (its .docx/.txt twin, or the text the scan was rendered from).

    python bench/ocr_accuracy.py SCAN.pdf CLEAN_FILE

Prints the character accuracy (1 - Levenshtein distance / clean length, on text with
whitespace and table pipes collapsed), and the recall of the clean text's extraction
in the OCR'd text's: cited documents (by symbol) and assignments (agency, role).
Needs Tesseract with its Vietnamese model and ``rapidfuzz`` (test extras).
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from vbgraph.loaders.extraction import extract
from vbgraph.loaders.formats.read import read_document
from vbgraph.models import SourceDocument


def flat(text: str) -> str:
    """Text with table pipes dropped and whitespace runs as one space."""
    return " ".join(text.replace("|", " ").replace("¦", " ").split())


def char_accuracy(ocr: str, clean: str) -> float:
    from rapidfuzz.distance import Levenshtein

    reference = flat(clean)
    return 1 - Levenshtein.distance(flat(ocr), reference) / max(1, len(reference))


def extraction_sets(text: str, name: str) -> tuple[set[str], set[tuple[str, str]]]:
    ex = extract(SourceDocument(path=name, text=text, format="txt")).to_json()
    cited = {d["symbol"] for d in ex["documents"] if d.get("symbol")}
    assigned = {(a["agency"], a["role"]) for a in ex["assignments"]}
    return cited, assigned


def recall(found: set, wanted: set) -> float:
    return len(found & wanted) / len(wanted) if wanted else 1.0


def measure(scan: Path, clean_text: str) -> dict[str, object]:
    started = time.perf_counter()
    doc = read_document(scan)
    seconds = time.perf_counter() - started
    ocr_refs, ocr_assigned = extraction_sets(doc.text, scan.name)
    refs, assigned = extraction_sets(clean_text, scan.name)
    return {
        "file": scan.name,
        "seconds": round(seconds, 1),
        "ocr_note": [w for w in doc.warnings if w.startswith("OCR:")],
        "char_accuracy": round(char_accuracy(doc.text, clean_text), 4),
        "references": len(refs),
        "reference_recall": round(recall(ocr_refs, refs), 3),
        "assignments": len(assigned),
        "assignment_recall": round(recall(ocr_assigned, assigned), 3),
        "missed_references": sorted(refs - ocr_refs),
        "missed_assignments": sorted(map(list, assigned - ocr_assigned)),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("scan", type=Path)
    parser.add_argument("clean", type=Path)
    args = parser.parse_args()
    clean = read_document(args.clean).text
    print(json.dumps(measure(args.scan, clean), ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
