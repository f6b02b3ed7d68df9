"""Finding an extracted symbol inside the statement that names it (vbgraph.locate)."""

from __future__ import annotations

import pytest

from vbgraph.locate import find, located, symbol_in

CASES = [
    # (text, symbol, the text found)
    ("Căn cứ Nghị quyết số 22-NQ/TW ngày 10/4/2013;", "22-NQ/TW", "22-NQ/TW"),
    ("Nghị quyết số 22/NQ-TW ngày 10/4/2013", "22-NQ/TW", "22/NQ-TW"),
    ("Quyết định số 590 /QĐ-UBND ngày 22/4/2014", "590/QĐ-UBND", "590 /QĐ-UBND"),
    ("Nghị quyếtsố 22-NQ/TWngày 10/4/2013", "22-NQ/TW", "22-NQ/TW"),  # glued words
    ("Chương trình hành động số 45-CT/TU ngày 19/11/2013", "45-CTr/TU", "45-CT/TU"),
    # a longer number that ends in the same digits is another document
    ("Nghị quyết số 122-NQ/TW và Nghị quyết số 22-NQ/TW", "22-NQ/TW", "22-NQ/TW"),
    ("Chỉ thị 101/CT-TTg, Chỉ thị 01/CT-TTg", "01/CT-TTg", "01/CT-TTg"),
]


@pytest.mark.parametrize(("text", "symbol", "written"), CASES)
def test_symbol_in_finds_the_symbol_as_written(text: str, symbol: str, written: str) -> None:
    span = symbol_in(text, symbol, 0, len(text))
    assert span is not None
    a, b = span
    assert text[a:b] == written
    assert a == 0 or not text[a - 1].isdigit()


def test_symbol_in_stays_inside_the_statement() -> None:
    text = "Căn cứ Nghị quyết số 22-NQ/TW. Thực hiện Chỉ thị số 01/CT-TTg."
    assert symbol_in(text, "22-NQ/TW", 30, len(text)) is None
    assert symbol_in(text, "01/CT-TTg", 30, len(text)) == (52, 61)


def test_find_ignores_empty_needles_and_located_prefers_the_extracted_span() -> None:
    assert find("abc", "  ") is None
    assert located("Giao Sở Ngoại vụ chủ trì", 5, 16, "x") == (5, 16, False)
    assert located("Giao Sở Ngoại vụ chủ trì", -1, -1, "sở ngoại vụ") == (5, 16, True)
    assert located("abc", -1, -1, "zzz") is None
