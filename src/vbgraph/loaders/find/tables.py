"""Appendix task tables ("Phụ lục": STT / Nội dung nhiệm vụ / Cơ quan chủ trì /
Cơ quan phối hợp / Thời gian / Ghi chú).

Two layouts reach us:

* **flattened** -- HTML or PDF extraction writes one cell (or one line of a cell) per
  line: the row number alone on a line, then the cells; read by
  :mod:`vbgraph.loaders.find.flat_tables`.
* **pipe** -- ``| 3.3 | task | lead | coordinate | time |`` rows (markdown, and the
  .docx reader's rendering of real Word tables): cells are read by column,
  using the header row to name the columns.

:func:`find_tables` returns :class:`Table` objects whose spans index the text.
Which line is an agency cell is decided by the caller's ``is_agency_text``
(the gazetteer lives elsewhere).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from functools import lru_cache
from itertools import accumulate, pairwise
from operator import add

from vbgraph.loaders.find.flat_tables import ROW_ID, read_flat_table, strip_span
from vbgraph.loaders.models import Cell, Row, Table
from vbgraph.loaders.text.patterns import LinePattern, phrases
from vbgraph.loaders.vocab.cues import TABLE_COLUMNS, TABLE_WHOLE_HEADERS

#: Column roles, recognised from header words (a space in them may be missing or doubled).
_COLUMN_CUES: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (
        role,
        re.compile(
            rf"^\s*({phrases(words, r'\s*')})\s*$" if role == "id" else phrases(words, r"\s*"),
            re.I,
        ),
    )
    for role, words in TABLE_COLUMNS.items()
)

#: A header opening with the words of a column that is no agency's ("Nội dung thực hiện",
#: "Thời gian thực hiện", "Sản phẩm hoàn thành") is that column, whatever word follows.
_OPENING_CUES: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (role, re.compile(rf"^\W*(?:{phrases(TABLE_COLUMNS[role], r'\s*')})\b", re.I))
    for role in ("deadline", "product", "note", "content")
)

#: Headers that are a column's name only as a whole ("Đơn vị", not "Đơn vị tính").
_WHOLE_CUES: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (role, re.compile(rf"^\W*(?:{phrases(words, r'\s*')})\W*$", re.I))
    for role, words in TABLE_WHOLE_HEADERS.items()
)
_RULE_CELL = re.compile(r":?-{2,}:?")
_ID_HEADER = _COLUMN_CUES[0][1]


@lru_cache(maxsize=4096)
def column_role(header: str) -> str | None:
    """The role of a column named ``header`` (``lead``, ``deadline``...), if any."""
    for role, pattern in _WHOLE_CUES:
        if pattern.match(header):
            return role
    if not _COLUMN_CUES[0][1].search(header):  # an id column is only its words
        for role, pattern in _OPENING_CUES:
            if pattern.search(header):
                return role
    for role, pattern in _COLUMN_CUES:
        if pattern.search(header):
            return role
    return None


def _lines(text: str, start: int = 0) -> list[tuple[int, int]]:
    """The ``(start, end)`` of every line of ``text[start:]`` (``end``: its ``\n`` or the end)."""
    lengths = list(map(len, text[start:].split("\n")))
    # each line starts one past the end of the one before (its "\n")
    starts = list(accumulate(map((1).__add__, lengths[:-1]), initial=start))
    return list(zip(starts, map(add, starts, lengths), strict=True))


#: A line that may open a table: a pipe row, or what may be the ``STT`` header of a
#: flattened table (an ``id`` column header alone on its line).
_TABLE_LINE = LinePattern(re.compile(
    rf"^[^\S\n]*\||^[^\S\n]*(?:{phrases(TABLE_COLUMNS['id'], r'[^\S\n]*')})[^\S\n]*$",
    re.M | re.I,
))


def find_tables(text: str, is_agency_text: Callable[[int, int], bool],
                one_name: Callable[[int, int], bool] | None = None) -> list[Table]:
    """Every task table in ``text`` (flattened or pipe layout), in order."""
    tables: list[Table] = []
    lines = _lines(text)
    line_starts = [a for a, _ in lines]
    i = 0  # the first line no table has taken
    for found in _TABLE_LINE.finditer(text):
        k = bisect_right(line_starts, found.start()) - 1
        if k < i:
            continue
        a, b = lines[k]
        line = text[a:b]
        if line.lstrip().startswith("|"):
            j = k
            while j < len(lines) and text[lines[j][0] : lines[j][1]].lstrip().startswith("|"):
                j += 1
            table = _pipe_table(text, lines[k:j], is_agency_text)
            if table is not None:
                tables.append(table)
            i = j
            continue
        # ``column_role(line) == "id"``, without trying every other role on every line
        if _ID_HEADER.match(line) and ROW_ID.match(line) is None:
            table, j = read_flat_table(text, lines, k, is_agency_text, column_role, one_name)
            if table is not None:
                tables.append(table)
                i = j
    return tables


def _pipe_cells(text: str, a: int, b: int) -> list[Cell]:
    cells: list[Cell] = []
    line = text[a:b]
    bars = [k for k, ch in enumerate(line) if ch == "|"]
    for s, e in pairwise(bars):
        ca, cb = strip_span(text, a + s + 1, a + e)
        cells.append(Cell(text[ca:cb], ca, cb))
    return cells


def _pipe_table(
    text: str, lines: list[tuple[int, int]], is_agency_text: Callable[[int, int], bool]
) -> Table | None:
    rows_cells = [_pipe_cells(text, a, b) for a, b in lines]
    header_index = None
    columns: list[str | None] = []
    for k, cells in enumerate(rows_cells[:4]):
        roles = [column_role(c.text) if len(c.text) < 60 else None for c in cells]
        if "lead" in roles or "coordinate" in roles:
            header_index, columns = k, roles
            break
    if header_index is None:
        return None
    if columns and columns[0] is None:
        columns[0] = "id"
    rows: list[Row] = []
    for cells, (a, b) in zip(
        rows_cells[header_index + 1 :], lines[header_index + 1 :], strict=False
    ):
        if all(_RULE_CELL.fullmatch(c.text) or not c.text for c in cells):
            continue
        by_role: dict[str, list[Cell]] = {}
        for role, cell in zip(columns, cells, strict=False):
            if role and cell.text:
                by_role.setdefault(role, []).append(cell)
        ids = by_role.get("id", [])
        m = ROW_ID.match(ids[0].text) if ids else None
        if m is None:
            if rows and (by_role.get("content") or by_role.get("lead")):
                prev = rows.pop()  # a continuation row of a merged cell
                rows.append(
                    Row(
                        prev.id,
                        prev.start,
                        b,
                        prev.content + tuple(by_role.get("content", ())),
                        prev.lead + tuple(by_role.get("lead", ())),
                        prev.coordinate + tuple(by_role.get("coordinate", ())),
                        prev.deadline,
                        prev.notes,
                    )
                )
            continue
        deadline_cells = by_role.get("deadline", [])
        rows.append(
            Row(
                id=m.group(1),
                start=a,
                end=b,
                content=tuple(by_role.get("content", ())),
                lead=tuple(by_role.get("lead", ())),
                coordinate=tuple(by_role.get("coordinate", ())),
                deadline=deadline_cells[0] if deadline_cells else None,
                notes=tuple(by_role.get("note", []) + by_role.get("product", [])),
            )
        )
    cols = tuple(c or "" for c in columns)
    return Table(lines[0][0], lines[-1][1], "pipe", cols, tuple(rows))
