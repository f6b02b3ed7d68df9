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

from vbgraph.loaders.find.symbols import SYMBOL_RE
from vbgraph.loaders.text.patterns import Pattern, initial_alternation
from vbgraph.loaders.vocab.cues import (
    ATTACHED,
    IMPLEMENT_VERBS,
    ISSUING_TYPES,
    SHORT_FORM_OPEN,
    STATEMENT_OPENERS,
)
from vbgraph.loaders.vocab.documents import NAMED_WORDS
from vbgraph.models import NormalizedText, UnnumberedRef

#: Cue words by their lower-case form, with the type each names.
_CUE_BY_FOLD: dict[str, tuple[str, str]] = {c.lower(): (c, t) for c, t in reversed(NAMED_WORDS)}
_CUE_ALT = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w, _ in NAMED_WORDS)
#: A cue, case-insensitive, not inside a word: opens with the set of its first
#: letters, so a scan skips to the next one in C.
_CUE_RE = re.compile(initial_alternation((c for c, _ in NAMED_WORDS), r"(?<![\w/].)") + r"(?!\w)")
#: A following cue that starts a reference of its own ("... và Chiến lược ...").
_NEXT_CUE = re.compile(rf"(?:{_CUE_ALT})(?!\w)")

#: Words that end a name: a new clause or a role phrase.
_STOP_WORDS = re.compile(
    r"\s(?:theo|được|đã|đang|sẽ|nhằm|để|tại|trên cơ sở|gắn với|bảo đảm|đảm bảo|trong đó"
    r"|phù hợp|đồng thời|cũng như|làm|là|thì|với|cho|có hiệu lực|hết hiệu lực|trình"
    r"|như sau|chịu trách nhiệm|phối hợp|chủ trì|báo cáo|đạt|góp phần|kèm theo|ban hành"
    r"|phê duyệt)(?!\w)",
    re.IGNORECASE,
)
#: A comma inside a name: "đến năm 2020, tầm nhìn ...", "sửa đổi, bổ sung", "khóa XIII,
#: nhiệm kỳ ...", "Phòng, chống ...", "an ninh, trật tự", and the middle of a short
#: list closed by "và" ("Tài nguyên, môi trường biển và hải đảo").
_COMMA_CONTINUES = re.compile(
    r",\s*(?:tầm nhìn|định hướng|bổ sung|giai đoạn|thời kỳ|nhiệm kỳ|chống|trật tự"
    r"|[a-zà-ỹđ]+(?:\s+[a-zà-ỹđ]+){0,3}\s+và\s+[a-zà-ỹđ])"
)
#: A line break ends a name only before a new item, a heading, a cue or a blank
#: line; wrapped lines inside a sentence do not.
_NEW_LINE = (
    r"\s*(?:\n|[-+•|*]|\d+(?:\.\d+)*[.)]\s|[a-zđ]\)\s|[IVX]+\.\s"
    rf"|{STATEMENT_OPENERS}|Điều\s+\d|[A-ZĐÀ-Ỹ\s]{12,}$"
    r"|[^\W\d][^\W\d ]*(?: [^\W\d][^\W\d ]*){0,4},\s*ngày\s*\d)"  # "An Giang, ngày 12 ..."
)
_LINE_BREAK = r"\n(?=" + _NEW_LINE + ")"
_SENTENCE_END = re.compile(r"\.(?:\s|$)|”|\"|" + _LINE_BREAK, re.MULTILINE)
#: First words after a cue that show it is not a name.
_NOT_A_NAME = re.compile(
    r"(?:này|đó|trên|số|được|đã|sẽ|phải|cần|và|là|có|cho|với|theo|tại|do|đề ra|nêu|bảo đảm"
    r"|đảm bảo|nói trên|chung|cụ thể|chi tiết|năm|hằng năm|hàng năm|hoạt động của|công tác"
    r"|đề ra|thực hiện|triển khai|tổ chức|xây dựng|gồm|các|mới|tiếp theo|sau|giai đoạn|đến|đạt"
    r"|vào|tới|từ|trong|ra|nhằm|để|thời kỳ|ban hành)(?!\w)"
)
#: Words after "Đề án" that start its name ("Đề án xây dựng tỉnh ... trở thành ...").
_PROJECT_VERB = re.compile(r"xây dựng(?!\w)")
#: An agency whose name holds a cue: "Viện Quy hoạch thành phố", "Ban Quản lý Chương trình".
_AGENCIES = ("Viện", "Sở", "Cục", "Vụ", "Trung tâm", "Phòng", "Văn phòng", "Ban Quản lý",
             "Ban Chỉ đạo", "Ban điều phối", "Hội đồng")  # fmt: skip
