"""Sections and items of a policy document's body.

A document's body is a tree of numbered items: ``Phần I``, ``I.``/``II.``,
``1.``/``2.``, ``1.1``/``3.2.1``, ``a)``/``b)`` and ``-`` bullets, plus
``Điều 1.`` articles of a decision.  :func:`parse_items` finds every marker at
the start of a line and nests items by marker kind (a ``1.`` inside a ``II.``,
a ``-`` inside a ``1.``), which is how Vietnamese administrative documents are
laid out whatever the line wrapping.  Item ids are the dotted path of their
markers (``III.2``, ``II.3.1``, ``III.2.a``); bullets add ``-n``
(``IV.II.3-2``).

:func:`excluded_spans` gives the parts of a document that name agencies
without giving them tasks: the ``Nơi nhận`` distribution list and the formulaic
execution clause (``... chịu trách nhiệm thi hành Quyết định này``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import pairwise

from vbgraph.loaders.models import Item
from vbgraph.loaders.text.fold import fold_name
from vbgraph.loaders.text.patterns import (
    LinePattern,
    Pattern,
    initial_alternation,
    lines_with,
    phrases,
)
from vbgraph.loaders.text.shared_scan import WHOLE_TEXT
from vbgraph.loaders.vocab.agency_names import STOP_PAIRS
from vbgraph.loaders.vocab.cues import (
    EXHORTATION_DOCUMENTS,
    EXHORTATION_OPENER_WORDS,
    EXHORTATION_ROLES,
    FIELD_LABELS,
    MEMBER_TITLES,
    MEMBERSHIP_OPENERS,
    METADATA_LABELS,
    RECIPIENT_LABELS,
    SIGNING_OFFICES_CAPS,
)

#: Rank of each marker kind: an item contains the items after it of a higher rank.
RANKS: dict[str, int] = {
    "part": 0,
    "article": 1,
    "roman": 1,
    "arabic": 2,
    "decimal": 3,
    "letter": 5,
    "dash": 6,
    "paren": 7,
}

#: A Roman numeral, never empty (the lookahead asks for its first letter).
_ROMAN = r"(?=[XIV])(?:X{0,3})(?:IX|IV|V?I{0,3})"
#: Item markers, tried in this order, each declaring the characters it starts with.
_MARKERS: tuple[tuple[str, Pattern], ...] = (
    ("part", Pattern("part marker", r"(?:Phần|PHẦN)\s+(" + _ROMAN + r"|thứ\s+\w+)\b\.?[ \t]*",
                     starts="P")),
    ("article", Pattern("article marker", r"Điều\s+([0-9]{1,3})\s*[\.:]\s*", starts="Đ")),
    ("roman", Pattern("roman marker", r"(" + _ROMAN + r")\s*[\.\)/]\s*(?=\S|$)", starts="XIV")),
    ("decimal", Pattern("decimal marker", r"([0-9]{1,2}(?:\.[0-9]{1,2}){1,3})\.?\)?\s+(?=\S)",
                        starts="0123456789")),
    # "2." "2)" and "2 - Sở X có trách nhiệm" (a dash between spaces, before a capital)
    ("arabic", Pattern("arabic marker", r"([0-9]{1,2})(?:\s*[\.\)]|[ \t]+-(?=[ \t]+[A-ZĐÀ-Ỹ]))"
                       r"\s*(?=\S|$)", starts="0123456789")),
    ("letter", Pattern("letter marker", r"([a-zđ])\s*\)\s*", starts="abcdefghijklmnopqrstuvwxyzđ")),
    # "(1) Phối hợp với ...", "(2) Về mẫu báo cáo:": a numbered point inside an item
    ("paren", Pattern("paren marker", r"\(([0-9]{1,2})\)[ \t]*(?=\S)", starts="(")),
    ("dash", Pattern("dash marker", r"[-–—+•*]\s*(?=\w)", starts="-–—+•*")),
)  # fmt: skip


#: The markers a line can hold, by the character it starts with, in :data:`_MARKERS` order:
#: a line that starts with none of these characters needs no regex at all.
_MARKERS_BY_FIRST: dict[str, tuple[tuple[str, Pattern], ...]] = {
    ch: tuple((kind, p) for kind, p in _MARKERS if ch in p.starts)
    for ch in {c for _, p in _MARKERS for c in p.starts}
}


#: A line start where some marker may be (a filter: :func:`_marker_at` decides).  The
#: markers sit in a lookahead so that one that runs on over a line break (``\s*``) does
#: not hide the next line's start from ``finditer``.
_MARKED_LINE = LinePattern(re.compile(
    r"^(?=[ \t]*(?:" + "|".join(pattern.pattern for _, pattern in _MARKERS) + "))", re.M | re.U
))


#: The label of a task's field line, after its marker.
_FIELD = re.compile(rf"(?i:{FIELD_LABELS})[ \t]*:")


def _line_starts(text: str, start: int, end: int) -> list[int]:
    """``start`` and the starts of the lines after it, before ``end``, that may hold a marker."""
    starts = [start]
    for m in _MARKED_LINE.finditer(text, start + 1):
        if m.start() >= end:
            break
        starts.append(m.start())
    return starts


def _marker_at(text: str, i: int) -> tuple[str, str, int] | None:
    # leading spaces/tabs or a table pipe left over from HTML extraction
    j = i
    while j < len(text) and text[j] in " \t":
        j += 1
    if j == len(text):
        return None
    first = text[j]
    markers = _MARKERS_BY_FIRST.get(first, ())
    for kind, pattern in markers:
        m = pattern.match(text, j)
        if not m:
            continue
        return kind, m.group(1) if m.groups() else "-", m.end()
    return None


def parse_items(text: str, start: int = 0, end: int | None = None) -> list[Item]:
    """Every item of ``text[start:end]`` in document order, nested by marker kind."""
    end = len(text) if end is None else end
    raw: list[tuple[str, str, int, int]] = []
    for ls in _line_starts(text, start, end):
        if ls >= end or (raw and ls < raw[-1][3]):
            continue  # inside the marker before ("Điều\n14. Trách nhiệm ...": one article)
        found = _marker_at(text, ls)
        if found is None:
            continue
        kind, label, body = found
        if body > end:
            continue
        if kind == "dash" and _FIELD.match(text, body, end):
            kind = "field"
        raw.append((kind, label, ls, body))
    raw = _without_fields(_with_unmarked_fields(text, start, end, raw))

    kinds: list[str] = []
    labels: list[str] = []
    starts: list[int] = []
    bodies: list[int] = []
    parents: list[int | None] = []
    depths: list[int] = []
    ids: list[str] = []
    ends: list[int] = []
    stack: list[int] = []
    dash_counts: dict[int | None, int] = {}
    for kind, label, s, body in raw:
        rank = RANKS[kind]
        while stack and RANKS[kinds[stack[-1]]] >= rank:
            ends[stack.pop()] = s  # an item ends where the next of its rank or above starts
        parent = stack[-1] if stack else None
        parent_id = ids[parent] if parent is not None else ""
        if kind == "dash":
            dash_counts[parent] = dash_counts.get(parent, 0) + 1
            item_id = f"{parent_id}-{dash_counts[parent]}"
        else:
            part = _id_part(kind, label)
            if kind == "decimal" and parent is not None and label.startswith(labels[parent] + "."):
                # "1.1" under "1." under "II." is II.1.1, not II.1.1.1
                parent_id = parent_id.rsplit(".", 1)[0] if "." in parent_id else ""
            item_id = f"{parent_id}.{part}" if parent_id else part
        kinds.append(kind)
        labels.append(label)
        starts.append(s)
        bodies.append(body)
        parents.append(parent)
        depths.append(len(stack))
        ids.append(item_id)
        ends.append(end)
        stack.append(len(ids) - 1)

    items: list[Item] = []
    n = len(ids)
    for i in range(n):
        item_end = ends[i]
        own_end = starts[i + 1] if i + 1 < n and starts[i + 1] < item_end else item_end
        items.append(
            Item(
                ids[i],
                kinds[i],
                labels[i],
                starts[i],
                bodies[i],
                item_end,
                own_end,
                parents[i],
                depths[i],
            )
        )
    return items


#: A field line without a marker ("Trách nhiệm chỉ đạo thực hiện: Đảng ủy ...").
_UNMARKED_FIELD = re.compile(rf"^[ \t]*(?=(?i:{FIELD_LABELS})[ \t]*:)", re.M)


def _with_unmarked_fields(
    text: str, start: int, end: int, raw: list[tuple[str, str, int, int]]
) -> list[tuple[str, str, int, int]]:
    """``raw`` with the field lines that have no marker, in text order."""
    fields = [
        ("field", "", m.start(), m.end())
        for line in lines_with(text, ":", start, end)  # a field has its colon
        if (m := _UNMARKED_FIELD.match(text, line, end))
    ]
    if not fields:
        return raw
    taken = {s for _, _, s, _ in raw}
    return sorted(raw + [f for f in fields if f[2] not in taken], key=lambda e: e[2])


def _without_fields(raw: list[tuple[str, str, int, int]]) -> list[tuple[str, str, int, int]]:
    """The items once field lines are read: a "- Đơn vị chủ trì: ..." line is a field of
    the task above it, not an item.  When an item's fields come after all its "-" lines,
    the fields are the item's and those lines describe it (no items of their own); when
    "-" lines and fields alternate, each "-" line is a task with its fields."""
    out: list[tuple[str, str, int, int]] = []
    group: list[tuple[str, str, int, int]] = []

    def flush() -> None:
        kinds = [entry[0] for entry in group]
        if "field" in kinds and "dash" not in kinds[kinds.index("field") :]:
            out.extend(e for e in group if e[0] not in ("dash", "field"))
        else:
            out.extend(e for e in group if e[0] != "field")
        group.clear()

    for entry in raw:
        if entry[0] not in ("dash", "field"):
            flush()
        group.append(entry)
    flush()
    return out


def _id_part(kind: str, label: str) -> str:
    if kind == "part":
        return f"P{label}"
    if kind == "article":
        return f"Đ{label}"
    if kind == "paren":
        return f"({label})"
    return label


#: An appendix's heading on a line of its own: "PHỤ LỤC I", "**PHỤ LỤC 02**", "Phụ lục số 01:"
#: (a mixed-case "Phụ lục" only with its number and nothing after it on the line).
_APPENDIX_HEADING = LinePattern(re.compile(
    r"^[ \t*|#]*(?:PHỤ[ \t]+LỤC\b(?:[ \t]+(?:SỐ[ \t]+)?(?P<caps>[IVXLC]+|\d+)\b)?"
    r"|Phụ[ \t]+lục[ \t]+(?:số[ \t]+)?(?P<mixed>[IVXLC]+|\d+)[ \t*.:]*$)",
    re.M,
))


def appendix_headings(text: str, start: int = 0) -> list[tuple[int, str]]:
    """Where each appendix after ``start`` begins, and its number ("I", "02"; "" when the
    heading gives none): the body's items end there."""
    return [
        (m.start(), m.group("caps") or m.group("mixed") or "")
        for m in _APPENDIX_HEADING.finditer(text, start)
    ]


