"""Readers: each format, built at test time from the sample corpus, read back to text.

Fixture files come from ``format_fixtures`` (quotes of 590/QĐ-UBND, seed 001).
PDF tests embed DejaVu Sans (Debian ``fonts-dejavu-core``) when installed; the
.doc tests use a stand-in ``catdoc`` script for the plumbing and the real
``catdoc`` (Debian ``catdoc``) only for what it can be checked on without a
Word file.
"""

from __future__ import annotations

import os
import shutil
import stat
import unicodedata
from pathlib import Path

import pytest

from tests import format_fixtures as ff
from vbgraph.errors import InputError
from vbgraph.loaders.formats import doc as doc_reader
from vbgraph.loaders.formats import html as html_reader
from vbgraph.loaders.formats.read import read_document, read_text, sniff_format
from vbgraph.loaders.formats.txt import decode_bytes, is_vietnamese, mojibake_count
from vbgraph.loaders.formats.walk import iter_documents, iter_paths
from vbgraph.models import SourceDocument

SEED = ff.seed_text()
VIETNAMESE_FONT = ff.find_vietnamese_font()
needs_font = pytest.mark.skipif(
    VIETNAMESE_FONT is None,
    reason="no TrueType font with Vietnamese glyphs (apt-get install fonts-dejavu-core)",
)


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def assert_contains(text: str, *expected: str) -> None:
    flat = ff.squash(text)
    for sentence in expected:
        assert ff.squash(sentence) in flat, f"missing: {sentence[:60]!r}"


# ---------------------------------------------------------------- text files

ENCODINGS = [
    # (label, bytes, expected encoding, a warning expected)
    ("utf-8", SEED.encode("utf-8"), "utf-8", False),
    ("utf-8 with BOM", b"\xef\xbb\xbf" + SEED.encode("utf-8"), "utf-8-sig", False),
    ("utf-16-le BOM", b"\xff\xfe" + SEED.encode("utf-16-le"), "utf-16-le", False),
    ("utf-16-be BOM", b"\xfe\xff" + SEED.encode("utf-16-be"), "utf-16-be", False),
    ("utf-16-le no BOM", SEED.encode("utf-16-le"), "utf-16-le", True),
    ("cp1258", ff.encode_cp1258(SEED), "cp1258", True),
]


@pytest.mark.parametrize(
    ("label", "data", "encoding", "warned"), ENCODINGS, ids=[e[0] for e in ENCODINGS]
)
def test_text_encodings(
    tmp_path: Path, label: str, data: bytes, encoding: str, warned: bool
) -> None:
    path = tmp_path / "590-QD-UBND.txt"
    path.write_bytes(data)
    doc = read_document(path)
    assert doc.format == "txt"
    assert doc.encoding == encoding
    assert nfc(doc.text) == nfc(SEED)
    assert bool(doc.warnings) is warned
    assert doc.path == str(path)
    assert len(doc.sha256) == 64


def test_cp1258_uses_combining_tones_and_is_composed_back() -> None:
    data = ff.encode_cp1258("Quyết định của Ủy ban nhân dân tỉnh Quảng Ngãi")
    assert b"\xec" in data  # U+0301 (acute) as a separate byte: cp1258 is not precomposed
    decoded = decode_bytes(data, "x.txt")
    assert decoded.text == "Quyết định của Ủy ban nhân dân tỉnh Quảng Ngãi"
    assert unicodedata.is_normalized("NFC", decoded.text)


def test_markdown_is_text(tmp_path: Path) -> None:
    path = tmp_path / "notes.md"
    path.write_text("# Ghi chú\n\n" + SEED[:400], encoding="utf-8")
    doc = read_document(path)
    assert doc.format == "txt"
    assert_contains(doc.text, "Số: 590/QĐ-UBND")


def test_crlf_becomes_lf(tmp_path: Path) -> None:
    path = tmp_path / "crlf.txt"
    path.write_bytes(SEED.replace("\n", "\r\n").encode("utf-8"))
    assert read_document(path).text == SEED