_AGENCY_BEFORE = re.compile(rf"(?<!\w)(?:{'|'.join(_AGENCIES)})\s+$")
_AGENCIES_LAST = tuple(w.split()[-1] for w in _AGENCIES)
#: The header's subject line ("V/v triển khai Đề án ..."): the letter's own title.
_SUBJECT_LINE = re.compile(r"^[ \t|]*(?:V/v|Về việc)\b[^\n]*$", re.MULTILINE | re.IGNORECASE)
_PERIOD = Pattern(
    "period",
    r"\b(?:giai đoạn|đến năm|thời kỳ|tầm nhìn|năm [0-9]{4}|[0-9]{4}\s*-\s*[0-9]{4})",
    re.IGNORECASE,
    starts=("giai đoạn", "đến năm", "thời kỳ", "tầm nhìn", "năm ", *"0123456789"),
)
_OWNER = re.compile(
    r"^(?:hành động\s+)?của\s+(?:UBND|Ủy ban nhân dân|Tỉnh ủy|HĐND|Hội đồng nhân dân|Ban "
    r"Thường vụ|Ban Chấp hành|Chính phủ|Thủ tướng)",
    re.IGNORECASE,
)
_GENERIC_BEFORE = re.compile(r"(?:các|những|mọi|từng|một số|nhiều)\s*$", re.IGNORECASE)
_DRAFTED_BEFORE = re.compile(
    r"(?:xây dựng|ban hành|lập|soạn thảo|dự thảo|trình|hoàn thành|hoàn thiện|nghiên cứu)"
    r"(?:\s*(?:,|và)\s*\S+(?:\s+\S+)?)?\s*$",
    re.IGNORECASE,
)
_DESCRIBES = re.compile(r"\b(?:về việc|về|ban hành|phê duyệt|quy định|hướng dẫn)\b",
                        re.IGNORECASE)  # fmt: skip
