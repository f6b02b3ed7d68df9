"""Readers on the real files researchers have, and on scans and task tables made from
real text.

Real files are read from ``../shared/corpus/formats`` (copied verbatim from public
repositories; provenance in its MANIFEST.md): PDFs with a text layer and scanned
PDFs of a provincial department's folder, Word 97 files with their .docx twins, and
pages saved from the national legal-document portal.  The tests fail (they do not
skip) when ``../shared`` is missing.  OCR needs Debian's ``tesseract-ocr`` and
``tesseract-ocr-vie``; the .doc routes need ``catdoc`` and LibreOffice
(``libreoffice-writer-nogui``): ``.ci/run`` installs them.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest

from tests import format_fixtures as ff
from tests.conftest import SHARED
from vbgraph.errors import InputError
from vbgraph.loaders.extraction import extract
from vbgraph.loaders.formats import doc as doc_reader
from vbgraph.loaders.formats import ocr, pdf_tables
from vbgraph.loaders.formats.read import read_document
from vbgraph.models import SourceDocument

FORMATS = SHARED / "corpus" / "formats"
LAO_CAI = FORMATS / "lao-cai-sct"
VBPL = FORMATS / "vbpl-pages"
FONT = ff.find_vietnamese_font()


def real(relative: str) -> Path:
    path = FORMATS / relative
    assert path.is_file(), f"{path} is missing: ../shared/corpus/formats must sit beside the repo"
    return path


def text_pdfs() -> list[Path]:
    """The real PDFs with a text layer (the others are scans)."""
    found = sorted(LAO_CAI.rglob("*.pdf"))
    assert len(found) >= 30, f"expected the real PDFs under {LAO_CAI}"
    import pypdfium2 as pdfium

    with_text = []
    for path in found:
        document = pdfium.PdfDocument(path)
        try:
            page = document[0]
            if page.get_textpage().count_chars() > 200:
                with_text.append(path)
        finally:
            document.close()
    return with_text


def words(text: str) -> list[str]:
    return re.findall(r"\w+", unicodedata.normalize("NFC", text).replace("|", " "))


def extraction(text: str, name: str = "x.txt") -> dict:
    return extract(SourceDocument(path=name, text=text, format="txt")).to_json()


# ------------------------------------------------------------------- PDF text layer


def test_real_text_pdfs_are_read_without_pdfplumber(monkeypatch: pytest.MonkeyPatch) -> None:
    """No real text PDF here has a task table: PDFium reads them all, pdfplumber (fifty
    times slower) is never opened; text is NFC with no PDFium marker characters."""

    def refuse(*args: object) -> None:
        raise AssertionError("pdfplumber opened for a page without a task table")

    monkeypatch.setattr(pdf_tables, "open_pdf", refuse)
    pdfs = text_pdfs()
    assert len(pdfs) >= 15
    for path in pdfs:
        doc = read_document(path)
        assert doc.format == "pdf" and doc.warnings == (), path
        assert unicodedata.is_normalized("NFC", doc.text), path
        assert "\ufffe" not in doc.text and "\ufffd" not in doc.text, path
        assert len(words(doc.text)) > 150, path


def test_pdf_hyphen_at_line_end_is_kept() -> None:
    """PDFium marks a hyphen that ends a line as U+FFFE and runs the next line on."""
    doc = read_document(
        real("lao-cai-sct/qlks-sct-vn/van-ban-goc/CV-6791-SNNMT-17-7-2026-y-kien-tham-dinh-CCN-Bao-Dap.pdf")
    )
    assert "Quyết định số 2257/QĐ-" in doc.text
    targets = {e["target"] for e in extraction(doc.text)["edges"]}
    assert "2257/QĐ-UBND|Lào Cai|2023" in targets


def test_pdf_text_is_not_repeated_from_a_frame_taken_for_a_table() -> None:
    """A page framed by ruled lines is text, not a one-cell table holding the page
    (pdfplumber wrote every number of this list twice)."""
    doc = read_document(
        real("lao-cai-sct/hnh-sct-vn/van-ban-goc/07-tham-khao/Danh-sach-UN-numbers.pdf")
    )
    assert doc.text.count("UN 0004 - 0099") == 1
    assert doc.text.splitlines()[2] == "UN 0004 - 0099"
    assert "|" not in doc.text


def test_pdf_letterhead_and_page_numbers() -> None:
    doc = read_document(real("lao-cai-sct/pccc-sct-vn/van-ban-goc/QD-1074-QD-BXD-29-6-2026.pdf"))
    lines = doc.text.splitlines()
    assert any("Số:" in line and "1074/QĐ-BXD" in line for line in lines[:6])
    assert not any(re.fullmatch(r"\s*-?\s*\d{1,3}\s*-?\s*", line) for line in lines)
    assert extraction(doc.text)["document"]["key"] == "1074/QĐ-BXD|VN|2026"


# --------------------------------------------------------------------- task tables


def test_task_table_rows_keep_their_cells_across_the_page_break(tmp_path: Path) -> None:
    path = tmp_path / "phu-luc.pdf"
    rows = ff.make_task_table_pdf(path, FONT)
    doc = read_document(path)
    table = [line for line in doc.text.splitlines() if line.startswith("| ")]
    assert len(table) == len(rows)  # the header once, one line per task
    for line, row in zip(table, rows, strict=True):
        assert [ff.squash(c) for c in pdf_tables.cells(line)] == [ff.squash(c) for c in row]
    assert "3" not in doc.text.splitlines() and "4" not in doc.text.splitlines()
    # the lead and coordinator cells become assignments of the right task
    found = {
        (a["task"], a["agency"], a["role"]) for a in extraction(doc.text)["assignments"]
    }
    assert {("2", "Sở Ngoại vụ", "lead"), ("3", "Sở Kế hoạch và Đầu tư", "lead")} <= {
        (t.split("-")[-1], agency, role) for t, agency, role in found
    }


# ------------------------------------------------------------------------------ OCR


needs_ocr = pytest.mark.skipif(
    not ocr.available(), reason="Tesseract missing: apt-get install tesseract-ocr tesseract-ocr-vie"
)


def _char_accuracy(ocr_text: str, clean: str) -> float:
    from rapidfuzz.distance import Levenshtein

    a, b = " ".join(ocr_text.split()), " ".join(clean.split())
    return 1 - Levenshtein.distance(a, b) / len(b)


def _recall(ocr_text: str, clean: str) -> tuple[float, float]:
    ocr_ex, clean_ex = extraction(ocr_text), extraction(clean)
    cited = {d["symbol"] for d in clean_ex["documents"]}
    got = {d["symbol"] for d in ocr_ex["documents"]}
    assigned = {(a["agency"], a["role"]) for a in clean_ex["assignments"]}
    got_assigned = {(a["agency"], a["role"]) for a in ocr_ex["assignments"]}
    assert cited and assigned, "the clean text must have references and assignments"
    return len(cited & got) / len(cited), len(assigned & got_assigned) / len(assigned)


@needs_ocr
def test_ocr_of_a_scan_rendered_from_real_text(tmp_path: Path) -> None:
    """590/QĐ-UBND's header, grounds and first tasks rendered to 300 dpi page images
    (no text layer), read back by Tesseract: characters, references and assignments."""
    assert FONT is not None, "apt-get install fonts-dejavu-core"
    lines = [line for line in ff.seed_text().splitlines() if line.strip()][:30]
    path = tmp_path / "590-scan.pdf"
    drawn = ff.make_rendered_scan(path, lines, FONT)
    doc = read_document(path)
    assert re.match(r"OCR: page\(s\) 1(, \d)* of \d were scans .* in \d+\.\d s;", doc.warnings[0])
    accuracy = _char_accuracy(doc.text, "\n".join(drawn))
    references, assignments = _recall(doc.text, "\n".join(drawn))
    assert accuracy >= 0.97, accuracy
    assert references >= 0.9, references
    assert assignments >= 0.8, assignments


@needs_ocr
def test_ocr_of_a_real_scan_matches_its_docx_twin() -> None:
    """The first page of the scanned Nghị định 71/2019/NĐ-CP read against the same
    words in its .docx twin."""
    import pypdfium2 as pdfium

    scan = real(
        "lao-cai-sct/kho-vlncn-sct-vn/van-ban-goc/"
        "2019.08.30-71.2019.ND.CP-Xu-phat-VPHC-linh-vuc-hoa-chat-va-VLNCN.pdf"
    )
    twin = read_document(
        real("lao-cai-sct/hc-sct-vn/van-ban-goc/05-xu-phat-kiem-tra/ND-71-2019-xu-phat-VPHC-hoachat-VLNCN.docx")
    )
    document = pdfium.PdfDocument(scan)
    try:
        [page_text] = ocr.read_pages(document, [0], scan)
    finally:
        document.close()
    got = words(page_text)
    clean = words(twin.text)
    from difflib import SequenceMatcher

    matcher = SequenceMatcher(None, got, clean[: 4 * len(got)], autojunk=False)
    matched = sum(block.size for block in matcher.get_matching_blocks())
    assert len(got) > 250
    assert matched / len(got) >= 0.8, matched / len(got)  # 0.87 with Tesseract 5.3
    assert "/2019/NĐ-CP" in page_text  # the number itself is written in by hand


@needs_ocr
def test_ingest_says_which_files_were_ocrd_and_how_long(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from vbgraph.cli import cli

    assert FONT is not None, "apt-get install fonts-dejavu-core"
    folder = tmp_path / "in"
    folder.mkdir()
    lines = [line for line in ff.seed_text().splitlines() if line.strip()][:12]
    ff.make_rendered_scan(folder / "590-scan.pdf", lines, FONT)
    (folder / "214.txt").write_text(ff.seed_text("002_8eda3a25e50b8ea0.txt"), encoding="utf-8")
    result = CliRunner().invoke(cli, ["--store", str(tmp_path / "s"), "ingest", str(folder)])
    assert result.exit_code == 0, result.stderr
    notes = [line for line in result.stderr.splitlines() if "OCR:" in line]
    assert len(notes) == 1, result.stderr  # the text file was not OCR'd
    assert re.match(
        rf"Note: {re.escape(str(folder / '590-scan.pdf'))}: OCR: page\(s\) 1 of 1 were scans "
        r"without a text layer, read with Tesseract \(vie\) in \d+\.\d s",
        notes[0],
    )


def test_scan_without_tesseract_is_one_error_saying_what_to_install(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import pytesseract

    assert FONT is not None, "apt-get install fonts-dejavu-core"
    path = tmp_path / "scan.pdf"
    ff.make_rendered_scan(path, ["Số: 590/QĐ-UBND"], FONT, dpi=100)
    monkeypatch.setattr(pytesseract.pytesseract, "tesseract_cmd", "no-such-tesseract")
    ocr._check.cache_clear()
    try:
        with pytest.raises(InputError) as err:
            read_document(path)
    finally:
        ocr._check.cache_clear()
    message = str(err.value)
    assert message.startswith(f"{path}: scanned PDF without a text layer (1 page(s))")
    assert "apt-get install tesseract-ocr tesseract-ocr-vie" in message
    assert "\n" not in message


def _half_scanned(tmp_path: Path) -> Path:
    """Page 1 with a text layer (590's letterhead), page 2 a scan of its grounds."""
    import pypdfium2 as pdfium

    assert FONT is not None, "apt-get install fonts-dejavu-core"
    text_pdf, scan_pdf = tmp_path / "text.pdf", tmp_path / "scan.pdf"
    writer = ff.PdfWriter(FONT)
    writer.page().texts.append((50, 800, 11, ff.seed_line("Số: 590/QĐ-UBND")))
    writer.write(text_pdf)
    ff.make_rendered_scan(scan_pdf, [ff.seed_line("Căn cứ Nghị quyết số 22-NQ/TW")], FONT)
    merged = pdfium.PdfDocument.new()
    for part in (text_pdf, scan_pdf):
        source = pdfium.PdfDocument(part)
        merged.import_pages(source)
        source.close()
    path = tmp_path / "half-scanned.pdf"
    merged.save(path)
    merged.close()
    return path


@needs_ocr
def test_half_scanned_pdf_gets_both_pages(tmp_path: Path) -> None:
    doc = read_document(_half_scanned(tmp_path))
    assert doc.text.startswith(ff.seed_line("Số: 590/QĐ-UBND"))
    assert "22-NQ/TW" in doc.text.splitlines()[1]
    assert doc.warnings[0].startswith("OCR: page(s) 2 of 2 were scans")


def test_half_scanned_pdf_without_tesseract_keeps_the_text_pages(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import pytesseract

    path = _half_scanned(tmp_path)
    monkeypatch.setattr(pytesseract.pytesseract, "tesseract_cmd", "no-such-tesseract")
    ocr._check.cache_clear()
    try:
        doc = read_document(path)
    finally:
        ocr._check.cache_clear()
    assert doc.text == ff.seed_line("Số: 590/QĐ-UBND")
    assert doc.warnings[0].startswith("page(s) 2 are scans without a text layer, not read")
    assert "apt-get install tesseract-ocr tesseract-ocr-vie" in doc.warnings[0]


# ------------------------------------------------------------------------- Word 97

#: Real .doc files and their .docx twins in the same folder set.
DOC_TWINS = [
    (
        "lao-cai-sct/sd-vlncn-sct-vn/van-ban-goc/ND-146-2025.doc",
        "lao-cai-sct/hc-sct-vn/van-ban-goc/02-nghi-dinh/ND-146-2025-phan-quyen-phan-cap.docx",
    ),
    (
        "lao-cai-sct/hnh-sct-vn/van-ban-goc/03-thong-tu/TT-26-2026-BCT-text.doc",
        "lao-cai-sct/qlks-sct-vn/van-ban-goc/TT-26-2026-TT-BCT-phan-cap-cat-giam-TTHC-BCT.docx",
    ),
]


@pytest.mark.parametrize("route", ["catdoc", "libreoffice"])
@pytest.mark.parametrize(("doc", "twin"), DOC_TWINS, ids=["ND-146-2025", "TT-26-2026"])
def test_real_word97_reads_as_its_docx_twin(route: str, doc: str, twin: str) -> None:
    assert doc_reader.route_available(route), f"{route} missing: .ci/run installs it"
    path = real(doc)
    decoded = doc_reader.read_doc_with(route, path.read_bytes(), path)
    got, clean = words(decoded.text), words(read_document(real(twin)).text)
    from difflib import SequenceMatcher

    matcher = SequenceMatcher(None, got, clean, autojunk=False)
    matched = sum(block.size for block in matcher.get_matching_blocks())
    assert matched / len(clean) >= 0.99 and matched / len(got) >= 0.99
    key = extraction(decoded.text)["document"]["key"]
    assert key == extraction(read_document(real(twin)).text)["document"]["key"]


def test_real_word97_from_the_portal_is_read() -> None:
    path = real("vbpl-pages/(32801)-Hien_phap_nam_2013.doc")
    doc = read_document(path)
    assert doc.format == "doc"
    assert "HIẾN PHÁP" in doc.text and "Điều 120" in doc.text


# ---------------------------------------------------------------- saved portal pages


def _articles(text: str) -> set[int]:
    return {int(n) for n in re.findall(r"Điều\s+(\d+)", text)}


@pytest.mark.parametrize(
    ("page", "key", "size"),
    [
        ("vbpl.html", "100/2015/QH13|VN|2015", 500_000),  # Bộ luật Hình sự, 426 articles
        ("vbpl_v3.html", "101/2015/QH13|VN|2015", 450_000),  # Bộ luật Tố tụng hình sự
        ("vbpl_v1.html", None, 50_000),  # Hiến pháp 2013 (no number)
    ],
)
def test_saved_vbpl_full_text_page_keeps_the_whole_body(
    page: str, key: str | None, size: int
) -> None:
    """Every article the saved page shows is in the text (trafilatura kept a nav block,
    then dropped articles), and the letterhead beside the text gives the number."""
    import lxml.html

    path = real(f"vbpl-pages/{page}")
    doc = read_document(path)
    shown = _articles(
        unicodedata.normalize("NFC", lxml.html.fromstring(path.read_bytes()).text_content())
    )
    assert len(shown) > 100
    assert _articles(doc.text) == shown
    assert len(doc.text) > size
    assert extraction(doc.text)["document"]["symbol"] == (key.split("|")[0] if key else "")
    if key:
        assert extraction(doc.text)["document"]["key"] == key


def test_a_scan_whose_image_is_nested_in_forms_is_found() -> None:
    # a 2024 circular scanned with its page image three forms deep: a scan to OCR, not a
    # PDF "without text" (it was refused before)
    import pypdfium2 as pdfium

    from vbgraph.loaders.formats.pdf import SCAN_MIN_COVER, _page_objects

    document = pdfium.PdfDocument(real("lao-cai-sct/hnh-sct-vn/van-ban-goc/03-thong-tu/"
                                       "TT-23-2024-BCT-tienchat.pdf"))
    try:
        _ruled, cover = _page_objects(document[0])
    finally:
        document.close()
    assert cover >= SCAN_MIN_COVER


def test_a_law_numbered_on_its_own_label_and_a_constitution_are_documents() -> None:
    # "Luật số: 101/2015/QH13" (a code of law from vbpl.vn) and "Số: Không số" above
    # "HIẾN PHÁP": stored with their type, not refused as "no number and no type"
    from vbgraph.loaders.formats.read import read_document

    code = extraction(read_document(real("vbpl-pages/(96172)-101.2015.QH13.doc")).text)
    assert code["document"]["symbol"] == "101/2015/QH13"
    constitution = extraction(read_document(real("vbpl-pages/vbpl_v1.html")).text)
    assert constitution["document"]["type"] == "Hiến pháp"
