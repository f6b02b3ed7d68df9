"""Text of a Word 97-2003 binary file (.doc), read in Python from [MS-DOC].

The file is an OLE compound file (``olefile``).  Its ``WordDocument`` stream starts
with the FIB, which says which table stream (``0Table``/``1Table``) holds the CLX: its
piece table maps character positions (CPs) of the document to bytes of the
``WordDocument`` stream, 8-bit ("compressed", Windows-1252) or UTF-16LE.  The main
text is CPs ``[0, ccpText)``.

Paragraph properties come from the PAPX FKPs (``PlcBtePapx``); only those that
shape the text are read: in-table, table depth, row end (TTP) and the row's cell
boundaries and merges (``sprmTDefTable``).  The text comes out as the .docx reader
gives a .docx: one line per paragraph, one ``| a | b |`` line per table row (cells'
paragraphs and nested tables joined by spaces; columns on the table's grid of cell
boundaries, a cell spanning several grid columns followed by empty cells, a cell
continuing a vertical merge empty); of a field, its result (shown text), never its
code; pictures, drawn objects and note references dropped.

``Unsupported`` is raised for what this reader does not read (encrypted files, Word
6/95 and older, fast-saved files, anything malformed); ``formats.doc`` then uses
an external converter.
"""

from __future__ import annotations

import struct
from bisect import bisect_right
from dataclasses import dataclass, field

#: nFib of Word 97 (the first version with the piece table read here).
_NFIB_WORD97 = 0x00C1


class Unsupported(Exception):
    """The file is one this reader does not read (the message says why)."""


@dataclass(slots=True)
class ParagraphProps:
    """Properties of one paragraph that shape the text."""

    in_table: bool = False
    depth: int = 0
    row_end: bool = False
    #: cell boundaries (twips) of the row ended here; with ``merges``
    bounds: tuple[int, ...] = ()
    #: per cell: (horizontal merge, vertical merge) codes from the TC80s
    merges: tuple[tuple[int, int], ...] = field(default_factory=tuple)


def _compressed_table() -> dict[int, str]:
    table = {}
    for byte in range(0x80, 0xA0):
        try:
            table[byte] = bytes([byte]).decode("cp1252")
        except UnicodeDecodeError:
            continue
    return table


_CP1252_HIGH = _compressed_table()


def _u16(data: bytes, at: int) -> int:
    return int(struct.unpack_from("<H", data, at)[0])


def _u32(data: bytes, at: int) -> int:
    return int(struct.unpack_from("<I", data, at)[0])


def read_word97(data: bytes) -> str:
    """Text of the .doc in ``data``; raise ``Unsupported`` when this reader cannot."""
    try:
        import olefile
    except ImportError as exc:  # pragma: no cover - a runtime dependency
        raise Unsupported(f"olefile is not installed ({exc})") from None
    try:
        with olefile.OleFileIO(data) as ole:
            if not ole.exists("WordDocument"):
                raise Unsupported("no WordDocument stream")
            word = ole.openstream("WordDocument").read()
            fib = _Fib.parse(word)
            if not ole.exists(fib.table_name):
                raise Unsupported(f"no {fib.table_name} stream")
            table = ole.openstream(fib.table_name).read()
            extra = ole.openstream("Data").read() if ole.exists("Data") else b""
    except Unsupported:
        raise
    except Exception as exc:  # olefile raises several kinds on damaged containers
        raise Unsupported(f"OLE container: {type(exc).__name__}: {exc}") from None
    try:
        return _Document(word, table, extra, fib).text()
    except Unsupported:
        raise
    except (struct.error, IndexError, ValueError, KeyError) as exc:
        raise Unsupported(f"malformed structure: {type(exc).__name__}: {exc}") from None


@dataclass(frozen=True, slots=True)
class _Fib:
    table_name: str
    ccp_text: int
    fc_clx: int
    lcb_clx: int
    fc_papx: int
    lcb_papx: int
    fc_sed: int
    lcb_sed: int

    @classmethod
    def parse(cls, word: bytes) -> _Fib:
        if len(word) < 0x200 or _u16(word, 0) != 0xA5EC:
            raise Unsupported("no Word FIB at the start of the WordDocument stream")
        nfib = _u16(word, 2)
        flags = _u16(word, 0x0A)
        if nfib < _NFIB_WORD97:
            raise Unsupported(f"Word 6/95 or older (nFib {nfib:#x})")
        if flags & 0x0100:
            raise Unsupported("encrypted (password-protected)")
        if flags & 0x0004:
            raise Unsupported("fast-saved (complex) file")
        table_name = "1Table" if flags & 0x0200 else "0Table"
        csw = _u16(word, 32)
        at = 34 + 2 * csw
        cslw = _u16(word, at)
        rg_lw = at + 2
        ccp_text = _u32(word, rg_lw + 3 * 4)
        at = rg_lw + 4 * cslw
        cb_fclcb = _u16(word, at)
        if cb_fclcb < 34:
            raise Unsupported(f"FIB too short ({cb_fclcb} fc/lcb pairs)")
        rg = at + 2

        def pair(index: int) -> tuple[int, int]:
            return _u32(word, rg + 8 * index), _u32(word, rg + 8 * index + 4)

        fc_clx, lcb_clx = pair(33)
        fc_papx, lcb_papx = pair(13)
        fc_sed, lcb_sed = pair(6)
        return cls(table_name, ccp_text, fc_clx, lcb_clx, fc_papx, lcb_papx, fc_sed, lcb_sed)


