"""Agency mentions by gazetteer: an Aho-Corasick automaton over the text's skeleton.

Matching runs an automaton (``pyahocorasick``) over the *skeleton* of the text
(:mod:`.skeleton`): every letter and digit folded to lower-case ASCII, everything else
dropped.  Aliases are reduced the same way, so a match is blind to case, tone marks,
spacing, punctuation and glued words (``SởNgoại vụ``, ``Sở: Ngoại vụ``, ``Sở Lao
động-Thương binh và Xãhội``) while every skeleton character still knows its index in
the text, which gives exact spans.  A match must start at a word boundary (or a
lower->upper case change, as in ``vàUBND``); short aliases must also end at one.  Long
aliases also match with a few substituted characters (OCR damage), found through the
alias pieces that a pigeonhole argument says must be intact.

Public API:

* :func:`find_mentions` -- every gazetteer agency mention in a text, scoped to a province;
* :func:`find_agency` / :func:`lookup_agencies` -- resolve a user's query
  (``"So Ngoai vu"``, ``"Sở KH&ĐT"``) to canonical agencies.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import pairwise
from operator import ne

import ahocorasick

from vbgraph.loaders.find.agencies.skeleton import (
    LEFT,
    RIGHT,
    STARTS,
    UPPER,
    Layout,
    layout,
    skeleton,
)
from vbgraph.loaders.models import Agency, AgencyMention
from vbgraph.loaders.vocab.agencies import agencies_in, expand
from vbgraph.loaders.vocab.provinces import province_after

#: Aliases whose skeleton is shorter than this must also end at a word boundary.
_SHORT = 9
#: Aliases at least this long (skeleton characters) also match with OCR damage:
#: up to one substituted character per this many characters, at most two
#: (``Bộ Chỉ huy Quật sự tỉnh``, ``Trung tâm Xúc tiến Đầu tư, Trương mại và Da lịch``).
_FUZZY_MIN = 16
_FUZZY_PER = 12
_FUZZY_MAX = 2

@dataclass(frozen=True, slots=True)
class _Pattern:
    agency: Agency
    cased: bool  # first letter must be upper case in the text


@dataclass(frozen=True, slots=True)
class _FuzzyAlias:
    skel: str
    pattern: _Pattern
    budget: int  # substitutions allowed


class AgencyMatcher:
    """Gazetteer matcher for one province (``None``: central bodies and templates off)."""

    def __init__(self, province: str | None) -> None:
        self.province = province
        by_skel: dict[str, _Pattern] = {}
        for entry, agency in agencies_in(province):
            for alias in (entry.name, *entry.aliases):
                cased = entry.cased or alias.startswith("^")
                text = expand(alias.lstrip("^"), province)
                if not text:
                    continue
                skel = _alias_skeleton(text)
                if skel and skel not in by_skel:
                    by_skel[skel] = _Pattern(agency, cased)
        self._exact = ahocorasick.Automaton()
        #: Long uncased aliases, in skeleton order (the order that breaks fuzzy ties).
        self._fuzzy_aliases: list[_FuzzyAlias] = []
        pieces: dict[str, dict[int, list[int]]] = {}
        for skel, pattern in sorted(by_skel.items()):
            # the flags its first and its last character need
            need_start = LEFT | (UPPER if pattern.cased else 0)
            need_end = RIGHT if len(skel) < _SHORT else 0
            self._exact.add_word(skel, (len(skel), need_start, need_end, pattern))
            if len(skel) >= _FUZZY_MIN and not pattern.cased:
                fid = len(self._fuzzy_aliases)
                budget = min(_FUZZY_MAX, len(skel) // _FUZZY_PER)
                self._fuzzy_aliases.append(_FuzzyAlias(skel, pattern, budget))
                # pigeonhole: with at most ``budget`` substitutions, one of ``budget + 1``
                # disjoint pieces is intact; a piece ending at p puts the alias at p - last
                cuts = [len(skel) * k // (budget + 1) for k in range(budget + 2)]
                for a, b in pairwise(cuts):
                    pieces.setdefault(skel[a:b], {}).setdefault(b - 1, []).append(fid)
        self._exact.make_automaton()
        self._pieces: ahocorasick.Automaton | None = None
        #: Padding before the skeleton in :meth:`_fuzzy`: a piece's alias starts at or after it.
        self._pad = max((last for where in pieces.values() for last in where), default=0)
        if pieces:
            self._pieces = ahocorasick.Automaton()
            for piece, where in pieces.items():
                # (padded start of the alias relative to the piece's end, aliases) pairs
                value = tuple((self._pad - last, tuple(v)) for last, v in where.items())
                self._pieces.add_word(piece, value)
            self._pieces.make_automaton()

    def find(self, text: str, start: int = 0, end: int | None = None) -> list[AgencyMention]:
        """Non-overlapping mentions in ``text[start:end]``, longest first, in text order."""
        end = len(text) if end is None else end
        lay = layout(text, start, end)
        if not lay.skel:
            return []
        exact = self._exact_spans(lay)
        index = lay.index
        candidates = [(index[s], index[e - 1] + 1, pattern) for s, e, pattern in exact]
        candidates.extend(self._fuzzy(lay, exact))
        candidates.sort(key=lambda c: (c[0] - c[1], c[0]))
        taken = bytearray(end - start + 1)  # mentions are never empty: overlap = a taken char
        found: list[AgencyMention] = []
        for a, b, pattern in candidates:
            if taken.find(1, a - start, b - start) >= 0:
                continue
            taken[a - start : b - start] = b"\x01" * (b - a)
            found.append(AgencyMention(pattern.agency, a, b, text[a:b]))
        found.sort(key=lambda m: m.start)
        return found

    def _exact_spans(self, lay: Layout) -> list[tuple[int, int, _Pattern]]:
        """Skeleton spans of every occurrence of every alias, overlapping ones too, by start
        then length, that start at a word (upper case if the alias must be) and, if short,
        end at one."""
        flags = lay.flags
        spans = []
        for e, (size, need_start, need_end, pattern) in self._exact.iter(lay.skel):
            s = e + 1 - size
            if flags[s] & need_start == need_start and flags[e] & need_end == need_end:
                spans.append((s, e + 1, pattern))
        spans.sort(key=lambda span: (span[0], span[1]))
        return spans

    def _fuzzy(
        self, lay: Layout, exact: list[tuple[int, int, _Pattern]]
    ) -> list[tuple[int, int, _Pattern]]:
        """Near matches (substitutions only) of long aliases where no exact match is.

        At a skeleton position whose first two (or next two) characters begin an alias,
        the alias matches with 1 to ``budget`` substituted characters; the longest such
        alias wins, then the one with fewer errors, then the first in skeleton order,
        those whose first two characters agree before those whose next two do.
        """
        if self._pieces is None:
            return []
        pad = self._pad
        starts = self._fuzzy_starts(lay, exact)
        hits = [
            (p + shift, fids)
            for p, where in self._pieces.iter(lay.skel)
            for shift, fids in where
            if starts[p + shift]
        ]
        at: dict[int, set[int]] = {}  # padded start -> aliases with an intact piece there
        for i, fids in hits:
            at.setdefault(i, set()).update(fids)
        skel, index = lay.skel, lay.index
        aliases = self._fuzzy_aliases
        second = len(aliases)  # aliases found by their next two characters rank after
        out: list[tuple[int, int, _Pattern]] = []
        n = len(skel)
        for i, fids in sorted(at.items()):
            i -= pad
            head = skel[i : i + 2]
            mid = skel[i + 2 : i + 4]
            best: tuple[int, int, int] | None = None
            winner = 0
            for fid in fids:
                alias = aliases[fid]
                size = len(alias.skel)
                if i + size > n:
                    continue
                if alias.skel[:2] == head:
                    order = fid
                elif alias.skel[2:4] == mid:
                    order = second + fid
                else:
                    continue
                seg = skel[i : i + size]
                if seg == alias.skel:
                    continue
                errors = sum(map(ne, seg, alias.skel))
                if errors > alias.budget:
                    continue
                key = (size, -errors, -order)
                if best is None or key > best:
                    best, winner = key, fid
            if best is not None:
                size = best[0]
                out.append((index[i], index[i + size - 1] + 1, aliases[winner].pattern))
        return out

    def _fuzzy_starts(self, lay: Layout, exact: list[tuple[int, int, _Pattern]]) -> bytearray:
        """1 at each skeleton position (after :attr:`_pad` zeros) a near match may start at:
        the first skeleton character of a word's text character, outside exact matches."""
        pad = self._pad
        starts = bytearray(pad) + lay.flags.translate(STARTS)
        for s, e, _ in exact:
            s = lay.char_start(s)
            starts[pad + s : pad + e] = bytes(e - s)
        return starts


