"""Read a file into a ``SourceDocument``: one reader module per format."""

from __future__ import annotations

import hashlib
from pathlib import Path

from vbgraph.errors import InputError
from vbgraph.models import SourceDocument

#: Files larger than this are refused (a policy document is rarely over 5 MB of text).
MAX_BYTES = 50 * 1024 * 1024

TEXT_SUFFIXES = (".txt", ".md")
SUPPORTED_SUFFIXES = TEXT_SUFFIXES


def read_document(path: str | Path) -> SourceDocument:
    """Read ``path``; raise ``InputError`` naming the file and what to do."""
    p = Path(path)
    if not p.is_file():
        raise InputError(f"{p}: no such file")
    size = p.stat().st_size
    if size == 0:
        raise InputError(f"{p}: the file is empty")
    if size > MAX_BYTES:
        raise InputError(f"{p}: {size} bytes is over the {MAX_BYTES} byte limit; split the file")
    data = p.read_bytes()
    suffix = p.suffix.lower()
    if suffix in TEXT_SUFFIXES:
        from vbgraph.loaders.text import decode_text

        text, encoding = decode_text(data, p)
        fmt = "txt"
    else:
        raise InputError(
            f"{p}: unsupported file type {suffix or '(none)'}; "
            f"supported: {', '.join(SUPPORTED_SUFFIXES)}"
        )
    if not text.strip():
        raise InputError(f"{p}: no text in the file")
    return SourceDocument(
        path=str(p),
        text=text,
        format=fmt,
        encoding=encoding,
        sha256=hashlib.sha256(data).hexdigest(),
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
