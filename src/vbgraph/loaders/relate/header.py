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
from functools import lru_cache

from vbgraph.loaders.find.dates import date_at, parse_date
from vbgraph.loaders.find.symbols import (
    CENTRAL_SCOPE,
    SYMBOL_RE,
    document_key,
    implied_issuer,
    parse_symbol,
    scope_of,
    type_of_code,
)
from vbgraph.loaders.models import Symbol
from vbgraph.loaders.relate.letterhead import (
    authority_line_issuer,
    letterhead_issuer,
    letterhead_locality,
    title_line,
    titled_type,
)
from vbgraph.loaders.relate.portal_fields import portal_fields
from vbgraph.loaders.text.syllables import is_syllable
from vbgraph.loaders.vocab.documents import TYPE_WORDS, canonical_type_word
from vbgraph.loaders.vocab.provinces import (
    find_province,
    local_name,
    province_name,
    without_kind_word,
)
from vbgraph.models import DocInfo, NormalizedText, SourceDocument

_HEAD_CHARS = 3000
#: The document's own number in its header: "Số: 590/QĐ-UBND" opening a line (or a cell of
#: a header laid out as a table), or "Số:" with its colon anywhere in the header.  A
#: number in running text ("Quyết định số 30/QĐ-TTg") is some other document's.
_OWN_NUMBER = re.compile(
    r"(?:^|\|)[ \t]*(?:(?:(?:Bộ[ \t]+)?Luật|Pháp[ \t]+lệnh)[ \t]+số|Số|SỐ)[ \t]*:?[ \t]*"
    r"|(?:Số|SỐ)[ \t]*:[ \t]*",  # a law's "Luật số: 101/2015/QH13"
    re.MULTILINE,
)
_PLACE_DATE = re.compile(r"(?P<place>[^\W\d][^\n,|]{1,40}?),\s*(?=ngày)", re.IGNORECASE)
#: The comma a ``_PLACE_DATE`` match ends with.
_COMMA_BEFORE_DATE = re.compile(r",\s*(?=ngày)", re.IGNORECASE)
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
    (r"ĐẢNG ỦY ỦY BAN NHÂN DÂN", "Đảng ủy UBND"),
    (r"ỦY BAN NHÂN DÂN", "UBND"),
    (r"HỘI ĐỒNG NHÂN DÂN", "HĐND"),
    (r"BAN THƯỜNG VỤ TỈNH ỦY", "Ban Thường vụ Tỉnh ủy"),
    (r"TỈNH ỦY", "Tỉnh ủy"),
)
#: The bodies as an authority line writes them, and as a letterhead may wrap them.
_BODY_IN_LINE = tuple((re.compile(pattern), short) for pattern, short in _BODY_NAMES)
_BODY_IN_HEAD = tuple(
    (re.compile(pattern.replace(" ", r"\s+")), short) for pattern, short in _BODY_NAMES
)
_SPACES = re.compile(r"\s+")
_BODY_START = re.compile(
    r"^\s*(?:Căn cứ|Thực hiện|Triển khai|Để|Nhằm|Theo|Xét|Trên cơ sở|Ngày|Hội nghị"
    r"|Năm|Trong|Qua|Sau|I\.|Phần|Điều)\b"
    r"(?![^\n]{0,30}:[ \t*]*$)",  # not a label of a portal's field ("Ngày hiệu lực:")
    re.MULTILINE,
)


