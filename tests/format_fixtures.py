"""Builders for real-looking input files, made at test time (helpers for the reader tests).

Texts come from the sample corpus shipped in ``vbgraph/data/seeds`` (the same
five files as ``shared/corpus/seeds``): the 590/QĐ-UBND decision of Quảng Ngãi
(seed 001) gives the header, the "Căn cứ" lines and the tasks of Sở Ngoại vụ
and Sở Kế hoạch và Đầu tư, laid out in the usual appendix table (STT / Nội
dung nhiệm vụ / Cơ quan chủ trì / Cơ quan phối hợp / Thời gian).

PDFs are written by a tiny PDF writer below, not reportlab: when a TrueType
font with Vietnamese glyphs is installed (DejaVu Sans, Debian package
``fonts-dejavu-core``) it is embedded as a CIDFontType2 with Identity-H
encoding, per-glyph widths and a ToUnicode map, so pdfplumber reads real
Vietnamese back; without one, only an ASCII PDF (standard Helvetica) can be
made and the Vietnamese PDF tests skip.
"""

from __future__ import annotations

import importlib.resources
import struct
import subprocess
import textwrap
import unicodedata
import zlib
from dataclasses import dataclass, field
from pathlib import Path

SEED_590 = "001_442fd82c9306811c.txt"


def seed_text(name: str = SEED_590) -> str:
    return (importlib.resources.files("vbgraph") / "data" / "seeds" / name).read_text("utf-8")


def seed_line(prefix: str, name: str = SEED_590) -> str:
    """The first line of a seed that starts with ``prefix`` (so fixtures quote the corpus)."""
    for line in seed_text(name).splitlines():
        if line.strip().startswith(prefix):
            return line.strip()
    raise LookupError(f"no line starting with {prefix!r} in {name}")


def squash(text: str) -> str:
    """NFC, whitespace collapsed: for comparing extracted text with the source."""
    return " ".join(unicodedata.normalize("NFC", text).split())


