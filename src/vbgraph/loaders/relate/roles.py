"""The role grammar: which role the words around a list of agencies give it.

Folded text (:func:`vbgraph.loaders.text.fold.fold_same_length`) is read, so cues match
without regard to case or diacritics; the cue words are vocabulary (``vocab/cues.toml``).

* mentions joined by ``,`` ``;`` ``và`` ``cùng`` (and titles or fillers such as ``các``,
  ``liên quan``) form one *list* that shares a role;
* the cue just before a list decides its role: ``phối hợp (chặt chẽ) (với)`` ->
  coordinate; ``Đề nghị`` -> requested; ``Giao`` / ``yêu cầu`` -> lead; ``(qua`` /
  ``(thông qua`` / ``gửi ... tổng hợp`` -> report_hub; a list that opens a clause is its
  subject -> lead;
* the words after it can change that: ``X chủ trì`` -> lead, ``X phối hợp ...`` ->
  coordinate, ``X được đầu tư`` -> no role (passive), ``X - Cơ quan thường trực`` ->
  monitor, ``X theo dõi, đôn đốc việc thực hiện Kế hoạch`` -> monitor.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from vbgraph.fast_init import fast_init
from vbgraph.loaders.models import Agency, AgencyMention
from vbgraph.loaders.text.patterns import Pattern
from vbgraph.loaders.vocab.cues import (
    CARRY_OUT_FOLDED,
    CHECK_VERBS_FOLDED,
    COORDINATE_ADVERBS_FOLDED,
    FIELD_LABELS_FOLDED,
    FRONTED_ADVERB_FOLDED,
    FUNCTION_ADVERB_FOLDED,
    LIST_FILLERS_FOLDED,
    MONITOR_ADVISING_FOLDED,
    MONITOR_CHAIN_VERBS_FOLDED,
    MONITOR_LEAD_INS_FOLDED,
    MONITOR_OBJECTS_FOLDED,
    MONITOR_STARTS,
    MONITOR_VERBS_FOLDED,
    MONITORED_FOLDED,
    OBLIGED_VERBS_FOLDED,
    POWER_VERBS_FOLDED,
    SPEAKER_VERBS_FOLDED,
    TITLES_FOLDED,
)

_TITLES = f"(?:{TITLES_FOLDED})"
_GAP = re.compile(
    rf"^(?:[\s,;&/\-–]|\b(?:va|hoac|cung|voi|{LIST_FILLERS_FOLDED}|{TITLES_FOLDED})\b)*$"
)
_GAP_LINK = re.compile(r"[,;&]|\b(?:va|hoac|cung)\b")
#: A collective's members after a colon on the same line: "các tổ chức hội: Hội Nông dân"
#: (the collective's last words may be outside its name).
_ENUMERATED = re.compile(r"[ \t]*(?:\w+[ \t]*){0,2}:[ \t]*\Z")

#: A lead cue, after the text's start or a character that is no letter.
_LEAD_CUE = (
    # "chuyển giao / bàn giao cho X" hands something over to X, no task
    r"(?:(?<!chuyen )(?<!ban )giao(?:\s+cho)?|yeu\s+cau(?:\s+cac)?|phan\s+cong"
    # a field of a task: "- Đơn vị chủ trì: Vụ X", "Cơ quan thực hiện: Sở Y"
    rf"|(?:{FIELD_LABELS_FOLDED['lead']})[\s*_]*:)[\s*_]*:?[\s*_]*"
    rf"(?:\b{_TITLES}\s+)*$"
)
#: The cue after a character that is no letter: opening on a set, the search skips to such
#: characters rather than trying ``(?:^|[^a-z])`` at every place.
_AFTER_NON_LETTER = re.compile(rf"[^a-z]{_LEAD_CUE}")


def _lead_cue_starts(text: str, pos: int, end: int) -> Iterator[int]:
    """Where "before lead" can match, in order: the text's start, then each place the cue
    follows a character that is no letter (found one at a time: a search stops at the
    first)."""
    if pos == 0 < end:  # (a cue has words: none in an empty text)
        yield 0
    at = max(pos, 1)
    while (m := _AFTER_NON_LETTER.search(text, at, end)) is not None:
        yield m.start()
        at = m.start() + 1


#: The cues before a list, tried in this order, each with a prefilter: words one of which
#: any match holds (a substring test spares most searches, which try every position of the
#: window), or where a match can start.
_ROLE_CUES: tuple[tuple[str, Pattern], ...] = (
    (
        "coordinate",
        Pattern(
            "before coordinate",
            rf"(?:phoi\s*hop(?:\s+(?:{COORDINATE_ADVERBS_FOLDED}))*(?:[^.;:\n]{{0,30}}?\bvoi)?"
            # a field's label, italic on a portal's page: "*Đơn vị phối hợp thực hiện: *Sở"
            rf"|(?:{FIELD_LABELS_FOLDED['coordinate']})(?=[\s*_]*:))"
            rf"(?:[\s*_]*[,:])?[\s*_]*(?:\b{_TITLES}\s+)*$",
            contains=("hop",),
        ),
    ),
    (
        "requested",
        Pattern(
            "before requested",
            rf"\bde\s*nghi\s*:?\s*(?:\b{_TITLES}\s+)*$",
            contains=("nghi",),
        ),
    ),
    (
        "lead",
        Pattern(
            "before lead",
            rf"(?:^|[^a-z]){_LEAD_CUE}",
            candidates=lambda text, pos, end: _lead_cue_starts(text, pos, end),
        ),
    ),
)
_BEFORE_REPORT = Pattern(
    "before report",
    rf"(?:\(\s*(?:thong\s+)?qua|\bgui\s*(?:ve|den|cho)?|\bve"
    # "phản ánh kịp thời về Bộ ...": difficulties are sent to it
    r"|(?P<submit>\bphan\s+anh(?:\s+kip\s+thoi)?(?:\s+(?:ve|den|voi))?)"
    # "báo cáo Chính phủ", "báo cáo kết quả thực hiện về Bộ Y tế"
    # "báo cáo đề xuất Chủ tịch UBND tỉnh", "báo cáo và kiến nghị Chính phủ": the proposal too
    r"|\bbao\s*cao(?:\s+(?:ket\s+qua|tinh\s+hinh)[^.;:\n]{0,40}?)?"
    r"(?:\s*,?\s*(?:va\s+)?(?:de\s+xuat|kien\s+nghi))?(?:\s+(?:ve|den|len|cho))?)"
    rf"\s*(?:\b{_TITLES}\s+)*$",
    # (each branch opens on one: the search skips to them, not trying every place)
    starts=("(", "gui", "ve", "phan", "bao"),
)
#: "báo cáo", also wrapped over a line ("tổng hợp, báo\ncáo Bộ Khoa học và Công nghệ").
_REPORT_WORD = re.compile(r"\bbao\s+cao\b")
#: "gửi X (trước ngày 15 tháng cuối quý) để tổng hợp": what is sent to X, X collects it.
_AFTER_REPORT = re.compile(
    r"^[\s)]*(?:truoc\s+ngay\b[^.;:,]{0,40}?\s+)?(?:de\s+)?(?:tong\s*hop|bao\s*cao|theo doi)"
)
AFTER_LEAD = re.compile(r"^[\s,]*(?:la\s+co\s+quan\s+|lam\s+)?chu\s*tri")
#: "Sở X phối hợp tham mưu ...": a subject whose verb is "phối hợp" coordinates.
_AFTER_COORDINATE = re.compile(r"^[\s,]*(?:cung\s+)?phoi\s*hop\b")
_WITH = re.compile(r"[^,.;:\n]{0,30}?\bvoi\b")
#: Partners named right after "phối hợp" without "với" ("Các tỉnh uỷ, thành uỷ phối hợp Bộ Y
#: tế, Bộ Giáo dục và Đào tạo ..."): a capitalised name or "các", on the original text.
_NAMED_PARTNER = re.compile(r"[ \t\n]+(?:chặt[ \t\n]+chẽ[ \t\n]+)?(?:các[ \t\n]|[A-ZĐ])")
#: "theo chức năng, nhiệm vụ được giao," after a list: what stands between it and its verb.
_SUBJECT_ADVERB = re.compile(rf"[\s,]*(?:{FUNCTION_ADVERB_FOLDED})[\s,]*")
#: ... when a verb follows it, not "và quy định của pháp luật" (a list ending a clause).
_VERB_AFTER_ADVERB = re.compile(r"(?!va\b|cua\b|de\b|[.;:(]|$)\w")
_AFTER_MONITOR = re.compile(r"^[\s,:–\-(]*(?:la\s+|lam\s+)?co\s+quan\s+thuong\s+truc")
#: A subject of a passive clause ("Trung tâm Hội nghị tỉnh được đầu tư nâng cấp") is
#: what is acted on, not who acts; "được giao / được phân công" still assigns.
_AFTER_PASSIVE = re.compile(
    r"^\s*(?:da\s+|se\s+|tiep\s+tuc\s+)?duoc\s+(?!giao|phan\s+cong)"
    # what a body has done, told ("Thủ tướng Chính phủ đã tập trung lãnh đạo, chỉ đạo")
    r"|^\s*(?:cung\s+)?da\s+(?!duoc\s+(?:giao|phan\s+cong))"
)
#: A list whose clause ends right after it ("... thuộc thẩm quyền cấp của Bộ: Cục Địa chất
#: và Khoáng sản Việt Nam, Bộ Công Thương;"): it is named, no verb says what it does.
_NO_PREDICATE = re.compile(r"[ \t]*(?:\([^()\n]{0,80}\)[ \t]*)?[;.](?:[ \t]*\n|[ \t]*$)")
#: Words before a colon that make what follows it who leads or joins ("Đơn vị chủ trì tham
#: mưu thực hiện: Sở Khoa học và Công nghệ.").
_GIVES_ROLE = re.compile(r"\b(?:chu\s*tri|phoi\s*hop|thuc\s+hien|giao|trach\s+nhiem|phu\s+trach)\b")
#: A subject whose verb decides or approves: a power allocated, not a task.
#: (its name may go on for a word or two the list did not take: "Ủy ban nhân dân\nthành phố")
_POWER = re.compile(
    rf"^(?:\s+(?!(?:{POWER_VERBS_FOLDED})\b)[a-z]+){{0,2}}"
    # ... or whose bodies it is: "Sở, ban, ngành, đơn vị thuộc Ủy ban nhân dân tỉnh\nquyết định"
    rf"(?:\s+thuoc(?:\s+[a-z]+){{1,6}}?)?\s*(?:{POWER_VERBS_FOLDED})\b"
)
#: A subject speaking in the issuer's voice ("... kết luận như sau:", "... ghi nhận"), past
#: a name's last words or a title after it ("Thủ tướng Chính phủ, Trưởng Ban chỉ đạo").
_SPEAKS = re.compile(rf"^(?:[\s,]+[a-z]+){{0,5}}?[\s,]+(?:{SPEAKER_VERBS_FOLDED})\b")
#: A subject whose verb is "theo dõi, đôn đốc": it monitors, it does not lead a task.
#: (an obligation may come first: "Giao Thường trực Hội đồng nhân dân tỉnh ... chịu trách
#: nhiệm giám sát việc thực hiện Nghị quyết")
_AFTER_MONITOR_VERB = re.compile(
    rf"^\s*(?:(?:co|chiu)\s+trach\s+nhiem\s+|tiep\s+tuc\s+)?(?:truc\s+tiep\s+)?"
    rf"(?:chi\s+dao\s*,?\s*)?"
    rf"(?P<verb>{MONITOR_VERBS_FOLDED})\b"
)
#: A predicate whose verb is following, urging or supervising, after a few opening words
#: ("Thường xuyên lãnh đạo, chỉ đạo kiểm tra, giám sát, theo dõi, đôn đốc"), not on the way
#: to enforcing ("giám sát, xử lý vi phạm"): the function given is monitoring.
MONITOR_PREDICATE = re.compile(
    rf"[\s,:;.\-–+*]*(?:(?:{MONITOR_LEAD_INS_FOLDED}|{MONITOR_ADVISING_FOLDED})\b[\s,]*"
    rf"(?:va\s+)?){{0,4}}"
    rf"(?:{MONITOR_VERBS_FOLDED})\b(?![^.;\n]{{0,40}}?\bxu\s+ly\b)"
)
#: Checking how the document itself is carried out, whatever its kind (a plan, a
#: decision, a ministry's circular: "hướng dẫn, theo dõi, kiểm tra việc thực hiện Thông tư này").
MONITOR = Pattern(
    "monitor",
    rf"(?:{MONITOR_VERBS_FOLDED}|{CHECK_VERBS_FOLDED})[^.;]{{0,80}}?"
    rf"(?:{CARRY_OUT_FOLDED})[^.;]{{0,20}}?(?:{MONITORED_FOLDED})"
    # "theo dõi, đôn đốc, kiểm tra việc thực hiện." with the plan understood
    rf"|(?:{MONITOR_VERBS_FOLDED})[^.;]{{0,40}}?viec\s+thuc\s+hien\s*(?=[.;]|$)",
    starts=MONITOR_STARTS,
)
#: A clause of its own whose verbs follow and urge who or what carries something out ("...;
#: theo dõi, tổng hợp tình hình thực hiện các nhiệm vụ", "...; hướng dẫn, đôn đốc, kiểm tra
#: tiến độ thực hiện các chỉ tiêu"): its subject monitors.  From the first following verb;
#: :func:`monitor_clauses` checks what stands before it in its clause.
_MONITOR_CLAUSE = Pattern(
    "monitor clause",
    rf"(?:{MONITOR_VERBS_FOLDED})\b"
    rf"(?:[\s,]+(?:va\s+)?(?:{MONITOR_VERBS_FOLDED}|{MONITOR_CHAIN_VERBS_FOLDED})\b)*"
    rf"\s+(?:{MONITOR_OBJECTS_FOLDED})\b(?![^.;\n]{{0,40}}?\bxu\s+ly\b)",
    starts=tuple({w.split()[0] for w in MONITOR_STARTS if w != "kiem"}),
)
#: What may stand between a clause's start (";", ".", ":") and those verbs: the function it
#: acts by, lead-ins ("phối hợp", "hướng dẫn, kiểm tra,") and advising the committee
#: ("Tham mưu UBND tỉnh").
_MONITOR_CLAUSE_OPENING = re.compile(
    # "Căn cứ theo chức năng, nhiệm vụ có trách nhiệm chỉ đạo kiểm tra, giám sát, ..."
    rf"\s*(?:(?:{FUNCTION_ADVERB_FOLDED})[\s,]*)?"
    rf"(?:(?:{MONITOR_LEAD_INS_FOLDED}|{MONITOR_ADVISING_FOLDED})\b[\s,]*(?:va\s+)?)*"
)


#: A word of a name the partners' list did not take, up to the verb ("về hạ tầng").
_NAME_WORD = re.compile(r"[ \t\n]+[a-z]+\b")


def monitoring_at(folded: str, at: int, b: int) -> re.Match[str] | None:
    """A predicate of following and urging at ``at``, or past the few words that end the
    partners' names before it ("... chuyên ngành về hạ tầng theo dõi, hướng dẫn")."""
    m = MONITOR_PREDICATE.match(folded, at, b)
    if m is not None or at == b:
        return m
    for word in list(_NAME_WORD.finditer(folded, at, b))[:4]:
        if word.start() != at:
            return None
        at = word.end()
        m = MONITOR_PREDICATE.match(folded, at, b)
        if m is not None:
            return m
    return None


