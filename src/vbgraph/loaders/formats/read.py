"""Read a file into a ``SourceDocument``: one reader module per format.

| suffix | reader | module |
|---|---|---|
| .txt .md | UTF-8 / BOM / UTF-16 / Windows-1258, mojibake repair | ``formats.txt`` |
| .docx | python-docx, tables as ``| a | b |`` rows | ``formats.docx`` |
| .pdf | PDFium; task tables: pdfplumber; scans: OCR | ``formats.pdf``, ``pdf_tables``, ``ocr`` |
| .doc | LibreOffice or catdoc on PATH | ``formats.doc`` |
| .html .htm | cleaned tree: portal container, else trafilatura | ``formats.html`` |

Every failure is an ``InputError`` whose message starts with the path and says
what to do.  When the bytes say a different format than the suffix (a .doc
that is really a saved web page or a .docx, a .txt that is a PDF), the bytes
win and a warning records it; RTF and ZIP archives are refused.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

from vbgraph.errors import InputError
from vbgraph.loaders.models import DecodedText
from vbgraph.models import SourceDocument

#: Files larger than this are refused (a policy document is rarely over 5 MB of text).
MAX_BYTES = 50 * 1024 * 1024

TEXT_SUFFIXES = (".txt", ".md")
FORMATS: dict[str, str] = {
    ".txt": "txt",
    ".md": "txt",
    ".docx": "docx",
    ".pdf": "pdf",
    ".doc": "doc",
    ".html": "html",
    ".htm": "html",
}
SUPPORTED_SUFFIXES = tuple(FORMATS)

Reader = Callable[[bytes, Path], DecodedText]


def _reader(fmt: str) -> Reader:
    # Imported on use: each reader pulls in its own library.
    if fmt == "txt":
        from vbgraph.loaders.formats.txt import decode_bytes

        return decode_bytes
    if fmt == "docx":
        from vbgraph.loaders.formats.docx import read_docx

        return read_docx
    if fmt == "pdf":
        from vbgraph.loaders.formats.pdf import read_pdf

        return read_pdf
    if fmt == "doc":
        from vbgraph.loaders.formats.doc import read_doc

        return read_doc
    from vbgraph.loaders.formats.html import read_html

    return read_html


def sniff_format(data: bytes) -> str | None:
    """The format the bytes announce, when they announce one."""
    head = data[:1024].lstrip()
    if head.startswith(b"%PDF-"):
        return "pdf"
    if data.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return "doc"
    if data.startswith(b"PK\x03\x04") and b"word/" in data[:65536]:
        return "docx"
    if data.startswith(b"PK\x03\x04"):
        return "zip"
    if head.startswith(b"{\\rtf"):
        return "rtf"
    lowered = head.lstrip(b"\xef\xbb\xbf").lower()
    if lowered.startswith((b"<!doctype html", b"<html")) or (
        lowered.startswith(b"<") and b"<body" in data[:65536].lower()
    ):
        return "html"
    return None


def read_document(path: str | Path) -> SourceDocument:
    """Read ``path``; raise ``InputError`` naming the file and what to do."""
    p = Path(path)
    suffix = p.suffix.lower()
    if suffix not in FORMATS:
        raise InputError(
            f"{p}: unsupported file type {suffix or '(no extension)'}; "
            f"supported: {', '.join(SUPPORTED_SUFFIXES)}; convert the file to one of them"
        )
    if not p.is_file():
        raise InputError(f"{p}: no such file")
    size = p.stat().st_size
    if size == 0:
        raise InputError(f"{p}: the file is empty (0 bytes); get the document again")
    if size > MAX_BYTES:
        raise InputError(
            f"{p}: {size} bytes is over the {MAX_BYTES} byte limit; "
            "split the file or extract its text first"
        )
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise InputError(f"{p}: cannot read the file ({exc.strerror or exc})") from None
    fmt, warnings = _choose_format(FORMATS[suffix], data, p)
    decoded = _reader(fmt)(data, p)
    if not decoded.text.strip():
        raise InputError(f"{p}: no text in the file; check that it is the right document")
    return SourceDocument(
        path=str(p),
        text=decoded.text,
        format=fmt,
        encoding=decoded.encoding or None,
        sha256=hashlib.sha256(data).hexdigest(),
        warnings=(*warnings, *decoded.warnings),
    )


def _choose_format(declared: str, data: bytes, path: Path) -> tuple[str, tuple[str, ...]]:
    sniffed = sniff_format(data)
    if sniffed is None or sniffed == declared:
        return declared, ()
    if declared == "docx" and sniffed in ("zip", "doc"):
        return declared, ()  # truncated .docx, or an encrypted one (an OLE container)
    if sniffed in ("rtf", "zip"):
        what = "an RTF document" if sniffed == "rtf" else "a ZIP archive"
        raise InputError(
            f"{path}: the file is {what}, not {path.suffix.lower()}; "
            "open it in Word/LibreOffice and save it as .docx, or unpack it"
        )
    return sniffed, (
        f"content is {sniffed.upper()} although the name ends in {path.suffix.lower()}; "
        f"read as {sniffed}",
    )


def read_text(text: str, name: str = "<text>") -> SourceDocument:
    """Wrap text already in memory (tests, notebooks) as a ``SourceDocument``."""
    return SourceDocument(
        path=name,
        text=text,
        format="txt",
        encoding="utf-8",
        sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
    )