@pytest.mark.parametrize("rounds", [1, 2])
def test_mojibake_is_repaired_with_a_warning(tmp_path: Path, rounds: int) -> None:
    damaged = ff.mojibake(SEED, rounds)
    assert "Quyáº¿t" in ff.mojibake("Quyết", 1)
    path = tmp_path / "moji.txt"
    path.write_text(damaged, encoding="utf-8")
    doc = read_document(path)
    assert doc.text == SEED
    assert any("mojibake repaired" in w for w in doc.warnings)


def test_mojibake_on_some_lines_is_repaired_line_by_line() -> None:
    lines = SEED.splitlines()[:40]
    mixed = "\n".join(ff.mojibake(line) if i % 3 == 0 else line for i, line in enumerate(lines))
    decoded = decode_bytes(mixed.encode("utf-8"), "mixed.txt")
    assert decoded.text == "\n".join(lines)
    assert "line(s)" in decoded.warnings[0]


def test_mojibake_that_cannot_be_undone_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "broken.txt"
    path.write_text("Quyết định " + ff.mojibake("Quyết định") + " số 590", encoding="utf-8")
    with pytest.raises(InputError) as err:
        read_document(path)
    message = str(err.value)
    assert message.startswith(str(path))
    assert "cannot be trusted" in message and "UTF-8" in message


def test_plausibility_and_mojibake_checks_on_the_corpus() -> None:
    for name in ("000_29fe0bc805b62d20.txt", "003_3a989aa05347324e.txt", ff.SEED_590):
        text = ff.seed_text(name)
        assert is_vietnamese(text)
        assert mojibake_count(text) == 0
    assert not is_vietnamese("Die Verordnung über Straßenverkehr wird geändert.")
    assert mojibake_count(ff.mojibake("Quyết định")) >= 2


def test_read_text_wraps_memory_text() -> None:
    doc = read_text("Số: 590/QĐ-UBND", name="inline")
    assert isinstance(doc, SourceDocument)
    assert (doc.path, doc.format, doc.encoding) == ("inline", "txt", "utf-8")


# ---------------------------------------------------------------------- docx


def test_docx_paragraphs_and_tables_in_reading_order(tmp_path: Path) -> None:
    path = tmp_path / "590-QD-UBND.docx"
    content = ff.make_docx(path)
    doc = read_document(path)
    assert (doc.format, doc.encoding) == ("docx", None)
    assert_contains(doc.text, *map(str, content["paragraphs"]))
    lines = doc.text.splitlines()
    # the letterhead table: one row, each cell's two paragraphs joined by a space
    assert lines[0] == (
        "| ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM "
        "Độc lập - Tự do - Hạnh phúc |"
    )
    header = "| STT | Nội dung nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian |"
    order = [
        lines.index("Số: 590/QĐ-UBND"),
        lines.index("PHỤ LỤC: NHIỆM VỤ CỤ THỂ"),
        lines.index(header),
        lines.index("Nơi nhận:"),
    ]
    assert order == sorted(order)
    rows = [line for line in lines[order[2] :] if line.startswith("|")]
    # merged across the row: written once, column positions kept
    assert rows[1] == "| I. Sở Ngoại vụ |  |  |  |  |"
    tasks = content["tasks"]
    assert rows[2] == "| " + " | ".join(map(str, tasks[1])) + " |"
    # "Sở Ngoại vụ" merged down: not repeated on the second row
    cells = [c.strip() for c in rows[3].strip("|").split("|")]
    assert cells[0] == "2" and cells[2] == "" and cells[4] == "Thường xuyên"
    assert doc.text.count("| Sở Ngoại vụ |") == 1
    assert all(row.count("|") == 6 for row in rows)


def test_docx_named_doc_is_read_as_docx(tmp_path: Path) -> None:
    real = tmp_path / "real.docx"
    ff.make_docx(real)
    renamed = tmp_path / "renamed.doc"
    renamed.write_bytes(real.read_bytes())
    doc = read_document(renamed)
    assert doc.format == "docx"
    assert any("read as docx" in w for w in doc.warnings)
    assert_contains(doc.text, "Số: 590/QĐ-UBND")


# ----------------------------------------------------------------------- pdf


