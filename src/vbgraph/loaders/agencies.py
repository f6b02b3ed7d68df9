"""Agency mentions: gazetteer matching on text and diacritics-insensitive lookups.

Matching runs an Aho-Corasick automaton (``pyahocorasick``) over the *skeleton*
of the text: every letter and digit folded to lower-case ASCII
(``Sở Ngoại vụ`` -> ``songoaivu``), everything else dropped.  Aliases are
reduced the same way, so a match is blind to case, tone marks, spacing,
punctuation and glued words (``SởNgoại vụ``, ``Sở: Ngoại vụ``,
``Sở Lao động-Thương binh và Xãhội``) while every skeleton character still
knows its index in the text, which gives exact spans.  A match
must start at a word boundary (or a lower->upper case change, as in
``vàUBND``); short aliases must also end at one.

The automaton replaced a spaCy ``PhraseMatcher`` over a ``Doc`` of one token per
skeleton character (same matches: every occurrence, overlapping ones too, taken
by start then length): measured on the 187 texts of ``bench/identical.py``, the
exact matching itself runs x22 faster, ``find_mentions`` as a whole (with near
matches found through intact alias pieces, translate-table folds) x10-12, and a
matcher builds in ~6 ms instead of ~80 ms (plus ~1 s to import spaCy).
Then (same output): word-boundary and case checks read from one flags byte per
skeleton character and text indices from base-128 digit planes, both built by bytes work
(:func:`_layout`), near-match starts filtered through one bytearray, and the open-class
heads found from one regex scan (:class:`_Heads`): ``find_mentions`` + ``open_mentions``
about x1.3 less CPU again.

Public API:

* :func:`fold` -- lower-case, no diacritics, ``đ`` -> ``d``, spaces collapsed.
* :func:`find_mentions` -- every agency mention in a text, scoped to a province.
* :func:`find_agency` / :func:`lookup_agencies` -- resolve a user's query
  (``"So Ngoai vu"``, ``"Sở KH&ĐT"``) to canonical agencies.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from itertools import compress, pairwise
from operator import ne
from typing import Protocol

import ahocorasick

from vbgraph.loaders.gazetteer import ENTRIES, AgencyEntry
from vbgraph.lookup import fold_name

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
    data = _encode(text)
    if data is None:
        return _SAME_LENGTH.translate(text)
    return codecs.charmap_decode(data.translate(_FOLD_BYTES), "strict", _DECODING)[0]


def _fold_char(ch: str) -> str:
    if ch in "đĐ":
        return "d"
    decomposed = unicodedata.normalize("NFD", ch)
    base = "".join(c for c in decomposed if not unicodedata.combining(c))
    return base.lower()


class _CharTable:
    """A plain-dict ``str.translate`` table, filled with each character on first sight.

    (A plain dict translates about twice as fast as a dict subclass with ``__missing__``;
    one regex scan finds the characters not in it yet.)
    """

    def __init__(self, rule: Callable[[str], str]) -> None:
        self._rule = rule
        self._codes: dict[int, str] = {}
        self._unseen = re.compile(r"(?s:.)")
        self._learn({chr(c) for c in range(128)})

    def _learn(self, chars: set[str]) -> None:
        for ch in chars:
            self._codes[ord(ch)] = self._rule(ch)
        known = "".join(sorted(chr(c) for c in self._codes))
        self._unseen = re.compile("[^" + re.escape(known) + "]")

    def translate(self, text: str) -> str:
        if self._unseen.search(text):
            self._learn(set(text))
        return text.translate(self._codes)


def _same_length_char(ch: str) -> str:
    if ord(ch) < 128:
        return ch.lower()
    f = _fold_char(ch)
    return f[0] if len(f) >= 1 else " "


def _skeleton_chars(ch: str) -> str:
    """What one character of a text leaves in its skeleton (zero, one or more characters)."""
    if not ch.isalnum():
        return "&" if ch == "&" else ""
    f = _fold_char(ch) if ord(ch) > 127 else ch.lower()
    return "".join(c for c in f if c.isalnum())


def _skeleton_char(ch: str) -> str:
    """The one skeleton character ``ch`` leaves; ``\\x00`` if none, ``\\x02`` if a letter
    leaves none or several (a Hangul syllable: three jamo)."""
    kept = _skeleton_chars(ch)
    if len(kept) == 1:
        return kept
    return "\x02" if ch.isalnum() else "\x00"


_SAME_LENGTH = _CharTable(_same_length_char)
_SKELETON = _CharTable(_skeleton_char)

# --- one byte per character: the folds as C-level bytes work -------------------------------
# ``str.translate`` with a dict looks every non-ASCII character up in Python.  Nearly every
# text is written in ASCII, Vietnamese letters and a little punctuation: fewer than 256
# characters, which a charmap codec encodes to one byte each in C.  The folds are then
# ``bytes.translate`` calls; a text with any other character takes the tables above.

_TONES = ("", "\u0300", "\u0301", "\u0303", "\u0309", "\u0323")
#: Common punctuation of Vietnamese documents (each folds to itself and leaves no skeleton).
_PUNCTUATION = "\xa0“”‘’…–—•·°«»"


def _vietnamese_letters() -> str:
    """Every precomposed Vietnamese letter outside ASCII, lower and upper case."""
    lower = {unicodedata.normalize("NFC", b + t) for b in "aăâeêioôơuưy" for t in _TONES} | {"đ"}
    return "".join(sorted(c for c in lower | {c.upper() for c in lower} if ord(c) > 127))


def _byte_alphabet() -> str:
    """The characters given a byte (their index): ``\x00`` first, then those whose folds
    stay inside the alphabet and leave at most one ASCII skeleton character."""
    chars = "\t\n\r" + "".join(map(chr, range(32, 127))) + _vietnamese_letters() + _PUNCTUATION
    kept = "\x00" + "".join(
        c for c in chars if _same_length_char(c) in chars and _skeleton_char(c) < "\x80"
    )
    assert len(kept) <= 256
    return kept


_ALPHABET = _byte_alphabet()
_DECODING = _ALPHABET.ljust(256, "\ufffe")  # "\ufffe": no character
_ENCODING = codecs.charmap_build(_DECODING)
_FOLD_BYTES = bytes(_ALPHABET.index(_same_length_char(c)) for c in _ALPHABET).ljust(256, b"\0")
_SKELETON_BYTES = bytes(ord(_skeleton_char(c)) for c in _ALPHABET).ljust(256, b"\0")
_OUTSIDE = "vbgraph.outside-alphabet"


def _outside(error: UnicodeError) -> tuple[str, int]:
    """Codec error handler: byte 0 for each character outside the alphabet."""
    assert isinstance(error, UnicodeEncodeError)
    return "\x00" * (error.end - error.start), error.end


codecs.register_error(_OUTSIDE, _outside)


def _encode(text: str) -> bytes | None:
    """``text`` as one byte per character of :data:`_ALPHABET`; None if one is outside it
    (or is ``\x00``: both encode to byte 0)."""
    data = codecs.charmap_encode(text, _OUTSIDE, _ENCODING)[0]
    return None if b"\0" in data else data


def skeleton(text: str, start: int = 0, end: int | None = None) -> tuple[str, list[int]]:
    """Folded letters and digits of ``text[start:end]`` and, for each, its index in ``text``.

    A same-length fold (``\x00`` where nothing is kept) by ``bytes.translate`` (or by
    ``str.translate`` outside the byte alphabet), then C-level filtering; a letter that
    folds to none or several characters sends the text down the character-by-character path.
    """
    part = text[start:end] if start or end is not None else text
    data = _encode(part)
    if data is not None:
        kept_bytes = data.translate(_SKELETON_BYTES)
        skel = kept_bytes.replace(b"\0", b"").decode("ascii")
        return skel, list(compress(range(start, start + len(part)), kept_bytes))
    kept = _SKELETON.translate(part)
    if "\x02" in kept:
        return _skeleton_slow(part, start)
    skel = kept.replace("\x00", "")
    if kept.isascii():
        index = list(compress(range(start, start + len(part)), kept.encode("ascii")))
    else:  # non-Latin letters and digits are kept as they are
        index = [i for i, c in enumerate(kept, start) if c != "\x00"]
    return skel, index


def _skeleton_slow(text: str, offset: int) -> tuple[str, list[int]]:
    chars: list[str] = []
    index: list[int] = []
    for i, ch in enumerate(text, offset):
        for c in _skeleton_chars(ch):
            chars.append(c)
            index.append(i)
    return "".join(chars), index


def _alias_skeleton(alias: str) -> str:
    return skeleton(alias)[0]


# --- what matching needs of each skeleton character, computed by C-level bytes work --------
# A match of ``find`` is checked at its first and last skeleton characters only (word
# boundaries, case), and only the spans that pass need text indices.  So instead of a list of
# every character's text index, a text part gets one flags byte per skeleton character, built
# from one class byte per text character with ``bytes.translate`` and big-integer ORs, and
# its text indices as base-128 digit planes (one byte per skeleton character each).

#: Flags of a skeleton character (see :func:`_flags`).
_LEFT = 1  # its text character starts a word (``_left_boundary``): a match may start here
_UPPER = 2  # its text character is upper case
_RIGHT = 4  # a word ends after its text character (``_right_boundary``)
_FIRST = 8  # the first skeleton character its text character leaves (one but after Hangul)

#: Character classes: not kept in the skeleton, ``&``, lower-case, upper-case, caseless
#: (digits) letters or digits.
_GAP, _AMP, _LOW, _UP, _CASELESS = range(5)


def _char_class(ch: str) -> int:
    if not ch.isalnum():
        return _AMP if ch == "&" else _GAP
    if ch.isupper():
        return _UP
    return _LOW if ch.islower() else _CASELESS


def _class_table(value: Callable[[int], int]) -> bytes:
    """A ``bytes.translate`` table over class bytes."""
    return bytes(value(c) if c <= _CASELESS else 0 for c in range(256))


#: A class as the previous character (bits 5-6: not alnum, lower, other), as the current
#: one (bits 2-4: the class), as the next one (bits 0-1: not alnum, upper, other).
_AS_PREV = _class_table(lambda c: 0 if c <= _AMP else 32 if c == _LOW else 64)
_AS_CUR = _class_table(lambda c: c << 2)
_AS_NEXT = _class_table(lambda c: 0 if c <= _AMP else 1 if c == _UP else 2)


def _flags_of(code: int) -> int:
    """The flags of a (previous, current, next) class code; its current class is kept."""
    prev, cur, nxt = code >> 5, code >> 2 & 7, code & 3
    left = prev == 0 or (prev == 1 and cur == _UP)
    right = nxt == 0 or (cur == _LOW and nxt == 1)
    return _LEFT * left | _UPPER * (cur == _UP) | _RIGHT * right | _FIRST


_FLAGS = bytes(_flags_of(code) if code >> 2 & 7 else 0 for code in range(256))
#: Codes of characters not kept (dropped by the translation to flags).
_DROPPED = bytes(code for code in range(128) if not code >> 2 & 7)
#: Skeleton characters a near match may start at (before exact matches are taken out).
_STARTS = bytes(1 if f & _LEFT and f & _FIRST else 0 for f in range(256))
_CLASS_BYTES = bytes(_char_class(c) for c in _ALPHABET).ljust(256, b"\0")
_CLASSES = _CharTable(lambda ch: chr(_char_class(ch)))


def _flags(classes: bytes) -> bytes:
    """Flags of each kept character of a text part, from its class bytes (``classes``).

    Each character's code joins its previous, own and next classes: three translations
    and two one-byte shifts ORed as big integers, then one translation to flags.
    """
    size = len(classes)
    prev = b"\0" + classes[:-1].translate(_AS_PREV)  # the part's start starts a word
    nxt = classes[1:].translate(_AS_NEXT) + b"\0"  # and its end ends one
    code = int.from_bytes(prev) | int.from_bytes(classes.translate(_AS_CUR)) | int.from_bytes(nxt)
    return code.to_bytes(size).translate(_FLAGS, _DROPPED)


#: Bit 7 on each character not kept, to drop it from a digit plane.
_GONE = _class_table(lambda c: 0 if c else 128)
_HIGH = bytes(range(128, 256))
_PERIOD = 128 * 128
_DIGITS = (
    bytes(range(128)) * 128,  # p % 128 for p < 128**2
    bytes(v for v in range(128) for _ in range(128)),  # p // 128 % 128
)


def _digits(k: int, size: int) -> bytes:
    """The ``k``-th base-128 digit of each of ``0 .. size - 1``, one byte each."""
    if k < len(_DIGITS):
        return (_DIGITS[k] * (size // _PERIOD + 1))[:size]
    run = 128**k
    return b"".join(bytes([v % 128]) * run for v in range(-(-size // run)))[:size]


class _Positions:
    """Text index of each kept character of a part, as base-128 digit planes: one byte per
    kept character and digit, each plane filtered by one ``bytes.translate`` (a list of
    every index costs ~10x more to build; ``find`` reads a few of them)."""

    __slots__ = ("_planes", "_start")

    def __init__(self, classes: bytes, start: int) -> None:
        size = len(classes)
        gone = int.from_bytes(classes.translate(_GONE))
        planes = []
        k = 0
        while k == 0 or 128**k < size:
            digits = int.from_bytes(_digits(k, size)) | gone
            planes.append(digits.to_bytes(size).translate(None, _HIGH))
            k += 1
        self._planes = planes[::-1]  # most significant first
        self._start = start

    def __getitem__(self, i: int) -> int:
        p = 0
        for plane in self._planes:
            p = p << 7 | plane[i]
        return self._start + p


class _Index(Protocol):
    def __getitem__(self, i: int, /) -> int: ...


@dataclass(frozen=True, slots=True)
class _Layout:
    """A text part's skeleton, the text index and the flags of each of its characters."""

    skel: str
    index: _Index
    flags: bytes
    shared: bool  # whether some text characters leave several skeleton characters

    def char_start(self, i: int) -> int:
        """The first skeleton character left by the text character that leaves the ``i``-th."""
        if self.shared:
            a = self.index[i]
            while i > 0 and self.index[i - 1] == a:
                i -= 1
        return i


