"""Agency mentions: gazetteer matching on text and diacritics-insensitive lookups.

Matching runs a spaCy ``PhraseMatcher`` (``spacy.blank("xx")``) over the
*skeleton* of the text: every letter and digit folded to lower-case ASCII
(``Sở Ngoại vụ`` -> ``songoaivu``), one token per character, with everything
else dropped.  Aliases are reduced the same way, so a match is blind to case,
tone marks, spacing, punctuation and glued words (``SởNgoại vụ``,
``Sở: Ngoại vụ``, ``Sở Lao động-Thương binh và Xãhội``) while every skeleton
character still knows its index in the text, which gives exact spans.  A match
must start at a word boundary (or a lower->upper case change, as in
``vàUBND``); short aliases must also end at one.

Public API:

* :func:`fold` -- lower-case, no diacritics, ``đ`` -> ``d``, spaces collapsed.
* :func:`find_mentions` -- every agency mention in a text, scoped to a province.
* :func:`find_agency` / :func:`lookup_agencies` -- resolve a user's query
  (``"So Ngoai vu"``, ``"Sở KH&ĐT"``) to canonical agencies.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from vbgraph.loaders.gazetteer import ENTRIES, AgencyEntry
from vbgraph.lookup import fold_name

if TYPE_CHECKING:
    from spacy.tokens import Doc

#: Aliases whose skeleton is shorter than this must also end at a word boundary.
_SHORT = 9
#: Aliases at least this long (skeleton characters) also match with OCR damage:
#: up to one substituted character per this many characters, at most two
#: (``Bộ Chỉ huy Quật sự tỉnh``, ``Trung tâm Xúc tiến Đầu tư, Trương mại và Da lịch``).
_FUZZY_MIN = 16
_FUZZY_PER = 12
_FUZZY_MAX = 2


@dataclass(frozen=True, slots=True)
class Agency:
    """A canonical agency, scoped: local agencies carry their province."""

    name: str
    province: str | None
    collective: bool = False
    level: str = "local"
    kind: str = "state"

    @property
    def key(self) -> str:
        return f"{self.name}|{self.province or 'VN'}"


@dataclass(frozen=True, slots=True)
class Mention:
    """An agency named in a text; ``start``/``end`` index that text."""

    agency: Agency
    start: int
    end: int
    text: str


def fold(text: str) -> str:
    """Lower-case, strip diacritics (``đ`` -> ``d``), collapse whitespace.

    The store's lookup fold (:func:`vbgraph.lookup.fold_name`), kept in one place.
    """
    return fold_name(text)


def fold_same_length(text: str) -> str:
    """Like :func:`fold` but one output character per input character (for regex offsets)."""
    out: list[str] = []
    for c in text:
        if ord(c) < 128:
            out.append(c.lower())
            continue
        f = _fold_char(c)
        out.append(f[0] if len(f) >= 1 else " ")
    return "".join(out)


def _fold_char(ch: str) -> str:
    if ch in "đĐ":
        return "d"
    decomposed = unicodedata.normalize("NFD", ch)
    base = "".join(c for c in decomposed if not unicodedata.combining(c))
    return base.lower()


def skeleton(text: str) -> tuple[str, list[int]]:
    """Folded letters and digits of ``text`` and, for each, its index in ``text``."""
    chars: list[str] = []
    index: list[int] = []
    for i, ch in enumerate(text):
        if not ch.isalnum():
            if ch == "&":
                chars.append("&")
                index.append(i)
            continue
        f = _fold_char(ch) if ord(ch) > 127 else ch.lower()
        for c in f:
            if c.isalnum():
                chars.append(c)
                index.append(i)
    return "".join(chars), index


def _alias_skeleton(alias: str) -> str:
    return skeleton(alias)[0]


#: Centrally-run cities: their bodies say "thành phố" where a province's say "tỉnh"
#: (``Công an thành phố``, ``Thành Đoàn``, ``Ban Tuyên giáo Thành ủy``).
CITIES = frozenset({"Hà Nội", "Hồ Chí Minh", "Hải Phòng", "Đà Nẵng", "Cần Thơ", "Huế"})
_CITY_WORDS = (
    (re.compile(r"\bTỉnh ủy\b"), "Thành ủy"),
    (re.compile(r"\bTỉnh [Đđ]oàn\b"), "Thành Đoàn"),
    (re.compile(r"\bTỉnh\b"), "Thành phố"),
    (re.compile(r"\btỉnh\b"), "thành phố"),
)


def city_form(text: str) -> str:
    """A provincial name as a centrally-run city writes it (``tỉnh`` -> ``thành phố``)."""
    for pattern, repl in _CITY_WORDS:
        text = pattern.sub(repl, text)
    return text


def expand(template: str, province: str | None) -> str | None:
    if province in CITIES:
        template = city_form(template)
    if "{province}" not in template:
        return template
    if not province:
        return None
    return template.replace("{province}", province)


@dataclass(frozen=True, slots=True)
class _Pattern:
    agency: Agency
    cased: bool  # first letter must be upper case in the text


class AgencyMatcher:
    """Gazetteer matcher for one province (``None``: central bodies and templates off)."""

    def __init__(self, province: str | None) -> None:
        import spacy
        from spacy.matcher import PhraseMatcher

        self.province = province
        self._nlp = spacy.blank("xx")
        self._matcher = PhraseMatcher(self._nlp.vocab)
        self._patterns: dict[str, _Pattern] = {}
        by_skel: dict[str, _Pattern] = {}
        for entry in ENTRIES:
            if entry.provinces and province not in entry.provinces:
                continue
            agency = _agency(entry, province)
            if agency is None:
                continue
            for alias in (entry.name, *entry.aliases):
                cased = alias.startswith("^")
                text = expand(alias.lstrip("^"), province)
                if not text:
                    continue
                skel = _alias_skeleton(text)
                if skel and skel not in by_skel:
                    by_skel[skel] = _Pattern(agency, cased)
        self._fuzzy_head: dict[str, list[tuple[str, _Pattern]]] = {}
        self._fuzzy_mid: dict[str, list[tuple[str, _Pattern]]] = {}
        for n, (skel, pattern) in enumerate(sorted(by_skel.items())):
            key = f"A{n}"
            self._patterns[key] = pattern
            self._matcher.add(key, [self._char_doc(skel)])
            if len(skel) >= _FUZZY_MIN and not pattern.cased:
                self._fuzzy_head.setdefault(skel[:2], []).append((skel, pattern))
                self._fuzzy_mid.setdefault(skel[2:4], []).append((skel, pattern))

    def _char_doc(self, skel: str) -> Doc:
        from spacy.tokens import Doc

        return Doc(self._nlp.vocab, words=list(skel), spaces=[False] * len(skel))

    def find(self, text: str, start: int = 0, end: int | None = None) -> list[Mention]:
        """Non-overlapping mentions in ``text[start:end]``, longest first, in text order."""
        end = len(text) if end is None else end
        skel, index = skeleton(text[start:end])
        if not skel:
            return []
        index = [i + start for i in index]
        doc = self._char_doc(skel)
        candidates: list[tuple[int, int, _Pattern]] = []
        for match_id, s, e in self._matcher(doc):
            pattern = self._patterns[self._nlp.vocab.strings[match_id]]
            a, b = index[s], index[e - 1] + 1
            if not _left_boundary(text, a, start):
                continue
            if pattern.cased and not text[a].isupper():
                continue
            if (e - s) < _SHORT and not _right_boundary(text, b, end):
                continue
            candidates.append((a, b, pattern))
        candidates.extend(self._fuzzy(text, skel, index, candidates, start))
        candidates.sort(key=lambda c: (-(c[1] - c[0]), c[0]))
        taken: list[tuple[int, int]] = []
        found: list[Mention] = []
        for a, b, pattern in candidates:
            if any(a < tb and ta < b for ta, tb in taken):
                continue
            taken.append((a, b))
            found.append(Mention(pattern.agency, a, b, text[a:b]))
        found.sort(key=lambda m: m.start)
        return found

    def _fuzzy(
        self,
        text: str,
        skel: str,
        index: list[int],
        exact: list[tuple[int, int, _Pattern]],
        floor: int,
    ) -> list[tuple[int, int, _Pattern]]:
        """Near matches (substitutions only) of long aliases where no exact match is."""
        covered = bytearray(len(text) + 1)
        for a, b, _ in exact:
            covered[a:b] = b"\x01" * (b - a)
        out: list[tuple[int, int, _Pattern]] = []
        n = len(skel)
        for i in range(n):
            a = index[i]
            if covered[a] or not _left_boundary(text, a, floor):
                continue
            if i > 0 and index[i - 1] == a:
                continue
            options = self._fuzzy_head.get(skel[i : i + 2], []) + self._fuzzy_mid.get(
                skel[i + 2 : i + 4], []
            )
            best: tuple[int, str, _Pattern] | None = None
            for alias, pattern in options:
                size = len(alias)
                if i + size > n:
                    continue
                budget = min(_FUZZY_MAX, size // _FUZZY_PER)
                errors = 0
                for k in range(size):
                    if skel[i + k] != alias[k]:
                        errors += 1
                        if errors > budget:
                            break
                if errors == 0 or errors > budget:
                    continue
                if best is None or (size, -errors) > (len(best[1]), -best[0]):
                    best = (errors, alias, pattern)
            if best is not None:
                size = len(best[1])
                out.append((a, index[i + size - 1] + 1, best[2]))
        return out


def _left_boundary(text: str, i: int, floor: int) -> bool:
    if i <= floor:
        return True
    prev = text[i - 1]
    if not prev.isalnum():
        return True
    # glued words: "vàUBND", "SởNgoại": a lower->upper change starts a word
    return prev.islower() and text[i].isupper()


def _right_boundary(text: str, i: int, ceiling: int) -> bool:
    if i >= ceiling:
        return True
    nxt = text[i]
    if not nxt.isalnum():
        return True
    return text[i - 1].islower() and nxt.isupper()


def _agency(entry: AgencyEntry, province: str | None) -> Agency | None:
    name = expand(entry.name, province)
    if name is None:
        return None
    scope = None if entry.level == "central" else province
    return Agency(name, scope, entry.collective, entry.level, entry.kind)


@lru_cache(maxsize=64)
def matcher_for(province: str | None) -> AgencyMatcher:
    """The (cached) matcher for documents of ``province``."""
    return AgencyMatcher(province)


def find_mentions(
    text: str, province: str | None, start: int = 0, end: int | None = None
) -> list[Mention]:
    """Agency mentions in ``text`` (optionally only in ``text[start:end]``)."""
    return matcher_for(province).find(text, start, end)


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
    for entry in ENTRIES:
        if entry.provinces and province not in entry.provinces:
            continue
        agency = _agency(entry, province)
        if agency is None:
            continue
        names = [expand(a.lstrip("^"), province) for a in (entry.name, *entry.aliases)]
        if any(n and want in _alias_skeleton(n) for n in names):
            hits.append(agency)
    hits.sort(key=lambda a: len(a.name))
    return _unique(hits)


def find_agency(query: str, province: str | None = None) -> Agency | None:
    """The one agency a user's query names (``"So Ngoai vu"`` -> Sở Ngoại vụ), or None."""
    hits = lookup_agencies(query, province)
    return hits[0] if hits else None


