"""Scoring of assignments and appendix task rows against one gold file.

Both functions take the JSON dicts of one file (the gold file and the
extractor's ``Extraction.to_json()``) and return plain dicts, so the evaluation
command can aggregate them across files.

* :func:`score_assignments` -- precision / recall / F1 on the distinct
  ``(agency, role)`` pairs of the document.  Gold entries marked
  ``"uncertain": true`` count neither as misses nor, when predicted, as false hits.
* :func:`score_tasks` -- appendix table rows (predicted tasks with
  ``"table": true`` only; the gold ``tasks`` list holds only table rows): a row
  is exact when its lead set and its coordinate set both equal the gold row's.

Agency names are compared after NFC, whitespace collapsing and case folding.
"""

from __future__ import annotations

import unicodedata
from typing import Any

JSON = dict[str, Any]


def _name(name: str) -> str:
    return " ".join(unicodedata.normalize("NFC", name).split()).casefold()


def _pair(entry: JSON) -> tuple[str, str]:
    return (_name(str(entry.get("agency", ""))), str(entry.get("role", "")))


def _prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def score_assignments(gold: JSON, predicted: JSON) -> JSON:
    """Score the distinct (agency, role) pairs of one document.

    Returns ``tp``, ``fp``, ``fn``, ``precision``, ``recall``, ``f1``,
    ``misses`` and ``false_hits`` (lists of ``{"agency", "role"}`` with the
    gold / predicted display name) and ``ignored`` (predicted pairs that match
    only uncertain gold entries).
    """
    certain: dict[tuple[str, str], JSON] = {}
    uncertain: dict[tuple[str, str], JSON] = {}
    for entry in gold.get("assignments", ()):
        key = _pair(entry)
        if entry.get("uncertain"):
            uncertain.setdefault(key, entry)
        else:
            certain[key] = entry
    for key in certain:
        uncertain.pop(key, None)
    pred: dict[tuple[str, str], JSON] = {}
    for entry in predicted.get("assignments", ()):
        pred.setdefault(_pair(entry), entry)

    tp_keys = [k for k in pred if k in certain]
    fp_keys = [k for k in pred if k not in certain and k not in uncertain]
    fn_keys = [k for k in certain if k not in pred]
    ignored = [k for k in pred if k in uncertain]
    p, r, f = _prf(len(tp_keys), len(fp_keys), len(fn_keys))

    def show(entries: dict[tuple[str, str], JSON], keys: list[tuple[str, str]]) -> list[JSON]:
        out = []
        for k in keys:
            e = entries[k]
            item: JSON = {"agency": e.get("agency"), "role": e.get("role")}
            if e.get("raw"):
                item["raw"] = e["raw"]
            out.append(item)
        return out

    return {
        "tp": len(tp_keys),
        "fp": len(fp_keys),
        "fn": len(fn_keys),
        "precision": p,
        "recall": r,
        "f1": f,
        "misses": show(certain, fn_keys),
        "false_hits": show(pred, fp_keys),
        "ignored": show(pred, ignored),
    }


def _names(values: Any) -> frozenset[str]:
    return frozenset(_name(str(v)) for v in (values or ()))


def score_tasks(gold: JSON, predicted: JSON) -> JSON:
    """Score appendix task rows: exact lead and coordinate sets per numbered row.

    Returns ``total`` (certain gold rows), ``exact``, ``accuracy`` (exact /
    total), ``tp`` (= exact), ``fn`` (certain gold rows not exactly right),
    ``fp`` (predicted table rows whose id is not a gold row, plus inexact
    predicted rows), ``rows`` (one dict per certain gold row: ``id``, ``exact``,
    gold and predicted ``lead``/``coordinate``, ``found``) and ``extra`` (ids of
    predicted rows the gold file does not list).
    """
    gold_rows = [t for t in gold.get("tasks", ()) if t.get("table", True)]
    pred_rows: dict[str, JSON] = {}
    for t in predicted.get("tasks", ()):
        if t.get("table", True):
            pred_rows.setdefault(str(t.get("id")), t)
    rows: list[JSON] = []
    exact = 0
    inexact_found = 0
    gold_ids = {str(t.get("id")) for t in gold_rows}
    for t in gold_rows:
        if t.get("uncertain"):
            continue
        tid = str(t.get("id"))
        p = pred_rows.get(tid)
        ok = (
            p is not None
            and _names(p.get("lead")) == _names(t.get("lead"))
            and _names(p.get("coordinate")) == _names(t.get("coordinate"))
        )
        exact += ok
        if p is not None and not ok:
            inexact_found += 1
        rows.append(
            {
                "id": tid,
                "exact": ok,
                "found": p is not None,
                "gold_lead": list(t.get("lead", ())),
                "gold_coordinate": list(t.get("coordinate", ())),
                "lead": list(p.get("lead", ())) if p else [],
                "coordinate": list(p.get("coordinate", ())) if p else [],
            }
        )
    extra = [tid for tid in pred_rows if tid not in gold_ids]
    total = len(rows)
    return {
        "total": total,
        "exact": exact,
        "accuracy": exact / total if total else 1.0,
        "tp": exact,
        "fn": total - exact,
        "fp": len(extra) + inexact_found,
        "rows": rows,
        "extra": extra,
    }