def _layout(text: str, start: int, end: int) -> _Layout:
    """The layout of ``text[start:end]`` (the same skeleton and indices as :func:`skeleton`)."""
    part = text[start:end] if start or end != len(text) else text
    data = _encode(part)
    if data is not None:
        skel = data.translate(_SKELETON_BYTES).replace(b"\0", b"").decode("ascii")
        classes = data.translate(_CLASS_BYTES)
    else:
        kept = _SKELETON.translate(part)
        if "\x02" in kept:
            return _layout_slow(text, start, end)
        skel = kept.replace("\x00", "")
        classes = _CLASSES.translate(part).encode("ascii")
    if not skel:
        return _Layout("", [], b"", False)
    return _Layout(skel, _Positions(classes, start), _flags(classes), False)


def _layout_slow(text: str, start: int, end: int) -> _Layout:
    """:func:`_layout` when a letter leaves several skeleton characters (or none)."""
    skel, index = _skeleton_slow(text[start:end], start)
    flags = bytearray()
    for i, a in enumerate(index):
        f = _FIRST if i == 0 or index[i - 1] != a else 0
        f |= _LEFT if _left_boundary(text, a, start) else 0
        f |= _UPPER if text[a].isupper() else 0
        f |= _RIGHT if _right_boundary(text, a + 1, end) else 0
        flags.append(f)
    return _Layout(skel, index, bytes(flags), True)


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


