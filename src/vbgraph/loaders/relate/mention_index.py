"""Bookkeeping of the responsibilities reader (relate/responsibilities.py): the
assignments found so far, deduplicated, and the agency mentions in text order with the
range questions it asks many times."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

from vbgraph.loaders.models import AgencyMention
from vbgraph.models import Assignment


@dataclass(slots=True)
class Found:
    """Assignments and task lists gathered while scanning, deduplicated."""

    assignments: dict[tuple[str, str, str | None], Assignment] = field(default_factory=dict)

    def add(self, a: Assignment) -> None:
        key = (a.agency + "|" + (a.province or ""), a.role, a.task)
        if key not in self.assignments:
            self.assignments[key] = a


class MentionIndex:
    """Mentions in text order, with the range queries the extractor asks many times."""

    def __init__(self, mentions: list[AgencyMention]) -> None:
        self.mentions = mentions
        self.starts = [m.start for m in mentions]
        self.in_order = all(x <= y for x, y in zip(self.starts, self.starts[1:], strict=False))
        self.longest = max((m.end - m.start for m in mentions), default=0)

    def inside(self, a: int, b: int) -> list[AgencyMention]:
        """The mentions within ``[a, b)``, in list order."""
        if not self.in_order:
            return [m for m in self.mentions if a <= m.start and m.end <= b]
        lo = bisect_left(self.starts, a)
        hi = bisect_right(self.starts, b)
        return [m for m in self.mentions[lo:hi] if m.end <= b]

    def overlapping(self, a: int, b: int) -> list[AgencyMention]:
        """The mentions that overlap ``[a, b)``, in list order."""
        if not self.in_order:
            return [m for m in self.mentions if m.start < b and m.end > a]
        lo = bisect_right(self.starts, a - self.longest)
        hi = bisect_left(self.starts, b)
        return [m for m in self.mentions[lo:hi] if m.end > a]
