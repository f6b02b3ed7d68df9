"""Agencies the gazetteer does not list, read from how Vietnamese names them.

:func:`open_mentions` reads names after a head word (``Ban Quản lý``, ``Báo``,
``Trung tâm``, ``Chi cục``, ``Viện``, ``Cảng vụ``, ``Bộ Tư lệnh``, ``Tổng cục``,
``Cục``, a ministry's ``Vụ``), named districts' committees and every district's
offices, and merges them with the gazetteer's mentions.  :func:`issuing_ministry`
tells whether a ministry heads the document (its units are then named with it).
"""

from __future__ import annotations

import re

from vbgraph.loaders.find.agencies.matcher import find_mentions
from vbgraph.loaders.models import Agency, AgencyMention
from vbgraph.loaders.text.fold import fold_name
from vbgraph.loaders.text.patterns import Pattern, phrase
from vbgraph.loaders.vocab.agencies import PROVINCIAL_COMMITTEES
from vbgraph.loaders.vocab.agency_names import (
    AFTER_AND_GENERIC,
    HEADS,
    LOCALITIES,
    NEXT_AGENCY,
    NOT_IN_NAME,
    STOP_PAIRS,
    STOP_WORDS,
    UNIT_NAME_PAIRS,
)
from vbgraph.loaders.vocab.provinces import city_name

_TOKEN = re.compile(r"[^\s,;:.()\[\]\"“”|]+|[,;:.()\[\]\"“”|]|\n")


def _heads(words: tuple[str, ...]) -> str:
    """Head words as regex text, each at a word start: ``X(?<!\\wX)rest`` rather than
    ``\\bX``, the same test, but the engine can skip ahead to the next first letter."""
    return "|".join(
        f"{re.escape(w[0])}(?<!\\w{re.escape(w[0])}){phrase(w[1:], ' ')}" for w in words
    )


_ANY_PLACE = r"(?=$|[\s,;.:)])"
_OPEN_HEAD = Pattern("open head", rf"({_heads(HEADS['open'])})(?=\s)", starts=HEADS["open"])
_UNIT_OF_PROVINCE_HEAD = Pattern(
    "unit head", rf"({_heads(HEADS['unit'])})(?=\s)", starts=HEADS["unit"]
)
_PROPER_HEAD = Pattern("proper head", rf"({_heads(HEADS['proper'])})(?=\s)", starts=HEADS["proper"])
_LOCALITY = re.compile(rf"\s({'|'.join(LOCALITIES)}){_ANY_PLACE}")
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
    rf"|cấp huyện){_ANY_PLACE}",
    starts=HEADS["district_office"],
)
#: The other districts named after one: ``... và các quận, huyện``, ``..., các huyện``.
_AND_DISTRICTS = re.compile(
    r"(?:\s*,\s*|\s+và\s+)(?P<rest>các\s+(?:quận|huyện|thị xã)"
    rf"(?:(?:\s*,\s*|\s+và\s+)(?:quận|huyện|thị xã|thành phố))*){_ANY_PLACE}"
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
    rf"(?:\s+(?:(?:trực\s+)?thuộc\s+Bộ|liên quan|có liên quan))?{_ANY_PLACE})",
    starts=HEADS["ministry_units"],
)
_ALL_PROVINCES = re.compile(r"\s+các tỉnh, thành phố trực thuộc Trung ương")
_DISTRICT_COLLECTIVE = "các huyện, thị xã, thành phố"
#: Every head pattern, and one pattern for where any of them can start (:class:`_Heads`).
_HEAD_PATTERNS = (
    _OPEN_HEAD, _UNIT_OF_PROVINCE_HEAD, _PROPER_HEAD, _DISTRICT_UBND, _DISTRICT_OFFICES,
    _UNIT_HEAD, _UNITS_OF_MINISTRY,
)  # fmt: skip
_HEAD_START = Pattern(
    "any head",
    "|".join(sorted({re.escape(w) for p in _HEAD_PATTERNS for w in p.starts})),
    starts=sorted({w for p in _HEAD_PATTERNS for w in p.starts}),
)


