""".pdf: the text layer through PDFium (pypdfium2), task tables through pdfplumber, scans
through Tesseract.

Each page is read by the fastest route that gives the right text:

* **Text layer** (most pages): PDFium's text page, one segment per run of text on
  a baseline; segments sharing a baseline are joined left to right into one
  line and lines are sorted top to bottom (the page as it is seen, whatever
  order the producer wrote it in; a page's ``/Rotate`` is applied).
* **Task tables**: a page with ruled lines whose text names the columns of a
  task table (``chủ trì``, ``phối hợp``...), and the ruled pages that follow
  it, go through pdfplumber's table finder (``pdf_tables``): one
  ``| cell | cell |`` line per row, a row that continues on the next page joined
  to its start.
* **Scans** (no text layer, a page-sized image): rendered and read by Tesseract
  with its Vietnamese model (``ocr``); a warning says which pages and how long.

On every page a line at the top or bottom holding only a page number (``3``,
``- 3 -``, ``Trang 3``, ``3/12``) is dropped, and the text is NFC-normalised
(fonts that draw a tone mark as its own character give decomposed text).
"""

from __future__ import annotations

import re
import time
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from vbgraph.errors import InputError
from vbgraph.loaders.models import DecodedText
from vbgraph.loaders.text.fold import strip_diacritics

_PAGE_NUMBER = re.compile(
    r"^\s*(?:-\s*)?(?:(?:trang|page)\s+)?\d{1,3}(?:\s*(?:/|of|trên)\s*\d{1,3})?(?:\s*-)?\s*$",
    re.IGNORECASE,
)
#: PDFium ends a line with CR LF, or with U+FFFE where a line ends in a hyphen (it then
#: runs the next line on): both end a segment.
_BREAKS = re.compile(r"\r\n|\r|\n|\ufffe")
#: Segments whose tops are this close (points) are on one line (pdfplumber's default).
LINE_TOLERANCE = 3.0
#: A page with fewer visible characters than this and a page-sized image is a scan
#: (a digital-signature stamp on a scanned page is a few dozen characters).
SCAN_MAX_CHARS = 200
#: Pages one PDF may have (a gazette issue has a few hundred; a crafted file may declare
#: millions of empty pages).
MAX_PAGES = 3000
#: ...and "page-sized" is an image covering at least this share of the page.
SCAN_MIN_COVER = 0.5
#: Column headings of a task table (``loaders.find.tables`` reads the same columns),
#: matched without diacritics: a line with two of them in separate cells, one the lead
#: or the coordinators, is the header row of a task table.
_COLUMNS = (
    ("lead", re.compile(r"chu\s*tri|thuc\s*hien", re.I)),
    ("coordinate", re.compile(r"phoi\s*hop", re.I)),
    ("deadline", re.compile(r"thoi\s*gian|thoi\s*han|tien\s*do|hoan\s*thanh", re.I)),
    ("content", re.compile(r"noi\s*dung|nhiem\s*vu|giai\s*phap", re.I)),
)
#: A heading cell is short.
_HEADING_WORDS = 6


@dataclass(frozen=True, slots=True)
class Line:
    """One line of a page: its top (points from the page's top), text, and whether it
    is a table row (``| a | b |``)."""

    top: float
    text: str
    row: bool = False


def read_pdf(data: bytes, path: Path | str) -> DecodedText:
    """Text of a PDF; raise ``InputError`` naming ``path`` when there is none."""
    if not data.lstrip()[:1024].startswith(b"%PDF") and b"%PDF-" not in data[:1024]:
        raise InputError(
            f"{path}: not a PDF (no %PDF header); the file is damaged or has the wrong "
            "extension; get it again or rename it to its real type"
        )
    import pypdfium2 as pdfium

    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        raise InputError(f"{path}: {_describe(exc)}") from None
    if len(document) > MAX_PAGES:
        pages = len(document)
        document.close()
        raise InputError(
            f"{path}: {pages} pages, over the {MAX_PAGES}-page limit for one document; "
            "split the PDF (e.g. qpdf --split-pages) and ingest its parts"
        )
    tables = _TablePages(data, path)
    try:
        return _read(document, tables, path)
    finally:
        tables.close()
        document.close()


