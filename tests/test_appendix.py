"""Appendix task tables: flattened one cell per line (cells missing), pipe rows, .docx."""

from __future__ import annotations

import io

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from vbgraph.loaders.relate.responsibilities import extract_responsibilities
from vbgraph.loaders.text.normalize import normalize
from vbgraph.models import DocInfo, Task

SUBJECT = DocInfo(symbol="35/KH-UBND", key="35/KH-UBND|Bình Định|2024", province="Bình Định")

# Excerpt in the layout of a provincial plan's "Phụ lục" after HTML extraction:
# one cell per line; row 1.2 has no agency cells, row 2.1 only a lead cell.
FLATTENED = """\
PHỤ LỤC
NHIỆM VỤ TRIỂN KHAI KẾ HOẠCH
(Kèm theo Kế hoạch số 35/KH-UBND ngày 12/3/2024 của UBND tỉnh Bình Định)
STT
Nội dung nhiệm vụ
Cơ quan chủ trì
Cơ quan phối hợp
Thời gian hoàn thành
Ghi chú
1
Tuyên truyền, phổ biến
1.1
Tổ chức quán triệt nội dung Nghị quyết đến cán bộ, đảng viên.
Các sở, ban, ngành; UBND các huyện, thị xã, thành phố.
Sở Thông tin và Truyền thông, Đài Phát thanh truyền hình tỉnh.
Hàng năm
1.2
Ứng dụng công nghệ số trong tuyên truyền.
2
Hoàn thiện thể chế
2.1
Rà soát, sửa đổi các quy định của tỉnh về ưu đãi đầu tư.
Sở KH&ĐT
Quý IV/2024
2.2
Xây dựng cơ chế hỗ trợ doanh nghiệp nhỏ và vừa.
Sở Tài chính, Sở Công Thương
Các sở, ban, ngành; UBND các huyện, thị xã. thành phố.
Năm 2025
Trình HĐND tỉnh
"""

PIPE = "\n".join(
    [
        "PHỤ LỤC",
        "| STT | Nội dung nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian |",
        "|---|---|---|---|---|",
        "| I | Phát triển hạ tầng | | | |",
        "| 1 | Xây dựng danh mục dự án kêu gọi đầu tư hạ tầng giao thông | Sở GTVT "
        "| Sở Kế hoạch và Đầu tư; UBND các huyện, thị xã, thành phố | Năm 2025 |",
        "| 2 | Phát triển hạ tầng số nông thôn | Sở TT&TT | | 2024-2026 |",
        "| 3 | Chính sách tín dụng cho nông nghiệp | Ngân hàng Nhà nước chi nhánh tỉnh Bình Định "
        "| Sở NN&PTNT | Thường xuyên |",
        "",
    ]
)


# Written for this test in the layout of a gazette PDF's text layer (no real document): a
# header broken over lines, cells broken over lines, two cells on one line after a wide
# gap, a row number with its first line, and a page break (footnote, running head, page
# number, the header again) inside the table.
GAZETTE = """\
Phụ lục
DANH MỤC NHIỆM VỤ
TT
Tên nhiệm vụ
Cơ quan
chủ trì
Cơ quan
phối hợp
Thời gian
hoàn thành
1
Rà soát các quy định về thủ tục hành chính trong lĩnh vực
đầu tư của
Bộ Kế hoạch và Đầu tư
Các bộ,
cơ quan ngang bộ
Bộ Tư pháp
Năm 2026
2
Tổng kết việc thi hành luật, tham mưu Chính
phủ trình Quốc hội sửa đổi
Bộ Tài chính    Các bộ, ngành,
UBND tỉnh, thành phố
Quý II/2026
1 Nghị quyết số 12/NQ-CP ngày 01/01/2026 của Chính phủ.

CÔNG BÁO/Số 10/Ngày 01-02-2026
95
TT
Tên nhiệm vụ
Cơ quan
chủ trì
Cơ quan
phối hợp
Thời gian
hoàn thành
3  Xây dựng cơ sở dữ liệu quốc gia
về thủ tục hành chính
Văn phòng Chính phủ
Bộ Công an
Năm 2027
"""


