"""Folding for lookups: what a user types finds what the store holds.

``fold_name("Sở Ngoại vụ") == fold_name("so ngoai vu")``;
``fold_symbol("590 /QĐ-UBND") == fold_symbol("590/QD-UBND")``, and the Party
and State separators are folded alike (``22/NQ-TW`` finds ``22-NQ/TW``).
"""

from __future__ import annotations

import re
import unicodedata

_SPACES = re.compile(r"\s+")
_SEPARATORS = re.compile(r"\s*[-/–]\s*")


class _StripTable(dict[int, str]):
    """``str.translate`` table: each character without its combining marks, filled lazily.

    Dropping every combining mark makes NFD's canonical reordering irrelevant, so
    stripping character by character equals stripping the NFD of the whole text.
    """

    def __missing__(self, code: int) -> str:
        ch = chr(code)
        out = "".join(c for c in unicodedata.normalize("NFD", ch) if not unicodedata.combining(c))
        self[code] = out
        return out


_STRIP = _StripTable({ord("đ"): "d", ord("Đ"): "D"})


def strip_diacritics(text: str) -> str:
    """Remove Vietnamese diacritics (``đ`` -> ``d``), keep everything else."""
    return text if text.isascii() else text.translate(_STRIP)


#: Folded words, by word: names and task texts are made of a few thousand distinct words,
#: and folding each text character by character was the storing process's second
#: largest cost (bench/README.md, finding I8).  Bounded; past the bound words are folded
#: without being kept.
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


def fold_symbol(symbol: str) -> str:
    """Lookup form of a document symbol: no diacritics, case, spaces or separator kind."""
    folded = strip_diacritics(symbol).casefold()
    folded = _SEPARATORS.sub("/", folded)
    return _SPACES.sub("", folded)


def symbol_number(symbol: str) -> str:
    """The number part of a symbol (``590`` of ``590/QĐ-UBND``, ``30a`` of ``30a/CP``)."""
    m = re.match(r"\s*(\d+[a-zA-Z]?)", symbol)
    return m.group(1).lower() if m else ""
