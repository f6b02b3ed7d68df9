"""What reading a document's body keeps track of (relate/responsibilities.py): the holder an
item hands to its sub-items, and the state of one segment being scanned."""

from __future__ import annotations

from dataclasses import dataclass, field

from vbgraph.loaders.models import Agency


@dataclass(frozen=True, slots=True)
class Owner:
    """The agencies an item opens with, handed to its sub-items, and where they are named."""

    agencies: tuple[Agency, ...] = ()
    start: int = -1
    end: int = -1
    #: What the sub-items give them: "lead", or "requested" under "Đề nghị X".
    role: str = "lead"


NO_OWNER = Owner()


@dataclass(slots=True)
class Segment:
    """What scanning one segment (an item's own text, a table cell) keeps track of."""

    task: str | None
    subject: tuple[Agency, ...]  # whom a monitoring clause names
    leads: dict[str, Agency]
    coords: dict[str, Agency] = field(default_factory=dict)
    subject_requested: bool = False  # the subject was requested, not assigned
    owner: Owner = NO_OWNER  # the list that opens the segment
    label: bool = False  # it only says who leads the items under it: no lead of its own
