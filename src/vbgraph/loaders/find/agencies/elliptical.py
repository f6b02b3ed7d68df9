"""Elliptical lists of ministries or departments: ``Các Bộ: Y tế, Công Thương, Nông nghiệp
và Môi trường`` names ``Bộ Y tế``, ``Bộ Công Thương`` and ``Bộ Nông nghiệp và Môi trường``.

The head word is written once, before a colon; each member is the rest of a name the
gazetteer knows ("Kế hoạch và Đầu tư", "Văn hóa, Thể thao và Du lịch" with their own "và"
and commas), so the list is read member by member, each the longest run of words that
makes a known name with the head, separated by ",", ";" or "và".  The list ends where no
known name follows.
"""

from __future__ import annotations

import re
from functools import lru_cache

from vbgraph.loaders.find.agencies.matcher import find_mentions
from vbgraph.loaders.models import Agency, AgencyMention
from vbgraph.loaders.vocab.agency_names import ELLIPTICAL_HEADS

#: ``[Cc](?<!\w[Cc])`` is ``\b[Cc]``, written so that the engine skips in C to the next "c"
#: (a pattern opening on ``\b`` is tried at every character).
_OPENING = re.compile(
    rf"[Cc](?<!\w[Cc])ác[ \t]+(?P<head>{'|'.join(ELLIPTICAL_HEADS)})[ \t]*:[ \t]*"
)
#: A word of a member's name, or what joins words inside one ("-", "&", ",", "và").
_TOKEN = re.compile(r"\s*(?:(?P<word>[^\W_][\w&]*)|(?P<join>[-–&,;]))")
#: What stands between two members.
_BETWEEN = re.compile(r"\s*(?:[,;]\s*(?:và\s+)?|và\s+)")
#: Words a member's name may hold at most (``Lao động - Thương binh và Xã hội``: 7).
_MAX_WORDS = 9


def elliptical_mentions(text: str, province: str | None, start: int = 0,
                        end: int | None = None) -> list[AgencyMention]:
    """The members of every elliptical list in ``text[start:end]``, the first one's span
    opening at "Các" (so a heading naming only the list reads as naming bodies)."""
    stop = len(text) if end is None else end
    out: list[AgencyMention] = []
    for m in _OPENING.finditer(text, start, stop):
        head, pos, first = m.group("head"), m.end(), m.start()
        while True:
            member = _member(text, pos, stop, head, province)
            if member is None:
                break
            agency, member_end = member
            a = first if first >= 0 else pos
            out.append(AgencyMention(agency, a, member_end, text[a:member_end]))
            first = -1
            between = _BETWEEN.match(text, member_end, stop)
            if between is None:
                break
            pos = between.end()
    return out


def _member(text: str, pos: int, stop: int, head: str,
            province: str | None) -> tuple[Agency, int] | None:
    """The longest known name ``head`` + words from ``pos``, and where its words end."""
    ends: list[int] = []
    words: list[str] = []
    at = pos
    while len(ends) < _MAX_WORDS * 2:
        t = _TOKEN.match(text, at, stop)
        if t is None:
            break
        words.append(t.group("word") or t.group("join"))
        at = t.end()
        if t.group("word"):
            ends.append(at)
        else:
            ends.append(-1)  # a name does not end on a joiner
    for k in range(len(words), 0, -1):
        if ends[k - 1] < 0 or not words[0][:1].isupper():
            continue
        agency = _known(f"{head} {_joined(words[:k])}", province)
        if agency is not None:
            return agency, ends[k - 1]
    return None


def _joined(words: list[str]) -> str:
    out = ""
    for w in words:
        out += w if (w in ",;" or not out) else f" {w}"
    return out


@lru_cache(maxsize=4096)
def _known(name: str, province: str | None) -> Agency | None:
    """The gazetteer's body named exactly ``name``, if it knows one."""
    found = find_mentions(name, province)
    if len(found) == 1 and found[0].start == 0 and found[0].end == len(name):
        return found[0].agency
    return None