@needs_font
def test_pdf_vietnamese_text_and_table(tmp_path: Path) -> None:
    path = tmp_path / "590-QD-UBND.pdf"
    content = ff.make_pdf(path, VIETNAMESE_FONT)
    doc = read_document(path)
    assert (doc.format, doc.warnings) == ("pdf", ())
    assert unicodedata.is_normalized("NFC", doc.text)
    assert_contains(doc.text, *map(str, content["paragraphs"]))
    lines = doc.text.splitlines()
    assert "| STT | Nội dung nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian |" in lines
    rows = [line for line in lines if line.startswith("| ")]
    assert len(rows) == len(content["tasks"])
    for row, expected in zip(rows, content["tasks"], strict=True):
        assert ff.squash(row) == ff.squash("| " + " | ".join(map(str, expected)) + " |")
    # the cell texts appear only in the rows, and in order after the heading
    assert doc.text.count("Sở Kế hoạch và Đầu tư") == 1
    assert lines.index("PHỤ LỤC: NHIỆM VỤ CỤ THỂ") < lines.index(rows[0]) < lines.index("Nơi nhận:")
    # page numbers ("1" in page 1's footer, "2" in page 2's header) are gone
    assert "1" not in lines and "2" not in lines


def test_pdf_ascii_without_embedded_font(tmp_path: Path) -> None:
    path = tmp_path / "ascii.pdf"
    ff.make_pdf(path, None)
    doc = read_document(path)
    assert_contains(doc.text, "So: 590/QD-UBND", "Can cu Nghi quyet so 22-NQ/TWngay 10/4/2013")
    assert "| STT | Noi dung nhiem vu | Co quan chu tri | Co quan phoi hop | Thoi gian |" in (
        doc.text.splitlines()
    )


def test_pdf_page_without_text_or_scan_is_a_warning(tmp_path: Path) -> None:
    writer = ff.PdfWriter(None)
    writer.page().texts.append((50, 800, 10, "Ke hoach 214/KH-UBND"))
    writer.page().filled.append((50, 100, 495, 650))  # a drawing, not a scanned image
    path = tmp_path / "half-drawn.pdf"
    writer.write(path)
    doc = read_document(path)
    assert doc.text == "Ke hoach 214/KH-UBND"
    assert doc.warnings == ("page(s) 2 have no text and no scanned image",)


# ---------------------------------------------------------------------- html


BOILERPLATE = [
    "Trang chủ",
    "Giới thiệu",
    "Liên hệ",
    "Bản quyền",
    "Văn bản mới",
    "Chia sẻ",
    "tracking",
    "CỔNG THÔNG TIN ĐIỆN TỬ",
    "Kế hoạch 214/KH-UBND",
]


@pytest.mark.parametrize("suffix", [".html", ".htm"])
def test_html_portal_page_keeps_the_body(tmp_path: Path, suffix: str) -> None:
    content = ff.decision_590()
    path = tmp_path / f"590-QD-UBND{suffix}"
    path.write_text(ff.portal_page(content), encoding="utf-8")
    doc = read_document(path)
    assert (doc.format, doc.encoding) == ("html", "utf-8")
    lines = doc.text.splitlines()
    for paragraph in content["paragraphs"]:
        assert str(paragraph) in lines  # one block, one line
    for row in content["tasks"]:
        assert ff.squash("| " + " | ".join(map(str, row)) + " |") in map(ff.squash, lines)
    assert lines[0].startswith("| ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI")
    assert lines[-3:] == ["Nơi nhận:", "- Như Điều 4;", "- Lưu: VT."]
    for junk in BOILERPLATE:
        assert junk not in doc.text


def test_html_in_windows_1258_by_its_meta_charset(tmp_path: Path) -> None:
    page = ff.portal_page(ff.decision_590()).replace(
        '<meta charset="utf-8">',
        '<meta http-equiv="Content-Type" content="text/html; charset=windows-1258">',
    )
    path = tmp_path / "legacy.htm"
    path.write_bytes(ff.encode_cp1258(page))
    doc = read_document(path)
    assert doc.encoding == "windows-1258"
    assert_contains(doc.text, ff.seed_line("Căn cứ Nghị quyết số 22-NQ/TW"))
    assert unicodedata.is_normalized("NFC", doc.text)