#: A legal portal's summary of the document above its text: after the last cell ("|") of
#: the portal's table, a headline and the editor's paraphrase, closed by "Xem chi tiết tại
#: Công điện 226/CĐ-TTg ngày ..." -- not the document's own words.
_PORTAL_SUMMARY = LinePattern(re.compile(
    r"^\|[ \t]*\n(?:(?!\|)[^\n]*\n){1,60}?Xem chi tiết tại [^\n]*", re.M
))
#: A Công điện's addressee label: "THỦ TƯỚNG CHÍNH PHỦ điện:", "BỘ XÂY DỰNG điện:" (the
#: issuer in capitals before "điện"), then the list of those it is sent to.
_TELEGRAM_TO = re.compile(r"điện[ \t]*:")
#: The word before it, past spaces and bold marks: the issuer's last, in capitals.
_WORD_BEFORE = re.compile(r"(\w+)[ \t*]+\Z")
#: The distribution list that closes a document's body ("Nơi nhận:" opening its line).
_DISTRIBUTION = LinePattern(re.compile(r"^[ \t*|]*(?:Nơi nhận|NƠI NHẬN)[ \t*]*:", re.M))


def distribution_lists(text: str) -> list[int]:
    """Where each "Nơi nhận:" list starts: what follows it (the signature, a portal page's
    trailer, an attached plan) is not part of the items before it."""
    return [m.start() for m in _DISTRIBUTION.finditer(text)]


