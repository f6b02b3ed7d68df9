"""The date grammar."""

from __future__ import annotations

import pytest

from vbgraph.loaders.find.dates import date_at, find_dates, parse_date

CASES = [
    ("ngày 10/4/2013", "2013-04-10"),
    ("ngày 22 tháng 3 năm 2018", "2018-03-22"),
    ("Hà Nội, ngày 05 tháng 01 năm 2024", "2024-01-05"),
    ("Hà Tĩnh, ngày\n29 tháng 5 năm 2017", "2017-05-29"),
    ("17 /11/2022", "2022-11-17"),
    ("10/01/2017", "2017-01-10"),
    ("ngày 1-7-2016", "2016-07-01"),
    ("ngày 15.8.2021", "2021-08-15"),
    ("Thời gian ký: 10/01/2017 16:17:14", "2017-01-10"),
    ("ngày 076/2016", "2016-06-07"),  # OCR lost the first slash; only one reading
    ("ngày 31/2/2020", None),
    ("giai đoạn 2016-2020", None),
    ("quý II/2017", None),
    ("ngày 112/2016", None),  # 11/2 or 1/12: ambiguous, not guessed
]


@pytest.mark.parametrize(("text", "iso"), CASES)
def test_parse_date(text: str, iso: str | None) -> None:
    assert parse_date(text) == iso


def test_find_dates_spans() -> None:
    text = (
        "Quyết định số 40/QĐ-TTg ngày 07/01/2016 và "
        "Nghị quyết số 21/NQ-CP ngày 20 tháng 02 năm 2023"
    )
    found = find_dates(text)
    assert [d.iso for d in found] == ["2016-01-07", "2023-02-20"]
    assert text[found[0].start : found[0].end] == "ngày 07/01/2016"


def test_date_at_follows_a_symbol() -> None:
    text = "Nghị quyết số 22-NQ/TW ngày 10/4/2013 của Bộ Chính trị"
    d = date_at(text, text.index(" ngày"))
    assert d is not None and d.iso == "2013-04-10"
    assert date_at(text, text.index(" của")) is None
