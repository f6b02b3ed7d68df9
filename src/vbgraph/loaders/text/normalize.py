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
``offsets[i]`` = index in the original of normalised character ``i``; the
offsets travel as a few pieces (ranges) and are flattened once, at the end.

For speed each pass looks only at what it may change (graphemes with marks
or odd characters; words ending in a movable tone mark; each distinct
whitespace-separated chunk once, chunks known to hold no glued token skipped,
cuts cached across texts; symbol rules only where a literal scan finds a
spaced slash or dash), leaving the rest to regular expressions.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import cache, lru_cache
from itertools import chain, filterfalse

from vbgraph.loaders.text.syllables import (
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
#: Index in the original of each character of the current text, as the
#: concatenation of pieces (``range`` for an unchanged stretch, else a list):
#: a pass changes a few pieces, and the flat tuple is built once, at the end.
Offsets = list[Sequence[int]]


def normalize(text: str) -> NormalizedText:
    """Return ``text`` normalised, with offsets into ``text``."""
    cur, offs = _nfc(text)
    for step in (_page_numbers, _glue, _tones, _symbol_spaces):
        cur, offs = _apply(cur, offs, step(cur))
    return NormalizedText(cur, tuple(chain.from_iterable((*offs, (len(text),)))), text)


# --------------------------------------------------------------------------- machinery


def _apply(text: str, offs: Offsets, edits: Iterable[Edit]) -> tuple[str, Offsets]:
    """Apply non-overlapping edits, carrying offsets along.

    Edits are applied in order of position (the first of overlapping ones
    wins).  A replacement of another length maps all its characters to the
    original index of the first character it replaces (for an insertion at
    the end: one past the last character's).
    """
    ordered = sorted(edits, key=_span)
    if not ordered:
        return text, offs
    out: list[str] = []
    cursor = _Cursor(offs)
    pos = 0
    for start, end, repl in ordered:
        if start < pos:
            continue  # overlapping edit: keep the first
        out.append(text[pos:start])
        out.append(repl)
        cursor.copy(start)
        if len(repl) == end - start:
            cursor.copy(end)
        else:
            if repl:
                cursor.emit([cursor.value()] * len(repl))
            cursor.skip(end)
        pos = end
    out.append(text[pos:])
    cursor.copy(len(text))
    return "".join(out), cursor.out


def _span(edit: Edit) -> tuple[int, int]:
    return edit[0], edit[1]


class _Cursor:
    """Reads the pieces of an offset map from the start, writing a new one in ``out``."""

    __slots__ = ("end_value", "into", "k", "out", "pieces", "pos")

    def __init__(self, pieces: Offsets) -> None:
        self.pieces = pieces
        self.out: Offsets = []
        self.k = 0  # the piece holding position ``pos``
        self.into = 0  # ``pos`` less the start of that piece
        self.pos = 0
        #: One past the original index of the last character.
        self.end_value = pieces[-1][-1] + 1 if pieces else 0

    def value(self) -> int:
        """The original index of the character at ``pos`` (``end_value`` at the end)."""
        if self.k < len(self.pieces):
            return self.pieces[self.k][self.into]
        return self.end_value

    def emit(self, piece: Sequence[int]) -> None:
        self.out.append(piece)

    def copy(self, end: int) -> None:
        """Copy the offsets of positions ``pos`` to ``end`` to ``out``, moving to ``end``."""
        self._move(end, self.out)

    def skip(self, end: int) -> None:
        """Move to ``end`` without copying."""
        self._move(end, None)

    def _move(self, end: int, out: Offsets | None) -> None:
        pieces = self.pieces
        while self.pos < end:
            piece = pieces[self.k]
            take = min(len(piece) - self.into, end - self.pos)
            if out is not None:
                whole = self.into == 0 and take == len(piece)
                out.append(piece if whole else piece[self.into : self.into + take])
            self.pos += take
            self.into += take
            if self.into == len(piece):
                self.k += 1
                self.into = 0


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
    fixes = [] if first is None else list(_graphemes_to_fix().finditer(text, first.start()))
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
_TOKEN = re.compile(r"[^\W_]+")
#: Whitespace-separated chunks (``str.split``) whose tokens need no space in
#: any text: most chunks of a text, skipped without tokenising it.
_CLEAN_CHUNKS: set[str] = set()
_CLEAN_CHUNKS_MAX = 1 << 18


def _glue(text: str) -> Iterable[Edit]:
    """Insert a space where two words were glued together."""
    for token, cuts in _glued_tokens(text).items():
        for start in _occurrences(text, token):
            for cut in cuts:
                yield start + cut, start + cut, " "


def _glued_tokens(text: str) -> dict[str, tuple[int, ...]]:
    """Each distinct token (letters and digits) of ``text`` that needs spaces, with its cuts.

    A token never spans whitespace, so the tokens are those of the text's
    distinct chunks (``str.split``, much faster than a regular expression),
    less the chunks already known to hold no glued token.
    """
    chunks = Counter(text.split())
    glued: dict[str, tuple[int, ...]] = {}
    variable: set[str] = set()  # cut by the syllables the text uses
    for chunk in [*filterfalse(_CLEAN_CHUNKS.__contains__, chunks)]:
        clean = True
        for token in _TOKEN.findall(chunk):
            cuts = _fixed_cuts(token)
            if cuts is None:
                variable.add(token)
            elif cuts:
                glued[token] = cuts
            clean = clean and cuts == ()
        if clean:
            _remember_clean(chunk)
    if variable:
        counts = _syllable_counts(chunks)
        for token in variable:
            keys = _keys_read(token)
            cuts = _cuts_given(token, keys, tuple(counts.get(key, 0) for key in keys))
            if cuts:
                glued[token] = cuts
    return glued


@lru_cache(maxsize=1 << 16)
def _keys_read(token: str) -> tuple[str, ...]:
    """Every count ``_cuts`` may read for ``token``: its syllables of up to 8 letters.

    ``split_syllables`` and ``_syllable_parts`` look up only syllables of at
    most 8 letters taken from one letter run, in lower case.
    """
    keys = {
        run[i:j].lower()
        for run in _WORD.findall(token)
        for i in range(len(run))
        for j in range(i + 1, min(len(run), i + 8) + 1)
        if is_syllable(run[i:j])
    }
    return tuple(sorted(keys))


@lru_cache(maxsize=1 << 16)
def _cuts_given(token: str, keys: tuple[str, ...], seen: tuple[int, ...]) -> tuple[int, ...]:
    """``_cuts`` of ``token`` in a text where each of ``keys`` occurs ``seen`` times."""
    return tuple(_cuts(token, Counter(dict(zip(keys, seen, strict=True)))))


def _remember_clean(chunk: str) -> None:
    """Add ``chunk`` to ``_CLEAN_CHUNKS`` (emptied when full, to bound memory)."""
    if len(_CLEAN_CHUNKS) >= _CLEAN_CHUNKS_MAX:
        _CLEAN_CHUNKS.clear()
    _CLEAN_CHUNKS.add(chunk)


def _syllable_counts(chunks: Counter[str]) -> Counter[str]:
    """``syllable_counts(_WORD.findall(text))`` for every syllable, from the text's chunks.

    A chunk of lower-case letters is one word, counted as itself: the counts
    start as a copy of the chunks' and only the other chunks add their words.
    Those chunks also keep a count under their own key, which holds some
    character other than a lower-case letter, so it is never looked up: the
    keys looked up are syllables of letter runs, in lower case.
    """
    counts = Counter(chunks)
    other = [*filterfalse(str.islower, filter(str.isalpha, chunks))]
    other += filterfalse(str.isalpha, chunks)
    for chunk in other:
        n = chunks[chunk]
        for key in _syllable_keys(chunk):
            counts[key] = counts.get(key, 0) + n
    return counts


@lru_cache(maxsize=1 << 17)
def _syllable_keys(chunk: str) -> tuple[str, ...]:
    """The keys (``syllable_key``) of the words of ``chunk`` that are syllables."""
    words = (chunk,) if chunk.isalpha() else _WORD.findall(chunk)
    return tuple(key for key in map(syllable_key, words) if key)


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


# Spaces inside symbols and dates: each pattern's group ``sp`` is deleted
# (``_KEEP``: or replaced by the one character it should be).
# "590 /QĐ-UBND", "17 /11/2022", "03/10 /2017"
_SPACE_SLASH = re.compile(r"\d(?P<sp>[ \t]+)/[ \t]*[\dA-ZĐ]")
# "17/ 11/2022", "590/ QĐ-UBND"
_SLASH_SPACE = re.compile(r"\d/(?P<sp>[ \t]+)(?:\d|[A-ZĐ])")
# "45- CTr/TU", "29 - NQ/TW", "45 -CTr/TU"
_SPACED_DASH = re.compile(r"\d(?P<sp>[ \t]*-[ \t]*)[A-ZĐ][A-Za-zĐđ]{0,5}[ \t]*/[ \t]*[A-ZĐ]")
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
_DASH_TAIL = re.compile(r"-(?P<after>[ \t]*)[A-ZĐ][A-Za-zĐđ]{0,5}[ \t]*/[ \t]*[A-ZĐ]")
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