def monitor_clauses(folded: str, a: int, b: int) -> Iterator[re.Match[str]]:
    """The monitoring clauses of ``folded[a:b]`` that open a clause after ";", "." or ":"
    (an item's own opening is its holder's, see ``MONITOR_PREDICATE``)."""
    for m in _MONITOR_CLAUSE.finditer(folded, a, b):
        stop = max(folded.rfind(";", a, m.start()), folded.rfind(".", a, m.start()),
                   folded.rfind(":", a, m.start()))
        if stop >= 0 and _MONITOR_CLAUSE_OPENING.fullmatch(folded, stop + 1, m.start()):
            yield m


#: "do" (by) before a list: the agent of a clause describing something ("các hội nghị do
#: Bộ Công Thương chủ trì", "văn bản do Ủy ban bầu cử xã ban hành"), not a task given.
_BY = re.compile(r"(?:^|[^a-z])do\s+\Z")
_TITLE_ONLY = re.compile(r"^(?:\s|\b" + _TITLES + r"\b)*$")
_CLAUSE_PREFIX = re.compile(
    r"^(?:\s|[-–+•*:)]|\b(?:ve [^:]{0,80}:|" + _TITLES + r"|ubnd tinh|uy ban nhan dan tinh)\b)*$"
)
_SENTENCE_STOP = re.compile(r"[.;]")
#: An adverbial opening the clause, up to the comma before the list (titles after it).
_FRONTED = re.compile(rf"\b{FRONTED_ADVERB_FOLDED}(?:\s|\b{_TITLES}\b)*\Z")
#: A verb of obligation right after the list: "... có trách nhiệm", "... có văn bản".
#: (the words saying which ones may come between: "cơ quan, tổ chức, đơn vị trực tiếp quản lý
#: người ứng cử có trách nhiệm")
_OBLIGED = re.compile(rf"(?:\s+[^\W\d_]+){{0,8}}?\s*(?:{OBLIGED_VERBS_FOLDED})\b")
_CLAUSE_STOP = re.compile(r"[.;:!?]\s|\n(?=\S)")
#: What may end a partner's name that the list did not take, before the next partner: a
#: few words, then "," or "và" ("các chủ đầu tư hạ tầng cụm công nghiệp, ").
_NAME_TAIL = re.compile(r"(?:[ \t]+[^\W\d]+){1,6}[ \t]*(?:,|\bva\b|,[ \t]*va\b)[ \t]*")
GIVEN_TO = re.compile(r"\bgiao\s*(?:cho\s*)?$")
_GIVEN_TO_START = re.compile(r"^giao(?:\s+cho)?\b\s*")


