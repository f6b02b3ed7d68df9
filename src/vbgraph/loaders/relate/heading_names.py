"""Collectives named by a heading as written: "4. Các cơ sở nuôi trồng thủy sản:",
"**5. Các chủ đầu tư xây dựng và kinh doanh hạ tầng Khu công nghiệp**", "5. Các chủ rừng
là tổ chức (các Ban quản lý rừng ...)".

The collective grammar (find/agencies/phrases.py) reads "Các cơ sở", "Các chủ đầu tư": the
words that say which ones ("nuôi trồng thủy sản", "xây dựng và kinh doanh hạ tầng ...") are
open-ended.  A heading that holds nothing but the collective and those words names the
holder of the items under it, so the holder is named by the whole heading: up to its colon,
its closing bold marker, a bracket or the end of its lines.  Words of a task (a verb pair
such as "chủ trì", "triển khai") make the heading a task, and a second body named in it
(other than one the collective belongs to: "Các cơ quan trực thuộc Bộ Văn hóa, Thể thao và
Du lịch") makes it a list: both keep the grammar's reading.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from itertools import pairwise

from vbgraph.loaders.models import Agency, AgencyMention, Item
from vbgraph.loaders.text.fold import fold_name
from vbgraph.loaders.vocab.agency_names import STOP_PAIRS

#: What may stand before the collective on the heading's line: bold markers, spaces.
_LEAD_IN = re.compile(r"[\s*]*")
#: Where the heading's words end: a colon, a bold marker, a bracket, a sentence's end, a
#: blank line or a line that opens an item.
_HEADING_END = re.compile(r":|\*\*|\(|\n[ \t]*\n|\n(?=[ \t]*(?:[-+•*]|\d+[.)]|[a-zđ]\)))")
#: A plural noun's collective ("Các cơ sở", "các chủ đầu tư"), not a body of every place.
_PLURAL = re.compile(r"[Cc]ác\s")
#: A body the collective belongs to: "Các cơ quan trực thuộc Bộ ...", "... của MTTQ xã".
_OWNER_WORD = re.compile(r"(?:\bthuộc|\bcủa)\s*\Z")
#: At most this many words after the collective's own.
_MAX_WORDS = 15


def heading_names(
    text: str, items: list[Item], mentions: list[AgencyMention]
) -> list[AgencyMention]:
    """``mentions`` with each collective that a heading names re-read as the heading."""
    starts = {m.start: k for k, m in enumerate(mentions)}
    starts_in_order = [m.start for m in mentions]
    in_order = all(x <= y for x, y in pairwise(starts_in_order))
    out = list(mentions)
    dropped: set[int] = set()
    for item in items:
        lead_in = _LEAD_IN.match(text, item.body, item.own_end)
        at = lead_in.end() if lead_in else item.body
        k = starts.get(at)
        if k is None or not mentions[k].agency.collective or not _PLURAL.match(mentions[k].text):
            continue
        m = mentions[k]
        found = _HEADING_END.search(text, m.end, item.own_end)
        if found is None or found.start() >= item.own_end:
            continue  # the heading's words run to the item's end: a sentence, not a heading
        end = found.start()
        tail = text[m.end : end]
        if "." in tail or ";" in tail:
            continue  # a sentence: "Các cơ quan, đơn vị căn cứ thành tích ... ."
        words = fold_name(tail).split()
        if not words or len(words) > _MAX_WORDS or any(
            f"{a} {b}" in STOP_PAIRS for a, b in pairwise(words)
        ):
            continue
        last = bisect_left(starts_in_order, end) if in_order else len(mentions)
        inner = [j for j in range(k + 1, last) if m.end <= mentions[j].start < end]
        if any(not _OWNER_WORD.search(text, m.end, mentions[j].start) for j in inner):
            continue  # another body named beside it: a list
        name = " ".join(text[m.start : end].replace("*", " ").split()).rstrip(" ,")
        agency = Agency(name[:1].upper() + name[1:], m.agency.province, True,
                        m.agency.level, m.agency.kind)  # fmt: skip
        out[k] = AgencyMention(agency, m.start, m.start + len(text[m.start : end].rstrip()),
                               text[m.start : end].rstrip())  # fmt: skip
        dropped.update(inner)
    return [m for j, m in enumerate(out) if j not in dropped]