class _Heads:
    """The head patterns' matches in ``text[start:end]``, found from one scan of where any
    of them can start (:data:`_HEAD_START`): each pattern gives what its ``finditer`` would
    (leftmost matches, none overlapping), about x4 faster than one scan per pattern."""

    def __init__(self, text: str, start: int, end: int) -> None:
        self.text, self.start, self.end = text, start, end
        self._starts = list(_HEAD_START.candidates(text, start, end))

    def finditer(self, pattern: Pattern) -> list[re.Match[str]]:
        out: list[re.Match[str]] = []
        free = self.start
        for pos in self._starts:
            if pos >= free:
                m = pattern.match(self.text, pos, self.end)
                if m:
                    out.append(m)
                    free = m.end()
        return out


def issuing_ministry(text: str, mentions: list[AgencyMention]) -> str | None:
    """The ministry heading a document (``BỘ TƯ PHÁP`` on its first lines), if any."""
    for m in mentions:
        if m.start > 120:
            break
        if m.agency.level == "central" and m.agency.name.startswith("Bộ "):
            line_start = text.rfind("\n", 0, m.start) + 1
            if not text[line_start : m.start].strip():
                return m.agency.name
    return None


class _Tokens:
    """The tokens of ``text[pos:limit]`` (start, end, text), read only as far as asked for."""

    def __init__(self, text: str, pos: int, limit: int) -> None:
        self._matches = _TOKEN.finditer(text, pos, limit)
        self._read: list[tuple[int, int, str]] = []

    def has(self, k: int) -> bool:
        """Whether there is a ``k``-th token (reading up to it)."""
        while len(self._read) <= k:
            m = next(self._matches, None)
            if m is None:
                return False
            self._read.append((m.start(), m.end(), m.group(0)))
        return True

    def __getitem__(self, k: int) -> tuple[int, int, str]:
        if not self.has(k):
            raise IndexError(k)
        return self._read[k]


def _name_end(
    text: str,
    pos: int,
    limit: int,
    known_starts: set[int],
    unit: bool,
    lenient: frozenset[str] = frozenset(),
) -> int:
    """Where an open-class name that continues at ``pos`` ends (``lenient``: pairs let through)."""
    tokens = _Tokens(text, pos, limit)
    end = pos
    words = 0
    k = 0
    while tokens.has(k) and words < 14:
        s, e, tok = tokens[k]
        if s in known_starts or tok in '\n;:()[]"“”.|':
            break
        if tok == ",":
            nxt = tokens[k + 1][2] if tokens.has(k + 1) else ""
            if not (unit and words <= 2 and nxt[:1].islower() and fold_name(nxt) != "cac"):
                break
            k += 1
            continue
        f = fold_name(tok)
        pair = f + " " + fold_name(tokens[k + 1][2]) if tokens.has(k + 1) else f
        prev = tokens[k - 1][2].lower() if k else ""
        if words and prev not in ("về", "và") and pair in STOP_PAIRS - lenient:
            break
        if tok.lower() in STOP_WORDS:
            break
        if f == "va" and tokens.has(k + 1):
            nxt = tokens[k + 1][2]
            nf = fold_name(nxt)
            if tokens[k + 1][0] in known_starts or (nxt[:1].isupper() and nf in NEXT_AGENCY):
                break
            if (
                nf == "cac"
                and tokens.has(k + 2)
                and fold_name(tokens[k + 2][2]) in AFTER_AND_GENERIC
            ):
                break
        end = e
        words += 1
        k += 1
    # no dangling connector
    while True:
        tail = text[pos:end].rstrip()
        last = tail.rsplit(None, 1)[-1] if tail.split() else ""
        if fold_name(last) in ("va", "cac", "cua", "-") and tail:
            end = pos + len(tail) - len(last)
            continue
        return pos + len(text[pos:end].rstrip())


def _is_name_word(tok: str) -> bool:
    """A capitalised word or a number: part of a proper name (``Vùng 1``, ``Hải``)."""
    return tok[:1].isupper() or tok[:1].isdigit()


