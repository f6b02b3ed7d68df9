"""Deadline grammar: one-off dates and recurrences, in running text and table cells."""

from __future__ import annotations

import pytest

from vbgraph.loaders.deadlines import find_deadline, is_deadline_cell, parse_deadline

TEXT_CASES = [
    ("phân tích Chỉ số PCI, báo cáo UBND tỉnh trong quý II/2017.", "2017-06-30", None),
    ("hoàn thành trong quý 4 năm 2025", "2025-12-31", None),
    ("báo cáo UBND tỉnh (qua Sở Ngoại vụ) trước ngày 05/11 hàng năm", None, "yearly:11-05"),
    ("định kỳ tổng hợp (trước ngày 15/11 hàng năm)", None, "yearly:11-15"),
    (
        "Định kỳ hàng năm, báo cáo UBND tỉnh (qua Sở KH&ĐT) trước ngày 15/11 để tổng hợp",
        None,
        "yearly:11-15",
    ),
    ("Định kỳ 6 tháng, năm và đột xuất các sở, ngành báo cáo", None, "half-yearly"),
    ("Định kỳ 06 tháng, năm báo cáo UBND tỉnh", None, "half-yearly"),
    ("định kỳ hàng quý báo cáo Sở Tài chính", None, "quarterly"),
    ("trình UBND tỉnh trước ngày 30/6/2025", "2025-06-30", None),
    ("hoàn thành trước ngày 15 tháng 12 năm 2024", "2024-12-15", None),
    ("báo cáo kết quả 6 tháng đầu năm 2025", "2025-06-30", None),
    ("ban hành trong tháng 9/2024", "2024-09-30", None),
    ("hoàn thành trong năm 2026", "2026-12-31", None),
]


@pytest.mark.parametrize(("text", "date", "recurring"), TEXT_CASES)
def test_deadline_in_text(text: str, date: str | None, recurring: str | None) -> None:
    d = find_deadline(text)
    assert d is not None
    assert (d.date, d.recurring) == (date, recurring)
    assert text[d.start : d.end] == d.raw


@pytest.mark.parametrize(
    "text",
    [
        "cụ thể hóa thành các kế hoạch hoạt động đối ngoại hàng năm",  # a plan, not a deadline
        "tầm nhìn đến năm 2045",
        "theo Quyết định số 40/QĐ-TTg ngày 07/01/2016",
        "trước ngày 31/02/2024",  # no such day
    ],
)
def test_no_deadline(text: str) -> None:
    assert find_deadline(text) is None


@pytest.mark.parametrize(
    ("cell", "date", "recurring"),
    [
        ("Năm 2025", "2025-12-31", None),
        ("2025", "2025-12-31", None),
        ("2024-2026", "2026-12-31", None),
        ("Quý IV/2024", "2024-12-31", None),
        ("Tháng 6/2025", "2025-06-30", None),
        ("Hàng năm", None, "yearly"),
        ("Thường xuyên", None, "continuous"),
    ],
)
def test_table_cell(cell: str, date: str | None, recurring: str | None) -> None:
    d = parse_deadline(cell)
    assert d is not None
    assert (d.date, d.recurring) == (date, recurring)
    assert is_deadline_cell(cell)


def test_agency_cell_is_not_a_deadline() -> None:
    assert parse_deadline("Sở Tài chính") is None
    assert not is_deadline_cell("Các sở, ban, ngành; UBND các huyện, thị xã, thành phố.")


@pytest.mark.parametrize("word", ["hàng", "hằng", "mỗi", "năm", "quý", "tháng", "sáu", "kỳ"])
def test_caseless_matches_what_ignorecase_matches(word: str) -> None:
    """The spelt-out gates accept every case variant ``re.IGNORECASE`` accepts."""
    import re

    from vbgraph.loaders.deadlines import _caseless

    variants = {word, word.upper(), word.title(), word.replace("i", "ı"), word.replace("s", "ſ")}
    variants.add(word.replace("k", "\u212a"))
    pattern = re.compile(_caseless(word))
    for variant in variants:
        if re.fullmatch(word, variant, re.IGNORECASE):
            assert pattern.fullmatch(variant), variant


@pytest.mark.parametrize(
    "text",
    [
        "BÁO CÁO ĐỊNH KỲ HÀNG NĂM TRƯỚC NGÀY 15/12",
        "Báo cáo MỖI QUÝ một lần",
        "HOÀN THÀNH TRONG QUÝ II/2025",
        "Thực hiện 6 THÁNG ĐẦU NĂM 2025; định kỳ SÁU THÁNG báo cáo",
        "xong TRƯỚC NGÀY 15 THÁNG 11 NĂM 2024",
        "Hằng tháng tổng hợp, báo cáo; cuối năm 2026.",
        "kế hoạch hàng năm",
    ],
)
def test_gated_rules_find_what_every_rule_finds(text: str) -> None:
    """Skipping rules whose gate is absent finds the same deadlines as trying them all."""
    from vbgraph.loaders import deadlines

    def all_rules(strict: bool) -> list[tuple[str | None, str | None, str, int, int]]:
        found = []
        taken: list[tuple[int, int]] = []
        for kind, pattern in deadlines._RULES:
            for m in pattern.finditer(text):
                a, b = m.span()
                value = deadlines._interpret(kind, m)
                if any(a < tb and ta < b for ta, tb in taken) or value is None:
                    continue
                window = text[max(0, a - 60) : b + 60]
                cued = deadlines._RECURRENCE_CUE.search(window)
                if strict and kind in deadlines._RECURRENCES and not cued:
                    continue
                taken.append((a, b))
                found.append((value[0], value[1], m.group(0), a, b))
        return sorted(found, key=lambda d: d[3])

    for strict in (True, False):
        got = deadlines.find_deadlines(text, strict=strict)
        assert [(d.date, d.recurring, d.raw, d.start, d.end) for d in got] == all_rules(strict)
