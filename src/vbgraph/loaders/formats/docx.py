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
from collections.abc import Iterator
from pathlib import Path
from typing import Any

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
    """The body's lines and the number of ``|`` replaced in table cells.

    The body is python-docx's own XML tree (``document.element.body``), walked here with
    lxml rather than through python-docx's objects, which run an XPath query for every
    paragraph, run and cell (three quarters of the reading time of long laws).  The walk
    reads what those objects read: the body's ``w:p`` and ``w:tbl`` children; a
    paragraph's ``w:r`` and ``w:hyperlink/w:r`` children; a run's ``w:t``, ``w:tab``,
    ``w:ptab`` (a tab), ``w:br`` (a line break unless a page or column break), ``w:cr``
    (a line break) and ``w:noBreakHyphen`` (``-``) children.
    """
    body = document.element.body  # type: ignore[attr-defined]
    if body is None:  # as python-docx fails on it
        raise AttributeError("'NoneType' object has no attribute 'inner_content_elements'")
    lines: list[str] = []
    pipes = 0
    for block in body:
        tag = block.tag
        if tag == _P:
            lines.append(_paragraph_text(block))
        elif tag == _TBL:
            rows, n = table_rows(block)
            lines.extend(rows)
            pipes += n
    return lines, pipes


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_P, _TBL, _TR, _TC, _R, _HYPERLINK = (_W + t for t in ("p", "tbl", "tr", "tc", "r", "hyperlink"))
_T, _BR, _TYPE, _VAL = (_W + t for t in ("t", "br", "type", "val"))
_TC_PR, _TR_PR = _W + "tcPr", _W + "trPr"
_GRID_SPAN, _GRID_BEFORE, _V_MERGE = _W + "gridSpan", _W + "gridBefore", _W + "vMerge"
#: A run's children that stand for one fixed character (``w:t`` and ``w:br`` aside).
_RUN_CHARS = {_W + "tab": "\t", _W + "ptab": "\t", _W + "cr": "\n", _W + "noBreakHyphen": "-"}


def _run_text(run: Any) -> str:
    out: list[str] = []
    for e in run:
        tag = e.tag
        if tag == _T:
            out.append(e.text or "")
        elif tag == _BR:
            if e.get(_TYPE, "textWrapping") == "textWrapping":  # not a page/column break
                out.append("\n")
        elif tag in _RUN_CHARS:
            out.append(_RUN_CHARS[tag])
    return "".join(out)


def _paragraph_text(p: Any) -> str:
    out: list[str] = []
    for e in p:
        tag = e.tag
        if tag == _R:
            out.append(_run_text(e))
        elif tag == _HYPERLINK:
            out.extend(_run_text(r) for r in e.iterchildren(_R))
    return "".join(out)


def _child(element: Any, tag: str) -> Any:
    """The first child of ``element`` with ``tag`` (None: none)."""
    return next(element.iterchildren(tag), None)


def _int_val(element: Any) -> int:
    value = element.get(_VAL)
    if value is None:  # as python-docx says it
        from docx.oxml.exceptions import InvalidXmlError

        raise InvalidXmlError("required 'w:val' attribute not present")
    return int(value)


def _span_and_merge(tc: Any) -> tuple[int, str | None]:
    """A cell's ``w:gridSpan`` (default 1) and ``w:vMerge`` (``continue`` when written bare)."""
    props = _child(tc, _TC_PR)
    if props is None:
        return 1, None
    span, merge = _child(props, _GRID_SPAN), _child(props, _V_MERGE)
    return (1 if span is None else _int_val(span),
            None if merge is None else merge.get(_VAL, "continue"))  # fmt: skip


def _grid_before(tr: Any) -> int:
    props = _child(tr, _TR_PR)
    before = None if props is None else _child(props, _GRID_BEFORE)
    return 0 if before is None else _int_val(before)


def table_rows(table: Any) -> tuple[list[str], int]:
    """One ``| a | b |`` line per non-empty row of a ``w:tbl``; also the number of ``|``
    replaced."""
    rows: list[str] = []
    pipes = 0
    for tr in table.iterchildren(_TR):
        cells: list[str] = [""] * _grid_before(tr)
        for tc in tr.iterchildren(_TC):
            span, merge = _span_and_merge(tc)
            if merge == "continue":
                text = ""
            else:
                text = cell_text(tc)
                pipes += text.count("|")
            cells.append(text.replace("|", "¦"))
            cells.extend([""] * (span - 1))
        if any(cells):
            rows.append("| " + " | ".join(cells) + " |")
    return rows, pipes


def cell_text(tc: Any) -> str:
    """A cell's paragraphs (and nested tables, cell by cell) on one line."""
    parts: list[str] = []
    for block in tc:
        tag = block.tag
        if tag == _P:
            parts.append(_paragraph_text(block))
        elif tag == _TBL:
            for tr in block.iterchildren(_TR):
                seen: list[Any] = []
                for inner in [c for t in tr.iterchildren(_TC) for c in _grid_cells(t)]:
                    if any(inner is s for s in seen):
                        continue
                    seen.append(inner)
                    parts.append(cell_text(inner))
    return _SPACES.sub(" ", " ".join(parts)).strip()


def _grid_cells(tc: Any) -> Iterator[Any]:
    """The cell ``tc`` shows in each grid column it covers: itself, or for a vertical
    merge's continuation the cell above it where the merge starts (python-docx's
    ``_Row.cells``, which the nested-table text of a cell was read with)."""
    span, merge = _span_and_merge(tc)
    if merge == "continue":
        yield from _grid_cells(_cell_above(tc))
        return
    for _ in range(span):
        yield tc


def _cell_above(tc: Any) -> Any:
    """The cell starting at ``tc``'s grid column in the row above (errors as python-docx's)."""
    tr = next(tc.iterancestors(_TR))
    above = next(tr.itersiblings(_TR, preceding=True), None)
    if above is None:
        raise ValueError("no tr above topmost tr in w:tbl")
    offset = _grid_before(tr) + sum(
        _span_and_merge(t)[0] for t in tc.itersiblings(_TC, preceding=True)
    )
    remaining = offset - _grid_before(above)
    for t in above.iterchildren(_TC):
        if remaining < 0:
            break
        if remaining == 0:
            return t
        remaining -= _span_and_merge(t)[0]
    raise ValueError(f"no `tc` element at grid_offset={offset}")
