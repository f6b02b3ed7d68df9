"""Lines of a Word 97-2003 main text (``formats.word97``): paragraphs, table rows, fields.

The main text holds paragraph marks (``\\r``), cell and row-end marks (``\\x07``),
field marks (``\\x13`` code ``\\x14`` result ``\\x15``) and special characters.  The
lines are those the .docx reader gives for the same document saved as .docx:

* a paragraph outside a table is one line; a vertical tab (line break) is ``\\n``, a
  page or section break (``\\x0c``) ends the line unless it opens the paragraph (a
  section break right after a table is an empty line);
* a table row is one ``| a | b |`` line; a cell's paragraphs (and the cells of a
  table nested in it) are joined by spaces; the columns are the table's grid (every
  cell edge of its rows, edges within 1 pt taken as one): a cell spanning several
  grid columns is followed by empty cells, a cell continuing a vertical merge is
  empty, a horizontally merged cell's text joins the first cell's unless it repeats
  it (LibreOffice glues it on, repeated), a row with no text is left out; ``|``
  inside a cell is written ``¦``;
* of a field, the result is kept and the code dropped; pictures, drawn objects and
  note references (``\\x01``, ``\\x08``, ``\\x02``, ``\\x05``) are dropped; a
  non-breaking hyphen is ``-``, an optional hyphen nothing.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from vbgraph.loaders.formats.word97 import ParagraphProps

_SPACES = re.compile(r"\s+")
#: Characters kept as something else (or dropped: None) in a paragraph's text.
_CHARS = str.maketrans(
    {
        **{chr(c): None for c in range(0x20) if chr(c) != "\t"},
        "\x0b": "\n",
        "\x1e": "-",
    }
)
_MARKS = re.compile("[\r\x07\x0c\x13\x14\x15]")
_CONTROLS = re.compile("[\x00-\x08\x0a-\x1f]")
#: vertical-merge code of a cell continuing the merge above it (TC80 vertMerge)
_VMERGE_CONTINUE = 1
#: horizontal-merge code of a cell merged into the one before it (TC80 horzMerge)
_HMERGE_INTO_PREVIOUS = 2
#: Cell edges this close (twips; 20 = 1 pt) are one grid line: rows drawn by hand end
#: a few twips apart (9,732 and 9,740) and are still one column.
_SAME_EDGE = 20


class _Row:
    __slots__ = ("cells", "para")

    def __init__(self, cells: list[str], para: ParagraphProps) -> None:
        self.cells = cells
        self.para = para


def lay_out(
    text: str, para_at: Callable[[int], ParagraphProps], section_marks: frozenset[int] = frozenset()
) -> str:
    """The lines of ``text``; ``para_at(cp)`` gives the properties of the paragraph
    whose mark is at ``cp``; ``section_marks`` the CPs of the ``\\x0c`` that end a
    section (and a paragraph; the others are page breaks)."""
    layout = _Layout(para_at, section_marks)
    fields: list[bool] = []  # per open field: True once its result has begun
    shown = True
    at = 0
    for mark in _MARKS.finditer(text):
        cp = mark.start()
        if shown and cp > at:
            layout.buf.append(text[at:cp])
        at = cp + 1
        ch = text[cp]
        if ch == "\x13":
            fields.append(False)
        elif ch == "\x14":
            if fields:
                fields[-1] = True
        elif ch == "\x15":
            if fields:
                fields.pop()
        else:
            layout.end_paragraph(cp, ch)
        shown = all(fields)
    if shown and at < len(text):
        layout.buf.append(text[at:])
    return layout.finish()


class _Layout:
    """Lines, and the table being read, as paragraph after paragraph ends."""

    def __init__(
        self, para_at: Callable[[int], ParagraphProps], section_marks: frozenset[int]
    ) -> None:
        self.para_at = para_at
        self.section_marks = section_marks
        self.lines: list[str] = []
        self.rows: list[_Row] = []  # rows of the table being read
        self.cells: list[str] = []  # cells of the row being read
        self.parts: list[str] = []  # paragraphs of the cell being read
        self.buf: list[str] = []  # text of the paragraph being read

    def end_paragraph(self, cp: int, ch: str) -> None:
        paragraph = _chars("".join(self.buf))
        self.buf.clear()
        if ch == "\x0c":
            if paragraph or (cp in self.section_marks and self.rows and not self.cells):
                self._paragraph(paragraph, in_table=bool(self.cells or self.parts))
            # else: a page break opening a paragraph (the paragraph starts a page), or
            # a section break alone after a paragraph: no line of its own (a section
            # break right after a table is an empty paragraph)
            return
        para = self.para_at(cp)
        if ch == "\x07" and para.row_end:
            if self.parts:
                self.cells.append(_cell_text(self.parts))
            self.rows.append(_Row(self.cells, para))
            self.cells, self.parts = [], []
        elif ch == "\x07":
            self.parts.append(paragraph)
            self.cells.append(_cell_text(self.parts))
            self.parts = []
        elif para.depth >= 1:
            self.parts.append(paragraph)
        else:
            self._end_row()  # a row whose end mark was not seen ends at the table's end
            self._paragraph(paragraph, in_table=False)

    def _paragraph(self, paragraph: str, *, in_table: bool) -> None:
        if in_table:
            self.parts.append(paragraph)
        else:
            _flush(self.rows, self.lines)
            self.lines.append(paragraph)

    def _end_row(self) -> None:
        if self.cells or self.parts:
            last = [_cell_text(self.parts)] if self.parts else []
            self.rows.append(_Row(self.cells + last, _empty_para()))
            self.cells, self.parts = [], []

    def finish(self) -> str:
        self._end_row()
        if self.buf:
            _flush(self.rows, self.lines)
            self.lines.append(_chars("".join(self.buf)))
        _flush(self.rows, self.lines)
        return "\n".join(self.lines)


def _chars(text: str) -> str:
    return text.translate(_CHARS) if _CONTROLS.search(text) else text


def _empty_para() -> ParagraphProps:
    from vbgraph.loaders.formats.word97 import ParagraphProps

    return ParagraphProps()


def _cell_text(parts: list[str]) -> str:
    return _SPACES.sub(" ", " ".join(parts)).strip()


def _flush(rows: list[_Row], lines: list[str]) -> None:
    """Write the table in ``rows`` (then empty it) as pipe rows on its grid."""
    if not rows:
        return
    column: dict[int, int] = {}
    edge, index = None, -1
    for b in sorted({b for row in rows for b in row.para.bounds}):
        if edge is None or b - edge > _SAME_EDGE:
            edge, index = b, index + 1  # a new grid line (nearer ones are the same)
        column[b] = index
    for row in rows:
        out: list[str] = []
        bounds = row.para.bounds
        merges = row.para.merges
        if len(bounds) >= 2:
            out.extend([""] * column[bounds[0]])
        first = -1  # index in ``out`` of the cell a horizontal merge started at
        for i, text in enumerate(row.cells):
            hmerge, vmerge = merges[i] if i < len(merges) else (0, 0)
            if vmerge == _VMERGE_CONTINUE:
                text = ""
            text = text.replace("|", "¦")
            span = _span(column, bounds, i)
            if hmerge >= _HMERGE_INTO_PREVIOUS and first >= 0:
                # merged into the cell where the merge starts (Word shows that cell
                # only): its text joins that cell's unless it repeats it
                if text and text not in out[first]:
                    out[first] = f"{out[first]} {text}".strip()
                out.extend([""] * _columns(column, bounds, i))
                continue
            first = len(out)
            out.append(text)
            out.extend([""] * (span - 1))
        if any(out):
            lines.append("| " + " | ".join(out) + " |")
    rows.clear()


def _columns(column: dict[int, int], bounds: tuple[int, ...], i: int) -> int:
    """Grid columns cell ``i`` covers (0 for a cell of no width)."""
    if i + 1 >= len(bounds):
        return 0
    return column[bounds[i + 1]] - column[bounds[i]]


def _span(column: dict[int, int], bounds: tuple[int, ...], i: int) -> int:
    """Grid columns cell ``i`` is written over (at least its own)."""
    return max(1, _columns(column, bounds, i))
