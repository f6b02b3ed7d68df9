"""A small date grammar for Vietnamese administrative text, producing ISO dates.

Forms: ``ngày 10/4/2013``, ``ngày 10-4-2013``, ``ngày 10.4.2013``,
``ngày 22 tháng 3 năm 2018``, ``10/01/2017``, and the OCR form with the first
slash lost, ``ngày 076/2016`` (read as 07/6/2016 only when that is the one
valid reading).  Spaces inside numeric dates (``17 /11/2022``) are removed by
the normaliser before this grammar runs, but are tolerated here as well.
"""

from __future__ import annotations

import re
from datetime import date

from vbgraph.loaders.models import DateMatch

_NUMERIC = r"(?P<d>\d{1,2})\s*(?P<s>[/.\-])\s*(?P<m>\d{1,2})\s*(?P=s)\s*(?P<y>(?:19|20)\d{2})"
_WORDS = r"(?P<d2>\d{1,2})\s+tháng\s+(?P<m2>\d{1,2})\s*(?:,\s*)?năm\s+(?P<y2>(?:19|20)\d{2})"
_GLUED = r"(?P<dm3>\d{3})\s*/\s*(?P<y3>(?:19|20)\d{2})"
DATE_RE = re.compile(rf"(?<![\d/])(?:{_NUMERIC}|{_WORDS})(?![\d/])", re.IGNORECASE)
_NGAY = re.compile(rf"ngày\s*(?:{_NUMERIC}|{_WORDS}|{_GLUED})(?![\d/])", re.IGNORECASE)


def iso(day: int, month: int, year: int) -> str | None:
    """ISO date, or None if the day/month/year do not make a date."""
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def _from_match(m: re.Match[str]) -> str | None:
    g = m.groupdict()
    if g.get("d"):
        return iso(int(g["d"]), int(g["m"]), int(g["y"]))
    if g.get("d2"):
        return iso(int(g["d2"]), int(g["m2"]), int(g["y2"]))
    if g.get("dm3"):
        return _glued_day_month(g["dm3"], int(g["y3"]))
    return None


def _glued_day_month(digits: str, year: int) -> str | None:
    """``076`` + 2016: the reading dd+m or d+mm that is the only valid one."""
    readings = {
        r
        for r in (
            iso(int(digits[:2]), int(digits[2:]), year) if digits[2] != "0" else None,
            iso(int(digits[:1]), int(digits[1:]), year) if digits[1] != "0" else None,
        )
        if r
    }
    return readings.pop() if len(readings) == 1 else None


def parse_date(text: str) -> str | None:
    """The ISO form of the first date in ``text`` (with or without "ngày")."""
    m = _NGAY.search(text) or DATE_RE.search(text)
    return _from_match(m) if m else None


def find_dates(text: str) -> list[DateMatch]:
    """Every date in ``text`` with its span (the span includes a leading "ngày")."""
    found: list[DateMatch] = []
    taken: list[tuple[int, int]] = []
    for rx in (_NGAY, DATE_RE):
        for m in rx.finditer(text):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            value = _from_match(m)
            if value:
                found.append(DateMatch(m.start(), m.end(), value))
                taken.append((m.start(), m.end()))
    return sorted(found, key=lambda d: d.start)


_LEADING_DATE = re.compile(rf"\s*,?\s*(?:{_NGAY.pattern})", re.IGNORECASE)


def date_at(text: str, pos: int) -> DateMatch | None:
    """A "ngày ..." date starting at ``pos`` (after optional space/comma), or None."""
    m = _LEADING_DATE.match(text, pos)
    if not m:
        return None
    value = _from_match(m)
    return DateMatch(m.start(), m.end(), value) if value else None
