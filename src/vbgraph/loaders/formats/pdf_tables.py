"""Pages of a PDF that hold task tables, read with pdfplumber's table finder.

``pdf.read_pdf`` sends here only the pages that need it (ruled pages whose text
names task-table columns, and the ruled pages after them): pdfplumber is
thorough but some fifty times slower than PDFium's text layer.

On such a page the ruled tables are written one row per line
(``| cell | cell |``; a cell's line breaks become spaces; a position covered by
a merged cell is written empty) and the characters inside them are left out
of the page's text lines, so nothing appears twice.  Text lines and tables are
interleaved by their vertical position.  Characters drawn twice (fake bold)
are de-duplicated.

A table that runs over a page break keeps its rows whole: the header row that
Word repeats at the top of the next page is dropped, and a first row with an
empty number cell is the rest of the previous page's last row, so its cells
are appended to that row's cells.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from vbgraph.errors import InputError
from vbgraph.loaders.formats.pdf import Line

_SPACES = re.compile(r"\s+")
_ID_CELL = re.compile(r"^\s*(?:\d{1,3}(?:\.\d{1,3}){0,3}|[IVXLC]{1,6}|[a-zđ])\s*[.)]?\s*$", re.I)


def open_pdf(data: bytes, path: Path | str) -> Any:
    """The PDF opened with pdfplumber (pages are parsed when first used)."""
    import pdfplumber

    try:
        return pdfplumber.open(io.BytesIO(data))
    except Exception as exc:  # pdfminer raises many kinds on damaged files
        raise InputError(
            f"{path}: cannot read the PDF's tables ({type(exc).__name__}: {exc}); "
            "repair it (e.g. qpdf in.pdf out.pdf) and retry"
        ) from None


def page_lines(
    pdf: Any, index: int, previous: list[Line], header: str | None, path: Path | str
) -> tuple[list[Line], str | None]:
    """Lines of page ``index`` with its tables as rows, and the header row of the table
    that ends the page.  ``previous`` is the page before and ``header`` the header row of
    the table that ended it: a row continued from there is merged into ``previous``
    (changed in place)."""
    try:
        lines = _page_lines(pdf.pages[index])
    except InputError:
        raise
    except Exception as exc:  # pdfminer/pdfplumber raise many kinds on damaged pages
        raise InputError(
            f"{path}: cannot read the table on page {index + 1} ({type(exc).__name__}: "
            f"{exc}); repair the PDF (e.g. qpdf in.pdf out.pdf) and retry"
        ) from None
    lines, continued = _continue_rows(previous, lines, header)
    rows = [line.text for line in lines if line.row]
    if not continued and rows:
        header = rows[0]
    return lines, header if rows or continued else None


def _page_lines(page: Any) -> list[Line]:
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
    items: list[tuple[float, int, str]] = [
        (line["top"], 0, line["text"]) for line in body.extract_text_lines()
    ]
    for table in tables:
        items += [(table.bbox[1], 1, row) for row in _table_rows(table.extract())]
    items.sort(key=lambda item: (item[0], item[1]))  # stable: a table's rows keep their order
    return [Line(top, text, bool(kind)) for top, kind, text in items]


def _table_rows(rows: list[list[str | None]]) -> Iterator[str]:
    for row in rows:
        cells = [_SPACES.sub(" ", cell or "").strip().replace("|", "¦") for cell in row]
        if any(cells):
            yield "| " + " | ".join(cells) + " |"


def cells(row: str) -> list[str]:
    """The cells of a ``| a | b |`` row."""
    return [c.strip() for c in row.strip()[1:-1].split(" | ")]


def _continue_rows(
    previous: list[Line], lines: list[Line], header: str | None
) -> tuple[list[Line], bool]:
    """Drop a repeated header and join a row split by the page break; also whether
    the page's first table continues the previous page's."""
    rows = [i for i, line in enumerate(lines) if line.row]
    last = _last_row(previous)
    if not rows or last is None:
        return lines, False
    first = rows[0]
    if any(not _page_furniture(line.text) for line in lines[:first]):
        return lines, False  # text above the table: a new table, not a continuation
    before, after = cells(previous[last].text), cells(lines[first].text)
    if len(before) != len(after):
        return lines, False
    if header is not None and _squash(lines[first].text) == _squash(header):
        lines = lines[:first] + lines[first + 1 :]  # the header Word repeats on each page
        if first >= len(lines) or not lines[first].row:
            return lines, True
        after = cells(lines[first].text)
    if not any(after) or _ID_CELL.match(after[0]) or len(after) != len(before):
        return lines, True
    merged = [" ".join(part for part in (b, a) if part) for b, a in zip(before, after, strict=True)]
    previous[last] = Line(previous[last].top, "| " + " | ".join(merged) + " |", True)
    return lines[:first] + lines[first + 1 :], True


def _last_row(lines: list[Line]) -> int | None:
    for i in range(len(lines) - 1, -1, -1):
        if lines[i].row:
            return i
        if not _page_furniture(lines[i].text):
            return None  # text after the table: it ended on that page
    return None


def _page_furniture(text: str) -> bool:
    """A page number or an empty line: not content that ends or starts a table."""
    from vbgraph.loaders.formats.pdf import _PAGE_NUMBER

    return not text.strip() or bool(_PAGE_NUMBER.match(text))


def _squash(text: str) -> str:
    return "".join(text.split()).lower()


__all__ = ["cells", "open_pdf", "page_lines"]
