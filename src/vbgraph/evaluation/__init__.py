"""``vbgraph eval``: score extraction against gold files.

``evaluate(gold_dir, corpus_dir)`` extracts every corpus file that has a gold
file of the same stem and returns a report dict; ``format_report(report)``
renders it as text (overall figures, then each document's misses and false
hits).  Two gold schemas are read: the samples' (keys and canonical names,
``shared/gold/README.md``) and the real documents' (``shared/gold/dev/README.md``,
scored by :mod:`.real`).  ``evaluate_sets()`` scores every set there is: the
samples, the real development set in ``../shared`` and the real set in this
repository (``gold/real``, ``corpus/real``).
"""

from __future__ import annotations

import importlib
import json
from pathlib import Path
from typing import Any

from vbgraph.errors import InputError
from vbgraph.evaluation.real import REAL_TARGETS, is_real_gold, overall_real, score_real_file
from vbgraph.evaluation.references import (
    score_documents,
    score_edges,
    score_subject,
    score_unnumbered,
)
from vbgraph.evaluation.report import format_report

JSON = dict[str, Any]

__all__ = ["default_dirs", "evaluate", "evaluate_sets", "format_report", "score_file"]

#: Targets of issue 3 on the sample corpus.
TARGETS: dict[str, float] = {
    "reference_f1": 0.97,
    "relation_accuracy": 0.95,
    "second_order_recall": 0.90,
    "date_accuracy": 0.95,
}


def default_dirs() -> tuple[Path, Path]:
    """The sample pair: ``shared/gold/seeds`` and ``shared/corpus/seeds``."""
    checkout = Path(__file__).resolve().parents[3]  # src/vbgraph/evaluation -> checkout
    for root in (Path.cwd(), *Path.cwd().parents, checkout.parent):
        gold, corpus = root / "shared/gold/seeds", root / "shared/corpus/seeds"
        if gold.is_dir() and corpus.is_dir():
            return gold, corpus
    return Path("shared/gold/seeds"), Path("shared/corpus/seeds")


#: The gold sets ``vbgraph eval`` scores without arguments: (name, gold, corpus) below the
#: folder holding ``shared/`` (the checkout's parent) or the checkout itself.
SETS: tuple[tuple[str, str, str], ...] = (
    ("samples", "shared/gold/seeds", "shared/corpus/seeds"),
    ("development", "shared/gold/dev", "shared/corpus/dev"),
    ("real (this repository)", "gold/real", "corpus/real"),
)


def _checkout() -> Path:
    return Path(__file__).resolve().parents[3]  # src/vbgraph/evaluation -> checkout


def evaluate_sets() -> list[JSON]:
    """A report for each gold set found (:data:`SETS`)."""
    reports = []
    for name, gold, corpus in SETS:
        for root in (_checkout().parent, _checkout()):
            if (root / gold).is_dir() and (root / corpus).is_dir():
                if any((root / gold).glob("*.json")):
                    reports.append({"set": name, **evaluate(root / gold, root / corpus)})
                break
    if not reports:
        raise InputError("no gold set found: put ../shared beside the checkout")
    return reports


def _corpus_file(corpus_dir: Path, stem: str) -> Path | None:
    matches = sorted(p for p in corpus_dir.glob(stem + ".*") if p.is_file())
    return matches[0] if matches else None


def _extract(path: Path) -> tuple[JSON, str]:
    """The extraction of ``path`` as JSON, and the text its spans index."""
    from vbgraph.loaders.extraction import extract
    from vbgraph.loaders.formats.read import read_document

    source = read_document(path)
    return extract(source).to_json(), source.text


def score_file(gold: JSON, predicted: JSON) -> JSON:
    """Every score of one file that its gold file annotates.

    A category whose key is absent from the gold file (``documents``,
    ``edges``, ``unnumbered``, ``assignments``, ``tasks``) is not scored: a
    gold file may annotate only some categories.  An empty list is an answer
    (nothing to find) and is scored.
    """
    out: JSON = {"file": gold.get("file", ""), "subject": score_subject(gold, predicted)}
    if "documents" in gold:
        out["documents"] = score_documents(gold, predicted)
    if "edges" in gold:
        out["edges"] = score_edges(gold, predicted)
    if "unnumbered" in gold:
        out["unnumbered"] = score_unnumbered(gold, predicted)
    scorer = _assignment_scorer()
    if scorer is not None:
        if "assignments" in gold:
            out["assignments"] = scorer.score_assignments(gold, predicted)
        if "tasks" in gold:
            out["tasks"] = scorer.score_tasks(gold, predicted)
    return out


