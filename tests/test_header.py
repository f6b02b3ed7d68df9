"""Header extraction on the opening of real provincial and ministry documents."""

from __future__ import annotations

from vbgraph.loaders.header import extract_header
from vbgraph.loaders.normalize import normalize

HA_TINH = """ỦY BAN NHÂN DÂN
TỈNH HÀ TĨNH
-------
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
---------------
Số: 1520 /QĐ-UBND
Hà Tĩnh, ngày 05 tháng 7 năm 2023
QUYẾT ĐỊNH
Về việc ban hành Kế hoạch thực hiện Chương trình hành động số 20-CTr/TU
CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH
Căn cứ Luật Tổ chức chính quyền địa phương ngày 19/6/2015;
"""

THANH_HOA_OCR = """UỶ BAN NHÂN DÂN   CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM
TỈNH THANH HOÁ   Độc lập - Tự do - Hạnh phúc
Số: 88 /KH-UBND   Thanh Hóa, ngày 10 tháng 4 năm 2019
KẾ HOẠCH
Triển khai thực hiện Chỉ thị số 25/CT-TTg của Thủ tướng Chính phủ
"""

MINISTRY = """BỘ NGOẠI GIAO
-------
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
---------------
Số: 2056/QĐ-BNG
Hà Nội, ngày 15 tháng 8 năm 2023
QUYẾT ĐỊNH
"""


def test_provincial_decision() -> None:
    doc = extract_header(normalize(HA_TINH))
    assert doc.key == "1520/QĐ-UBND|Hà Tĩnh|2023"
    assert (doc.type, doc.issuer, doc.province, doc.date) == (
        "Quyết định", "Chủ tịch UBND tỉnh Hà Tĩnh", "Hà Tĩnh", "2023-07-05")  # fmt: skip
    assert doc.title is not None and doc.title.startswith("Về việc ban hành Kế hoạch")


def test_ocr_plan_with_old_tone_marks() -> None:
    doc = extract_header(normalize(THANH_HOA_OCR))
    assert doc.key == "88/KH-UBND|Thanh Hóa|2019"
    assert (doc.type, doc.issuer, doc.date) == ("Kế hoạch", "UBND tỉnh Thanh Hóa", "2019-04-10")
    assert doc.title is not None and doc.title.startswith("Kế hoạch triển khai")


def test_ministry_decision_is_central() -> None:
    doc = extract_header(normalize(MINISTRY))
    assert doc.key == "2056/QĐ-BNG|VN|2023"
    assert doc.date == "2023-08-15"