def canonical_names() -> list[str]:
    """Every canonical name in the gazetteer (templates unexpanded)."""
    return [e.name for e in ENTRIES]


def _unique(agencies: list[Agency]) -> list[Agency]:
    seen: set[str] = set()
    out: list[Agency] = []
    for a in agencies:
        if a.key not in seen:
            seen.add(a.key)
            out.append(a)
    return out


# --- bodies the gazetteer does not list -------------------------------------------------
#: Words that end an open-class name: the verb (or particle) that follows the subject.
_NAME_STOP_PAIRS = frozenset(
    {
        "chu tri", "phoi hop", "theo doi", "tham muu", "to chuc", "huong dan", "chi dao",
        "trien khai", "thuc hien", "bao dam", "dam bao", "kiem tra", "tong hop", "bao cao",
        "can cu", "chiu trach", "lanh dao", "giam sat", "cung cap", "ho tro", "phu trach",
        "co trach", "xay dung", "nghien cuu", "tang cuong", "day manh", "ra soat",
    }
)  # fmt: skip
_NAME_STOP_WORDS = frozenset({"là", "để", "tại", "nhằm", "thì", "được", "sẽ", "phải", "khi", "nếu"})
#: After "và", a capitalised word of one of these starts the next agency, not the same name.
_AGENCY_HEADS = frozenset(
    {
        "so", "ubnd", "uy", "ban", "bo", "cuc", "vu", "van", "bao", "dai", "cong", "tap",
        "lien", "hoi", "trung", "chi", "ngan", "kho", "thanh", "tinh", "dang", "vien",
    }
)  # fmt: skip
_AFTER_VA_GENERIC = frozenset({"co", "don", "so", "nganh", "to", "dia", "huyen", "doan", "hoi"})
_TOKEN = re.compile(r"[^\s,;:.()\[\]\"“”|]+|[,;:.()\[\]\"“”|]|\n")
_OPEN_HEAD = re.compile(r"\b(Ban [Qq]uản lý|Báo|Tạp chí)(?=\s)")
_UNIT_HEAD = re.compile(r"\b(Vụ|Cục|Văn phòng Bộ|Thanh tra Bộ)(?=[\s,;.)]|$)")
_UNITS_OF_MINISTRY = re.compile(r"\b[Cc]ác đơn vị (?:trực )?thuộc Bộ\b")
_ALL_PROVINCES = re.compile(r"\s+các tỉnh, thành phố trực thuộc Trung ương")


