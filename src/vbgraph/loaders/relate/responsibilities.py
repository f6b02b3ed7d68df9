"""Who must do what: agencies, their roles, tasks and deadlines.

``extract_responsibilities(norm, subject)`` reads the normalised text of one
document and returns its :class:`~vbgraph.models.Assignment` and
:class:`~vbgraph.models.Task` objects (spans into the *original* text).

How roles are read (``gold/README.md`` defines them):

* agency mentions come from the gazetteer (:mod:`vbgraph.loaders.find.agencies.matcher`);
  mentions joined by ``,`` ``;`` ``và`` ``cùng`` form one *list* that shares a role;
* the cue just before a list decides its role: ``phối hợp (chặt chẽ) (với)``
  -> coordinate; ``Đề nghị`` -> requested; ``Giao`` / ``yêu cầu`` -> lead;
  ``(qua`` / ``(thông qua`` / ``gửi ... tổng hợp`` -> report_hub;
* a list that opens an item or a clause is the clause's subject -> lead, and an
  item that opens with a list (``3. Sở Ngoại vụ``) hands it to its sub-items;
* ``X chủ trì`` -> lead; ``X - Cơ quan thường trực`` -> monitor; ``theo dõi,
  đôn đốc ... thực hiện Kế hoạch`` -> monitor for the current subject;
* appendix tables (:mod:`vbgraph.loaders.find.tables`): the lead / coordinate
  columns, plus the same cues inside the task text.

Recipients lists (``Nơi nhận``) and execution clauses (``chịu trách nhiệm thi
hành``) are skipped: they name agencies without assigning them anything.
"""

from __future__ import annotations

import re
from dataclasses import replace

from vbgraph.loaders.find.agencies.fields import field_mentions
from vbgraph.loaders.find.agencies.matcher import find_mentions
from vbgraph.loaders.find.agencies.names import issuing_ministry, open_mentions
from vbgraph.loaders.find.deadlines import field_deadline, find_deadline
from vbgraph.loaders.find.structure import (
    appendix_headings,
    distribution_lists,
    excluded_spans,
    parse_items,
)
from vbgraph.loaders.find.tables import find_tables
from vbgraph.loaders.models import Agency, Deadline, Item, Table
from vbgraph.loaders.relate.heading_names import heading_names
from vbgraph.loaders.relate.issuer_names import COMMITTEE_ISSUER, assigns_committee, issuer_names
from vbgraph.loaders.relate.item_cues import (
    AIMS,
    ANNOUNCING,
    DIFFICULTIES,
    GIVES_ROLES,
    HEADING_COLON,
    HEADING_CUE,
    INSPECTS,
    LABEL,
    MEMBERS_OF,
    ROLES_HEAD,
    closing_paragraph,
    only_role_words,
)
from vbgraph.loaders.relate.mention_index import Found, MentionIndex
from vbgraph.loaders.relate.roles import (
    MONITOR,
    AgencyList,
    RoleReader,
    Verdict,
    monitor_clauses,
    monitoring_at,
)
from vbgraph.loaders.relate.segments import NO_OWNER, Owner, Segment
from vbgraph.loaders.relate.table_rows import (
    cell_agencies,
    row_deadline,
    table_prefix,
    table_title_leads,
)
from vbgraph.loaders.text.fold import fold_same_length
from vbgraph.loaders.vocab.agencies import PROVINCIAL_COMMITTEES
from vbgraph.models import Assignment, DocInfo, NormalizedText, Task


def extract_responsibilities(
    norm: NormalizedText, subject: DocInfo
) -> tuple[list[Assignment], list[Task]]:
    """Assignments and tasks of one document (spans into ``norm.original``)."""
    return _Extractor(norm, subject).run()