_WRAP = re.compile(r"\n(?!" + _NEW_LINE + ")", re.MULTILINE)
_CLAUSE_BREAK = re.compile(r";|\.\s|:|\||" + _LINE_BREAK, re.MULTILINE)
_BASED_ON = re.compile(r"(?:^|\n|;)\s*Căn cứ\b[^;\n]*$", re.IGNORECASE)
_IMPLEMENTS = re.compile(
    rf"(?:{IMPLEMENT_VERBS})\s*(?:có hiệu quả\s+|hiệu quả\s+)?$", re.IGNORECASE
)
_LAW_DATE = re.compile(
    r"\s*,?\s*(?:ngày\s*\d{1,2}\s*(?:/|-|\.|tháng)\s*\d{1,2}\s*(?:/|-|\.|năm)\s*(?:19|20)\d{2}"
    r"|năm\s+(?:19|20)\d{2})",
    re.IGNORECASE,
)
_NUMBERED_AFTER = re.compile(r"\s*(?:số\s*:?\s*)?\d", re.IGNORECASE)
_SHORT_NUMBER = re.compile(r"\s*(\d{1,4}[a-z])(?![\w/\-])")
#: A project or programme known by a short number: "Đề án 06", "Chương trình 135".
_NAME_NUMBER = re.compile(r"\s*(\d{2,3})(?![\w/\-.,]\d|[\w/\-])")
_NUMBERED_NAME_CUES = ("Đề án", "Chương trình")
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
_NQ_BODY = re.compile(
    r"(?:Trung ương|TW|TƯ|Đại hội|Hội nghị|của\s+(?:Hội nghị|Ban Chấp hành|Ban Thường vụ|Bộ Chính"
    r" trị|HĐND|Hội đồng nhân dân|Tỉnh ủy|Quốc hội|Đảng bộ)|liên tịch)",
    re.IGNORECASE,
)
_SENTENCE_START = re.compile(r"(?:^|[.:;!?]\s|\n)[\s\-+•*(]*(?:\d+(?:\.\d+)*\.?\s*|[a-zđ]\)\s*)?$")
_MAX_NAME = 260
_SPACES = re.compile(r"\s+")
_LAW_BEFORE_WORDS = ("Luật", "Bộ luật", "Pháp lệnh")
_LAW_BEFORE = re.compile(rf"(?:{'|'.join(_LAW_BEFORE_WORDS)})\s+$")
_LAW_BEFORE_LAST = tuple(w.split()[-1] for w in _LAW_BEFORE_WORDS)
_LAW_NUMBER = re.compile(r"\s*số\s*:?\s*\d")
_THIS = re.compile(r"\bnày\b")
_LAWS = ("Luật", "Bộ luật", "Pháp lệnh")
_LONG_CUES = ("Chương trình mục tiêu quốc gia",)


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
    for m in _CUE_RE.finditer(text):
        if m.start() < law_end:
            continue  # "Luật sửa đổi ... của Luật X và Luật Y": one law
        if _own_attached(text[max(0, m.start() - 60) : m.start()]):
            cue, _ = _cue_type(m.group(0))
            law_end = _name_end(text, m.end(), cue)  # the document's own plan and its name
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
        if SYMBOL_RE.search(before) and _CUE_RE.match(d.group("alias")):
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
    word = m.group(0)
    if word.isupper() and len(word) > 4:
        return None  # a title line in capitals: the document itself
    cue, type_ = _cue_type(word)
    lower = word[0].islower()
    if lower and cue in ("Nghị quyết", "Chỉ thị", "Quy chế", "Luật", "Bộ luật", "Pháp lệnh"):
        return None
    if lower and not _may_own_or_date(text, m.end()):
        return None  # _is_name wants an owner or a period in a lower-case cue's name
    numbered_name = cue in _NUMBERED_NAME_CUES and not lower and _NAME_NUMBER.match(text, m.end())
    if (
        _NUMBERED_AFTER.match(text, m.end())
        and not _SHORT_NUMBER.match(text, m.end())
        and not numbered_name
    ):
        return None  # "Nghị quyết số 22-NQ/TW": a numbered reference
    if m.start() in described:
        return None
    if _in_subject_line(norm.text, m.start()):  # lines as written, not joined
        return None
    before = text[max(0, m.start() - 60) : m.start()]
    if _after_word(before, _LAW_BEFORE, _LAW_BEFORE_LAST, 2):
        return None  # "Luật Quy hoạch": part of a law's name
    if _ends_with(_GENERIC_BEFORE, before, 2) or _ends_with(_DRAFTED_BEFORE, before, 5):
        return None
    if not word[0].islower() and _after_word(before, _AGENCY_BEFORE, _AGENCIES_LAST, 3):
        return None  # "Viện Quy hoạch thành phố": an agency, not a document
    if _drafted_list(text, m.start()):
        return None
    end = _name_end(text, m.end(), cue)
    if type_ == "Luật" and _LAW_NUMBER.match(text[end : end + 12]):
        return None  # "Luật Tài nguyên, môi trường biển và hải đảo số 82/2015/QH13": numbered
    if type_ == "Luật" and _numbered_law_after(text, end):
        return None  # "Luật Khám bệnh, chữa bệnh số 15/2023/QH15": the comma is in the name
    if numbered_name:
        end = numbered_name.end()
    name = text[m.end() : end].strip()
    if not name or (name[0].islower() and _STOP_WORDS.match(" " + name)):
        return None  # "Chiến lược phù hợp với ...": a short form, then a new clause
    sentence_start = bool(_SENTENCE_START.search(text[max(0, m.start() - 12) : m.start()]))
    if not _is_name(cue, name, lower, sentence_start):
        return None
    if type_ == "Luật":
        d = _LAW_DATE.match(text, end)
        if d:
            end = d.end()
    if _THIS.search(text, m.start(), end):
        return None  # "Kế hoạch thực hiện Chương trình hành động này": the document itself
    while end > m.end() and text[end - 1] in " \n\t,;:./":
        end -= 1
    start = m.start()
    a, b = norm.to_original(start, end)
    raw = norm.original[a:b]
    relation = _relation(text, start)
    full = _SPACES.sub(" ", text[start:end]).strip()
    ref = UnnumberedRef(raw=raw, type=type_, name=full, start=a, end=b, relation=relation)
    return _Found(ref, end)


