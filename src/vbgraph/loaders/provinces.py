"""Vietnam's provinces and centrally-run cities (the 63 of 2008-2025), for scopes."""

from __future__ import annotations

import re
import unicodedata

PROVINCES: tuple[str, ...] = (
    "An Giang", "Bà Rịa - Vũng Tàu", "Bắc Giang", "Bắc Kạn", "Bạc Liêu", "Bắc Ninh",
    "Bến Tre", "Bình Định", "Bình Dương", "Bình Phước", "Bình Thuận", "Cà Mau",
    "Cần Thơ", "Cao Bằng", "Đà Nẵng", "Đắk Lắk", "Đắk Nông", "Điện Biên", "Đồng Nai",
    "Đồng Tháp", "Gia Lai", "Hà Giang", "Hà Nam", "Hà Nội", "Hà Tĩnh", "Hải Dương",
    "Hải Phòng", "Hậu Giang", "Hòa Bình", "Hưng Yên", "Khánh Hòa", "Kiên Giang",
    "Kon Tum", "Lai Châu", "Lâm Đồng", "Lạng Sơn", "Lào Cai", "Long An", "Nam Định",
    "Nghệ An", "Ninh Bình", "Ninh Thuận", "Phú Thọ", "Phú Yên", "Quảng Bình",
    "Quảng Nam", "Quảng Ngãi", "Quảng Ninh", "Quảng Trị", "Sóc Trăng", "Sơn La",
    "Tây Ninh", "Thái Bình", "Thái Nguyên", "Thanh Hóa", "Thành phố Hồ Chí Minh",
    "Thừa Thiên Huế", "Tiền Giang", "Trà Vinh", "Tuyên Quang", "Vĩnh Long",
    "Vĩnh Phúc", "Yên Bái",
)  # fmt: skip

#: The centrally-run cities (*thành phố trực thuộc trung ương*): their bodies
#: are "UBND thành phố Hải Phòng", "Sở Tài chính thành phố ..."; every other
#: unit of PROVINCES is a *tỉnh*.
CENTRAL_CITIES: frozenset[str] = frozenset(
    {"Hà Nội", "Hải Phòng", "Đà Nẵng", "Cần Thơ", "Thành phố Hồ Chí Minh"}
)

_ALIASES: dict[str, str] = {
    "hồ chí minh": "Thành phố Hồ Chí Minh",
    "tp. hồ chí minh": "Thành phố Hồ Chí Minh",
    "tp hồ chí minh": "Thành phố Hồ Chí Minh",
    "huế": "Thừa Thiên Huế",
    "bà rịa vũng tàu": "Bà Rịa - Vũng Tàu",
}


def _fold(name: str) -> str:
    name = unicodedata.normalize("NFC", name).lower()
    return re.sub(r"\s*-\s*", " ", re.sub(r"\s+", " ", name)).strip()


_BY_FOLD: dict[str, str] = {_fold(p): p for p in PROVINCES} | _ALIASES
_NAMES_RE = re.compile(
    r"(?<!\w)("
    + "|".join(
        re.escape(k).replace(r"\ ", r"\s*-?\s*") for k in sorted(_BY_FOLD, key=len, reverse=True)
    )
    + r")(?!\w)",
    re.IGNORECASE,
)


def province_name(text: str) -> str | None:
    """The canonical province name ``text`` is (any case), or None."""
    return _BY_FOLD.get(_fold(text))


def province_kind(name: str) -> str:
    """``thành phố`` for a centrally-run city, else ``tỉnh``."""
    return "thành phố" if name in CENTRAL_CITIES else "tỉnh"


def local_name(name: str) -> str:
    """The province as a body's name writes it after the body: ``tỉnh Quảng Nam``,
    ``thành phố Hải Phòng``, ``Thành phố Hồ Chí Minh`` (the kind is already in the name)."""
    kind = province_kind(name)
    if name.lower().startswith(kind):
        return name
    return f"{kind} {name}"


def find_province(text: str) -> tuple[int, int, str] | None:
    """The first province name in ``text``: (start, end, canonical name)."""
    m = _NAMES_RE.search(text)
    if not m:
        return None
    name = province_name(m.group(1))
    return (m.start(1), m.end(1), name) if name else None
