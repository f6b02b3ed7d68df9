""".pdf text layer with pdfplumber: page text in reading order, tables as pipe rows.

On each page the ruled tables pdfplumber finds are written one row per line
(``| cell | cell |``; a cell's line breaks become spaces; a position covered by
a merged cell is written empty), and the characters inside them are left out
of the page text, so nothing appears twice.  Text lines and tables are
interleaved by their vertical position.  A line at the top or bottom of a
page holding only a page number (``3``, ``- 3 -``, ``Trang 3``, ``3/12``) is
dropped.  Characters drawn twice (fake bold) are de-duplicated and the text
is NFC-normalised.

A PDF without any text (a scan) is refused: it needs OCR first.
"""

from __future__ import annotations

import io
import re
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from vbgraph.errors import InputError
from vbgraph.loaders.models import DecodedText

_PAGE_NUMBER = re.compile(
    r"^\s*(?:-\s*)?(?:(?:trang|page)\s+)?\d{1,3}(?:\s*(?:/|of|trên)\s*\d{1,3})?(?:\s*-)?\s*$",
    re.IGNORECASE,
)
_SPACES = re.compile(r"\s+")
_OCR_HINT = "run OCR (e.g. ocrmypdf -l vie in.pdf out.pdf) first"


def read_pdf(data: bytes, path: Path | str) -> DecodedText:
    """Text of a PDF's text layer; raise ``InputError`` naming ``path`` when there is none."""
    if not data.lstrip()[:1024].startswith(b"%PDF") and b"%PDF-" not in data[:1024]:
        raise InputError(
            f"{path}: not a PDF (no %PDF header); the file is damaged or has the wrong "
            "extension; get it again or rename it to its real type"
        )
    try:
        import pdfplumber

        with pdfplumber.open(io.BytesIO(data)) as pdf:
            pages = [_page_lines(page) for page in pdf.pages]
    except InputError:
        raise
    except Exception as exc:  # pdfminer/pdfplumber raise many kinds on damaged files
        raise InputError(f"{path}: {_describe(exc)}") from None
    empty = [i + 1 for i, lines in enumerate(pages) if not any(s.strip() for s in lines)]
    if not pages or len(empty) == len(pages):
        raise InputError(f"{path}: no text layer (scanned?); {_OCR_HINT}")
    warnings: tuple[str, ...] = ()
    if empty:
        shown = ", ".join(map(str, empty[:10])) + (" ..." if len(empty) > 10 else "")
        warnings = (f"page(s) {shown} have no text layer (scanned?); {_OCR_HINT}",)
    text = "\n".join(line for lines in pages for line in lines)
    return DecodedText(unicodedata.normalize("NFC", text), "", warnings)


def _describe(exc: Exception) -> str:
    name = type(exc).__name__
    cause = exc.__cause__ or exc.__context__
    names = {name, type(cause).__name__ if cause else ""}
    if names & {"PDFPasswordIncorrect", "PDFEncryptionError", "PDFEncryptionWarning"}:
        return "the PDF is password-protected; remove the password (e.g. qpdf --decrypt) first"
    detail = str(exc) or (str(cause) if cause else "") or name
    return (
        f"cannot read the PDF ({name}: {detail}); the file is truncated or damaged; "
        "get it again, or repair it (e.g. qpdf in.pdf out.pdf) and retry"
    )


def _page_lines(page: Any) -> list[str]:
    page = page.dedupe_chars()
    tables = page.find_tables()
    boxes = [t.bbox for t in tables]

    def outside_tables(obj: dict[str, Any]) -> bool:
        if obj.get("object_type") != "char":
            return True
        x = (obj["x0"] + obj["x1"]) / 2
        y = (obj["top"] + obj["bottom"]) / 2
        return not any(x0 <= x <= x1 and top <= y <= bottom for x0, top, x1, bottom in boxes)

    body = page.filter(outside_tables) if boxes else page
    items: list[tuple[float, int, list[str]]] = [
        (line["top"], 0, [line["text"]]) for line in body.extract_text_lines()
    ]
    items += [(t.bbox[1], 1, list(_table_rows(t.extract()))) for t in tables]
    items.sort(key=lambda item: (item[0], item[1]))
    lines: list[str] = []
    kinds: list[int] = []
    for _, kind, texts in items:
        lines.extend(texts)
        kinds.extend([kind] * len(texts))
    return _strip_page_numbers(lines, kinds)


def _table_rows(rows: list[list[str | None]]) -> Iterator[str]:
    for row in rows:
        cells = [_SPACES.sub(" ", cell or "").strip().replace("|", "¦") for cell in row]
        if any(cells):
            yield "| " + " | ".join(cells) + " |"


def _strip_page_numbers(lines: list[str], kinds: list[int]) -> list[str]:
    """Drop page-number-only text lines at the top and bottom of a page."""
    keep = list(range(len(lines)))
    for edge in (0, -1):
        while (
            keep
            and kinds[keep[edge]] == 0
            and (not lines[keep[edge]].strip() or _PAGE_NUMBER.match(lines[keep[edge]]))
        ):
            keep.pop(edge)
            if edge == 0:
                break  # one page number at the top at most
    return [lines[i] for i in keep]