def _proper_end(text: str, pos: int, limit: int, known_starts: set[int]) -> int:
    """Where a proper name that continues at ``pos`` ends.

    Capitalised words and numbers belong to it; a lower-case syllable belongs to it
    when it finishes a capitalised word (``Hải quân``, ``Hàng hải``) or when at most
    two of them lead to another capitalised word (``Cảnh sát biển 1``).
    """
    tokens = [(m.start(), m.end(), m.group(0)) for m in _TOKEN.finditer(text, pos, limit)]
    end = pos
    k = 0
    while k < len(tokens) and k < 12:
        s, e, tok = tokens[k]
        if s in known_starts or not tok[:1].isalnum():
            break
        if _is_name_word(tok):
            end, k = e, k + 1
            continue
        j = k
        while j < len(tokens) and tokens[j][2][:1].islower():
            j += 1
        run = [t for _, _, t in tokens[k:j]]
        nxt = tokens[j][2] if j < len(tokens) else ""
        if any(w in NOT_IN_NAME for w in run):
            break
        pair = fold_name(" ".join(run[:2]))
        if len(run) <= 2 and _is_name_word(nxt) and pair not in STOP_PAIRS:
            end, k = tokens[j - 1][1], j
            continue
        # the second syllable of a capitalised word (``Hải quân``), not a verb after a
        # place name (``Vũng Tàu đẩy nhanh``): only after a lone capitalised syllable
        caps = 0
        while caps < k and tokens[k - 1 - caps][2][:1].isupper():
            caps += 1
        if caps == 1 and pair not in STOP_PAIRS:
            end = e
        break
    return end


def _local_unit_end(
    text: str, pos: int, limit: int, known_starts: set[int], province: str | None
) -> int:
    """Where a local unit's name ends: after its locality (``... tỉnh``, ``... thành phố
    Vinh``, ``... Hà Nội``) when one comes before the verb, else where the words stop."""
    wide = _name_end(text, pos, limit, known_starts, unit=False, lenient=UNIT_NAME_PAIRS)
    loc = _LOCALITY.search(text, pos, wide)
    if province:
        own = re.compile(r"\s" + re.escape(province) + r"(?=$|[\s,;.:)])").search(text, pos, wide)
        if own and (loc is None or own.start() < loc.start()):
            return own.end()
    if loc is None:
        return _name_end(text, pos, limit, known_starts, unit=False)
    end = loc.end()
    stop = wide
    for m in _TOKEN.finditer(text, end, stop):
        tok = m.group(0)
        if tok == "\n" or not _is_name_word(tok):
            break
        end = m.end()
    return end


def _scoped_name(name: str, province: str | None) -> str:
    """``Trung tâm Khuyến nông tỉnh Nghệ An`` -> ``Trung tâm Khuyến nông tỉnh`` in Nghệ An."""
    if province:
        for word in ("tỉnh", "thành phố"):
            tail = f" {word} {province}"
            if name.endswith(tail):
                return name[: -len(province) - 1]
    return name


