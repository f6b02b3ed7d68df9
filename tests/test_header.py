"""Header extraction on the opening of real provincial and ministry documents."""

from __future__ import annotations

import pytest

from vbgraph.loaders.relate.header import extract_header
from vbgraph.loaders.text.normalize import normalize

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


# --------------------------------------------------------------------------- table of headers

HEADER_CASES = [
    (
        "department letter with a long unit code, its subject line and department issuer",
        "UBND TỈNH ĐỒNG NAI\nSỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI\n-------\n"
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n---------------\n"
        "Số: 2104/SLĐTBXH-VL\nV/v triển khai Đề án hỗ trợ thanh niên khởi nghiệp\n"
        "Đồng Nai, ngày 14 tháng 6 năm 2023\n\nKính gửi: Ủy ban nhân dân tỉnh.\n\n"
        "Thực hiện Công văn số 1879/VPUBND-KGVX ngày 05/6/2023 của Văn phòng UBND tỉnh, Sở Lao "
        "động - Thương binh và Xã hội báo cáo như sau:\n",
        {
            "key": "2104/SLĐTBXH-VL|Đồng Nai|2023",
            "type": "Công văn",
            "issuer": "Sở Lao động - Thương binh và Xã hội tỉnh Đồng Nai",
            "title": "V/v triển khai Đề án hỗ trợ thanh niên khởi nghiệp",
        },
    ),
    (
        "education department letter, unit code with Đ",
        "UBND TỈNH NINH BÌNH\nSỞ GIÁO DỤC VÀ ĐÀO TẠO\nSố: 915/SGDĐT-GDTrH\n"
        "V/v hướng dẫn thực hiện nhiệm vụ\nnăm học 2023 - 2024\n"
        "Ninh Bình, ngày 30 tháng 8 năm 2023\n"
        "Kính gửi: Các trường trung học phổ thông.\nCăn cứ hướng dẫn của Sở Giáo dục và Đào tạo "
        "năm trước.\n",
        {
            "key": "915/SGDĐT-GDTrH|Ninh Bình|2023",
            "type": "Công văn",
            "issuer": "Sở Giáo dục và Đào tạo tỉnh Ninh Bình",
            "title": "V/v hướng dẫn thực hiện nhiệm vụ năm học 2023 - 2024",
        },
    ),
    (
        "Party plan signed for the standing committee",
        "ĐẢNG CỘNG SẢN VIỆT NAM\nTỈNH ỦY HÀ NAM\n*\nSố 41-KH/TU\nHà Nam, ngày 12 tháng 4 năm 2023\n"
        "KẾ HOẠCH\nthực hiện Kết luận số 21-KL/TW\n-----\nThực hiện Kết luận số 21-KL/TW ngày "
        "25/10/2021 của Ban Chấp hành Trung ương Đảng, Ban Thường vụ Tỉnh ủy ban hành Kế hoạch."
        "\nI. MỤC ĐÍCH\nNơi nhận:\n- Như trên.\nTM. BAN THƯỜNG VỤ\nBÍ THƯ\n",
        {"key": "41-KH/TU|Hà Nam|2023", "issuer": "Ban Thường vụ Tỉnh ủy Hà Nam"},
    ),
    (
        "Party plan signed for the whole committee",
        "ĐẢNG CỘNG SẢN VIỆT NAM\nTỈNH ỦY HÀ NAM\n*\nSố 42-KH/TU\nHà Nam, ngày 12 tháng 4 năm 2023\n"
        "KẾ HOẠCH\nthực hiện Kết luận số 21-KL/TW\n-----\nI. MỤC ĐÍCH\nT/M TỈNH ỦY\nBÍ THƯ\n",
        {"issuer": "Tỉnh ủy Hà Nam"},
    ),
    (
        "centrally-run city: UBND thành phố",
        "ỦY BAN NHÂN DÂN\nTHÀNH PHỐ ĐÀ NẴNG\n-------\nSố: 215/KH-UBND\n"
        "Đà Nẵng, ngày 20 tháng 9 năm 2022\nKẾ HOẠCH\nThực hiện Nghị quyết số 43-NQ/TW\n",
        {"key": "215/KH-UBND|Đà Nẵng|2022", "issuer": "UBND thành phố Đà Nẵng"},
    ),
    (
        "centrally-run city: the chairman's decision",
        "ỦY BAN NHÂN DÂN\nTHÀNH PHỐ HÀ NỘI\n-------\nSố: 3120/QĐ-UBND\n"
        "Hà Nội, ngày 14 tháng 6 năm 2023\nQUYẾT ĐỊNH\nVề việc ban hành Kế hoạch\n"
        "CHỦ TỊCH ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI\nCăn cứ Luật Thủ đô;\n",
        {"key": "3120/QĐ-UBND|Hà Nội|2023", "issuer": "Chủ tịch UBND thành phố Hà Nội"},
    ),
    (
        "ministry decision: the minister issues it",
        "BỘ GIÁO DỤC VÀ ĐÀO TẠO\n-------\nSố: 2222/QĐ-BGDĐT\nHà Nội, ngày 05 tháng 8 năm 2023\n"
        "QUYẾT ĐỊNH\nBan hành Kế hoạch chuyển đổi số ngành giáo dục\n"
        "BỘ TRƯỞNG BỘ GIÁO DỤC VÀ ĐÀO TẠO\nCăn cứ Nghị định số 86/2022/NĐ-CP quy định chức "
        "năng của Bộ Giáo dục và Đào tạo;\n",
        {"key": "2222/QĐ-BGDĐT|VN|2023", "issuer": "Bộ trưởng Bộ Giáo dục và Đào tạo"},
    ),
    (
        "ministry circular signed for the minister",
        "BỘ TÀI CHÍNH\n-------\nSố: 76/2023/TT-BTC\nHà Nội, ngày 29 tháng 12 năm 2023\n"
        "THÔNG TƯ\nQuy định mức thu lệ phí\nCăn cứ Luật Phí và lệ phí;\nTheo đề nghị của Vụ "
        "trưởng Vụ Chính sách thuế, Bộ Tài chính ban hành Thông tư.\nKT. BỘ TRƯỞNG\nTHỨ TRƯỞNG\n",
        {"key": "76/2023/TT-BTC|VN|2023", "issuer": "Bộ trưởng Bộ Tài chính"},
    ),
    (
        "ministry plan: the ministry issues it",
        "BỘ TÀI CHÍNH\n-------\nSố: 80/KH-BTC\nHà Nội, ngày 29 tháng 12 năm 2023\n"
        "KẾ HOẠCH\nThực hiện chuyển đổi số của Bộ Tài chính\nI. MỤC ĐÍCH\n",
        {"issuer": "Bộ Tài chính"},
    ),
    (
        "scanned letter whose number OCR lost: the symbol's tail makes it a letter",
        "BỘ CÔNG THƯƠNG CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nCỤC HÓA CHẤT Độc lập - Tự do\n"
        "Số: Éđã /HC-CNHC Hà Nội, ngày °ÔÖ tháng 4 năm 2026\nW⁄v trao đổi về một số quy định\n"
        "Kính gửi: Cục Hải quan\n",
        {"symbol": "", "type": "Công văn"},
    ),
    (
        "draft plan with a blank number: the symbol's tail carries the type code",
        "ỦY BAN NHÂN DÂN\nTỈNH LÀO CAI\nSố:      /KH-UBND\nLào Cai, ngày   tháng 6 năm 2026\n"
        "Triển khai thực hiện Chỉ thị số 11-CT/TU\n",
        {"symbol": "", "type": "Kế hoạch"},
    ),
    (  # the letterhead's last body is the issuer: a central agency, a commune's Front
        "central agency's letter, the national motto on the letterhead's line",
        "BẢO HIỂM XÃ HỘI VIỆT NAM CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "Số: 296/BHXH-CSYT Độc lập - Tự do - Hạnh phúc\nV/v hướng dẫn một số quy định\n"
        "Hà Nội, ngày 02 tháng 02 năm 2021\nKính gửi: Bảo hiểm xã hội các tỉnh.\n",
        {"issuer": "Bảo hiểm xã hội Việt Nam", "type": "Công văn"},
    ),
    (
        "a provincial department under its committee's line",
        "UBND TỈNH LÀO CAI                    CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG              Độc lập - Tự do - Hạnh phúc\n"
        "Số: 5141/SNNMT-KS                   Lào Cai, ngày 10 tháng 11 năm 2025\n"
        "V/v báo cáo sản lượng khai thác khoáng sản\n",
        {"issuer": "Sở Nông nghiệp và Môi trường tỉnh Lào Cai"},
    ),
    (  # legal-text datasets: the title is the first line, the authority the next
        "a dataset copy of a Prime Minister's decision, word-segmented",
        "Quyết_định sửa_đổi , bãi_bỏ một_số quy_định tại các quy_chế hoạt_động \n"
        "Thủ_tướng chính_phủ \nCăn_cứ Luật Tổ_chức Chính_phủ ngày 25 tháng 12 năm 2001 ;\n",
        {"type": "Quyết định", "issuer": "Thủ tướng Chính phủ"},
    ),
    (
        "a dataset copy of a minister's decision",
        "Quyết_định sửa_đổi , bổ_sung một_số điều thuộc quy_chế hoạt_động \n"
        "Bộ_trưởng bộ công_thương \nCăn_cứ Nghị_định số 189/2007/NĐ-CP ngày 27 tháng 12 "
        "năm 2007 của Chính_phủ ;\n",
        {"type": "Quyết định", "issuer": "Bộ trưởng Bộ Công Thương"},
    ),
    (
        "a dataset copy of a provincial directive: no authority line",
        "Chỉ_thị về việc xây_dựng kế_hoạch phát_triển kinh_tế - xã_hội 5 năm 2011 - 2015 \n"
        "Thực_hiện Nghị_quyết Đại_hội tỉnh Đảng_bộ lần thứ VIII ,\n",
        {"type": "Chỉ thị", "issuer": None},
    ),
    (
        "a number line with no symbol at all says nothing of the type",
        "ỦY BAN NHÂN DÂN\nTỈNH LÀO CAI\nSố:\nLào Cai, ngày 5 tháng 6 năm 2026\nVề việc tổ chức\n",
        {"symbol": "", "type": None},
    ),
]


