"""The issuing body as the letterhead names it, when no more specific rule does.

A Vietnamese document's letterhead (top left, in capitals, above the number) names the
issuing body on its last line, under the body it belongs to ("UBND TỈNH LÀO CAI / SỞ NÔNG
NGHIỆP VÀ MÔI TRƯỜNG", "BỘ CÔNG THƯƠNG / CỤC HÓA CHẤT"); the national motto stands beside
it, often on the same text line once the layout is flattened.  The letterhead's capitals
are read with the agency grammar; the last body named is the issuer.
"""

from __future__ import annotations

import re

from vbgraph.loaders.find.agencies.matcher import find_mentions
from vbgraph.loaders.find.agencies.names import open_mentions
from vbgraph.loaders.vocab.documents import TYPE_WORDS, canonical_type_word
from vbgraph.loaders.vocab.provinces import local_name, province_name

#: The national and Party mottos and rules that share the letterhead's lines.
_MOTTO = re.compile(
    r"CỘNG\s+H[OÒ]À?\s+XÃ\s+HỘI\s+CHỦ\s+NGHĨA\s+VIỆT\s+NAM"
    r"|ĐỘC\s+LẬP\s*[-–]\s*TỰ\s+DO\s*[-–]\s*HẠNH\s+PHÚC"
    r"|ĐẢNG\s+CỘNG\s+SẢN\s+VIỆT\s+NAM",
    re.IGNORECASE,
)
#: A run of two or more upper-case words on one line (the letterhead's capitals).
_CAPITALS = re.compile(r"(?:(?<![\w])[A-ZĐÀ-Ỹ][A-ZĐÀ-Ỹ&]*(?![\w])[ \t]*){2,}")
#: Lines of the letterhead read at most.
_LINES = 8
#: Words after which a body's name takes the province's name alone ("UBND tỉnh" + "Lào Cai").
_LEVEL_END = ("tỉnh", "thành phố")


def letterhead_issuer(header: str, province: str | None) -> str | None:
    """The last body the letterhead's capitals name, with its province; ``header`` is the
    text above the number line."""
    lines = []
    for line in header.splitlines()[:_LINES]:
        line = _MOTTO.sub(" ", line)
        lines += [m.group().strip() for m in _CAPITALS.finditer(line) if not m.group().isdigit()]
    block = "\n".join(lines)
    if not block:
        return None
    found = open_mentions(block, province, find_mentions(block, province))
    if not found:
        return None
    agency = found[-1].agency
    if not agency.province or agency.collective:
        return None if agency.collective else agency.name
    if agency.name.endswith(_LEVEL_END):
        return f"{agency.name} {agency.province}"
    if agency.province.lower() in agency.name.lower():
        return agency.name
    return f"{agency.name} {local_name(agency.province)}"


# --------------------------------------------------------------------------- title-line copies

#: A copy that opens with its title instead of a letterhead (legal-text datasets, portal
#: copies): "Quyết_định sửa_đổi , bãi_bỏ ...", "Chỉ_thị về việc ...", the type word then
#: the title's lower-case words.
_TITLE_LINE = re.compile(
    r"\A\s*(?P<type>(?i:" + "|".join(re.escape(w) for w, _ in TYPE_WORDS) + r"))"
    r"[ \t]+(?=[a-zđà-ỹ(])(?P<rest>[^\n]*)"
)
#: The authority line under such a title: "Thủ_tướng chính_phủ", "Bộ_trưởng bộ công_thương".
_AUTHORITY_LINE = re.compile(
    r"[ \t]*(?P<who>(?i:thủ tướng|bộ trưởng|chủ tịch|ủy ban|uỷ ban|hội đồng|ban)\b)"
    r"[^\n\d.;:,]{0,80}$",
    re.MULTILINE,
)


def title_line(text: str) -> tuple[str, str] | None:
    """(type, title) of a copy whose first line is its title, else None."""
    m = _TITLE_LINE.match(text)
    if m is None:
        return None
    kind = canonical_type_word(m.group("type"))
    if kind is None:
        return None
    return kind, " ".join(m.group(0).split())


