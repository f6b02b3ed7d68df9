"""References to other documents: the relations a text states, second-order ones too.

Mentions and the documents they name come from :mod:`.mentions`; name-only references
from :mod:`..find.unnumbered`.  Then the *relations*: the text is cut into statements
(sentences and ``;`` items); the cue that opens a statement (``Căn cứ``, ``Theo đề
nghị``, ``Thực hiện``...) types the first mention and the ones coordinated with it; a
mention described as carrying out another (``X ... về thực hiện Y``, ``X ... ban hành
Kế hoạch thực hiện Y``, ``Chương trình ... thực hiện Y được phê duyệt tại X``) gives the
second-order edge X implements Y; one described as changing another (``X sửa đổi, bổ
sung ... Y``) gives X amends Y.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field

from vbgraph.loaders.find.dates import date_at
from vbgraph.loaders.find.portal_notices import portal_notices
from vbgraph.loaders.find.symbols import SYMBOL_RE
from vbgraph.loaders.find.unnumbered import find_unnumbered
from vbgraph.loaders.models import DocMention, References
from vbgraph.loaders.relate.detailed_laws import amended_laws, detailed_law, law_titles
from vbgraph.loaders.relate.mentions import TYPE_WORD, document_mentions, documents
from vbgraph.loaders.text.patterns import Pattern
from vbgraph.loaders.vocab.cues import (
    AMENDS,
    ATTACHED,
    BASED_ON_OPENERS,
    CARRY_OUT,
    IMPLEMENT_LEAD_INS,
    IMPLEMENT_VERBS,
    ISSUING_TYPES,
    PROPOSAL_OPENERS,
    PROPOSAL_WORDS,
    REPLACES,
    REPLACES_STARTS,
    STATEMENT_OPENERS,
)
from vbgraph.models import DocEdge, DocInfo, NormalizedText, relation_rank


def extract_references(norm: NormalizedText, subject: DocInfo) -> References:
    """Numbered references, unnumbered ones and document edges of ``norm``."""
    text = norm.text
    notices = portal_notices(text)
    symbols = [
        m for m in SYMBOL_RE.finditer(text) if not any(a <= m.start() < b for a, b in notices)
    ]
    mentions = document_mentions(text, subject, symbols)
    docs = documents(mentions, subject)
    by_symbol = {d.symbol: d for d in docs}
    edges = _Edges(norm, mentions, subject, by_symbol).find() if mentions else ()
    unnumbered = tuple(find_unnumbered(norm, [m.end() for m in symbols]))
    return References(subject=subject, documents=tuple(docs), edges=edges, unnumbered=unnumbered)


# --------------------------------------------------------------------------- relations

#: End of the opening (title, preamble, first paragraph, Điều 1): the first
#: section heading or the second article of a decision.
_HEADING = re.compile(
    r"^\s*(?:Phần\s+(?:I|thứ\s+nhất)\b|I\.\s|Điều\s+(?:[2-9]|\d\d+)\.|1\.\s)", re.MULTILINE
)
#: Every alternative opens with a literal character, so the scan skips straight to
#: the next ";", ".", ":" or line break (the full stop's left context is a lookbehind).
_BOUNDARY = re.compile(
    r";|\.(?=\s*\n)|\.(?:(?<=[^\W\d]\.)|(?<=\d{4}\.)|(?<=[)”\"]\.))\s+(?=[A-ZĐ])|\n\s*\n|:\s*\n"
    rf"|\n(?=\s*(?:{STATEMENT_OPENERS}|Điều\s+\d|[-+•]\s"
    r"|\d+(?:\.\d+)*\.\s|[a-zđ]\)\s|[IVX]+\.\s))"
    # a line flattened from a page: "(Sau đây gọi chung là các đơn vị) Thực hiện ..."
    rf"|\)[ \t]+(?=(?:{STATEMENT_OPENERS})\s)",
)
#: A cue alone, heading the list of items it governs: "Căn cứ:", "Thực hiện:".
_CUE_HEADING = re.compile(rf"(?:^|\n)[ \t\-+•]*(?P<cue>{STATEMENT_OPENERS})\s*:\s*$")
#: A sentence announcing the documents it repeals, listed after it: "2. Các quyết định sau
#: hết hiệu lực thi hành kể từ ngày 01 tháng 12 năm 2025:", "Bãi bỏ các văn bản sau:".
_REPEAL_HEADING = Pattern("repeal heading", rf"(?:{REPLACES})[^.;:\n]{{0,80}}:[ \t]*\n",
                          re.IGNORECASE, starts=REPLACES_STARTS)  # fmt: skip
_IMPLEMENT_CUE = re.compile(rf"\b(?:{CARRY_OUT})\b", re.IGNORECASE)
#: An implementing cue in the opening: the statement starts with it ("Thực hiện
#: ...", "Để triển khai ..."), or it follows the type word or subject line of the
#: document ("Kế hoạch thực hiện ...", "V/v triển khai ...", "ban hành Kế hoạch
#: hành động triển khai ...").  "báo cáo kết quả thực hiện X", "thực hiện theo X"
#: are not cues.
_OPEN_CUE = re.compile(
    r"(?:^[\s(\-]*(?:(?:Để|Nhằm)\s+)?|(?:Kế hoạch|Chương trình|hành động|V/v|về việc|Đề án)"
    r"(?:\s+\d+\s+năm|\s+tổng thể)?(?:\s+của\s+(?:\S+\s+){0,5}?\S+)?\s+)"
    rf"(?:tiếp\s+tục\s+)?(?:(?:{IMPLEMENT_LEAD_INS})\s*,?\s+)?(?:{IMPLEMENT_VERBS})\b(?!\s+theo\b)",
    re.IGNORECASE,
)
_HEAD_CUES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(rf"^(?:{BASED_ON_OPENERS})\b", re.IGNORECASE), "based_on"),
    # an article or title that changes a document: "Điều 1. Sửa đổi, bổ sung ... Quyết định"
    (re.compile(rf"^(?:{AMENDS})\b", re.IGNORECASE), "amends"),
    (re.compile(rf"^(?:{REPLACES})\b", re.IGNORECASE), "replaces"),
    (
        re.compile(rf"^(?:{PROPOSAL_OPENERS})\s+(?:{PROPOSAL_WORDS})\b", re.IGNORECASE),
        "proposal",
    ),
)
#: "(Ban hành kèm theo Quyết định số ...)": the statement *opens* with the cue, so
#: what is attached is this document; "Quy chế ... ban hành kèm theo Nghị định
#: số ..." attaches some other text to the mention and is a plain citation.
_ISSUED_WITH = re.compile(
    rf"^[\s(\[\-]*(?:được\s+)?(?:ban\s+hành\s+)?{ATTACHED}\s*$", re.IGNORECASE
)
#: "... và Đề án số 08 ban hành kèm theo;": the mention is issued with the one before.
_ATTACHED_AFTER = re.compile(rf"\s*(?:được\s+)?ban\s+hành\s+{ATTACHED}\s*[;.]?\s*$", re.IGNORECASE)
_AMENDS = re.compile(rf"(?:{AMENDS})[^;]{{0,40}}$", re.IGNORECASE)
_REPLACES = re.compile(rf"(?:{REPLACES})[^;]{{0,20}}$", re.IGNORECASE)
_COORDINATION = re.compile(r"^[\s,;]*(?:và|cùng|,|;)?\s*(?:các\s+)?(?:số\s*:?\s*)?$", re.IGNORECASE)
_SECOND_ORDER = re.compile(
    r"^[\s,]*(?:(?:về việc|về|nhằm|để)\s+)?"
    # "về chương trình hành động thực hiện X": the mention is a plan carrying X out
    r"(?:(?:chương\s+trình\s+hành\s+động|chương\s+trình|kế\s+hoạch)\s+)?"
    r"(?:(?:tiếp\s+\S+|tiếp|đẩy mạnh|tăng cường|nâng cao hiệu quả|lãnh đạo|chỉ đạo)\s+){0,3}"
    r"(?:(?:ban\s+hành|phê\s+duyệt)\s+[^;]{0,90}?\s+)?"
    rf"(?:(?:{IMPLEMENT_LEAD_INS})\s+)?(?:{CARRY_OUT})"
    # "... thi hành Luật Đất đai số", "về việc thực hiện “Đề án 08-ĐA/TU ...”"
    r"(?:\s+(?:Bộ\s+)?[Ll]uật\s+[^;,()]{1,60}?\s+số)?[\s“\"]*$",
    re.IGNORECASE,
)
#: A mention described as amending or replacing the next one: "Nghị định số
#: 38/2023/NĐ-CP ... sửa đổi, bổ sung một số điều của Nghị định số 27/2022/NĐ-CP",
#: "Nghị quyết 98 thay thế Nghị quyết số 54/2017/QH14".
_SECOND_ORDER_CHANGE = re.compile(
    r"^[\s,]*(?:(?:về việc|về|quy\s+định)\s+)?(?:(?P<amends>sửa\s+đổi(?:\s*,\s*|\s+và\s+)bổ\s+sung"
    r"(?:\s*,?\s*cập\s+nhật)?"
    rf"|{AMENDS})|(?P<replaces>{REPLACES}))"
    r"(?:\s+(?:một\s+số|các|toàn\s+bộ)?\s*(?:điều|khoản|điểm|nội\s+dung)[^;()]{0,40}?)?"
    r"\s*(?:của|tại)?[\s“\"]*$",
    re.IGNORECASE,
)
#: "X được sửa đổi, bổ sung bởi Y": Y changed X (the passive of the above); the
#: document rests on both as it rests on X.
_CHANGED_BY = re.compile(
    rf"[\s(]được\s+(?:(?P<amends>sửa\s+đổi(?:\s*,\s*|\s+và\s+)bổ\s+sung|{AMENDS})"
    rf"|(?P<replaces>{REPLACES}))"
    r"(?:\s+(?:một\s+số|các)\s+(?:điều|khoản|điểm|nội\s+dung))?\s*,?\s+(?:bởi|tại|theo)"
    r"(?:\s+các)?\s*$",
    re.IGNORECASE,
)
#: A part of a document ("Bãi bỏ khoản 2 Điều 18 ..."): repealing it amends the document.
_PART = re.compile(r"\b(?:khoản|điểm|điều|mục|chương|phụ\s+lục|một\s+số)\b", re.IGNORECASE)
#: "X ... và Y" in a "Căn cứ" or "Thực hiện" statement: Y is a second object.
#: "các" before a type word: "Căn cứ Quyết định số 991/QĐ-TTg ...; các Quyết định của Bộ
#: trưởng ... (Số 1226/QĐ-BVHTTDL ...)" goes on with the list.
_PLURAL = re.compile(r"^các\s+", re.IGNORECASE)
#: "và Kế hoạch hành động số": the next document of the same list, named by its type.
_AND_TYPED = re.compile(
    rf"^[\s,]*(?:và|cùng)\s+(?:các\s+)?(?:{TYPE_WORD.pattern})(?:\s+hành\s+động)?(?:\s+số)?"
    r"\s*:?\s*$",
    re.IGNORECASE,
)
_AND_BEFORE = re.compile(r"\s(?:và|cùng)\s+(?:các\s+)?$", re.IGNORECASE)
_REVERSE_ANCHOR = re.compile(
    rf"(?:được\s+)?(?:phê\s+duyệt|ban\s+hành)(?:\s+{ATTACHED})?\s+(?:tại|theo)\s*$", re.IGNORECASE
)
_IMPLEMENTING_PHRASE = re.compile(
    r"(?:Chương trình hành động|Kế hoạch|Chương trình)\s+(?:của\s+[^;]{0,40}?\s+)?"
    rf"(?:triển\s+khai\s+)?(?:{IMPLEMENT_VERBS})\s*$",
    re.IGNORECASE,
)


#: What opens a statement before its cue: bullets, "Điều 2.", "1.2.", "a)".
_ITEM_LEAD = re.compile(r"[\s\-+•]*(?:Điều\s+\d+\s*\.\s*|\d+(?:\.\d+)*\s*\.\s*|[a-zđ]\s*\)\s*)?")


@dataclass(slots=True)
class _Statement:
    start: int
    end: int
    mentions: list[DocMention] = field(default_factory=list)


def _statements(text: str, mentions: list[DocMention]) -> list[_Statement]:
    """The statements that hold a mention, in order, each with its mentions.

    Statements run from one ``_BOUNDARY`` match's end to the next; a mention
    belongs to the statement its start is in.
    """
    ends = [m.end() for m in _BOUNDARY.finditer(text)]
    ends.append(len(text))
    out: list[_Statement] = []
    for m in mentions:
        k = bisect_right(ends, m.start)
        if not out or out[-1].end != ends[k]:
            out.append(_Statement(ends[k - 1] if k else 0, ends[k]))
        out[-1].mentions.append(m)
    return out


_NON_SPACE = re.compile(r"\S")
#: A document's own title after its mention: "về ...", "quy định ...", "hướng dẫn ...".
_OWN_TITLE = re.compile(r"\b(?:về|quy\s+định|hướng\s+dẫn|ban\s+hành|phê\s+duyệt)\b", re.IGNORECASE)


@dataclass(slots=True)
class _Links:
    """How one statement's mentions are tied: to its cue, to each other."""

    lead: int  # where the statement's words begin, after an item marker
    head: str | None  # the relation its cue gives
    open_cue: re.Match[str] | None  # an implementing cue in an opening
    direct: list[DocMention] = field(default_factory=list)  # objects of the cue
    governed: dict[int, DocMention] = field(default_factory=dict)  # k implemented by it
    changed: dict[int, tuple[DocMention, str]] = field(default_factory=dict)  # k changed by
    changers: dict[int, tuple[DocMention, str]] = field(default_factory=dict)  # k changes


