"""Lookup keys: what a user types finds what the store holds.

Names fold with :func:`vbgraph.loaders.text.fold.fold_name` (the one fold); symbols
with :func:`fold_symbol`.

``fold_name("Sở Ngoại vụ") == fold_name("so ngoai vu")``;
``fold_symbol("590 /QĐ-UBND") == fold_symbol("590/QD-UBND")``, and the Party
and State separators are folded alike (``22/NQ-TW`` finds ``22-NQ/TW``).
"""

from __future__ import annotations

import re
from datetime import date

from vbgraph.loaders.text.fold import fold_name, strip_diacritics

__all__ = ["fold_name", "fold_symbol", "strip_diacritics", "symbol_number"]

_SPACES = re.compile(r"\s+")
_SEPARATORS = re.compile(r"\s*[-/–]\s*")


def fold_symbol(symbol: str) -> str:
    """Lookup form of a document symbol: no diacritics, case, spaces or separator kind."""
    folded = strip_diacritics(symbol).casefold()
    folded = _SEPARATORS.sub("/", folded)
    return _SPACES.sub("", folded)


def symbol_number(symbol: str) -> str:
    """The number part of a symbol (``590`` of ``590/QĐ-UBND``, ``30a`` of ``30a/CP``)."""
    m = re.match(r"\s*(\d+[a-zA-Z]?)", symbol)
    return m.group(1).lower() if m else ""


def iso_day(value: str) -> str:
    """A day as typed (``YYYY-MM-DD``, or ``YYYY`` for its first day) in ISO form; raises
    ``ValueError`` for anything else."""
    if len(value) == 4 and value.isdigit():
        return f"{value}-01-01"
    return date.fromisoformat(value).isoformat()
