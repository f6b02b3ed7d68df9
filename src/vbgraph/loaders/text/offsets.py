"""Edits to a text that carry its offset map along (the normaliser's machinery).

A pass proposes edits ``(start, end, replacement)``; :func:`apply_edits` applies them
and keeps ``offsets[i]`` = index in the original text of character ``i``.  Offsets
travel as a few pieces (``range`` for an unchanged stretch, else a list): a pass
changes a few pieces, and the result is read in place (:class:`OffsetMap`), not flattened.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Iterator, Sequence
from itertools import chain, islice
from typing import overload

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


class OffsetMap(Sequence[int]):
    """The offsets of a text as the pieces the passes left, read in place: ``map[i]`` finds
    the piece holding ``i`` (a bisection over a few pieces) instead of a flat tuple of every
    character's offset being built (a new int object per character past 256) and freed
    for each document, when a document's spans look up a few thousand of them at most.
    Equal to (and hashed as) the flat tuple of its values."""

    __slots__ = ("_len", "_pieces", "_starts")

    def __init__(self, pieces: Offsets) -> None:
        self._pieces = tuple(p for p in pieces if len(p))
        starts, at = [], 0
        for p in self._pieces:
            starts.append(at)
            at += len(p)
        self._starts, self._len = starts, at

    def __len__(self) -> int:
        return self._len

    @overload
    def __getitem__(self, i: int) -> int: ...
    @overload
    def __getitem__(self, i: slice) -> tuple[int, ...]: ...
    def __getitem__(self, i: int | slice) -> int | tuple[int, ...]:
        if isinstance(i, slice):
            return tuple(self)[i]
        if i < 0:
            i += self._len
        if not 0 <= i < self._len:
            raise IndexError("offset index out of range")
        k = bisect_right(self._starts, i) - 1
        return self._pieces[k][i - self._starts[k]]

    def __iter__(self) -> Iterator[int]:
        return chain.from_iterable(self._pieces)

    def __reversed__(self) -> Iterator[int]:
        return reversed(tuple(self))

    def __eq__(self, other: object) -> bool:
        if isinstance(other, OffsetMap | tuple):
            return len(self) == len(other) and all(
                a == b for a, b in zip(self, other, strict=True)
            )
        return NotImplemented

    def __hash__(self) -> int:
        return hash(tuple(self))

    def __repr__(self) -> str:
        head = ", ".join(map(str, islice(self, 8)))
        return f"OffsetMap(({head}{', ...' if self._len > 8 else ''}), len={self._len})"
