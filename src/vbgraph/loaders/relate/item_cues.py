"""The cues an item of a document's body gives (relate/responsibilities.py), on folded text
(:func:`vbgraph.loaders.text.fold.fold_same_length`): whether it heads items of a holder,
of aims, of roles only; what opens or labels it; where an appendix is named."""

from __future__ import annotations

import re

from vbgraph.loaders.vocab.cues import (
    AIMS_SECTIONS_FOLDED,
    ANNOUNCED_FOLDED,
    CHECK_VERBS_FOLDED,
    FUNCTION_ADVERB_FOLDED,
    HOLDER_LABELS_FOLDED,
    LIST_FILLERS_FOLDED,
    MEMBERS_OF_FOLDED,
    ROLE_VERBS_FOLDED,
    TASK_WORDS_FOLDED,
    TITLES_FOLDED,
)

#: What may stand before a heading's agencies, on folded text: nothing, or the cue that
#: gives its items to them ("2. Đề nghị UBND các xã, phường", "3. Giao Sở Tài chính:",
#: "2. Đối với Sở Y tế:").
#: A heading may name its holder by office: "2. Giám đốc Sở Công Thương:".
HEADING_CUE = re.compile(
    rf"[\s:]*(?:(?P<requested>de\s*nghi)|giao|yeu\s+cau(?:\s+doi\s+voi)?|doi\s+voi"
    # "Điều 16. Trách nhiệm, quyền hạn của Sở Tư pháp", "Điều 16. Trách nhiệm Sở Công Thương"
    rf"|(?P<label>(?:{HOLDER_LABELS_FOLDED})(?:\s*(?:,|va)\s*(?:{HOLDER_LABELS_FOLDED}|quyen\s+han))?"
    rf"(?:\s+(?:cua|doi\s+voi))?))?[\s:]*"
    rf"(?:\b(?:{TITLES_FOLDED})\s+)*\Z"
)
#: Words that give the names around them roles of a task: the item is a task, not a heading.
GIVES_ROLES = re.compile(rf"\b(?:{ROLE_VERBS_FOLDED}|co\s+quan\s+thuc\s+hien)\b")
#: A section of aims ("I. MỤC ĐÍCH, YÊU CẦU", "1. Mục tiêu"): its items assign nothing.
AIMS = re.compile(
    rf"[\s:]*(?:{AIMS_SECTIONS_FOLDED})\b(?![^\n]*\b(?:{TASK_WORDS_FOLDED})\b)[^\n]*(?:\n|$)"
)
#: An item that ends with a colon: what follows is its.
HEADING_COLON = re.compile(r":\s*\Z")
#: The rest of an announcing clause, on folded text: "thực hiện tốt các nhiệm vụ sau:".
ANNOUNCING = re.compile(
    rf"[^.;:]{{0,120}}?\b(?:{ANNOUNCED_FOLDED})\b[^.;:\n]{{0,40}}?\bsau(?:\s+day)?\s*:"
)
#: A short label opening an item before its subject: "- Báo cáo 6 tháng: Các cơ quan, đơn
#: vị gửi Sở Tài chính ...".
LABEL = re.compile(r"[\s\-+*•]*[^\s:;.,][^:;.\n]{0,40}:[ \t]*")
#: Checking, as a verb of the predicate: the holder carries out an inspection.
INSPECTS = re.compile(rf"\b(?:{CHECK_VERBS_FOLDED})\b")
#: An appendix's name before its table, on folded text: "PHỤ LỤC I", "Phụ lục số 02".
APPENDIX = re.compile(r"\bphu\s+luc\s+(?:so\s+)?([ivxlc]+|\d+)\b", re.IGNORECASE)
#: "đại biểu Quốc hội": the body's members, not the body.
MEMBERS_OF = re.compile(rf"\b(?:{MEMBERS_OF_FOLDED})\s+\Z")
#: "nếu có khó khăn, vướng mắc": the plan's closing word on reporting difficulties.
DIFFICULTIES = re.compile(r"\bkho\s+khan\s*,?\s*(?:va\s+)?vuong\s+mac\b")
#: The roles an item states before the partners it names, on folded text: "a) Chủ trì, phối
#: hợp với", "b) Phối hợp với".
ROLES_HEAD = re.compile(r"[\s*_]*(?:chu\s*tri\s*(?:,|va)\s*)?phoi\s*hop\s+voi[\s:*_]*")
#: What an item naming who leads the items under it says besides the names, on folded text:
#: role verbs, "theo chức năng, nhiệm vụ", fillers ("1. Bộ Tài chính chủ trì, phối hợp với
#: các Bộ, cơ quan liên quan và các địa phương:").
ROLE_WORDS_ONLY = re.compile(
    rf"(?:[\W_]|\b(?:{ROLE_VERBS_FOLDED}|voi|va|cac|chat\s+che|{FUNCTION_ADVERB_FOLDED}"
    rf"|{LIST_FILLERS_FOLDED}|{TITLES_FOLDED})\b)*"
)


#: Words of an obligation announcing the items below ("1. Ủy ban nhân dân Thành phố có trách
#: nhiệm sau đây:", "Sở Tài chính có nhiệm vụ:"), names and fillers aside.
_OBLIGATION_ONLY = re.compile(
    rf"(?:[\W_]|\b(?:{LIST_FILLERS_FOLDED}|{TITLES_FOLDED}|va|cac)\b)*"
    r"\b(?:co|chiu)\s+(?:trach\s+nhiem|nhiem\s+vu)(?:\s+(?:sau\s+day|sau|nhu\s+sau))?[\W_]*"
)


def only_role_words(folded: str, a: int, b: int, names: list[tuple[int, int]]) -> bool:
    """Whether ``folded[a:b]``, but for the agency names at ``names``, says role verbs and
    nothing else but fillers ("chủ trì, phối hợp với ... và ...:")."""
    rest, at = [], a
    for start, end in names:
        rest.append(folded[at:start])
        at = end
    rest.append(folded[at:b])
    words = " ".join(rest)
    if _OBLIGATION_ONLY.fullmatch(words):
        return True
    return GIVES_ROLES.search(words) is not None and ROLE_WORDS_ONLY.fullmatch(words) is not None


def closing_paragraph(text: str, folded: str, body: int, end: int) -> int | None:
    """Where a paragraph of an item's own text ``[body, end)`` after its first starts that
    is the plan's closing word on difficulties ("Trong quá trình triển khai thực hiện, nếu
    có khó khăn, vướng mắc, đề nghị ... phản ánh về Sở X"), if one: not the item's task."""
    at = text.find("\n\n", body, end)
    while at >= 0:
        p = at + 2
        while p < end and text[p] in " \t\n*":
            p += 1
        if p >= end:
            return None
        if DIFFICULTIES.search(folded, p, min(end, p + 160)):
            return p
        at = text.find("\n\n", p, end)
    return None
