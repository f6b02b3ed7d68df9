"""Agencies the gazetteer does not list, read from how Vietnamese names them.

:func:`open_mentions` reads names after a head word (``Ban Quản lý``, ``Báo``,
``Trung tâm``, ``Chi cục``, ``Viện``, ``Cảng vụ``, ``Bộ Tư lệnh``, ``Tổng cục``,
``Cục``, a ministry's ``Vụ``), named districts' committees and every district's
offices, and merges them with the gazetteer's mentions.  :func:`issuing_ministry`
tells whether a ministry heads the document (its units are then named with it).
"""

from __future__ import annotations

import re
from bisect import bisect_left, insort

from vbgraph.loaders.find.agencies.actors import deputies, function_actors, offices, regulated
from vbgraph.loaders.find.agencies.committees import party_committees, standing_committees
from vbgraph.loaders.find.agencies.elliptical import elliptical_mentions
from vbgraph.loaders.find.agencies.matcher import find_mentions
from vbgraph.loaders.find.agencies.name_ends import (
    ANY_PLACE,
    TOKEN,
    is_name_word,
    local_unit_end,
    name_end,
    proper_end,
    scoped_name,
)
from vbgraph.loaders.find.agencies.phrases import (
    collectives,
    is_union,
    level_bodies,
    named_bodies,
)
from vbgraph.loaders.find.agencies.units import branches, regional_units, units_of_ministries
from vbgraph.loaders.models import Agency, AgencyMention
from vbgraph.loaders.text.fold import fold_name
from vbgraph.loaders.text.patterns import Pattern, Starts, phrase
from vbgraph.loaders.vocab.agencies import PROVINCIAL_COMMITTEES
from vbgraph.loaders.vocab.agency_names import (
    HEADS,
)
from vbgraph.loaders.vocab.provinces import city_name


def _heads(words: tuple[str, ...]) -> str:
    """Head words as regex text, each at a word start: ``X(?<!\\wX)rest`` rather than
    ``\\bX``, the same test, but the engine can skip ahead to the next first letter."""
    return "|".join(
        f"{re.escape(w[0])}(?<!\\w{re.escape(w[0])}){phrase(w[1:], ' ')}" for w in words
    )


_OPEN_HEAD = Pattern("open head", rf"({_heads(HEADS['open'])})(?=\s)", starts=HEADS["open"])
_UNIT_OF_PROVINCE_HEAD = Pattern(
    "unit head", rf"({_heads(HEADS['unit'])})(?=\s)", starts=HEADS["unit"]
)
_PROPER_HEAD = Pattern("proper head", rf"({_heads(HEADS['proper'])})(?=\s)", starts=HEADS["proper"])
#: A named district-level People's Committee: ``UBND huyện Cát Hải``, ``UBND thị xã Sơn Tây``
#: (the name itself is read as the capitalised words that follow).
_DISTRICT_UBND = Pattern(
    "district committee",
    rf"(?:{_heads(HEADS['committee'])})\s+(huyện|quận|thị xã|thành phố)[ \t]+(?=\w)",
    starts=HEADS["committee"],
)
#: A district office named for every district: ``Phòng Tài chính - Kế hoạch các huyện, thành
#: phố``, ``Trung tâm Y tế các huyện, thị xã, thành phố``.
_DISTRICT_OFFICES = Pattern(
    "district offices",
    rf"(?P<head>{_heads(HEADS['district_office'])})\s+(?P<name>\w[^\n.;:,()]{{2,80}}?)\s+"
    r"(?:các\s+(?:quận,\s*)?huyện(?:\s*,\s*(?:thị xã|thị|thành phố|quận))*(?:\s+và\s+thành phố)?"
    rf"|cấp huyện){ANY_PLACE}",
    starts=HEADS["district_office"],
)
#: The other districts named after one: ``... và các quận, huyện``, ``..., các huyện``.
_AND_DISTRICTS = re.compile(
    r"(?:\s*,\s*|\s+và\s+)(?P<rest>các\s+(?:quận|huyện|thị xã)"
    rf"(?:(?:\s*,\s*|\s+và\s+)(?:quận|huyện|thị xã|thành phố))*){ANY_PLACE}"
)
_UNIT_HEAD = Pattern(
    "ministry unit head",
    rf"({_heads(HEADS['ministry_unit'])})(?=[\s,;.)]|$)",
    starts=HEADS["ministry_unit"],
)
#: A ministry's own units as one body: ``các đơn vị thuộc Bộ``, ``các Vụ, Cục liên quan``,
#: ``các Vụ, Cục, đơn vị thuộc Bộ``.
_UNITS_OF_MINISTRY = Pattern(
    "ministry units",
    rf"(?:{_heads(HEADS['ministry_units'])}) (?:đơn vị (?:trực )?thuộc Bộ\b"
    r"|(?:Vụ|Cục|Tổng cục)(?:\s*,\s*(?:Vụ|Cục|Tổng cục|đơn vị))+"
    rf"(?:\s+(?:(?:trực\s+)?thuộc\s+Bộ|liên quan|có liên quan))?{ANY_PLACE})",
    starts=HEADS["ministry_units"],
)
_NEXT_WORD = re.compile(r"\s+(\S+)")
_ALL_PROVINCES = re.compile(r"\s+các tỉnh, thành phố trực thuộc Trung ương")
_DISTRICT_COLLECTIVE = "các huyện, thị xã, thành phố"
#: Every head pattern, and where any of them can start (:class:`_Heads`).
_HEAD_PATTERNS = (
    _OPEN_HEAD, _UNIT_OF_PROVINCE_HEAD, _PROPER_HEAD, _DISTRICT_UBND, _DISTRICT_OFFICES,
    _UNIT_HEAD, _UNITS_OF_MINISTRY,
)  # fmt: skip
_HEAD_STARTS = Starts(_HEAD_PATTERNS)


