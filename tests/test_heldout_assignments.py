"""Held-out documents (tests/heldout, files 2NN_*): assignment and task-row floors.

Excerpts of plans, decisions, a directive and a Party plan from provinces, a
ministry and a Tỉnh ủy that the sample corpus does not contain, annotated by
reading before the extractor was run on them.  The floors sit a little below
what the extractor reaches, so a change that fits the samples at the cost of
other documents fails here.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from vbgraph.evaluation.assignments import score_assignments, score_tasks
from vbgraph.loaders.extraction import extract
from vbgraph.loaders.formats.read import read_document

HELDOUT = Path(__file__).parent / "heldout"
GOLD = sorted((HELDOUT / "gold").glob("2*.json"))

#: Reached: assignments P 1.00 R 1.00 F1 1.00, task rows 29/29.
MIN_F1 = 0.95
MIN_PRECISION = 0.93
MIN_RECALL = 0.93
MIN_ROWS = 0.93


def score_file(path: Path) -> tuple[str, dict[str, Any], dict[str, Any]]:
    """Extract the held-out document behind gold file ``path`` and score it."""
    gold = json.loads(path.read_text(encoding="utf-8"))
    predicted = extract(read_document(HELDOUT / "corpus" / gold["file"])).to_json()
    return path.stem, score_assignments(gold, predicted), score_tasks(gold, predicted)


@pytest.fixture(scope="module")
def scores() -> list[tuple[str, dict[str, Any], dict[str, Any]]]:
    return [score_file(path) for path in GOLD]


def test_heldout_set_is_present() -> None:
    assert len(GOLD) >= 8
    for path in GOLD:
        gold = json.loads(path.read_text(encoding="utf-8"))
        assert (HELDOUT / "corpus" / gold["file"]).is_file()
        assert gold["assignments"], path.name


def test_heldout_assignment_figures(
    scores: list[tuple[str, dict[str, Any], dict[str, Any]]],
) -> None:
    tp = sum(a["tp"] for _, a, _ in scores)
    fp = sum(a["fp"] for _, a, _ in scores)
    fn = sum(a["fn"] for _, a, _ in scores)
    p = tp / (tp + fp)
    r = tp / (tp + fn)
    f1 = 2 * p * r / (p + r)
    detail = {
        name: (a["misses"], a["false_hits"])
        for name, a, _ in scores
        if a["misses"] or a["false_hits"]
    }
    assert p >= MIN_PRECISION, detail
    assert r >= MIN_RECALL, detail
    assert f1 >= MIN_F1, detail


def test_heldout_task_rows(scores: list[tuple[str, dict[str, Any], dict[str, Any]]]) -> None:
    total = sum(t["total"] for _, _, t in scores)
    exact = sum(t["exact"] for _, _, t in scores)
    assert total >= 25
    bad = [(name, r) for name, _, t in scores for r in t["rows"] if not r["exact"]]
    assert exact / total >= MIN_ROWS, bad


@pytest.mark.parametrize("path", GOLD, ids=lambda p: p.stem)
def test_each_heldout_document_is_reasonable(path: Path) -> None:
    """No single held-out document falls far behind (F1 >= 0.8)."""
    _, a, _ = score_file(path)
    assert a["f1"] >= 0.8, (a["misses"], a["false_hits"])


#: Files 3NN: the second unseen set.  First run: assignments P 0.99 R 0.84 F1 0.91
#: (agency kinds the gazetteer lacked, a circular's monitor cue, "đã giao X chủ trì",
#: an abbreviated name); fixed by general rules, it now scores P 1.00 R 1.00, rows 10/10.
#: It is no longer unseen: these floors only keep what was reached.
GOLD_3 = sorted((HELDOUT / "gold").glob("3*.json"))


@pytest.mark.parametrize("path", GOLD_3, ids=lambda p: p.stem)
def test_second_heldout_set_document(path: Path) -> None:
    _, a, t = score_file(path)
    assert a["precision"] >= 0.9 and a["recall"] >= 0.9, (a["misses"], a["false_hits"])
    assert t["exact"] == t["total"], t["rows"]


#: Files 4NN: the third unseen set.  First run: assignments P 0.98 R 0.80 F1 0.88, task
#: rows 10/11 (a city province written "Thành phố X", the People's Council's own bodies,
#: Party groups of mass organisations, "các Vụ, Cục" of a ministry, "X phối hợp <verb>",
#: a province's capital city in a table); fixed by general rules, it now scores
#: P 1.00 R 1.00, rows 11/11.  The floors keep most of that.
GOLD_4 = sorted((HELDOUT / "gold").glob("4*.json"))


@pytest.fixture(scope="module")
def scores_4() -> list[tuple[str, dict[str, Any], dict[str, Any]]]:
    return [score_file(path) for path in GOLD_4]


def test_third_heldout_set_figures(
    scores_4: list[tuple[str, dict[str, Any], dict[str, Any]]],
) -> None:
    assert len(scores_4) >= 6
    tp = sum(a["tp"] for _, a, _ in scores_4)
    fp = sum(a["fp"] for _, a, _ in scores_4)
    fn = sum(a["fn"] for _, a, _ in scores_4)
    detail = {
        name: (a["misses"], a["false_hits"])
        for name, a, _ in scores_4
        if a["misses"] or a["false_hits"]
    }
    assert tp / (tp + fp) >= 0.95, detail
    assert tp / (tp + fn) >= 0.95, detail
    total = sum(t["total"] for _, _, t in scores_4)
    exact = sum(t["exact"] for _, _, t in scores_4)
    assert total >= 10
    assert exact / total >= 0.9, [r for _, _, t in scores_4 for r in t["rows"] if not r["exact"]]


@pytest.mark.parametrize("path", GOLD_4, ids=lambda p: p.stem)
def test_third_heldout_set_document(path: Path) -> None:
    gold = json.loads(path.read_text(encoding="utf-8"))
    predicted = extract(read_document(HELDOUT / "corpus" / gold["file"])).to_json()
    a = score_assignments(gold, predicted)
    assert a["f1"] >= 0.85, (a["misses"], a["false_hits"])