@lru_cache(maxsize=64)
def matcher_for(province: str | None) -> AgencyMatcher:
    """The (cached) matcher for documents of ``province``."""
    return AgencyMatcher(province)


def find_mentions(
    text: str, province: str | None, start: int = 0, end: int | None = None
) -> list[AgencyMention]:
    """Agency mentions in ``text`` (optionally only in ``text[start:end]``)."""
    found = matcher_for(province).find(text, start, end)
    return _with_named_provinces(text, found, len(text) if end is None else end)


def _with_named_provinces(text: str, found: list[AgencyMention], end: int) -> list[AgencyMention]:
    """``found`` with each local body whose name goes on to name a province ("Ủy ban nhân dân
    tỉnh Thanh Hóa" in a Prime Minister's notice, "Sở Y tế tỉnh Nghệ An") scoped to it."""
    out: list[AgencyMention] = []
    for k, m in enumerate(found):
        agency = m.agency
        named = None
        if agency.level == "local" and not agency.collective:
            named = province_after(text, m.start, m.end)
        nxt = found[k + 1].start if k + 1 < len(found) else end
        if named is None or named[0] > nxt:
            out.append(m)
            continue
        stop, province = named
        if province != agency.province:  # its name as that province writes it
            again = matcher_for(province).find(text, m.start, m.end)
            same = len(again) == 1 and (again[0].start, again[0].end) == (m.start, m.end)
            agency = again[0].agency if same else replace(agency, province=province)
        out.append(AgencyMention(agency, m.start, stop, text[m.start : stop]))
    return out


