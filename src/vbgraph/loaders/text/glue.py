"""Glued words split: ``SởNgoại`` ``quyếtsố`` ``TWngày`` ``BANHÀNH`` (a normaliser pass).

A space goes where case, letters and digits, or Vietnamese syllable structure say two
words were glued by HTML or PDF extraction.  Each distinct whitespace-separated chunk
is looked at once, chunks known to hold no glued token are skipped, and cuts are cached
across texts: only a piece split into syllables reads the text's own syllable counts.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator
from functools import lru_cache
from itertools import filterfalse

from vbgraph.loaders.text.offsets import Edit
from vbgraph.loaders.text.syllables import (
    has_vietnamese_letter,
    is_syllable,
    split_syllables,
    syllable_key,
)

_WORD = re.compile(r"[^\W\d_]+")
_TOKEN_CHAR = re.compile(r"[^\W_]")
_TOKEN = re.compile(r"[^\W_]+")
#: Whitespace-separated chunks (``str.split``) whose tokens need no space in
#: any text: most chunks of a text, skipped without tokenising it.
_CLEAN_CHUNKS: set[str] = set()
_CLEAN_CHUNKS_MAX = 1 << 18


def glue(text: str) -> Iterable[Edit]:
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
        wanted = {key for token in variable for key in _keys_read(token)}
        counts = _syllable_counts(chunks, wanted)
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


def _syllable_counts(chunks: Counter[str], wanted: set[str]) -> dict[str, int]:
    """``syllable_counts(_WORD.findall(text))`` for the syllables ``wanted``, from the
    text's chunks.

    A chunk of lower-case letters is one word, counted as itself: the counts
    start as the chunks' and only the other chunks add their words.  The keys
    looked up are syllables of letter runs, in lower case, and only those a
    token's cuts may read are counted (a few of the text's thousands).
    """
    counts = {key: chunks.get(key, 0) for key in wanted}
    other = [*filterfalse(str.islower, filter(str.isalpha, chunks))]
    other += filterfalse(str.isalpha, chunks)
    for chunk in other:
        n = chunks[chunk]
        for key in _syllable_keys(chunk):
            if key in counts:
                counts[key] += n
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