class _Heads:
    """The head patterns' matches in ``text[start:end]``, found from one pass over where
    any of them can start (:data:`_HEAD_STARTS`): each pattern gives what its ``finditer``
    would (leftmost matches, none overlapping)."""

    def __init__(self, text: str, start: int, end: int) -> None:
        self.text, self.end = text, end
        positions = _HEAD_STARTS.positions(text, start, end)
        self._starts = dict(zip(_HEAD_PATTERNS, positions, strict=True))

    def finditer(self, pattern: Pattern) -> list[re.Match[str]]:
        return list(pattern.matches_from(self.text, self._starts[pattern], self.end))


#: What may stand before the ministry on its heading line: nothing, or its minister's title
#: (a decision's authority line, "BỘ TRƯỞNG BỘ CÔNG THƯƠNG").
_MINISTER = re.compile(r"\s*(?:[Bb][ộỘ]\s+[Tt][rR][ưƯ][ởỞ][nN][gG]\s*)?\Z")


def issuing_ministry(text: str, mentions: list[AgencyMention]) -> str | None:
    """The ministry heading a document (``BỘ TƯ PHÁP`` on its first lines, or the
    authority line ``BỘ TRƯỞNG BỘ CÔNG THƯƠNG`` before the preamble), if any."""
    for m in mentions:
        if m.start > _HEADING_REACH:
            break
        if m.agency.level == "central" and m.agency.name.startswith("Bộ "):
            line_start = text.rfind("\n", 0, m.start) + 1
            if _MINISTER.match(text, line_start, m.start):
                return m.agency.name
    return None


#: The ministry heading a document stands within this many characters of its start.
_HEADING_REACH = 400


def _district_mentions(
    text: str, province: str | None, heads: _Heads, known_starts: set[int]
) -> list[AgencyMention]:
    """``UBND huyện Cát Hải`` and ``Phòng X các huyện, thị xã, thành phố``."""
    end = heads.end
    out: list[AgencyMention] = []
    for m in heads.finditer(_DISTRICT_UBND):
        stop = m.end()
        for t in TOKEN.finditer(text, m.end(), min(end, m.end() + 60)):
            tok = t.group(0)
            if t.start() in known_starts or tok == "\n" or not is_name_word(tok):
                break
            stop = t.end()
        place = " ".join(text[m.end() : stop].split())
        if not place:
            continue
        # the city's own committee in a centrally-run city is the issuer, but a
        # province's capital city of the same name ("UBND thành phố Thái Nguyên") is not
        city = city_name(province)
        if city and fold_name(place) == fold_name(city):
            continue
        if province and m.group(1) != "thành phố" and fold_name(place) == fold_name(province):
            continue
        agency = Agency(f"UBND {m.group(1)} {place}", province, False, "local", "state")
        out.append(AgencyMention(agency, m.start(), stop, text[m.start() : stop]))
        # "UBND thành phố Thủ Đức và các quận, huyện": the rest are every district's UBND
        rest = _AND_DISTRICTS.match(text, stop, end)
        if rest:
            found = [x for x in find_mentions("UBND các huyện", province) if x.start == 0]
            if found:
                a = rest.start("rest")
                out.append(AgencyMention(found[0].agency, a, rest.end(), text[a : rest.end()]))
    for m in heads.finditer(_DISTRICT_OFFICES):
        name = " ".join(m.group("name").split())
        if not name[:1].isupper():
            continue
        head = m.group("head")
        dept = [x for x in find_mentions("Sở " + name, province) if x.start == 0]
        if (
            head == "Phòng"
            and dept
            and dept[0].end >= len(name) + 2
            and dept[0].agency.name.startswith("Sở ")
        ):
            name = dept[0].agency.name[len("Sở ") :]  # Phòng NN&PTNT -> the Sở's full words
        agency = Agency(
            f"{head} {name} {_DISTRICT_COLLECTIVE}", province, True, "local", "collective"
        )
        out.append(AgencyMention(agency, m.start(), m.end(), m.group(0)))
    return out


