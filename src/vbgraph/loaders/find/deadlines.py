"""Deadlines of tasks: a small grammar for how Vietnamese plans say "by when".

One-off deadlines become an ISO date (the last day of the period named):

* ``trong quý II/2017``, ``quý 2 năm 2017`` -> 2017-06-30
* ``trước ngày 15/11/2024``, ``trước ngày 15 tháng 11 năm 2024`` -> 2024-11-15
* ``tháng 6/2025``, ``trong tháng 6 năm 2025`` -> 2025-06-30
* ``6 tháng đầu năm 2025`` -> 2025-06-30; ``năm 2025``, ``trong năm 2025`` -> 2025-12-31

Recurring deadlines become a recurrence (``Task.recurring``):

* ``trước ngày 15/11 hàng năm`` -> ``yearly:11-15``
* ``định kỳ 6 tháng`` -> ``half-yearly``; ``hàng quý`` -> ``quarterly``;
  ``hàng tháng`` -> ``monthly``; ``hàng năm``/``hằng năm`` -> ``yearly``

:func:`find_deadline` returns the first deadline with a cue in a task's text;
:func:`parse_deadline` reads a whole table cell (``Năm 2025``, ``Quý IV/2024``,
``Hàng năm``), where no cue word is needed.
"""

from __future__ import annotations

import calendar
import re
from datetime import date
from functools import lru_cache

from vbgraph.loaders.models import Deadline
from vbgraph.loaders.text.patterns import Pattern, Starts

_ROMAN_Q = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}
_YEAR = r"((?:19|20)\d{2})"
_EVERY = r"(?:hàng|hằng|mỗi)"




def _end_of_month(year: int, month: int) -> str | None:
    if not 1 <= month <= 12:
        return None
    return date(year, month, calendar.monthrange(year, month)[1]).isoformat()


def _day(year: int, month: int, day: int) -> str | None:
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def _yearly(month: int, day: int) -> str | None:
    if _day(2024, month, day) is None:  # a leap year accepts 29/2
        return None
    return f"yearly:{month:02d}-{day:02d}"


_F = re.IGNORECASE | re.UNICODE
#: Words that open a deadline ("trước ngày ...", "chậm nhất ...").
_BY = ("trước", "chậm nhất", "đến", "vào")
_DONE = ("trước", "chậm nhất", "hoàn thành", "xong", "đến")
_EVERY_WORDS = ("hàng", "hằng", "mỗi")
# Order matters: the first rule that matches at a position wins.  Each rule declares the
# words its matches start with (its prefilter; tests/test_patterns.py checks it).
_RULES: tuple[tuple[str, Pattern], ...] = (
    (
        "yearly_day",
        Pattern(
            "deadline yearly_day",
            r"(?:trước|chậm nhất|đến|vào)\s+(?:ngày\s*)?(\d{1,2})\s*[/.-]\s*(\d{1,2})"
            rf"(?!\s*[/.-]\s*\d)\s*(?:\)|,)?\s*{_EVERY}\s+năm",
            _F,
            starts=_BY,
        ),
    ),
    (
        "yearly_day2",
        Pattern(
            "deadline yearly_day2",
            rf"{_EVERY}\s+năm[^.;\n]{{0,120}}?(?:trước|chậm nhất)\s+(?:ngày\s*)?"
            r"(\d{1,2})\s*[/.-]\s*(\d{1,2})(?!\s*[/.-]\s*\d)",
            _F,
            starts=_EVERY_WORDS,
        ),
    ),
    (
        "day",
        Pattern(
            "deadline day",
            r"(?:trước|chậm nhất|hoàn thành|xong|đến|trong)\s+(?:ngày\s*)?"
            rf"(\d{{1,2}})\s*[/.-]\s*(\d{{1,2}})\s*[/.-]\s*{_YEAR}",
            _F,
            starts=(*_DONE, "trong"),
        ),
    ),
    (
        "day_words",
        Pattern(
            "deadline day_words",
            r"(?:trước|chậm nhất|hoàn thành|xong|đến)\s+ngày\s*(\d{1,2})\s+tháng\s+(\d{1,2})"
            rf"\s+năm\s+{_YEAR}",
            _F,
            starts=_DONE,
        ),
    ),
    (
        "quarter",
        Pattern(
            "deadline quarter",
            rf"quý\s+(IV|I{{1,3}}|[1-4])\s*(?:/|năm|-)\s*{_YEAR}",
            _F,
            starts=("quý",),
        ),
    ),
    (
        "half",
        Pattern("deadline half", rf"6\s+tháng\s+(đầu|cuối)\s+năm\s+{_YEAR}", _F, starts=("6",)),
    ),
    (
        "month",
        Pattern(
            "deadline month",
            rf"(?:trong|trước|hết|cuối|đến|vào)\s+tháng\s+(\d{{1,2}})\s*(?:/|năm)\s*{_YEAR}",
            _F,
            starts=("trong", "trước", "hết", "cuối", "đến", "vào"),
        ),
    ),
    (
        "half_yearly",
        Pattern(
            "deadline half_yearly",
            r"(?:định kỳ\s+)?(?:0?6|sáu)\s+tháng(?:\s+(?:một|1)\s+lần)?"
            r"(?=[\s,;.)]|$)(?!\s+(?:đầu|cuối))",
            _F,
            starts=("định", "06", "6", "sáu"),
        ),
    ),
    (
        "quarterly",
        Pattern(
            "deadline quarterly",
            rf"(?:định kỳ\s+)?{_EVERY}\s+quý",
            _F,
            starts=("định", *_EVERY_WORDS),
        ),
    ),
    (
        "monthly",
        Pattern(
            "deadline monthly",
            rf"(?:định kỳ\s+)?{_EVERY}\s+tháng",
            _F,
            starts=("định", *_EVERY_WORDS),
        ),
    ),
    (
        "yearly",
        Pattern(
            "deadline yearly",
            rf"(?:định kỳ\s+)?{_EVERY}\s+năm",
            _F,
            starts=("định", *_EVERY_WORDS),
        ),
    ),
    (
        "year",
        Pattern(
            "deadline year",
            rf"(?:trong|trước|hoàn thành(?: trong)?|xong trong|cuối)\s+năm\s+{_YEAR}",
            _F,
            starts=("trong", "trước", "hoàn thành", "xong", "cuối"),
        ),
    ),
)