#: An addressee list's label ("Nơi nhận:", "Kính gửi:", "Thành phần:") opening a line or,
#: for "Kính gửi", anywhere on the header's last line.
_RECIPIENTS = Pattern(
    "recipients",
    # bold or underlined on a portal's page: "**Kính gửi:**", "__Nơi nhận__:"
    rf"(?<![^\s*_])(?:{phrases(RECIPIENT_LABELS)})[*_]{{0,2}}\s*:",
    starts=tuple({label.split()[0] for label in RECIPIENT_LABELS}),
    shared=WHOLE_TEXT,
)
#: A line of signature metadata: "Ký bởi: ...", "Cơ quan: ...".
_METADATA = LinePattern(re.compile(rf"^[ \t]*(?:{METADATA_LABELS})[ \t]*:[^\n]*", re.M))
#: A signature block's lines: "TM. CHÍNH PHỦ", "KT. CHỦ TỊCH", "THỦ TƯỚNG", "PHÓ GIÁM
#: ĐỐC" in capitals on lines of their own (who signs, not who is given a task).
_SIGNATURE = LinePattern(re.compile(
    r"^[ \t|]*(?:(?:KT|TM|Q|TL|TUQ|T/M)[ \t]*[./][ \t]*[A-ZĐÀ-Ỹ][A-ZĐÀ-Ỹ ]*"
    rf"|(?:PHÓ\s+)?(?:{SIGNING_OFFICES_CAPS}))[ \t]*$",
    re.M,
))
#: A line of a membership list: one office and its body, nothing else.
_MEMBER = LinePattern(re.compile(
    rf"^[ \t]*[-+•][ \t]*(?:\d{{1,2}}[ \t]+)?(?:{MEMBER_TITLES})[ \t]+[^\n;:.]{{2,110}}"
    # a long office wrapped onto the next line ("... Chủ tịch \nTổng Liên đoàn lao động
    # Việt Nam;"): the line after that does not open a new item
    r"(?:\n(?![ \t]*(?:[-+•]|\d|[a-zđ]\)|Điều\b))[^\n;:.]{2,110})?"
    r"[;.]?[ \t]*$",
    re.M,
))
#: A line listing members: "Thành viên của Tiểu ban gồm đại diện ... : Vụ X, Vụ Y".
_MEMBERSHIP = re.compile(
    rf"^[ \t]*(?:[-+•][ \t]*)?(?:{MEMBERSHIP_OPENERS})\b[^\n.;:]{{0,120}}?\bgồm\b[^\n]*", re.M
)
#: Where a list given inline after its label ends: a defined short name's ")", a sentence.
_INLINE_END = re.compile(r"\)[ \t]*(?=[A-ZĐÀ-Ỹ])|\.[ \t]+(?=[A-ZĐÀ-Ỹ])")
#: The closing exhortation: "(Ủy ban nhân dân tỉnh) yêu cầu / đề nghị <who> (khẩn trương,
#: nghiêm túc) (tổ chức) (triển khai) (và) thực hiện (nghiêm túc | có hiệu quả) (các nội
#: dung nêu trên | Chỉ thị này) (theo thẩm quyền ...)." -- bodies named, no task given.  It
#: opens a line or a sentence (not an item: "1. Yêu cầu ..."), its subject (the issuer, or
#: "Văn phòng ... thông báo và") a few words before the opener; ``rest`` is what the
#: sentence says after "thực hiện".
#: Where each exhortation is looked for: its opener ("yêu cầu", "đề nghị").
_EXHORTATION_OPENER = re.compile(
    initial_alternation(EXHORTATION_OPENER_WORDS, guard=r"(?<![^\W\d_].)") + r"\s+"
)
#: What follows the opener, to the sentence's end.
_EXHORTATION = re.compile(
    r"(?P<who>[^.:]{3,400}?)\s+"
    r"(?:(?:nghiêm\s+túc|khẩn\s+trương|kịp\s+thời|biết)\s*,?\s+)*"
    r"(?:tổ\s+chức\s+)?(?:triển\s+khai\s+)?(?:và\s+)?thực\s+hiện"
    r"(?P<rest>(?:\s+(?:nghiêm\s+túc|có\s+hiệu\s+quả|đầy\s+đủ))?"
    r"(?:\s+(?:các\s+)?nội\s+dung(?:\s+chỉ\s+đạo)?(?:\s+nêu)?(?:\s+trên)?"
    rf"|\s+(?:{EXHORTATION_DOCUMENTS})\s+này)?(?P<tail>[^.;:]{{0,80}}?))"
    r"[ \t]*(?:\./\.|\.)(?=\s|$)"
)
#: The last mark before an opener that could end what comes before the sentence.
_CLAUSE_MARK = re.compile(r"[.;:\n][^.;:\n]*\Z")


