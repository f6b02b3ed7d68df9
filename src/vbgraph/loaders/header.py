"""The document a file holds: symbol, type, issuer, province, date and title.

Vietnamese administrative documents open with a fixed header (Decree
30/2020/NĐ-CP, Appendix I): the issuing body (``ỦY BAN NHÂN DÂN`` / ``TỈNH
QUẢNG NGÃI``), the national motto, ``Số: 590/QĐ-UBND``, the place-date line
(``Quảng Ngãi, ngày 22 tháng 4 năm 2014``), the type line (``QUYẾT ĐỊNH``,
``KẾ HOẠCH HÀNH ĐỘNG``) and the title; a decision then names its signing
authority (``CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI``).
"""

from __future__ import annotations

import re
from collections import Counter

from vbgraph.loaders.dates import date_at, parse_date
from vbgraph.loaders.provinces import find_province, province_name
from vbgraph.loaders.symbols import (
    SYMBOL_RE,
    TYPE_WORDS,
    Symbol,
    document_key,
    parse_symbol,
    scope_of,
    type_of_code,
)
from vbgraph.models import DocInfo, NormalizedText, SourceDocument

_HEAD_CHARS = 3000
_SO = re.compile(r"(?<!\w)Số\s*:?\s*", re.IGNORECASE)
_PLACE_DATE = re.compile(r"(?P<place>[^\W\d][^\n,|]{1,40}?),\s*(?=ngày)", re.IGNORECASE)
_SIGNED_AT = re.compile(r"Thời gian ký\s*:\s*", re.IGNORECASE)
_TYPE_LINE = re.compile(
    r"^[ \t|]*(?P<type>"
    + "|".join(re.escape(w.upper()) for w, _ in TYPE_WORDS)
    + r")(?:\s+HÀNH\s+ĐỘNG)?[ \t]*$",
    re.MULTILINE,
)
#: Signing authority line of a decision, and the bodies named in headers.
_AUTHORITY = re.compile(
    r"^[ \t|]*(?P<who>CHỦ TỊCH|BỘ TRƯỞNG|THỦ TƯỚNG|GIÁM ĐỐC)\b(?P<rest>[^\n]*)$", re.MULTILINE
)
_BODY_NAMES: tuple[tuple[str, str], ...] = (
    (r"ỦY BAN NHÂN DÂN", "UBND"),
    (r"HỘI ĐỒNG NHÂN DÂN", "HĐND"),
    (r"BAN THƯỜNG VỤ TỈNH ỦY", "Ban Thường vụ Tỉnh ủy"),
    (r"TỈNH ỦY", "Tỉnh ủy"),
)
_BODY_START = re.compile(
    r"^\s*(?:Căn cứ|Thực hiện|Triển khai|Để|Nhằm|Theo|Xét|Trên cơ sở|Ngày|Hội nghị"
    r"|Năm|Trong|Qua|Sau|I\.|Phần|Điều)\b",
    re.MULTILINE,
)


def extract_header(norm: NormalizedText, source: SourceDocument | None = None) -> DocInfo:
    """The subject document of ``norm`` as a ``DocInfo`` (key in gold form)."""
    text = norm.text
    head = text[:_HEAD_CHARS]
    province = _province(head)
    symbol_text, sym = _symbol(head)
    date = _date(head)
    type_match = _TYPE_LINE.search(head)
    doc_type = None
    if sym is not None and sym.type_code:
        doc_type = type_of_code(sym.type_code)
    if doc_type is None and type_match:
        doc_type = _type_word(type_match.group("type"))
    if (
        doc_type == "Chương trình hành động"
        and type_match
        and "HÀNH ĐỘNG" not in type_match.group()
    ):
        doc_type = "Chương trình"
    issuer = _issuer(head, province, type_match.end() if type_match else 0)
    title = _title(text, type_match) if type_match else None
    year = (sym.year if sym and sym.year else "") or (date[:4] if date else "")
    scope = scope_of(sym, province) if sym else (province or "")
    key = document_key(symbol_text or "", scope, year)
    return DocInfo(
        symbol=symbol_text or "",
        key=key,
        type=doc_type,
        issuer=issuer,
        province=province,
        date=date,
        title=title,
    )