_NOT_WORD = re.compile(r"[\W_]")
class _Extractor:
    def __init__(self, norm: NormalizedText, subject: DocInfo) -> None:
        self.norm = norm
        self.text = norm.text
        self.folded = fold_same_length(norm.text)
        self.province = subject.province
        self.excluded = excluded = excluded_spans(self.text)
        known = find_mentions(self.text, self.province)
        found = open_mentions(self.text, self.province, known)
        self.mentions = heading_names(self.text, parse_items(self.text), [
            m
            for m in field_mentions(self.text, self.folded, self.province, found)
            if not any(a <= m.start < b for a, b in excluded)
            and not MEMBERS_OF.search(self.folded, max(0, m.start - 20), m.start)
        ])  # fmt: skip
        #: The issuer's own names (and the province's committee unless a council's resolution
        #: gives it tasks): not given tasks by the document, only sent its reports.
        self.issuer_own = issuer_names(subject.issuer, issuing_ministry(self.text, known))
        self.committee_reported = not assigns_committee(subject.issuer, subject.symbol)
        #: a committee's document whose province is not known: any committee may be its own
        self.by_committee = bool(subject.issuer and COMMITTEE_ISSUER.match(subject.issuer))
        self.index = MentionIndex(self.mentions)
        self.roles = RoleReader(self.text, self.folded)
        self.found = Found()
        self.tasks: list[Task] = []
        self.item_ids: set[str] = set()  # the body's items, whose ids table rows must not take

    # --- helpers ---------------------------------------------------------------------
    def _span(self, a: int, b: int) -> tuple[str, int, int]:
        oa, ob = self.norm.to_original(a, b)
        return self.norm.original[oa:ob], oa, ob

    def _assign(
        self, agency: Agency, role: str, a: int, b: int, task: str | None, uncertain: bool = False
    ) -> None:
        raw, oa, ob = self._span(a, b)
        self.found.add(
            Assignment(
                agency=agency.name,
                province=agency.province,
                role=role,
                raw=raw,
                start=oa,
                end=ob,
                collective=agency.collective,
                task=task,
                uncertain=uncertain,
            )
        )

    def reported_to_only(self, agency: Agency) -> bool:
        """Whether the document gives ``agency`` no tasks, only its reports: the issuer, and
        the province's own committee (not another province's, named in a central notice)."""
        own = agency.province == self.province or (self.province is None and self.by_committee)
        return agency.name in self.issuer_own or (
            self.committee_reported and agency.name in PROVINCIAL_COMMITTEES and own)

    def is_agency_text(self, a: int, b: int) -> bool:
        """Whether ``text[a:b]`` is (almost) only agency names: a table's agency cell."""
        if b - a > 300:
            return False
        body = _NOT_WORD.sub("", self.text[a:b])
        if not body:
            return False
        covered = sum(
            len(_NOT_WORD.sub("", self.text[max(a, m.start) : min(b, m.end)]))
            for m in self.index.overlapping(a, b)
        )
        return covered >= 0.7 * len(body)

    def one_name(self, a: int, b: int) -> bool:
        """Whether one agency name stands over both ``text[a]`` and ``text[b]``."""
        return any(m.start <= a and b < m.end for m in self.index.overlapping(a, a + 1))

    # --- main ----------------------------------------------------------------------------
    def run(self) -> tuple[list[Assignment], list[Task]]:
        tables = find_tables(self.text, self.is_agency_text, self.one_name)
        # the body is the text outside the tables (a plan may go on after one); what
        # follows its distribution list, and each appendix, is read on its own: its items
        # are not the last body heading's
        appendices = appendix_headings(self.text)
        cuts = sorted({0, *(a for a, _ in appendices), *distribution_lists(self.text)})
        # an appendix is named by its number, else by its place among the appendices
        names = {a: name or str(k) for k, (a, name) in enumerate(appendices, 1)}
        for k, part in enumerate(cuts):
            part_end = cuts[k + 1] if k + 1 < len(cuts) else len(self.text)
            prefix = f"Phụ lục {names[part]}, " if part in names else ""
            pos = part
            for table in tables:
                if table.end <= part or table.start >= part_end:
                    continue
                if table.start > pos:
                    self._scan_body(pos, table.start, prefix)
                pos = max(pos, table.end)
            if pos < part_end:
                self._scan_body(pos, part_end, prefix)
        for ordinal, table in enumerate(tables, 1):
            self._scan_table(table, ordinal)
        return list(self.found.assignments.values()), self.tasks

    def _scan_body(self, start: int, end: int, prefix: str = "") -> None:
        """Read the items of ``text[start:end]``; an appendix's (``prefix``: its name) are
        named with it where the body has an item of the same number."""
        items = parse_items(self.text, start, end)
        if prefix:
            items = [replace(i, id=prefix + i.id) if i.id in self.item_ids else i for i in items]
        self.item_ids.update(item.id for item in items)
        owners: dict[int, Owner] = {}
        first = items[0].start if items else end
        self._scan_segment(start, first, None, NO_OWNER, body=start)
        parents = {item.parent for item in items}
        #: "- Ủy ban nhân dân các huyện:" heading the "-" lines after it (same marker)
        bullet_heads: dict[int | None, Owner] = {}
        aims: set[int] = set()  # items of a section of aims, and that section's heading
        for k, item in enumerate(items):
            if self._of_aims(item, k, aims, parents):
                aims.add(k)  # no one is told to lead or join anything here
                continue
            heading = self._heading(item)
            if heading is not None and k in parents:
                owners[k] = heading  # "2. Đảng ủy Ủy ban nhân dân tỉnh": its items' holder
                continue
            if heading is not None and item.kind == "dash" and HEADING_COLON.search(
                self.text, item.body, item.own_end
            ):
                bullet_heads[item.parent] = heading
                continue
            if self.text[item.body : item.own_end].rstrip().endswith("!"):
                continue  # a slogan ("Quốc hội Việt Nam - Cơ quan đại biểu cao nhất ...!")
            listed = next((b for a, b in self.excluded if a <= item.start < b), None)
            if listed is not None:
                # a line of an addressee list ("- Ủy ban nhân dân tỉnh;") is no task; the
                # text after the list is read on its own
                if item.own_end > listed:
                    self._scan_segment(listed, item.own_end, None, NO_OWNER, body=listed)
                continue
            inherited = owners.get(item.parent, NO_OWNER) if item.parent is not None else NO_OWNER
            if item.kind == "dash" and item.parent in bullet_heads:
                inherited = bullet_heads[item.parent]
            if k in parents and inherited.agencies and self._roles_label(item):
                # "a) Chủ trì, phối hợp với các sở, ngành" under "1. Sở Công Thương": its
                # items are the holder's tasks (the partners it names join it there)
                self._scan_segment(item.body, item.own_end, item, NO_OWNER, body=item.body)
                owners[k] = inherited
                continue
            closing = closing_paragraph(self.text, self.folded, item.body, item.own_end)
            if closing is not None:  # the plan's closing word on difficulties: its own task
                tail = replace(item, id=f"{item.id}+", body=closing)
                self._scan_segment(closing, item.own_end, tail, NO_OWNER, body=closing)
                item = replace(item, own_end=closing)
            owner = self._scan_segment(item.body, item.own_end, item, inherited, body=item.body,
                                       label=k in parents and self._holder_label(item))
            # an item's parts (its own items) are its task's parts: what it only inherited
            # goes no further down
            owners[k] = owner if owner.agencies else NO_OWNER

    def _roles_label(self, item: Item) -> bool:
        """Whether ``item`` only states roles and the partners they bring ("a) Chủ trì, phối
        hợp với các sở, ngành", "b) Phối hợp với Sở Nông nghiệp và Môi trường")."""
        head = ROLES_HEAD.match(self.folded, item.body, item.own_end)
        return (head is not None and head.end() < item.own_end
                and self.is_agency_text(head.end(), item.own_end))  # fmt: skip

    def _holder_label(self, item: Item) -> bool:
        """Whether ``item`` only names bodies and the roles they take, then a colon ("1. Bộ
        Tài chính chủ trì, phối hợp với các Bộ, cơ quan liên quan và các địa phương:")."""
        a, b = item.body, item.own_end
        spans = [(m.start, m.end) for m in self.index.inside(a, b)]
        return HEADING_COLON.search(self.text, a, b) is not None and only_role_words(
            self.folded, a, b, spans)

    def _of_aims(self, item: Item, k: int, aims: set[int], parents: set[int | None]) -> bool:
        """Whether ``item`` heads a section of aims ("I. MỤC ĐÍCH, YÊU CẦU", "IV. SỐ LƯỢNG
        ĐỀ NGHỊ KHEN THƯỞNG") or stands in one saying no one leads or joins anything."""
        if item.parent in aims:
            return not GIVES_ROLES.search(self.folded, item.body, item.own_end)
        return bool(k in parents and AIMS.match(self.folded, item.body, item.own_end + 1)
                    and not self.index.inside(item.body, item.own_end)
                    and not GIVES_ROLES.search(self.folded, item.body, item.own_end))

    def _heading(self, item: Item) -> Owner | None:
        """An item that only names agencies heads the items under it, which are theirs; it
        is no task of its own."""
        a, b = item.body, item.own_end
        mentions = self.index.inside(a, b)
        cue = HEADING_CUE.match(self.folded, a, mentions[0].start) if mentions else None
        if cue is not None and cue.group("label"):
            # "Điều 21. Trách nhiệm của Sở X" then "Sở X là cơ quan ..., có trách nhiệm:":
            # the heading is its first line, what follows introduces the items
            line_end = self.text.find("\n", mentions[0].end, b)
            if line_end > 0 and self.is_agency_text(cue.end(), line_end):
                b = line_end
                mentions = self.index.inside(a, b)
        if cue is None or not self.is_agency_text(cue.end(), b):
            return None  # no names, or other words before them: a task
        if GIVES_ROLES.search(self.folded, cue.end(), b):
            return None  # "a) Đề nghị Thủ trưởng các đơn vị chủ trì, phối hợp với X:"
        agencies = {m.agency.key: m.agency for m in mentions}
        if any(self.reported_to_only(x) for x in agencies.values()):
            return None
        role = "requested" if cue.group("requested") else "lead"
        return Owner(tuple(agencies.values()), mentions[0].start, mentions[-1].end, role)

    def _scan_segment(
        self,
        a: int,
        b: int,
        item: Item | None,
        inherited: Owner,
        body: int,
        row_id: str | None = None,
        label: bool = False,
    ) -> Owner:
        """Assign roles in ``text[a:b]``; return the list that opens it (the item's owner).
        ``label``: the item only says who leads its items ("1. Bộ Tài chính chủ trì, phối hợp
        với các Bộ:"), which are that body's tasks, not the item itself."""
        mentions = self.index.inside(a, b)
        if not mentions and not inherited.agencies:
            return NO_OWNER  # no list, and no subject for a monitoring clause to name
        seg = Segment(
            task=item.id if item is not None else row_id,
            subject=inherited.agencies,
            leads={x.key: x for x in inherited.agencies},
            label=label,
        )
        lists = self.roles.lists(mentions)
        events: list[tuple[int, AgencyList | re.Match[str]]] = [(lst.start, lst) for lst in lists]
        events += [(m.start(), m) for m in MONITOR.finditer(self.folded, a, b)]
        events += [(m.start(), m) for m in monitor_clauses(self.folded, a, b)]
        events.sort(key=lambda e: e[0])
        if inherited.agencies and lists and self._own_subject(lists[0], inherited, a, b, body):
            inherited = NO_OWNER  # "- Sở Công Thương (đối với ...)" under "2. Các sở ...": its own
            seg.subject, seg.leads = (), {}
        if inherited.agencies and seg.task is not None:
            self._inherit(inherited, seg, a, b)
        partners: AgencyList | None = None  # the last list "phối hợp với" gave its partners
        for _pos, obj in events:
            if isinstance(obj, re.Match):
                if not seg.subject_requested:  # "Đề nghị MTTQ ... giám sát": not monitoring
                    for agency in seg.subject:
                        self._assign(agency, "monitor", obj.start(), obj.end(), seg.task)
                continue
            verdict = self.roles.judge(obj, a, b)
            if verdict.role is None and partners and self.roles.continues(partners, obj):
                verdict = Verdict("coordinate", partners.start, obj.end)
            partners = obj if verdict.role == "coordinate" and not verdict.monitor else None
            self._list(obj, verdict, seg, body)
        if seg.task is not None and item is not None and (seg.leads or seg.coords):
            self._add_task(seg.task, a, b, seg.leads, seg.coords, table=False)
        return seg.owner

    def _inherit(self, inherited: Owner, seg: Segment, a: int, b: int) -> None:
        """Give the item ``[a, b)`` what its heading's holder ``inherited`` takes there."""
        m = None
        if inherited.role == "lead":
            m = monitoring_at(self.folded, self._past_partners(a, b), b)
        # "- Đôn đốc ..." under "2. Sở X": the item's function is monitoring; "Tăng
        # cường kiểm tra, giám sát ..." is also an inspection the holder carries out
        leads = m is None or INSPECTS.search(self.folded, a, m.end()) is not None
        for agency in inherited.agencies:
            if leads:
                self._assign(agency, inherited.role, inherited.start, inherited.end, seg.task)
            if m is not None:
                self._assign(agency, "monitor", a, m.end(), seg.task)
        if inherited.role != "lead":
            seg.leads, seg.subject_requested = {}, True

    def _past_partners(self, a: int, b: int) -> int:
        """Where the item ``[a, b)``'s predicate goes on past the partners it opens with
        ("a) Phối hợp với các sở quản lý nhà nước chuyên ngành về hạ tầng theo dõi, hướng
        dẫn, đôn đốc ..."), else ``a``."""
        head = ROLES_HEAD.match(self.folded, a, b)
        if head is None or head.group().lstrip(" -+*_\t\n").startswith("chu"):
            return a  # not "Phối hợp với", or "Chủ trì, phối hợp với": the holder leads
        lists = self.roles.lists(self.index.inside(head.end(), b))
        if not lists or lists[0].start > head.end() + 1:
            return a
        return lists[0].end

    def _own_subject(self, lst: AgencyList, inherited: Owner, a: int, b: int,
                     body: int) -> bool:
        """Whether an item opens with agencies of its own that lead it, other than those of
        the item above: they are its subject, not the heading's."""
        labelled = LABEL.fullmatch(self.folded, body, lst.start) is not None
        if not (self.roles.opens(body, lst) or labelled):
            return False
        if self.roles.judge(lst, a, b).role != "lead":
            return False
        held = {x.key for x in inherited.agencies}
        own = {x.key for x in lst.agencies}
        # other bodies, or only some of the heading's ("b) UBND các huyện ..." under "4. Đối
        # với các Sở: ...; UBND các huyện:"): the item is theirs alone
        return not own <= held or own < held

    def _list(self, lst: AgencyList, verdict: Verdict, seg: Segment, body: int) -> None:
        """Give the agencies of ``lst`` what ``verdict`` says, and keep the segment's state."""
        role = verdict.role
        agencies = tuple(
            a for a in lst.agencies if role == "report_hub" or not self.reported_to_only(a)
        )
        if not agencies or (role == "requested" and self._asked_to_report(lst, agencies)):
            return
        if role in ("lead", "requested") and self._umbrella(lst):
            # "yêu cầu các sở, ngành thực hiện các nhiệm vụ sau:": the tasks follow
            if role == "lead" and not seg.owner.agencies and self.roles.opens(body, lst):
                seg.owner = Owner(agencies, lst.start, lst.end)
            return
        if role is not None and not (role == "lead" and seg.label):
            for agency in agencies:
                self._assign(agency, role, verdict.cue_start, verdict.span_end, seg.task)
                if role == "lead":
                    seg.leads[agency.key] = agency
                elif role == "coordinate":
                    seg.coords[agency.key] = agency
        if verdict.monitor:
            for agency in agencies:
                self._assign(agency, "monitor", lst.start, lst.end, seg.task)
        if verdict.subject or role in ("lead", "requested"):
            seg.subject, seg.subject_requested = agencies, role == "requested"
        if role == "lead" and not seg.owner.agencies and self.roles.opens(body, lst):
            seg.owner = Owner(agencies, lst.start, lst.end)

    def _asked_to_report(self, lst: AgencyList, agencies: tuple[Agency, ...]) -> bool:
        """Whether ``lst`` is a province's own bodies asked, should difficulties arise, to
        report them ("nếu có khó khăn, vướng mắc đề nghị các sở, ban, ngành ... phản ánh về
        Sở X"): a formula of the plan's end, no request (Sở X is still reported to)."""
        if self.province is None or not all(x.collective for x in agencies):
            return False
        a = max(0, lst.start - 160)
        clause = self.folded.rfind(".", a, lst.start) + 1 or a
        return DIFFICULTIES.search(self.folded, clause, lst.start) is not None

    def _umbrella(self, lst: AgencyList) -> bool:
        """Whether the clause of ``lst`` only announces the tasks listed after it ("...
        thực hiện tốt các nhiệm vụ sau:")."""
        return ANNOUNCING.match(self.folded, lst.end) is not None

    def _add_task(
        self,
        task_id: str,
        a: int,
        b: int,
        leads: dict[str, Agency],
        coords: dict[str, Agency],
        table: bool,
        deadline: Deadline | None = None,
        text: str | None = None,
        uncertain: bool = False,
    ) -> None:
        if deadline is None:
            deadline = field_deadline(self.text, a, b) or find_deadline(self.text, a, b)
        oa, ob = self.norm.to_original(a, b)
        body = text if text is not None else " ".join(self.norm.original[oa:ob].split())
        self.tasks.append(
            Task(
                id=task_id,
                text=body,
                lead=tuple(x.name for x in leads.values()),
                coordinate=tuple(x.name for x in coords.values() if x.key not in leads),
                deadline=deadline.date if deadline else None,
                recurring=deadline.recurring if deadline else None,
                deadline_raw=deadline.raw if deadline else "",
                start=oa,
                end=ob,
                table=table,
                uncertain=uncertain,
            )
        )

    # --- appendix tables -------------------------------------------------------------------
    def _scan_table(self, table: Table, ordinal: int) -> None:
        title_leads = table_title_leads(self.index, self.folded, table)
        prefix = table_prefix(self.folded, table, ordinal, self.item_ids)
        for row in table.rows:
            lead = cell_agencies(self.index, row.lead)
            if not lead and title_leads and row.content:
                lead = [(m.agency, m.start, m.end) for m in title_leads]
            coord = cell_agencies(self.index, row.coordinate)
            if row.is_group and not lead and not coord:
                continue
            for agency, s, e in lead:
                self._assign(agency, "lead", s, e, prefix + row.id)
            for agency, s, e in coord:
                self._assign(agency, "coordinate", s, e, prefix + row.id)
            leads = {x.key: x for x, _, _ in lead}
            coords = {x.key: x for x, _, _ in coord}
            for cell in row.content:
                self._scan_segment(cell.start, cell.end, None, NO_OWNER, cell.start,
                                   row_id=prefix + row.id)
            if row.content:
                a, b = row.content[0].start, row.content[-1].end
            else:
                a, b = row.start, row.end
            deadline = row_deadline(self.text, row, a, b)
            text = " ".join(" ".join(c.text.split()) for c in row.content)
            self._add_task(
                prefix + row.id,
                a,
                b,
                leads,
                coords,
                table=True,
                deadline=deadline,
                text=text,
                uncertain=not lead and not coord,
            )