@pytest.mark.parametrize(("name", "text", "want"), HEADER_CASES, ids=[c[0] for c in HEADER_CASES])
def test_header_cases(name: str, text: str, want: dict[str, str]) -> None:
    doc = extract_header(normalize(text))
    for field, value in want.items():
        assert getattr(doc, field) == value, (field, getattr(doc, field))


@pytest.mark.parametrize(
    "text",
    ["", " ", "\n\t ", "a", " a", "a ", " a b  c\n\nd\t", "x\u00a0y\u3000 z\u2028", "\n a \n"],
)
def test_case_source_folds_every_whitespace_run(text: str) -> None:
    import re

    from vbgraph.loaders.relate.header import _case_source

    body = re.sub(r"\s+", " ", text)
    assert _case_source(text) == (body, body.lower())


@pytest.mark.parametrize(
    "head",
    [
        "ỦY BAN NHÂN DÂN\nTỈNH AN GIANG\nSố: 12/QĐ-UBND, An Giang, ngày 5 tháng 3 năm 2020",
        "a, b, c,ngày 1 ,  NGÀY 2/3/2020",
        "Hà Nội, " + "x" * 60 + ", ngày 1/2/2020",
        "không có ngày nào",
        "1234567890, ngày 5/5/2020 | Quảng Ngãi, ngày 6/6/2021",
    ],
)
def test_place_date_is_the_first_place_date_match(head: str) -> None:
    from vbgraph.loaders.relate.header import _PLACE_DATE, _place_date

    want = _PLACE_DATE.search(head)
    got = _place_date(head)
    assert (got and got.span()) == (want and want.span())


