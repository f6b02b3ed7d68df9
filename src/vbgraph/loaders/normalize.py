"""Text normalisation with an offset map back to the original.

Every later stage reads ``NormalizedText.text`` and reports spans through
``NormalizedText.to_original``.  The passes, in order:

1. NFC, non-breaking and zero-width characters (``_nfc``);
2. page numbers alone on a line inside a running sentence (``_page_numbers``);
3. glued words split at case and letter/digit boundaries and by syllable
   structure: ``SởNgoại`` ``quyếtsố`` ``TWngày`` ``BANHÀNH`` (``_glue``);
4. one tone-mark convention, ``hoà`` -> ``hòa``, ``UỶ`` -> ``ỦY`` (``_tones``),
   on the words as split;
5. spaces inside document symbols and dates removed: ``45- CTr/TU``,
   ``590 /QĐ-UBND``, ``17 /11/2022``, ``QĐ-- UBND`` (``_symbol_spaces``).

Each pass maps the text and its offsets together, so the composition keeps
``offsets[i]`` = index in the original of normalised character ``i``.

For speed each pass looks only at what it may change (graphemes with marks
or odd characters; words ending in a movable tone mark; each distinct token
once, its cuts cached across texts), leaving the rest to regular expressions.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import cache, lru_cache

from vbgraph.loaders.syllables import (
    TONE_MARKS,
    has_vietnamese_letter,
    is_syllable,
    place_tone,
    split_syllables,
    syllable_key,
)
from vbgraph.models import NormalizedText

#: (start, end, replacement) on the current text.
Edit = tuple[int, int, str]
_Pass = Callable[[str], Iterable[Edit]]
#: Index in the original of each character of the current text (a ``range``
#: while no pass has changed anything).
Offsets = Sequence[int]


def normalize(text: str) -> NormalizedText:
    """Return ``text`` normalised, with offsets into ``text``."""
    cur, offs = _nfc(text)
    for step in (_page_numbers, _glue, _tones, _symbol_spaces):
        cur, offs = _apply(cur, offs, step(cur))
    return NormalizedText(cur, (*offs, len(text)), text)


def normalize_string(text: str) -> str:
    """The normalised text alone (for symbols, names and tests)."""
    return normalize(text).text


# --------------------------------------------------------------------------- machinery


def _apply(text: str, offs: Offsets, edits: Iterable[Edit]) -> tuple[str, Offsets]:
    """Apply non-overlapping edits, carrying offsets along."""
    ordered = sorted(edits, key=lambda e: (e[0], e[1]))
    if not ordered:
        return text, offs
    out: list[str] = []
    new_offs: list[int] = []
    pos = 0
    end_off = (offs[-1] + 1) if offs else 0
    for start, end, repl in ordered:
        if start < pos:
            continue  # overlapping edit: keep the first
        out.append(text[pos:start])
        new_offs.extend(offs[pos:start])
        if len(repl) == end - start:
            new_offs.extend(offs[start:end])
        else:
            anchor = offs[start] if start < len(offs) else end_off
            if end > start and not repl.strip():
                anchor = offs[start]
            new_offs.extend([anchor] * len(repl))
        out.append(repl)
        pos = end
    out.append(text[pos:])
    new_offs.extend(offs[pos:])
    return "".join(out), new_offs


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
        return text, range(len(text))
    fixes = [] if first is None else list(_graphemes_to_fix().finditer(text, first.start()))
    if any(m.lastgroup == "beyond_bmp" for m in fixes):
        return _nfc_by_grapheme(text)  # the table of marks covers the BMP only
    out: list[str] = []
    offs: list[int] = []
    pos = 0
    for m in fixes:
        start = m.start()
        if m.lastgroup == "marks" and start > 0:
            start -= 1  # the character the marks belong to
        _copy_plain(text, pos, start, out, offs)
        _emit(_grapheme_nfc(text[start : m.end()]), start, out, offs)
        pos = m.end()
    _copy_plain(text, pos, len(text), out, offs)
    return "".join(out), offs


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


def _nfc_by_grapheme(text: str) -> tuple[str, list[int]]:
    """``_nfc`` one grapheme at a time (any text)."""
    out: list[str] = []
    offs: list[int] = []
    i = 0
    while i < len(text):
        j = i + 1
        while j < len(text) and unicodedata.combining(text[j]):
            j += 1
        _emit(_grapheme_nfc(text[i:j]), i, out, offs)
        i = j
    return "".join(out), offs


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
        _emit(unicodedata.normalize("NFC", text[i]), i, out, offs)


def _emit(chars: str, at: int, out: list[str], offs: list[int]) -> None:
    """Append ``chars``, all mapped to index ``at`` of the original."""
    out.append(chars)
    offs.extend([at] * len(chars))


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
_TONE_MOVES = re.compile(
    rf"(?:[{_toned('o')}][{_toned('ae')}]|[{_toned('u')}][{_toned('y')}])(?![^\W\d_])"
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


_TOKEN_CHAR = re.compile(r"[^\W_]")
_TOKENS_AND_UNDERSCORES = re.compile(r"\w+")  # faster to scan than r"[^\W_]+"


def _glue(text: str) -> Iterable[Edit]:
    """Insert a space where two words were glued together."""
    for token, cuts in _glued_tokens(text).items():
        for start in _occurrences(text, token):
            for cut in cuts:
                yield start + cut, start + cut, " "


def _glued_tokens(text: str) -> dict[str, tuple[int, ...]]:
    """Each distinct token (letters and digits) of ``text`` that needs spaces, with its cuts."""
    tokens = _token_counts(text)
    counts: Counter[str] | None = None
    glued: dict[str, tuple[int, ...]] = {}
    for token in tokens:
        cuts = _fixed_cuts(token)
        if cuts is None:  # the split depends on the syllables the text uses
            if counts is None:
                counts = _syllable_counts(tokens)
            cuts = tuple(_cuts(token, counts))
        if cuts:
            glued[token] = cuts
    return glued


def _token_counts(text: str) -> Counter[str]:
    """How often each token (a run of letters and digits: ``[^\\W_]+``) occurs in ``text``."""
    tokens = Counter(_TOKENS_AND_UNDERSCORES.findall(text))
    if "_" in text:
        for run in [run for run in tokens if "_" in run]:
            n = tokens.pop(run)
            for token in filter(None, run.split("_")):
                tokens[token] += n
    return tokens


def _syllable_counts(tokens: Counter[str]) -> Counter[str]:
    """``syllable_counts(_WORD.findall(text))``, from the counts of the text's tokens."""
    counts: Counter[str] = Counter()
    for token, n in tokens.items():
        for word in (token,) if token.isalpha() else _WORD.findall(token):
            key = syllable_key(word)
            if key:
                counts[key] = counts.get(key, 0) + n
    return counts


