"""Rows to the terminal: aligned tables by default, JSON or CSV on request."""

from __future__ import annotations

import csv
import io
import json
import unicodedata
from collections.abc import Sequence
from typing import Any

FORMATS = ("table", "json", "csv")


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, (list, tuple)):
        return ", ".join(_cell(v) for v in value)
    return str(value)


def _width(text: str) -> int:
    """Display width: combining marks take no column, wide characters two."""
    width = 0
    for ch in text:
        if unicodedata.combining(ch):
            continue
        width += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
    return width


def _clip(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def table(rows: Sequence[dict[str, Any]], columns: Sequence[str],
          max_width: int = 60) -> str:
    """An aligned plain-text table with a header line."""
    cells = [[_clip(_cell(r.get(c)), max_width) for c in columns] for r in rows]
    widths = [max([_width(c)] + [_width(row[i]) for row in cells]) for i, c in enumerate(columns)]

    def line(values: Sequence[str]) -> str:
        return "  ".join(v + " " * (w - _width(v)) for v, w in zip(values, widths, strict=True))

    out = [line(columns), line(["-" * w for w in widths])]
    out.extend(line(row) for row in cells)
    return "\n".join(s.rstrip() for s in out)


def to_csv(rows: Sequence[dict[str, Any]], columns: Sequence[str]) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(columns)
    for r in rows:
        writer.writerow([_cell(r.get(c)) for c in columns])
    return buf.getvalue().rstrip("\n")


def to_json(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2)


def render(rows: Sequence[dict[str, Any]], columns: Sequence[str], fmt: str,
           empty: str = "No results.", data: Any = None) -> str:
    """``rows`` in ``fmt``; ``data`` (default: the rows) is what JSON prints."""
    if fmt == "json":
        return to_json(list(rows) if data is None else data)
    if fmt == "csv":
        return to_csv(rows, columns)
    if not rows:
        return empty
    return table(rows, columns)