def _read(document: Any, tables: _TablePages, path: Path | str) -> DecodedText:
    pages: list[list[Line]] = []
    scans: list[int] = []
    blank: list[int] = []
    in_task_table = False
    for index in range(len(document)):
        page = document[index]
        try:
            textpage = page.get_textpage()
            try:
                lines, heading, visible = _text_lines(page, textpage)
            finally:
                textpage.close()
            ruled, image_cover = _page_objects(page)
        finally:
            page.close()
        if visible < SCAN_MAX_CHARS and image_cover >= SCAN_MIN_COVER:
            scans.append(index)
            pages.append([])
            in_task_table = False
            continue
        if not visible:
            blank.append(index)
        in_task_table = ruled and (in_task_table or heading)
        if in_task_table:
            lines = tables.page_lines(index, pages[-1] if pages else [])
        pages.append(lines)
    warnings: list[str] = []
    if scans:
        text_pages = sum(1 for lines in pages if lines)
        warnings.append(_ocr_into(pages, scans, document, path, text_pages))
    if not any(pages):
        raise InputError(
            f"{path}: no text in the PDF (blank pages or text drawn as shapes); "
            "check that it is the right document"
        )
    if blank:
        warnings.append(f"page(s) {_page_list(blank)} have no text and no scanned image")
    text = "\n".join(line.text for lines in pages for line in _strip_page_numbers(lines))
    return DecodedText(unicodedata.normalize("NFC", text), "", tuple(warnings))


def _describe(exc: Exception) -> str:
    code = getattr(exc, "err_code", None)
    import pypdfium2.raw as raw

    if code == raw.FPDF_ERR_PASSWORD:
        return "the PDF is password-protected; remove the password (e.g. qpdf --decrypt) first"
    if code == raw.FPDF_ERR_SECURITY:
        return "the PDF uses an unsupported security handler; print it to a new PDF first"
    return (
        f"cannot read the PDF ({exc}); the file is truncated or damaged; "
        "get it again, or repair it (e.g. qpdf in.pdf out.pdf) and retry"
    )


def _page_list(indexes: list[int]) -> str:
    shown = ", ".join(str(i + 1) for i in indexes[:10])
    return shown + (" ..." if len(indexes) > 10 else "")


# ------------------------------------------------------------------ text layer


def _text_lines(page: Any, textpage: Any) -> tuple[list[Line], bool, int]:
    """The page's lines as seen (top to bottom, left to right), whether one of them is
    the heading row of a task table, and the page's visible character count."""
    count = textpage.count_chars()
    if count <= 0:
        return [], False, 0
    text = textpage.get_text_range(0, count)
    visible = sum(1 for ch in text if not ch.isspace())
    if len(text) != count:  # characters outside the BMP: positions no longer line up
        return (*_lines_by_rects(page, textpage), visible)
    width, height = page.get_size()
    rotation = page.get_rotation() % 360
    segments: list[tuple[float, float, str]] = []  # (top, left, text)
    start = 0
    for match in [*_BREAKS.finditer(text), None]:
        end = match.start() if match else len(text)
        piece = text[start:end]
        if match is not None and match.group() == "\ufffe":
            piece += "-"
            end += 1
        if piece.strip():
            box = _box(textpage, start, end - start)
            if box is not None:
                top, left = _visual(box, width, height, rotation)
                segments.append((top, left, piece))
        if match is None:
            break
        start = match.end()
    return (*_join_segments(segments), visible)


def _box(textpage: Any, start: int, count: int) -> tuple[float, float, float, float] | None:
    """The bounding box (left, bottom, right, top; page space) of characters
    ``start..start+count``."""
    n = textpage.count_rects(start, count)
    if n <= 0:
        return None
    rects = [textpage.get_rect(i) for i in range(n)]
    return (
        min(r[0] for r in rects),
        min(r[1] for r in rects),
        max(r[2] for r in rects),
        max(r[3] for r in rects),
    )


def _lines_by_rects(page: Any, textpage: Any) -> tuple[list[Line], bool]:
    """Fallback: one segment per text rectangle PDFium reports."""
    width, height = page.get_size()
    rotation = page.get_rotation() % 360
    segments = []
    for i in range(textpage.count_rects(0, -1)):
        box = textpage.get_rect(i)
        piece = textpage.get_text_bounded(*box)
        if piece.strip():
            top, left = _visual(box, width, height, rotation)
            segments.append((top, left, _BREAKS.sub(" ", piece.replace("\ufffe", "-"))))
    return _join_segments(segments)


def _visual(
    box: tuple[float, float, float, float], width: float, height: float, rotation: int
) -> tuple[float, float]:
    """(top, left) of a page-space box on the page as displayed (``/Rotate`` applied;
    ``width``/``height`` are the displayed size)."""
    left, bottom, right, top = box
    if rotation == 90:  # the unrotated left edge is displayed at the top
        return left, bottom
    if rotation == 180:
        return bottom, width - right
    if rotation == 270:  # the unrotated left edge is displayed at the bottom
        return height - right, width - top
    return height - top, left


def _join_segments(segments: list[tuple[float, float, str]]) -> tuple[list[Line], bool]:
    """Segments on one baseline (tops within ``LINE_TOLERANCE``) joined left to right,
    and whether one of the lines is the heading row of a task table."""
    segments.sort(key=lambda s: s[0])
    groups: list[list[tuple[float, float, str]]] = []
    for segment in segments:
        if groups and segment[0] - groups[-1][0][0] <= LINE_TOLERANCE:
            groups[-1].append(segment)
        else:
            groups.append([segment])
    lines: list[Line] = []
    heading = False
    for group in groups:
        group.sort(key=lambda s: s[1])
        pieces = [" ".join(piece.split()) for _, _, piece in group]
        text = " ".join(pieces)
        heading = heading or _is_task_heading(pieces) or _is_task_heading_line(text)
        lines.append(Line(group[0][0], text))
    return lines, heading