@fast_init
@dataclass(frozen=True, slots=True)
class AgencyList:
    """Agencies named together, sharing one role."""

    mentions: tuple[AgencyMention, ...]

    @property
    def start(self) -> int:
        return self.mentions[0].start

    @property
    def end(self) -> int:
        return self.mentions[-1].end

    @property
    def agencies(self) -> tuple[Agency, ...]:
        seen: dict[str, Agency] = {}
        for m in self.mentions:
            seen.setdefault(m.agency.key, m.agency)
        return tuple(seen.values())


@fast_init
@dataclass(frozen=True, slots=True)
class Verdict:
    """What a list is given: ``role`` from ``cue_start`` to ``span_end`` (None: no role),
    ``monitor``: it monitors too (or only, without a role), ``subject``: it becomes the
    subject later monitoring clauses name."""

    role: str | None
    cue_start: int = -1
    span_end: int = -1
    monitor: bool = False
    subject: bool = False


class RoleReader:
    """Reads roles in one document's text (``text``) and its folded form (``folded``)."""

    def __init__(self, text: str, folded: str) -> None:
        self.text, self.folded = text, folded

    def lists(self, mentions: list[AgencyMention]) -> list[AgencyList]:
        """The mentions grouped into lists (in text order)."""
        lists: list[list[AgencyMention]] = []
        for m in mentions:
            if lists:
                prev = lists[-1][-1]
                gap = self.folded[prev.end : m.start]
                if len(gap) <= 40 and _GAP.match(gap) and _GAP_LINK.search(gap):
                    lists[-1].append(m)
                    continue
                if prev.agency.collective and _ENUMERATED.match(gap):
                    lists[-1].append(m)  # "các tổ chức hội: Hội Nông dân, Hội ...": its members
                    continue
            lists.append([m])
        return [AgencyList(tuple(ms)) for ms in lists]

    def judge(self, lst: AgencyList, a: int, b: int) -> Verdict:
        """The role of ``lst`` in the segment ``[a, b)``: the cue before, the verb after."""
        if _BY.search(self.folded, max(a, lst.start - 8), lst.start):
            return Verdict(None)  # "các hội nghị do Bộ Công Thương chủ trì": who did it
        role, cue_start = self._role(lst, a)
        at = lst.end  # where the words after the list start: its verb, past an adverbial
        adverb = _SUBJECT_ADVERB.match(self.folded, at, b)
        if adverb is not None and _VERB_AFTER_ADVERB.match(self.folded, adverb.end(), b):
            at = adverb.end()
            if role is None:  # "các Bộ ... theo chức năng, nhiệm vụ chủ trì": its subject
                role, cue_start = "lead", lst.start
        after = self.folded[at : min(b, at + 60)]
        m_lead = AFTER_LEAD.match(after)
        if role is None and m_lead:
            role, cue_start = "lead", lst.start
        if role is None:
            return Verdict(None, monitor=bool(_AFTER_MONITOR.match(after)))
        if role == "lead" and cue_start == lst.start and (
            _AFTER_PASSIVE.match(after) or self._named_only(lst, a, b) or _POWER.match(after)
            or _SPEAKS.match(after)
        ):
            return Verdict(None)  # acted on, only named, or given a power ("X quyết định ...")
        m_coord = _AFTER_COORDINATE.match(after)
        if (role == "lead" and m_coord and not _WITH.match(after, m_coord.end())
                and not _NAMED_PARTNER.match(self.text, at + m_coord.end(), b)):
            # "phối hợp (chặt chẽ) với Y ..." or "phối hợp Bộ Y tế, ...": X acts, Y helps;
            # "X phối hợp tổ chức ...": X joins
            role = "coordinate"
        m_monitor = _AFTER_MONITOR_VERB.match(after) if role == "lead" else None
        if m_monitor and MONITOR.match(self.folded, at + m_monitor.start("verb"), b):
            return Verdict(None, monitor=True, subject=True)
        span_end = at + m_lead.end() if role == "lead" and m_lead else lst.end
        monitor = bool(_AFTER_MONITOR.match(after)) or (
            role == "lead" and MONITOR_PREDICATE.match(self.folded, at, b) is not None
        )
        return Verdict(role, cue_start, span_end, monitor)

    def continues(self, prev: AgencyList, lst: AgencyList) -> bool:
        """Whether ``lst`` goes on the list ``prev`` past words that end ``prev``'s last name
        ("phối hợp với các chủ đầu tư hạ tầng cụm công nghiệp, Ủy ban nhân dân các xã, phường
        và các đơn vị liên quan"): the same role."""
        return _NAME_TAIL.fullmatch(self.folded, prev.end, lst.start) is not None

    def _named_only(self, lst: AgencyList, a: int, b: int) -> bool:
        """Whether ``lst`` only names bodies as the value of a clause ("... thuộc thẩm quyền
        cấp của Bộ: Cục Địa chất và Khoáng sản Việt Nam, Bộ Công Thương;"): after a colon
        whose words give no role, and with no verb after it before the clause ends."""
        if _NO_PREDICATE.match(self.folded, lst.end, b) is None:
            return False
        line = max(a, self.folded.rfind("\n", a, lst.start) + 1)
        colon = self.folded.rfind(":", line, lst.start)
        if colon < 0 or self.folded[colon + 1 : lst.start].strip(" \t\n-"):
            return False
        label = self.folded[max(a, colon - 120) : colon]
        return _GIVES_ROLE.search(label) is None

    def opens(self, body: int, lst: AgencyList) -> bool:
        """Whether ``lst`` opens the item whose text starts at ``body`` (titles aside, and
        the verb that gives it the item: "1. Giao Sở X là cơ quan đầu mối ...; tổ chức thực
        hiện các nhiệm vụ sau:" heads the items under it as "1. Sở X" would)."""
        lead_in = self.folded[body : lst.start].strip(" \t\n-:")
        lead_in = _GIVEN_TO_START.sub("", lead_in)
        return not lead_in or bool(_TITLE_ONLY.match(lead_in))

    def _role(self, lst: AgencyList, floor: int) -> tuple[str | None, int]:
        """The role the words before ``lst`` give it, and where that cue starts."""
        window_start = max(floor, lst.start - 120)
        before = self.folded[window_start : lst.start]
        for role, pattern in _ROLE_CUES:
            m = pattern.search(before)
            if m:
                return role, window_start + m.start()
        m = _BEFORE_REPORT.search(before)
        if m:
            after = self.folded[lst.end : lst.end + 90]
            clause = _SENTENCE_STOP.split(before)[-1]
            paren = "(" in m.group(0) or m.group("submit") is not None
            if paren or _AFTER_REPORT.match(after) or _REPORT_WORD.search(clause):
                return "report_hub", window_start + m.start()
        # a clause subject: nothing but a marker, a title or "Về ...:" since the clause began
        clause_text = _CLAUSE_STOP.split(before)
        tail = before[len(before) - len(clause_text[-1]) :] if clause_text else before
        boundary_ok = self._clause_boundary(window_start + len(before) - len(tail), floor)
        if boundary_ok and _CLAUSE_PREFIX.match(tail):
            return "lead", lst.start
        # "Trường hợp ..., cơ sở KCB có trách nhiệm ...": an adverbial, then the subject
        if _OBLIGED.match(self.folded, lst.end):
            wide_start = max(floor, lst.start - 280)
            wide = self.folded[wide_start : lst.start]
            clause = wide[len(wide) - len(_CLAUSE_STOP.split(wide)[-1]) :]
            fronted = _FRONTED.search(clause)
            if (fronted and _CLAUSE_PREFIX.match(clause, 0, fronted.start())
                    and self._clause_boundary(lst.start - len(clause), floor)):  # fmt: skip
                return "lead", lst.start
        return None, lst.start

    def _clause_boundary(self, pos: int, floor: int) -> bool:
        """Whether ``pos`` opens a clause: segment start, after . ; : or a finished line."""
        if pos <= floor:
            return True
        k = pos - 1
        while k > floor and self.text[k] in " \t":
            k -= 1
        ch = self.text[k]
        if ch in ".;:!?":
            return True
        if ch == "\n":
            j = k - 1
            while j > floor and self.text[j] in " \t":
                j -= 1
            return j <= floor or self.text[j] in ".;:!?"
        return False