def _exhortations(text: str) -> Iterator[tuple[int, int, re.Match[str]]]:
    """Each closing exhortation: where its sentence (its subject's words) starts, where
    its opener starts, and the match of what follows the opener."""
    free = 0
    for op in _EXHORTATION_OPENER.finditer(text):
        if op.start() < free:
            continue
        a = max(0, op.start() - 81)
        mark = _CLAUSE_MARK.search(text, a, op.start())
        if mark is None:
            if a > 0:
                continue  # more than a few words since the sentence began
            start = 0
        elif text[mark.start()] == "\n" or (
            text[mark.start()] == "." and mark.start() > 0
            and not text[mark.start() - 1].isdigit() and not text[mark.start() - 1].isspace()
        ):  # fmt: skip
            start = mark.start() + 1
        else:
            continue  # after ";" ":" or an item's number: no sentence starts here
        while start < op.start() and text[start] in " \t":
            start += 1
        rest = _EXHORTATION.match(text, op.end())
        if rest is not None:
            free = rest.end()
            yield start, op.start(), rest


_EXHORTATION_ROLE = re.compile(rf"\b(?:{EXHORTATION_ROLES})\b", re.IGNORECASE)
_ARTICLE_LINE = re.compile(r"^[ \t]*Điều\s+\d+\s*[.:]", re.M)
_EXECUTION = Pattern(
    "execution clause", r"chịu\s+trách\s+nhiệm\s+thi\s+hành", re.I, starts=("chịu",),
    shared=WHOLE_TEXT,
)


