"""References to other documents: mentions, keys, relations, second-order edges.

The stages, all on the normalised text:

1. *mentions*: every symbol the grammar in ``symbols`` matches, with the type
   word before it (``Chương trình hành động số``), the date after it (``ngày
   10/4/2013``) and the issuer (``của Bộ Chính trị``); short forms
   (``Nghị quyết số 21``) resolved to the one full symbol with that number and
   type; a Party mention with an unknown issuer code repaired only when the
   same number and type appear elsewhere in the document with a known one.
2. *documents*: mentions of one canonical symbol merged; scope, year, date,
   issuer and type completed from any of them.
3. *relations*: the text is cut into statements (sentences and ``;`` items);
   the cue that opens a statement (``Căn cứ``, ``Theo đề nghị``, ``Thực
   hiện``...) types the first mention and the ones coordinated with it; a
   mention described as carrying out another (``X ... về thực hiện Y``, ``X
   ... ban hành Kế hoạch thực hiện Y``, ``Chương trình ... thực hiện Y được
   phê duyệt tại X``) gives the second-order edge X implements Y.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, field, replace

from vbgraph.loaders.find.dates import date_at
from vbgraph.loaders.find.symbols import (
    SYMBOL_RE,
    code_of_type_word,
    document_key,
    implied_issuer,
    is_party_issuer,
    parse_symbol,
    scope_of,
    type_code_from_word,
    type_of_code,
)
from vbgraph.loaders.find.unnumbered import find_unnumbered
from vbgraph.loaders.models import DocMention, References
from vbgraph.loaders.text.patterns import Pattern, initial_alternation
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
    SHORT_FORM_OPEN,
    STATEMENT_OPENERS,
)
from vbgraph.loaders.vocab.documents import PARTY_LOCAL_ISSUERS, TYPE_WORDS
from vbgraph.loaders.vocab.provinces import find_province, local_name, without_kind_word
from vbgraph.models import DocEdge, DocInfo, NormalizedText, relation_rank

_TYPE_WORD_RE = "|".join(
    re.escape(w).replace(r"\ ", r"\s+") for w, _ in sorted(TYPE_WORDS, key=lambda t: -len(t[0]))
)
#: The type words, case-insensitive, opening with the set of their first letters
#: so that a search skips to the next one in C.
_TYPE_WORD_SCAN = initial_alternation(w for w, _ in sorted(TYPE_WORDS, key=lambda t: -len(t[0])))
#: A type word right before a symbol: "Nghị quyết số", "Công văn: số", "Kế hoạch. số".
_BEFORE_SYMBOL = re.compile(
    rf"(?P<tw>{_TYPE_WORD_SCAN})(?i:(?:\s+(?:của\s+\S+\s+)?(?:liên\s+tịch\s+)?)?"
    r"[\s.:,]*(?:số\s*:?\s*)?$)"
)
_SO_BEFORE = re.compile(r"(?:số|và số|,\s*số)\s*:?\s*$", re.IGNORECASE)
#: A short form: "Nghị quyết số 21", "Kế hoạch số 128" (no ký hiệu).
_SHORT = Pattern(
    "short form",
    rf"(?P<tw>{_TYPE_WORD_RE})\s+số\s*(?P<num>\d{{1,5}}[a-z]?)(?![\w/\-]|\s*/)",
    re.IGNORECASE,
    starts={w.split()[0] for w, _ in TYPE_WORDS},
)
_SPACES = re.compile(r"\s+")
_TYPE_WORD = re.compile(_TYPE_WORD_RE, re.IGNORECASE)
#: Type words by their lower-case form (the first of TYPE_WORDS wins).
_TYPE_WORD_BY_FOLD: dict[str, str] = {w.lower(): w for w, _ in reversed(TYPE_WORDS)}
_ISSUER_STOP = re.compile(
    r"\s(?:về|ban\s+hành|thực\s+hiện|triển\s+khai|phê\s+duyệt|quy\s+định|hướng\s+dẫn|tại|theo|đã|được"
    r"|và(?!\s+(?:Phát triển nông thôn|Đầu tư|Đào tạo|Xã hội|Truyền thông|Công nghệ|Môi trường"
    r"|Du lịch|Nhà nước)\b)|nhằm|để|trong|với|sửa đổi|thay thế|là|đến|cho|trên|thì|gồm)\b"
    r"|[,;:.()“”\"\[\]]"
    r"|\s(?:ngày|số)\s",
    re.IGNORECASE,
)
_OF = re.compile(r"\s*,?\s*của\s+", re.IGNORECASE)


def extract_references(norm: NormalizedText, subject: DocInfo) -> References:
    """Numbered references, unnumbered ones and document edges of ``norm``."""
    text = norm.text
    symbols = list(SYMBOL_RE.finditer(text))
    mentions = _mentions(text, subject, symbols)
    docs = _documents(mentions, subject)
    subject = _complete_subject(subject, mentions)
    by_symbol = {d.symbol: d for d in docs}
    edges = _edges(norm, mentions, subject, by_symbol)
    unnumbered = tuple(find_unnumbered(norm, [m.end() for m in symbols]))
    return References(subject=subject, documents=tuple(docs), edges=edges, unnumbered=unnumbered)


# --------------------------------------------------------------------------- mentions


def _mentions(text: str, subject: DocInfo, symbols: list[re.Match[str]]) -> list[DocMention]:
    """The mentions of numbered documents: ``symbols`` (the ``SYMBOL_RE`` matches) and more."""
    found: list[DocMention] = []
    for m in symbols:
        sym = parse_symbol(m)
        before = text[max(0, m.start() - 60) : m.start()]
        tw_match = _BEFORE_SYMBOL.search(before)
        type_word = _canonical_type_word(tw_match.group("tw")) if tw_match else None
        start = m.start() - (len(before) - tw_match.start()) if tw_match else m.start()
        if type_word is None and found and _SO_BEFORE.search(before):
            prev = found[-1]
            if 0 <= m.start() - prev.end < 80:
                type_word = prev.type_word  # "các Công văn: số 686/... và số 259/..."
        sym = type_code_from_word(sym, type_word)
        found.append(_with_tail(text, DocMention(start, m.start(), m.end(), sym, type_word)))
    found = _repair(found)
    found.extend(_short_forms(text, found))
    found.extend(_aliases(text, found))
    found.sort(key=lambda x: x.start)
    return [x for x in found if x.symbol.text != subject.symbol]


def _canonical_type_word(raw: str) -> str | None:
    return _TYPE_WORD_BY_FOLD.get(_SPACES.sub(" ", raw).lower())


def _with_tail(text: str, m: DocMention) -> DocMention:
    """Read the date and the issuer that follow the symbol."""
    pos = m.end
    d = date_at(text, pos)
    if d:
        m.date = d.iso
        pos = d.end
    of = _OF.match(text, pos)
    if of:
        stop = _ISSUER_STOP.search(text, of.end(), of.end() + 120)
        end = stop.start() if stop else min(len(text), of.end() + 80)
        issuer = _SPACES.sub(" ", text[of.end() : end]).strip()
        if issuer and len(issuer) <= 80:
            m.issuer = issuer
            pos = end
            province = find_province(issuer)
            if province:
                m.province = province[2]
        # A date after the issuer: "... của Chính phủ ngày 10/4/2013"
        d2 = date_at(text, pos)
        if d2 and not m.date:
            m.date = d2.iso
            pos = d2.end
    m.tail = pos
    return m


def _repair(mentions: list[DocMention]) -> list[DocMention]:
    """Repair a Party issuer code only when the document itself confirms it.

    ``02-NQ/TC`` next to ``02-NQ/TU`` elsewhere in the text is ``02-NQ/TU``.
    """
    known: dict[tuple[str, str | None], set[str]] = {}
    for m in mentions:
        s = m.symbol
        if s.family == "party" and _known_party_issuer(s.issuer):
            known.setdefault((s.number, s.type_code), set()).add(s.issuer)
    out = []
    for m in mentions:
        s = m.symbol
        if s.family == "party" and not _known_party_issuer(s.issuer):
            candidates = known.get((s.number, s.type_code), set())
            if len(candidates) == 1:
                m.symbol = replace(s, issuer=next(iter(candidates)))
        out.append(m)
    return out


def _known_party_issuer(code: str) -> bool:
    return code in PARTY_LOCAL_ISSUERS or is_party_issuer(code)


def _short_forms(text: str, full: list[DocMention]) -> list[DocMention]:
    """ "Nghị quyết số 21" -> the one full symbol numbered 21 of that type."""
    out: list[DocMention] = []
    by_number: dict[str, list[DocMention]] = {}
    for f in full:
        by_number.setdefault(f.symbol.number, []).append(f)
    for m in _SHORT.finditer(text):
        tw = _canonical_type_word(m.group("tw"))
        code = code_of_type_word(tw) if tw else None
        candidates = {
            f.symbol.text: f
            for f in by_number.get(m.group("num"), ())
            if f.symbol.type_code == code or (f.type_word and f.type_word == tw)
        }
        if len(candidates) != 1:
            continue
        target = next(iter(candidates.values()))
        mention = DocMention(m.start(), m.start("num"), m.end(), target.symbol, tw, short=True)
        out.append(_with_tail(text, mention))
    return out


#: "(sau đây gọi tắt là Nghị quyết 98)": a short name a numbered mention defines.
_ALIAS_DEF = re.compile(
    SHORT_FORM_OPEN + rf"(?P<alias>(?:{_TYPE_WORD_RE})\s+(?:số\s+)?\d{{1,5}}[a-z]?)\s*\)",
    re.IGNORECASE,
)


def _aliases(text: str, full: list[DocMention]) -> list[DocMention]:
    """Later uses of a defined short name ("Nghị quyết 98") as mentions of its antecedent."""
    out: list[DocMention] = []
    for d in _ALIAS_DEF.finditer(text):
        before = [f for f in full if not f.short and f.end <= d.start() and d.start() - f.end < 400]
        if not before:
            continue
        target = before[-1]
        if text.find(".", target.tail, d.start()) >= 0 and "\n" in text[target.tail : d.start()]:
            continue
        alias = re.escape(_SPACES.sub(" ", d.group("alias"))).replace(r"\ ", r"\s+")
        for u in re.finditer(rf"(?<!\w){alias}(?![\w/\-])", text[d.end() :], re.IGNORECASE):
            a, b = d.end() + u.start(), d.end() + u.end()
            head = _TYPE_WORD.match(u.group())
            tw = _canonical_type_word(head.group()) if head else None
            mention = DocMention(a, a, b, target.symbol, tw, short=True)
            out.append(_with_tail(text, mention))
    return out


# --------------------------------------------------------------------------- documents


def _documents(mentions: list[DocMention], subject: DocInfo) -> list[DocInfo]:
    groups: dict[str, list[DocMention]] = {}
    for m in mentions:
        groups.setdefault(m.text, []).append(m)
    return [_document(ms, subject) for ms in groups.values()]


def _document(ms: list[DocMention], subject: DocInfo) -> DocInfo:
    sym = ms[0].symbol
    date = next((m.date for m in ms if m.date), None)
    explicit_province = next((m.province for m in ms if m.province), None)
    province = explicit_province or subject.province
    scope = scope_of(sym, province)
    year = sym.year or (date[:4] if date else "")
    doc_type = _doc_type(ms)
    issuer = _issuer(ms, scope, province)
    return DocInfo(
        symbol=sym.text,
        key=document_key(sym.text, scope, year),
        type=doc_type,
        issuer=issuer,
        province=None if scope == "VN" else province,
        date=date,
    )


def _doc_type(ms: list[DocMention]) -> str | None:
    sym = ms[0].symbol
    words = [m.type_word for m in ms if m.type_word and not m.short]
    for word, _ in Counter(words).most_common() if words else ():
        if sym.type_code is None or code_of_type_word(word) == sym.type_code:
            return word
    if sym.family == "letter":
        return "Công văn"
    if sym.family == "law":
        return "Luật"
    return type_of_code(sym.type_code)


def _issuer(ms: list[DocMention], scope: str, province: str | None) -> str | None:
    names = [m.issuer for m in ms if m.issuer and not _not_an_issuer(m.issuer)]
    if names:
        common = Counter(names).most_common(1)[0][0]
        longer = [n for n in names if n.startswith(common)]
        name = max(longer, key=len)
        if scope != "VN" and province and _LOCAL_COMMITTEE.fullmatch(name):
            base = without_kind_word(name)
            return f"{base} {local_name(province)}"
        return name
    return implied_issuer(ms[0].symbol, province if scope != "VN" else None)


#: An issuer named without its province: "UBND tỉnh", "Chủ tịch Hội đồng nhân dân".
_LOCAL_COMMITTEE = re.compile(
    r"(?:Chủ tịch\s+)?(?:UBND|Ủy ban nhân dân|HĐND|Hội đồng nhân dân)(?:\s+(?:tỉnh|thành phố))?"
)
_NOT_AN_ISSUER = re.compile(r"(?:nó|các|những|mình)\b", re.IGNORECASE)


def _not_an_issuer(name: str) -> bool:
    return bool(_NOT_AN_ISSUER.match(name))


def _complete_subject(subject: DocInfo, mentions: list[DocMention]) -> DocInfo:
    """The subject's date from its own mention ("kèm theo Quyết định số ... ngày ...")."""
    return subject


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
    r"|\d+(?:\.\d+)*\.\s|[a-zđ]\)\s|[IVX]+\.\s))",
)
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
_AMENDS = re.compile(rf"(?:{AMENDS})[^;]{{0,40}}$", re.IGNORECASE)
_REPLACES = re.compile(rf"(?:{REPLACES})[^;]{{0,20}}$", re.IGNORECASE)
_COORDINATION = re.compile(r"^[\s,;]*(?:và|cùng|,|;)?\s*(?:các\s+)?(?:số\s*:?\s*)?$", re.IGNORECASE)
_SECOND_ORDER = re.compile(
    r"^[\s,]*(?:(?:về việc|về|nhằm|để)\s+)?"
    r"(?:(?:tiếp\s+\S+|tiếp|đẩy mạnh|tăng cường|nâng cao hiệu quả|lãnh đạo|chỉ đạo)\s+){0,3}"
    r"(?:(?:ban\s+hành|phê\s+duyệt)\s+[^;]{0,90}?\s+)?"
    rf"(?:(?:{IMPLEMENT_LEAD_INS})\s+)?(?:{CARRY_OUT})"
    r"(?:\s+(?:Bộ\s+)?[Ll]uật\s+[^;,()]{1,60}?\s+số)?\s*$",  # "... thi hành Luật Đất đai số"
    re.IGNORECASE,
)
#: A mention described as amending or replacing the next one: "Nghị định số
#: 38/2023/NĐ-CP ... sửa đổi, bổ sung một số điều của Nghị định số 27/2022/NĐ-CP",
#: "Nghị quyết 98 thay thế Nghị quyết số 54/2017/QH14".
_SECOND_ORDER_CHANGE = re.compile(
    r"^[\s,]*(?:(?:về việc|về|quy\s+định)\s+)?(?:(?P<amends>sửa đổi(?:\s*,\s*|\s+và\s+)bổ sung"
    rf"|{AMENDS})|(?P<replaces>{REPLACES}))"
    r"(?:\s+(?:một số|các|toàn bộ)?\s*(?:điều|khoản|điểm|nội dung)[^;()]{0,40}?)?"
    r"\s*(?:của|tại)?\s*$",
    re.IGNORECASE,
)
#: "X ... và Y" in a "Căn cứ" or "Thực hiện" statement: Y is a second object.
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
_ITEM_LEAD = re.compile(r"[\s\-+•]*(?:Điều\s+\d+\.\s*|\d+(?:\.\d+)*\.\s*|[a-zđ]\)\s*)?")