def test_gazette_table_rows() -> None:
    rows = _rows(GAZETTE)
    assert set(rows) == {"1", "2", "3"}  # "95" is the page number, not a row
    assert rows["1"].lead == ("Các Bộ, ngành Trung ương",)  # the task text's words are no lead
    assert rows["1"].coordinate == ("Bộ Tư pháp",)
    assert rows["2"].lead == ("Bộ Tài chính",)  # "Chính / phủ" goes on with the task's text
    assert set(rows["2"].coordinate) == {"Các Bộ, ngành Trung ương", "UBND tỉnh, thành phố"}
    assert rows["2"].deadline == "2026-06-30"
    assert rows["3"].text.startswith("Xây dựng cơ sở dữ liệu quốc gia")
    assert rows["3"].lead == ("Văn phòng Chính phủ",) and rows["3"].coordinate == ("Bộ Công an",)


def test_gazette_rows_numbered_again_in_each_group_take_the_group() -> None:
    # a Government programme's appendix (NQ 100/NQ-CP of 2026): group rows I, II, each
    # numbering its rows from 1; a row's id must name one task
    text = GAZETTE.replace("TT\nTên nhiệm vụ\nCơ quan\nchủ trì\nCơ quan\nphối hợp\n"
                           "Thời gian\nhoàn thành\n1\n",
                           "TT\nTên nhiệm vụ\nCơ quan\nchủ trì\nCơ quan\nphối hợp\n"
                           "Thời gian\nhoàn thành\nI.\nCải cách thủ tục\n1\n", 1)
    text = text.replace("Quý II/2026\n", "Quý II/2026\nII.\nDữ liệu\n", 1)
    text = text.replace("3  Xây dựng cơ sở", "1  Xây dựng cơ sở", 1)
    rows = _rows(text)
    assert {"I.1", "I.2", "II.1"} <= set(rows)
    assert rows["II.1"].lead == ("Văn phòng Chính phủ",)


def _rows(text: str) -> dict[str, Task]:
    _, tasks = extract_responsibilities(normalize(text), SUBJECT)
    return {t.id: t for t in tasks if t.table}


def test_flattened_rows_with_missing_cells() -> None:
    rows = _rows(FLATTENED)
    assert set(rows) == {"1.1", "1.2", "2.1", "2.2"}  # group rows 1, 2 carry no agencies
    assert rows["1.1"].lead == ("Các sở, ban, ngành", "UBND các huyện, thị xã, thành phố")
    assert rows["1.1"].coordinate == (
        "Sở Thông tin và Truyền thông",
        "Đài Phát thanh và Truyền hình tỉnh",
    )
    assert rows["1.1"].recurring == "yearly"
    assert rows["1.2"].lead == () and rows["1.2"].uncertain
    assert rows["2.1"].lead == ("Sở Kế hoạch và Đầu tư",) and rows["2.1"].coordinate == ()
    assert rows["2.1"].deadline == "2024-12-31"
    assert rows["2.2"].lead == ("Sở Tài chính", "Sở Công Thương")
    assert rows["2.2"].coordinate == ("Các sở, ban, ngành", "UBND các huyện, thị xã, thành phố")
    assert rows["2.2"].deadline == "2025-12-31"
    assert rows["2.2"].text == "Xây dựng cơ chế hỗ trợ doanh nghiệp nhỏ và vừa."


def test_pipe_rows() -> None:
    rows = _rows(PIPE)
    assert set(rows) == {"1", "2", "3"}
    assert rows["1"].lead == ("Sở Giao thông vận tải",)
    assert rows["1"].coordinate == ("Sở Kế hoạch và Đầu tư", "UBND các huyện, thị xã, thành phố")
    assert rows["1"].deadline == "2025-12-31"
    assert rows["2"].lead == ("Sở Thông tin và Truyền thông",) and rows["2"].coordinate == ()
    assert rows["3"].lead == ("Ngân hàng Nhà nước Việt Nam Chi nhánh tỉnh Bình Định",)
    assert rows["3"].recurring == "continuous"


def test_table_assignments_point_at_their_row() -> None:
    assignments, _ = extract_responsibilities(normalize(PIPE), SUBJECT)
    by_task = {(a.agency, a.role): a.task for a in assignments}
    assert by_task[("Sở Giao thông vận tải", "lead")] == "1"
    assert by_task[("Sở Nông nghiệp và Phát triển nông thôn", "coordinate")] == "3"
    for a in assignments:
        assert PIPE[a.start : a.end] == a.raw


