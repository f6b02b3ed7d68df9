"""References by name only: "Nghị quyết Trung ương 5 khóa VIII", "Chiến lược ...".

A small grammar on the normalised text:

* a *cue*: a document type word that names rather than numbers a document --
  ``Luật``/``Bộ luật``/``Pháp lệnh``, ``Nghị quyết`` followed by a body or a
  meeting (``Trung ương 5``, ``Đại hội XIII``, ``của Hội nghị Tỉnh ủy``),
  ``Chiến lược``, ``Đề án``, ``Chương trình (hành động | mục tiêu quốc gia)``,
  ``Kế hoạch (hành động)``, ``Quy hoạch``, ``Quy chế``, ``Chỉ thị về``;
* the *name* after it: capitalised or quoted, read up to the first boundary
  (``;``, ``:``, the end of a sentence, a ``,`` that does not continue the name
  with ``tầm nhìn``/``định hướng``/``bổ sung``, ``và`` or ``,`` before another
  cue, ``của`` once the name has words of its own, a verb that starts a new
  clause) and, for laws, the date (``ngày 19/6/2015``) or year that follows;
* lower-case cues (``kế hoạch hành động của UBND tỉnh về ...``, ``đề án phát
  triển ... đến năm 2020``) count only with an owner (``của UBND tỉnh``) or a
  period (``giai đoạn``, ``đến năm``, ``thời kỳ``);
* not a reference: a cue with a number (``Nghị quyết số 22-NQ/TW``, handled by
  ``references``), the document itself (``Kế hoạch này``), generic plurals
  (``các chương trình``), a plan still to be drafted (``xây dựng Kế hoạch
  ...``), and a name that only describes a numbered document (``Quyết định số
  749/QĐ-TTg ... phê duyệt Chương trình ...``).

The relation follows the statement's cue: ``based_on`` after ``Căn cứ``,
``implements`` right after ``thực hiện``/``triển khai``, else ``cites``.
Spans (``raw``, ``start``, ``end``) are in the original text.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass

from vbgraph.loaders.find.document_names import (
    CLAUSE_BREAK,
    CUE_RE,
    LAW_DATE,
    NEW_LINE,
    NEXT_CUE,
    NUMBERED_NAME_CUES,
    SHORT_NUMBER,
    STOP_WORDS,
    is_name,
    may_own_or_date,
    name_end,
    numbered_law_after,
)
from vbgraph.loaders.find.symbols import SYMBOL_RE
from vbgraph.loaders.text.patterns import Pattern
from vbgraph.loaders.vocab.cues import (
    ATTACHED,
    IMPLEMENT_VERBS,
    ISSUING_TYPES,
    SHORT_FORM_OPEN,
)
from vbgraph.loaders.vocab.documents import NAMED_WORDS
from vbgraph.models import NormalizedText, UnnumberedRef

#: Cue words by their lower-case form, with the type each names.
_CUE_BY_FOLD: dict[str, tuple[str, str]] = {c.lower(): (c, t) for c, t in reversed(NAMED_WORDS)}

#: An agency whose name holds a cue: "Viện Quy hoạch thành phố", "Ban Quản lý Chương trình".
_AGENCIES = ("Viện", "Sở", "Cục", "Vụ", "Trung tâm", "Phòng", "Văn phòng", "Ban Quản lý",
             "Ban Chỉ đạo", "Ban điều phối", "Hội đồng")  # fmt: skip
_AGENCY_BEFORE = re.compile(rf"(?<!\w)(?:{'|'.join(_AGENCIES)})\s+$")
_AGENCIES_LAST = tuple(w.split()[-1] for w in _AGENCIES)
#: The header's subject line ("V/v triển khai Đề án ..."): the letter's own title.
_SUBJECT_LINE = re.compile(r"^[ \t|]*(?:V/v|Về việc)\b[^\n]*$", re.MULTILINE | re.IGNORECASE)
_GENERIC_BEFORE = re.compile(r"(?:các|những|mọi|từng|một số|nhiều)\s*$", re.IGNORECASE)
_DRAFTED_BEFORE = re.compile(
    r"(?:xây dựng|ban hành|lập|soạn thảo|dự thảo|trình|hoàn thành|hoàn thiện|nghiên cứu)"
    r"(?:\s*(?:,|và)\s*\S+(?:\s+\S+)?)?\s*$",
    re.IGNORECASE,
)
_DESCRIBING = ("về việc", "về", "ban hành", "phê duyệt", "quy định", "hướng dẫn")
_DESCRIBES = Pattern(
    "describes", rf"\b(?:{'|'.join(_DESCRIBING)})\b", re.IGNORECASE, starts=_DESCRIBING
)
_WRAP = re.compile(r"\n(?!" + NEW_LINE + ")", re.MULTILINE)
_BASED_ON = re.compile(r"(?:^|\n|;)\s*Căn cứ\b[^;\n]*$", re.IGNORECASE)
_IMPLEMENTS = re.compile(
    rf"(?:{IMPLEMENT_VERBS})\s*(?:có hiệu quả\s+|hiệu quả\s+)?$", re.IGNORECASE
)
_NUMBERED_AFTER = re.compile(r"\s*(?:số\s*:?\s*)?\d", re.IGNORECASE)
#: A project or programme known by a short number: "Đề án 06", "Chương trình 135".
_NAME_NUMBER = re.compile(r"\s*(\d{2,3})(?![\w/\-.,]\d|[\w/\-])")
#: The text this document issues or approves: "Ban hành kèm theo Quyết định này
#: Kế hoạch ...", "Phê duyệt kèm theo Quyết định này Kế hoạch ...".
_OWN_ATTACHED = re.compile(
    rf"{ATTACHED}\s+(?:{ISSUING_TYPES})\s+này\s*$", re.IGNORECASE
)
#: "(sau đây gọi tắt là Chương trình OCOP)": a short form of a numbered document.
_SHORT_FORM_DEF = re.compile(
    SHORT_FORM_OPEN + r"(?P<alias>[^()\n]{3,60}?)\s*\)",
    re.IGNORECASE,
)
_SENTENCE_START = re.compile(r"(?:^|[.:;!?]\s|\n)[\s\-+•*(]*(?:\d+(?:\.\d+)*\.?\s*|[a-zđ]\)\s*)?$")
_SPACES = re.compile(r"\s+")
_LAW_BEFORE_WORDS = ("Luật", "Bộ luật", "Pháp lệnh")
_LAW_BEFORE = re.compile(rf"(?:{'|'.join(_LAW_BEFORE_WORDS)})\s+$")
_LAW_BEFORE_LAST = tuple(w.split()[-1] for w in _LAW_BEFORE_WORDS)
_LAW_NUMBER = re.compile(r"\s*số\s*:?\s*\d")
_THIS = re.compile(r"\bnày\b")


def _ends_with(rx: re.Pattern[str], window: str, words: int) -> bool:
    """``rx.search(window)`` for a pattern anchored at the window's end (``$``).

    Every match of ``rx`` starts in, or in the whitespace just before, one of
    the window's last ``words`` whitespace-separated words, so the search skips
    the rest of the window rather than trying the pattern at each position.
    """
    parts = window.rsplit(None, words)
    start = len(parts[0]) if len(parts) > words else 0
    return rx.search(window, start) is not None


def _after_word(before: str, rx: re.Pattern[str], last_words: tuple[str, ...], count: int) -> bool:
    """``_ends_with(rx, before, count)`` for ``rx``: words, whitespace, the end.

    Tried only when ``before`` ends as such a match must: whitespace after one
    of ``last_words``, the last words of ``rx``'s words (case-sensitive).
    """
    return (
        before[-1:].isspace()
        and before.rstrip().endswith(last_words)
        and _ends_with(rx, before, count)
    )


def find_unnumbered(
    norm: NormalizedText, symbol_ends: list[int] | None = None
) -> Iterator[UnnumberedRef]:
    """Every name-only reference in ``norm``, in text order.

    ``symbol_ends``: where each ``SYMBOL_RE`` match in ``norm.text`` ends, if the
    caller has them (joining lines changes none: symbols hold no whitespace).
    """
    # wrapped lines joined (one character for one, so offsets stay valid)
    text = _WRAP.sub(" ", norm.text)
    if symbol_ends is None:
        symbol_ends = [m.end() for m in SYMBOL_RE.finditer(text)]
    described = _described_spans(text, symbol_ends)
    aliases = [_alias_re(a) for a in _short_form_aliases(text)]
    seen: set[tuple[int, int]] = set()
    law_end = -1
    for m in CUE_RE.finditer(text):
        if m.start() < law_end:
            continue  # "Luật sửa đổi ... của Luật X và Luật Y": one law
        if _own_attached(text[max(0, m.start() - 60) : m.start()]):
            cue, _ = _cue_type(m.group(0))
            law_end = name_end(text, m.end(), cue)  # the document's own plan and its name
            continue
        if any(a.match(text, m.start()) for a in aliases):
            continue  # "Chương trình OCOP": a numbered document's short form
        ref = _reference_at(norm, text, m, described)
        if ref is not None and (ref.start, ref.end) not in seen:
            seen.add((ref.start, ref.end))
            if ref.type == "Luật":
                law_end = ref.name_end
            yield ref.ref


def _own_attached(before: str) -> bool:
    """``before`` ends with "kèm theo Quyết định này": what follows is this document's own.

    ``_OWN_ATTACHED`` ends with "này" and spaces, tested first.
    """
    return before.rstrip()[-3:].lower() == "này" and _ends_with(_OWN_ATTACHED, before, 5)


def _short_form_aliases(text: str) -> list[str]:
    """Short forms defined for a numbered document ("(sau đây gọi tắt là Chương trình OCOP)")."""
    out = []
    for d in _SHORT_FORM_DEF.finditer(text):
        before = text[max(0, d.start() - 400) : d.start()]
        if SYMBOL_RE.search(before) and CUE_RE.match(d.group("alias")):
            out.append(_SPACES.sub(" ", d.group("alias")))
    return out


def _alias_re(alias: str) -> re.Pattern[str]:
    """The short form ``alias`` as written anywhere: any spacing, any case, a whole word."""
    rx = re.escape(alias).replace(r"\ ", r"\s+")
    return re.compile(rf"{rx}(?![\w/\-])", re.IGNORECASE)


def _cue_type(word: str) -> tuple[str, str]:
    return _CUE_BY_FOLD.get(_SPACES.sub(" ", word).lower(), (word, word))


@dataclass(frozen=True, slots=True)
class _Found:
    ref: UnnumberedRef
    name_end: int  # end of the name in the normalised text

    @property
    def start(self) -> int:
        return self.ref.start

    @property
    def end(self) -> int:
        return self.ref.end

    @property
    def type(self) -> str | None:
        return self.ref.type


def _reference_at(
    norm: NormalizedText, text: str, m: re.Match[str], described: _Spans
) -> _Found | None:
    """The name-only reference whose cue ``m`` is, or None when it names none."""
    word = m.group(0)
    cue, type_ = _cue_type(word)
    lower = word[0].islower()
    numbered_name = (
        _NAME_NUMBER.match(text, m.end()) if cue in NUMBERED_NAME_CUES and not lower else None
    )
    if _not_a_reference(norm, text, m, described, cue, bool(numbered_name)):
        return None
    end = _reference_end(text, m, cue, type_, numbered_name)
    if end is None:
        return None
    start = m.start()
    a, b = norm.to_original(start, end)
    raw = norm.original[a:b]
    relation = _relation(text, start)
    full = _SPACES.sub(" ", text[start:end]).strip()
    ref = UnnumberedRef(raw=raw, type=type_, name=full, start=a, end=b, relation=relation)
    return _Found(ref, end)


def _not_a_reference(
    norm: NormalizedText,
    text: str,
    m: re.Match[str],
    described: _Spans,
    cue: str,
    numbered_name: bool,
) -> bool:
    """What the words around the cue ``m`` show before its name is read: not a reference."""
    word = m.group(0)
    lower = word[0].islower()
    if word.isupper() and len(word) > 4:
        return True  # a title line in capitals: the document itself
    if lower and cue in ("Nghị quyết", "Chỉ thị", "Quy chế", "Luật", "Bộ luật", "Pháp lệnh"):
        return True
    if lower and not may_own_or_date(text, m.end()):
        return True  # is_name wants an owner or a period in a lower-case cue's name
    if (
        _NUMBERED_AFTER.match(text, m.end())
        and not SHORT_NUMBER.match(text, m.end())
        and not numbered_name
    ):
        return True  # "Nghị quyết số 22-NQ/TW": a numbered reference
    if m.start() in described or _in_subject_line(norm.text, m.start()):  # lines as written
        return True
    before = text[max(0, m.start() - 60) : m.start()]
    return (
        _after_word(before, _LAW_BEFORE, _LAW_BEFORE_LAST, 2)  # "Luật Quy hoạch": a law's name
        or _ends_with(_GENERIC_BEFORE, before, 2)
        or _ends_with(_DRAFTED_BEFORE, before, 5)
        # "Viện Quy hoạch thành phố": an agency, not a document
        or (not lower and _after_word(before, _AGENCY_BEFORE, _AGENCIES_LAST, 3))
        or _drafted_list(text, m.start())
    )


def _reference_end(
    text: str, m: re.Match[str], cue: str, type_: str, numbered_name: re.Match[str] | None
) -> int | None:
    """Where the name after the cue ``m`` ends, or None when it is no document's name."""
    end = name_end(text, m.end(), cue)
    if type_ == "Luật" and (
        _LAW_NUMBER.match(text[end : end + 12])  # "Luật ... hải đảo số 82/2015/QH13": numbered
        or numbered_law_after(text, end)  # "Luật Khám bệnh, chữa bệnh số 15/2023/QH15"
    ):
        return None
    if numbered_name:
        end = numbered_name.end()
    name = text[m.end() : end].strip()
    if not name or (name[0].islower() and STOP_WORDS.match(" " + name)):
        return None  # "Chiến lược phù hợp với ...": a short form, then a new clause
    sentence_start = bool(_SENTENCE_START.search(text[max(0, m.start() - 12) : m.start()]))
    if not is_name(cue, name, m.group(0)[0].islower(), sentence_start):
        return None
    if type_ == "Luật":
        d = LAW_DATE.match(text, end)
        if d:
            end = d.end()
    if _THIS.search(text, m.start(), end):
        return None  # "Kế hoạch thực hiện Chương trình hành động này": the document itself
    while end > m.end() and text[end - 1] in " \n\t,;:./":
        end -= 1
    return end


