_MINISTRY_BRACKET = re.compile(r"[ \t]*\((Bộ [^()\n]{2,60})\)")


def _proper_agency(
    text: str,
    head: str,
    name: str,
    stop: int,
    end: int,
    province: str | None,
    ministry: str | None,
) -> tuple[Agency, int] | None:
    """The agency a proper-name head names, and where its mention ends."""
    if head == "Cảng vụ":
        return Agency(name, province, False, "local", "state"), stop
    if head == "Bộ Tư lệnh":
        return Agency(name, None, False, "central", "military"), stop
    if head == "Cục":  # outside a ministry's own documents: only national departments
        if not name.endswith(" Việt Nam"):
            return None
        return Agency(name, None, False, "central", "state"), stop
    # Tổng cục: named with its ministry, as the gold names a ministry's units
    bracket = _MINISTRY_BRACKET.match(text, stop, end)
    if bracket:
        owner = [m for m in find_mentions(bracket.group(1), None) if m.start == 0]
        if owner and owner[0].agency.name.startswith("Bộ "):
            agency = Agency(f"{name} ({owner[0].agency.name})", None, False, "central", "state")
            return agency, bracket.end()
    if ministry:
        return Agency(f"{name} ({ministry})", None, False, "central", "state"), stop
    return Agency(name, None, False, "central", "state"), stop


def open_mentions(
    text: str,
    province: str | None,
    known: list[AgencyMention],
    start: int = 0,
    end: int | None = None,
) -> list[AgencyMention]:
    """Agencies the gazetteer lacks, read from how Vietnamese names them.

    * ``Ban Quản lý ...`` boards, ``Báo ...`` / ``Tạp chí ...`` titles, named as written;
    * in a ministry's own document, its ``Vụ``/``Cục`` units, ``Văn phòng Bộ``,
      ``Thanh tra Bộ`` (named with the ministry in brackets) and ``các đơn vị thuộc Bộ``;
    * ``Sở X các tỉnh, thành phố trực thuộc Trung ương`` (a nationwide collective);
    * ``Trung tâm ...``, ``Chi cục ...``, ``Viện ...`` units of the province, their name
      cut after its locality (``Trung tâm Truyền thông tỉnh``, ``Viện Quy hoạch thành phố``);
    * proper names: ``Cảng vụ ...`` (local), ``Bộ Tư lệnh ...`` and ``Cục ... Việt Nam``
      (central), ``Tổng cục ...`` (central, with its ministry in brackets when written);
    * ``UBND huyện X`` (a named district) and ``Phòng X các huyện, thị xã, thành phố``
      (the district offices of every district, a collective).

    Returns the gazetteer's mentions with these merged in (text order).
    """
    return _OpenReader(text, province, known, start, len(text) if end is None else end).read()


