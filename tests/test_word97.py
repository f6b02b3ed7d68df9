"""The Python reader of Word 97-2003 files (formats/word97.py) and its fall-backs.

Real files come from ``../shared/corpus/formats``; the LibreOffice route (what .doc
files went through before) is the reference for their text.  The fall-back tests
change one field of a real file's FIB (olefile rewrites a stream in place) so the
reader must hand the file to a converter: a stand-in ``catdoc`` records that it ran.
"""

from __future__ import annotations

import shutil
import stat
import struct
from pathlib import Path

import olefile
import pytest

from tests.conftest import SHARED
from vbgraph.errors import InputError
from vbgraph.loaders.formats import doc as doc_reader
from vbgraph.loaders.formats.read import read_document
from vbgraph.loaders.formats.word97 import ParagraphProps, Unsupported, read_word97
from vbgraph.loaders.formats.word97_layout import lay_out

FORMATS = SHARED / "corpus" / "formats"
SCT = "lao-cai-sct"


def real(relative: str) -> Path:
    path = FORMATS / relative
    assert path.is_file(), f"{path} is missing: ../shared/corpus/formats must sit beside the repo"
    return path


@pytest.mark.parametrize(
    "relative",
    [
        # plain text, tables, fields
        f"{SCT}/sd-vlncn-sct-vn/van-ban-goc/ND-146-2025.doc",
        # section breaks after a table and at a paragraph's start
        f"{SCT}/kho-vlncn-sct-vn/van-ban-goc/TT-32-2019-BCT_QCVN-01-2019.doc",
        # rows whose right edges differ by a few twips (one grid column)
        f"{SCT}/tkm-sct-vn/van-ban-goc/TT-31-2025-TT-BCT-10-phu-luc-toan-van.doc",
        # a page break opening a paragraph
        f"{SCT}/hc-sct-vn/van-ban-goc/04-qcvn-tcvn/TCVN-5507-2002.doc",
        "vbpl-pages/(889)-Hienphap1959.doc",
    ],
)
def test_real_doc_reads_as_libreoffice_converts_it(relative: str) -> None:
    assert doc_reader.route_available("libreoffice"), "LibreOffice missing: .ci/run installs it"
    path = real(relative)
    data = path.read_bytes()
    assert read_word97(data) == doc_reader.read_doc_with("libreoffice", data, path).text


