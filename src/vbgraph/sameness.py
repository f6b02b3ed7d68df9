"""Are two files the same document?  Their texts, compared word by word.

Two files with the same key are one document only if they hold the same text (a
.docx beside the .txt made from it, a copy in another folder); anything else is two
documents whose keys collide and both are kept (issue 15, finding 3).  The texts are
compared as sets of overlapping four-word shingles of the folded words (case,
diacritics, punctuation and layout do not count): Jaccard similarity of at least
``SAME_DOCUMENT``.  On 24 real pairs that an older rule merged (the
``../shared/corpus/formats`` folder), the copies of one document in other formats
scored 1.00 and the different documents at most 0.76 (a regulation and the circular
amending it) -- most of them near 0.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from vbgraph.lookup import fold_name

SAME_DOCUMENT = 0.9
SHINGLE = 4
_WORD = re.compile(r"\w+")


def shingles(text: str) -> frozenset[int]:
    """Hashes of the four-word shingles of ``text``, folded (for this process only)."""
    words = _WORD.findall(fold_name(text))
    if len(words) < SHINGLE:
        return frozenset({hash(tuple(words))})
    return frozenset(hash(tuple(words[i : i + SHINGLE]))
                     for i in range(len(words) - SHINGLE + 1))


def similarity(a: frozenset[int], b: frozenset[int]) -> float:
    if not a and not b:
        return 1.0
    return len(a & b) / len(a | b)


class SameText:
    """A judge for ``store_extractions``: do the files at two paths hold the same text?

    Files are read only when two of them claim one key; each is read once per judge."""

    def __init__(self) -> None:
        self._seen: dict[tuple[str, int, int], frozenset[int] | None] = {}

    def shingles_of(self, path: str) -> frozenset[int] | None:
        from vbgraph.errors import InputError
        from vbgraph.loaders.formats.read import read_document

        try:
            st = os.stat(path)
        except OSError:
            return None
        key = (path, st.st_mtime_ns, st.st_size)
        if key not in self._seen:
            try:
                self._seen[key] = shingles(read_document(Path(path)).text)
            except InputError:
                self._seen[key] = None
        return self._seen[key]

    def __call__(self, path: str, other: str) -> bool:
        mine, theirs = self.shingles_of(path), self.shingles_of(other)
        if mine is None or theirs is None:
            return False  # unreadable now: never merge what cannot be compared
        return similarity(mine, theirs) >= SAME_DOCUMENT