def extract_header(norm: NormalizedText, source: SourceDocument | None = None) -> DocInfo:
    """The subject document of ``norm`` as a ``DocInfo`` (key in gold form)."""
    text = norm.text
    portal = portal_fields(text[:_HEAD_CHARS])
    if portal.symbol is not None:
        text = text[portal.end :]  # the document's own header follows the portal's table
    head = text[:_HEAD_CHARS]
    province = _province(head) or portal.province()
    type_match = _TYPE_LINE.search(head)
    symbol_text, sym = _symbol(head[: _header_end(head, type_match)])
    if sym is None:
        symbol_text, sym = portal.own_symbol()
    date = _date(head) or portal.date
    doc_type = _stated_type(sym, type_match)
    scope = scope_of(sym, province) if sym else (province or "")
    if scope == CENTRAL_SCOPE:
        province = None  # "Hà Nội, ngày ..." is where a central body signs, not its scope
    letterhead = head[: _header_end(head, type_match)]
    number_line = _OWN_NUMBER.search(letterhead)
    locality = letterhead_locality(letterhead[: number_line.start() if number_line else None])
    issuer = _issuer(head, province, type_match.end() if type_match else 0, text, locality)
    if issuer is None and scope == CENTRAL_SCOPE:
        issuer = _central_issuer(head, text) or (implied_issuer(sym, None) if sym else None)
        issuer = _minister(issuer, doc_type, text)
    titled = title_line(text) if type_match is None else None
    if issuer is None and titled:
        issuer = authority_line_issuer(text, province)
    if issuer is None:
        issuer = _from_letterhead(head, type_match, province)
    if doc_type is None and titled:
        doc_type = titled[0]
    if doc_type is None:
        doc_type = titled_type(head[: _header_end(head, type_match)])
    if doc_type is None and sym is not None and sym.family == "letter":
        doc_type = "Công văn"
    if doc_type is None and sym is None:
        doc_type = _type_of_blank_number(head[: _header_end(head, type_match)])
    doc_type = doc_type or portal.doc_type()
    issuer = issuer or portal.issuer_for(sym, province)
    title = _title(text, type_match) if type_match else (titled[1] if titled else None)
    if doc_type == "Công văn":
        title = _subject_line(head) or title
    if title and type_match and doc_type not in _TITLE_WITHOUT_TYPE:
        type_line = _recase(_SPACES.sub(" ", type_match.group().strip(" \t|")), text)
        title = f"{type_line} {title[:1].lower()}{title[1:]}"
    year = (sym.year if sym and sym.year else "") or (date[:4] if date else "")
    key = document_key(symbol_text or "", scope, year, locality if scope != CENTRAL_SCOPE else None)
    return DocInfo(
        symbol=symbol_text or "",
        key=key,
        type=doc_type,
        issuer=issuer,
        province=province,
        date=date,
        title=title,
    )


def _stated_type(sym: Symbol | None, type_match: re.Match[str] | None) -> str | None:
    """The type the symbol's code names, else the type line ("QUYẾT ĐỊNH")."""
    doc_type = type_of_code(sym.type_code) if sym is not None and sym.type_code else None
    if doc_type is None and type_match:
        doc_type = canonical_type_word(type_match.group("type"))
    if doc_type == "Chương trình hành động" and "HÀNH ĐỘNG" not in (
        type_match.group() if type_match else "HÀNH ĐỘNG"
    ):
        doc_type = "Chương trình"
    return doc_type


#: A minister signs (or is signed for) a ministry's decision or circular; the
#: authority line "BỘ TRƯỞNG BỘ Y TẾ" or the signature "KT. BỘ TRƯỞNG" says so.
_MINISTER_LINE = re.compile(r"^[ \t|]*(?:(?:KT|TM|Q)\s*[./]\s*)?BỘ\s+TRƯỞNG\b[^\n]*$", re.MULTILINE)
_MINISTER_TYPES = frozenset({"Quyết định", "Thông tư", "Chỉ thị"})


def _minister(issuer: str | None, doc_type: str | None, text: str) -> str | None:
    """``Bộ Y tế`` -> ``Bộ trưởng Bộ Y tế`` for a minister's decision or circular."""
    if (
        issuer
        and issuer.startswith("Bộ ")
        and issuer != "Bộ Chính trị"
        and doc_type in _MINISTER_TYPES
        and _MINISTER_LINE.search(text)
    ):
        return f"Bộ trưởng {issuer}"
    return issuer


#: Types whose title names only the content (a decision "Ban hành ..."); the
#: other types' titles begin with the type line ("Kế hoạch thực hiện ...").
_TITLE_WITHOUT_TYPE = frozenset({"Quyết định", "Nghị định", "Thông tư", "Thông tư liên tịch"})


_PROVINCE_LINE = re.compile(r"\b(?:TỈNH|THÀNH PHỐ|TP\.)\s+(?P<name>[^\n|]+?)\s*(?:\||$|CỘNG)")


def _province(head: str) -> str | None:
    for line in head.splitlines()[:12]:
        m = _PROVINCE_LINE.search(line)
        if m:
            name = province_name(m.group("name")) or _prefix_province(m.group("name"))
            if name:
                return name
    m = _place_date(head)
    if m:
        found = find_province(m.group("place"))
        if found:
            return found[2]
    return None