def city_name(province: str | None) -> str | None:
    """The bare name of a centrally-run city (``Thành phố Hồ Chí Minh`` -> ``Hồ Chí Minh``)."""
    if not province:
        return None
    bare = re.sub(r"^(?:[Tt]hành phố|TP\.?)\s+", "", province)
    return bare if bare in CITIES else None


def expand(template: str, province: str | None) -> str | None:
    city = city_name(province)
    if city:
        template = city_form(template)
        province = city
    if "{province}" not in template:
        return template
    if not province:
        return None
    return template.replace("{province}", province)


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
        self._exact = ahocorasick.Automaton()
        #: Long uncased aliases, in skeleton order (the order that breaks fuzzy ties).
        self._fuzzy_aliases: list[_FuzzyAlias] = []
        pieces: dict[str, dict[int, list[int]]] = {}
        for skel, pattern in sorted(by_skel.items()):
            # the flags its first and its last character need
            need_start = _LEFT | (_UPPER if pattern.cased else 0)
            need_end = _RIGHT if len(skel) < _SHORT else 0
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

    def find(self, text: str, start: int = 0, end: int | None = None) -> list[Mention]:
        """Non-overlapping mentions in ``text[start:end]``, longest first, in text order."""
        end = len(text) if end is None else end
        lay = _layout(text, start, end)
        if not lay.skel:
            return []
        exact = self._exact_spans(lay)
        index = lay.index
        candidates = [(index[s], index[e - 1] + 1, pattern) for s, e, pattern in exact]
        candidates.extend(self._fuzzy(lay, exact))
        candidates.sort(key=lambda c: (c[0] - c[1], c[0]))
        taken = bytearray(end - start + 1)  # mentions are never empty: overlap = a taken char
        found: list[Mention] = []
        for a, b, pattern in candidates:
            if taken.find(1, a - start, b - start) >= 0:
                continue
            taken[a - start : b - start] = b"\x01" * (b - a)
            found.append(Mention(pattern.agency, a, b, text[a:b]))
        found.sort(key=lambda m: m.start)
        return found

    def _exact_spans(self, lay: _Layout) -> list[tuple[int, int, _Pattern]]:
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
        self, lay: _Layout, exact: list[tuple[int, int, _Pattern]]
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

    def _fuzzy_starts(self, lay: _Layout, exact: list[tuple[int, int, _Pattern]]) -> bytearray:
        """1 at each skeleton position (after :attr:`_pad` zeros) a near match may start at:
        the first skeleton character of a word's text character, outside exact matches."""
        pad = self._pad
        starts = bytearray(pad) + lay.flags.translate(_STARTS)
        for s, e, _ in exact:
            s = lay.char_start(s)
            starts[pad + s : pad + e] = bytes(e - s)
        return starts


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
        "day nhanh", "hoan thanh", "nang cao", "tiep tuc", "thuc day", "tuyen truyen",
        "tham gia", "de xuat", "bo tri", "van dong",
    }
)  # fmt: skip
#: Verb pairs that also name what a unit does (``Viện Quy hoạch xây dựng Hà Nội``,
#: ``Trung tâm Nghiên cứu ... tỉnh``): inside a unit's name when its locality follows.
_UNIT_NAME_PAIRS = frozenset({"xay dung", "nghien cuu", "tong hop", "ho tro", "cung cap"})
_NAME_STOP_WORDS = frozenset({"là", "để", "tại", "nhằm", "thì", "được", "sẽ", "phải", "khi", "nếu"})
#: After "và", a capitalised word of one of these starts the next agency, not the same name.
_AGENCY_HEADS = frozenset(
    {
        "so", "ubnd", "uy", "ban", "bo", "cuc", "vu", "van", "bao", "dai", "cong", "tap",
        "lien", "hoi", "trung", "chi", "ngan", "kho", "thanh", "tinh", "dang", "vien",
        "phong", "cang", "tong",
    }
)  # fmt: skip
_AFTER_VA_GENERIC = frozenset({"co", "don", "so", "nganh", "to", "dia", "huyen", "doan", "hoi"})
_TOKEN = re.compile(r"[^\s,;:.()\[\]\"“”|]+|[,;:.()\[\]\"“”|]|\n")
#: Heads below start ``X(?<!\wX)``, not ``\bX``: the same word-start test, but the
#: regex engine can then skip ahead to the next possible first letter (about x3 faster).
_OPEN_HEAD = re.compile(r"(B(?<!\wB)an [Qq]uản lý|B(?<!\wB)áo|T(?<!\wT)ạp chí)(?=\s)")
#: Heads of public-service and branch units (local unless the name says "Việt Nam"):
#: ``Trung tâm Khuyến nông tỉnh``, ``Chi cục Kiểm lâm``, ``Viện Quy hoạch thành phố``.
_UNIT_OF_PROVINCE_HEAD = re.compile(r"(T(?<!\wT)rung tâm|C(?<!\wC)hi cục|V(?<!\wV)iện)(?=\s)")
#: Heads whose whole name is a proper noun: ``Cảng vụ Hàng hải Vũng Tàu``,
#: ``Bộ Tư lệnh Vùng 2 Hải quân``, ``Tổng cục Hải quan``, ``Cục Đăng kiểm Việt Nam``.
_PROPER_HEAD = re.compile(
    r"(C(?<!\wC)ảng vụ|B(?<!\wB)ộ Tư lệnh|T(?<!\wT)ổng cục|C(?<!\wC)ục)(?=\s)"
)
#: Words after which a unit's name stops: its locality (``tỉnh``, ``thành phố``, ...).
_LOCALITY = re.compile(r"\s(tỉnh|thành phố|huyện|quận|thị xã|Việt Nam)(?=$|[\s,;.:)])")
#: A named district-level People's Committee: ``UBND huyện Cát Hải``, ``UBND thị xã Sơn Tây``
#: (the name itself is read as the capitalised words that follow).
_DISTRICT_UBND = re.compile(
    r"(?:U(?<!\wU)BND|Ủ(?<!\wỦ)y ban nhân dân|U(?<!\wU)ỷ ban nhân dân)"
    r"\s+(huyện|quận|thị xã|thành phố)[ \t]+(?=\w)"
)
#: A district office named for every district: ``Phòng Tài chính - Kế hoạch các huyện, thành phố``,
#: ``Trung tâm Y tế các huyện, thị xã, thành phố``.
_DISTRICT_OFFICES = re.compile(
    r"(?P<head>P(?<!\wP)hòng|T(?<!\wT)rung tâm)\s+(?P<name>\w[^\n.;:,()]{2,80}?)\s+"
    r"(?:các\s+(?:quận,\s*)?huyện(?:\s*,\s*(?:thị xã|thị|thành phố|quận))*(?:\s+và\s+thành phố)?"
    r"|cấp huyện)(?=$|[\s,;.:)])"
)
#: The other districts named after one: ``... và các quận, huyện``, ``..., các huyện``.
_AND_DISTRICTS = re.compile(
    r"(?:\s*,\s*|\s+và\s+)(?P<rest>các\s+(?:quận|huyện|thị xã)"
    r"(?:(?:\s*,\s*|\s+và\s+)(?:quận|huyện|thị xã|thành phố))*)(?=$|[\s,;.:)])"
)
_UNIT_HEAD = re.compile(
    r"(V(?<!\wV)ụ|C(?<!\wC)ục|V(?<!\wV)ăn phòng Bộ|T(?<!\wT)hanh tra Bộ)(?=[\s,;.)]|$)"
)
#: A ministry's own units as one body: ``các đơn vị thuộc Bộ``, ``các Vụ, Cục liên quan``,
#: ``các Vụ, Cục, đơn vị thuộc Bộ``.
_UNITS_OF_MINISTRY = re.compile(
    r"(?:C(?<!\wC)|c(?<!\wc))ác (?:đơn vị (?:trực )?thuộc Bộ\b"
    r"|(?:Vụ|Cục|Tổng cục)(?:\s*,\s*(?:Vụ|Cục|Tổng cục|đơn vị))+"
    r"(?:\s+(?:(?:trực\s+)?thuộc\s+Bộ|liên quan|có liên quan))?(?=$|[\s,;.:)]))"
)
_ALL_PROVINCES = re.compile(r"\s+các tỉnh, thành phố trực thuộc Trung ương")
_DISTRICT_COLLECTIVE = "các huyện, thị xã, thành phố"
#: The province's (city's) own People's Committee, as the gazetteer names it.
_COMMITTEE = frozenset({"UBND tỉnh", "UBND thành phố"})
#: Lower-case words that may not continue a proper name after its capitalised words.
_NOT_IN_NAME = frozenset({"và", "với", "của", "tại", "các", "cho", "theo", "về", "để", "trong"})


