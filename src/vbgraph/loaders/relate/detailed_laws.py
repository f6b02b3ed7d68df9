"""A decree detailing a law the text names without its number: "Căn cứ Luật Lưu trữ số
33/2024/QH15; ... Căn cứ Nghị định số 113/2025/NĐ-CP quy định chi tiết một số điều của Luật
Lưu trữ;" -- 113/2025/NĐ-CP implements 33/2024/QH15.

A Căn cứ list names each law once with its number, then the decrees that detail or guide
them by the law's title only.  The titles the text gives its numbered laws ("Luật <title>
số ...") are matched, longest first, against the words after "quy định chi tiết" /
"hướng dẫn thi hành" ... "Luật" that follow a decree's mention in its own statement.  A
title no numbered law of the text carries names nothing (no guess from a list of laws).
"""

from __future__ import annotations

import re

from vbgraph.loaders.models import DocMention
from vbgraph.loaders.text.fold import fold_name

#: A numbered law's title before its symbol: "Luật Lâm nghiệp số", "Luật Giao dịch điện tử\nsố"
#: (the last "Luật" before the symbol: the title holds no other document's words).
_TITLE = re.compile(r"\bLuật\s+(?P<title>[^\W\d][^;:/()*]{1,100}?)\s+số\s*\Z")
#: After a decree: what it does to a law, up to the law's type word ("quy định chi tiết một
#: số điều và biện pháp thi hành Luật", "hướng dẫn thi hành Luật").
_DETAILS = re.compile(
    r"[^;]{0,120}?\b(?:quy\s+định\s+chi\s+tiết|hướng\s+dẫn\s+(?:chi\s+tiết|thi\s+hành))"
    r"[^;]{0,140}?\b[Ll]uật\s+",
    re.IGNORECASE,
)
#: A decree amending the documents that detail a law, not detailing it itself.
_AMENDS_DETAILING = re.compile(r"\bsửa\s+đổi|\bbãi\s+bỏ", re.IGNORECASE)
#: The type words of documents that detail a law.
_DETAILING = frozenset(
    map(fold_name, ("Nghị định", "Thông tư", "Thông tư liên tịch", "Quyết định"))
)


def law_titles(text: str, mentions: list[DocMention]) -> dict[str, DocMention]:
    """The folded title of each numbered law the text names, with its (first) mention."""
    out: dict[str, DocMention] = {}
    for m in mentions:
        if not m.text.upper().rsplit("/", 1)[-1].startswith("QH"):
            continue  # a law's symbol ends with the National Assembly's "QH15"
        before = text[max(0, m.sym_start - 140) : m.sym_start]
        titles = list(_TITLE.finditer(before))
        found = titles[-1] if titles else None  # the last one: right before the symbol
        if found is not None and "Luật" not in found.group("title"):
            out.setdefault(" ".join(fold_name(found.group("title")).split()), m)
    return out


def detailed_law(
    text: str, m: DocMention, stop: int, titles: dict[str, DocMention]
) -> DocMention | None:
    """The numbered law that the decree ``m`` is said, before ``stop``, to detail by its
    title alone, if any."""
    if m.type_word is None or fold_name(m.type_word) not in _DETAILING or not titles:
        return None
    found = _DETAILS.match(text, max(m.tail, m.end), stop)
    if found is None or _AMENDS_DETAILING.search(text, found.start(), found.end()):
        return None  # "... sửa đổi, bổ sung một số điều của các nghị định quy định chi tiết"
    words = " ".join(fold_name(text[found.end() : min(stop, found.end() + 160)]).split())
    return _titled(words, titles)


#: An amending law's title before its symbol: "Luật Sửa đổi, bổ sung một số điều của Luật
#: <title> số".
_AMENDING_BEFORE = re.compile(
    r"\bLuật\s+sửa\s+đổi,?\s+bổ\s+sung\s+một\s+số\s+điều\s+của\s+Luật\s+"
    r"(?P<title>[^\W\d][^;:/()*]{1,100}?)\s+số\s*\Z",
    re.IGNORECASE,
)
#: ... or after it, past its date: "Luật số 97/2025/QH15, ngày 27/6/2025 về sửa đổi, bổ sung
#: một số điều của Luật".
_AMENDING_AFTER = re.compile(
    r"[^;:]{0,50}?\b(?:về\s+)?(?:việc\s+)?sửa\s+đổi,?\s+bổ\s+sung(?:\s+một\s+số\s+điều)?"
    r"\s+của\s+(?=Luật\s)",
    re.IGNORECASE,
)
#: Where the next law of a list of titles starts: ", Luật", " và Luật".
_NEXT_LAW = re.compile(r"(?:,|\s+va)\s+(?=luat\s)")


def amended_laws(
    text: str, m: DocMention, stop: int, titles: dict[str, DocMention]
) -> list[DocMention]:
    """The numbered laws that the law ``m`` amends, named by their titles in ``m``'s own
    title (before its symbol, or after it up to ``stop``)."""
    if not m.text.upper().rsplit("/", 1)[-1].startswith("QH") or not titles:
        return []
    out: list[DocMention] = []
    before = _AMENDING_BEFORE.search(text, max(0, m.sym_start - 200), m.sym_start)
    if before is not None:
        law = titles.get(" ".join(fold_name(before.group("title")).split()))
        if law is not None:
            out.append(law)
    after = _AMENDING_AFTER.match(text, max(m.tail, m.end), stop)
    if after is not None:
        words = " ".join(fold_name(text[after.end() : min(stop, after.end() + 400)]).split())
        for part in _NEXT_LAW.split(words):
            law = _titled(part.removeprefix("luat "), titles)
            if law is not None:
                out.append(law)
    return [law for law in out if law.text != m.text]


def _titled(words: str, titles: dict[str, DocMention]) -> DocMention | None:
    """The numbered law whose title ``words`` starts with (the longest), if any."""
    best: DocMention | None = None
    best_len = 0
    for title, law in titles.items():
        if len(title) > best_len and words.startswith(title) and (
            len(words) == len(title) or not words[len(title)].isalnum()
        ):
            best, best_len = law, len(title)
    return best