def test_html_falls_back_to_block_text(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(html_reader, "_trafilatura", lambda html: "")
    path = tmp_path / "page.html"
    page = ff.portal_page(ff.decision_590())
    # no document container a portal is known by: trafilatura's turn, then the fallback
    path.write_text(page.replace('id="divContentDoc" class="content1"', ""), encoding="utf-8")
    doc = read_document(path)
    assert any("block-level" in w for w in doc.warnings)
    assert_contains(doc.text, ff.seed_line("Điều 2. Giao Sở Ngoại vụ"))
    assert "| STT | Nội dung nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian |" in (
        doc.text.splitlines()
    )
    for junk in BOILERPLATE:
        assert junk not in doc.text


def test_html_document_container_is_read_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A portal's document container is the text: trafilatura (which drops paragraphs
    of long laws) is not asked."""

    def refuse(html: str) -> str:
        raise AssertionError("trafilatura asked although the page has a document container")

    monkeypatch.setattr(html_reader, "_trafilatura", refuse)
    path = tmp_path / "page.html"
    path.write_text(ff.portal_page(ff.decision_590()), encoding="utf-8")
    doc = read_document(path)
    assert doc.warnings == ()
    assert_contains(doc.text, ff.seed_line("Điều 2. Giao Sở Ngoại vụ"))
    for junk in BOILERPLATE:
        assert junk not in doc.text


def test_html_table_spans_keep_columns() -> None:
    from lxml import html

    table = html.fromstring(
        "<table><tr><td rowspan=2>Sở Ngoại vụ</td><td colspan=2>Năm 2014</td></tr>"
        "<tr><td>a|b</td><td>c</td></tr></table>"
    )
    assert html_reader.table_grid(table) == [["Sở Ngoại vụ", "Năm 2014", ""], ["", "a¦b", "c"]]


def test_saved_page_named_doc_is_read_as_html(tmp_path: Path) -> None:
    path = tmp_path / "590.doc"  # portals often serve HTML as .doc
    path.write_text(ff.portal_page(ff.decision_590()), encoding="utf-8")
    doc = read_document(path)
    assert doc.format == "html"
    assert any("read as html" in w for w in doc.warnings)


# ----------------------------------------------------------------------- doc


def _fake_tool(folder: Path, name: str, script: str) -> None:
    tool = folder / name
    tool.write_text("#!/bin/sh\n" + script, encoding="utf-8")
    tool.chmod(tool.stat().st_mode | stat.S_IXUSR)


def _ole_file(path: Path) -> Path:
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504)
    return path


def test_doc_through_catdoc(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    out = tmp_path / "catdoc-output.txt"
    out.write_text(
        "Số: 590/QĐ-UBND\n\tCăn cứ Nghị quyết số 22-NQ/TW ngày 10/4/2013;\n"
        "STT\tNội dung nhiệm vụ\tCơ quan chủ trì\n1\tThành lập Ủy ban\tSở Ngoại vụ\n",
        encoding="utf-8",
    )
    cat = shutil.which("cat") or "/bin/cat"
    _fake_tool(bin_dir, "catdoc", f'echo "$@" > "{tmp_path}/args"\n{cat} "{out}"\n')
    monkeypatch.setenv("PATH", str(bin_dir))
    doc = read_document(_ole_file(tmp_path / "590.doc"))
    assert doc.format == "doc"
    assert doc.text.splitlines() == [
        "Số: 590/QĐ-UBND",
        "\tCăn cứ Nghị quyết số 22-NQ/TW ngày 10/4/2013;",
        "| STT | Nội dung nhiệm vụ | Cơ quan chủ trì |",
        "| 1 | Thành lập Ủy ban | Sở Ngoại vụ |",
    ]
    assert "-w -d utf-8" in (tmp_path / "args").read_text()


def test_doc_converter_failure_names_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    _fake_tool(bin_dir, "catdoc", 'echo "not a Word file" >&2\nexit 1\n')
    monkeypatch.setenv("PATH", str(bin_dir))
    path = _ole_file(tmp_path / "bad.doc")
    with pytest.raises(InputError, match="catdoc could not read") as err:
        read_document(path)
    assert str(err.value).startswith(str(path))


def test_doc_without_converter_says_what_to_install(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    path = _ole_file(tmp_path / "590.doc")
    with pytest.raises(InputError) as err:
        read_document(path)
    assert str(err.value).startswith(str(path))
    assert "apt-get install catdoc" in str(err.value)


@pytest.mark.parametrize("route", doc_reader.ROUTES)
def test_real_converter_refuses_a_damaged_doc(tmp_path: Path, route: str) -> None:
    assert doc_reader.route_available(route), f"{route} missing: .ci/run installs it"
    path = _ole_file(tmp_path / "damaged.doc")
    with pytest.raises(InputError) as err:
        doc_reader.read_doc_with(route, path.read_bytes(), path)
    assert str(err.value).startswith(str(path))
    assert "\n" not in str(err.value)


# --------------------------------------------------------------------- walk


def _corpus_folder(root: Path) -> None:
    (root / "2014" / "Quang Ngai").mkdir(parents=True)
    (root / ".git").mkdir()
    (root / ".git" / "config.txt").write_text("[core]", encoding="utf-8")
    (root / "b.txt").write_text(SEED, encoding="utf-8")
    (root / "A.txt").write_text(ff.seed_text("002_8eda3a25e50b8ea0.txt"), encoding="utf-8")
    ff.make_docx(root / "2014" / "Quang Ngai" / "590.docx")
    (root / "2014" / "Quang Ngai" / "~$590.docx").write_bytes(b"\x00lock")
    (root / "2014" / ".hidden.txt").write_text("x", encoding="utf-8")
    (root / "2014" / "broken.pdf").write_bytes(b"%PDF-1.4\n1 0 obj\n<<")
    (root / "2014" / "bang-tinh.xlsx").write_bytes(b"PK\x03\x04")
    (root / "notes.txt~").write_text("backup", encoding="utf-8")


def test_iter_documents_walks_in_order_and_yields_errors(tmp_path: Path) -> None:
    _corpus_folder(tmp_path)
    results = list(iter_documents(tmp_path))
    names = [p.relative_to(tmp_path).as_posix() for p, _ in results]
    assert names == [
        "2014/bang-tinh.xlsx",
        "2014/broken.pdf",
        "2014/Quang Ngai/590.docx",
        "A.txt",
        "b.txt",
    ]
    kinds = {p.name: type(r).__name__ for p, r in results}
    assert kinds == {
        "bang-tinh.xlsx": "InputError",
        "broken.pdf": "InputError",
        "590.docx": "SourceDocument",
        "A.txt": "SourceDocument",
        "b.txt": "SourceDocument",
    }
    for path, result in results:
        if isinstance(result, InputError):
            assert str(result).startswith(str(path))


def test_iter_documents_glob_recursion_and_explicit_files(tmp_path: Path) -> None:
    _corpus_folder(tmp_path)
    assert [p.name for p in iter_paths(tmp_path, glob="*.txt")] == ["A.txt", "b.txt"]
    assert [p.name for p in iter_paths(tmp_path, recursive=False)] == ["A.txt", "b.txt"]
    explicit = tmp_path / "2014" / ".hidden.txt"
    assert list(iter_paths([explicit, tmp_path / "b.txt", tmp_path], glob="b.*")) == [
        explicit,
        tmp_path / "b.txt",
    ]
    missing = tmp_path / "missing.txt"
    [(path, error)] = list(iter_documents(str(missing)))
    assert path == missing and isinstance(error, InputError)
    assert str(error).startswith(str(missing))


def test_sniff_format() -> None:
    assert sniff_format(b"%PDF-1.7\n") == "pdf"
    assert sniff_format(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1") == "doc"
    assert sniff_format(b"<!DOCTYPE html><html>") == "html"
    assert sniff_format(b"{\\rtf1\\ansi") == "rtf"
    assert sniff_format(SEED.encode()) is None


def test_env_is_untouched() -> None:
    assert "PATH" in os.environ