def _place_date(head: str) -> re.Match[str] | None:
    """``_PLACE_DATE.search(head)`` without trying it at every character.

    A match's place holds no comma and ends at the first comma after it, within
    41 characters of its start: no match starts more than 41 characters before
    the first comma followed by "ngày".
    """
    comma = _COMMA_BEFORE_DATE.search(head)
    return _PLACE_DATE.search(head, max(0, comma.start() - 41)) if comma else None


def _prefix_province(text: str) -> str | None:
    found = find_province(text)
    return found[2] if found and found[0] == 0 else None


def _header_end(head: str, type_match: re.Match[str] | None) -> int:
    """Where the letterhead ends: the type line ("QUYẾT ĐỊNH"), else the body's first cue."""
    if type_match:
        return type_match.start()
    body = _BODY_START.search(head)
    return body.start() if body else len(head)


def _from_letterhead(head: str, type_match: re.Match[str] | None,
                     province: str | None) -> str | None:
    """The issuer the letterhead names above the number line, for the letterheads the
    specific rules do not read (a department's unit, a Front committee, a central agency)."""
    end = _header_end(head, type_match)
    number = _OWN_NUMBER.search(head, 0, end)
    return letterhead_issuer(head[: number.start() if number else end], province)


def _symbol(header: str) -> tuple[str | None, Symbol | None]:
    """The document's own symbol from its letterhead; none when the header leaves the
    number blank ("Số:    /KH-MTTQ-BTT", a draft) or has no "Số" line at all."""
    m = _OWN_NUMBER.search(header)
    if m is None:
        return None, None
    # the number may stand on the next line ("Số:\n7360/KH-UBND", a header's cell)
    gap = _NEXT_LINE_NUMBER.match(header, m.end())
    s = SYMBOL_RE.match(header, gap.end() if gap else m.end())
    if s is None:
        return None, None
    sym = parse_symbol(s)
    return sym.text, sym


#: The line break (and a cell's bar) between "Số:" and a number put on the next line.
_NEXT_LINE_NUMBER = re.compile(r"(?:[ \t]*\n[ \t|*]*(?=\d))?")
#: What follows a number left blank or lost to OCR on the "Số:" line: "Số: Éđã /HC-CNHC".
_NUMBER_TAIL = re.compile(r"[^\S\n]*[^\s/]{0,6}[^\S\n]*(?=/)")


def _type_of_blank_number(header: str) -> str | None:
    """The kind of document a "Số:" line says when its number is blank or unreadable:
    its symbol's tail still carries the type code ("Số:   /KH-UBND", a plan) or, with
    no type code, makes it an official letter ("Số: Éđã /HC-CNHC")."""
    m = _OWN_NUMBER.search(header)
    if m is None:
        return None
    tail = _NUMBER_TAIL.match(header, m.end())
    if tail is None:
        return None
    s = SYMBOL_RE.match("1" + header[tail.end() : tail.end() + 40])
    if s is None:
        return None
    sym = parse_symbol(s)
    if sym.family == "letter":
        return "Công văn"
    return type_of_code(sym.type_code) if sym.type_code else None


def _date(head: str) -> str | None:
    m = _place_date(head)
    if m:
        d = date_at(head, m.end())
        if d:
            return d.iso
    m2 = _SIGNED_AT.search(head)
    if m2:
        return parse_date(head[m2.end() : m2.end() + 40])
    return None


#: A department under the provincial committee, heading a letterhead's second
#: line ("UBND TỈNH AN GIANG" / "SỞ NÔNG NGHIỆP VÀ PHÁT TRIỂN NÔNG THÔN").
_DEPARTMENT_LINE = re.compile(
    r"^[ \t|]*(?P<name>(?:SỞ|VĂN PHÒNG (?:UBND|ỦY BAN NHÂN DÂN|HĐND|ĐOÀN ĐBQH|TỈNH ỦY)"
    r"|BAN QUẢN LÝ|CÔNG AN|BỘ CHỈ HUY)\s[^\n|]*?)[ \t|]*$",
    re.MULTILINE,
)
#: The Party standing committee signs for itself: "T/M BAN THƯỜNG VỤ", "TM. BAN THƯỜNG VỤ".
_STANDING_SIGNS = re.compile(r"^[ \t|]*T\s*[./]?\s*M\s*[./]?\s*BAN\s+THƯỜNG\s+VỤ\b", re.MULTILINE)