def _list_end(text: str, pos: int) -> int:
    """The end of an addressee list whose label ends at ``pos``: the rest of its line (to a
    short name's ")" or a sentence when the line goes on) and the "-" lines after it."""
    nl = text.find("\n", pos)
    line_end = len(text) if nl < 0 else nl
    inline = _INLINE_END.search(text, pos, line_end)
    if inline and not _SIGNER_COLUMN.match(text, pos, line_end):  # "Nơi nhận:   KT. GIÁM ĐỐC"
        return inline.start() + 1
    stop = line_end + 1
    wrapped = False  # the last entry goes on at the next line ("- Bộ X (để\nb/c);")
    while stop < len(text):
        nl = text.find("\n", stop)
        line = text[stop : len(text) if nl < 0 else nl]
        # a blank line, a table's bar ("|" of a portal page's cells), a "-" line, or the
        # rest of an entry cut by the line's end
        entry = line.lstrip(" \t|*").startswith(("-", "+", "•"))
        # the signer's office in a column beside the list ("Nơi nhận:   KT. GIÁM ĐỐC", then
        # "PHÓ GIÁM ĐỐC" between two entries) does not end it
        signer = _SIGNATURE.regex.match(text, stop, stop + len(line)) is not None
        if not line.strip(" \t|*") or entry or signer or (wrapped and _ENTRY_TAIL.match(line)):
            wrapped = (entry or wrapped) and not line.rstrip(" \t|*").endswith((";", ".", ":"))
            stop = len(text) if nl < 0 else nl + 1
            continue
        break
    return min(stop, len(text))