@dataclass(frozen=True, slots=True)
class _Piece:
    cp_start: int
    cp_end: int
    fc: int  # byte offset in WordDocument of the piece's first character
    width: int  # 1 (compressed) or 2 (UTF-16LE)


class _Document:
    def __init__(self, word: bytes, table: bytes, extra: bytes, fib: _Fib) -> None:
        self.word = word
        self.table = table
        self.extra = extra  # the Data stream: paragraph properties too big for an FKP
        self.fib = fib
        self.pieces = self._pieces()
        self.piece_starts = [p.cp_start for p in self.pieces]
        self.papx_starts, self.papx_runs = self._papx_runs()
        self.parsed: dict[bytes, ParagraphProps] = {}

    # -- piece table ---------------------------------------------------------------
    def _pieces(self) -> list[_Piece]:
        fib, table = self.fib, self.table
        clx = table[fib.fc_clx : fib.fc_clx + fib.lcb_clx]
        if len(clx) != fib.lcb_clx or not clx:
            raise Unsupported("CLX outside the table stream")
        at = 0
        while at < len(clx) and clx[at] == 0x01:  # Prc: property modifiers of pieces
            at += 3 + struct.unpack_from("<h", clx, at + 1)[0]
        if at >= len(clx) or clx[at] != 0x02:
            raise Unsupported("no piece table (Pcdt) in the CLX")
        lcb = _u32(clx, at + 1)
        plc = clx[at + 5 : at + 5 + lcb]
        count = (lcb - 4) // 12
        if count <= 0 or len(plc) < 4 + 12 * count:
            raise Unsupported("empty or truncated piece table")
        cps = struct.unpack_from(f"<{count + 1}I", plc, 0)
        pieces = []
        for i in range(count):
            fc_raw = _u32(plc, 4 * (count + 1) + 8 * i + 2)
            compressed = bool(fc_raw & 0x40000000)
            fc = fc_raw & 0x3FFFFFFF
            if compressed:
                pieces.append(_Piece(cps[i], cps[i + 1], fc // 2, 1))
            else:
                pieces.append(_Piece(cps[i], cps[i + 1], fc, 2))
            if cps[i + 1] < cps[i]:
                raise Unsupported("piece table CPs out of order")
        return pieces

    def _piece_text(self, piece: _Piece, start: int, end: int) -> str:
        """Characters ``[start, end)`` (CPs) of ``piece``."""
        first = piece.fc + (start - piece.cp_start) * piece.width
        raw = self.word[first : first + (end - start) * piece.width]
        if len(raw) != (end - start) * piece.width:
            raise Unsupported("a text piece lies past the end of the WordDocument stream")
        if piece.width == 2:
            return raw.decode("utf-16-le", errors="replace")
        return raw.decode("latin-1").translate(_CP1252_HIGH)

    def main_text(self) -> str:
        """The main document's characters (CPs ``[0, ccpText)``)."""
        end = self.fib.ccp_text
        parts: list[str] = []
        for piece in self.pieces:
            if piece.cp_start >= end:
                break
            parts.append(self._piece_text(piece, piece.cp_start, min(piece.cp_end, end)))
        text = "".join(parts)
        if len(text) != end:
            raise Unsupported("the piece table does not cover the main text")
        return text

    def fc_of(self, cp: int) -> int:
        piece = self.pieces[bisect_right(self.piece_starts, cp) - 1]
        return piece.fc + (cp - piece.cp_start) * piece.width

    # -- paragraph properties ------------------------------------------------------
    def _papx_runs(self) -> tuple[list[int], list[tuple[int, bytes]]]:
        """Start FCs and (end FC, grpprl) of the paragraph runs of the PAPX FKPs (the
        properties are parsed when asked for: most runs share a few)."""
        fib, table, word = self.fib, self.table, self.word
        plc = table[fib.fc_papx : fib.fc_papx + fib.lcb_papx]
        count = (len(plc) - 4) // 8
        if count <= 0:
            raise Unsupported("no paragraph properties (PlcBtePapx)")
        runs: list[tuple[int, int, bytes]] = []
        for i in range(count):
            pn = _u32(plc, 4 * (count + 1) + 4 * i) & 0x3FFFFF
            page = word[pn * 512 : pn * 512 + 512]
            if len(page) != 512:
                raise Unsupported("a paragraph-property page lies past the stream's end")
            crun = page[511]
            rgfc = struct.unpack_from(f"<{crun + 1}I", page, 0)
            for j in range(crun):
                offset = page[4 * (crun + 1) + 13 * j] * 2
                runs.append((rgfc[j], rgfc[j + 1], _grpprl(page, offset) if offset else b""))
        runs.sort(key=lambda run: run[0])
        return [run[0] for run in runs], [(run[1], run[2]) for run in runs]

    def para_at(self, cp: int) -> ParagraphProps:
        """Properties of the paragraph whose mark is at ``cp``."""
        fc = self.fc_of(cp)
        i = bisect_right(self.papx_starts, fc) - 1
        if i < 0 or fc >= self.papx_runs[i][0]:
            return ParagraphProps()
        grpprl = self.papx_runs[i][1]
        para = self.parsed.get(grpprl)
        if para is None:
            para = self.parsed[grpprl] = _para_from_sprms(grpprl, self.extra)
        return para

    # -- text ----------------------------------------------------------------------
    def text(self) -> str:
        from vbgraph.loaders.formats.word97_layout import lay_out

        return lay_out(self.main_text(), self.para_at, self.section_marks())

    def section_marks(self) -> frozenset[int]:
        """CPs of the section marks (``\\x0c`` ending a section, not a page break)."""
        plc = self.table[self.fib.fc_sed : self.fib.fc_sed + self.fib.lcb_sed]
        count = (len(plc) - 4) // 16  # (n + 1) CPs and n 12-byte section descriptors
        if count <= 0:
            return frozenset()
        return frozenset(cp - 1 for cp in struct.unpack_from(f"<{count + 1}I", plc, 0)[1:])


def _grpprl(page: bytes, offset: int) -> bytes:
    """The sprms of the PapxInFkp at ``offset`` of an FKP page (after its style index)."""
    cb = page[offset]
    if cb == 0:
        start, size = offset + 2, 2 * page[offset + 1]
    else:
        start, size = offset + 1, 2 * cb - 1
    return page[start + 2 : start + size]


def _para_from_sprms(
    grpprl: bytes, extra: bytes, para: ParagraphProps | None = None
) -> ParagraphProps:
    para = para or ParagraphProps()
    at = 0
    end = len(grpprl)
    while at + 2 <= end:
        sprm = _u16(grpprl, at)
        at += 2
        size = _operand_size(sprm, grpprl, at)
        if size is None:
            break
        operand = grpprl[at : at + size]
        at += size
        if sprm == 0x2416:
            para.in_table = operand[:1] != b"\x00"
        elif sprm == 0x2417:
            para.row_end = operand[:1] != b"\x00"
        elif sprm == 0x6649:
            para.depth = _u32(operand, 0) if len(operand) == 4 else para.depth
        elif sprm == 0xD608:
            para.bounds, para.merges = _table_definition(operand)
        elif sprm == 0x6646:  # sprmPHugePapx: the properties are in the Data stream
            where = _u32(operand, 0)
            size = _u16(extra, where)
            if where + 2 + size > len(extra):
                raise Unsupported("sprmPHugePapx past the end of the Data stream")
            _para_from_sprms(extra[where + 2 : where + 2 + size], b"", para)
    if para.in_table and para.depth == 0:
        para.depth = 1
    return para


#: Operand bytes by a sprm's spra (its top three bits); 6 is variable.
_FIXED_SIZES = {0: 1, 1: 1, 2: 2, 3: 4, 4: 2, 5: 2, 7: 3}


def _operand_size(sprm: int, grpprl: bytes, at: int) -> int | None:
    """Bytes of the operand of ``sprm`` starting at ``at`` (None: past the end)."""
    fixed = _FIXED_SIZES.get(sprm >> 13)
    if fixed is not None:
        return fixed
    if sprm in (0xD608, 0xD606):  # sprmTDefTable(10): a 2-byte size, counted + 1
        return _u16(grpprl, at) + 1 if at + 2 <= len(grpprl) else None
    if at >= len(grpprl):
        return None
    if sprm == 0xC615 and grpprl[at] == 255:
        raise Unsupported("sprmPChgTabs with a long operand")
    return grpprl[at] + 1


def _table_definition(operand: bytes) -> tuple[tuple[int, ...], tuple[tuple[int, int], ...]]:
    """Cell boundaries and (horizontal, vertical) merge codes of a ``sprmTDefTable``."""
    body = operand[2:]
    cells = body[0]
    bounds = struct.unpack_from(f"<{cells + 1}h", body, 1)
    at = 1 + 2 * (cells + 1)
    merges = []
    for i in range(cells):
        if at + 20 * i + 2 <= len(body):
            flags = _u16(body, at + 20 * i)
            merges.append((flags & 0x3, (flags >> 5) & 0x3))
        else:
            merges.append((0, 0))
    return tuple(bounds), tuple(merges)


__all__ = ["ParagraphProps", "Unsupported", "read_word97"]
