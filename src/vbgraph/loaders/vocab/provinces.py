"""Provinces and centrally-run cities (``provinces.toml``), for scopes and body names."""

from __future__ import annotations

import re

from vbgraph.loaders.text.fold import fold_case
from vbgraph.loaders.vocab.files import load_table

_TABLE = load_table("provinces.toml", "province")

#: Canonical names, in the file's (alphabetical) order.
PROVINCES: tuple[str, ...] = tuple(p["name"] for p in _TABLE)
#: Centrally-run cities by canonical name, with the bare name their bodies are written with.
CITIES: dict[str, str] = {p["name"]: p["city"] for p in _TABLE if "city" in p}


def _fold(name: str) -> str:
    """A name without regard to case, spacing or dashes (``Bà Rịa-Vũng Tàu``)."""
    return fold_case(name.replace("-", " "))


_BY_FOLD: dict[str, str] = {
    _fold(alias): p["name"] for p in _TABLE for alias in (p["name"], *p.get("aliases", ()))
}
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
    return "thành phố" if name in CITIES else "tỉnh"


def city_name(province: str | None) -> str | None:
    """The bare name of a centrally-run city (``Thành phố Hồ Chí Minh`` -> ``Hồ Chí Minh``)."""
    name = province_name(province) if province else None
    return CITIES.get(name) if name else None


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


#: A province named right after a body: "(tỉnh | thành phố) Thanh Hóa", the kind word
#: optional when the body's name ends with it ("Ủy ban nhân dân tỉnh| Thanh Hóa").
_NAMED_AFTER = re.compile(
    r"[ \t]*\n?[ \t]*(?P<kind>(?:tỉnh|thành phố|Thành phố|TP\.?)[ \t]*\n?[ \t]*)?"
    + _NAMES_RE.pattern,
    re.IGNORECASE,
)
_ENDS_WITH_KIND = re.compile(r"(?:tỉnh|thành phố)\Z", re.IGNORECASE)


def province_after(text: str, name_start: int, name_end: int) -> tuple[int, str] | None:
    """The province a body's name at ``text[name_start:name_end]`` goes on to name ("Sở Y tế
    tỉnh Nghệ An", "Ủy ban nhân dân tỉnh Thanh Hóa"): where its name ends, and the province."""
    m = _NAMED_AFTER.match(text, name_end)
    if m is None:
        return None
    if m.group("kind") is None and not _ENDS_WITH_KIND.search(text, name_start, name_end):
        return None
    name = province_name(m.group(2))
    return (m.end(2), name) if name else None


_KIND_WORD_END = re.compile(r"\s+(?:tỉnh|thành phố)$")


def without_kind_word(name: str) -> str:
    """A body's name without a trailing ``tỉnh``/``thành phố`` (``UBND tỉnh`` -> ``UBND``),
    to be followed by the province as :func:`local_name` writes it."""
    return _KIND_WORD_END.sub("", name)
