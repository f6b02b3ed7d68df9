"""Text normalisation with an offset map back to the original.

Placeholder: NFC only.  The reference-extraction work replaces the body of
``normalize`` (tone marks, glued words, spaced symbols, page numbers) while
keeping its signature.
"""

from __future__ import annotations

import unicodedata

from vbgraph.models import NormalizedText


def normalize(text: str) -> NormalizedText:
    """Return ``text`` normalised, with offsets into ``text``."""
    out: list[str] = []
    offsets: list[int] = []
    for i, ch in enumerate(text):
        for c in unicodedata.normalize("NFC", ch):
            out.append(c)
            offsets.append(i)
    normalized = unicodedata.normalize("NFC", "".join(out))
    if len(normalized) != len(out):  # combining marks composed across chars
        offsets = _compose_offsets(text)
    offsets.append(len(text))
    return NormalizedText(normalized, tuple(offsets), text)


def _compose_offsets(text: str) -> list[int]:
    offsets: list[int] = []
    i = 0
    while i < len(text):
        j = i + 1
        while j < len(text) and unicodedata.combining(text[j]):
            j += 1
        for _ in unicodedata.normalize("NFC", text[i:j]):
            offsets.append(i)
        i = j
    return offsets