class _Edges:
    """The document edges one text states, statement by statement (strongest kept)."""

    def __init__(
        self, norm: NormalizedText, mentions: list[DocMention], subject: DocInfo,
        docs: dict[str, DocInfo],
    ) -> None:  # fmt: skip
        self.norm, self.text, self.subject, self.docs = norm, norm.text, subject, docs
        self.opening_end = _opening_end(self.text)
        self.openings = _openings(self.text)
        self.statements = _statements(self.text, mentions)
        self.best: dict[tuple[str, str], DocEdge] = {}
        #: The relation a list opened by the statements before carries on with.
        self.prev_head: str | None = None

    def find(self) -> tuple[DocEdge, ...]:
        titles = law_titles(self.text, [m for st in self.statements for m in st.mentions])
        prev_end = 0
        for st in self.statements:
            if _NON_SPACE.search(self.text, prev_end, st.start):
                # a statement citing nothing ends a list ("Thực hiện X; Y"), unless it is
                # the cue heading the list ("Căn cứ:" then "- Luật ...;" "- Nghị định ...")
                heading = _CUE_HEADING.search(self.text, prev_end, st.start)
                self.prev_head = _cue_relation(heading.group("cue")) if heading else None
                if heading is None and _REPEAL_HEADING.search(self.text, prev_end, st.start):
                    self.prev_head = "replaces"  # "Các quyết định sau hết hiệu lực ...:" a) b)
            prev_end = st.end
            self._statement(st)
            for k, m in enumerate(st.mentions):  # "Nghị định X quy định chi tiết ... Luật Y"
                stop = st.mentions[k + 1].start if k + 1 < len(st.mentions) else st.end
                law = detailed_law(self.text, m, stop, titles)
                if law is not None:
                    self.add(self.key(m), self.key(law), "implements", st)
                for amended in amended_laws(self.text, m, stop, titles):
                    # "Luật số 97/2025/QH15 về sửa đổi, bổ sung một số điều của Luật X"
                    self.add(self.key(m), self.key(amended), "amends", st)
        return tuple(self.best.values())

    def add(self, source: str, target: str, relation: str, st: _Statement) -> None:
        if source == target:
            return
        key = (source, target)
        old = self.best.get(key)
        if old is not None and relation_rank(relation) >= relation_rank(old.relation):
            return  # the edge already found is as strong
        a, b = self.norm.to_original(st.start, st.end)
        raw = self.norm.original[a:b]
        lead = len(raw) - len(raw.lstrip())
        raw_s = raw.strip()
        self.best[key] = DocEdge(source, target, relation, raw_s, a + lead,
                                 a + lead + len(raw_s), asserted_by=self.subject.key)  # fmt: skip

    def key(self, m: DocMention) -> str:
        return self.docs[m.text].key

    def _statement(self, st: _Statement) -> None:
        links = self._cue(st)
        anchor = links.lead
        for k, m in enumerate(st.mentions):
            gap = self.text[anchor : m.start]
            self._link(st, links, k, m, gap)
            anchor = max(m.tail, m.end)
            nxt = st.mentions[k + 1].start if k + 1 < len(st.mentions) else st.end
            if k and _AND_BEFORE.search(gap) and _ATTACHED_AFTER.match(self.text, anchor, nxt):
                # "Nghị quyết số 35-NQ/TU ... và Đề án số 08 ban hành kèm theo"
                self.add(self.key(m), self.key(st.mentions[k - 1]), "issued_with", st)
        for k, gov in links.governed.items():
            self.add(self.key(gov), self.key(st.mentions[k]), "implements", st)
        for k, (src, rel) in links.changed.items():
            self.add(self.key(src), self.key(st.mentions[k]), rel, st)
        changed = {id(st.mentions[k]) for k in links.changed}
        for m in st.mentions:
            self.add(self.subject.key, self.key(m), self._relation(st, links, m, changed), st)
        if links.head in ("implements", "proposal", "based_on", "replaces") and links.direct:
            self.prev_head = links.head
        elif self.text[st.start : st.end].strip():
            self.prev_head = None

    def _cue(self, st: _Statement) -> _Links:
        """The cue that opens the statement (after an item marker) and the relation it gives."""
        body = self.text[st.start : st.end]
        item = _ITEM_LEAD.match(body)
        stripped = body[item.end() :] if item else body
        head = None
        for rx, relation in _HEAD_CUES:
            if rx.match(stripped):
                head = relation
        in_opening = any(a <= st.start < b for a, b in self.openings)
        if head in ("based_on", "proposal") and not in_opening:
            head = None  # "Căn cứ" in a table cell or a task: the task's ground, cited
        open_cue = _OPEN_CUE.search(stripped) if in_opening else None
        if head is None and open_cue:
            head = "implements"
        return _Links(st.start + (len(body) - len(stripped)), head, open_cue)

    def _link(self, st: _Statement, links: _Links, k: int, m: DocMention, gap: str) -> None:
        """Tie mention ``k`` to the one before it or to the statement's cue."""
        prev = st.mentions[k - 1] if k else None
        if prev is None:
            self._first(links, m)
            return
        change = _SECOND_ORDER_CHANGE.match(gap)
        changed_by = _CHANGED_BY.search(gap)
        if _SECOND_ORDER.match(gap) and _IMPLEMENT_CUE.search(gap):
            links.governed[k] = prev
        elif changed_by:
            relation = "amends" if changed_by.group("amends") else "replaces"
            self.add(self.key(m), self.key(prev), relation, st)
            links.changers[k] = (prev, relation)
            if prev in links.direct:
                links.direct.append(m)  # "Căn cứ Luật X được sửa đổi, bổ sung bởi Luật Y"
        elif k - 1 in links.changers and _COORDINATION.match(gap) and not self._titled(st, k):
            # "... được sửa đổi, bổ sung bởi Nghị định số A, Nghị định số B, ...": each (one
            # with a title of its own, "và Nghị định số C ... về kiểm tra ...", is cited apart)
            changed_doc, relation = links.changers[k - 1]
            self.add(self.key(m), self.key(changed_doc), relation, st)
            links.changers[k] = links.changers[k - 1]
            if changed_doc in links.direct:
                links.direct.append(m)
        elif change:
            links.changed[k] = (prev, "amends" if change.group("amends") else "replaces")
        elif k - 1 in links.governed and _joined(gap):
            links.governed[k] = links.governed[k - 1]  # "thực hiện X và Y": both carried out
        elif k - 1 in links.changed and _joined(gap) and self._changes_next(st, k, m):
            # "Số 37/2019, số 58/2023 sửa đổi ... Nghị định số 37/2019 và số 22/2025 ngày ...
            # sửa đổi ...": Y changes a document itself, as the one before did
            changer = links.changed[k - 1][0]
            if changer in links.direct:
                links.direct.append(m)
        elif k - 1 in links.changed and _joined(gap):
            links.changed[k] = links.changed[k - 1]  # "sửa đổi ... của X về ... và Y": both
        elif _REVERSE_ANCHOR.search(gap) and _implementing_before(self.text, st, prev):
            self.add(self.key(m), self.key(prev), "implements", st)
            if prev in links.direct:
                links.direct.remove(prev)
        elif prev in links.direct and (
            _COORDINATION.match(gap)
            or (
                links.head in ("based_on", "implements", "proposal")
                and not m.short
                and m.type_word
                and _AND_BEFORE.search(gap)  # "Căn cứ X ... về ... và Quyết định số Y ..."
            )
        ):
            links.direct.append(m)

    def _titled(self, st: _Statement, k: int) -> bool:
        """Whether mention ``k`` is followed by a title of its own ("... về kiểm tra, rà
        soát ...", "... quy định ...") before the next mention or the statement's end."""
        m = st.mentions[k]
        stop = st.mentions[k + 1].start if k + 1 < len(st.mentions) else st.end
        return _OWN_TITLE.search(self.text, max(m.tail, m.end), stop) is not None

    def _changes_next(self, st: _Statement, k: int, m: DocMention) -> bool:
        """Whether mention ``k`` is followed (its date aside) by a verb of changing whose
        object is the next mention: it is a changing document, not a changed one."""
        if k + 1 >= len(st.mentions):
            return False
        a, b = max(m.tail, m.end), st.mentions[k + 1].start
        date = date_at(self.text, a)
        if date is not None and date.end <= b:
            a = date.end
        return _SECOND_ORDER_CHANGE.match(self.text[a:b]) is not None

    def _first(self, links: _Links, m: DocMention) -> None:
        """The statement's first mention: the cue's object, or the next of a list."""
        before = self.text[links.lead : m.start].strip()
        cue_after = links.open_cue is not None and links.lead + links.open_cue.start() > m.start
        if self.prev_head is not None and (links.head is None or cue_after) and (
            not before or TYPE_WORD.match(_PLURAL.sub("", before, count=1))
        ):
            # "Thực hiện X ...; Y ...", "Căn cứ Luật A; Luật B số ...": Y continues the list
            links.direct.append(m)
            links.head = self.prev_head
        elif links.head == "implements":
            cue_end = links.lead + links.open_cue.end() if links.open_cue else -1
            if 0 <= cue_end <= m.start and not _nested_unnumbered(self.text[cue_end : m.start]):
                links.direct.append(m)
        elif links.head is not None:
            links.direct.append(m)

    def _relation(self, st: _Statement, links: _Links, m: DocMention, changed: set[int]) -> str:
        """What the document itself is to mention ``m`` of the statement."""
        relation = links.head if m in links.direct and links.head is not None else "cites"
        if relation == "replaces" and _PART.search(self.text, links.lead, m.start):
            relation = "amends"  # "Bãi bỏ khoản 2 Điều 18 Quy chế ...": a part repealed
        gap_before = self.text[max(st.start, m.start - 60) : m.start]
        if _ISSUED_WITH.search(self.text[links.lead : m.start]):
            return _stronger(relation, "issued_with")
        if id(m) in changed or _CHANGED_BY.search(gap_before):
            return relation  # another document amends or replaces it, not this one
        amending = _amending_statement(self.text, st, self.opening_end)
        if amending and _REPLACES.search(gap_before):
            return _stronger(relation, "replaces")
        if amending and _AMENDS.search(gap_before):
            return _stronger(relation, "amends")
        return relation