_LIST_GOES_ON = re.compile(r"\s(?:và|cùng)\s*$|,\s*$")


def _drafted_list(text: str, start: int) -> bool:
    """The cue continues a list whose first item is still to be drafted.

    "Hoàn thành việc lập Quy hoạch tỉnh ... và quy hoạch sử dụng đất cấp huyện":
    "lập" governs both.
    """
    window = text[max(0, start - 300) : start]
    if not window.rstrip().endswith((",", "và", "cùng")):
        return False  # what _LIST_GOES_ON needs at the end of the clause, a suffix of window
    clause = CLAUSE_BREAK.split(window)[-1]
    if not _ends_with(_LIST_GOES_ON, clause, 1):
        return False
    first = CUE_RE.search(clause)
    return bool(first and _DRAFTED_BEFORE.search(clause[: first.start()])
                and not SYMBOL_RE.search(clause))  # fmt: skip


def _in_subject_line(text: str, pos: int) -> bool:
    """``pos`` is in the header's "V/v ..." line (before the body begins)."""
    if pos > 2000:
        return False
    line_start = text.rfind("\n", 0, pos) + 1
    return bool(_SUBJECT_LINE.match(text, line_start)) and "Kính gửi" not in text[:line_start]


#: Inside a "về ..." description, a named document of its own: the one the
#: numbered document carries out ("về thực hiện Nghị quyết Đại hội ..."), or a
#: second item coordinated with the numbered one ("Nghị quyết số 120/NQ-CP ... về
#: phát triển ... và Quy hoạch tỉnh ...").
_OWN_REFERENCE = re.compile(
    rf"(?<=\s)(?:(?:{IMPLEMENT_VERBS})\s+|và\s+)(?=(?:{NEXT_CUE.pattern})\s+[^\W\d])"
)


