"""The skeleton of a text, which the agency automaton runs on, with what matching needs.

The skeleton keeps every letter and digit folded to lower-case ASCII and drops the rest
(``Sở Ngoại vụ`` -> ``songoaivu``; :func:`vbgraph.loaders.text.fold.skeleton_char`), and
each skeleton character keeps its index in the text, so a match gives an exact span.

A match is checked at its first and last skeleton characters only (word boundaries, case),
and only the spans that pass need text indices.  So instead of a list of every character's
text index, :func:`layout` gives a text part one *flags* byte per skeleton character, built
from one class byte per text character with ``bytes.translate`` and big-integer ORs, and its
text indices as base-128 digit planes (:class:`_Positions`, one byte per skeleton character
and digit).  A text with a character outside the byte alphabet takes the same rules one
character at a time (:func:`_layout_slow`); ``tests/test_agencies.py`` checks both agree.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from itertools import compress
from typing import Protocol

from vbgraph.loaders.text.fold import CharTable, byte_table, encode, skeleton_char, skeleton_chars

_SKELETON = CharTable(skeleton_char)
_SKELETON_BYTES = byte_table(lambda c: ord(skeleton_char(c)))


def skeleton(text: str, start: int = 0, end: int | None = None) -> tuple[str, list[int]]:
    """Folded letters and digits of ``text[start:end]`` and, for each, its index in ``text``.

    A same-length fold (``\x00`` where nothing is kept) by ``bytes.translate`` (or by
    ``str.translate`` outside the byte alphabet), then C-level filtering; a letter that
    folds to none or several characters sends the text down the character-by-character path.
    """
    part = text[start:end] if start or end is not None else text
    data = encode(part)
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
        for c in skeleton_chars(ch):
            chars.append(c)
            index.append(i)
    return "".join(chars), index


#: Flags of a skeleton character (see :func:`_flags`).
LEFT = 1  # its text character starts a word (``_left_boundary``): a match may start here
UPPER = 2  # its text character is upper case
RIGHT = 4  # a word ends after its text character (``_right_boundary``)
FIRST = 8  # the first skeleton character its text character leaves (one but after Hangul)

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
    return LEFT * left | UPPER * (cur == _UP) | RIGHT * right | FIRST


_FLAGS = bytes(_flags_of(code) if code >> 2 & 7 else 0 for code in range(256))
#: Codes of characters not kept (dropped by the translation to flags).
_DROPPED = bytes(code for code in range(128) if not code >> 2 & 7)
#: Skeleton characters a near match may start at (before exact matches are taken out).
STARTS = bytes(1 if f & LEFT and f & FIRST else 0 for f in range(256))
_CLASS_BYTES = byte_table(_char_class)
_CLASSES = CharTable(lambda ch: chr(_char_class(ch)))


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
class Layout:
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


def layout(text: str, start: int, end: int) -> Layout:
    """The layout of ``text[start:end]`` (the same skeleton and indices as :func:`skeleton`)."""
    part = text[start:end] if start or end != len(text) else text
    data = encode(part)
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
        return Layout("", [], b"", False)
    return Layout(skel, _Positions(classes, start), _flags(classes), False)


def _layout_slow(text: str, start: int, end: int) -> Layout:
    """:func:`layout` when a letter leaves several skeleton characters (or none)."""
    skel, index = _skeleton_slow(text[start:end], start)
    flags = bytearray()
    for i, a in enumerate(index):
        f = FIRST if i == 0 or index[i - 1] != a else 0
        f |= LEFT if _left_boundary(text, a, start) else 0
        f |= UPPER if text[a].isupper() else 0
        f |= RIGHT if _right_boundary(text, a + 1, end) else 0
        flags.append(f)
    return Layout(skel, index, bytes(flags), True)


#: Centrally-run cities: their bodies say "thành phố" where a province's say "tỉnh"

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

