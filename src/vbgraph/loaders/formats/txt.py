"""Plain text (.txt, .md): decode bytes to text, trusting no encoding blindly.

Order of checks, most explicit first:

1. a byte-order mark (UTF-8, UTF-16 LE/BE, UTF-32 LE/BE);
2. UTF-16 without a BOM, recognised by its pattern of zero bytes;
3. NUL bytes or many control characters -> a binary file, refused;
4. valid UTF-8 (what nearly every Vietnamese file is today);
5. Windows-1258, the Vietnamese legacy code page, accepted only when the
   decoded text is plausibly Vietnamese.  cp1258 writes tone marks as
   combining characters, so the text is NFC-normalised;
6. charset-normalizer's best guess, accepted only when it too reads as
   Vietnamese, and recorded in ``warnings``.

Decoded text is then checked for mojibake (UTF-8 bytes read once or twice as
Windows-1252 / Latin-1: ``Quyáº¿t Ä‘á»‹nh``).  It is repaired when every
damaged line decodes cleanly back to UTF-8, with a warning; otherwise an
``InputError`` says the encoding cannot be trusted.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from vbgraph.errors import InputError
from vbgraph.loaders.models import DecodedText

_BOMS: tuple[tuple[bytes, str], ...] = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)

#: Vietnamese letters outside ASCII (NFC, lower case): base letters with
#: breve/circumflex/horn/stroke and every toned vowel.
_VIETNAMESE_LETTERS = frozenset(
    "ăâđêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ"
)

#: Frequent words of administrative Vietnamese; a real document has many.
_COMMON_WORDS = frozenset(
    [
        "của",
        "và",
        "các",
        "được",
        "trong",
        "những",
        "cho",
        "với",
        "để",
        "theo",
        "thực",
        "hiện",
        "năm",
        "ngày",
        "tỉnh",
        "quyết",
        "định",
        "kế",
        "hoạch",
        "nhiệm",
        "vụ",
        "cơ",
        "quan",
        "đơn",
        "vị",
        "phối",
        "hợp",
        "chủ",
        "trì",
        "ủy",
        "ban",
        "nhân",
        "dân",
        "số",
        "về",
        "việc",
        "người",
        "không",
        "có",
        "là",
        "một",
        "này",
        "tại",
        "đến",
        "từ",
        "trên",
    ]
)

_WORD_RE = re.compile(r"\w+")

#: A UTF-8 lead byte read as cp1252/latin-1 (Â..ô) followed by continuation
#: bytes read the same way (cp1252 0x80-0xBF, or C1 controls for the five
#: bytes cp1252 leaves undefined).
_CONTINUATION = "".join(
    bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in range(0x80, 0xC0)
)
_MOJIBAKE_RE = re.compile("[\u00c2-\u00f4][" + re.escape(_CONTINUATION) + "]{1,3}")

_FIX_HINT = (
    "re-save the file as UTF-8 from the program that created it "
    "(or open it in a browser/editor with the right encoding and copy the text)"
)




def decode_text(data: bytes, path: Path) -> tuple[str, str]:
    """Decode ``data``; return (text, encoding).  See ``decode_bytes`` for warnings."""
    decoded = decode_bytes(data, path)
    return decoded.text, decoded.encoding


def decode_bytes(data: bytes, path: Path | str) -> DecodedText:
    """Decode the bytes of a text file; raise ``InputError`` when they cannot be trusted."""
    text, encoding, warnings = _decode(data, path)
    text, repaired = repair_mojibake(text, path)
    if repaired:
        warnings.append(repaired)
    _refuse_control_chars(text, path)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return DecodedText(text, encoding, tuple(warnings))


def _decode(data: bytes, path: Path | str) -> tuple[str, str, list[str]]:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(encoding.removesuffix("-sig")), encoding, []
            except UnicodeDecodeError as exc:
                raise InputError(
                    f"{path}: starts with a {encoding} byte-order mark but is not valid "
                    f"{encoding} (byte {exc.start}); the file is damaged or mislabelled; "
                    f"{_FIX_HINT}"
                ) from None
    bomless = _bomless_utf16(data)
    if bomless:
        try:
            text = data.decode(bomless)
        except UnicodeDecodeError:
            pass
        else:
            return text, bomless, [f"no byte-order mark; read as {bomless} from its zero bytes"]
    if b"\x00" in data:
        raise InputError(
            f"{path}: binary data (NUL bytes), not text; "
            "convert the document to .txt (UTF-8), .docx or .pdf"
        )
    try:
        return data.decode("utf-8"), "utf-8", []
    except UnicodeDecodeError as exc:
        utf8_error = exc.start
    legacy = _decode_cp1258(data)
    if legacy is not None and is_vietnamese(legacy):
        return legacy, "cp1258", ["not UTF-8; read as Windows-1258 (Vietnamese) and NFC-normalised"]
    guessed = _guess(data)
    if guessed is not None and is_vietnamese(guessed[0]):
        text, encoding = guessed
        return (
            text,
            encoding,
            [f"not UTF-8 or Windows-1258; encoding guessed as {encoding}"],
        )
    raise InputError(
        f"{path}: the encoding cannot be trusted: not valid UTF-8 (bad byte at offset "
        f"{utf8_error}) and not readable as Vietnamese Windows-1258; {_FIX_HINT}. "
        "Text typed with .VnTime (TCVN3/ABC) or VNI fonts must be converted to Unicode "
        "first (for example with Unikey's converter)"
    )


def _bomless_utf16(data: bytes) -> str | None:
    """'utf-16-le'/'utf-16-be' when every other byte is mostly zero (ASCII-heavy text)."""
    sample = data[:4096]
    if len(sample) < 8 or len(sample) % 2:
        return None
    even, odd = sample[0::2], sample[1::2]
    even_zero = even.count(0) / len(even)
    odd_zero = odd.count(0) / len(odd)
    if odd_zero > 0.3 and even_zero < 0.05:
        return "utf-16-le"
    if even_zero > 0.3 and odd_zero < 0.05:
        return "utf-16-be"
    return None


def _refuse_control_chars(text: str, path: Path | str) -> None:
    controls = sum(1 for ch in text if unicodedata.category(ch) == "Cc" and ch not in "\t\n\r\f\v")
    if controls > max(2, len(text) // 100):
        raise InputError(
            f"{path}: binary data ({controls} control characters), not text; "
            "convert the document to .txt (UTF-8), .docx or .pdf"
        )


def _decode_cp1258(data: bytes) -> str | None:
    try:
        return unicodedata.normalize("NFC", data.decode("cp1258"))
    except UnicodeDecodeError:
        return None


def _guess(data: bytes) -> tuple[str, str] | None:
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # pragma: no cover - a declared dependency
        return None
    best = from_bytes(data).best()
    if best is None:
        return None
    return unicodedata.normalize("NFC", str(best)), best.encoding


def is_vietnamese(text: str) -> bool:
    """Whether ``text`` (NFC) reads as Vietnamese rather than another language or garbage.

    Nearly every non-ASCII letter must be a Vietnamese letter, enough letters
    must carry Vietnamese diacritics, and frequent Vietnamese words must occur.
    """
    letters = [ch.lower() for ch in text if ch.isalpha()]
    if not letters:
        return False
    non_ascii = [ch for ch in letters if not ch.isascii()]
    if not non_ascii:
        return False
    vietnamese = sum(1 for ch in non_ascii if ch in _VIETNAMESE_LETTERS)
    if vietnamese / len(non_ascii) < 0.9 or vietnamese / len(letters) < 0.03:
        return False
    words = _WORD_RE.findall(text.lower())
    common = sum(1 for w in words if w in _COMMON_WORDS)
    return common >= min(3, max(1, len(words) // 10))


def mojibake_count(text: str) -> int:
    """How many sequences of ``text`` are UTF-8 bytes misread as cp1252/latin-1."""
    return sum(1 for m in _MOJIBAKE_RE.finditer(text) if _undo_once(m.group()) is not None)


def repair_mojibake(text: str, path: Path | str) -> tuple[str, str | None]:
    """Return (text, warning): repaired text when the damage is unambiguous.

    Raise ``InputError`` when the text shows mojibake that cannot be undone
    line by line.  The warning is None when nothing was wrong.
    """
    if not mojibake_count(text):
        return text, None
    whole = _undo(text)
    if whole is not None:
        return whole, (
            "mojibake repaired: the text was UTF-8 read as Windows-1252/Latin-1 "
            "(for example 'Quyáº¿t' -> 'Quyết'); check the source file"
        )
    lines = text.split("\n")
    damaged = 0
    for i, line in enumerate(lines):
        if not mojibake_count(line):
            continue
        fixed = _undo(line)
        if fixed is None:
            sample = _MOJIBAKE_RE.search(line)
            shown = sample.group() if sample else line[:20]
            raise InputError(
                f"{path}: the encoding cannot be trusted: line {i + 1} has mojibake "
                f"({shown!r}: UTF-8 read as Windows-1252/Latin-1) mixed with text that "
                f"cannot be repaired automatically; {_FIX_HINT}, or repair it with "
                "ftfy (pip install ftfy; ftfy file.txt > fixed.txt)"
            )
        lines[i] = fixed
        damaged += 1
    return "\n".join(lines), (
        f"mojibake repaired on {damaged} line(s): UTF-8 read as Windows-1252/Latin-1; "
        "check the source file"
    )


def _undo(text: str) -> str | None:
    """Undo one to three rounds of UTF-8-as-cp1252 damage; None if it does not apply."""
    current = text
    for _ in range(3):
        previous = current
        undone = _undo_once(current)
        if undone is None:
            return None
        current = undone
        if not mojibake_count(current):
            return current if current != previous else None
    return None


def _undo_once(text: str) -> str | None:
    raw = bytearray()
    for ch in text:
        try:
            raw += ch.encode("cp1252")
        except UnicodeEncodeError:
            if ord(ch) < 256:  # C1 control / byte cp1252 leaves undefined
                raw.append(ord(ch))
            else:
                return None
    try:
        return bytes(raw).decode("utf-8")
    except UnicodeDecodeError:
        return None