#: Where each rule can start, found in one pass for them all.
_RULE_STARTS = Starts([pattern for _, pattern in _RULES])

#: In running text a bare recurrence ("hàng năm") is a deadline only near one of these.
_RECURRENCE_CUE = re.compile(r"định\s+kỳ|báo\s+cáo|tổng\s+hợp|sơ\s+kết|gửi\s+về", _F)
_RECURRENCES = {"half_yearly", "quarterly", "monthly", "yearly"}


def _interpret(kind: str, m: re.Match[str]) -> tuple[str | None, str | None] | None:
    g = m.groups()
    if kind in ("yearly_day", "yearly_day2"):
        rec = _yearly(int(g[1]), int(g[0]))
        return (None, rec) if rec else None
    if kind in ("day", "day_words"):
        d = _day(int(g[2]), int(g[1]), int(g[0]))
        return (d, None) if d else None
    if kind == "quarter":
        q = _ROMAN_Q[g[0].lower()]
        return (_end_of_month(int(g[1]), q * 3), None)
    if kind == "half":
        year = int(g[1])
        return (_end_of_month(year, 6 if g[0].lower() == "đầu" else 12), None)
    if kind == "month":
        d = _end_of_month(int(g[1]), int(g[0]))
        return (d, None) if d else None
    if kind == "year":
        return (f"{g[0]}-12-31", None)
    return (None, kind.replace("_", "-"))


def find_deadlines(
    text: str, start: int = 0, end: int | None = None, *, strict: bool = True
) -> list[Deadline]:
    """Every deadline expression in ``text[start:end]``, in text order, non-overlapping.

    With ``strict`` (running text), a bare recurrence such as ``hàng năm`` counts
    only next to ``định kỳ`` or a reporting verb (``kế hoạch hàng năm`` is not a
    deadline; ``định kỳ hàng năm báo cáo`` is).
    """
    end = len(text) if end is None else end
    found: list[Deadline] = []
    taken: list[tuple[int, int]] = []
    positions = _RULE_STARTS.positions(text, start, end)
    for (kind, pattern), candidates in zip(_RULES, positions, strict=True):
        for m in pattern.matches_from(text, candidates, end):
            a, b = m.span()
            if any(a < tb and ta < b for ta, tb in taken):
                continue
            value = _interpret(kind, m)
            if value is None:
                continue
            if strict and kind in _RECURRENCES:
                window = text[max(start, a - 60) : min(end, b + 60)]
                if not _RECURRENCE_CUE.search(window):
                    continue
            taken.append((a, b))
            found.append(Deadline(value[0], value[1], m.group(0), a, b))
    found.sort(key=lambda d: d.start)
    return found


def find_deadline(text: str, start: int = 0, end: int | None = None) -> Deadline | None:
    """The task's deadline: the first one-off date if any, else the first recurrence."""
    found = find_deadlines(text, start, end)
    for d in found:
        if d.date:
            return d
    return found[0] if found else None


_CELL_YEAR = re.compile(rf"(?:năm\s+|trong năm\s+)?{_YEAR}", _F)
_CELL_YEARS = re.compile(rf"{_YEAR}\s*[-–]\s*{_YEAR}", _F)
_CELL_MONTH = re.compile(r"(?:tháng\s+)?(\d{1,2})\s*/\s*" + _YEAR, _F)
_CELL_CONTINUOUS = re.compile(r"thường xuyên|liên tục", _F)


@lru_cache(maxsize=4096)
def parse_deadline(cell: str) -> Deadline | None:
    """A table's "Thời gian" cell: ``Năm 2025``, ``2025``, ``Quý IV/2024``, ``Hàng năm``."""
    s = cell.strip().rstrip(".;")
    if not s:
        return None
    m = _CELL_YEAR.fullmatch(s)
    if m:
        return Deadline(f"{m.group(1)}-12-31", None, s, 0, len(s))
    m = _CELL_YEARS.fullmatch(s)
    if m:
        return Deadline(f"{m.group(2)}-12-31", None, s, 0, len(s))
    m = _CELL_MONTH.fullmatch(s)
    if m:
        d = _end_of_month(int(m.group(2)), int(m.group(1)))
        if d:
            return Deadline(d, None, s, 0, len(s))
    if _CELL_CONTINUOUS.fullmatch(s):
        return Deadline(None, "continuous", s, 0, len(s))
    found = find_deadlines(s, strict=False)
    return found[0] if found else None


def is_deadline_cell(cell: str) -> bool:
    """Whether a table cell is only a deadline (so it is not a task's text)."""
    s = cell.strip().rstrip(".;")
    if len(s) > 60 or not s:
        return False
    d = parse_deadline(s)
    return d is not None and (d.end - d.start) >= len(s) - 12