#: "X hướng dẫn giám sát giao dịch và Y": X's title, then Y joined to it.
_TITLE_AND = re.compile(r"^[^;:]{0,200}\s(?:và|cùng)\s+(?:các\s+)?$", re.IGNORECASE)
_OTHER_CUE = re.compile(rf"{AMENDS}|{REPLACES}|{ATTACHED}|\b(?:{CARRY_OUT})\b", re.IGNORECASE)


def _joined(gap: str) -> bool:
    """Whether the next mention is joined to the one before (its title between them at
    most, and no cue of another relation)."""
    return bool(_COORDINATION.match(gap) or _AND_TYPED.match(gap)) or (
        bool(_TITLE_AND.match(gap)) and not _OTHER_CUE.search(gap)
    )


def _cue_relation(cue: str) -> str | None:
    """The relation a statement opener gives what follows it ("Căn cứ" -> based_on)."""
    for rx, relation in _HEAD_CUES:
        if rx.match(cue):
            return relation
    return "implements" if _OPEN_CUE.match(cue) else None


def _stronger(a: str, b: str) -> str:
    return a if relation_rank(a) <= relation_rank(b) else b


def _opening_end(text: str) -> int:
    m = _HEADING.search(text)
    return m.start() if m else min(len(text), 3000)


#: The caption of a plan, programme or rules a decision issues, at the head of
#: the attached text: "(Ban hành kèm theo Quyết định số 612/QĐ-UBND ...)".
_ATTACHED_CAPTION = re.compile(
    rf"^[ \t|]*[(\[]?\s*(?:Ban\s+hành\s+)?{ATTACHED}\s+(?:{ISSUING_TYPES})\b",
    re.MULTILINE | re.IGNORECASE,
)


