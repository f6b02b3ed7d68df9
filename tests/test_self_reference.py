"""A document's own number, and the same number of another document (issue 15, findings
3 and 4). The texts are small unit-test fixtures in the genre's phrasing, not real data."""

from __future__ import annotations

from vbgraph.loaders.extraction import extract
from vbgraph.loaders.formats.read import read_text

REPEALING = (
    "ỦY BAN NHÂN DÂN\nTỈNH QUẢNG NGÃI\nSố: 590/QĐ-UBND\nQuảng Ngãi, ngày 5 tháng 3 năm 2024\n"
    "QUYẾT ĐỊNH\nBãi bỏ Quyết định số 590/QĐ-UBND ngày 10/4/2014 của UBND tỉnh\n"
    "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI\nCăn cứ Luật Tổ chức chính quyền địa phương;\n"
    "QUYẾT ĐỊNH:\nĐiều 1. Bãi bỏ Quyết định số 590/QĐ-UBND ngày 10/4/2014 của Chủ tịch "
    "UBND tỉnh.\nĐiều 2. Quyết định số 590/QĐ-UBND ngày 05/3/2024 của Chủ tịch Ủy ban nhân "
    "dân tỉnh có hiệu lực kể từ ngày ký.\n"
)
DISTRICT = (
    "ỦY BAN NHÂN DÂN\nHUYỆN SƠN TỊNH\nSố: 01/KH-UBND\nSơn Tịnh, ngày 5 tháng 3 năm 2024\n"
    "KẾ HOẠCH\nThực hiện Kế hoạch số 01/KH-UBND ngày 02/01/2024 của UBND tỉnh Quảng Ngãi\n"
    "Thực hiện Kế hoạch số 01/KH-UBND ngày 02/01/2024 của UBND tỉnh Quảng Ngãi, UBND huyện "
    "ban hành Kế hoạch.\nI. MỤC ĐÍCH\n"
)


def test_the_same_number_of_another_year_is_another_document() -> None:
    ex = extract(read_text(REPEALING))
    assert ex.document.key == "590/QĐ-UBND|Quảng Ngãi|2024"
    edges = {(e.source, e.target, e.relation) for e in ex.edges}
    assert edges == {(ex.document.key, "590/QĐ-UBND|Quảng Ngãi|2014", "replaces")}
    # its own number with its own date and issuer written differently is itself
    assert [d.key for d in ex.documents] == ["590/QĐ-UBND|Quảng Ngãi|2014"]


def test_a_district_plan_carrying_out_the_provinces_plan_of_the_same_number() -> None:
    ex = extract(read_text(DISTRICT))
    assert ex.document.key == "01/KH-UBND|/huyện Sơn Tịnh|2024"
    assert ex.document.issuer == "UBND huyện Sơn Tịnh"
    edges = {(e.source, e.target, e.relation) for e in ex.edges}
    assert (ex.document.key, "01/KH-UBND|Quảng Ngãi|2024", "implements") in edges