def authority_line_issuer(text: str, province: str | None) -> str | None:
    """The issuer a title-line copy names on the line under its title ("Thủ_tướng chính_phủ"
    -> "Thủ tướng Chính phủ", "Bộ_trưởng bộ công_thương" -> "Bộ trưởng Bộ Công Thương")."""
    first = text.lstrip().find("\n")
    if first < 0:
        return None
    start = len(text) - len(text.lstrip()) + first + 1
    m = _AUTHORITY_LINE.match(text, start)
    if m is None or len(m.group().split()) > 10:
        return None
    line = " ".join(m.group().split()).upper()
    who = m.group("who").lower()
    if who == "thủ tướng":
        return "Thủ tướng Chính phủ" if "CHÍNH PHỦ" in line else None
    if who == "bộ trưởng":
        ministry = letterhead_issuer(line.removeprefix("BỘ TRƯỞNG").strip(), None)
        return f"Bộ trưởng {ministry}" if ministry and ministry.startswith("Bộ ") else None
    return letterhead_issuer(line, province)


# --------------------------------------------------------------------------- locality

#: A letterhead line naming a place below the province: "HUYỆN SƠN TỊNH", "XÃ LƯƠNG MINH",
#: "PHƯỜNG BẮC CAM RANH", "THỊ XÃ LONG KHÁNH", "THÀNH PHỐ BIÊN HÒA" (a city of a province).
_LOCALITY_LINE = re.compile(
    r"(?:^|[ \t]{2,}|\|)[ \t]*"
    r"(?:(?:UBND|[ỦU][YỶ] BAN NHÂN DÂN|HĐND|HỘI ĐỒNG NHÂN DÂN|ĐẢNG [ỦU][YỶ]|ĐẢNG BỘ"
    r"|[ỦU][YỶ] BAN MTTQ(?: VIỆT NAM)?|MTTQ(?: VIỆT NAM)?|CÔNG AN)[ \t]+)?"
    r"(?P<kind>HUYỆN|QUẬN|THỊ XÃ|THÀNH PHỐ|XÃ|PHƯỜNG|THỊ TRẤN)"
    r"[ \t]+(?P<name>[A-ZĐÀ-Ỹ][A-ZĐÀ-Ỹ0-9]*(?:[ \t][A-ZĐÀ-Ỹ0-9][A-ZĐÀ-Ỹ0-9]*){0,4})"
    r"(?=[ \t]{2,}|[ \t]*(?:\||$|CỘNG|ĐỘC|Độc|ĐẢNG))",
    re.MULTILINE,
)


def letterhead_locality(header: str) -> str | None:
    """The place below the province the letterhead names ("huyện Sơn Tịnh"), if any; a
    centrally-run city or a province is not one."""
    for line in header.splitlines()[:_LINES]:
        m = _LOCALITY_LINE.search(_MOTTO.sub("  ", line))
        if m is None:
            continue
        name = " ".join(w.capitalize() for w in m.group("name").split())
        if province_name(name) is not None:
            continue  # "THÀNH PHỐ ĐÀ NẴNG", "TỈNH ..." name the province itself
        return f"{m.group('kind').lower()} {name}"
    return None


#: A capitals line that opens with a type word and goes on with the title ("HIỆP ĐỊNH VẬN
#: TẢI ĐƯỜNG BỘ", "GIẤY CHỨNG NHẬN ĐĂNG KÝ ĐẦU TƯ"), or an appendix's "Phụ lục I" line.
_TITLED_TYPE = re.compile(
    r"^[ \t|]*(?P<type>" + "|".join(re.escape(w.upper()) for w, _ in TYPE_WORDS) + r")\b"
    r"(?P<rest>[^\n]*)$"
    r"|^[ \t|]*(?P<annex>Phụ lục|PHỤ LỤC)[ \t]+(?:[IVXLC]+|\d+)\b",
    re.MULTILINE,
)


def titled_type(header: str) -> str | None:
    """The type a header states on a line of its title, when no line states it alone."""
    for m in _TITLED_TYPE.finditer(header):
        if m.group("annex"):
            return "Phụ lục"
        rest = m.group("rest")
        if rest.strip() and rest.upper() == rest and not rest.lstrip()[:1].isdigit():
            return canonical_type_word(m.group("type"))
    return None