@dataclass(slots=True)
class _Statement:
    start: int
    end: int
    head: str | None = None
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


def _edges(
    norm: NormalizedText, mentions: list[DocMention], subject: DocInfo, docs: dict[str, DocInfo]
) -> tuple[DocEdge, ...]:
    if not mentions:
        return ()
    text = norm.text
    opening_end = _opening_end(text)
    openings = _openings(text)
    statements = _statements(text, mentions)
    best: dict[tuple[str, str], DocEdge] = {}

    def add(source: str, target: str, relation: str, st: _Statement) -> None:
        if source == target:
            return
        key = (source, target)
        old = best.get(key)
        if old is not None and relation_rank(relation) >= relation_rank(old.relation):
            return  # the edge already found is as strong
        a, b = norm.to_original(st.start, st.end)
        raw = norm.original[a:b]
        lead = len(raw) - len(raw.lstrip())
        raw_s = raw.strip()
        best[key] = DocEdge(source, target, relation, raw_s, a + lead, a + lead + len(raw_s),
                            asserted_by=subject.key)  # fmt: skip

    prev_head: str | None = None
    prev_end = 0
    for st in statements:
        if _NON_SPACE.search(text, prev_end, st.start):
            prev_head = None  # a statement citing nothing ends a list "Thực hiện X ...; Y"
        prev_end = st.end
        body = text[st.start : st.end]
        item = _ITEM_LEAD.match(body)
        stripped = body[item.end() :] if item else body
        lead = st.start + (len(body) - len(stripped))
        head = None
        for rx, relation in _HEAD_CUES:
            if rx.match(stripped):
                head = relation
        in_opening = any(a <= st.start < b for a, b in openings)
        open_cue = _OPEN_CUE.search(stripped) if in_opening else None
        if head is None and open_cue:
            head = "implements"
        direct: list[DocMention] = []
        governed: dict[int, DocMention] = {}
        changed: dict[int, tuple[DocMention, str]] = {}
        anchor = lead
        for k, m in enumerate(st.mentions):
            gap = text[anchor : m.start]
            prev = st.mentions[k - 1] if k else None
            change = _SECOND_ORDER_CHANGE.match(gap) if prev is not None else None
            if prev is not None and _SECOND_ORDER.match(gap) and _IMPLEMENT_CUE.search(gap):
                governed[k] = prev
            elif prev is not None and change:
                changed[k] = (prev, "amends" if change.group("amends") else "replaces")
            elif k - 1 in governed and prev is not None and _COORDINATION.match(gap):
                governed[k] = governed[k - 1]  # "thực hiện X và Y": both are carried out
            elif (
                prev is not None
                and _REVERSE_ANCHOR.search(gap)
                and _implementing_before(text, st, prev)
            ):
                add(_key(docs, m), _key(docs, prev), "implements", st)
                if prev in direct:
                    direct.remove(prev)
            elif k == 0:
                if (
                    prev_head is not None
                    and not text[lead : m.start].strip()
                    and prev_head in ("implements", "proposal")
                ):
                    # "Thực hiện X ...; Y ..." : Y continues the list X opened
                    direct.append(m)
                    head = prev_head
                elif head == "implements":
                    cue_end = lead + open_cue.end() if open_cue else -1
                    if 0 <= cue_end <= m.start and not _nested_unnumbered(text[cue_end : m.start]):
                        direct.append(m)
                elif head is not None:
                    direct.append(m)
            elif prev is not None and prev in direct and _COORDINATION.match(gap):
                direct.append(m)
            elif (
                prev is not None
                and prev in direct
                and head in ("based_on", "implements")
                and not m.short
                and m.type_word
                and _AND_BEFORE.search(gap)
            ):
                direct.append(m)  # "Căn cứ X ... về ... và Quyết định số Y ..."
            anchor = max(m.tail, m.end)
        for k, gov in governed.items():
            add(_key(docs, gov), _key(docs, st.mentions[k]), "implements", st)
        for k, (src, rel) in changed.items():
            add(_key(docs, src), _key(docs, st.mentions[k]), rel, st)
        changed_objects = {id(st.mentions[k]) for k in changed}
        for m in st.mentions:
            relation = "cites"
            if m in direct and head is not None:
                relation = head
            gap_before = text[max(st.start, m.start - 60) : m.start]
            if _ISSUED_WITH.search(text[lead : m.start]):
                relation = _stronger(relation, "issued_with")
            elif id(m) in changed_objects:
                pass  # another document amends or replaces it, not this one
            elif _amending_statement(text, st, opening_end) and _REPLACES.search(gap_before):
                relation = _stronger(relation, "replaces")
            elif _amending_statement(text, st, opening_end) and _AMENDS.search(gap_before):
                relation = _stronger(relation, "amends")
            add(subject.key, _key(docs, m), relation, st)
        if head in ("implements", "proposal") and direct:
            prev_head = head
        elif body.strip():
            prev_head = None
    return tuple(best.values())


def _stronger(a: str, b: str) -> str:
    return a if relation_rank(a) <= relation_rank(b) else b


def _key(docs: dict[str, DocInfo], m: DocMention) -> str:
    return docs[m.text].key


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
    tw = _TYPE_WORD.search(gap)
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
