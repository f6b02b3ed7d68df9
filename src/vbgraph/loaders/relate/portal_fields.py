"""The fields a legal portal prints above a document it publishes.

A page copied from thuvienphapluat.vn (and the datasets crawled from it) opens with the
portal's table of the document: ``Số hiệu:`` / ``4085/UBND-ĐT``, ``Loại văn bản:`` /
``Công văn``, ``Nơi ban hành:`` / ``Bộ Nội vụ``, ``Ngày ban hành:`` / ``21/11/2025``, the
labels and values in cells (``|``), often on lines of their own.  The header reader
(:mod:`vbgraph.loaders.relate.header`) takes what the document's own letterhead does not
say from them: a page whose text starts with the portal's summary has no letterhead.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from vbgraph.loaders.find.symbols import SYMBOL_RE, parse_symbol
from vbgraph.loaders.models import Symbol
from vbgraph.loaders.text.patterns import phrases
from vbgraph.loaders.vocab.documents import PORTAL_FIELDS, canonical_type_word
from vbgraph.loaders.vocab.provinces import local_name, province_name

#: The labels of a field in ``text``; what follows, across cell bars and line ends, is its
#: value (up to the next bar or line end).
_FIELDS = {
    name: re.compile(
        rf"^[ \t|*#]*(?:{phrases(labels)})[ \t*]*:[ \t*]*(?:[\s|*]*?)(?P<value>[^\s|*][^\n|*]*)",
        re.MULTILINE,
    )
    for name, labels in PORTAL_FIELDS.items()
}
#: A day as the portal writes it: 21/11/2025.
_DAY = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")


@dataclass(frozen=True, slots=True)
class PortalFields:
    """The portal's values (``None`` where it gives none); ``date`` is ISO."""

    symbol: str | None = None
    type: str | None = None
    issuer: str | None = None
    date: str | None = None
    #: Where the last field's value ends: the document's own text starts after it.
    end: int = 0

    def own_symbol(self) -> tuple[str | None, Symbol | None]:
        """The symbol "Số hiệu" gives, when it reads as one."""
        s = SYMBOL_RE.fullmatch(self.symbol.replace(" ", "")) if self.symbol else None
        if s is None:
            return None, None
        sym = parse_symbol(s)
        return sym.text, sym

    def doc_type(self) -> str | None:
        """The type "Loại văn bản" names."""
        return canonical_type_word(self.type) if self.type else None

    def province(self) -> str | None:
        """The province "Nơi ban hành" names ("Thành phố Hồ Chí Minh"), if it names one."""
        return province_name(self.issuer) if self.issuer else None

    def issuer_for(self, sym: Symbol | None, province: str | None) -> str | None:
        """The issuer "Nơi ban hành" names: a body ("Bộ Nội vụ"), or a province whose
        committee the symbol's code names ("Thành phố Hồ Chí Minh", "4085/UBND-ĐT")."""
        if self.issuer is None:
            return None
        if self.province() is None:
            return self.issuer
        if sym is not None and sym.issuer_root == "UBND" and province:
            return f"UBND {local_name(province)}"
        return None


def portal_fields(head: str) -> PortalFields:
    """The portal fields at the top of ``head`` (all ``None`` when it has none)."""
    if not any(label in head for label in PORTAL_FIELDS["symbol"]):
        return PortalFields()  # most texts: no portal table, no scan
    values: dict[str, str] = {}
    end = 0
    for name, pattern in _FIELDS.items():
        m = pattern.search(head)
        if m is not None:
            values[name] = " ".join(m.group("value").split())
            end = max(end, m.end())
    if "symbol" not in values:
        return PortalFields()
    day = _DAY.fullmatch(values.get("date", ""))
    date = f"{day[3]}-{int(day[2]):02d}-{int(day[1]):02d}" if day else None
    return PortalFields(values["symbol"], values.get("type"), values.get("issuer"), date, end)
