"""Edits to a text that carry its offset map along (the normaliser's machinery).

A pass proposes edits ``(start, end, replacement)``; :func:`apply_edits` applies them
and keeps ``offsets[i]`` = index in the original text of character ``i``.  Offsets
travel as a few pieces (``range`` for an unchanged stretch, else a list): a pass
changes a few pieces, and the flat tuple is built once, at the end.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

#: (start, end, replacement) on the current text.
Edit = tuple[int, int, str]
#: Index in the original of each character of the current text, as the
#: concatenation of pieces (``range`` for an unchanged stretch, else a list).
Offsets = list[Sequence[int]]


def apply_edits(text: str, offs: Offsets, edits: Iterable[Edit]) -> tuple[str, Offsets]:
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
