"""Bad input: every failure is an ``InputError`` naming the file, the reason and what to do.

No library exception (zipfile, pdfminer, lxml, UnicodeDecodeError) may escape:
truncations of a real .docx and .pdf at many offsets are read back and must
either succeed or raise ``InputError``.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from tests import format_fixtures as ff
from vbgraph.errors import InputError
from vbgraph.loaders.formats import read as read_module
from vbgraph.loaders.formats.read import read_document
from vbgraph.loaders.formats.walk import iter_documents


def _docx_bytes(tmp: Path) -> bytes:
    path = tmp / "source.docx"
    ff.make_docx(path)
    return path.read_bytes()


def _pdf_bytes(tmp: Path) -> bytes:
    path = tmp / "source.pdf"
    ff.make_pdf(path, ff.find_vietnamese_font())
    return path.read_bytes()


def _drawn(tmp: Path) -> bytes:
    path = tmp / "source.pdf"
    ff.make_drawn_pdf(path)
    return path.read_bytes()


Builder = Callable[[Path], bytes]

CASES: list[tuple[str, str, Builder, tuple[str, ...]]] = [
    # (id, file name, bytes, words the message must contain: reason and remedy)
    ("empty", "empty.txt", lambda t: b"", ("empty", "get the document")),
    ("empty docx", "empty.docx", lambda t: b"", ("empty",)),
    ("binary", "data.txt", lambda t: bytes(range(256)) * 8, ("binary", "convert")),
    ("control chars", "ctl.txt", lambda t: b"\x01\x02\x03\x04\x05abc" * 20, ("binary",)),
    (
        "not vietnamese 8-bit",
        "latin.txt",
        lambda t: bytes(range(0x80, 0x100)) * 4 + b" text",
        ("cannot be trusted", "UTF-8"),
    ),
    ("truncated docx", "cut.docx", lambda t: _docx_bytes(t)[:1500], ("truncated", "re-save")),
    (
        "docx half",
        "half.docx",
        lambda t: _docx_bytes(t)[: len(_docx_bytes(t)) // 2],
        ("truncated",),
    ),
    ("docx not zip", "fake.docx", lambda t: b"Quyet dinh 590" * 10, ("not a .docx",)),
    (
        "ole as docx",
        "old.docx",
        lambda t: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600,
        ("OLE", "rename it to .doc"),
    ),
    ("zip as docx", "archive.docx", lambda t: b"PK\x03\x04" + b"\x00" * 200, ("truncated",)),
    ("truncated pdf", "cut.pdf", lambda t: _pdf_bytes(t)[:700], ("PDF", "damaged")),
    ("pdf garbage", "junk.pdf", lambda t: b"%PDF-1.4\n" + os.urandom(300), ("PDF",)),
    ("not a pdf", "fake.pdf", lambda t: b"hello world" * 10, ("not a PDF",)),
    ("pdf of shapes only", "drawn.pdf", _drawn, ("no text in the PDF", "right document")),
    ("doc not ole", "fake.doc", lambda t: b"Quyet dinh 590" * 10, ("not a Word 97-2003",)),
    ("rtf as doc", "letter.doc", lambda t: b"{\\rtf1\\ansi Quyet dinh}", ("RTF", ".docx")),
    (
        "html without body text",
        "nav.html",
        lambda t: (
            b"<html><body><nav><a href='/'>Trang chu</a></nav><script>x=1</script></body></html>"
        ),
        ("no document text",),
    ),
    ("unknown extension", "bang.xlsx", lambda t: b"PK\x03\x04", ("unsupported file type", ".docx")),
    ("no extension", "README", lambda t: b"text", ("unsupported file type", "(no extension)")),
    ("whitespace only", "blank.txt", lambda t: b" \n\t\n", ("no text",)),
]


@pytest.mark.parametrize(
    ("name", "builder", "words"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_bad_input_is_an_input_error_naming_the_file(
    tmp_path: Path, name: str, builder: Builder, words: tuple[str, ...]
) -> None:
    data = builder(tmp_path)
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(InputError) as err:
        read_document(path)
    message = str(err.value)
    assert message.startswith(f"{path}: ")
    for word in words:
        assert word in message, message
    assert type(err.value) is InputError and err.value.__cause__ is None


def test_file_over_the_size_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(read_module, "MAX_BYTES", 1000)
    path = tmp_path / "big.txt"
    path.write_text("Quyết định " * 200, encoding="utf-8")
    with pytest.raises(InputError, match="over the 1000 byte limit") as err:
        read_document(path)
    assert str(err.value).startswith(str(path))


def test_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "gone.pdf"
    with pytest.raises(InputError, match="no such file"):
        read_document(path)


def test_a_folder_is_not_a_file(tmp_path: Path) -> None:
    folder = tmp_path / "plans.txt"
    folder.mkdir()
    with pytest.raises(InputError, match="no such file"):
        read_document(folder)


@pytest.mark.parametrize("kind", ["docx", "pdf"])
def test_no_library_exception_escapes_from_truncated_files(tmp_path: Path, kind: str) -> None:
    data = _docx_bytes(tmp_path) if kind == "docx" else _pdf_bytes(tmp_path)
    cuts = sorted({1, 4, 30, 100, 500, *range(600, len(data), max(1, len(data) // 60))})
    path = tmp_path / f"cut.{kind}"
    outcomes = {"read": 0, "refused": 0}
    for cut in cuts:
        path.write_bytes(data[:cut])
        try:
            read_document(path)
        except InputError as exc:
            assert str(exc).startswith(str(path))
            outcomes["refused"] += 1
        else:
            outcomes["read"] += 1
    assert outcomes["refused"] > 0


def test_a_broken_file_never_stops_the_folder(tmp_path: Path) -> None:
    (tmp_path / "a-empty.txt").write_bytes(b"")
    (tmp_path / "b-cut.docx").write_bytes(_docx_bytes(tmp_path)[:900])
    (tmp_path / "c-drawn.pdf").write_bytes(_drawn(tmp_path))
    (tmp_path / "d-590.txt").write_text(ff.seed_text(), encoding="utf-8")
    (tmp_path / "source.docx").unlink()
    (tmp_path / "source.pdf").unlink()
    results = list(iter_documents(tmp_path))
    assert [p.name for p, _ in results] == ["a-empty.txt", "b-cut.docx", "c-drawn.pdf", "d-590.txt"]
    assert [type(r).__name__ for _, r in results] == ["InputError"] * 3 + ["SourceDocument"]