@dataclass(frozen=True, slots=True)
class _Spans:
    """Half-open spans, merged into sorted disjoint ones: ``pos in spans`` by bisection."""

    starts: list[int]
    ends: list[int]

    @classmethod
    def of(cls, spans: list[tuple[int, int]]) -> _Spans:
        starts: list[int] = []
        ends: list[int] = []
        for a, b in sorted(s for s in spans if s[0] < s[1]):
            if ends and a <= ends[-1]:
                ends[-1] = max(ends[-1], b)
            else:
                starts.append(a)
                ends.append(b)
        return cls(starts, ends)

    def __contains__(self, pos: int) -> bool:
        i = bisect_right(self.starts, pos) - 1
        return i >= 0 and pos < self.ends[i]


#: A describing word counts only this close to the symbol.
_DESCRIBED_WITHIN = 120


def _described_spans(text: str, symbol_ends: list[int]) -> _Spans:
    """The description of each numbered mention ("số 749/QĐ-TTg ... phê duyệt ...").

    From the first describing word after the symbol (``về``, ``ban hành``,
    ``phê duyệt``...) to the end of the clause: a name there is the numbered
    document's subject, not a reference of its own.
    """
    spans = []
    for sym_end in symbol_ends:
        if not _describes_near(text, sym_end):
            continue
        brk = CLAUSE_BREAK.search(text, sym_end, sym_end + 400)
        end = brk.start() if brk else min(len(text), sym_end + 400)
        d = _DESCRIBES.search(text, sym_end, end)
        if d and d.start() - sym_end < _DESCRIBED_WITHIN:
            if d.group().lower() in ("về", "về việc"):
                own = _OWN_REFERENCE.search(text, d.end(), end)
                if own:
                    end = own.start()
            spans.append((d.start(), end))
    return _Spans.of(spans)


def _describes_near(text: str, pos: int) -> bool:
    """A describing word starts within ``_DESCRIBED_WITHIN`` characters of ``pos``.

    A cheap necessary test before finding the clause end: the first describing
    word before the clause end, if it starts that close, is found here too (it
    ends within 9 characters, and the character after it is visible to ``\\b``).
    """
    d = _DESCRIBES.search(text, pos, min(len(text), pos + _DESCRIBED_WITHIN + 10))
    return d is not None and d.start() - pos < _DESCRIBED_WITHIN


def _relation(text: str, start: int) -> str:
    before = text[max(0, start - 300) : start]
    if _BASED_ON.search(before):
        return "based_on"
    if _ends_with(_IMPLEMENTS, before, 5):
        return "implements"
    return "cites"