def _occurrences(text: str, token: str) -> Iterator[int]:
    """Where ``token`` stands in ``text`` as a whole token."""
    start = text.find(token)
    while start >= 0:
        glued_before = start > 0 and _TOKEN_CHAR.match(text, start - 1)
        if not glued_before and not _TOKEN_CHAR.match(text, start + len(token)):
            yield start
        start = text.find(token, start + 1)


@lru_cache(maxsize=1 << 17)
def _fixed_cuts(token: str) -> tuple[int, ...] | None:
    """``_cuts`` of ``token`` when they cannot depend on the text, else None.

    Only a piece split into syllables (``quyếtsố``) reads the text's own
    syllable counts; any other token is cut the same way in every text.
    """
    for run in _WORD.findall(token):
        if any(_is_glued(piece) for _, piece in _case_pieces(run)):
            return None
    return tuple(_cuts(token, Counter()))


_RUN = re.compile(r"\d+|[^\W\d_]+")


def _cuts(token: str, counts: Counter[str]) -> list[int]:
    """Positions inside ``token`` (letters and digits) where a space belongs."""
    cuts: list[int] = []
    runs = [(m.start(), m.group()) for m in _RUN.finditer(token)]
    for k, (start, run) in enumerate(runs):
        if run.isdigit():
            continue
        prev_digit = k > 0
        next_digit = k + 1 < len(runs)
        pieces = _case_pieces(run)
        words: list[str] = []
        for p_start, piece in pieces:
            if p_start:
                cuts.append(start + p_start)
            parts = _syllable_parts(piece, counts)
            words.extend(parts)
            acc = p_start
            for part in parts[:-1]:
                acc += len(part)
                cuts.append(start + acc)
        # letters then digits: "ngày19/11", "đoạn2011"
        if next_digit and _is_word(words[-1]) and len(words[-1]) >= 2:
            cuts.append(start + len(run))
        # digits then letters: "2013của" (not "30a", "UBTVQH13")
        first = words[0]
        if prev_digit and _is_word(first) and len(first) >= 2 and has_vietnamese_letter(first):
            cuts.append(start)
    return sorted(set(cuts))


