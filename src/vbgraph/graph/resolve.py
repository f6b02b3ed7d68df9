"""Resolve an ``Extraction`` into graph rows: documents, stubs, edges, agencies, tasks.

Pure functions: the store is consulted only through the ``candidates``
callback that ``ingest`` passes in (to complete a year-less reference when
exactly one stored document fits).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from vbgraph.graph.keys import parse_key
from vbgraph.graph.store import Row
from vbgraph.lookup import fold_name, fold_symbol, symbol_number
from vbgraph.models import RELATION_TYPES, ROLE_TYPES, DocInfo, Extraction

#: Given (symbol, place) of a year-less reference, the keys of stored documents that fit
#: (``place``: scope and locality, ``graph/keys.py``).
Candidates = Callable[[str, str], list[str]]

GENERAL_TASK = ""  # task id of assignments not tied to a numbered item


@dataclass(slots=True)
class GraphRows:
    """Everything one extraction writes, as rows for the batched MERGE texts."""

    corpus: list[Row] = field(default_factory=list)
    stubs: list[Row] = field(default_factory=list)
    edges: dict[str, list[Row]] = field(default_factory=dict)  # by relationship type
    agencies: list[Row] = field(default_factory=list)
    tasks: list[Row] = field(default_factory=list)
    roles: dict[str, list[Row]] = field(default_factory=dict)  # by relationship type
    issued_by: list[Row] = field(default_factory=list)
    #: Written last: a document's checksum marks its statements as completely stored.
    checksums: list[Row] = field(default_factory=list)

    def extend(self, other: GraphRows) -> None:
        """Append ``other``'s rows (several documents written in one batch)."""
        self.corpus += other.corpus
        self.stubs += other.stubs
        for rel_type, edge_rows in other.edges.items():
            self.edges.setdefault(rel_type, []).extend(edge_rows)
        self.agencies += other.agencies
        self.tasks += other.tasks
        for rel_type, role_rows in other.roles.items():
            self.roles.setdefault(rel_type, []).extend(role_rows)
        self.issued_by += other.issued_by
        self.checksums += other.checksums


def document_props(info: DocInfo) -> Row:
    """Node properties of a document (everything but ``key`` and ``in_corpus``)."""
    parts = parse_key(info.key) if info.key.count("|") == 2 else None
    scope = parts.scope if parts else ""
    year = parts.year if parts else ""
    return {
        "symbol": info.symbol,
        "number": symbol_number(info.symbol),
        "type": info.type,
        "issuer": info.issuer,
        "scope": scope,
        "locality": parts.locality if parts else None,
        "province": info.province or (scope if scope and scope != "VN" else None),
        "date": info.date,
        "year": year,
        "title": info.title,
        "lookup": fold_symbol(info.symbol),
        "title_fold": fold_name(info.title) if info.title else None,
    }


def _stub_from_key(key: str) -> DocInfo:
    symbol = key.split("|", 1)[0]
    return DocInfo(symbol=symbol, key=key)


def agency_key(name: str, province: str | None) -> str:
    return f"{name}|{province or 'VN'}"


def resolve(extraction: Extraction, candidates: Candidates | None = None) -> GraphRows:
    """Turn one extraction into graph rows; complete year-less keys through ``candidates``."""
    subject = extraction.document
    rename: dict[str, str] = {}
    if candidates is not None:
        for info in extraction.documents:
            parts = parse_key(info.key)
            if not parts.year:
                found = [k for k in candidates(parts.symbol, parts.place) if k != info.key]
                if len(found) == 1:
                    rename[info.key] = found[0]

    def key_of(k: str) -> str:
        return rename.get(k, k)

    rows = GraphRows()
    subject_props = document_props(subject)
    subject_props.update(source=extraction.path or extraction.file)
    rows.corpus.append({"key": subject.key, "props": subject_props})
    rows.checksums.append({"key": subject.key, "sha256": extraction.sha256})

    stubs: dict[str, DocInfo] = {}
    for info in extraction.documents:
        k = key_of(info.key)
        if k != subject.key and k not in stubs:
            stubs[k] = info if k == info.key else DocInfo(symbol=info.symbol, key=k,
                                                          type=info.type, issuer=info.issuer,
                                                          date=info.date)
    for edge in extraction.edges:
        for k in (key_of(edge.source), key_of(edge.target)):
            if k != subject.key and k not in stubs:
                stubs[k] = _stub_from_key(k)
    rows.stubs = [{"key": k, "props": document_props(v)} for k, v in stubs.items()]

    for edge in extraction.edges:
        source, target = key_of(edge.source), key_of(edge.target)
        if source == target:
            continue
        rel_type = RELATION_TYPES.get(edge.relation, "CITES")
        rows.edges.setdefault(rel_type, []).append(
            {
                "source": source,
                "target": target,
                "asserted_by": edge.asserted_by or subject.key,
                "raw": edge.raw,
                "start": edge.start,
                "end": edge.end,
                "uncertain": edge.uncertain,
            }
        )

    _resolve_responsibilities(extraction, rows)
    return rows


def _resolve_responsibilities(extraction: Extraction, rows: GraphRows) -> None:
    subject = extraction.document
    province = subject.province
    agencies: dict[str, Row] = {}

    def agency(name: str, prov: str | None, collective: bool = False) -> str:
        key = agency_key(name, prov)
        if key not in agencies:
            agencies[key] = {
                "key": key,
                "props": {
                    "name": name,
                    "province": prov,
                    "level": "local" if prov else "central",  # as the gazetteer says
                    "collective": collective,
                    "lookup": fold_name(name),
                },
            }
        return key

    tasks: dict[str, Row] = {}

    def task(task_id: str, text: str = "") -> str:
        key = f"{subject.key}#{task_id}"
        if key not in tasks:
            tasks[key] = {
                "key": key,
                "doc": subject.key,
                "props": {"doc": subject.key, "section": task_id, "text": text,
                          "text_fold": fold_name(text), "deadline": None, "recurring": None,
                          "table": False},
            }
        return key

    seen: set[tuple[str, str, str]] = set()

    def role(role_name: str, agency_k: str, task_k: str, raw: str = "", start: int = -1,
             end: int = -1, uncertain: bool = False) -> None:
        rel = ROLE_TYPES.get(role_name)
        if rel is None or (rel, agency_k, task_k) in seen:
            return
        seen.add((rel, agency_k, task_k))
        rows.roles.setdefault(rel, []).append(
            {"agency": agency_k, "task": task_k, "raw": raw, "start": start, "end": end,
             "uncertain": uncertain}
        )

    # Who does each task comes from the assignments (they name their task and carry
    # the agency's own scope); Task.lead/coordinate repeat the table cells for the JSON.
    for t in extraction.tasks:
        k = task(t.id, t.text)
        tasks[k]["props"].update(
            text=t.text, text_fold=fold_name(t.text), deadline=t.deadline, recurring=t.recurring,
            deadline_raw=t.deadline_raw, start=t.start, end=t.end, table=t.table,
        )

    for a in extraction.assignments:
        k = task(a.task if a.task is not None else GENERAL_TASK)
        role(a.role, agency(a.agency, a.province, a.collective), k, a.raw, a.start, a.end,
             a.uncertain)

    if subject.issuer:
        rows.issued_by.append({"doc": subject.key, "agency": agency(subject.issuer, province)})

    rows.agencies = list(agencies.values())
    rows.tasks = list(tasks.values())

