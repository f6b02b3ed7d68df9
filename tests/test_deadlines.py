"""Deadline grammar: one-off dates and recurrences, in running text and table cells."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from vbgraph.loaders.find.deadlines import find_deadline, is_deadline_cell, parse_deadline

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
        "định kỳ 06 tháng; báo cáo 06 tháng một lần; 6 tháng cuối năm 2025; SÁU THÁNG",
        "chậm nhất ngày 05/3 hàng năm; vào ngày 1.2 hằng năm; Mỗi năm trước ngày 15/11",
        "hết tháng 6/2025, vào tháng 7 năm 2025; xong trong năm 2026; quý iv - 2024",
        "ĐẾN 31-12-2024 ; hoàn thành trong năm 2025, TRONG ngày 30/06/2025",
        "Định kỳ hằng quý, hàng tháng báo cáo; mỗı năm tổng hợp; ſáu tháng, İ",
    ],
)
def test_rules_tried_at_their_words_find_what_every_rule_finds(text: str) -> None:
    """Trying each rule only where one of its words starts finds what trying it everywhere does."""
    _assert_as_every_rule(text)


def _every_rule(
    text: str, strict: bool, start: int = 0, end: int | None = None
) -> list[tuple[str | None, str | None, str, int, int]]:
    from vbgraph.loaders.find import deadlines

    end = len(text) if end is None else end

    found = []
    taken: list[tuple[int, int]] = []
    for kind, pattern in deadlines._RULES:
        for m in pattern.regex.finditer(text, start, end):
            a, b = m.span()
            value = deadlines._interpret(kind, m)
            if any(a < tb and ta < b for ta, tb in taken) or value is None:
                continue
            window = text[max(start, a - 60) : min(end, b + 60)]
            cued = deadlines._RECURRENCE_CUE.search(window)
            if strict and kind in deadlines._RECURRENCES and not cued:
                continue
            taken.append((a, b))
            found.append((value[0], value[1], m.group(0), a, b))
    return sorted(found, key=lambda d: d[3])


def _assert_as_every_rule(text: str, start: int = 0, end: int | None = None) -> None:
    from vbgraph.loaders.find import deadlines

    for strict in (True, False):
        got = deadlines.find_deadlines(text, start, end, strict=strict)
        assert [(d.date, d.recurring, d.raw, d.start, d.end) for d in got] == _every_rule(
            text, strict, start, end
        )


_PIECES = [
    "trước ngày ", "chậm nhất ", "hoàn thành ", "xong ", "đến ", "trong ", "vào ", "hết ",
    "cuối ", "hàng ", "hằng ", "mỗi ", "định kỳ ", "quý ", "tháng ", "năm ", "ngày ", "sáu ",
    "6 ", "06 ", "0", "II", "IV", "/", "-", ".", ",", ")", " ", "\n", "15", "11", "2024",
    "2017", "đầu ", "một lần", "báo cáo", "Hàng", "HẰNG", "TRƯỚC", "Quý", "THÁNG", "İ", "ı",
    "ſ", "\u212a", "MỖI", "mỗı ", "ſáu ", "Sáu", "ĐỊNH KỲ",
]  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=30), st.integers(0, 30), st.integers(0, 200))
def test_rules_tried_at_their_words_on_random_texts(pieces: list[str], a: int, b: int) -> None:
    text = "".join(pieces)
    _assert_as_every_rule(text)
    _assert_as_every_rule(text, min(a, len(text)), max(min(b, len(text)), min(a, len(text))))
