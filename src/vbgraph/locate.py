"""Where an extracted item is written in the original text.

An ``Extraction`` gives each document edge the span of the *statement* that states it
(``DocEdge.start``/``end``, ``raw``), not of the symbol it names. The annotation view
and the spaCy component both need the symbol itself, so both find it here, inside the
statement: first as written (tolerant of spaces and of ``-``/``/`` swaps:
``22/NQ-TW``, ``590 /QĐ-UBND``), then by its number (``45-CT/TU`` written for
``45-CTr/TU``). Read-only: nothing here changes what was extracted.
"""

from __future__ import annotations

import re

from vbgraph.models import Span

_SEPARATORS = "-/–—"


def flexible(text: str) -> re.Pattern[str]:
    """A pattern for ``text`` tolerant of spacing and of ``-``/``/`` swaps.

    A needle that starts with a digit does not match inside a longer number
    (``22-NQ/TW`` is not found in ``122-NQ/TW``); a letter may be glued on either
    side (``số22-NQ/TWngày``), as text extracted from HTML often is.
    """
    parts = []
    for ch in text.strip():
        if ch.isspace():
            parts.append(r"\s*")
        elif ch in _SEPARATORS:
            parts.append(r"\s*[-/–—]\s*")
        else:
            parts.append(re.escape(ch) + r"\s*")
    body = "".join(parts).removesuffix(r"\s*")
    lead = r"(?<!\d)" if text.strip()[:1].isdigit() else ""
    return re.compile(lead + body, re.IGNORECASE)


def find(text: str, needle: str, lo: int = 0, hi: int | None = None) -> Span | None:
    """Where ``needle`` is written in ``text[lo:hi]`` (see :func:`flexible`), or None."""
    if not needle.strip():
        return None
    hi = len(text) if hi is None else hi
    m = flexible(needle).search(text, lo, hi)
    return (m.start(), m.end()) if m else None


def located(text: str, start: int, end: int, raw: str) -> tuple[int, int, bool] | None:
    """The extracted span when it is valid, else where ``raw`` occurs (``approximate``)."""
    if 0 <= start < end <= len(text):
        return start, end, False
    found = find(text, raw)
    return (*found, True) if found else None


def symbol_in(text: str, symbol: str, lo: int, hi: int) -> Span | None:
    """Where ``symbol`` (or at least its number) is written inside ``text[lo:hi]``."""
    found = find(text, symbol, lo, hi)
    if found:
        return found
    number = re.split(r"[-/]", symbol, maxsplit=1)[0]
    if number:
        m = re.compile(rf"(?<![\d]){re.escape(number)}\s*[-/][^\s,;.]*").search(text, lo, hi)
        if m:
            return m.start(), m.end()
    return None
