"""Plain text (.txt, .md): decode bytes to text."""

from __future__ import annotations

from pathlib import Path

from vbgraph.errors import InputError


def decode_text(data: bytes, path: Path) -> tuple[str, str]:
    """Decode ``data``; return (text, encoding)."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8"), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), "utf-16"
    if b"\x00" in data:
        raise InputError(f"{path}: binary data, not text; convert it to .txt, .docx or .pdf")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{path}: not valid UTF-8 (byte {exc.start}); save it as UTF-8 and try again"
        ) from None