def _assignment_scorer() -> Any:
    try:
        return importlib.import_module("vbgraph.evaluation.assignments")
    except ImportError:
        return None


def evaluate(gold_dir: str | Path | None = None, corpus_dir: str | Path | None = None) -> JSON:
    """Score extraction of ``corpus_dir`` against ``gold_dir``; see ``format_report``."""
    default_gold, default_corpus = default_dirs()
    gold_path = Path(gold_dir) if gold_dir else default_gold
    corpus_path = Path(corpus_dir) if corpus_dir else default_corpus
    if not gold_path.is_dir():
        raise InputError(f"gold directory not found: {gold_path}")
    if not corpus_path.is_dir():
        raise InputError(f"corpus directory not found: {corpus_path}")
    files: list[JSON] = []
    missing: list[str] = []
    for gold_file in sorted(gold_path.glob("*.json")):
        try:
            gold = json.loads(gold_file.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise InputError(f"cannot read gold file {gold_file}: {exc}") from exc
        source = _corpus_file(corpus_path, gold_file.stem)
        if source is None:
            missing.append(gold_file.name)
            continue
        predicted, text = _extract(source)
        scored = score_real_file(gold, predicted, text) if is_real_gold(gold) else score_file(
            gold, predicted
        )
        scored["file"] = source.name
        files.append(scored)
    if not files:
        raise InputError(f"no gold file in {gold_path} has a document in {corpus_path}")
    if all("doc" in json.loads(f.read_text("utf-8")) for f in gold_path.glob("*.json")):
        return {"gold_dir": str(gold_path), "corpus_dir": str(corpus_path), "files": files,
                "missing": missing, "schema": "real", "overall": overall_real(files),
                "targets": REAL_TARGETS}  # fmt: skip
    return {"gold_dir": str(gold_path), "corpus_dir": str(corpus_path), "files": files,
            "missing": missing, "overall": _overall(files), "targets": TARGETS}  # fmt: skip


_CATEGORIES = ("documents", "edges", "unnumbered", "assignments", "tasks")


def _ratio(ok: int, total: int) -> float:
    return ok / total if total else 1.0


def _prf(tp: int, fp: int, fn: int) -> JSON:
    p = _ratio(tp, tp + fp)
    r = _ratio(tp, tp + fn)
    return {"tp": tp, "fp": fp, "fn": fn, "precision": p, "recall": r,
            "f1": 2 * p * r / (p + r) if p + r else 0.0}  # fmt: skip


def _sum(files: list[JSON], *path: str) -> int:
    total = 0
    for f in files:
        value: Any = f
        for p in path:
            value = value.get(p, {}) if isinstance(value, dict) else {}
        total += value if isinstance(value, int) else 0
    return total


def _overall(files: list[JSON]) -> JSON:
    def prf(*path: str) -> JSON:
        return _prf(_sum(files, *path, "tp"), _sum(files, *path, "fp"), _sum(files, *path, "fn"))

    subject_dates = sum(f["subject"]["date"]["ok"] for f in files)
    ref_dates_ok = _sum(files, "documents", "dates_ok")
    ref_dates_total = _sum(files, "documents", "dates_total")
    out: JSON = {
        "references": prf("documents"),
        "keys": {"ok": _sum(files, "documents", "keys_ok"),
                 "total": _sum(files, "documents", "keys_total")},
        "edges": prf("edges", "first"),
        "relation_accuracy": {"ok": _sum(files, "edges", "relation_ok"),
                              "total": _sum(files, "edges", "relation_total")},
        "second_order": prf("edges", "second"),
        "dates": {"ok": subject_dates + ref_dates_ok, "total": len(files) + ref_dates_total,
                  "subject_ok": subject_dates, "subject_total": len(files)},
        "subject": {f: sum(x["subject"][f]["ok"] for x in files)
                    for f in files[0]["subject"]},
        "unnumbered": prf("unnumbered"),
    }  # fmt: skip
    for name in ("keys", "relation_accuracy", "dates"):
        out[name]["accuracy"] = _ratio(out[name]["ok"], out[name]["total"])
    out["scored"] = {name: sum(1 for f in files if name in f) for name in _CATEGORIES}
    if any("assignments" in f for f in files):
        out["assignments"] = prf("assignments")
    if any("tasks" in f for f in files):
        exact = _sum(files, "tasks", "exact")
        total = _sum(files, "tasks", "total")
        out["tasks"] = {"exact": exact, "total": total, "accuracy": _ratio(exact, total)}
    return out
