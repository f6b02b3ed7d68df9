"""What a task table's rows give, read for relate/responsibilities.py: the agencies of a
row's cells, the holder a table's title names, the prefix that keeps a row's id apart from
a body item's, and a row's deadline."""

from __future__ import annotations

from collections.abc import Iterable

from vbgraph.loaders.find.deadlines import find_deadline, parse_deadline
from vbgraph.loaders.models import Agency, AgencyMention, Deadline, Table
from vbgraph.loaders.relate.item_cues import APPENDIX
from vbgraph.loaders.relate.mention_index import MentionIndex
from vbgraph.loaders.relate.roles import AFTER_LEAD, GIVEN_TO


def cell_agencies(index: MentionIndex, cells: tuple[object, ...]) -> list[tuple[Agency, int, int]]:
    """The agencies named in ``cells``, with where each is written."""
    out: list[tuple[Agency, int, int]] = []
    for cell in cells:
        start, end = cell.start, cell.end  # type: ignore[attr-defined]
        for m in index.inside(start, end):
            out.append((m.agency, m.start, m.end))
    return out


def table_title_leads(index: MentionIndex, folded: str, table: Table) -> list[AgencyMention]:
    """A table without a lead column whose title names it: "NHIỆM VỤ GIAO SỞ X CHỦ TRÌ"."""
    if "lead" in table.columns:
        return []
    a = max(0, table.start - 500)
    k = folded.rfind("phu luc", a, table.start)
    a = k if k >= 0 else a
    out = []
    for m in index.inside(a, table.start):
        before = folded[max(a, m.start - 20) : m.start]
        if AFTER_LEAD.match(folded[m.end : m.end + 30]) or GIVEN_TO.search(before):
            out.append(m)
    return out


def table_prefix(folded: str, table: Table, ordinal: int, item_ids: Iterable[str]) -> str:
    """What a table's row ids are prefixed with: nothing, unless the body has an item of
    the same number ("III.2" in the resolution and in its appendix's table), then the
    appendix's name ("Phụ lục I, III.2"), so that the two stay two tasks."""
    ids = set(item_ids)
    if not any(row.id in ids for row in table.rows):
        return ""
    a = max(0, table.start - 600)
    names = list(APPENDIX.finditer(folded, a, table.start))
    named = names[-1] if names else None
    label = named.group(1).upper() if named is not None else str(ordinal)
    return f"Phụ lục {label}, "


def row_deadline(text: str, row: object, a: int, b: int) -> Deadline | None:
    """A row's deadline: its deadline cell's, else one written in ``text[a:b]``."""
    cell = row.deadline  # type: ignore[attr-defined]
    if cell is not None:
        d = parse_deadline(cell.text)
        if d is not None:
            return Deadline(d.date, d.recurring, cell.text, cell.start, cell.end)
    return find_deadline(text, a, b)
