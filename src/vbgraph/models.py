"""Every type that flows between vbgraph's stages.

read -> ``SourceDocument``; normalise -> ``NormalizedText``; extract ->
``Extraction`` (``DocInfo``, ``DocEdge``, ``UnnumberedRef``, ``Assignment``,
``Task``).  ``Extraction.to_json`` gives exactly the shape of the gold files in
``shared/gold/README.md`` (plus span fields the scorer ignores), and
``Extraction.from_json`` reads that shape back.

Spans (``start``/``end``) always index the *original* text of the source
document, never the normalised one.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from vbgraph.fast_init import fast_init

Span = tuple[int, int]
JSON = dict[str, Any]

Relation = Literal[
    "implements", "based_on", "issued_with", "amends", "replaces", "proposal", "cites"
]
#: Strongest first: when one document points at another with several cues,
#: the strongest relation is kept (gold/README.md).
RELATION_ORDER: tuple[str, ...] = (
    "implements",
    "based_on",
    "issued_with",
    "amends",
    "replaces",
    "proposal",
    "cites",
)

Role = Literal["lead", "coordinate", "monitor", "report_hub", "requested"]
ROLES: tuple[str, ...] = ("lead", "coordinate", "monitor", "report_hub", "requested")

#: Relationship type in the graph for each relation / role.
RELATION_TYPES: dict[str, str] = {r: r.upper() for r in RELATION_ORDER}
ROLE_TYPES: dict[str, str] = {
    "lead": "LEADS",
    "coordinate": "COORDINATES",
    "monitor": "MONITORS",
    "report_hub": "RECEIVES_REPORTS",
    "requested": "REQUESTED_FOR",
}
#: And back: the relation / role of each relationship type.
RELATION_BY_TYPE: dict[str, str] = {v: k for k, v in RELATION_TYPES.items()}
ROLE_BY_TYPE: dict[str, str] = {v: k for k, v in ROLE_TYPES.items()}


def relation_rank(relation: str) -> int:
    """Lower is stronger; unknown relations rank after ``cites``."""
    try:
        return RELATION_ORDER.index(relation)
    except ValueError:
        return len(RELATION_ORDER)


@dataclass(frozen=True, slots=True)
class SourceDocument:
    """A file read into text.  ``text`` is what spans index into."""

    path: str
    text: str
    format: str  # "txt", "docx", "pdf", "doc", "html"
    encoding: str | None = None
    sha256: str = ""
    warnings: tuple[str, ...] = ()

    @property
    def name(self) -> str:
        return self.path.replace("\\", "/").rsplit("/", 1)[-1]


@dataclass(frozen=True, slots=True)
class NormalizedText:
    """Normalised text with a map back to the original.

    ``offsets[i]`` is the index in the original text of normalised character
    ``i``; ``offsets[len(text)]`` is ``len(original)``.
    """

    text: str
    offsets: Sequence[int]  # a flat tuple, or the normaliser's pieces read in place
    original: str

    def to_original(self, start: int, end: int) -> Span:
        """Map a normalised span ``[start, end)`` to the original text."""
        if end <= start:
            o = self.offsets[start]
            return (o, o)
        return (self.offsets[start], self.offsets[end - 1] + 1)

    def original_slice(self, start: int, end: int) -> str:
        a, b = self.to_original(start, end)
        return self.original[a:b]


@fast_init
@dataclass(frozen=True, slots=True)
class DocInfo:
    """A document: the one a file holds, or one it refers to by number."""

    symbol: str
    key: str
    type: str | None = None
    issuer: str | None = None
    province: str | None = None  # scope: "VN" documents have province None
    date: str | None = None  # ISO yyyy-mm-dd
    title: str | None = None
    uncertain: bool = False

    @property
    def year(self) -> str:
        return self.key.rsplit("|", 1)[-1] if "|" in self.key else ""

    @property
    def scope(self) -> str:
        parts = self.key.split("|")
        return parts[1] if len(parts) == 3 else ""

    def to_json(self, *, subject: bool = False) -> JSON:
        out: JSON = {"symbol": self.symbol, "key": self.key, "type": self.type}
        out["issuer"] = self.issuer
        if subject:
            out["province"] = self.province
        out["date"] = self.date
        if subject:
            out["title"] = self.title
        if self.uncertain:
            out["uncertain"] = True
        return out

    @classmethod
    def from_json(cls, d: JSON) -> DocInfo:
        key = d["key"]
        scope = key.split("|")[1] if key.count("|") == 2 else None
        province = d.get("province") or (scope if scope and scope != "VN" else None)
        return cls(
            symbol=d["symbol"],
            key=key,
            type=d.get("type"),
            issuer=d.get("issuer"),
            province=province,
            date=d.get("date"),
            title=d.get("title"),
            uncertain=bool(d.get("uncertain", False)),
        )


@fast_init
@dataclass(frozen=True, slots=True)
class DocEdge:
    """``source`` -[relation]-> ``target`` (document keys), stated by ``asserted_by``."""

    source: str
    target: str
    relation: str
    raw: str
    start: int = -1
    end: int = -1
    asserted_by: str = ""
    uncertain: bool = False

    def to_json(self) -> JSON:
        out: JSON = {
            "source": self.source,
            "target": self.target,
            "relation": self.relation,
            "raw": self.raw,
            "start": self.start,
            "end": self.end,
        }
        if self.uncertain:
            out["uncertain"] = True
        return out

    @classmethod
    def from_json(cls, d: JSON, asserted_by: str = "") -> DocEdge:
        return cls(
            source=d["source"],
            target=d["target"],
            relation=d["relation"],
            raw=d.get("raw", ""),
            start=int(d.get("start", -1)),
            end=int(d.get("end", -1)),
            asserted_by=asserted_by,
            uncertain=bool(d.get("uncertain", False)),
        )


@dataclass(frozen=True, slots=True)
class UnnumberedRef:
    """A reference by name only ("Nghị quyết Trung ương 5 khóa VIII")."""

    raw: str
    type: str | None
    name: str | None = None
    start: int = -1
    end: int = -1
    relation: str = "cites"
    uncertain: bool = False

    def to_json(self) -> JSON:
        out: JSON = {"raw": self.raw, "type": self.type}
        if self.name:
            out["name"] = self.name
        out.update(start=self.start, end=self.end, relation=self.relation)
        if self.uncertain:
            out["uncertain"] = True
        return out

    @classmethod
    def from_json(cls, d: JSON) -> UnnumberedRef:
        return cls(
            raw=d["raw"],
            type=d.get("type"),
            name=d.get("name"),
            start=int(d.get("start", -1)),
            end=int(d.get("end", -1)),
            relation=d.get("relation", "cites"),
            uncertain=bool(d.get("uncertain", False)),
        )


@fast_init
@dataclass(frozen=True, slots=True)
class Assignment:
    """An agency given a role by the document; ``task`` is the task id it belongs to."""

    agency: str
    province: str | None
    role: str
    raw: str = ""
    start: int = -1
    end: int = -1
    collective: bool = False
    task: str | None = None
    uncertain: bool = False

    def to_json(self) -> JSON:
        out: JSON = {"agency": self.agency, "province": self.province, "role": self.role}
        if self.collective:
            out["collective"] = True
        out.update(raw=self.raw, start=self.start, end=self.end)
        if self.task is not None:
            out["task"] = self.task
        if self.uncertain:
            out["uncertain"] = True
        return out

    @classmethod
    def from_json(cls, d: JSON) -> Assignment:
        return cls(
            agency=d["agency"],
            province=d.get("province"),
            role=d["role"],
            raw=d.get("raw", ""),
            start=int(d.get("start", -1)),
            end=int(d.get("end", -1)),
            collective=bool(d.get("collective", False)),
            task=d.get("task"),
            uncertain=bool(d.get("uncertain", False)),
        )


@fast_init
@dataclass(frozen=True, slots=True)
class Task:
    """One task of the document: a numbered item of its task list or a table row.

    ``deadline`` is ISO; ``recurring`` is one of ``yearly:MM-DD``,
    ``half-yearly``, ``quarterly``, ``monthly``, ``yearly`` or None.
    """

    id: str
    text: str = ""
    lead: tuple[str, ...] = ()
    coordinate: tuple[str, ...] = ()
    deadline: str | None = None
    recurring: str | None = None
    deadline_raw: str = ""
    start: int = -1
    end: int = -1
    table: bool = False
    uncertain: bool = False

    def to_json(self) -> JSON:
        out: JSON = {
            "id": self.id,
            "lead": list(self.lead),
            "coordinate": list(self.coordinate),
            "text": self.text,
            "deadline": self.deadline,
            "recurring": self.recurring,
            "deadline_raw": self.deadline_raw,
            "start": self.start,
            "end": self.end,
            "table": self.table,
        }
        if self.uncertain:
            out["uncertain"] = True
        return out

    @classmethod
    def from_json(cls, d: JSON) -> Task:
        return cls(
            id=str(d["id"]),
            text=d.get("text", ""),
            lead=tuple(d.get("lead", ())),
            coordinate=tuple(d.get("coordinate", ())),
            deadline=d.get("deadline"),
            recurring=d.get("recurring"),
            deadline_raw=d.get("deadline_raw", ""),
            start=int(d.get("start", -1)),
            end=int(d.get("end", -1)),
            table=bool(d.get("table", True)),
            uncertain=bool(d.get("uncertain", False)),
        )


@dataclass(frozen=True, slots=True)
class Extraction:
    """Everything extracted from one file; ``to_json`` is the gold-file shape."""

    file: str
    document: DocInfo
    documents: tuple[DocInfo, ...] = ()
    edges: tuple[DocEdge, ...] = ()
    unnumbered: tuple[UnnumberedRef, ...] = ()
    assignments: tuple[Assignment, ...] = ()
    tasks: tuple[Task, ...] = ()
    path: str = ""
    sha256: str = ""
    warnings: tuple[str, ...] = field(default=())

    def to_json(self) -> JSON:
        return {
            "file": self.file,
            "document": self.document.to_json(subject=True),
            "documents": [d.to_json() for d in self.documents],
            "edges": [e.to_json() for e in self.edges],
            "unnumbered": [u.to_json() for u in self.unnumbered],
            "assignments": [a.to_json() for a in self.assignments],
            "tasks": [t.to_json() for t in self.tasks],
        }

    @classmethod
    def from_json(cls, d: JSON, path: str = "") -> Extraction:
        subject = DocInfo.from_json(d["document"])
        return cls(
            file=d.get("file", ""),
            document=subject,
            documents=tuple(DocInfo.from_json(x) for x in d.get("documents", ())),
            edges=tuple(DocEdge.from_json(x, subject.key) for x in d.get("edges", ())),
            unnumbered=tuple(UnnumberedRef.from_json(x) for x in d.get("unnumbered", ())),
            assignments=tuple(Assignment.from_json(x) for x in d.get("assignments", ())),
            tasks=tuple(Task.from_json(x) for x in d.get("tasks", ())),
            path=path,
        )
