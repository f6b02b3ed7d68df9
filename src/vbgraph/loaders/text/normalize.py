"""Text normalisation with an offset map back to the original.

Every later stage reads ``NormalizedText.text`` and reports spans through
``NormalizedText.to_original``.  The passes, in order:

1. NFC, non-breaking and zero-width characters (``_nfc``); Markdown emphasis and
   heading marks dropped (``_markdown``); a word segmenter's underscores
   ("Quyết_định") as spaces (``_segmented_words``);
2. page numbers alone on a line inside a running sentence (``_page_numbers``);
3. glued words split at case and letter/digit boundaries and by syllable
   structure: ``SởNgoại`` ``quyếtsố`` ``TWngày`` ``BANHÀNH`` (:mod:`.glue`);
4. one tone-mark convention, ``hoà`` -> ``hòa``, ``UỶ`` -> ``ỦY`` (``_tones``),
   on the words as split;
5. spaces inside document symbols and dates removed: ``45- CTr/TU``,
   ``590 /QĐ-UBND``, ``17 /11/2022``, ``QĐ-- UBND`` (``_symbol_spaces``).

Each pass maps the text and its offsets together, so the composition keeps
``offsets[i]`` = index in the original of normalised character ``i``; the
offsets travel as a few pieces (ranges) and stay so (:class:`~.offsets.OffsetMap`).

For speed each pass looks only at what it may change (graphemes with marks
or odd characters; words ending in a movable tone mark; each distinct
whitespace-separated chunk once, chunks known to hold no glued token skipped,
cuts cached across texts; symbol rules only where a literal scan finds a
spaced slash or dash), leaving the rest to regular expressions.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from functools import cache, lru_cache

from vbgraph.loaders.text.glue import glue
from vbgraph.loaders.text.offsets import Edit, OffsetMap, Offsets, apply_edits
from vbgraph.loaders.text.syllables import (
    TONE_MARKS,
    has_vietnamese_letter,
    is_syllable,
    place_tone,
)
from vbgraph.models import NormalizedText


def normalize(text: str) -> NormalizedText:
    """Return ``text`` normalised, with offsets into ``text``."""
    cur, offs = _nfc(text)
    for step in (_markdown, _segmented_words, _page_numbers, glue, _tones, _symbol_spaces):
        cur, offs = apply_edits(cur, offs, step(cur))
    return NormalizedText(cur, OffsetMap([*offs, (len(text),)]), text)


#: Markdown a crawler saved a portal page as: emphasis ("**2. Yêu cầu**", "*Đơn vị phối
#: hợp: *Sở Nội vụ": a star touching a word on one side) and heading marks ("## Điều 1."),
#: so an item's number or a field's label opens its line.  A star standing alone (a Party
#: letterhead's "*", a "* " bullet) stays.
_MARKDOWN = re.compile(r"\*{2,}|(?<!\S)\*(?=\S)|(?<=\S)\*(?!\S)|^#{1,6}[ \t]+", re.MULTILINE)


def _markdown(text: str) -> Iterable[Edit]:
    if "*" not in text and "#" not in text:
        return
    for m in _MARKDOWN.finditer(text):
        yield m.start(), m.end(), ""


#: An underscore joining two letters: a word segmenter's "Quyết_định", "Ủy_ban nhân_dân".
_JOINED = re.compile(r"(?<=[^\W\d_])_(?=[^\W\d_])")
_JOINED_WORD = re.compile(r"[^\W\d_]+(?:_[^\W\d_]+)+")
#: A text is word-segmented when it has this many joined words, nearly all of syllables.
_SEGMENTED_MIN = 8
_SEGMENTED_SHARE = 0.8


def _segmented_words(text: str) -> Iterable[Edit]:
    """Word-segmented text (NLP datasets join a word's syllables with ``_``): each such
    underscore becomes a space, so cue words ("Căn_cứ") read as written."""
    if "_" not in text:
        return
    words = _JOINED_WORD.findall(text)
    if len(words) < _SEGMENTED_MIN:
        return
    parts = [p for w in words for p in w.split("_")]
    if sum(map(is_syllable, parts)) < _SEGMENTED_SHARE * len(parts):
        return  # identifiers, file names: not a segmenter's output
    for m in _JOINED.finditer(text):
        yield m.start(), m.end(), " "


_INVISIBLE = {"\u200b", "\u200c", "\u200d", "\ufeff", "\u00ad"}
_SPACES = {"\u00a0", "\u2007", "\u202f", "\u2009", "\u3000", "\t"}
_ODD = re.escape("".join(sorted(_INVISIBLE | _SPACES)))
_BEYOND_BMP = "\U00010000-\U0010ffff"


def _nfc(text: str) -> tuple[str, Offsets]:
    """NFC per grapheme (base + combining marks), invisible characters dropped.

    A grapheme is a character and the combining marks after it (a text may also
    open with marks alone); its output characters map to its first character
    (``_nfc_by_grapheme`` is the plain definition).  Only graphemes with marks,
    invisible characters and odd spaces need work: the plain stretches between
    them are copied whole, with the identity map when already in NFC (nearly
    always: most texts have no such grapheme at all).
    """
    first = _special_char().search(text)
    if first is None and unicodedata.is_normalized("NFC", text):
        return text, [range(len(text))] if text else []
    fixes = [] if first is None else _fixes(text, first.start())
    if any(m.lastgroup == "beyond_bmp" for m in fixes):
        out_text, flat = _nfc_by_grapheme(text)  # the table of marks covers the BMP only
        return out_text, [flat] if flat else []
    out: list[str] = []
    offs: list[int] = []  # one flat piece: graphemes with marks come close together
    pos = 0
    for m in fixes:
        start, end = m.span()
        if m.lastgroup == "marks" and start > 0:
            start -= 1  # the character the marks belong to
        if pos < start:
            _copy_plain(text, pos, start, out, offs)
        chars = _grapheme_nfc(text[start:end])
        out.append(chars)
        offs.extend([start] * len(chars))
        pos = end
    if pos < len(text):
        _copy_plain(text, pos, len(text), out, offs)
    return "".join(out), [offs] if offs else []


@cache
def _marks() -> str:
    """The combining characters of the BMP (read from ``unicodedata`` on first use, ~15 ms)."""
    return "".join(c for c in map(chr, range(0x300, 0x10000)) if unicodedata.combining(c))


@cache
def _special_char() -> re.Pattern[str]:
    """A combining mark, an invisible or odd-space character, or one beyond the BMP."""
    return re.compile(f"[{_marks()}{_ODD}{_BEYOND_BMP}]")


@cache
def _graphemes_to_fix() -> re.Pattern[str]:
    """What ``_nfc`` must look at: a character beyond the BMP, an invisible or
    odd-space character with its marks, or marks (on the character before them)."""
    marks = _marks()
    return re.compile(
        f"(?P<beyond_bmp>[{_BEYOND_BMP}])|(?P<odd>[{_ODD}][{marks}]*)|(?P<marks>[{marks}]+)"
    )


def _fixes(text: str, pos: int) -> list[re.Match[str]]:
    """``_graphemes_to_fix().finditer(text, pos)``, each match tried only at a special
    character (every match opens on one, and each one opens a match): the scan for them
    opens on a set, which the engine skips to in C, the alternation does not."""
    special, fix = _special_char().search, _graphemes_to_fix().match
    out = []
    while (s := special(text, pos)) is not None:
        m = fix(text, s.start())
        if m is None:  # pragma: no cover - every special character opens a match
            raise AssertionError(s.start())
        out.append(m)
        pos = m.end()
    return out


def _nfc_by_grapheme(text: str) -> tuple[str, list[int]]:
    """``_nfc`` one grapheme at a time (any text)."""
    out: list[str] = []
    offs: list[int] = []
    i = 0
    while i < len(text):
        j = i + 1
        while j < len(text) and unicodedata.combining(text[j]):
            j += 1
        chars = _grapheme_nfc(text[i:j])
        out.append(chars)
        offs.extend([i] * len(chars))
        i = j
    return "".join(out), offs


@lru_cache(maxsize=4096)
def _grapheme_nfc(grapheme: str) -> str:
    """One grapheme normalised: dropped if invisible, one space if an odd space."""
    if grapheme in _INVISIBLE:
        return ""
    if grapheme in _SPACES:
        return " "
    return unicodedata.normalize("NFC", grapheme)


def _copy_plain(text: str, start: int, end: int, out: list[str], offs: list[int]) -> None:
    """Copy ``text[start:end]``, graphemes of one character each, in NFC."""
    plain = text[start:end]
    if unicodedata.is_normalized("NFC", plain):
        out.append(plain)
        offs.extend(range(start, end))
        return
    for i in range(start, end):
        chars = unicodedata.normalize("NFC", text[i])
        out.append(chars)
        offs.extend([i] * len(chars))


_WORD = re.compile(r"[^\W\d_]+")


def _toned(letters: str) -> str:
    """Each of ``letters`` in both cases, bare and with each tone mark (NFC)."""
    forms = {
        unicodedata.normalize("NFC", c + mark)
        for letter in letters
        for c in (letter, letter.upper())
        for mark in ("", *TONE_MARKS)
    }
    return "".join(sorted(forms))


# ``place_tone`` only moves the one tone mark of an open oa, oe or uy rhyme, so
# only a word ending in one of them (any case, a mark on either letter) can change.
# (Opening on one set, the first letter's, so that the engine skips in C to the next o or
# u; a pattern opening on an alternation of sets is tried at every character.)
_TONE_MOVES = re.compile(
    rf"[{_toned('o')}{_toned('u')}]"
    rf"(?:(?<=[{_toned('o')}])[{_toned('ae')}]|(?<=[{_toned('u')}])[{_toned('y')}])(?![^\W\d_])"
)
_LETTER = re.compile(r"[^\W\d_]")


def _tones(text: str) -> Iterable[Edit]:
    for m in _TONE_MOVES.finditer(text):
        start, end = _word_start(text, m.start()), m.end()
        word = text[start:end]
        after = text[end : end + 1]
        if not has_vietnamese_letter(word) or (after and unicodedata.combining(after)):
            continue  # a stray second mark: leave the word as written
        placed = place_tone(word)
        if placed != word and len(placed) == len(word):
            yield start, end, placed


def _word_start(text: str, pos: int) -> int:
    """Start of the word (``_WORD``) holding ``text[pos]``."""
    while pos > 0 and _LETTER.match(text, pos - 1):
        pos -= 1
    return pos


# A line holding only a small number, between two lines of one running sentence
# (the next line starts in lower case): a page number left by PDF extraction.
_PAGE_LINE = re.compile(r"\n[ \t]*\d{1,3}[ \t]*(?=\n[ \t]*[^\W\d_])")


def _page_numbers(text: str) -> Iterable[Edit]:
    for m in _PAGE_LINE.finditer(text):
        nxt = text[m.end() + 1 :].lstrip(" \t")[:1]
        if nxt.islower():
            yield m.start(), m.end(), ""


# Spaces inside symbols and dates: each pattern's group ``sp`` is deleted
# (``_KEEP``: or replaced by the one character it should be).
# "590 /QĐ-UBND", "17 /11/2022", "03/10 /2017"
_SPACE_SLASH = re.compile(r"\d(?P<sp>[ \t]+)/[ \t]*[\dA-ZĐ]")
# "17/ 11/2022", "590/ QĐ-UBND"
_SLASH_SPACE = re.compile(r"\d/(?P<sp>[ \t]+\n?[ \t]*)(?:\d|[A-ZĐ])")
# "45- CTr/TU", "29 - NQ/TW", "45 -CTr/TU", "31-\n   CTr/TW" (broken at a line end)
_SPACED_DASH = re.compile(
    r"\d(?P<sp>[ \t]*-[ \t]*\n?[ \t]*)[A-ZĐ][A-Za-zĐđ]{0,5}[ \t]*/[ \t]*[A-ZĐ]"
)
# "45-CTr /TU", "45-CTr/ TU"
_CODE_SPACED_SLASH = re.compile(r"\d-[A-ZĐ][A-Za-zĐđ]{0,5}(?P<sp>[ \t]*/[ \t]*)[A-ZĐ]")
# "QĐ-- UBND", "QĐ -UBND", "QĐ-\nUBND" inside a State symbol "n/[yyyy/]QĐ-...",
# "SNNPTNT - TT" inside an official letter's "n/SNNPTNT-TT"
_ISSUER_DASH = re.compile(r"\d/(?:\d{4}/)?[A-ZĐ][A-Za-zĐđ]{0,7}(?P<sp>\s*-+\s*)[A-ZĐ]")
_SYMBOL_SPACE_RULES: tuple[re.Pattern[str], ...] = (
    _SPACE_SLASH,
    _SLASH_SPACE,
    _SPACED_DASH,
    _CODE_SPACED_SLASH,
    _ISSUER_DASH,
)
_KEEP = {2: "-", 3: "/", 4: "-"}
# Where ``_SPACED_DASH`` and ``_ISSUER_DASH`` matches continue after their
# first character(s): scanned fast, as they open on a literal.
_DASH_TAIL = re.compile(r"-(?P<after>[ \t]*\n?[ \t]*)[A-ZĐ][A-Za-zĐđ]{0,5}[ \t]*/[ \t]*[A-ZĐ]")
_SLASH_TAIL = re.compile(r"/[A-ZĐ][A-Za-zĐđ]{0,7}(?P<sp>\s*-+\s*)[A-ZĐ]")


def _symbol_spaces(text: str) -> Iterable[Edit]:
    """The edits of ``_SYMBOL_SPACE_RULES`` (each rule over the whole text), found faster.

    Scanning the whole text with each rule is slow: a rule opens on ``\\d``,
    which the regex engine tries at every character.  Instead the rules that
    fire only beside a space next to a slash run only when the text has one
    (rare), and the two dash rules are matched only where a scan for their
    tail (opening on a literal) says they can fire: ``_dash_rule_starts``.
    """
    spaced_slash = _has_spaced_slash(text)
    for k, rule in enumerate(_SYMBOL_SPACE_RULES):
        keep = _KEEP.get(k, "")
        if rule is _SPACED_DASH or rule is _ISSUER_DASH:
            matches: Iterable[re.Match[str]] = _dash_rule_matches(rule, text)
        elif spaced_slash:
            matches = rule.finditer(text)
        else:
            continue  # every match of the rule has a space or tab beside a slash
        for m in matches:
            if m.group("sp") != keep:
                yield m.start("sp"), m.end("sp"), keep


def _has_spaced_slash(text: str) -> bool:
    """True if a space or tab stands beside some slash of ``text``."""
    slash = text.find("/")
    while slash >= 0:
        if text[slash - 1 : slash] in (" ", "\t") or text[slash + 1 : slash + 2] in (" ", "\t"):
            return True
        slash = text.find("/", slash + 1)
    return False


def _dash_rule_matches(rule: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """The matches of ``rule`` (a dash rule) that may change the text, by their starts.

    ``_SPACED_DASH`` changes the text only when spaces stand before or after
    its dash: it starts at the digit before those spaces.  ``_ISSUER_DASH``
    changes it only when its group ``sp`` is not a lone dash: it starts at the
    digit before the slash, or at the one before ``n/yyyy/``.  Neither rule's
    matches can overlap one another (their only digits after the first are the
    year's, and a match from the year's last digit has the same ``sp``), so
    matching at these starts finds the edits of a scan over the whole text.
    """
    if rule is _SPACED_DASH:
        for m in _DASH_TAIL.finditer(text):
            before = m.start()
            while before > 0 and text[before - 1] in " \t":
                before -= 1
            if (before < m.start() or m.group("after")) and before > 0:
                match = rule.match(text, before - 1)
                if match:
                    yield match
    else:
        for m in _SLASH_TAIL.finditer(text):
            if m.group("sp") != "-":
                starts = (m.start() - 6, m.start() - 1)
                match = next(filter(None, (rule.match(text, s) for s in starts if s >= 0)), None)
                if match:
                    yield match
