"""The .docx reader walks python-docx's XML tree itself: the text must be what python-docx's
own objects give (``Paragraph.text``, ``Table.rows``, ``_Row.cells``) on the XML Word writes
that a plain walk could read differently: hyperlinks, tabs, page and line breaks,
non-breaking hyphens, runs wrapped in ``w:ins`` and blocks in ``w:sdt`` (skipped by both),
``w:gridBefore``, horizontal spans, vertical merges, nested tables with merged cells."""

from __future__ import annotations

import io
import re
from pathlib import Path

from docx import Document
from docx.oxml import parse_xml
from docx.table import Table, _Cell

from vbgraph.loaders.formats.docx import read_docx

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _p(*runs: str) -> str:
    return "<w:p>" + "".join(runs) + "</w:p>"


def _r(inner: str) -> str:
    return f"<w:r><w:rPr><w:b/></w:rPr>{inner}</w:r>"


def _tc(inner: str, props: str = "") -> str:
    return f"<w:tc><w:tcPr><w:tcW w:w='100' w:type='dxa'/>{props}</w:tcPr>{inner}</w:tc>"


NESTED = (
    "<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/></w:tblGrid>"
    f"<w:tr>{_tc(_p(_r('<w:t>Sở Tài chính</w:t>')), '<w:vMerge w:val=\"restart\"/>')}"
    f"{_tc(_p(_r('<w:t>Quý I</w:t>')))}</w:tr>"
    f"<w:tr>{_tc(_p(), '<w:vMerge/>')}{_tc(_p(_r('<w:t>Quý II</w:t>')))}</w:tr>"
    f"<w:tr>{_tc(_p(_r('<w:t>Ngang</w:t>')), '<w:gridSpan w:val=\"2\"/>')}</w:tr>"
    "</w:tbl>"
)
BODY = (
    _p(_r("<w:t>Số: 590/QĐ-UBND</w:t><w:tab/><w:t xml:space='preserve'> ngày </w:t>"),
       _r("<w:t>17</w:t><w:noBreakHyphen/><w:t>11</w:t><w:br/><w:t>dòng</w:t>"),
       _r("<w:br w:type='page'/><w:t>trang</w:t><w:cr/><w:ptab/><w:br w:type='column'/>"),
       "<w:hyperlink><w:r><w:t>liên kết</w:t></w:r><w:proofErr/></w:hyperlink>",
       "<w:ins><w:r><w:t>CHÈN</w:t></w:r></w:ins>",
       _r("<w:t/><w:delText>XÓA</w:delText>"))
    + "<w:sdt><w:sdtContent>" + _p(_r("<w:t>KHÔNG ĐỌC</w:t>")) + "</w:sdtContent></w:sdt>"
    + "<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid>"
    + "<w:tr><w:trPr><w:gridBefore w:val='1'/></w:trPr>"
    + _tc(_p(_r("<w:t>a | b</w:t>")) + _p(_r("<w:t>  hai   dòng </w:t>")))
    + _tc(_p(_r("<w:t>x</w:t>")))
    + "</w:tr><w:tr>"
    + _tc(_p(_r("<w:t>Nội dung</w:t>")) + NESTED + _p(_r("<w:t>sau</w:t>")),
          "<w:gridSpan w:val='2'/><w:vMerge w:val='restart'/>")
    + _tc(_p(_r("<w:t>y</w:t>")))
    + "</w:tr><w:tr>"
    + _tc(_p(_r("<w:t>bị gộp</w:t>")), "<w:gridSpan w:val='2'/><w:vMerge/>")
    + _tc(_p())
    + "</w:tr><w:tr>" + _tc(_p()) + _tc(_p()) + _tc(_p()) + "</w:tr></w:tbl>"
    + _p(_r("<w:t>Nơi nhận:</w:t>"))
)


def _python_docx_text(document: object) -> str:
    """The text as the reader read it through python-docx's objects (before the walk)."""
    lines: list[str] = []
    for block in document.iter_inner_content():  # type: ignore[attr-defined]
        if not isinstance(block, Table):
            lines.append(block.text)
            continue
        for row in block.rows:
            cells = [""] * row.grid_cols_before
            for tc in row._tr.tc_lst:
                text = "" if tc.vMerge == "continue" else _cell(_Cell(tc, block))
                cells.append(text.replace("|", "¦"))
                cells.extend([""] * (tc.grid_span - 1))
            if any(cells):
                lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def _cell(cell: _Cell) -> str:
    parts: list[str] = []
    for block in cell.iter_inner_content():
        if isinstance(block, Table):
            for row in block.rows:
                seen: list[object] = []
                for inner in row.cells:
                    if any(inner._tc is s for s in seen):
                        continue
                    seen.append(inner._tc)
                    parts.append(_cell(inner))
        else:
            parts.append(block.text)
    return re.sub(r"\s+", " ", " ".join(parts)).strip()


def test_the_walk_reads_what_python_docx_reads(tmp_path: Path) -> None:
    document = Document()
    body = document.element.body
    for child in list(body):
        if not child.tag.endswith("sectPr"):
            body.remove(child)
    for child in parse_xml(f"<w:body {W}>{BODY}</w:body>"):
        body.insert(len(body) - 1, child)
    buffer = io.BytesIO()
    document.save(buffer)
    data = buffer.getvalue()
    expected = _python_docx_text(Document(io.BytesIO(data)))
    got = read_docx(data, tmp_path / "x.docx")
    assert got.text == expected
    # what the fixture is there for: each case is in the text as python-docx gives it
    assert "Số: 590/QĐ-UBND\t ngày 17-11\ndòngtrang\n\tliên kết" in got.text
    assert "CHÈN" not in got.text and "KHÔNG ĐỌC" not in got.text and "XÓA" not in got.text
    assert "|  | a ¦ b hai dòng | x |" in got.text
    assert "Sở Tài chính Quý I Sở Tài chính Quý II Ngang sau" in got.text
    assert got.warnings == ("1 '|' character(s) inside table cells written as '¦'",)