def _is_word(piece: str) -> bool:
    """A Vietnamese syllable written as a word (lower case or Capitalised)."""
    return is_syllable(piece) and (piece.islower() or piece[1:].islower())


def _case_pieces(run: str) -> list[tuple[int, str]]:
    """Split a letter run at case boundaries that separate words.

    ``SởNgoại`` -> ``Sở|Ngoại``; ``vàUBND`` -> ``và|UBND``; ``TWngày`` ->
    ``TW|ngày``; symbols' codes (``SNgV``, ``TTg``, ``CTr``) stay whole.
    """
    pieces: list[tuple[int, str]] = []
    start = 0
    i = 1
    while i < len(run):
        a, b = run[i - 1], run[i]
        cut = False
        if a.islower() and b.isupper():
            left = run[start:i]
            cut = _is_word(left) or _is_glued(left)
        elif a.isupper() and b.islower() and i - start >= 2:
            # upper run of >= 2 letters, then a lower-case word starting at i
            j = i
            while j < len(run) and run[j].islower():
                j += 1
            right = run[i:j]
            cut = (
                run[start:i].isupper()
                and len(right) >= 2
                and (is_syllable(right) or _is_glued(right))
            )
        if cut:
            pieces.append((start, run[start:i]))
            start = i
        i += 1
    pieces.append((start, run[start:]))
    return pieces


@lru_cache(maxsize=65536)
def _is_glued(piece: str) -> bool:
    """True if ``piece`` is a run of several syllables (``quyếtsố``, ``THỰCHIỆN``).

    Whether some split exists does not depend on the counts, only which one wins.
    """
    if not has_vietnamese_letter(piece) or is_syllable(piece):
        return False
    if not (piece.islower() or piece.isupper() or piece[1:].islower()):
        return False
    return split_syllables(piece) is not None


def _syllable_parts(piece: str, counts: Counter[str]) -> list[str]:
    parts = split_syllables(piece, counts) if _is_glued(piece) else None
    if not parts:
        return [piece]
    # A short token is split only into syllables the text itself uses on
    # their own: "đãcó" yes, OCR debris like "trưở" no.
    if len(piece) < 5 and not all(counts.get(p.lower(), 0) for p in parts):
        return [piece]
    return parts


# Spaces inside symbols and dates: each pattern's group ``sp`` is deleted.
_SYMBOL_SPACE_RULES: tuple[re.Pattern[str], ...] = (
    # "590 /QĐ-UBND", "17 /11/2022", "03/10 /2017"
    re.compile(r"\d(?P<sp>[ \t]+)/[ \t]*[\dA-ZĐ]"),
    # "17/ 11/2022", "590/ QĐ-UBND"
    re.compile(r"\d/(?P<sp>[ \t]+)(?:\d|[A-ZĐ])"),
    # "45- CTr/TU", "29 - NQ/TW", "45 -CTr/TU"
    re.compile(r"\d(?P<sp>[ \t]*-[ \t]*)[A-ZĐ][A-Za-zĐđ]{0,5}[ \t]*/[ \t]*[A-ZĐ]"),
    # "45-CTr /TU", "45-CTr/ TU"
    re.compile(r"\d-[A-ZĐ][A-Za-zĐđ]{0,5}(?P<sp>[ \t]*/[ \t]*)[A-ZĐ]"),
    # "QĐ-- UBND", "QĐ -UBND", "QĐ-\nUBND" inside a State symbol "n/[yyyy/]QĐ-...",
    # "SNNPTNT - TT" inside an official letter's "n/SNNPTNT-TT"
    re.compile(r"\d/(?:\d{4}/)?[A-ZĐ][A-Za-zĐđ]{0,7}(?P<sp>\s*-+\s*)[A-ZĐ]"),
)
_KEEP = {2: "-", 3: "/", 4: "-"}


def _symbol_spaces(text: str) -> Iterable[Edit]:
    for k, rule in enumerate(_SYMBOL_SPACE_RULES):
        keep = _KEEP.get(k, "")
        for m in rule.finditer(text):
            if m.group("sp") != keep:
                yield m.start("sp"), m.end("sp"), keep