def decision_590() -> dict[str, list[str] | list[list[str]]]:
    """Paragraphs and an appendix task table quoted from 590/QĐ-UBND."""
    paragraphs = [
        seed_line("Số: 590/QĐ-UBND"),
        seed_line("Quảng Ngãi, ngày 22 tháng 4 năm 2014"),
        "QUYẾT ĐỊNH",
        seed_line("Căn cứ Nghị quyết số 22-NQ/TW"),
        seed_line("Căn cứ Chương trình hành động"),
        seed_line("Điều 2. Giao Sở Ngoại vụ"),
    ]
    tasks = [
        ["STT", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian"],
        [
            "1",
            seed_line("- Chủ trì phối hợp với Sở Nội vụ")[2:],
            "Sở Ngoại vụ",
            "Sở Nội vụ",
            "Năm 2014",
        ],
        [
            "2",
            seed_line("- Tham mưu có hiệu quả về công tác")[2:],
            "Sở Ngoại vụ",
            "",
            "Thường xuyên",
        ],
        [
            "3",
            seed_line("- Chủ trì, phối hợp với các cơquan liên quan nghiên cứu")[2:],
            "Sở Kế hoạch và Đầu tư",
            "Các sở, ban ngành liên quan",
            "Hằng năm",
        ],
    ]
    return {"paragraphs": paragraphs, "tasks": tasks}


# --------------------------------------------------------------------- .docx


def make_docx(path: Path) -> dict[str, list[str] | list[list[str]]]:
    """A 590/QĐ-UBND-like .docx: a two-cell letterhead table, text, the task table.

    The task table has a row merged across all columns (a group heading) and
    "Sở Ngoại vụ" merged down two rows.
    """
    from docx import Document

    content = decision_590()
    doc = Document()
    head = doc.add_table(rows=1, cols=2)
    left, right = head.rows[0].cells
    left.text = "ỦY BAN NHÂN DÂN"
    left.add_paragraph("TỈNH QUẢNG NGÃI")
    right.text = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    right.add_paragraph("Độc lập - Tự do - Hạnh phúc")
    for text in content["paragraphs"]:
        doc.add_paragraph(str(text))
    doc.add_paragraph("PHỤ LỤC: NHIỆM VỤ CỤ THỂ")
    tasks = content["tasks"]
    table = doc.add_table(rows=len(tasks) + 1, cols=5)
    rows = [tasks[0], ["I. Sở Ngoại vụ", "", "", "", ""], *tasks[1:]]
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            if value:
                table.cell(r, c).text = str(value)
    table.cell(1, 0).merge(table.cell(1, 4))  # group heading across the row
    lead = table.cell(2, 2).merge(table.cell(3, 2))  # "Sở Ngoại vụ" down two rows
    lead.text = "Sở Ngoại vụ"
    doc.add_paragraph("Nơi nhận:")
    doc.save(str(path))
    return content


# ---------------------------------------------------------------------- .pdf

FONT_CANDIDATES = (
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/TTF/DejaVuSans.ttf",
    "/usr/share/fonts/dejavu/DejaVuSans.ttf",
)


def find_vietnamese_font() -> Path | None:
    """A TrueType font with Vietnamese glyphs: DejaVu Sans, else what fc-list offers."""
    for candidate in FONT_CANDIDATES:
        if Path(candidate).is_file():
            return Path(candidate)
    try:
        out = subprocess.run(
            ["fc-list", ":lang=vi", "file"], capture_output=True, text=True, timeout=20
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    for line in out.splitlines():
        file = line.split(":")[0].strip()
        if file.lower().endswith(".ttf"):
            return Path(file)
    return None


class TrueTypeFont:
    """Just enough of a TrueType file: glyph ids (cmap format 4) and advance widths."""

    def __init__(self, path: Path) -> None:
        self.data = path.read_bytes()
        self.name = path.stem.replace(" ", "")
        num_tables = struct.unpack(">H", self.data[4:6])[0]
        self.tables: dict[str, int] = {}
        for i in range(num_tables):
            tag, _, offset, _ = struct.unpack(">4sIII", self.data[12 + 16 * i : 28 + 16 * i])
            self.tables[tag.decode("latin-1")] = offset
        self.units_per_em = self._u16(self.tables["head"] + 18)
        self.num_metrics = self._u16(self.tables["hhea"] + 34)
        self._cmap = self._find_cmap4()

    def _u16(self, at: int) -> int:
        return int(struct.unpack(">H", self.data[at : at + 2])[0])

    def _find_cmap4(self) -> int:
        base = self.tables["cmap"]
        for i in range(self._u16(base + 2)):
            platform, encoding = self._u16(base + 4 + 8 * i), self._u16(base + 6 + 8 * i)
            offset = struct.unpack(">I", self.data[base + 8 + 8 * i : base + 12 + 8 * i])[0]
            if (platform, encoding) in ((3, 1), (0, 3)) and self._u16(base + offset) == 4:
                return int(base + offset)
        raise ValueError("no Unicode BMP cmap (format 4)")

    def glyph(self, char: str) -> int:
        code, sub = ord(char), self._cmap
        segs = self._u16(sub + 6) // 2
        ends, starts = sub + 14, sub + 16 + 2 * segs
        deltas, ranges = starts + 2 * segs, starts + 4 * segs
        for i in range(segs):
            if code > self._u16(ends + 2 * i):
                continue
            start = self._u16(starts + 2 * i)
            if code < start:
                return 0
            delta = self._u16(deltas + 2 * i)
            range_offset = self._u16(ranges + 2 * i)
            if range_offset == 0:
                return (code + delta) & 0xFFFF
            g = self._u16(ranges + 2 * i + range_offset + 2 * (code - start))
            return (g + delta) & 0xFFFF if g else 0
        return 0

    def advance(self, gid: int) -> int:
        """Advance width in 1/1000 em."""
        index = min(gid, self.num_metrics - 1)
        units = self._u16(self.tables["hmtx"] + 4 * index)
        return round(units * 1000 / self.units_per_em)


@dataclass
class PdfPage:
    """Text runs (x, y, size, text) and stroked rectangles (x, y, w, h), PDF points."""

    texts: list[tuple[float, float, float, str]] = field(default_factory=list)
    rects: list[tuple[float, float, float, float]] = field(default_factory=list)
    filled: list[tuple[float, float, float, float]] = field(default_factory=list)


class PdfWriter:
    """A minimal PDF 1.4 writer: pages of positioned text and rectangles."""

    def __init__(self, font_path: Path | None) -> None:
        self.font = TrueTypeFont(font_path) if font_path else None
        self.pages: list[PdfPage] = []
        self.used: dict[int, str] = {}

    def page(self) -> PdfPage:
        self.pages.append(PdfPage())
        return self.pages[-1]

    def _encode(self, text: str) -> bytes:
        text = unicodedata.normalize("NFC", text)
        if self.font is None:
            if not text.isascii():
                raise ValueError("no Vietnamese font: ASCII text only")
            escaped = text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
            return f"({escaped}) Tj".encode("ascii")
        gids = []
        for ch in text:
            gid = self.font.glyph(ch)
            if gid == 0:
                raise ValueError(f"font has no glyph for {ch!r}")
            self.used[gid] = ch
            gids.append(gid)
        return b"<" + "".join(f"{g:04X}" for g in gids).encode("ascii") + b"> Tj"

    def _content(self, page: PdfPage) -> bytes:
        ops: list[bytes] = [b"0.5 w"]
        for x, y, w, h in page.rects:
            ops.append(f"{x:.2f} {y:.2f} {w:.2f} {h:.2f} re S".encode())
        for x, y, w, h in page.filled:
            ops.append(f"0.3 g {x:.2f} {y:.2f} {w:.2f} {h:.2f} re f 0 g".encode())
        for x, y, size, text in page.texts:
            ops.append(
                f"BT /F1 {size:g} Tf {x:.2f} {y:.2f} Td ".encode() + self._encode(text) + b" ET"
            )
        return b"\n".join(ops)

    def write(self, path: Path) -> None:
        contents = [self._content(p) for p in self.pages]  # fills self.used
        objects: list[bytes] = []

        def add(body: bytes) -> int:
            objects.append(body)
            return len(objects)

        def stream(data: bytes, extra: str = "") -> bytes:
            packed = zlib.compress(data)
            return (
                f"<< /Length {len(packed)} /Filter /FlateDecode {extra}>>\nstream\n".encode()
                + packed
                + b"\nendstream"
            )

        catalog = add(b"")  # filled in below
        pages_obj = add(b"")
        font_obj = self._add_font(add, stream)
        kids = []
        for content in contents:
            content_obj = add(stream(content))
            kids.append(
                add(
                    f"<< /Type /Page /Parent {pages_obj} 0 R /MediaBox [0 0 595 842] "
                    f"/Resources << /Font << /F1 {font_obj} 0 R >> >> "
                    f"/Contents {content_obj} 0 R >>".encode()
                )
            )
        objects[catalog - 1] = f"<< /Type /Catalog /Pages {pages_obj} 0 R >>".encode()
        objects[pages_obj - 1] = (
            f"<< /Type /Pages /Kids [{' '.join(f'{k} 0 R' for k in kids)}] "
            f"/Count {len(kids)} >>".encode()
        )
        out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
        offsets = []
        for number, body in enumerate(objects, 1):
            offsets.append(len(out))
            out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
        xref = len(out)
        out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
        for offset in offsets:
            out += f"{offset:010d} 00000 n \n".encode()
        out += (
            f"trailer\n<< /Size {len(objects) + 1} /Root {catalog} 0 R >>\n"
            f"startxref\n{xref}\n%%EOF\n"
        ).encode()
        path.write_bytes(bytes(out))

    def _add_font(self, add, stream) -> int:  # type: ignore[no-untyped-def]
        if self.font is None:
            return int(
                add(
                    b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica "
                    b"/Encoding /WinAnsiEncoding >>"
                )
            )
        font = self.font
        file_obj = add(stream(font.data, f"/Length1 {len(font.data)} "))
        descriptor = add(
            f"<< /Type /FontDescriptor /FontName /{font.name} /Flags 32 "
            "/FontBBox [-1021 -463 1793 1232] /ItalicAngle 0 /Ascent 928 /Descent -236 "
            f"/CapHeight 729 /StemV 80 /FontFile2 {file_obj} 0 R >>".encode()
        )
        gids = sorted(self.used)
        widths = " ".join(f"{g} [{font.advance(g)}]" for g in gids)
        cid_font = add(
            f"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /{font.name} "
            "/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> "
            f"/FontDescriptor {descriptor} 0 R /DW 1000 /W [{widths}] "
            "/CIDToGIDMap /Identity >>".encode()
        )
        chunks = [gids[i : i + 100] for i in range(0, len(gids), 100)]
        bfchars = "".join(
            f"{len(chunk)} beginbfchar\n"
            + "".join(
                f"<{g:04X}> <{''.join(f'{u:04X}' for u in self._utf16(self.used[g]))}>\n"
                for g in chunk
            )
            + "endbfchar\n"
            for chunk in chunks
        )
        cmap = (
            "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
            "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
            "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
            "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n"
            f"{bfchars}endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n"
        )
        to_unicode = add(stream(cmap.encode("ascii")))
        return int(
            add(
                f"<< /Type /Font /Subtype /Type0 /BaseFont /{font.name} /Encoding /Identity-H "
                f"/DescendantFonts [{cid_font} 0 R] /ToUnicode {to_unicode} 0 R >>".encode()
            )
        )

    @staticmethod
    def _utf16(ch: str) -> list[int]:
        raw = ch.encode("utf-16-be")
        return [int.from_bytes(raw[i : i + 2], "big") for i in range(0, len(raw), 2)]


def make_pdf(path: Path, font: Path | None) -> dict[str, list[str] | list[list[str]]]:
    """Two pages of 590/QĐ-UBND: text with page numbers, then a ruled task table.

    With ``font`` None the texts are ASCII-folded (tone marks dropped) and set
    in Helvetica.
    """
    content = decision_590()
    fold = _ascii_fold if font is None else (lambda s: s)
    writer = PdfWriter(font)
    first = writer.page()
    y = 800.0
    for paragraph in content["paragraphs"]:
        for line in textwrap.wrap(fold(str(paragraph)), 88):
            first.texts.append((50, y, 10, line))
            y -= 14
        y -= 6
    first.texts.append((290, 30, 10, "1"))  # page number in the footer
    second = writer.page()
    second.texts.append((290, 815, 10, "2"))  # page number in the header
    second.texts.append((50, 790, 11, fold("PHỤ LỤC: NHIỆM VỤ CỤ THỂ")))
    widths = [30, 220, 90, 90, 65]
    top = 770.0
    for row in content["tasks"]:
        cells = [
            textwrap.wrap(fold(str(cell)), max(4, int(w / 5.6))) or [""]
            for cell, w in zip(row, widths, strict=True)
        ]
        height = 14 * max(len(c) for c in cells) + 6
        x = 50.0
        for w, lines in zip(widths, cells, strict=True):
            second.rects.append((x, top - height, w, height))
            for i, line in enumerate(lines):
                if line:
                    second.texts.append((x + 3, top - 13 - 14 * i, 9, line))
            x += w
        top -= height
    second.texts.append((50, top - 30, 10, fold("Nơi nhận:")))
    writer.write(path)
    return content


def make_drawn_pdf(path: Path) -> None:
    """A one-page PDF with only a grey box drawn as a shape: no text and no image."""
    writer = PdfWriter(None)
    writer.page().filled.append((50, 100, 495, 650))
    writer.write(path)


def make_rendered_scan(path: Path, lines: list[str], font: Path, dpi: int = 300) -> list[str]:
    """A scanned-looking PDF: ``lines`` rendered in ``font`` (12 pt) on A4 page images at
    ``dpi``, one image per page and no text layer.  Long lines are wrapped; returns the
    lines as they were drawn (the clean text the OCR is measured against)."""
    from PIL import Image, ImageDraw, ImageFont

    px = dpi / 72
    size, margin, leading = 12 * px, 60 * px, 12 * px * 1.45
    width, height = int(595 * px), int(842 * px)
    face = ImageFont.truetype(str(font), int(size))
    drawn: list[str] = []
    for line in lines:
        words, current = line.split(), ""
        for word in words:
            candidate = f"{current} {word}".strip()
            if current and face.getlength(candidate) > width - 2 * margin:
                drawn.append(current)
                current = word
            else:
                current = candidate
        drawn.append(current)
    per_page = int((height - 2 * margin) / leading)
    pages = []
    for start in range(0, len(drawn), per_page):
        image = Image.new("L", (width, height), 255)
        pen = ImageDraw.Draw(image)
        for i, line in enumerate(drawn[start : start + per_page]):
            pen.text((margin, margin + i * leading), line, font=face, fill=0)
        pages.append(image)
    pages[0].save(path, "PDF", resolution=dpi, save_all=True, append_images=pages[1:])
    return drawn


def make_task_table_pdf(path: Path, font: Path | None) -> list[list[str]]:
    """Two pages of a ruled task table (STT / Nội dung nhiệm vụ / Cơ quan chủ trì / Cơ
    quan phối hợp / Thời gian hoàn thành) from 590/QĐ-UBND's appendix, as Word prints it:
    the header row repeated on page 2, a page number at each foot, and task 2's row
    split by the page break (its last text lines and its lead, coordinators and deadline
    cells continue at the top of page 2, under the repeated header).  Returns the rows
    as they should be read: header first, one list of cells per task."""
    fold = _ascii_fold if font is None else (lambda s: s)
    header = ["STT", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp",
              "Thời gian hoàn thành"]
    rows = [[str(c) for c in row] for row in decision_590()["tasks"][1:] if row[0]]
    rows = [[fold(c) for c in row] for row in [header, *rows]]
    widths = [30, 205, 95, 95, 70]
    writer = PdfWriter(font)

    def draw(page: PdfPage, top: float, cells: list[list[str]]) -> float:
        height = 13 * max(len(c) or 1 for c in cells) + 6
        x = 50.0
        for w, lines in zip(widths, cells, strict=True):
            page.rects.append((x, top - height, w, height))
            for i, line in enumerate(lines):
                page.texts.append((x + 3, top - 12 - 13 * i, 9, line))
            x += w
        return top - height

    def wrapped(row: list[str]) -> list[list[str]]:
        return [textwrap.wrap(c, max(4, int(w / 5.2))) for c, w in zip(row, widths, strict=True)]

    page = writer.page()
    page.texts.append((50, 800, 11, fold("PHỤ LỤC: NHIỆM VỤ CỤ THỂ")))
    top = draw(page, 780, wrapped(rows[0]))
    split = 2  # the row of task 2 runs over the page break
    for row in rows[1:split]:
        top = draw(page, top, wrapped(row))
    cells = wrapped(rows[split])
    cut = max(1, len(cells[1]) // 2)
    top = draw(page, top, [cells[0], cells[1][:cut], [], [], []])
    page.texts.append((295, 30, 10, "3"))
    page = writer.page()
    top = draw(page, 800, wrapped(rows[0]))
    top = draw(page, top, [[], cells[1][cut:], cells[2], cells[3], cells[4]])
    for row in rows[split + 1 :]:
        top = draw(page, top, wrapped(row))
    page.texts.append((50, top - 30, 10, fold("Nơi nhận:")))
    page.texts.append((295, 30, 10, "4"))
    writer.write(path)
    return rows


def _ascii_fold(text: str) -> str:
    text = text.replace("Đ", "D").replace("đ", "d")
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


# -------------------------------------------------------------- .html, text


def portal_page(content: dict[str, list[str] | list[list[str]]]) -> str:
    """A page shaped like a provincial portal's document view, boilerplate around the body."""
    paragraphs = "\n".join(f"<p>{p}</p>" for p in content["paragraphs"])
    rows = "\n".join(
        "<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in content["tasks"]
    )
    menu = "".join(
        f'<li><a href="/{i}">{name}</a></li>'
        for i, name in enumerate(
            [
                "Trang chủ",
                "Giới thiệu",
                "Tin tức - Sự kiện",
                "Văn bản pháp luật",
                "Thủ tục hành chính",
                "Liên hệ",
            ]
        )
    )
    return f"""<!DOCTYPE html>
<html lang="vi"><head><meta charset="utf-8">
<title>Quyết định 590/QĐ-UBND - Cổng thông tin điện tử tỉnh Quảng Ngãi</title>
<style>.menu {{ color: red }}</style><script>var ga = "tracking";</script></head>
<body>
<div class="header"><img src="logo.png" alt="logo">CỔNG THÔNG TIN ĐIỆN TỬ TỈNH QUẢNG NGÃI</div>
<nav class="menu"><ul>{menu}</ul></nav>
<div class="breadcrumb"><a href="/">Trang chủ</a> &gt; <a href="/vb">Văn bản</a></div>
<table class="layout"><tr>
<td class="left-col"><div class="sidebar"><h3>Văn bản mới</h3><ul>
<li>Kế hoạch 214/KH-UBND năm 2024 thực hiện Nghị quyết 111/NQ-CP</li>
<li>Quyết định 997/QĐ-UBND năm 2017 ban hành kế hoạch hội nhập quốc tế</li></ul></div></td>
<td class="main-col"><div id="divContentDoc" class="content1">
<table class="doc-header"><tr><td>ỦY BAN NHÂN DÂN<br>TỈNH QUẢNG NGÃI<br>-------</td>
<td>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM<br>Độc lập - Tự do - Hạnh phúc</td></tr></table>
{paragraphs}
<p><b>PHỤ LỤC: NHIỆM VỤ CỤ THỂ</b></p>
<table class="tasks" border="1">{rows}</table>
<p>Nơi nhận:<br>- Như Điều 4;<br>- Lưu: VT.</p>
</div></td></tr></table>
<div class="share-buttons">Chia sẻ: Facebook | Zalo | In trang</div>
<footer><p>Bản quyền thuộc Ủy ban nhân dân tỉnh Quảng Ngãi. Địa chỉ: 52 Hùng Vương.</p>
<p>Ghi rõ nguồn khi phát hành lại thông tin từ trang này.</p></footer>
</body></html>
"""


TONE_MARKS = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}


def encode_cp1258(text: str) -> bytes:
    """Encode like Windows (cp1258): base letters precomposed, tone marks combining."""
    out = bytearray()
    for ch in unicodedata.normalize("NFC", text):
        try:
            out += ch.encode("cp1258")
            continue
        except UnicodeEncodeError:
            pass
        decomposed = unicodedata.normalize("NFD", ch)
        base = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in TONE_MARKS))
        tones = "".join(c for c in decomposed if c in TONE_MARKS)
        out += (base + tones).encode("cp1258")
    return bytes(out)


def mojibake(text: str, rounds: int = 1) -> str:
    """UTF-8 bytes read as Windows-1252 (undefined bytes kept as C1 controls), ``rounds`` times."""
    for _ in range(rounds):
        text = "".join(
            bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in text.encode("utf-8")
        )
    return text