def _district_mentions(
    text: str, province: str | None, heads: _Heads, known_starts: set[int]
) -> list[AgencyMention]:
    """``UBND huyện Cát Hải`` and ``Phòng X các huyện, thị xã, thành phố``."""
    end = heads.end
    out: list[AgencyMention] = []
    for m in heads.finditer(_DISTRICT_UBND):
        stop = m.end()
        for t in _TOKEN.finditer(text, m.end(), min(end, m.end() + 60)):
            tok = t.group(0)
            if t.start() in known_starts or tok == "\n" or not _is_name_word(tok):
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
    end = len(text) if end is None else end
    ministry = issuing_ministry(text, known)
    known_starts = {m.start for m in known}
    taken = [(m.start, m.end) for m in known]
    out = list(known)

    def free(a: int, b: int) -> bool:
        return not any(a < tb and ta < b for ta, tb in taken)

    for i, m in enumerate(out):
        if not m.agency.name.startswith("Sở "):
            continue
        tail = _ALL_PROVINCES.match(text, m.end, end)
        if tail:
            name = f"{m.agency.name} các tỉnh, thành phố trực thuộc Trung ương"
            out[i] = AgencyMention(
                Agency(name, None, True, "central", "collective"),
                m.start,
                tail.end(),
                text[m.start : tail.end()],
            )
    found = _Heads(text, start, end)
    for m in _district_mentions(text, province, found, known_starts):
        # "UBND thành phố Thủ Đức" is a district's committee, not the city's "UBND thành phố"
        inside = [
            k
            for k in out
            if k.agency.name in PROVINCIAL_COMMITTEES and m.start <= k.start and k.end <= m.end
        ]
        if inside:
            out = [k for k in out if k not in inside]
            taken = [(k.start, k.end) for k in out]
        if free(m.start, m.end):
            out.append(m)
            taken.append((m.start, m.end))
    heads: list[tuple[int, int, str]] = [
        (h.start(), h.end(), "open") for h in found.finditer(_OPEN_HEAD)
    ]
    heads += [(h.start(), h.end(), "local") for h in found.finditer(_UNIT_OF_PROVINCE_HEAD)]
    heads += [
        (h.start(), h.end(), "proper")
        for h in found.finditer(_PROPER_HEAD)
        if not (ministry and h.group(1) == "Cục")
    ]
    if ministry:
        heads += [(h.start(), h.end(), "unit") for h in found.finditer(_UNIT_HEAD)]
        for h in found.finditer(_UNITS_OF_MINISTRY):
            if free(h.start(), h.end()):
                agency = Agency(f"Các đơn vị thuộc {ministry}", None, True, "central", "collective")
                out.append(AgencyMention(agency, h.start(), h.end(), h.group(0)))
                taken.append((h.start(), h.end()))
    for a, b, kind in sorted(heads):
        if not free(a, b) or (a > 0 and text[a - 1].isalnum()):
            continue
        head = text[a:b]
        nxt = re.match(r"\s+(\S+)", text[b:end])
        complete = head in HEADS["complete"]  # the head is the whole name
        if complete:
            stop = b
        else:
            if not nxt:
                continue
            word = nxt.group(1)
            ok_lower = head.startswith("Ban") and fold_name(word) in ("cac", "khu")
            if not (word[:1].isupper() or ok_lower) or (
                word.isupper() and len(word) > 3 and not head.startswith("Ban")
            ):
                continue
            if kind == "proper":
                stop = _proper_end(text, b, end, known_starts)
            elif kind == "local":
                stop = _local_unit_end(text, b, end, known_starts, province)
            else:
                stop = _name_end(text, b, end, known_starts, unit=kind == "unit")
        if (not complete and stop <= b + 1) or not free(a, stop):
            continue
        name = " ".join(text[a:stop].split())
        if kind == "proper":
            proper = _proper_agency(text, head, name, stop, end, province, ministry)
            if proper is None:
                continue
            agency, full = proper
            if full > stop:  # "(Bộ Tài chính)" after a Tổng cục is part of its name
                inside = [m for m in out if stop <= m.start and m.end <= full]
                out = [m for m in out if m not in inside]
                taken = [t for t in taken if not any(t == (m.start, m.end) for m in inside)]
                stop = full
            if not free(a, stop):
                continue
        elif kind == "local":
            scope = None if name.endswith(" Việt Nam") else province
            level = "local" if scope else "central"
            agency = Agency(_scoped_name(name, province), scope, False, level, "state")
        elif kind == "unit":
            agency = Agency(f"{name} ({ministry})", None, False, "central", "state")
        elif head in ("Báo", "Tạp chí"):
            agency = Agency(
                name,
                None if ministry else province,
                False,
                "central" if ministry else "local",
                "press",
            )
        else:
            agency = Agency(name, province, False, "local", "state")
        out.append(AgencyMention(agency, a, stop, text[a:stop]))
        taken.append((a, stop))
    out.sort(key=lambda m: m.start)
    return out