class _OpenReader:
    """The state of reading one text's open-class names: mentions so far, spans taken.

    The mentions are kept in an index by start (``_keys``, with ``_longest``), so that the
    range questions reading asks (what stands inside or across a span) and the forgetting of
    replaced mentions cost the mentions near the span, not all of them: a text of thousands
    of names reads in time proportional to its length.
    """

    def __init__(
        self, text: str, province: str | None, known: list[AgencyMention], start: int, end: int
    ) -> None:
        self.text, self.province, self.start, self.end = text, province, start, end
        self.ministry = issuing_ministry(text, known)
        self.known_starts = {m.start for m in known}
        #: The mentions so far by their order of arrival, and (start, order) sorted.
        self._live: dict[int, AgencyMention] = {}
        self._keys: list[tuple[int, int]] = []
        self._next = 0
        self._longest = 0
        #: Spans a nationwide reading extended, marked taken at the next forgetting.
        self._unmarked: list[AgencyMention] = []
        #: 1 where a mention found so far stands (``free`` in one C-level scan).
        self.taken = bytearray(len(text))
        for m in known:
            self.add(m)
        self.out: list[AgencyMention] = []

    def free(self, a: int, b: int) -> bool:
        return self.taken.find(1, a, b) < 0

    def add(self, m: AgencyMention) -> None:
        order = self._next
        self._next += 1
        self._live[order] = m
        insort(self._keys, (m.start, order))
        self._longest = max(self._longest, m.end - m.start)
        self.taken[m.start : m.end] = b"\x01" * (m.end - m.start)

    def _across(self, a: int, b: int) -> list[AgencyMention]:
        """The mentions overlapping ``[a, b)``, in their order of arrival."""
        lo = bisect_left(self._keys, (a - self._longest, -1))
        hi = bisect_left(self._keys, (b, -1))
        hits = [(o, self._live[o]) for _, o in self._keys[lo:hi]]
        return [m for _, m in sorted(hits, key=lambda h: h[0]) if m.start < b and a < m.end]

    def _inside(self, a: int, b: int) -> list[AgencyMention]:
        """The mentions within ``[a, b]``, in their order of arrival."""
        return [m for m in self._across(a, b + 1) if a <= m.start and m.end <= b]

    def _drop(self, gone: list[AgencyMention]) -> None:
        """Forget mentions a longer reading replaces (every mention equal to one of them)."""
        for m in self._unmarked:  # as a full re-marking would
            self.taken[m.start : m.end] = b"\x01" * (m.end - m.start)
        self._unmarked = []
        spans = []
        for g in set(gone):
            i = bisect_left(self._keys, (g.start, -1))
            while i < len(self._keys) and self._keys[i][0] == g.start:
                order = self._keys[i][1]
                if self._live[order] == g:
                    del self._keys[i]
                    del self._live[order]
                    spans.append((g.start, g.end))
                else:
                    i += 1
        for a, b in spans:
            self.taken[a:b] = bytes(b - a)
        for a, b in spans:
            for k in self._across(a, b):
                self.taken[k.start : k.end] = b"\x01" * (k.end - k.start)

    def read(self) -> list[AgencyMention]:
        self._elliptical()
        self._nationwide()
        found = _Heads(self.text, self.start, self.end)
        for m in _district_mentions(self.text, self.province, found, self.known_starts):
            self._district(m)
        for a, b, kind in self._heads(found):
            if self.free(a, b) and not (a > 0 and self.text[a - 1].isalnum()):
                self._named(a, b, kind)
        args = (self.text, self.province, self.start, self.end)
        for m in (*regulated(*args), *function_actors(*args), *deputies(*args),
                  *collectives(*args), *level_bodies(*args)):
            self._cover(m)
        for m in (*named_bodies(*args, self.known_starts, self.free), *offices(*args)):
            if not self.free(m.start, m.end):
                if not is_union(m):
                    continue
                # "Liên hiệp các Hội ...": a union's name over the collective read inside it
                inside = self._across(m.start, m.end)
                if not all(k.agency.collective and m.start < k.start and k.end <= m.end
                           for k in inside):
                    continue
                self._drop(inside)
            self.add(m)
        self.out = [self._live[o] for o in sorted(self._live)]
        self.out = standing_committees(self.text, party_committees(self.text, self.out))
        free = self.free
        self.out = units_of_ministries(self.text, self.out, free)
        self.out = branches(self.text, self.out, free)
        self.out = regional_units(self.text, self.out, free, self.end)
        self.out.sort(key=lambda m: m.start)
        return self.out

    def _elliptical(self) -> None:
        """``Các Bộ: Y tế, Công Thương``: each ministry named, over what was read inside."""
        for m in elliptical_mentions(self.text, self.province, self.start, self.end):
            inside = self._inside(m.start, m.end)
            if inside:
                self._drop(inside)
            if self.free(m.start, m.end):
                self.add(m)

    def _cover(self, m: AgencyMention) -> None:
        """A collective phrase or a body of a level, over the single bodies the gazetteer
        read in it ("UBND tỉnh" in "Ủy ban nhân dân tỉnh, thành phố trực thuộc Trung ương",
        "Công an" in "Công an xã"); a listed collective or a longer name is kept instead."""
        inside = self._across(m.start, m.end)
        if any(not (m.start <= k.start and k.end <= m.end) for k in inside):
            return
        listed = [k for k in inside if k.agency.collective]
        if len(listed) > 1 or (listed and listed[0].end == m.end):
            return
        if listed:  # "Các Bộ, cơ quan ngang Bộ" (listed) ", cơ quan thuộc Chính phủ": the
            # listed collective, over the whole phrase (not the Government named inside it)
            m = AgencyMention(listed[0].agency, m.start, m.end, m.text)
        if inside:
            self._drop(inside)
        self.add(m)

    def _nationwide(self) -> None:
        """``Sở X các tỉnh, thành phố trực thuộc Trung ương``: a nationwide collective."""
        for order, m in list(self._live.items()):
            if not m.agency.name.startswith("Sở "):
                continue
            tail = _ALL_PROVINCES.match(self.text, m.end, self.end)
            if tail:
                name = f"{m.agency.name} các tỉnh, thành phố trực thuộc Trung ương"
                agency = Agency(name, None, True, "central", "collective")
                wide = AgencyMention(agency, m.start, tail.end(), self.text[m.start : tail.end()])
                self._live[order] = wide
                self._longest = max(self._longest, wide.end - wide.start)
                self._unmarked.append(wide)

    def _district(self, m: AgencyMention) -> None:
        # "UBND thành phố Thủ Đức" is a district's committee, not the city's "UBND thành phố"
        inside = [
            k
            for k in self._inside(m.start, m.end)
            if k.agency.name in PROVINCIAL_COMMITTEES
        ]
        if inside:
            self._drop(inside)
        if self.free(m.start, m.end):
            self.add(m)

    def _heads(self, found: _Heads) -> list[tuple[int, int, str]]:
        """Every head word a name may follow, by kind; a ministry's units as one body."""
        ministry = self.ministry
        heads = [(h.start(), h.end(), "open") for h in found.finditer(_OPEN_HEAD)]
        heads += [(h.start(), h.end(), "local") for h in found.finditer(_UNIT_OF_PROVINCE_HEAD)]
        heads += [
            (h.start(), h.end(), "proper")
            for h in found.finditer(_PROPER_HEAD)
            if not (ministry and h.group(1) == "Cục")
        ]
        if ministry:
            heads += [(h.start(), h.end(), "unit") for h in found.finditer(_UNIT_HEAD)]
            for h in found.finditer(_UNITS_OF_MINISTRY):
                if self.free(h.start(), h.end()):
                    agency = Agency(
                        f"Các đơn vị thuộc {ministry}", None, True, "central", "collective"
                    )
                    self.add(AgencyMention(agency, h.start(), h.end(), h.group(0)))
        return sorted(heads)

    def _stop(self, a: int, b: int, kind: str) -> int | None:
        """Where the name after the head ``text[a:b]`` ends (None: no name follows)."""
        text, head = self.text, self.text[a:b]
        if head in HEADS["complete"]:  # the head is the whole name
            return b
        nxt = _NEXT_WORD.match(text, b, self.end)
        if not nxt:
            return None
        word = nxt.group(1)
        ok_lower = head.startswith("Ban") and fold_name(word) in ("cac", "khu")
        if not (word[:1].isupper() or ok_lower) or (
            word.isupper() and len(word) > 3 and not head.startswith("Ban") and "&" not in word
        ):
            return None
        if kind == "proper":
            stop = proper_end(text, b, self.end, self.known_starts)
        elif kind == "local":
            stop = local_unit_end(text, b, self.end, self.known_starts, self.province)
        else:
            stop = name_end(text, b, self.end, self.known_starts, unit=kind == "unit")
        return stop if stop > b + 1 else None

    def _named(self, a: int, b: int, kind: str) -> None:
        """The agency the head ``text[a:b]`` of ``kind`` names, if a name follows it."""
        stop = self._stop(a, b, kind)
        if stop is None or not self.free(a, stop):
            return
        head, name = self.text[a:b], " ".join(self.text[a:stop].split())
        province, ministry = self.province, self.ministry
        if kind == "proper":
            proper = _proper_agency(self.text, head, name, stop, self.end, province, ministry)
            if proper is None:
                return
            agency, full = proper
            if full > stop:  # "(Bộ Tài chính)" after a Tổng cục is part of its name
                self._drop(self._inside(stop, full))
                stop = full
            if not self.free(a, stop):
                return
        elif kind == "local":
            scope = None if name.endswith(" Việt Nam") else province
            level = "local" if scope else "central"
            agency = Agency(scoped_name(name, province), scope, False, level, "state")
        elif kind == "unit":
            agency = Agency(f"{name} ({ministry})", None, False, "central", "state")
        elif head in ("Báo", "Tạp chí"):
            local = ministry is None
            agency = Agency(name, province if local else None, False,
                            "local" if local else "central", "press")  # fmt: skip
        else:
            agency = Agency(name, province, False, "local", "state")
        self.add(AgencyMention(agency, a, stop, self.text[a:stop]))