def issuing_ministry(text: str, mentions: list[Mention]) -> str | None:
    """The ministry heading a document (``BỘ TƯ PHÁP`` on its first lines), if any."""
    for m in mentions:
        if m.start > 120:
            break
        if m.agency.level == "central" and m.agency.name.startswith("Bộ "):
            line_start = text.rfind("\n", 0, m.start) + 1
            if not text[line_start : m.start].strip():
                return m.agency.name
    return None


def _name_end(text: str, pos: int, limit: int, known_starts: set[int], unit: bool) -> int:
    """Where an open-class name that continues at ``pos`` ends."""
    tokens = [(m.start(), m.end(), m.group(0)) for m in _TOKEN.finditer(text, pos, limit)]
    end = pos
    words = 0
    k = 0
    while k < len(tokens) and words < 14:
        s, e, tok = tokens[k]
        if s in known_starts or tok in '\n;:()[]"“”.|':
            break
        if tok == ",":
            nxt = tokens[k + 1][2] if k + 1 < len(tokens) else ""
            if not (unit and words <= 2 and nxt[:1].islower() and fold_name(nxt) != "cac"):
                break
            k += 1
            continue
        f = fold_name(tok)
        pair = f + " " + fold_name(tokens[k + 1][2]) if k + 1 < len(tokens) else f
        prev = tokens[k - 1][2].lower() if k else ""
        if words and prev not in ("về", "và") and pair in _NAME_STOP_PAIRS:
            break
        if tok.lower() in _NAME_STOP_WORDS:
            break
        if f == "va" and k + 1 < len(tokens):
            nxt = tokens[k + 1][2]
            nf = fold_name(nxt)
            if tokens[k + 1][0] in known_starts or (nxt[:1].isupper() and nf in _AGENCY_HEADS):
                break
            if (
                nf == "cac"
                and k + 2 < len(tokens)
                and fold_name(tokens[k + 2][2]) in _AFTER_VA_GENERIC
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


def open_mentions(
    text: str,
    province: str | None,
    known: list[Mention],
    start: int = 0,
    end: int | None = None,
) -> list[Mention]:
    """Agencies the gazetteer lacks, read from how Vietnamese names them.

    * ``Ban Quản lý ...`` boards, ``Báo ...`` / ``Tạp chí ...`` titles, named as written;
    * in a ministry's own document, its ``Vụ``/``Cục`` units, ``Văn phòng Bộ``,
      ``Thanh tra Bộ`` (named with the ministry in brackets) and ``các đơn vị thuộc Bộ``;
    * ``Sở X các tỉnh, thành phố trực thuộc Trung ương`` (a nationwide collective).

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
        tail = _ALL_PROVINCES.match(text, m.end, end)
        if m.agency.name.startswith("Sở ") and tail:
            name = f"{m.agency.name} các tỉnh, thành phố trực thuộc Trung ương"
            out[i] = Mention(
                Agency(name, None, True, "central", "collective"),
                m.start,
                tail.end(),
                text[m.start : tail.end()],
            )
    heads: list[tuple[int, int, str]] = [
        (h.start(), h.end(), "open") for h in _OPEN_HEAD.finditer(text, start, end)
    ]
    if ministry:
        heads += [(h.start(), h.end(), "unit") for h in _UNIT_HEAD.finditer(text, start, end)]
        for h in _UNITS_OF_MINISTRY.finditer(text, start, end):
            if free(h.start(), h.end()):
                agency = Agency(f"Các đơn vị thuộc {ministry}", None, True, "central", "collective")
                out.append(Mention(agency, h.start(), h.end(), h.group(0)))
                taken.append((h.start(), h.end()))
    for a, b, kind in sorted(heads):
        if not free(a, b) or (a > 0 and text[a - 1].isalnum()):
            continue
        head = text[a:b]
        nxt = re.match(r"\s+(\S+)", text[b:end])
        complete = head in ("Văn phòng Bộ", "Thanh tra Bộ")  # the head is the whole name
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
            stop = _name_end(text, b, end, known_starts, unit=kind == "unit")
        if (not complete and stop <= b + 1) or not free(a, stop):
            continue
        name = " ".join(text[a:stop].split())
        if kind == "unit":
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
        out.append(Mention(agency, a, stop, text[a:stop]))
        taken.append((a, stop))
    out.sort(key=lambda m: m.start)
    return out