# ------------------------------------------------------------------ page kinds


#: How deep in nested forms a page's images and rules are looked for: a scanner may wrap
#: the page's image in forms within forms (a 2024 circular's scan: three levels).
_FORM_DEPTH = 15


def _page_objects(page: Any) -> tuple[bool, float]:
    """Whether the page has ruled lines that can make a table, and the share of the
    page its largest image covers."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    width, height = page.get_size()
    area = max(width * height, 1.0)
    horizontal = vertical = 0
    cover = 0.0
    for obj in page.get_objects(
        filter=(raw.FPDF_PAGEOBJ_PATH, raw.FPDF_PAGEOBJ_IMAGE), max_depth=_FORM_DEPTH
    ):
        try:
            left, bottom, right, top = obj.get_bounds()
        except pdfium.PdfiumError:  # an object PDFium cannot place: not a rule nor a scan
            continue
        w, h = right - left, top - bottom
        if obj.type == raw.FPDF_PAGEOBJ_IMAGE:
            cover = max(cover, (w * h) / area)
        elif h <= 3 and w >= 15:
            horizontal += 1
        elif w <= 3 and h >= 8:
            vertical += 1
        elif w >= 15 and h >= 8:  # a cell drawn as a rectangle: two rules of each kind
            horizontal += 2
            vertical += 2
    return horizontal >= 3 and vertical >= 3, cover


def _is_task_heading(cells: list[str]) -> bool:
    """Whether the text pieces of one line are the column headings of a task table."""
    roles: set[str] = set()
    for cell in cells:
        if len(cell.split()) > _HEADING_WORDS:
            continue
        text = strip_diacritics(cell)
        roles.update(role for role, pattern in _COLUMNS if pattern.search(text))
    return len(roles) >= 2 and bool(roles & {"lead", "coordinate"})


def _is_task_heading_line(text: str) -> bool:
    """A short line naming three task-table columns (headings PDFium read as one piece)."""
    if len(text.split()) > 3 * _HEADING_WORDS:
        return False
    text = strip_diacritics(text)
    roles = {role for role, pattern in _COLUMNS if pattern.search(text)}
    return len(roles) >= 3 and bool(roles & {"lead", "coordinate"})


class _TablePages:
    """pdfplumber opened on first use, for the pages that hold task tables."""

    def __init__(self, data: bytes, path: Path | str) -> None:
        self._data = data
        self._path = path
        self._pdf: Any = None
        self._header: str | None = None  # the header row of the table in progress

    def page_lines(self, index: int, previous: list[Line]) -> list[Line]:
        from vbgraph.loaders.formats import pdf_tables

        if self._pdf is None:
            self._pdf = pdf_tables.open_pdf(self._data, self._path)
        lines, self._header = pdf_tables.page_lines(
            self._pdf, index, previous, self._header, self._path
        )
        return lines

    def close(self) -> None:
        if self._pdf is not None:
            self._pdf.close()


# ------------------------------------------------------------------------ OCR


def _ocr_into(
    pages: list[list[Line]], scans: list[int], document: Any, path: Path | str, text_pages: int
) -> str:
    """OCR the scanned pages into ``pages``; return the warning that says so."""
    from vbgraph.loaders.formats import ocr

    started = time.perf_counter()
    try:
        texts = ocr.read_pages(document, scans, path)
    except ocr.OcrUnavailable as exc:
        if not text_pages:
            raise InputError(
                f"{path}: scanned PDF without a text layer ({len(scans)} page(s)); {exc}"
            ) from None
        return f"page(s) {_page_list(scans)} are scans without a text layer, not read: {exc}"
    for index, text in zip(scans, texts, strict=True):
        pages[index] = [Line(0.0, line) for line in text.split("\n") if line.strip()]
    seconds = time.perf_counter() - started
    return (
        f"OCR: page(s) {_page_list(scans)} of {len(pages)} were scans without a text layer, "
        f"read with Tesseract ({ocr.LANGUAGE}) in {seconds:.1f} s; check names and numbers"
    )


# --------------------------------------------------------------- page numbers


def _strip_page_numbers(lines: list[Line]) -> list[Line]:
    """Drop page-number-only text lines at the top and bottom of a page."""
    keep = list(lines)
    if keep and not keep[0].row and _PAGE_NUMBER.match(keep[0].text):
        keep.pop(0)  # one page number at the top at most
    while keep and not keep[-1].row and _PAGE_NUMBER.match(keep[-1].text):
        keep.pop()
    return keep


__all__ = ["Line", "read_pdf"]
