"""Agencies a task's field lines name: "- Đơn vị chủ trì: Đồng chí Phó Chủ tịch Thường trực",
and the holder an item opens with: "1. Đồng chí Trưởng Ban Tuyên giáo - Trưởng Tiểu ban: ...".

Plans often lay a task out as field lines under its heading (the labels are vocabulary,
``[task_fields]`` of ``vocab/cues.toml``).  The value of a lead or coordinate field *is*
the list of who does the task, whatever the names: persons by their office ("Phó Chủ
tịch Thường trực", "Trưởng đoàn thể xã") and bodies no list holds are agencies there
because the field says so.  How the value is read:

* it is split at ``,`` and ``;``, and at "và" before a capital or a person marker, never
  inside a name the gazetteer or the name grammar found;
* a part that opens in lower case (and not with "các" or a person marker) describes the
  name before it ("Phó Chủ tịch Thường trực, phụ trách lĩnh vực Giám sát"): no name;
* a part mostly covered by found names keeps them; any other part is one name as
  written, person markers ("Đồng chí", "các đ/c") dropped, and it replaces the names
  found inside it ("cơ quan MTTQ xã" in "Chuyên viên cơ quan MTTQ xã").

The role comes from the label, read by the role grammar like any cue before a list.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator

from vbgraph.loaders.models import Agency, AgencyMention
from vbgraph.loaders.text.patterns import lines_with
from vbgraph.loaders.vocab.cues import (
    FIELD_LABELS_FOLDED,
    PERSON_MARKERS_FOLDED,
    ROLE_VERBS_FOLDED,
)

_LABELS = "|".join(FIELD_LABELS_FOLDED.values())
#: A field line on folded text: its label, then the value to the line's end.
_LABEL = rf"(?:{_LABELS})[ \t]*:"
#: A field on folded text: its label at a line's start or after ";" (two fields on one
#: line: "Đơn vị chủ trì: X; Đơn vị phối hợp: Y, Z."), then its value.
_FIELD = re.compile(
    rf"(?:^[ \t]*(?:[-–+•*][ \t]*)?|(?<=;)[ \t]*){_LABEL}[ \t]*"
    rf"(?P<value>(?:(?!;[ \t]*{_LABEL})[^\n])+)",
    re.M,
)
#: A value goes on in the next line after these, or when that line opens in lower case.
_GOES_ON = re.compile(r"(?:[,;]|\bvà)[ \t]*$")
_NEXT_LINE = re.compile(r"\n[ \t]*([^\n]+)")
#: An item held by a person, named by office before a colon: "1. Đồng chí Phó Trưởng phòng
#: Văn hóa - Xã hội - Phó Trưởng tiểu ban: Trực tiếp chỉ đạo ...".
_HOLDER = re.compile(
    r"^[ \t]*(?:(?:\d{1,2}(?:\.\d{1,2})*\.?|[a-z]\)|[-–+•*])[ \t]*)?"
    rf"(?P<value>(?:{PERSON_MARKERS_FOLDED})\s+[^:\n]{{3,120}}):",
    re.M,
)
_SPLIT = re.compile(r"\s*[,;]\s*|\s+và\s+(?=[A-ZĐÀ-Ỹ]|các\s|[Đđ]ồng\s+chí|[Đđ]/[Cc])")
_MARKER = re.compile(rf"(?:{PERSON_MARKERS_FOLDED})\s+")
#: The verbs of a role after a name in a field's value ("Sở Tư pháp chủ trì, phối hợp
#: với ..."), folded.
_ROLE_VERB = re.compile(rf"\s+(?:{ROLE_VERBS_FOLDED}|thuc\s+hien)\b")
_LETTERS = re.compile(r"[^\W\d_]")
_WORDS = re.compile(r"\w+")
#: A part with more words than this is a sentence, not a name.
_MAX_WORDS = 16
#: Share of a part's letters found names must cover for the part to keep them.
_COVERED = 0.7


def field_mentions(
    text: str, folded: str, province: str | None, mentions: list[AgencyMention]
) -> list[AgencyMention]:
    """``mentions`` with the names of every lead/coordinate field line merged in (text
    order); ``folded`` is ``text`` folded to the same length."""
    added: list[AgencyMention] = []
    dropped: set[int] = set()
    values: list[tuple[int, int]] = []
    for line in lines_with(folded, ":"):  # every field and holder has its colon
        stop = folded.find("\n", line)
        stop = len(folded) if stop < 0 else stop
        values += [(f.start("value"), _value_end(text, *f.span("value")))
                   for f in _FIELD.finditer(folded, line, stop)]  # fmt: skip
        values += [h.span("value") for h in _HOLDER.finditer(folded, line, stop)]
    starts = [m.start for m in mentions]  # in text order: a value's mentions by bisection
    for a, b in values:
        within = range(bisect_left(starts, a), bisect_left(starts, b))
        # a name begun in the value goes on past where its line ends ("Báo và Phát thanh\n
        # Truyền hình Lai Châu"): the value goes on with it
        b = max([b, *(mentions[k].end for k in within)])
        inside = [k for k in range(bisect_left(starts, a), bisect_left(starts, b))
                  if mentions[k].end <= b]
        for s, e in _parts(text, a, b, [mentions[k] for k in inside]):
            found = [k for k in inside if s <= mentions[k].start and mentions[k].end <= e]
            mention = _written(text, folded, s, e, province, [mentions[k] for k in found])
            if mention is not None:
                added.append(mention)
                dropped.update(found)
    if not added:
        return mentions
    kept = [m for k, m in enumerate(mentions) if k not in dropped]
    return sorted(kept + added, key=lambda m: (m.start, -m.end))


def _value_end(text: str, a: int, b: int) -> int:
    """Where a field's value that starts on ``text[a:b]`` ends: it goes on in the next
    lines after "," ";" "và" or when they open in lower case ("... các đoàn thể" / "tỉnh;")."""
    while (nxt := _NEXT_LINE.match(text, b)) and (
        _GOES_ON.search(text, a, b) or nxt.group(1)[0].islower()
    ):
        b = nxt.end()
    return b


def _parts(text: str, a: int, b: int, found: list[AgencyMention]) -> Iterator[tuple[int, int]]:
    """The spans of the value's parts (``text[a:b]``), trailing punctuation off."""
    while b > a and text[b - 1] in " .;,":
        b -= 1
    cuts = [
        m.span()
        for m in _SPLIT.finditer(text, a, b)
        if not any(f.start < m.start() < f.end for f in found)
    ]
    start = a
    for cut_start, cut_end in [*cuts, (b, b)]:
        if cut_start > start:
            yield start, cut_start
        start = cut_end


def _written(
    text: str, folded: str, s: int, e: int, province: str | None, found: list[AgencyMention]
) -> AgencyMention | None:
    """The part ``text[s:e]`` as one name, or None (found names cover it, or no name)."""
    marker = _MARKER.match(folded, s, e)
    name_from = marker.end() if marker else s
    verb = _ROLE_VERB.search(folded, name_from, e)
    if verb is not None:  # "Sở Tư pháp chủ trì": the name ends before its role's verb
        e = verb.start()
    name = " ".join(text[name_from:e].split())
    letters = len(_LETTERS.findall(name))
    if not letters or len(_WORDS.findall(name)) > _MAX_WORDS:
        return None
    if marker is None and name[0].islower() and not folded.startswith("cac ", name_from):
        return None  # "phụ trách lĩnh vực ...": describes the name before it
    covered = sum(len(_LETTERS.findall(m.text)) for m in found)
    if covered >= _COVERED * letters:
        return None
    name = name[0].upper() + name[1:]
    collective = folded.startswith("cac ", name_from)
    agency = Agency(name, province, collective, "local", "collective" if collective else "state")
    return AgencyMention(agency, s, e, text[s:e])
