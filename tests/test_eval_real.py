"""The real-document scorer's assignment matching (vbgraph.evaluation.real), on small
made-up gold and predictions (unit-test fixtures, not evaluation data)."""

from __future__ import annotations

from typing import Any

from vbgraph.evaluation.real import score_real_file

TEXT = (
    "Điều 3. Trách nhiệm tổ chức thực hiện\n"
    "1. Các Bộ: Y tế, Công Thương, Nông nghiệp và Môi trường\n"
    "a) Chủ động hướng dẫn tổ chức triển khai thi hành Nghị quyết này.\n"
    "b) Thường xuyên tuyên truyền, phổ biến các văn bản.\n"
)
MINISTRIES = ("Bộ Y tế", "Bộ Công Thương", "Bộ Nông nghiệp và Môi trường")


def _gold(*entries: dict[str, Any]) -> dict[str, Any]:
    return {"doc": {"number": "15", "symbol": "NQ-CP"}, "references": [],
            "assignments": list(entries), "assignments_complete": True}


def _predicted(assignments: list[tuple[str, str, str]]) -> dict[str, Any]:
    a_start, b_start = TEXT.index("a) "), TEXT.index("b) ")
    return {
        "document": {"symbol": "15/NQ-CP", "province": None},
        "documents": [], "edges": [], "unnumbered": [],
        "assignments": [{"agency": agency, "role": role, "task": task, "start": TEXT.index("Các")}
                        for agency, role, task in assignments],
        "tasks": [{"id": "3.1.a", "start": a_start, "end": b_start},
                  {"id": "3.1.b", "start": b_start, "end": len(TEXT)}],
    }


def _score(gold: dict[str, Any], predicted: dict[str, Any]) -> dict[str, Any]:
    result: dict[str, Any] = score_real_file(gold, predicted, TEXT)["assignments"]
    return result


def test_a_gold_entry_naming_several_bodies_takes_each_of_them_for_its_task() -> None:
    gold = _gold(
        {"agency": "Các Bộ: Y tế, Công Thương, Nông nghiệp và Môi trường", "role": "lead",
         "task_hint": "Chủ động hướng dẫn tổ chức triển khai"},
        {"agency": "Các Bộ: Y tế, Công Thương, Nông nghiệp và Môi trường", "role": "lead",
         "task_hint": "Thường xuyên tuyên truyền"},
    )
    each = [(m, "lead", t) for t in ("3.1.a", "3.1.b") for m in MINISTRIES]
    score = _score(gold, _predicted(each))
    assert (score["tp"], score["fn"], score["fp"]) == (2, 0, 0)


def test_the_other_bodies_are_false_hits_on_another_task_or_role() -> None:
    gold = _gold({"agency": "Các Bộ: Y tế, Công Thương, Nông nghiệp và Môi trường",
                  "role": "lead", "task_hint": "Chủ động hướng dẫn tổ chức triển khai"})
    predicted = _predicted([("Bộ Y tế", "lead", "3.1.a"), ("Bộ Công Thương", "lead", "3.1.b"),
                            ("Bộ Nông nghiệp và Môi trường", "monitor", "3.1.a")])
    score = _score(gold, predicted)
    assert (score["tp"], score["fp"]) == (1, 2)


def test_a_gold_entry_naming_one_body_takes_one_assignment() -> None:
    gold = _gold({"agency": "Bộ Y tế", "role": "lead",
                  "task_hint": "Chủ động hướng dẫn tổ chức triển khai"})
    predicted = _predicted([(m, "lead", "3.1.a") for m in MINISTRIES])
    score = _score(gold, predicted)
    assert (score["tp"], score["fp"]) == (1, 2)


def test_a_task_stated_twice_is_found_where_its_assignment_stands() -> None:
    # the task's words stand in the body and again in the appendix table, where the
    # assignment is given: the nearest place counts, not the first
    filler = "Nội dung khác của chương trình. " * 200
    text = (f"a) Tổ chức tuyên truyền, phổ biến Chỉ thị.\n{filler}\n"
            "| 1 | Tổ chức tuyên truyền, phổ biến Chỉ thị. | Bộ Ngoại giao |\n")
    gold = _gold({"agency": "Bộ Ngoại giao", "role": "lead",
                  "task_hint": "Tổ chức tuyên truyền, phổ biến Chỉ thị"})
    predicted = {
        "document": {"symbol": "15/NQ-CP", "province": None},
        "documents": [], "edges": [], "unnumbered": [],
        "assignments": [{"agency": "Bộ Ngoại giao", "role": "lead", "task": "I.1",
                         "start": text.index("Bộ Ngoại giao")}],
        "tasks": [{"id": "I.1", "start": text.rindex("| 1"), "end": len(text)}],
    }
    score = score_real_file(gold, predicted, text)["assignments"]
    assert (score["tp"], score["fn"], score["fp"]) == (1, 0, 0)