#: Where a match of a head pattern above can start: the first letter of its first word, at
#: a word start, followed by the word's next letters.  One scan for them all (the engine
#: skips to these letters), then each pattern tried only there (:class:`_Heads`).
_HEAD_START = re.compile(
    r"[BCPTUVcỦ](?<!\w.)(?=an |áo|ạp chí|rung tâm|hi cục|iện|ảng vụ|ộ Tư lệnh|ổng cục|ục|BND"
    r"|y ban|ỷ ban|hòng|ụ|ăn phòng Bộ|hanh tra Bộ|ác )"
)


class _Heads:
    """The head patterns' matches in ``text[start:end]``, found from one scan of where any
    of them can start (:data:`_HEAD_START`): each pattern gives what its ``finditer`` would
    (leftmost matches, none overlapping), about x4 faster than one scan per pattern."""

    def __init__(self, text: str, start: int, end: int) -> None:
        self.text, self.start, self.end = text, start, end
        self._starts = [m.start() for m in _HEAD_START.finditer(text, start, end)]

    def finditer(self, pattern: re.Pattern[str]) -> list[re.Match[str]]:
        out: list[re.Match[str]] = []
        free = self.start
        for pos in self._starts:
            if pos >= free:
                m = pattern.match(self.text, pos, self.end)
                if m:
                    out.append(m)
                    free = m.end()
        return out


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
        if words and prev not in ("về", "và") and pair in _NAME_STOP_PAIRS - lenient:
            break
        if tok.lower() in _NAME_STOP_WORDS:
            break
        if f == "va" and tokens.has(k + 1):
            nxt = tokens[k + 1][2]
            nf = fold_name(nxt)
            if tokens[k + 1][0] in known_starts or (nxt[:1].isupper() and nf in _AGENCY_HEADS):
                break
            if (
                nf == "cac"
                and tokens.has(k + 2)
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
        if any(w in _NOT_IN_NAME for w in run):
            break
        pair = fold_name(" ".join(run[:2]))
        if len(run) <= 2 and _is_name_word(nxt) and pair not in _NAME_STOP_PAIRS:
            end, k = tokens[j - 1][1], j
            continue
        # the second syllable of a capitalised word (``Hải quân``), not a verb after a
        # place name (``Vũng Tàu đẩy nhanh``): only after a lone capitalised syllable
        caps = 0
        while caps < k and tokens[k - 1 - caps][2][:1].isupper():
            caps += 1
        if caps == 1 and pair not in _NAME_STOP_PAIRS:
            end = e
        break
    return end


def _local_unit_end(
    text: str, pos: int, limit: int, known_starts: set[int], province: str | None
) -> int:
    """Where a local unit's name ends: after its locality (``... tỉnh``, ``... thành phố
    Vinh``, ``... Hà Nội``) when one comes before the verb, else where the words stop."""
    wide = _name_end(text, pos, limit, known_starts, unit=False, lenient=_UNIT_NAME_PAIRS)
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
) -> list[Mention]:
    """``UBND huyện Cát Hải`` and ``Phòng X các huyện, thị xã, thành phố``."""
    end = heads.end
    out: list[Mention] = []
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
        out.append(Mention(agency, m.start(), stop, text[m.start() : stop]))
        # "UBND thành phố Thủ Đức và các quận, huyện": the rest are every district's UBND
        rest = _AND_DISTRICTS.match(text, stop, end)
        if rest:
            found = [x for x in find_mentions("UBND các huyện", province) if x.start == 0]
            if found:
                a = rest.start("rest")
                out.append(Mention(found[0].agency, a, rest.end(), text[a : rest.end()]))
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
        out.append(Mention(agency, m.start(), m.end(), m.group(0)))
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
    known: list[Mention],
    start: int = 0,
    end: int | None = None,
) -> list[Mention]:
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
            out[i] = Mention(
                Agency(name, None, True, "central", "collective"),
                m.start,
                tail.end(),
                text[m.start : tail.end()],
            )
    found = _Heads(text, start, end)
    for m in _district_mentions(text, province, found, known_starts):
        # "UBND thành phố Thủ Đức" is a district's committee, not the city's "UBND thành phố"
        inside = [
            k for k in out if k.agency.name in _COMMITTEE and m.start <= k.start and k.end <= m.end
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
        out.append(Mention(agency, a, stop, text[a:stop]))
        taken.append((a, stop))
    out.sort(key=lambda m: m.start)
    return out