def _issuer(head: str, province: str | None, after: int, text: str = "",
            locality: str | None = None) -> str | None:
    place = f" {locality}" if locality else (f" {local_name(province)}" if province else "")
    m = _AUTHORITY.search(head, after)
    if m and m.group("who") == "CHỦ TỊCH":
        rest = m.group("rest")
        for rx, short in _BODY_IN_LINE:
            if rx.search(rest):
                return f"Chủ tịch {short}{place}"
    lines = head.splitlines()[:6]
    dept = _DEPARTMENT_LINE.search("\n".join(lines[1:4]))
    if dept and dept.group("name").isupper():
        name = _recase(_SPACES.sub(" ", dept.group("name")), text or head)
        name = without_kind_word(name)
        return f"{name}{place}"
    top = "\n".join(lines).upper()
    for rx, short in _BODY_IN_HEAD:
        if rx.search(top):
            if short in ("UBND", "HĐND", "Đảng ủy UBND"):
                return f"{short}{place}"
            if short == "Tỉnh ủy" and _STANDING_SIGNS.search(text):
                short = "Ban Thường vụ Tỉnh ủy"
            return f"{short}{' ' + province if province else ''}"
    return None


#: Central bodies as the letterhead writes them, most specific first.
_CENTRAL_BODIES: tuple[tuple[str, str], ...] = (
    (r"THỦ TƯỚNG CHÍNH PHỦ", "Thủ tướng Chính phủ"),
    (r"VĂN PHÒNG CHÍNH PHỦ", "Văn phòng Chính phủ"),
    (r"CHÍNH PHỦ", "Chính phủ"),
    (r"BAN CHẤP HÀNH TRUNG ƯƠNG", "Ban Chấp hành Trung ương Đảng"),
    (r"BỘ CHÍNH TRỊ", "Bộ Chính trị"),
    (r"BAN BÍ THƯ", "Ban Bí thư"),
    (r"ỦY BAN THƯỜNG VỤ QUỐC HỘI", "Ủy ban Thường vụ Quốc hội"),
    (r"QUỐC HỘI", "Quốc hội"),
)
#: The central bodies as whole words of a letterhead (wrapped lines allowed).
_CENTRAL_BODY_RES = tuple(
    (re.compile(r"(?<![\wÀ-Ỹà-ỹ])" + pattern.replace(" ", r"\s+") + r"(?![\wÀ-Ỹà-ỹ])"), name)
    for pattern, name in _CENTRAL_BODIES
)
_MINISTRY_LINE = re.compile(
    r"(?P<name>(?:BỘ|NGÂN HÀNG NHÀ NƯỚC|VĂN PHÒNG CHÍNH PHỦ|BẢO HIỂM XÃ HỘI VIỆT NAM"
    r"|THANH TRA CHÍNH PHỦ|KIỂM TOÁN NHÀ NƯỚC|ỦY BAN DÂN TỘC)[^\n|]*?)[ \t|-]*$"
)


def _central_issuer(head: str, text: str) -> str | None:
    """The central body named in the letterhead: its first line naming a body (before the
    national motto and the number), else a portal copy's title line ("... do Bảo hiểm xã
    hội Việt Nam ban hành")."""
    lines = [line.strip(" \t|-_*") for line in head.splitlines()[:8]]
    for k, clean in enumerate(lines):
        if clean.startswith(("CỘNG HÒA", "Số", "SỐ")):
            break
        # a name wrapped over two lines of a portal's cell ("**VĂN PHÒNG CHÍNH\nPHỦ**")
        nxt = lines[k + 1] if k + 1 < len(lines) and lines[k + 1].isupper() else ""
        for candidate in (f"{clean} {nxt}" if nxt else clean, clean):
            for rx, name in _CENTRAL_BODY_RES:
                if rx.match(candidate):
                    return name
            m = _MINISTRY_LINE.match(candidate)
            if m and m.group("name").isupper():
                return _recase(_SPACES.sub(" ", m.group("name").strip(" -_")), text)
    portal = _PORTAL_TITLE.match(head)
    return portal.group("issuer") if portal else None


#: A legal portal's title line above a copied text: "Công văn 296/BHXH-CSYT năm 2021 ...
#: do Bảo hiểm xã hội Việt Nam ban hành."
_PORTAL_TITLE = re.compile(r"[^\n]*\sdo\s+(?P<issuer>[^\n]{3,80}?)\s+ban\s+hành\s*\.?[ \t]*\n")