_QUOTED = re.compile(r"\s*[“\"]([^”\"\n]{3,200})[”\"]")
_AMENDING = re.compile(r"\s*sửa đổi", re.IGNORECASE)
_DATED = re.compile(r"\s(?:năm|ngày|số)\s*:?\s*\d")
_AND_NEXT_CUE = re.compile(rf"\s(?:và|cùng|hoặc)\s+(?:{_NEXT_CUE.pattern})")
_OF = re.compile(r"\s(?:của|thuộc)\s")
_CUE_TAIL = re.compile(r"hành động|mục tiêu quốc gia", re.IGNORECASE)
#: The words that introduce what a named programme is about or carries out.
_DESCRIBING = rf"\s(?:về|{IMPLEMENT_VERBS})\s"
_OWNER_DESCRIBES = re.compile(r"[^,;]{0,60}?" + _DESCRIBING)
_PAREN = re.compile(r"\s*\([^()\n]{1,40}\)")
_DATE_OR_DEFINITION = re.compile(r"\d{1,2}/\d{1,2}/\d{4}|sau đây")


def _name_end(text: str, pos: int, cue: str) -> int:
    """Where the name that starts at ``pos`` ends (see the module docstring)."""
    limit = min(len(text), pos + _MAX_NAME)
    short = _SHORT_NUMBER.match(text, pos)
    if short:  # "Nghị quyết 30a"
        return short.end()
    quoted = _QUOTED.match(text[pos:limit])
    if quoted:
        return pos + quoted.end()
    end = limit
    for rx in (_CLAUSE_BREAK, _SENTENCE_END):
        b = rx.search(text, pos, limit)
        if b:
            end = min(end, b.start())
    # a comma ends the name unless the name goes on ("đến năm 2020, tầm nhìn ...")
    at = text.find(",", pos, end)
    while at >= 0:
        if not _COMMA_CONTINUES.match(text, at):
            end = at
            break
        at = text.find(",", at + 1, end)
    amending = cue in _LAWS and _AMENDING.match(text[pos:end])
    if cue in _LAWS and not amending:
        dated = _DATED.search(text[pos:end])
        if dated:
            end = pos + dated.start()
    # "và" / "," before another cue: a new reference
    nxt = (
        None
        if amending
        else _AND_NEXT_CUE.search(text[pos:end])
    )
    if nxt:
        end = pos + nxt.start()
    stop = _STOP_WORDS.search(text, pos, end)
    if stop and stop.start() > pos:
        end = stop.start()
    # "của X" ends a name that already has words of its own (not right after the cue)
    of = _OF.search(text[pos:end])
    if of:
        head = text[pos : pos + of.start()].strip()
        if head and not amending and not _CUE_TAIL.fullmatch(head):
            rest = text[pos + of.end() : end]
            if not _OWNER_DESCRIBES.match(rest):
                end = pos + of.start()
    # "(FTA)", "(Đề án 47)": a parenthesis right after the name belongs to it
    paren = _PAREN.match(text[end : end + 45])
    if paren and not _DATE_OR_DEFINITION.search(paren.group(0)):
        end += paren.end()
    return end


#: ``_OWNER`` after the whitespace that follows a cue.
_OWNER_AFTER = re.compile(r"\s*" + _OWNER.pattern.removeprefix("^"), re.IGNORECASE)
_DIGIT_AFTER = re.compile(r"\s*\d")
#: A name ends at most this far after its cue (``_MAX_NAME`` and a parenthesis).
_NAME_REACH = _MAX_NAME + 45


