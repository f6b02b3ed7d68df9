"""Flattened task tables: HTML or PDF extraction writes one cell per line, or one line of a
cell per line.

A table opens with its header, a column name per line (``STT`` / ``Nội dung`` / ``Cơ quan
chủ trì`` ...); a name broken over lines goes on in lower case (``Cơ quan`` / ``chủ trì``).
Then each row: its number alone on a line (``3``, ``3.3``, ``II``), then its cells' lines.
Cells are recognised by what they hold, which survives missing cells and cells broken
over lines:

* agency lines (the caller's ``is_agency_text``) after the task's text are agency cells;
  a line ending in ``,`` ``;`` ``và`` or followed by one in lower case goes on in the
  next, and a wide gap inside a line (``cơ quan ngang bộ   Bộ Tư pháp``) ends a cell;
  the agency cells fill the lead and coordinate columns in header order;
* a short date or period is the deadline; what comes after the agencies is a note.

A page break inside a table leaves a running head (``CÔNG BÁO/Số 238/...``), a page
number and the header again: a number that does not follow the last row's is no row,
and a repeated header is skipped.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from vbgraph.loaders.find.deadlines import is_deadline_cell
from vbgraph.loaders.models import Cell, Row, Table

#: A row's number alone on its line.
ROW_ID = re.compile(r"^[ \t]*(\d{1,2}(?:\.\d{1,2}){0,3}|[IVX]{1,5})\.?[ \t]*$")
#: A row's number and, after a wide gap, its first line: "7  Đề án về chỉ số ...".
_ROW_ID_INLINE = re.compile(r"^[ \t]*(\d{1,2}(?:\.\d{1,2}){0,3})\.?[ \t]{2,}(?=\S)")
#: Where a flattened table ends: a footnote mark, the addressees, a signature, the next appendix.
_TABLE_END = re.compile(r"^[ \t]*(\[\d+\]|Nơi nhận|NƠI NHẬN|TM\.|KT\.|PHỤ LỤC|Phụ lục\s+[IVX\d])")
#: A gazette's running head at a page break.
_RUNNING_HEAD = re.compile(r"^[ \t]*CÔNG BÁO\s*/")
#: At most this many header lines, and this long each.
_HEADER_LINES, _HEADER_WIDTH = 16, 60
#: A wide gap between two cells printed on one line.
_GAP = re.compile(r"[ \t]{2,}")
#: A cell line that goes on in the next one.
_GOES_ON = re.compile(r"(?:[,;&/–-]|\bvà|\bcác)\s*$")

IsAgencyText = Callable[[int, int], bool]
#: Whether one name stands over both positions (a name broken over a narrow column's lines).
OneName = Callable[[int, int], bool]
ColumnRole = Callable[[str], str | None]


def read_header(
    text: str, lines: list[tuple[int, int]], i: int, column_role: ColumnRole
) -> tuple[list[str], int] | None:
    """The column roles of the header whose id column is line ``i`` (``other`` for a
    column no role names), and the index of the first line after it."""
    names: list[str] = []
    j = i + 1
    while j < len(lines) and j <= i + _HEADER_LINES:
        a, b = lines[j]
        line = text[a:b].strip()
        if line and (ROW_ID.match(line) or _ROW_ID_INLINE.match(line)):
            break
        line = line.strip("*").strip()  # "**Cơ quan chủ trì**": bold on a portal page
        if len(line) > _HEADER_WIDTH:
            return None
        if line == "|":
            pass  # a portal page's cell bar: names are told apart by their lines
        elif line and names and line[0].islower():
            names[-1] += " " + line  # "Cơ quan" / "chủ trì"
        elif line:
            names.append(line)
        j += 1
    roles = [column_role(name) or "other" for name in names]
    if "lead" not in roles and "coordinate" not in roles:
        return None
    return roles, j


_ROMAN = {"I": 1, "V": 5, "X": 10}


def _roman(numeral: str) -> int:
    values = [_ROMAN[c] for c in numeral]
    return sum(-v if v < w else v for v, w in zip(values, [*values[1:], 0], strict=True))


class _Numbering:
    """The rows' numbers so far: a number that does not follow them is a page number, a
    Roman numeral out of turn is a word ("khóa XVI")."""

    def __init__(self) -> None:
        self.last: tuple[int, ...] | None = None
        self.group = 0
        self.group_id = ""

    def follows(self, row_id: str) -> bool:
        if not row_id[0].isdigit():
            return _roman(row_id) == self.group + 1
        now = tuple(int(p) for p in row_id.split("."))
        if self.last is None:  # a table's or a group's first row is its row 1
            return now[0] == 1
        return self.last < now and now[0] <= self.last[0] + 1

    def take(self, row_id: str) -> None:
        if row_id[0].isdigit():
            self.last = tuple(int(p) for p in row_id.split("."))
        else:
            self.group, self.last, self.group_id = _roman(row_id), None, row_id

    def full_id(self, row_id: str) -> str:
        """``1`` under the group row ``II`` is ``II.1``: row numbers restart in each group."""
        return f"{self.group_id}.{row_id}" if row_id[0].isdigit() and self.group else row_id


def read_flat_table(
    text: str,
    lines: list[tuple[int, int]],
    i: int,
    is_agency_text: IsAgencyText,
    column_role: ColumnRole,
    one_name: OneName | None = None,
) -> tuple[Table | None, int]:
    """The flattened table whose header opens at line ``i``, and the line after it."""
    header = read_header(text, lines, i, column_role)
    if header is None:
        return None, i + 1
    columns, j = header
    rows: list[Row] = []
    current: list[tuple[int, int]] = []
    row_id: str | None = None
    row_start = 0
    numbering = _Numbering()
    end = lines[j][0] if j < len(lines) else len(text)
    while j < len(lines):
        a, b = lines[j]
        line = text[a:b]
        if _TABLE_END.match(line):
            break
        m = ROW_ID.match(line) or _ROW_ID_INLINE.match(line)
        if m and numbering.follows(m.group(1)):
            if row_id is not None:
                rows.append(_row(text, row_id, row_start, current, is_agency_text, columns,
                             one_name))
            numbering.take(m.group(1))
            row_id, row_start, current = numbering.full_id(m.group(1)), a, []
            if a + m.end() < b:  # "7  Đề án về ...": the row's first line after its number
                current.append((a + m.end(), b))
        elif m or _RUNNING_HEAD.match(line):
            pass  # a page number or the gazette's running head
        elif column_role(line.strip()) == "id" and (again := read_header(
            text, lines, j, column_role)):  # fmt: skip
            j = again[1]  # the header repeated after a page break
            continue
        elif line.strip() and row_id is not None:
            current.append((a, b))
        end = b
        j += 1
    if row_id is not None:
        rows.append(_row(text, row_id, row_start, current, is_agency_text, columns,
                             one_name))
    return Table(lines[i][0], end, "flattened", tuple(columns), tuple(rows)), j


def strip_span(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return a, b


def _pieces(text: str, a: int, b: int, is_agency_text: IsAgencyText) -> list[tuple[int, int]]:
    """A line's cells: split at wide gaps when every part is agency text."""
    parts, start = [], a
    for gap in _GAP.finditer(text, a, b):
        parts.append((start, gap.start()))
        start = gap.end()
    parts.append((start, b))
    if len(parts) > 1 and all(is_agency_text(s, e) for s, e in parts):
        return parts
    return [(a, b)]