#: The rest of a wrapped entry of an addressee list: a line, no item marker.
_ENTRY_TAIL = re.compile(r"[ \t]*(?![IVX]+\.|[\d(])\S[^\n]{0,100}[;.,)]?[ \t]*$")


#: Verb pairs that are also nouns of bodies ("các tổ chức đảng").
_NOUNS = frozenset({"to chuc"})


def _has_task(line: str, besides: frozenset[str] = frozenset()) -> bool:
    """Whether a line names a task besides an office: one of the verbs that end a name
    (the pairs ``besides`` aside)."""
    words = fold_name(line).split()
    return any(f"{a} {b}" in STOP_PAIRS - besides for a, b in pairwise(words))


#: The signer's office standing in a column after a label: no inline list.
_SIGNER_COLUMN = re.compile(_SIGNATURE.regex.pattern[1:], re.M)


def excluded_spans(text: str) -> list[tuple[int, int]]:
    """Spans that name agencies without assigning them: addressee and membership lists,
    signature metadata, execution clauses, a portal's summary."""
    spans: list[tuple[int, int]] = []
    for m in _RECIPIENTS.finditer(text):
        spans.append((m.start(), _list_end(text, m.end())))
    for m in _TELEGRAM_TO.finditer(text):
        word = _WORD_BEFORE.search(text, max(0, m.start() - 40), m.start())
        if word is not None and word.group(1).isupper():
            spans.append((word.start(), _list_end(text, m.end())))
    spans += [m.span() for m in _METADATA.finditer(text)]
    spans += [m.span() for m in _PORTAL_SUMMARY.finditer(text)]
    spans += [m.span() for m in _SIGNATURE.finditer(text)]
    spans += [m.span() for m in _MEMBER.finditer(text) if not _has_task(m.group())]
    spans += [
        member.span()
        for line in lines_with(text, "gồm")
        if (member := _MEMBERSHIP.match(text, line))
    ]
    for start, opener, m in _exhortations(text):
        said = m.group("who") + m.group("rest")
        # a task after all: "đề nghị Sở X ... chủ động nghiên cứu ... để thực hiện" ("tổ
        # chức" is also the noun of "các tổ chức đảng")
        if _EXHORTATION_ROLE.search(said) or _has_task(m.group("who") + m.group("tail"), _NOUNS):
            continue
        # the subject before the opener is the issuer's, unless it gives a task itself
        pre = text[start:opener]
        spans.append((start if pre and not _has_task(pre) else opener, m.end()))
    for m in _EXECUTION.finditer(text):
        # the clause opens its article ("Điều 7. Các Bộ trưởng ... chịu trách nhiệm thi
        # hành"), whatever article it names on the way ("quy định tại Điều 1")
        articles = [h.start() for h in _ARTICLE_LINE.finditer(text, 0, m.start())]
        a = max(text.rfind(".\n", 0, m.start()), articles[-1] if articles else -1, 0)
        b = text.find(".", m.end())
        spans.append((a, len(text) if b < 0 else b + 1))
    return spans