def _province(head: str) -> str | None:
    for line in head.splitlines()[:12]:
        m = re.search(r"\b(?:TỈNH|THÀNH PHỐ|TP\.)\s+(?P<name>[^\n|]+?)\s*(?:\||$|CỘNG)", line)
        if m:
            name = province_name(m.group("name")) or _prefix_province(m.group("name"))
            if name:
                return name
    m = _PLACE_DATE.search(head)
    if m:
        found = find_province(m.group("place"))
        if found:
            return found[2]
    return None


def _prefix_province(text: str) -> str | None:
    found = find_province(text)
    return found[2] if found and found[0] == 0 else None


def _symbol(head: str) -> tuple[str | None, Symbol | None]:
    for m in _SO.finditer(head):
        s = SYMBOL_RE.match(head, m.end())
        if s:
            sym = parse_symbol(s)
            return sym.text, sym
    return None, None


def _date(head: str) -> str | None:
    m = _PLACE_DATE.search(head)
    if m:
        d = date_at(head, m.end())
        if d:
            return d.iso
    m2 = _SIGNED_AT.search(head)
    if m2:
        return parse_date(head[m2.end() : m2.end() + 40])
    return None


def _type_word(caps: str) -> str | None:
    for word, _ in TYPE_WORDS:
        if word.upper() == caps:
            return word
    return None


def _issuer(head: str, province: str | None, after: int) -> str | None:
    place = f" tỉnh {province}" if province else ""
    m = _AUTHORITY.search(head, after)
    if m and m.group("who") == "CHỦ TỊCH":
        rest = m.group("rest")
        for pattern, short in _BODY_NAMES:
            if re.search(pattern, rest):
                return f"Chủ tịch {short}{place}"
    top = "\n".join(head.splitlines()[:6]).upper()
    for pattern, short in _BODY_NAMES:
        if re.search(pattern.replace(" ", r"\s+"), top):
            if short in ("UBND", "HĐND"):
                return f"{short}{place}"
            return f"{short}{' ' + province if province else ''}"
    return None


def _title(text: str, type_match: re.Match[str]) -> str | None:
    """The title: the lines after the type line, up to the authority line or body."""
    lines: list[str] = []
    pos = type_match.end()
    for raw in text[pos : pos + 1500].split("\n"):
        line = raw.strip(" \t|")
        if not line:
            if lines:
                break
            continue
        if _AUTHORITY.match(line) or re.match(r"^(?:ỦY BAN|HỘI ĐỒNG)", line):
            break
        if lines and _BODY_START.match(line) and not line.isupper():
            break
        if lines and not line.isupper() and lines[-1].isupper():
            break
        if line.startswith("("):
            break
        lines.append(line)
        if len(lines) > 8:
            break
    if not lines:
        return None
    title = re.sub(r"\s+", " ", " ".join(lines)).strip(" .")
    return _recase(title, text) if title.isupper() else title


def _recase(title: str, text: str) -> str:
    """Sentence case for an upper-case title, keeping each word's usual case in the text."""
    usual: Counter[str] = Counter(re.findall(r"[^\W\d_]+", text))
    words = title.split(" ")
    out: list[str] = []
    for i, word in enumerate(words):
        letters = re.sub(r"[^\w]", "", word)
        if not letters.isalpha() or (len(letters) > 1 and not _is_common_word(letters, usual)):
            out.append(word)
            continue
        lower = word.lower()
        cap = word[:1] + word[1:].lower()
        choice = cap if i == 0 else (cap if usual[cap] > usual[lower] else lower)
        out.append(choice)
    return " ".join(out)


def _is_common_word(word: str, usual: Counter[str]) -> bool:
    lower = word.lower()
    return usual[lower] + usual[word[:1] + lower[1:]] > 0 or usual[word] == 0
