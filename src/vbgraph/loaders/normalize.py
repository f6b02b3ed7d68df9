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
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable

from vbgraph.loaders.syllables import (
    has_vietnamese_letter,
    is_syllable,
    place_tone,
    split_syllables,
    syllable_counts,
)
from vbgraph.models import NormalizedText

#: (start, end, replacement) on the current text.
Edit = tuple[int, int, str]
_Pass = Callable[[str], Iterable[Edit]]


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


def _apply(text: str, offs: list[int], edits: Iterable[Edit]) -> tuple[str, list[int]]:
    """Apply non-overlapping edits, carrying offsets along."""
    out: list[str] = []
    new_offs: list[int] = []
    pos = 0
    end_off = (offs[-1] + 1) if offs else 0
    for start, end, repl in sorted(edits, key=lambda e: (e[0], e[1])):
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


def _nfc(text: str) -> tuple[str, list[int]]:
    """NFC per grapheme (base + combining marks), invisible characters dropped."""
    out: list[str] = []
    offs: list[int] = []
    i = 0
    while i < len(text):
        j = i + 1
        while j < len(text) and unicodedata.combining(text[j]):
            j += 1
        chunk = text[i:j]
        if chunk in _INVISIBLE:
            i = j
            continue
        if chunk in _SPACES:
            chunk = " "
        for c in unicodedata.normalize("NFC", chunk):
            out.append(c)
            offs.append(i)
        i = j
    return "".join(out), offs


_WORD = re.compile(r"[^\W\d_]+")


def _tones(text: str) -> Iterable[Edit]:
    for m in _WORD.finditer(text):
        word = m.group()
        after = text[m.end() : m.end() + 1]
        if not has_vietnamese_letter(word) or (after and unicodedata.combining(after)):
            continue  # a stray second mark: leave the word as written
        placed = place_tone(word)
        if placed != word and len(placed) == len(word):
            yield m.start(), m.end(), placed


# A line holding only a small number, between two lines of one running sentence
# (the next line starts in lower case): a page number left by PDF extraction.
_PAGE_LINE = re.compile(r"\n[ \t]*\d{1,3}[ \t]*(?=\n[ \t]*[^\W\d_])")


def _page_numbers(text: str) -> Iterable[Edit]:
    for m in _PAGE_LINE.finditer(text):
        nxt = text[m.end() + 1 :].lstrip(" \t")[:1]
        if nxt.islower():
            yield m.start(), m.end(), ""


def _glue(text: str) -> Iterable[Edit]:
    """Insert a space where two words were glued together."""
    counts = syllable_counts(_WORD.findall(text))
    for m in re.finditer(r"[^\W_]+", text):
        for cut in _cuts(m.group(), counts):
            yield m.start() + cut, m.start() + cut, " "


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
            cut = _is_word(left) or bool(_glued_word(left))
        elif a.isupper() and b.islower() and i - start >= 2:
            # upper run of >= 2 letters, then a lower-case word starting at i
            j = i
            while j < len(run) and run[j].islower():
                j += 1
            right = run[i:j]
            cut = (
                run[start:i].isupper()
                and len(right) >= 2
                and (is_syllable(right) or bool(_glued_word(right)))
            )
        if cut:
            pieces.append((start, run[start:i]))
            start = i
        i += 1
    pieces.append((start, run[start:]))
    return pieces


def _glued_word(piece: str) -> list[str] | None:
    if not has_vietnamese_letter(piece) or is_syllable(piece):
        return None
    if not (piece.islower() or piece.isupper() or piece[1:].islower()):
        return None
    return split_syllables(piece)


def _syllable_parts(piece: str, counts: Counter[str]) -> list[str]:
    if not has_vietnamese_letter(piece) or is_syllable(piece):
        return [piece]
    if not (piece.islower() or piece.isupper() or piece[1:].islower()):
        return [piece]
    parts = split_syllables(piece, counts)
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
