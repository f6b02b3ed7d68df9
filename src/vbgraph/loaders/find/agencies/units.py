"""Units of a body named with it: a ministry's own units ("Thanh tra Bộ Quốc phòng"), a
body's branch ("Chi nhánh Văn phòng đăng ký đất đai") and a central body's regional unit
("Kho bạc nhà nước khu vực XI"), each read over the body's mention (:mod:`.names`)."""

from __future__ import annotations

import re
from collections.abc import Callable

from vbgraph.loaders.models import Agency, AgencyMention
from vbgraph.loaders.vocab.agency_names import HEADS, REGIONS

#: A numbered region after a name: "... khu vực XI", "... khu vực 8".
_REGION = re.compile(
    rf"[ \t]*\n?[ \t]*(?:{'|'.join(w.replace(' ', r'\s+') for w in REGIONS)})"
    r"\s+(?:[IVXL]{1,5}|\d{1,2})(?![\w/.-])"
)
#: A unit every ministry has, before the ministry it belongs to: "Thanh tra Bộ Quốc phòng".
_UNIT_OF = re.compile(rf"(?:{'|'.join(w.replace(' ', r'\s+') for w in HEADS['of_ministry'])})"
                      r"[ \t]+\Z")
#: A branch's head before the body it is a branch of: "Chi nhánh Văn phòng đăng ký đất đai".
_BRANCH_OF = re.compile(rf"(?:{'|'.join(w.replace(' ', r'\s+') for w in HEADS['branch_of'])})"
                        r"[ \t]+\Z")

Free = Callable[[int, int], bool]


def _head_before(
    text: str, m: AgencyMention, head: re.Pattern[str], free: Free
) -> tuple[str, int] | None:
    """The unit's head written right before ``m`` ("Thanh tra", "Chi nhánh") in a span no
    other mention took: its words and where it starts."""
    before = head.search(text, max(0, m.start - 12), m.start)
    if before is None or not free(before.start(), m.start):
        return None
    return " ".join(before.group().split()), before.start()


def units_of_ministries(text: str, out: list[AgencyMention], free: Free) -> list[AgencyMention]:
    """``Thanh tra Bộ Quốc phòng``: a ministry's unit, not the ministry."""
    out = list(out)
    for i, m in enumerate(out):
        if m.agency.level != "central" or not m.agency.name.startswith("Bộ "):
            continue
        head = _head_before(text, m, _UNIT_OF, free)
        if head is not None:
            agency = Agency(f"{head[0]} {m.agency.name}", None, False, "central", "state")
            out[i] = AgencyMention(agency, head[1], m.end, text[head[1] : m.end])
    return out


def branches(text: str, out: list[AgencyMention], free: Free) -> list[AgencyMention]:
    """``Chi nhánh Văn phòng đăng ký đất đai``: the body's branch, not the body."""
    out = list(out)
    for i, m in enumerate(out):
        if m.agency.collective:
            continue
        head = _head_before(text, m, _BRANCH_OF, free)
        if head is None:
            continue
        body = m.agency.name
        level = body.rsplit(" ", 1)[-1]
        if level in ("tỉnh", "phố") and not m.text.rstrip().endswith(level):
            # the branch is below the province's office the gazetteer names with its level
            body = body.removesuffix(" thành phố").removesuffix(" tỉnh")
        agency = Agency(f"{head[0]} {body}", m.agency.province, False, m.agency.level,
                        m.agency.kind)
        out[i] = AgencyMention(agency, head[1], m.end, text[head[1] : m.end])
    return out


def regional_units(
    text: str, out: list[AgencyMention], free: Free, end: int
) -> list[AgencyMention]:
    """``Kho bạc Nhà nước khu vực XI``: the body's regional unit, its number in its name
    (a name the grammar read up to the region already has it)."""
    out = list(out)
    for i, m in enumerate(out):
        region = _REGION.match(text, m.end, end)
        if region is None or m.agency.collective or not free(m.end, region.end()):
            continue
        b = region.end()
        name = f"{m.agency.name} {' '.join(region.group().split())}"
        agency = Agency(name, m.agency.province, False, m.agency.level, m.agency.kind)
        out[i] = AgencyMention(agency, m.start, b, text[m.start : b])
    return out