def _may_own_or_date(text: str, pos: int) -> bool:
    """A necessary test of what ``_is_name`` wants of a lower-case cue's name at ``pos``.

    The name it would read starts with a number or an owner (``_OWNER``), or
    holds a period (``_PERIOD``): all found on the text after ``pos`` as well,
    without finding where the name ends.
    """
    return bool(
        _DIGIT_AFTER.match(text, pos)
        or _OWNER_AFTER.match(text, pos)
        or _PERIOD.search(text, pos, pos + _NAME_REACH)
    )


_TWO_THREE_DIGITS = re.compile(r"\d{2,3}")
_NUMBER_LETTER = re.compile(r"\d{1,4}[a-z]")
_OWNED = re.compile(r"(?:hành động\s+)?của\s+(.*)", re.IGNORECASE)
_GENERIC_OWNER = re.compile(r"(?:các|những)\b")
_DESCRIBED_AS = re.compile(_DESCRIBING)
_ABOUT = re.compile(r"về\s")


def _is_name(cue: str, name: str, lower: bool, sentence_start: bool) -> bool:
    """Whether ``name`` (after ``cue``) names a document.

    A capitalised cue inside a sentence is a proper name ("thực hiện Chiến lược
    biển Việt Nam"); at the start of a sentence capitals say nothing, so the
    name needs its own capital, an owner or a period, as a lower-case cue does.
    """
    words = name.split()
    if cue in _NUMBERED_NAME_CUES and _TWO_THREE_DIGITS.fullmatch(name):
        return True  # "Đề án 06"
    if len(words) < 2 and not _NUMBER_LETTER.fullmatch(name):
        return False
    if (
        _NOT_A_NAME.match(name)
        and cue not in _LONG_CUES
        and not (cue == "Đề án" and _PROJECT_VERB.match(name))
    ):
        return False
    owner = _OWNED.match(name)
    if owner and (_GENERIC_OWNER.match(owner.group(1)) or not _DESCRIBED_AS.search(name)):
        return False  # "Kế hoạch của các sở", "Chương trình hành động của Chính phủ": generic
    if cue == "Nghị quyết":
        return bool(_NQ_BODY.match(name) or _NUMBER_LETTER.fullmatch(name))
    if cue == "Chỉ thị":
        return bool(_ABOUT.match(name))
    if lower:
        return bool(_OWNER.match(name) or _PERIOD.search(name))
    first = words[0].lstrip('“"(')
    if cue in ("Luật", "Bộ luật", "Pháp lệnh"):
        return first[:1].isupper() or first.lower() in ("sửa", "hợp")
    if first[:1].isupper() or first[:1].isdigit() or cue in _LONG_CUES or not sentence_start:
        return True
    return bool(_OWNER.match(name) or _PERIOD.search(name))


_LAW_NUMBER_AFTER = re.compile(r"[^;.()\n]{0,60}?\s(?:số\s*:?\s*)\d{1,4}/\d{4}/(?:UBTV)?QH")


def _numbered_law_after(text: str, end: int) -> bool:
    """A law number follows the cut name in the same clause, with no other cue between."""
    rest = _LAW_NUMBER_AFTER.match(text[end : end + 90])
    return bool(rest and not _CUE_RE.search(rest.group()))


_LIST_GOES_ON = re.compile(r"\s(?:và|cùng)\s*$|,\s*$")


def _drafted_list(text: str, start: int) -> bool:
    """The cue continues a list whose first item is still to be drafted.

    "Hoàn thành việc lập Quy hoạch tỉnh ... và quy hoạch sử dụng đất cấp huyện":
    "lập" governs both.
    """
    window = text[max(0, start - 300) : start]
    if not window.rstrip().endswith((",", "và", "cùng")):
        return False  # what _LIST_GOES_ON needs at the end of the clause, a suffix of window
    clause = _CLAUSE_BREAK.split(window)[-1]
    if not _ends_with(_LIST_GOES_ON, clause, 1):
        return False
    first = _CUE_RE.search(clause)
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
    rf"(?<=\s)(?:(?:{IMPLEMENT_VERBS})\s+|và\s+)(?=(?:{_NEXT_CUE.pattern})\s+[^\W\d])"
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
        brk = _CLAUSE_BREAK.search(text, sym_end, sym_end + 400)
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