def _openings(text: str) -> list[tuple[int, int]]:
    """The document's opening, and the opening of each text its decision issues.

    A decision that issues a plan carries the plan after its articles; the
    plan's own opening ("Thực hiện Quyết định số 06/QĐ-TTg ...") states what
    the document carries out, as the decision's preamble does.
    """
    first = _opening_end(text)
    spans = [(0, first)]
    for m in _ATTACHED_CAPTION.finditer(text, first):
        h = _HEADING.search(text, m.end())
        end = h.start() if h else min(len(text), m.end() + 3000)
        spans.append((m.start(), end))
    return spans


def _nested_unnumbered(gap: str) -> bool:
    """An unnumbered document that itself carries out the mention comes between.

    "Kế hoạch thực hiện Chương trình hành động của Ban Thường vụ Tỉnh ủy thực
    hiện Nghị quyết số 22-NQ/TW": 22-NQ/TW is the programme's target, not the
    plan's.
    """
    tw = TYPE_WORD.search(gap)
    return bool(tw and _IMPLEMENT_CUE.search(gap, tw.end()))


def _implementing_before(text: str, st: _Statement, m: DocMention) -> bool:
    """``Chương trình ... thực hiện <m>``: m is what an unnumbered programme implements."""
    before = text[max(st.start, m.start - 120) : m.start]
    return bool(_IMPLEMENTING_PHRASE.search(before))


def _amending_statement(text: str, st: _Statement, opening_end: int) -> bool:
    """Amendment cues count when the document itself amends: title, articles, "... này"."""
    if st.start < opening_end:
        return True
    body = text[st.start : st.end]
    return bool(_ARTICLE_START.match(body) or _THIS_CHANGES.search(body))


_ARTICLE_START = re.compile(r"\s*Điều\s+\d")
_THIS_CHANGES = re.compile(r"\bnày\b[^.;]*(?:sửa đổi|thay thế|bãi bỏ)")
