"""OCR renders a scan at its own resolution when it is between 200 and 300 dpi
(formats/ocr.py ``NATIVE_MIN_DPI``): enlarging a 200 dpi scan to 300 dpi cost a
quarter more Tesseract time for the same accuracy (bench/README.md)."""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium
import pytest
from PIL import Image

from vbgraph.loaders.formats import ocr


def _scan(path: Path, dpi: int) -> Path:
    # an A4 page scanned at ``dpi``: PIL places the image at that resolution
    size = (round(8.27 * dpi), round(11.69 * dpi))
    Image.new("L", size, 255).save(path, "PDF", resolution=dpi)
    return path


@pytest.mark.parametrize(
    ("dpi", "rendered"), [(200, 200), (260, 260), (300, 300), (150, 300), (400, 300)]
)
def test_a_scan_is_rendered_at_its_own_resolution_within_200_to_300(
    tmp_path: Path, dpi: int, rendered: int
) -> None:
    document = pdfium.PdfDocument(_scan(tmp_path / f"scan-{dpi}.pdf", dpi))
    try:
        page = document[0]
        assert ocr.scan_dpi(page) == pytest.approx(dpi, rel=0.01)
        assert ocr._scale(page) * 72 == pytest.approx(rendered, rel=0.01)
    finally:
        document.close()


def test_a_page_without_a_full_page_image_is_rendered_at_300(tmp_path: Path) -> None:
    document = pdfium.PdfDocument.new()
    try:
        page = document.new_page(595, 842)
        assert ocr.scan_dpi(page) is None
        assert ocr._scale(page) * 72 == pytest.approx(ocr.DPI)
    finally:
        document.close()