# The table a legal portal (thuvienphapluat.vn) prints above a document, as its copied
# pages keep it: labels and values in cells, each on a line of its own.  Excerpts in the
# layout of two real pages (a Hồ Chí Minh City letter and a Ministry of Home Affairs
# letter of November 2025), cut down for the test.
_PORTAL = (
    "Đang tải văn bản...\n#\n**Số hiệu:**\n|\n{symbol}\n|\n|\n**Loại văn bản:**\n|\n"
    "Công văn\n|\n**Nơi ban hành:**\n|\n{issuer}\n|\n|\n**Người ký:**\n|\nBùi Xuân Cường\n|\n"
    "**Ngày ban hành:**\n|\n25/11/2025\n|\n|\n**\nNgày hiệu lực:**\n|\nĐã biết\n|\n|\n"
)


def test_a_portal_page_with_the_letterhead_after_the_portal_table() -> None:
    text = _PORTAL.format(symbol="4085/UBND-ĐT", issuer="Thành phố Hồ Chí Minh") + (
        "**ỦY\nBAN NHÂN DÂN **\nTHÀNH PHỐ HỒ CHÍ MINH\n--------\n|\n**CỘNG\nHÒA XÃ HỘI CHỦ "
        "NGHĨA VIỆT NAM**\nĐộc lập - Tự do - Hạnh phúc\n|\n|\nSố: 4085/UBND-ĐT\n*V/v rà soát "
        "dữ liệu số nhà*\n|\n*Thành\nphố Hồ Chí Minh, ngày 25 tháng 11 năm 2025*\n|\n"
        "**Kính gửi:**\n|\n- Sở Xây dựng.\n"
    )
    doc = extract_header(normalize(text))
    assert (doc.symbol, doc.type, doc.date) == ("4085/UBND-ĐT", "Công văn", "2025-11-25")
    assert doc.issuer == "UBND Thành phố Hồ Chí Minh"
    assert doc.province == "Thành phố Hồ Chí Minh"


