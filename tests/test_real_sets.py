"""Regression floors on real documents: this repository's real set (``corpus/real`` with
``gold/real``) and the shared development set (``../shared/corpus/dev``).

Every document there was copied verbatim from a public source and its gold written
before the extractor ran on it (``gold/real/SOURCES.md``, ``gold/real/FIRST_RUN.md``).
The floors sit a little below the figures reached when they were last raised, so a rule
that fits one document at the cost of others fails here; the blind set kept outside the
project is what scores the targets.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.conftest import require_shared
from vbgraph.evaluation import evaluate

ROOT = Path(__file__).resolve().parents[1]

#: figure -> floor, per set (the figure reached when the floor was set, in the comment).
FLOORS: dict[str, dict[str, float]] = {
    "real": {
        # 0.980 on the 99 documents before r123-r130; r130's appendix of mining licences
        # (gold: data, not cited documents) brings 60 false references
        "reference_f1": 0.94,  # 0.943 (105 documents)
        "relation_accuracy": 0.945,  # 0.950
        "second_order_recall": 0.90,  # 0.903
        "assignment_recall": 0.80,  # 0.811
        "assignment_precision": 0.80,  # 0.813
    },
    "dev": {
        "reference_f1": 0.97,  # 1.00
        "relation_accuracy": 0.97,  # 1.00
        "assignment_recall": 0.88,  # 0.889
        "assignment_precision": 0.72,  # 0.730
    },
}


def _figures(report: dict[str, Any]) -> dict[str, float]:
    o = report["overall"]
    out = {
        "reference_f1": o["references"]["f1"],
        "relation_accuracy": o["relation_accuracy"]["accuracy"],
        "assignment_recall": o["assignments"]["recall"],
        "assignment_precision": o["assignments"]["precision"],
    }
    if o["second_order"]["docs"]:
        out["second_order_recall"] = o["second_order"]["recall"]
    return out


@pytest.fixture(scope="module")
def real_report() -> dict[str, Any]:
    return evaluate(ROOT / "gold" / "real", ROOT / "corpus" / "real")


@pytest.fixture(scope="module")
def dev_report() -> dict[str, Any]:
    return evaluate(require_shared("gold", "dev"), require_shared("corpus", "dev"))


def test_every_real_gold_file_has_its_document(real_report: dict[str, Any]) -> None:
    assert not real_report["missing"]
    assert len(real_report["files"]) == len(list((ROOT / "gold" / "real").glob("*.json")))


@pytest.mark.parametrize("figure", sorted(FLOORS["real"]))
def test_real_set_floor(real_report: dict[str, Any], figure: str) -> None:
    assert _figures(real_report)[figure] >= FLOORS["real"][figure]


@pytest.mark.parametrize("figure", sorted(FLOORS["dev"]))
def test_development_set_floor(dev_report: dict[str, Any], figure: str) -> None:
    assert _figures(dev_report)[figure] >= FLOORS["dev"][figure]
