"""Numbered document mentions and the documents they name.

1. *mentions*: every symbol the grammar in :mod:`..find.symbols` matches, with the type
   word before it (``Chương trình hành động số``), the date after it (``ngày
   10/4/2013``) and the issuer (``của Bộ Chính trị``); short forms (``Nghị quyết số
   21``) and defined short names (``(sau đây gọi tắt là Nghị quyết 98)``) resolved to
   the one full symbol they stand for; a Party mention with an unknown issuer code
   repaired only when the same number and type appear elsewhere with a known one.
2. *documents*: mentions of one canonical symbol merged; scope, year, date, issuer and
   type completed from any of them.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import replace
from functools import lru_cache

from vbgraph.loaders.find.dates import date_at
from vbgraph.loaders.find.symbols import (
    code_of_type_word,
    document_key,
    implied_issuer,
    is_party_issuer,
    parse_symbol,
    scope_of,
    type_code_from_word,
    type_of_code,
)
from vbgraph.loaders.models import DocMention
from vbgraph.loaders.text.fold import fold_name
from vbgraph.loaders.text.patterns import Pattern, case_variants, initial_alternation
from vbgraph.loaders.vocab.cues import SHORT_FORM_OPEN
from vbgraph.loaders.vocab.documents import PARTY_LOCAL_ISSUERS, TYPE_WORDS, canonical_type_word
from vbgraph.loaders.vocab.provinces import find_province, local_name, without_kind_word
from vbgraph.models import DocInfo

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
#: The "số <number>" of a short form, after the whitespace that follows its type word:
#: the number is followed as a short form needs (a "số" followed otherwise starts none).
_SHORT_NUMBER = re.compile(
    rf"[{case_variants('s')}](?<=\s.)[{case_variants('ố')}]\s*"
    r"(?=\d{1,5}(?i:[a-z])?(?![\w/\-]|\s*/))"
)
#: A type word and the whitespace after it, up to the end of the searched window.
_TYPE_WORD_BEFORE = re.compile(rf"{_TYPE_WORD_SCAN}\s+\Z")
#: Whitespace runs inside and after a type word are at most _MAX_RUN long unless
#: _LONG_SPACE finds a longer one; then a type word and its whitespace span at
#: most _TYPE_WORD_SPAN characters.
_MAX_RUN = 7
_LONG_SPACE = re.compile(rf"\s{{{_MAX_RUN + 1}}}")
_TYPE_WORD_SPAN = max(len(w) + w.count(" ") * (_MAX_RUN - 1) + _MAX_RUN for w, _ in TYPE_WORDS)


def _short_starts(text: str, pos: int, end: int) -> Iterator[int]:
    """Where a short form can start: the type word that reaches a "số <number>" through
    whitespace alone.  Type words are common and short forms rare, so each "số <number>"
    is found first and the type word looked for in the few characters before it (all of
    them before a long whitespace run)."""
    for so in _SHORT_NUMBER.finditer(text, pos, end):
        lo = max(pos, so.start() - _TYPE_WORD_SPAN)
        if _LONG_SPACE.search(text, lo, so.start()):
            lo = pos
        tw = _TYPE_WORD_BEFORE.search(text, lo, so.start())
        if tw:
            yield tw.start()


#: A short form: "Nghị quyết số 21", "Kế hoạch số 128" (no ký hiệu).
_SHORT = Pattern(
    "short form",
    rf"(?P<tw>{_TYPE_WORD_RE})\s+số\s*(?P<num>\d{{1,5}}[a-z]?)(?![\w/\-]|\s*/)",
    re.IGNORECASE,
    candidates=_short_starts,
)
_SPACES = re.compile(r"\s+")
#: A type word anywhere (``Nghị quyết``, ``Kế hoạch`` ...).
TYPE_WORD = re.compile(_TYPE_WORD_RE, re.IGNORECASE)
#: Type words by their lower-case form (the first of TYPE_WORDS wins).
_ISSUER_STOP = re.compile(
    r"\s(?:về|ban\s+hành|thực\s+hiện|triển\s+khai|phê\s+duyệt|quy\s+định|hướng\s+dẫn|tại|theo|đã|được"
    r"|và(?!\s+(?:Phát triển nông thôn|Đầu tư|Đào tạo|Xã hội|Truyền thông|Công nghệ|Môi trường"
    r"|Du lịch|Nhà nước)\b)|nhằm|để|trong|với|sửa đổi|thay thế|là|đến|cho|trên|thì|gồm)\b"
    r"|[,;:.()“”\"\[\]]"
    r"|\s(?:ngày|số)\s",
    re.IGNORECASE,
)
_OF = re.compile(r"\s*,?\s*của\s+", re.IGNORECASE)
#: What the issuer is called now, after the 2025 mergers: "của Ủy ban nhân dân tỉnh Tiền
#: Giang (nay là tỉnh Đồng Tháp)" -- part of the mention, not the start of what follows.
_NOW_CALLED = re.compile(r"[ \t\n]*\((?:nay|hiện\s+nay)\s+là\s+[^()\n]{1,80}\)", re.IGNORECASE)



def document_mentions(
    text: str, subject: DocInfo, symbols: list[re.Match[str]]
) -> list[DocMention]:
    """The mentions of numbered documents: ``symbols`` (the ``SYMBOL_RE`` matches) and more."""
    found: list[DocMention] = []
    for m in symbols:
        sym = parse_symbol(m)
        before = text[max(0, m.start() - 60) : m.start()]
        tw_match = _BEFORE_SYMBOL.search(before)
        type_word = canonical_type_word(tw_match.group("tw")) if tw_match else None
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
    return [x for x in found if not _is_self(x, subject)]


def _is_self(m: DocMention, subject: DocInfo) -> bool:
    """Whether ``m`` names the document itself: its symbol, and no year, province or
    issuer that says otherwise (a 2024 ``590/QĐ-UBND`` repealing the 2014 one, a
    district's ``01/KH-UBND`` carrying out the province's ``01/KH-UBND``)."""
    if not subject.symbol or m.symbol.text != subject.symbol:
        return False
    year = m.symbol.year or (m.date[:4] if m.date else "")
    own_year = subject.key.rsplit("|", 1)[-1] if subject.key.count("|") == 2 else ""
    own_year = own_year or (subject.date[:4] if subject.date else "")
    if year and own_year and year != own_year:
        return False
    if m.province and subject.province and m.province != subject.province:
        return False
    if m.issuer and subject.issuer and not _not_an_issuer(m.issuer):
        return _same_issuer(m.issuer, subject.issuer, subject.province)
    return True


def _same_issuer(a: str, b: str, province: str | None) -> bool:
    """Whether two ways of writing an issuer name one body: the bodies the agency grammar
    reads in them ("Chủ tịch Ủy ban nhân dân tỉnh" and "Chủ tịch UBND tỉnh Quảng Ngãi"),
    else one name containing the other."""
    bodies_a, bodies_b = _bodies(a, province), _bodies(b, province)
    if bodies_a and bodies_b:
        return bool(bodies_a & bodies_b)
    fa, fb = fold_name(a).lower(), fold_name(b).lower()
    return fa in fb or fb in fa


@lru_cache(maxsize=1024)  # a pure reading of short names, which documents repeat
def _bodies(name: str, province: str | None) -> frozenset[str]:
    from vbgraph.loaders.find.agencies.matcher import find_mentions
    from vbgraph.loaders.find.agencies.names import open_mentions

    found = open_mentions(name, province, find_mentions(name, province))
    return frozenset(m.agency.name for m in found)


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
        now = _NOW_CALLED.match(text, pos)
        if now is not None:
            pos = now.end()
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
        tw = canonical_type_word(m.group("tw"))
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
            head = TYPE_WORD.match(u.group())
            tw = canonical_type_word(head.group()) if head else None
            mention = DocMention(a, a, b, target.symbol, tw, short=True)
            out.append(_with_tail(text, mention))
    return out


# --------------------------------------------------------------------------- documents


def documents(mentions: list[DocMention], subject: DocInfo) -> list[DocInfo]:
    """The documents the mentions name: one per canonical symbol, completed from them all."""
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