#: Words a line of a task's text may end with when its sentence goes on in the next line.
_LINKING = re.compile(r"(?:\b(?:của|về|và|các|với|cho|trong|tại|theo|do|là|đến|trình)|[,–-])\s*$")


def _goes_on(previous: str, line: str) -> bool:
    """Whether ``line`` goes on with the task's text in ``previous`` ("tham mưu Chính" /
    "phủ trình Quốc hội"; "Nghị quyết số 72-NQ/TW của" / "Bộ Chính trị")."""
    return line[:1].islower() or bool(_LINKING.search(previous))


def _row(
    text: str,
    row_id: str,
    start: int,
    lines: list[tuple[int, int]],
    is_agency_text: IsAgencyText,
    columns: list[str],
    one_name: OneName | None = None,
) -> Row:
    content: list[Cell] = []
    agencies: list[tuple[int, int]] = []
    notes: list[Cell] = []
    deadline: Cell | None = None
    joined = False  # the last agency cell goes on in the next agency line
    content_first = "content" in columns and "lead" in columns and (
        columns.index("content") < columns.index("lead"))  # fmt: skip
    bar = False  # a portal page's cell bar ("|" on its own line) came since the last cell
    for line_a, line_b in lines:
        a, b = strip_span(text, line_a, line_b)
        if text[a:b] == "|":
            bar, joined = True, False  # the cell ends here
            continue
        cell = Cell(text[a:b], a, b)
        after_bar, bar = bar, False
        if is_agency_text(a, b) and (content or not content_first) and not (
            content and not agencies and _goes_on(content[-1].text, cell.text)
        ):
            for k, (s, e) in enumerate(_pieces(text, a, b, is_agency_text)):
                # the name goes on from the line before: a narrow column breaks a cell a
                # word or two per line ("Các / Bộ, / ngành, / địa / phương")
                broken = k == 0 and one_name is not None and one_name(agencies[-1][1] - 1, s) \
                    if agencies else False
                if agencies and not after_bar and (
                    joined or broken or (k == 0 and text[s].islower())
                ):
                    agencies[-1] = (agencies[-1][0], e)
                else:
                    agencies.append((s, e))
                joined = bool(_GOES_ON.search(text, s, e))
        elif deadline is None and is_deadline_cell(cell.text):
            deadline = cell
        elif agencies:
            notes.append(cell)
        else:
            content.append(cell)
    end = lines[-1][1] if lines else start + len(row_id)
    cells = [Cell(text[s:e], s, e) for s, e in agencies]
    # agency cells fill the agency columns in header order (a table may have only
    # "Cơ quan phối hợp", or put it first); missing trailing cells simply stay empty
    order = [c for c in columns if c in ("lead", "coordinate")]
    by_column: dict[str, list[Cell]] = {"lead": [], "coordinate": []}
    for role, agency_cell in zip(order, cells, strict=False):
        by_column[role].append(agency_cell)
    return Row(
        id=row_id,
        start=start,
        end=end,
        content=tuple(content),
        lead=tuple(by_column["lead"]),
        coordinate=tuple(by_column["coordinate"]),
        deadline=deadline,
        notes=tuple(notes + cells[len(order) :]),
    )