def lookup_agencies(query: str, province: str | None = None) -> list[Agency]:
    """Agencies a user's query names, best first (diacritics- and case-insensitive).

    An exact alias match wins; otherwise canonical names containing the folded
    query as a substring are returned.
    """
    q = query.strip()
    if not q:
        return []
    found = [m.agency for m in matcher_for(province).find(q) if m.end - m.start >= len(q) - 2]
    if found:
        return _unique(found)
    want = _alias_skeleton(q)
    hits: list[Agency] = []
    for entry, agency in agencies_in(province):
        names = [expand(a.lstrip("^"), province) for a in (entry.name, *entry.aliases)]
        if any(n and want in _alias_skeleton(n) for n in names):
            hits.append(agency)
    hits.sort(key=lambda a: len(a.name))
    return _unique(hits)


def find_agency(query: str, province: str | None = None) -> Agency | None:
    """The one agency a user's query names (``"So Ngoai vu"`` -> Sở Ngoại vụ), or None."""
    hits = lookup_agencies(query, province)
    return hits[0] if hits else None


def _unique(agencies: list[Agency]) -> list[Agency]:
    seen: set[str] = set()
    out: list[Agency] = []
    for a in agencies:
        if a.key not in seen:
            seen.add(a.key)
            out.append(a)
    return out



def _alias_skeleton(alias: str) -> str:
    return skeleton(alias)[0]