def test_a_row_numbered_like_a_body_item_stays_a_task_of_its_own() -> None:
    # a resolution whose body items and appendix rows are both numbered "1", "2" (the
    # Government's programmes of 2026 number both "III.2"): two tasks, not one
    body = ("1. Sở Tài chính chủ trì bố trí kinh phí thực hiện Kế hoạch.\n"
            "2. Sở Nội vụ chủ trì hướng dẫn khen thưởng.\n")
    _, tasks = extract_responsibilities(normalize(body + PIPE), SUBJECT)
    ids = [t.id for t in tasks]
    assert len(ids) == len(set(ids)), ids
    by_id = {t.id: t for t in tasks}
    assert by_id["1"].lead == ("Sở Tài chính",)
    assert by_id["Phụ lục 1, 1"].lead == ("Sở Giao thông vận tải",)
    # alone, the table's rows keep their numbers
    assert {t.id for t in extract_responsibilities(normalize(PIPE), SUBJECT)[1]} == {
        "1", "2", "3"}


def test_docx_table() -> None:
    docx = pytest.importorskip("docx")
    from vbgraph.loaders.formats.read import read_document

    document = docx.Document()
    document.add_paragraph("PHỤ LỤC")
    table = document.add_table(rows=1, cols=5)
    for cell, text in zip(
        table.rows[0].cells,
        ["STT", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian"],
        strict=True,
    ):
        cell.text = text
    for values in [
        ["1", "Thu hút đầu tư nước ngoài", "Sở Ngoại vụ, Sở KH&ĐT", "Các sở, ban, ngành", "2025"],
        ["2", "Bảo hộ công dân", "Công an tỉnh", "Bộ Chỉ huy Bộ đội Biên phòng tỉnh", "Hàng năm"],
    ]:
        row = table.add_row()
        for cell, text in zip(row.cells, values, strict=True):
            cell.text = text
    buffer = io.BytesIO()
    document.save(buffer)
    import tempfile
    from pathlib import Path

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "phu_luc.docx"
        path.write_bytes(buffer.getvalue())
        source = read_document(path)
    rows = _rows(source.text)
    assert rows["1"].lead == ("Sở Ngoại vụ", "Sở Kế hoạch và Đầu tư")
    assert rows["1"].coordinate == ("Các sở, ban, ngành",)
    assert rows["2"].lead == ("Công an tỉnh",)
    assert rows["2"].coordinate == ("Bộ Chỉ huy Bộ đội Biên phòng tỉnh",)
    assert rows["2"].recurring == "yearly"


def test_marker_kinds_by_first_character() -> None:
    """Markers are only tried on lines that start as they can; every kind still parses."""
    from vbgraph.loaders.find.structure import parse_items

    text = (
        "Phần I\nĐiều 2. Giao\nII. Nhiệm vụ\n1. Sở A\n1.1 Việc\na) việc\n"
        "- việc\n• việc\nthường dòng\n  IV) mục\n"
    )
    kinds = [(item.kind, item.label) for item in parse_items(text)]
    assert kinds == [
        ("part", "I"),
        ("article", "2"),
        ("roman", "II"),
        ("arabic", "1"),
        ("decimal", "1.1"),
        ("letter", "a"),
        ("dash", "-"),
        ("dash", "-"),
        ("roman", "IV"),
    ]


_LINES_TEXT = st.lists(
    st.sampled_from(
        [
            "\n",
            " ",
            "\t",
            "|",
            "STT",
            "Số TT",
            "1.1",
            "II.",
            "a)",
            "- ",
            "x",
            "\xa0",
            "\u2028",
            "\r",
            "Sở Y",
            "Chủ trì",
            "Phối hợp",
            "1.",
            "Điều 2.",
        ]
    ),
    max_size=40,
).map("".join)


@settings(max_examples=300, deadline=None)
@given(_LINES_TEXT, st.integers(0, 200), st.integers(0, 200))
def test_line_scans_agree_with_every_line(text: str, a: int, b: int) -> None:
    """Lines by ``split`` and marker lines by one regex scan: as trying every line start."""
    from vbgraph.loaders.find import structure
    from vbgraph.loaders.find import tables as appendix

    lines, pos = [], 0
    for line in text.split("\n"):
        lines.append((pos, pos + len(line)))
        pos += len(line) + 1
    assert appendix._lines(text) == lines
    a, b = min(a, len(text)), min(max(a, b), len(text))
    every = [a] + [k + 1 for k in range(a, b) if text[k] == "\n"]
    marked = [ls for ls in every if ls < b and structure._marker_at(text, ls) is not None]
    assert [ls for ls in structure._line_starts(text, a, b) if ls < b and ls in marked] == marked


def test_a_narrow_column_breaks_its_cell_a_word_per_line() -> None:
    # a Government programme's appendix in a gazette PDF's text layer (NQ 100/NQ-CP of
    # 2026): the coordinating bodies' column is so narrow that its cell comes a word or
    # two per line
    text = ("Phụ lục\nTT\nTên nhiệm vụ\nCơ quan\nchủ trì\nCơ quan\nphối hợp\nThời gian\n"
            "hoàn thành\n1\nTổ chức tuyên truyền, phổ biến Chỉ thị.\nBộ Ngoại \ngiao \nCác \n"
            "Bộ, \nngành, \nđịa \nphương \nNăm 2026\n")
    rows = _rows(text)
    assert rows["1"].lead == ("Bộ Ngoại giao",)
    assert rows["1"].coordinate == ("Các Bộ, ngành Trung ương",)


# A portal page's table saved as text (Nghệ An plan of 2025, Hà Nội plan of 2025): a cell
# per line between "|" bars, bold header cells, "Nội dung thực hiện" and "Thời gian thực
# hiện" headers (whose "thực hiện" does not make them the lead column), cells wrapped.
PORTAL = """\
**PHỤ LỤC**
|
**TT**
|
**Nội dung thực
hiện**
|
**Cơ quan chủ trì**
|
**Cơ quan phối hợp**
|
**Thời gian thực hiện**
|
|
1
|
Triển khai thực hiện một số nội dung chi đặc thù.
|
Sở Tài chính
|
Cơ quan, địa
phương liên quan
|
Thường xuyên
|
|
2
|
Hướng dẫn thanh toán chi phí khám bệnh, chữa bệnh.
|
Sở Y tế
|
Sở Tài chính và cơ
quan, địa phương liên quan
|
2025
|
"""


def test_a_portal_page_table() -> None:
    rows = _rows(PORTAL)
    assert set(rows) == {"1", "2"}
    assert rows["1"].lead == ("Sở Tài chính",)
    assert rows["1"].coordinate == ("Các cơ quan, địa phương liên quan",)
    assert rows["2"].lead == ("Sở Y tế",)
    assert set(rows["2"].coordinate) == {"Sở Tài chính", "Các cơ quan, địa phương liên quan"}


def test_a_table_of_who_operates_what_is_no_task_table() -> None:
    # Hồ Chí Minh City letter 4001/UBND-ĐT of 2025: an appendix of mines, "Đơn vị khai thác"
    # (the operator) beside the licence; the operators are data, no leads ("Đơn vị" alone,
    # "Đơn vị thực hiện" and "Đơn vị chủ trì" still name a task table's lead column)
    from vbgraph.loaders.find.tables import column_role

    text = (
        "|\n"
        "**TT**\n"
        "|\n"
        "**Đơn vị khai thác**\n"
        "|\n"
        "**Khu vực khoáng sản**\n"
        "|\n"
        "**Số giấy phép**\n"
        "|\n"
        "**Trữ lượng (m**3)\n"
        "|\n"
        "**Công suất khai thác** **(m**3/năm)\n"
        "|\n"
        "|\n"
        "**I**\n"
        "|\n"
        "**Đá xây dựng: 38**\n"
        "|\n"
        "|\n"
        "|\n"
        "|\n"
        "**20.730.400**\n"
        "|\n"
        "|\n"
        "1\n"
        "|\n"
        "CT CP khoáng sản và Xây dựng Bình Dương\n"
        "|\n"
        "Mỏ ĐXD Phước Vĩnh, xã Phú Giáo\n"
        "|\n"
        "137/GP-UBND ngày 13/07/2017 42/GP-UBND ngày 21/06/2025\n"
        "|\n"
        "10.627.089\n"
        "|\n"
        "1.200.000\n"
        "|\n"
        "|\n"
        "2\n"
        "|\n"
        "CT CP Khoáng sản Miền Đông AHP\n"
        "|\n"
        "Mỏ ĐXD Rạch Rạc, xã Phú Giáo\n"
        "|\n"
        "61/GP-UBND ngày 21/06/2019\n"
        "|\n"
        "25.100.000\n"
        "|\n"
        "800.000\n"
        "|\n"
        "|\n"
        "3\n"
        "|\n"
        "Công ty Cổ phần đầu tư khoáng sản Tân Thịnh\n"
        "|\n"
        "Mỏ ĐXD Suối Rạc, xã Phú Giáo\n"
        "|\n"
    )
    subject = DocInfo(symbol="4001/UBND-ĐT", key="4001/UBND-ĐT|HCM|2025",
                      province="Thành phố Hồ Chí Minh")
    assignments, _ = extract_responsibilities(normalize(text), subject)
    assert not assignments, assignments
    assert [column_role(h) for h in ("Đơn vị", "Đơn vị thực hiện", "Đơn vị chủ trì")] == [
        "lead", "lead", "lead"]
    assert column_role("Đơn vị tính") is None
