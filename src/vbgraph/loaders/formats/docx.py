""".docx (Word 2007+) with python-docx: paragraphs and tables in reading order.

Each table row becomes one line ``| cell | cell | ... |`` so the appendix-table
parser sees pipe rows.  A cell's paragraphs are joined by spaces; a cell that
spans several columns is written once, followed by empty cells for the other
columns; a cell continuing a vertical merge is written empty (its text belongs
to the row where the merge starts): rows keep the table's column positions.
A ``|`` inside a cell is written ``¦``.

Not read: page headers/footers, footnotes, text boxes, and Word's automatic
list numbering (numbers that are not typed into the text).
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

from vbgraph.errors import InputError
from vbgraph.loaders.models import DecodedText

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_SPACES = re.compile(r"\s+")


def read_docx(data: bytes, path: Path | str) -> DecodedText:
    """Text of a .docx file; raise ``InputError`` naming ``path`` when it cannot be read."""
    if data.startswith(_OLE_MAGIC):
        raise InputError(
            f"{path}: not a .docx but an OLE file (a legacy Word .doc renamed, or a "
            "password-protected document); remove the password, or rename it to .doc"
        )
    if not data.startswith(b"PK"):
        raise InputError(
            f"{path}: not a .docx (no ZIP signature); the file is damaged or has the wrong "
            "extension; open it in Word/LibreOffice and save it again as .docx"
        )
    _check_unpacked_size(data, path)
    try:
        from docx import Document

        document = Document(io.BytesIO(data))
        lines, pipes = _document_lines(document)
    except InputError:
        raise
    except (zipfile.BadZipFile, zipfile.LargeZipFile) as exc:
        raise InputError(
            f"{path}: the .docx is truncated or damaged ({exc}); "
            "get the file again or re-save it from Word/LibreOffice"
        ) from None
    except Exception as exc:  # python-docx/lxml raise many kinds on malformed packages
        raise InputError(
            f"{path}: cannot read the .docx ({type(exc).__name__}: {exc}); the file is "
            "damaged or not a Word document; re-save it from Word/LibreOffice as .docx"
        ) from None
    warnings: tuple[str, ...] = ()
    if pipes:
        warnings = (f"{pipes} '|' character(s) inside table cells written as '¦'",)
    return DecodedText("\n".join(lines), "", warnings)


#: What a .docx may unpack to: a real one unpacks to a few times its size (its text is
#: XML); a "zip bomb" of 52 KB unpacked to gigabytes and took the memory with it.
MAX_UNPACKED = 200 * 1024 * 1024


def _check_unpacked_size(data: bytes, path: Path | str) -> None:
    """Refuse a package whose parts would unpack past ``MAX_UNPACKED`` (sizes from its
    central directory, read before anything is unpacked)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            unpacked = sum(info.file_size for info in package.infolist())
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError):
        return  # damaged: python-docx's own error says so below
    if unpacked > MAX_UNPACKED:
        raise InputError(
            f"{path}: the .docx would unpack to {unpacked // (1024 * 1024)} MB, over the "
            f"{MAX_UNPACKED // (1024 * 1024)} MB limit (a compression bomb, or a document "
            "full of images); open it in Word/LibreOffice and save its text as a new .docx"
        )


def _document_lines(document: object) -> tuple[list[str], int]:
    from docx.table import Table

    lines: list[str] = []
    pipes = 0
    for block in document.iter_inner_content():  # type: ignore[attr-defined]
        if isinstance(block, Table):
            rows, n = table_rows(block)
            lines.extend(rows)
            pipes += n
        else:
            lines.append(block.text)
    return lines, pipes


def table_rows(table: object) -> tuple[list[str], int]:
    """One ``| a | b |`` line per non-empty row; also the number of ``|`` replaced."""
    from docx.table import Table, _Cell

    assert isinstance(table, Table)
    rows: list[str] = []
    pipes = 0
    for row in table.rows:
        cells: list[str] = [""] * row.grid_cols_before
        for tc in row._tr.tc_lst:
            if tc.vMerge == "continue":
                text = ""
            else:
                text = cell_text(_Cell(tc, table))
                pipes += text.count("|")
            cells.append(text.replace("|", "¦"))
            cells.extend([""] * (tc.grid_span - 1))
        if any(cells):
            rows.append("| " + " | ".join(cells) + " |")
    return rows, pipes


def cell_text(cell: object) -> str:
    """A cell's paragraphs (and nested tables) on one line."""
    from docx.table import Table

    parts: list[str] = []
    for block in cell.iter_inner_content():  # type: ignore[attr-defined]
        if isinstance(block, Table):
            for row in block.rows:
                seen: list[object] = []
                for inner in row.cells:
                    if any(inner._tc is s for s in seen):
                        continue
                    seen.append(inner._tc)
                    parts.append(cell_text(inner))
        else:
            parts.append(block.text)
    return _SPACES.sub(" ", " ".join(parts)).strip()