@pytest.mark.parametrize("number", ["634/TB-VPCP", "627/TB-VPCP"])
def test_a_central_body_s_name_wrapped_in_a_portal_cell(number: str) -> None:
    # the Government Office's letterhead as a legal portal's page keeps it, bold and wrapped
    # over two lines (VPCP notices 634 and 627 of 2025)
    text = ("|\n**VĂN PHÒNG CHÍNH\nPHỦ**\n-------\n|\n**CỘNG HÒA XÃ HỘI\nCHỦ NGHĨA VIỆT NAM**"
            f"\nĐộc lập - Tự do - Hạnh phúc\n---------------\n|\n|\nSố: {number}\n|\n*Hà Nội, "
            "ngày 22\ntháng 11 năm 2025*\n|\n\n\n**THÔNG BÁO**\n")
    doc = extract_header(normalize(text))
    assert (doc.symbol, doc.issuer, doc.province) == (number, "Văn phòng Chính phủ", None)


def test_the_party_committee_of_a_people_s_committee_issues_its_letter() -> None:
    # Lào Cai, 2026: "ĐẢNG BỘ TỈNH LÀO CAI / ĐẢNG ỦY ỦY BAN NHÂN DÂN TỈNH", Số 2449-CV/ĐU
    text = ("ĐẢNG BỘ TỈNH LÀO CAI                             ĐẢNG CỘNG SẢN VIỆT NAM\n"
            " ĐẢNG ỦY ỦY BAN NHÂN DÂN TỈNH\n"
            "                                                      Lào Cai, ngày 07 tháng 9 năm "
            "2026\n               *\n         Số 2449 -CV/ĐU\nvề việc triển khai thực hiện "
            "Chương trình hành động\n")
    doc = extract_header(normalize(text))
    assert (doc.issuer, doc.province) == ("Đảng ủy UBND tỉnh Lào Cai", "Lào Cai")


def test_a_portal_page_without_a_letterhead_takes_the_portal_fields() -> None:
    # the page opens with the portal's summary; the letter's own header is not copied
    text = _PORTAL.format(symbol="10988/BNV-CQĐP", issuer="Bộ Nội vụ") + (
        "## Thông tin sáp nhập là không chính xác\n**Ngày 21/11/2025, Bộ Nội vụ đã ban hành "
        "Công văn 10988/BNV-CQĐP tuyên truyền chủ trương.**\n"
    )
    doc = extract_header(normalize(text))
    assert (doc.symbol, doc.type, doc.issuer) == ("10988/BNV-CQĐP", "Công văn", "Bộ Nội vụ")
    assert doc.key.startswith("10988/BNV-CQĐP|")


def test_the_number_on_the_line_after_its_label() -> None:
    # headers laid out as table cells and saved as text put the number on the next line
    # (Lai Châu plan and Thái Nguyên decision of 2025: "Số:\n7360/KH-UBND")
    text = ("**UỶ BAN NHÂN\nDÂN**\nTỈNH LAI CHÂU\n--------\n|\n**CỘNG HÒA XÃ\nHỘI CHỦ NGHĨA "
            "VIỆT NAM**\nĐộc lập - Tự do - Hạnh phúc\n|\n|\nSố:\n7360/KH-UBND\n|\n*Lai Châu, "
            "ngày\n19 tháng 11 năm 2025*\n|\n\n**KẾ HOẠCH**\n\nTRIỂN KHAI THI HÀNH LUẬT\n")
    doc = extract_header(normalize(text))
    assert (doc.symbol, doc.type, doc.date) == ("7360/KH-UBND", "Kế hoạch", "2025-11-19")
