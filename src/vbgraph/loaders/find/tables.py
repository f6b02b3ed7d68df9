"""Appendix task tables ("Phụ lục": STT / Nội dung nhiệm vụ / Cơ quan chủ trì /
Cơ quan phối hợp / Thời gian / Ghi chú).

Three layouts reach us:

* **flattened** -- HTML or PDF extraction writes one cell per line: the row
  number (``3.3``) alone on a line, then the task text, then the lead agencies,
  the coordinating agencies, the deadline, the note; empty cells simply vanish.
  Cells are recognised by what they hold (a line that is all agency names is an
  agency cell; the first agency cell is the lead, the second the coordinators;
  a short date/period is the deadline), which survives missing cells.
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

from vbgraph.loaders.find.deadlines import is_deadline_cell
from vbgraph.loaders.models import Cell, Row, Table
from vbgraph.loaders.text.patterns import phrases
from vbgraph.loaders.vocab.cues import TABLE_COLUMNS

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

_ROW_ID = re.compile(r"^[ \t]*(\d{1,2}(?:\.\d{1,2}){0,3}|[IVX]{1,5})\.?[ \t]*$")
_RULE_CELL = re.compile(r":?-{2,}:?")
_TABLE_END = re.compile(r"^[ \t]*(\[\d+\]|Nơi nhận|NƠI NHẬN|TM\.|KT\.|PHỤ LỤC|Phụ lục\s+[IVX\d])")








_ID_HEADER = _COLUMN_CUES[0][1]


@lru_cache(maxsize=4096)
def column_role(header: str) -> str | None:
    """The role of a column named ``header`` (``lead``, ``deadline``...), if any."""
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
_TABLE_LINE = re.compile(
    rf"^[^\S\n]*\||^[^\S\n]*(?:{phrases(TABLE_COLUMNS['id'], r'[^\S\n]*')})[^\S\n]*$",
    re.M | re.I,
)


def find_tables(text: str, is_agency_text: Callable[[int, int], bool]) -> list[Table]:
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
        if _ID_HEADER.match(line) and _ROW_ID.match(line) is None:
            table, j = _flattened_table(text, lines, k, is_agency_text)
            if table is not None:
                tables.append(table)
                i = j
    return tables


def _flattened_table(
    text: str,
    lines: list[tuple[int, int]],
    i: int,
    is_agency_text: Callable[[int, int], bool],
) -> tuple[Table | None, int]:
    columns: list[str] = []
    j = i + 1
    while j < len(lines) and j <= i + 8:
        a, b = lines[j]
        line = text[a:b].strip()
        if not line:
            j += 1
            continue
        if _ROW_ID.match(line):
            break
        role = column_role(line)
        if role is None or len(line) > 60:
            return None, i + 1
        columns.append(role)
        j += 1
    if "lead" not in columns and "coordinate" not in columns:
        return None, i + 1
    rows: list[Row] = []
    current: list[tuple[int, int]] = []
    row_id: str | None = None
    row_start = 0
    end = lines[j][0] if j < len(lines) else len(text)
    while j < len(lines):
        a, b = lines[j]
        line = text[a:b]
        if _TABLE_END.match(line):
            break
        m = _ROW_ID.match(line)
        if m:
            if row_id is not None:
                rows.append(
                    _flattened_row(text, row_id, row_start, current, is_agency_text, columns)
                )
            row_id, row_start, current = m.group(1), a, []
        elif line.strip() and row_id is not None:
            current.append((a, b))
        end = b
        j += 1
    if row_id is not None:
        rows.append(_flattened_row(text, row_id, row_start, current, is_agency_text, columns))
    return Table(lines[i][0], end, "flattened", tuple(columns), tuple(rows)), j


def _strip_span(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return a, b


def _flattened_row(
    text: str,
    row_id: str,
    start: int,
    lines: list[tuple[int, int]],
    is_agency_text: Callable[[int, int], bool],
    columns: list[str] | None = None,
) -> Row:
    content: list[Cell] = []
    agencies: list[Cell] = []
    notes: list[Cell] = []
    deadline: Cell | None = None
    for a, b in lines:
        a, b = _strip_span(text, a, b)
        cell = Cell(text[a:b], a, b)
        if is_agency_text(a, b):
            agencies.append(cell)
        elif deadline is None and is_deadline_cell(cell.text):
            deadline = cell
        elif agencies:
            notes.append(cell)
        else:
            content.append(cell)
    end = lines[-1][1] if lines else start + len(row_id)
    # agency cells fill the agency columns in header order (a table may have only
    # "Cơ quan phối hợp", or put it first); missing trailing cells simply stay empty
    order = [c for c in (columns or ()) if c in ("lead", "coordinate")] or ["lead", "coordinate"]
    by_column: dict[str, list[Cell]] = {"lead": [], "coordinate": []}
    for role, cell in zip(order, agencies, strict=False):
        by_column[role].append(cell)
    return Row(
        id=row_id,
        start=start,
        end=end,
        content=tuple(content),
        lead=tuple(by_column["lead"]),
        coordinate=tuple(by_column["coordinate"]),
        deadline=deadline,
        notes=tuple(notes + agencies[len(order) :]),
    )


def _pipe_cells(text: str, a: int, b: int) -> list[Cell]:
    cells: list[Cell] = []
    line = text[a:b]
    bars = [k for k, ch in enumerate(line) if ch == "|"]
    for s, e in pairwise(bars):
        ca, cb = _strip_span(text, a + s + 1, a + e)
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
        m = _ROW_ID.match(ids[0].text) if ids else None
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