def test_real_doc_is_read_without_any_converter(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", "/nonexistent")
    doc = read_document(real("vbpl-pages/(32801)-Hien_phap_nam_2013.doc"))
    assert doc.format == "doc" and doc.warnings == ()
    assert "HIẾN PHÁP" in doc.text and "Điều 120" in doc.text


def test_merged_cells_keep_their_text_once() -> None:
    # LibreOffice glues the repeated text of horizontally merged cells
    # ("Lĩnh vực: Xuất nhập khẩuLĩnh vực: Xuất nhập khẩu"); Word shows it once.
    path = real(f"{SCT}/hnh-sct-vn/van-ban-goc/03-thong-tu/TT-26-2026-BCT-text.doc")
    text = read_word97(path.read_bytes())
    assert "| II | Lĩnh vực: Xuất nhập khẩu |  |" in text.splitlines()
    assert "Lĩnh vực: Xuất nhập khẩuLĩnh vực" not in text


# ------------------------------------------------------------------- fall-backs


def _fake_catdoc(folder: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    bin_dir = folder / "bin"
    bin_dir.mkdir()
    tool = bin_dir / "catdoc"
    cat = shutil.which("cat") or "/bin/cat"
    (folder / "out.txt").write_text("Số: 1/QĐ-UBND\n", encoding="utf-8")
    tool.write_text(f'#!/bin/sh\necho ran > "{folder}/ran"\n{cat} "{folder}/out.txt"\n')
    tool.chmod(tool.stat().st_mode | stat.S_IXUSR)
    monkeypatch.setenv("PATH", str(bin_dir))
    return folder / "ran"


def _changed_fib(tmp_path: Path, change: object) -> Path:
    path = tmp_path / "changed.doc"
    shutil.copyfile(real("vbpl-pages/(889)-Hienphap1959.doc"), path)
    with olefile.OleFileIO(str(path), write_mode=True) as ole:
        word = bytearray(ole.openstream("WordDocument").read())
        change(word)  # type: ignore[operator]
        ole.write_stream("WordDocument", bytes(word))
    return path


def _set_flag(bit: int):  # type: ignore[no-untyped-def]
    def change(word: bytearray) -> None:
        flags = struct.unpack_from("<H", word, 0x0A)[0]
        struct.pack_into("<H", word, 0x0A, flags | bit)

    return change


def _word95(word: bytearray) -> None:
    struct.pack_into("<H", word, 2, 0x0065)


def _no_piece_table(word: bytearray) -> None:
    # fcClx (the 34th fc/lcb pair) pointed past the table stream
    csw = struct.unpack_from("<H", word, 32)[0]
    at = 34 + 2 * csw
    cslw = struct.unpack_from("<H", word, at)[0]
    rg = at + 2 + 4 * cslw + 2
    struct.pack_into("<I", word, rg + 33 * 8, 0x7FFFFFF0)


@pytest.mark.parametrize(
    ("change", "why"),
    [
        (_set_flag(0x0100), "encrypted"),
        (_set_flag(0x0004), "fast-saved"),
        (_word95, "Word 6/95"),
        (_no_piece_table, "CLX outside the table stream"),
    ],
    ids=["encrypted", "fast-saved", "word95", "damaged"],
)
def test_files_the_reader_does_not_read_go_to_a_converter(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, change: object, why: str
) -> None:
    path = _changed_fib(tmp_path, change)
    with pytest.raises(Unsupported, match=why):
        read_word97(path.read_bytes())
    ran = _fake_catdoc(tmp_path, monkeypatch)
    doc = read_document(path)
    assert ran.exists()
    assert doc.text == "Số: 1/QĐ-UBND"
    assert any(why in warning for warning in doc.warnings)


def test_not_a_word_file_falls_back_and_without_converter_says_why(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "empty-container.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504)
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(InputError) as err:
        read_document(path)
    message = str(err.value)
    assert message.startswith(str(path)) and "not one vbgraph reads itself" in message
    assert "apt-get install catdoc" in message and "\n" not in message


# ------------------------------------------------------------------- layout


def _props(**marks: ParagraphProps) -> object:
    table = {int(cp): para for cp, para in ((k[1:], v) for k, v in marks.items())}
    return lambda cp: table.get(cp, ParagraphProps())


def test_fields_keep_their_result_not_their_code() -> None:
    text = 'Xem \x13 HYPERLINK "http://x" \x14Điều 5\x15 và \x13 PAGE \x15hết\r'
    assert lay_out(text, lambda cp: ParagraphProps()) == "Xem Điều 5 và hết"


def test_nested_field_inside_a_result() -> None:
    text = "a\x13 IF \x13 PAGE \x143\x15 \x14kết quả \x13 REF x \x14b\x15\x15c\r"
    assert lay_out(text, lambda cp: ParagraphProps()) == "akết quả bc"


def test_table_rows_on_the_grid_with_merges() -> None:
    cell = ParagraphProps(in_table=True, depth=1)
    # row 1: three cells; row 2: the first two merged horizontally, the third
    # continuing a vertical merge (empty), edges 1 twip apart taken as one
    row1 = ParagraphProps(True, 1, True, (0, 100, 200, 300), ((0, 0), (0, 0), (0, 0)))
    row2 = ParagraphProps(True, 1, True, (0, 100, 101, 301), ((1, 0), (2, 0), (0, 1)))
    text = "Bảng\rA\x07B|x\x07C\x07\x07D\x07D\x07E\x07\x07Hết\r"
    marks = {6: cell, 10: cell, 12: cell, 13: row1, 15: cell, 17: cell, 19: cell, 20: row2}
    lines = lay_out(text, lambda cp: marks.get(cp, ParagraphProps())).splitlines()
    assert lines == ["Bảng", "| A | B¦x | C |", "| D |  |  |", "Hết"]


def test_breaks_and_special_characters() -> None:
    text = "một\x0bhai\x1etrăm\x1fx\x01\x08\r\x0cđầu trang\rgiữa\x0ctrang\r"
    assert lay_out(text, lambda cp: ParagraphProps()).splitlines() == [
        "một",
        "hai-trămx",
        "đầu trang",
        "giữa",
        "trang",
    ]


def test_a_row_without_its_end_mark_ends_with_the_table() -> None:
    # damaged row properties: the cells are one row, the paragraphs after stay lines
    cell = ParagraphProps(in_table=True, depth=1)
    text = "A\x07B\x07\x07Sau bảng\rHết\r"
    marks = {1: cell, 3: cell, 4: cell}
    lines = lay_out(text, lambda cp: marks.get(cp, ParagraphProps())).splitlines()
    assert lines == ["| A | B |  |", "Sau bảng", "Hết"]
