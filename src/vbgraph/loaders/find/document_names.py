"""The name of a document written without its number: where it ends, whether it is one.

After a cue word (``Chiến lược``, ``Nghị quyết``, ``Luật`` ...; ``vocab/documents.toml``)
the name is read up to the first boundary: ``;``, ``:``, the end of a sentence, a ``,``
that does not continue the name with ``tầm nhìn``/``định hướng``/``bổ sung``, ``và`` or
``,`` before another cue, ``của`` once the name has words of its own, a verb that starts a
new clause; for laws, the date (``ngày 19/6/2015``) or year that follows.  A wrapped line
does not end a name; a line that starts a new item, a heading or a cue does.
"""

from __future__ import annotations

import re

from vbgraph.loaders.text.patterns import Pattern, initial_alternation
from vbgraph.loaders.vocab.cues import IMPLEMENT_VERBS, STATEMENT_OPENERS
from vbgraph.loaders.vocab.documents import NAMED_WORDS

_CUE_ALT = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w, _ in NAMED_WORDS)

#: A cue, case-insensitive, not inside a word: opens with the set of its first
#: letters, so a scan skips to the next one in C.
CUE_RE = re.compile(initial_alternation((c for c, _ in NAMED_WORDS), r"(?<![\w/].)") + r"(?!\w)")

#: A following cue that starts a reference of its own ("... và Chiến lược ...").
NEXT_CUE = re.compile(rf"(?:{_CUE_ALT})(?!\w)")

#: Words that end a name: a new clause or a role phrase.
STOP_WORDS = re.compile(
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
NEW_LINE = (  # one line's look-ahead, never across lines (linear on blank text)
    r"[ \t]*(?:\n|[-+•|*]|\d+(?:\.\d+)*[.)]\s|[a-zđ]\)\s|[IVX]+\.\s"
    rf"|{STATEMENT_OPENERS}|Điều\s+\d|[A-ZĐÀ-Ỹ][A-ZĐÀ-Ỹ \t]{{11,}}$"
    r"|[^\W\d][^\W\d ]*(?: [^\W\d][^\W\d ]*){0,4},\s*ngày\s*\d)"  # "An Giang, ngày 12 ..."
)

_LINE_BREAK = r"\n(?=" + NEW_LINE + ")"

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

CLAUSE_BREAK = re.compile(r";|\.\s|:|\||" + _LINE_BREAK, re.MULTILINE)

LAW_DATE = re.compile(
    r"\s*,?\s*(?:ngày\s*\d{1,2}\s*(?:/|-|\.|tháng)\s*\d{1,2}\s*(?:/|-|\.|năm)\s*(?:19|20)\d{2}"
    r"|năm\s+(?:19|20)\d{2})",
    re.IGNORECASE,
)

SHORT_NUMBER = re.compile(r"\s*(\d{1,4}[a-z])(?![\w/\-])")

NUMBERED_NAME_CUES = ("Đề án", "Chương trình")

_NQ_BODY = re.compile(
    r"(?:Trung ương|TW|TƯ|Đại hội|Hội nghị|của\s+(?:Hội nghị|Ban Chấp hành|Ban Thường vụ|Bộ Chính"
    r" trị|HĐND|Hội đồng nhân dân|Tỉnh ủy|Quốc hội|Đảng bộ)|liên tịch)",
    re.IGNORECASE,
)

_MAX_NAME = 260

_LAWS = ("Luật", "Bộ luật", "Pháp lệnh")

_LONG_CUES = ("Chương trình mục tiêu quốc gia",)

_QUOTED = re.compile(r"\s*[“\"]([^”\"\n]{3,200})[”\"]")

_AMENDING = re.compile(r"\s*sửa đổi", re.IGNORECASE)

_DATED = re.compile(r"\s(?:năm|ngày|số)\s*:?\s*\d")

_AND_NEXT_CUE = re.compile(rf"\s(?:và|cùng|hoặc)\s+(?:{NEXT_CUE.pattern})")

_OF = re.compile(r"\s(?:của|thuộc)\s")

_CUE_TAIL = re.compile(r"hành động|mục tiêu quốc gia", re.IGNORECASE)

#: The words that introduce what a named programme is about or carries out.
_DESCRIBING = rf"\s(?:về|{IMPLEMENT_VERBS})\s"

_OWNER_DESCRIBES = re.compile(r"[^,;]{0,60}?" + _DESCRIBING)

_PAREN = re.compile(r"\s*\([^()\n]{1,40}\)")

_DATE_OR_DEFINITION = re.compile(r"\d{1,2}/\d{1,2}/\d{4}|sau đây")

def name_end(text: str, pos: int, cue: str) -> int:
    """Where the name that starts at ``pos`` ends (see the module docstring)."""
    limit = min(len(text), pos + _MAX_NAME)
    short = SHORT_NUMBER.match(text, pos)
    if short:  # "Nghị quyết 30a"
        return short.end()
    quoted = _QUOTED.match(text[pos:limit])
    if quoted:
        return pos + quoted.end()
    end = limit
    for rx in (CLAUSE_BREAK, _SENTENCE_END):
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
    stop = STOP_WORDS.search(text, pos, end)
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

def may_own_or_date(text: str, pos: int) -> bool:
    """A necessary test of what ``is_name`` wants of a lower-case cue's name at ``pos``.

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

def is_name(cue: str, name: str, lower: bool, sentence_start: bool) -> bool:
    """Whether ``name`` (after ``cue``) names a document.

    A capitalised cue inside a sentence is a proper name ("thực hiện Chiến lược
    biển Việt Nam"); at the start of a sentence capitals say nothing, so the
    name needs its own capital, an owner or a period, as a lower-case cue does.
    """
    words = name.split()
    if cue in NUMBERED_NAME_CUES and _TWO_THREE_DIGITS.fullmatch(name):
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

def numbered_law_after(text: str, end: int) -> bool:
    """A law number follows the cut name in the same clause, with no other cue between."""
    rest = _LAW_NUMBER_AFTER.match(text[end : end + 90])
    return bool(rest and not CUE_RE.search(rest.group()))

