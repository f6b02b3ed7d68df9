"""What a legal portal adds to a page a researcher saved: its notices to its own members
("**THÔNG BÁO** về Lưu trữ, Sử dụng Thông tin Khách hàng / Kính gửi: Quý Thành viên, Nghị
định 13/2023/NĐ-CP về Bảo vệ dữ liệu cá nhân ... yêu cầu ..."). The documents such a notice
names are the portal's business, not the saved document's."""

from __future__ import annotations

import re

#: The portal addressing its users: "Kính gửi: Quý Thành viên", "Kính gửi Quý khách hàng".
_TO_MEMBERS = re.compile(
    r"^[ \t*|]*Kính gửi\W{0,6}Quý\s+(?:Thành viên|khách hàng|khách)\b", re.IGNORECASE | re.MULTILINE
)
#: The notice's heading a few lines above its addressee ("**THÔNG BÁO **").
_NOTICE_HEADING = re.compile(r"^[ \t*|]*THÔNG BÁO\b", re.MULTILINE)
#: The notice's closing thanks ("Trân trọng cảm ơn Quý Thành viên."), to the end of its line.
_THANKS = re.compile(r"cảm ơn\s+Quý\s+(?:Thành viên|khách)[^\n]*", re.IGNORECASE)
#: How far a notice may run when it has no closing thanks.
_REACH = 1500


def portal_notices(text: str) -> list[tuple[int, int]]:
    """The spans of the portal's notices to its members in ``text``."""
    spans: list[tuple[int, int]] = []
    for m in _TO_MEMBERS.finditer(text):
        headings = list(_NOTICE_HEADING.finditer(text, max(0, m.start() - 200), m.start()))
        start = headings[-1].start() if headings else m.start()
        thanks = _THANKS.search(text, m.end(), m.end() + _REACH)
        spans.append((start, thanks.end() if thanks else min(len(text), m.end() + _REACH)))
    return spans
