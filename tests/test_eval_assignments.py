"""Scoring of assignments (distinct agency-role pairs) and appendix task rows."""

from __future__ import annotations

import pytest

from vbgraph.evaluation.assignments import score_assignments, score_tasks

GOLD = {
    "assignments": [
        {"agency": "Sở Ngoại vụ", "province": "Quảng Ngãi", "role": "lead"},
        {"agency": "Sở Ngoại vụ", "province": "Quảng Ngãi", "role": "report_hub"},
        {"agency": "Bộ Ngoại giao", "province": None, "role": "coordinate"},
        {
            "agency": "Công an tỉnh",
            "province": "Quảng Ngãi",
            "role": "coordinate",
            "uncertain": True,
        },
    ],
    "tasks": [
        {"id": "1.1", "lead": ["Các sở, ban, ngành"], "coordinate": ["Sở Tài chính"]},
        {"id": "1.2", "lead": [], "coordinate": [], "uncertain": True},
        {"id": "3.3", "lead": ["Sở Tài chính"], "coordinate": []},
    ],
}


def test_perfect() -> None:
    s = score_assignments(GOLD, {"assignments": GOLD["assignments"][:3]})
    assert (s["tp"], s["fp"], s["fn"], s["f1"]) == (3, 0, 0, 1.0)


def test_pairs_are_distinct_and_uncertain_entries_are_neutral() -> None:
    predicted = {
        "assignments": [
            {"agency": "Sở Ngoại vụ", "role": "lead", "task": "III.2"},
            {"agency": "Sở Ngoại vụ", "role": "lead", "task": "III.3"},  # same pair twice
            {"agency": "Công an tỉnh", "role": "coordinate"},  # uncertain in gold
            {"agency": "Sở Tài chính", "role": "lead"},  # false hit
        ]
    }
    s = score_assignments(GOLD, predicted)
    assert (s["tp"], s["fp"], s["fn"]) == (1, 1, 2)
    assert s["precision"] == pytest.approx(0.5)
    assert s["recall"] == pytest.approx(1 / 3)
    assert {(m["agency"], m["role"]) for m in s["misses"]} == {
        ("Sở Ngoại vụ", "report_hub"),
        ("Bộ Ngoại giao", "coordinate"),
    }
    assert s["false_hits"] == [{"agency": "Sở Tài chính", "role": "lead"}]
    assert s["ignored"] == [{"agency": "Công an tỉnh", "role": "coordinate"}]


def test_names_compare_after_nfc_and_case_folding() -> None:
    import unicodedata

    decomposed = unicodedata.normalize("NFD", "sở ngoại vụ")
    s = score_assignments(GOLD, {"assignments": [{"agency": decomposed, "role": "lead"}]})
    assert s["tp"] == 1


def test_task_rows_exact_sets_and_only_table_tasks() -> None:
    predicted = {
        "tasks": [
            {
                "id": "1.1",
                "lead": ["Các sở, ban, ngành"],
                "coordinate": ["Sở Tài chính"],
                "table": True,
            },
            {"id": "3.3", "lead": ["Sở Tài chính", "Sở Xây dựng"], "coordinate": [], "table": True},
            {"id": "9.9", "lead": ["Sở Y tế"], "coordinate": [], "table": True},
            {"id": "3.3", "lead": ["Sở Tài chính"], "coordinate": [], "table": False},
        ]
    }
    s = score_tasks(GOLD, predicted)
    assert (s["total"], s["exact"], s["accuracy"]) == (2, 1, 0.5)
    assert s["extra"] == ["9.9"]
    assert (s["tp"], s["fp"], s["fn"]) == (1, 2, 1)
    row = {r["id"]: r for r in s["rows"]}["3.3"]
    assert not row["exact"] and row["found"]
    assert row["lead"] == ["Sở Tài chính", "Sở Xây dựng"]


def test_missing_rows_are_misses() -> None:
    s = score_tasks(GOLD, {"tasks": []})
    assert (s["exact"], s["fn"], s["fp"]) == (0, 2, 0)
