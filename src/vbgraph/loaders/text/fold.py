"""Folding: the one place that decides how a character compares without its marks or case.

Every fold is built on one character rule, :func:`bare`: the character's canonical
decomposition without combining marks, ``đ``/``Đ`` as ``d``/``D``
(``ộ`` -> ``o``, ``Ư`` -> ``U``).  From it:

* :func:`strip_diacritics` -- the rule over a text, case kept;
* :func:`fold_name` -- no diacritics, case-folded, whitespace runs as one space: what a
  user types finds what the store holds (``fold_name("Sở Ngoại vụ") == "so ngoai vu"``);
* :func:`fold_same_length` -- lower case and no diacritics, one output character per
  input character, so that a regex over the folded text gives offsets into the text;
* :func:`skeleton_char` -- what a character leaves in the letters-and-digits skeleton
  the agency automaton runs on (:mod:`vbgraph.loaders.find.agencies.skeleton`);
* :func:`fold_case` -- lower case and whitespace only, diacritics kept (provinces).

Speed: folding runs over every document, so the per-character rules fill
``str.translate`` tables on first sight of each character, and texts made only of
ASCII, Vietnamese letters and common punctuation (:data:`ALPHABET`, fewer than 256
characters) are folded as bytes: :func:`encode` gives one byte per character in C and
``bytes.translate`` does the rest (bench/README.md has the measurements).
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from collections.abc import Callable


def bare(ch: str) -> str:
    """``ch`` without its diacritics: canonical decomposition less combining marks."""
    if ch in "đĐ":
        return "d" if ch == "đ" else "D"
    return "".join(c for c in unicodedata.normalize("NFD", ch) if not unicodedata.combining(c))


class CharTable:
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


class _BareTable(dict[int, str]):
    """``str.translate`` table of :func:`bare`, filled on first sight of each character
    (any character may come: a dict subclass has no regex of known characters to grow)."""

    def __missing__(self, code: int) -> str:
        out = self[code] = bare(chr(code))
        return out


_STRIP = _BareTable()


def strip_diacritics(text: str) -> str:
    """Remove Vietnamese diacritics (``đ`` -> ``d``), keep everything else.

    Dropping every combining mark makes NFD's canonical reordering irrelevant, so
    stripping character by character equals stripping the NFD of the whole text.
    """
    return text if text.isascii() else text.translate(_STRIP)


#: Folded words, by word: names and task texts are made of a few thousand distinct words
#: (bench/README.md, finding I8).  Bounded; past the bound words are folded without
#: being kept.
_WORD_FOLDS: dict[str, str] = {}
_WORD_FOLDS_MAX = 200_000


def fold_name(text: str) -> str:
    """Case-, diacritics- and spacing-insensitive form of a name.

    Equal to ``" ".join(strip_diacritics(text).casefold().split())``, folded word by
    word: folding maps each character on its own, a space to spaces and anything else
    to no space (``tests/test_lookup.py`` checks every code point), so the words of the
    folded text are the folded words, less those that fold to nothing.
    """
    folds = _WORD_FOLDS
    out = []
    for word in text.split():
        folded = folds.get(word)
        if folded is None:
            folded = strip_diacritics(word).casefold()
            if len(folds) < _WORD_FOLDS_MAX:
                folds[word] = folded
        if folded:
            out.append(folded)
    return " ".join(out)


def fold_case(text: str) -> str:
    """Lower case (NFC) with whitespace runs as one space; diacritics kept."""
    return " ".join(unicodedata.normalize("NFC", text).lower().split())


def same_length_char(ch: str) -> str:
    """The one character ``ch`` folds to in :func:`fold_same_length` (a space if none)."""
    if ord(ch) < 128:
        return ch.lower()
    f = bare(ch).lower()
    return f[0] if f else " "


def skeleton_chars(ch: str) -> str:
    """What one character of a text leaves in its skeleton (zero, one or more characters):
    letters and digits folded to lower case, ``&`` kept, everything else dropped."""
    if not ch.isalnum():
        return "&" if ch == "&" else ""
    f = bare(ch).lower() if ord(ch) > 127 else ch.lower()
    return "".join(c for c in f if c.isalnum())


def skeleton_char(ch: str) -> str:
    """The one skeleton character ``ch`` leaves; ``\\x00`` if none, ``\\x02`` if a letter
    leaves none or several (a Hangul syllable: three jamo)."""
    kept = skeleton_chars(ch)
    if len(kept) == 1:
        return kept
    return "\x02" if ch.isalnum() else "\x00"


_SAME_LENGTH = CharTable(same_length_char)

# --- one byte per character ---------------------------------------------------------------

_TONES = ("", "\u0300", "\u0301", "\u0303", "\u0309", "\u0323")
#: Common punctuation of Vietnamese documents (each folds to itself and leaves no skeleton).
_PUNCTUATION = "\xa0“”‘’…–—•·°«»"


def _vietnamese_letters() -> str:
    """Every precomposed Vietnamese letter outside ASCII, lower and upper case."""
    lower = {unicodedata.normalize("NFC", b + t) for b in "aăâeêioôơuưy" for t in _TONES} | {"đ"}
    return "".join(sorted(c for c in lower | {c.upper() for c in lower} if ord(c) > 127))


def _byte_alphabet() -> str:
    """The characters given a byte (their index): ``\\x00`` first, then those whose folds
    stay inside the alphabet and leave at most one ASCII skeleton character."""
    chars = "\t\n\r" + "".join(map(chr, range(32, 127))) + _vietnamese_letters() + _PUNCTUATION
    kept = "\x00" + "".join(
        c for c in chars if same_length_char(c) in chars and skeleton_char(c) < "\x80"
    )
    assert len(kept) <= 256
    return kept


#: The characters :func:`encode` gives one byte each (their index in this string).
ALPHABET = _byte_alphabet()
#: The charmap decoding table of :data:`ALPHABET` (``\ufffe``: no character).
DECODING = ALPHABET.ljust(256, "\ufffe")
_ENCODING = codecs.charmap_build(DECODING)
_FOLD_BYTES = bytes(ALPHABET.index(same_length_char(c)) for c in ALPHABET).ljust(256, b"\0")


def byte_table(rule: Callable[[str], int]) -> bytes:
    """A ``bytes.translate`` table giving each :data:`ALPHABET` byte ``rule(character)``."""
    return bytes(rule(c) for c in ALPHABET).ljust(256, b"\0")


def encode(text: str) -> bytes | None:
    """``text`` as one byte per character of :data:`ALPHABET`; None if one is outside it
    (``\\x00`` included)."""
    try:
        data = codecs.charmap_encode(text, "strict", _ENCODING)[0]
    except UnicodeEncodeError:
        return None
    return None if b"\0" in data else data


def fold_same_length(text: str) -> str:
    """Lower case, no diacritics, one output character per input character."""
    data = encode(text)
    if data is None:
        return _SAME_LENGTH.translate(text)
    return codecs.charmap_decode(data.translate(_FOLD_BYTES), "strict", DECODING)[0]
