"""Decompression bombs (issue 15, finding 10): readers bound what they unpack and refuse
with a message naming the file.  The bombs are generated here (test fixtures): a .docx
whose parts unpack to gigabytes, a PDF declaring more pages than any document has, and a
page so large that rendering it for OCR at full resolution would take gigabytes."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from vbgraph.errors import InputError
from vbgraph.loaders.formats import docx, ocr, pdf
from vbgraph.loaders.formats.read import read_document


def test_a_docx_that_unpacks_past_the_limit_is_refused_before_unpacking(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("[Content_Types].xml", "<Types/>")
        package.writestr("word/media/zeros.bin", b"\0" * (8 * 1024 * 1024))  # 8 MB -> 8 KB
    bomb = tmp_path / "bomb.docx"
    bomb.write_bytes(buffer.getvalue())
    assert bomb.stat().st_size < 100_000
    monkeypatch.setattr(docx, "MAX_UNPACKED", 4 * 1024 * 1024)
    with pytest.raises(InputError, match=r"bomb\.docx: the \.docx would unpack to 8 MB"):
        read_document(bomb)


def test_a_pdf_with_more_pages_than_a_document_has_is_refused(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument.new()
    for _ in range(5):
        document.new_page(595, 842)
    path = tmp_path / "many.pdf"
    document.save(str(path))
    document.close()
    monkeypatch.setattr(pdf, "MAX_PAGES", 4)
    with pytest.raises(InputError, match=r"many\.pdf: 5 pages, over the 4-page limit"):
        read_document(path)


def test_a_huge_page_is_rendered_for_ocr_within_the_pixel_budget() -> None:
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument.new()
    page = document.new_page(14_400, 14_400)  # 200 x 200 inches
    try:
        scale = ocr._scale(page)
        width, height = page.get_size()
        assert width * height * scale * scale <= ocr.MAX_PIXELS * 1.001
        a4 = document.new_page(595, 842)
        assert ocr._scale(a4) == ocr.DPI / 72  # an ordinary page keeps the full resolution
    finally:
        document.close()
