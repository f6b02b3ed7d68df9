"""Committees named by their body: "Đảng ủy Ủy ban nhân dân tỉnh" (the Party committee
of the provincial People's Committee), "Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh" (the
standing committee of the provincial Front).  The body's name is read first; the words
before it make the mention the committee's, one body of its own."""

from __future__ import annotations

import re

from vbgraph.loaders.models import Agency, AgencyMention

#: The Party committee or caucus of the body named next: "Đảng ủy Ủy ban nhân dân tỉnh".
_PARTY_OF = re.compile(r"(?:Đảng\s+(?:ủy|uỷ|đoàn)|Ban\s+cán\s+sự\s+[Đđ]ảng)[ \t]+\Z")
#: "Ban Thường trực" before a body: its standing committee.
_STANDING_OF = re.compile(r"Ban[ \t]+[Tt]hường[ \t]+trực[ \t]+\Z")


def party_committees(text: str, mentions: list[AgencyMention]) -> list[AgencyMention]:
    """``mentions`` with ``Đảng ủy <body>`` read as the Party committee of the body."""
    out = list(mentions)
    for i, m in enumerate(out):
        if m.agency.kind == "party":
            continue
        a = max(0, m.start - 30)
        if text.find("ảng", a, m.start) < 0:
            continue  # every match holds "Đảng" or "đảng": most places have neither
        before = _PARTY_OF.search(text, a, m.start)
        if before is None:
            continue
        name = f"{' '.join(before.group().split())} {m.agency.name}"
        agency = Agency(name, m.agency.province, False, m.agency.level, "party")
        a = before.start()
        out[i] = AgencyMention(agency, a, m.end, text[a : m.end])
    return out


def standing_committees(text: str, mentions: list[AgencyMention]) -> list[AgencyMention]:
    """``mentions`` with ``Ban Thường trực <body>`` read as the body's standing committee,
    one body (the head read alone before it dropped)."""
    out = list(mentions)
    merged: dict[int, int] = {}  # start -> end of each merged name
    for i, m in enumerate(out):
        before = _STANDING_OF.search(text, max(0, m.start - 24), m.start)
        if before is None or m.agency.kind == "party" or m.agency.name.startswith("Ban "):
            continue
        a = before.start()
        name = f"Ban Thường trực {m.agency.name}"
        agency = Agency(name, m.agency.province, False, m.agency.level, m.agency.kind)
        out[i] = AgencyMention(agency, a, m.end, text[a : m.end])
        merged[a] = m.end
    # "Ban Thường trực" read as a name of its own, at the start of the merged one
    return [m for m in out if m.end >= merged.get(m.start, 0)]
