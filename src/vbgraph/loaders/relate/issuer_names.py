"""The issuing body's own names, which its document gives no tasks, and whether it gives
its People's Committee tasks (relate/responsibilities.py)."""

from __future__ import annotations

import re

from vbgraph.loaders.find.symbols import document_family

_ISSUER_TITLE = re.compile(r"^(?:Bộ trưởng|Chủ tịch|Giám đốc|Thủ trưởng)\s+")
_ISSUER_PARTY = re.compile(r"(?:Ban Thường vụ\s+)?(Tỉnh ủy|Thành ủy)\b")
_ISSUER_COUNCIL = re.compile(r"(?:HĐND|Hội đồng nhân dân)\s+(?:tỉnh|[Tt]hành phố)\b")
_COUNCIL = re.compile(r"(?:HĐND|Hội đồng nhân dân)\b")
_PARTY_ISSUER = re.compile(r"(?:Ban Thường vụ\s+|Ban Chấp hành\s+)?(?:Tỉnh ủy|Thành ủy|Đảng ủy)\b")
#: A People's Committee (or its chairman) as the issuer.
COMMITTEE_ISSUER = re.compile(r"(?:Chủ tịch\s+)?(?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân)\b")


def issuer_names(issuer: str | None, ministry: str | None) -> set[str]:
    """The issuing body's own names: it is not assigned tasks by its own document."""
    names: set[str] = set()
    if ministry:
        names.add(ministry)
    if issuer:
        body = _ISSUER_TITLE.sub("", issuer)
        names.add(body)
        m = _ISSUER_PARTY.match(body)
        if m:
            names.update({m.group(1), f"Ban Thường vụ {m.group(1)}"})
        if _ISSUER_COUNCIL.match(body):
            # and the bare name of its enacting formula ("Hội đồng nhân dân ban hành Nghị quyết")
            names.update({"Hội đồng nhân dân tỉnh", "Hội đồng nhân dân thành phố",
                          "Hội đồng nhân dân"})
    return names


def assigns_committee(issuer: str | None, symbol: str = "") -> bool:
    """Whether the issuer gives its People's Committee tasks: a People's Council's resolution,
    a Party committee's document ("Ban Thường vụ Tỉnh ủy ... Ủy ban nhân dân tỉnh cụ thể hóa
    Chương trình hành động này", "Đảng ủy Ủy ban nhân dân tỉnh đề nghị Ủy ban nhân dân tỉnh").

    Elsewhere the provincial People's Committee is the issuer itself or the body that
    receives reports, and is not an assignee.
    """
    party = document_family(symbol).startswith("party") if symbol else False
    return party or bool(issuer and (_COUNCIL.match(issuer) or _PARTY_ISSUER.match(issuer)))
