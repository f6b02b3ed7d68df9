"""Sections and items of a policy document's body.

A document's body is a tree of numbered items: ``Phần I``, ``I.``/``II.``,
``1.``/``2.``, ``1.1``/``3.2.1``, ``a)``/``b)`` and ``-`` bullets, plus
``Điều 1.`` articles of a decision.  :func:`parse_items` finds every marker at
the start of a line and nests items by marker kind (a ``1.`` inside a ``II.``,
a ``-`` inside a ``1.``), which is how Vietnamese administrative documents are
laid out whatever the line wrapping.  Item ids are the dotted path of their
markers (``III.2``, ``II.3.1``, ``III.2.a``); bullets add ``-n``
(``IV.II.3-2``).

:func:`excluded_spans` gives the parts of a document that name agencies
without giving them tasks: the ``Nơi nhận`` distribution list and the formulaic
execution clause (``... chịu trách nhiệm thi hành Quyết định này``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from vbgraph.loaders.models import Item

#: Rank of each marker kind: an item contains the items after it of a higher rank.
RANKS: dict[str, int] = {
    "part": 0,
    "article": 1,
    "roman": 1,
    "arabic": 2,
    "decimal": 3,
    "letter": 5,
    "dash": 6,
}

_ROMAN = r"(?:X{0,3})(?:IX|IV|V?I{0,3})"
_MARKERS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("part", re.compile(r"(?:Phần|PHẦN)\s+(" + _ROMAN + r"|thứ\s+\w+)\b\.?[ \t]*", re.U)),
    ("article", re.compile(r"Điều\s+(\d{1,3})\s*[\.:]\s*", re.U)),
    ("roman", re.compile(r"(" + _ROMAN + r")\s*[\.\)/]\s*(?=\S|$)", re.U)),
    ("decimal", re.compile(r"(\d{1,2}(?:\.\d{1,2}){1,3})\.?\)?\s+(?=\S)", re.U)),
    ("arabic", re.compile(r"(\d{1,2})\s*[\.\)]\s*(?=\S|$)", re.U)),
    ("letter", re.compile(r"([a-zđ])\s*\)\s*", re.U)),
    ("dash", re.compile(r"[-–—+•*]\s*(?=\w)", re.U)),
)




#: The first characters of each kind of marker (a Roman numeral's, when it is not empty);
#: numbers (``\d``) start the ``decimal`` and ``arabic`` markers.
_FIRST_CHARS = {
    "part": "P",
    "article": "Đ",
    "roman": "XIV",
    "letter": "abcdefghijklmnopqrstuvwxyzđ",
    "dash": "-–—+•*",
}
#: The markers a line can hold, by the character it starts with, in :data:`_MARKERS` order:
#: a line that starts with none of these characters (nor a digit) needs no regex at all.
_MARKERS_BY_FIRST: dict[str, tuple[tuple[str, re.Pattern[str]], ...]] = {
    ch: tuple((kind, pattern) for kind, pattern in _MARKERS if ch in _FIRST_CHARS.get(kind, ""))
    for ch in "".join(_FIRST_CHARS.values())
}
_NUMBER_MARKERS = tuple((k, p) for k, p in _MARKERS if k in ("decimal", "arabic"))


#: A line start where some marker may be (a filter: :func:`_marker_at` decides).  The
#: markers sit in a lookahead so that one that runs on over a line break (``\s*``) does
#: not hide the next line's start from ``finditer``.
_MARKED_LINE = re.compile(
    r"^(?=[ \t]*(?:" + "|".join(pattern.pattern for _, pattern in _MARKERS) + "))", re.M | re.U
)


def _line_starts(text: str, start: int, end: int) -> list[int]:
    """``start`` and the starts of the lines after it, before ``end``, that may hold a marker."""
    starts = [start]
    for m in _MARKED_LINE.finditer(text, start + 1):
        if m.start() >= end:
            break
        starts.append(m.start())
    return starts


def _marker_at(text: str, i: int) -> tuple[str, str, int] | None:
    # leading spaces/tabs or a table pipe left over from HTML extraction
    j = i
    while j < len(text) and text[j] in " \t":
        j += 1
    if j == len(text):
        return None
    first = text[j]
    markers = _NUMBER_MARKERS if first.isdecimal() else _MARKERS_BY_FIRST.get(first, ())
    for kind, pattern in markers:
        m = pattern.match(text, j)
        if not m:
            continue
        label = m.group(1) if m.groups() else "-"
        if kind == "roman" and not label:
            continue
        if kind == "part" and not label:
            continue
        return kind, label or "-", m.end()
    return None


def parse_items(text: str, start: int = 0, end: int | None = None) -> list[Item]:
    """Every item of ``text[start:end]`` in document order, nested by marker kind."""
    end = len(text) if end is None else end
    raw: list[tuple[str, str, int, int]] = []
    for ls in _line_starts(text, start, end):
        if ls >= end:
            continue
        found = _marker_at(text, ls)
        if found is None:
            continue
        kind, label, body = found
        if body > end:
            continue
        raw.append((kind, label, ls, body))

    kinds: list[str] = []
    labels: list[str] = []
    starts: list[int] = []
    bodies: list[int] = []
    parents: list[int | None] = []
    depths: list[int] = []
    ids: list[str] = []
    ends: list[int] = []
    stack: list[int] = []
    dash_counts: dict[int | None, int] = {}
    for kind, label, s, body in raw:
        rank = RANKS[kind]
        while stack and RANKS[kinds[stack[-1]]] >= rank:
            ends[stack.pop()] = s  # an item ends where the next of its rank or above starts
        parent = stack[-1] if stack else None
        parent_id = ids[parent] if parent is not None else ""
        if kind == "dash":
            dash_counts[parent] = dash_counts.get(parent, 0) + 1
            item_id = f"{parent_id}-{dash_counts[parent]}"
        else:
            part = _id_part(kind, label)
            if kind == "decimal" and parent is not None and label.startswith(labels[parent] + "."):
                # "1.1" under "1." under "II." is II.1.1, not II.1.1.1
                parent_id = parent_id.rsplit(".", 1)[0] if "." in parent_id else ""
            item_id = f"{parent_id}.{part}" if parent_id else part
        kinds.append(kind)
        labels.append(label)
        starts.append(s)
        bodies.append(body)
        parents.append(parent)
        depths.append(len(stack))
        ids.append(item_id)
        ends.append(end)
        stack.append(len(ids) - 1)

    items: list[Item] = []
    n = len(ids)
    for i in range(n):
        item_end = ends[i]
        own_end = starts[i + 1] if i + 1 < n and starts[i + 1] < item_end else item_end
        items.append(
            Item(
                ids[i],
                kinds[i],
                labels[i],
                starts[i],
                bodies[i],
                item_end,
                own_end,
                parents[i],
                depths[i],
            )
        )
    return items


def _id_part(kind: str, label: str) -> str:
    if kind == "part":
        return f"P{label}"
    if kind == "article":
        return f"Đ{label}"
    return label


_RECIPIENTS = re.compile(r"^[ \t]*(Nơi nhận|NƠI NHẬN)\s*:?", re.M | re.U)
_EXECUTION = re.compile(r"chịu\s+trách\s+nhiệm\s+thi\s+hành", re.U | re.I)


#: What every :data:`_RECIPIENTS` match holds: a text with neither needs no regex search.
_RECIPIENTS_WORDS = ("Nơi nhận", "NƠI NHẬN")
#: The second and third letters of every :data:`_EXECUTION` match ("chịu"; "u" and "ị"
#: match only their own two cases under ``re.IGNORECASE``): a match starts two before.
_EXECUTION_HEADS = ("ịu", "ịU", "Ịu", "ỊU")


def _recipients(text: str) -> Iterator[re.Match[str]]:
    """``_RECIPIENTS.finditer(text)``, searched from the line of the first candidate only."""
    first = min((i for w in _RECIPIENTS_WORDS if (i := text.find(w)) >= 0), default=-1)
    if first < 0:
        return iter(())
    return _RECIPIENTS.finditer(text, text.rfind("\n", 0, first) + 1)


def _executions(text: str) -> Iterator[re.Match[str]]:
    """``_EXECUTION.finditer(text)``, tried only two characters before an "ịu"."""
    heads: list[int] = []
    for w in _EXECUTION_HEADS:
        i = text.find(w, 2)
        while i >= 0:
            heads.append(i - 2)
            i = text.find(w, i + 1)
    pos = 0
    for head in sorted(heads):
        if head < pos:
            continue
        m = _EXECUTION.match(text, head)
        if m:
            yield m
            pos = m.end()


def excluded_spans(text: str) -> list[tuple[int, int]]:
    """Spans that name agencies without assigning them: recipients, execution clauses."""
    spans: list[tuple[int, int]] = []
    for m in _recipients(text):
        pos = m.end()
        stop = pos
        # the list: lines starting with "-" (and the rest of the "Nơi nhận" line)
        nl = text.find("\n", pos)
        stop = len(text) if nl < 0 else nl + 1
        while stop < len(text):
            nl = text.find("\n", stop)
            line = text[stop : len(text) if nl < 0 else nl]
            if not line.strip() or line.lstrip().startswith(("-", "+", "•")):
                stop = len(text) if nl < 0 else nl + 1
                continue
            break
        spans.append((m.start(), stop))
    for m in _executions(text):
        a = max(text.rfind(".\n", 0, m.start()), text.rfind("Điều", 0, m.start()))
        a = max(a, 0)
        b = text.find(".", m.end())
        spans.append((a, len(text) if b < 0 else b + 1))
    return spans