#: An official letter's subject line ("V/v triển khai ..."), below its number.
_SUBJECT_LINE = re.compile(r"^[ \t|]*(?:V/v|Về việc)\b[^\n]*$", re.MULTILINE | re.IGNORECASE)
#: Header lines that end a wrapped subject line.
_HEADER_LINE = re.compile(
    r"^(?:Kính gửi|CỘNG HÒA|Độc lập|Số\b|[-_=*|\s]*$)|^[^\W\d][^,\n]{1,40},\s*ngày\b",
    re.IGNORECASE,
)


def _subject_line(head: str) -> str | None:
    """An official letter's title: its "V/v ..." line, wrapped lines joined."""
    m = _SUBJECT_LINE.search(head)
    if not m:
        return None
    lines = [m.group().strip(" \t|")]
    for raw in head[m.end() :].split("\n")[1:4]:
        line = raw.strip(" \t|")
        if not line or _HEADER_LINE.match(line) or line.isupper():
            break
        lines.append(line)
    return _SPACES.sub(" ", " ".join(lines)).strip(" .")


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
        if _AUTHORITY.match(line) or line.startswith(("ỦY BAN", "HỘI ĐỒNG")):
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
    title = _SPACES.sub(" ", " ".join(lines)).strip(" .")
    return _recase(title, text) if title.isupper() else title


def _recase(title: str, text: str) -> str:
    """Sentence case for an upper-case title, copying each phrase's case from the body.

    The longest run of title words (up to eight) written in mixed case
    elsewhere in the text gives its case ("BAN THƯỜNG VỤ TỈNH ỦY" -> "Ban
    Thường vụ Tỉnh ủy"); a word found nowhere is lower-cased; the first
    letter is capitalised.
    """
    body, lowered = _case_source(text)
    words = title.split(" ")
    out: list[str] = []
    i = 0
    while i < len(words):
        for size in range(min(8, len(words) - i), 0, -1):
            phrase = " ".join(words[i : i + size])
            found = _mixed_case_occurrence(body, lowered, phrase)
            if found is not None:
                out.extend(found.split(" "))
                i += size
                break
        else:
            word = words[i]
            out.append(word if _keeps_case(word) else word.lower())
            i += 1
    result = _DOCUMENT_NAME.sub(lambda m: m.group(1) + m.group(2).capitalize(), " ".join(out))
    return result[:1].upper() + result[1:]


@lru_cache(maxsize=4)
def _case_source(text: str) -> tuple[str, str]:
    """``text`` with whitespace runs folded to one space, and its lower-case form.

    ``str.split`` and ``\\s`` know the same whitespace; a run at either end
    becomes one space too.  Cached: the title, the type line and the issuer of
    one document are recased against the same text.
    """
    words = text.split()
    body = " ".join(words)
    if words and text[0].isspace():
        body = " " + body
    if text[-1:].isspace():
        body += " "
    return body, body.lower()


#: A document named as the object of "thực hiện" is written with a capital.
_DOCUMENT_NAME = re.compile(
    r"((?:thực hiện|triển khai|ban hành) )(chương trình|chiến lược|đề án|kế hoạch|nghị quyết"
    r"|chỉ thị|quyết định|kết luận)\b"
)


def _keeps_case(word: str) -> bool:
    """Symbols and abbreviations keep their case (22-NQ/TW, UBND)."""
    letters = word.strip(",.;:()")
    return any(c.isdigit() or c in "/-" for c in word) or (
        letters.isupper() and not is_syllable(letters)
    )


_LETTER = re.compile(r"[^\W\d_]")


def _mixed_case_occurrence(body: str, lowered: str, phrase: str) -> str | None:
    needle = phrase.lower()
    if not _LETTER.search(needle):
        return None
    start = 0
    while True:
        k = lowered.find(needle, start)
        if k < 0:
            return None
        candidate = body[k : k + len(needle)]
        boundary = (k == 0 or not body[k - 1].isalnum()) and (
            k + len(needle) >= len(body) or not body[k + len(needle)].isalnum()
        )
        # a single capitalised word right after a full stop is no evidence of case
        sentence_start = (
            " " not in phrase and candidate[:1].isupper() and body[k - 2 : k - 1] in ".:"
        )
        usable = boundary and not candidate.isupper() and len(candidate) == len(phrase)
        if usable and not sentence_start:
            return candidate
        start = k + 1
