"""An extraction (its JSON, ``Extraction.to_json``) as spans: the spaCy component's only job.

Pure: no spaCy here, so what the spans say can be tested and reused on its own.

* ``vbgraph_refs``: one span per document edge, over the symbol of the document it
  names, found inside the statement that states it (:mod:`vbgraph.locate`; when the
  symbol cannot be found, the whole statement); one per reference by name only
  (``include_unnumbered``), over the name. Label: the relation.
* ``vbgraph_agencies``: one span per assignment, over the extracted mention (the
  agency's name, with the cue when the extraction includes it: ``Giao Sở Ngoại vụ chủ
  trì``). Label: the role.

Every span carries an id naming the item it stands for (``vbgraph/edges/3``), and its
record (:func:`span_record`) is rebuilt from the extraction data by that id, so spans
that cover the same characters (three agencies coordinated in one phrase) keep their
own records.
"""

from __future__ import annotations

from dataclasses import dataclass

from vbgraph.errors import VbgraphError
from vbgraph.graph.resolve import agency_key
from vbgraph.locate import located, symbol_in
from vbgraph.lookup import fold_name
from vbgraph.models import JSON

REFS_KEY = "vbgraph_refs"
AGENCIES_KEY = "vbgraph_agencies"
#: Span ids are ``vbgraph/<list in the extraction JSON>/<index>``.
ID_PREFIX = "vbgraph/"
#: How a central (national) agency's province is written in the ``province`` option.
CENTRAL = ("VN", "trung ương")


@dataclass(frozen=True, slots=True)
class SpanPlan:
    """A span to make: in which group, over which characters, labelled how."""

    group: str  # REFS_KEY or AGENCIES_KEY
    start: int
    end: int
    label: str
    kb_id: str
    id: str  # ID_PREFIX + "edges/3"


def province_filter(province: str | None) -> str | None:
    """The folded province the ``province`` option keeps; raise on an unknown name."""
    if province is None or not province.strip():
        return None
    from vbgraph.loaders.vocab.provinces import PROVINCES, province_name

    if fold_name(province) in {fold_name(c) for c in CENTRAL}:
        return fold_name(CENTRAL[0])
    name = province_name(province.strip()) or next(
        (p for p in PROVINCES if fold_name(p) == fold_name(province)), None
    )
    if name is None:
        raise VbgraphError(
            f"unknown province {province!r} in the vbgraph component's config; give a "
            "province or city as written in documents (for example 'Quảng Ngãi', "
            "'quang ngai') or 'VN' for central agencies"
        )
    return fold_name(name)


def plan_spans(
    data: JSON, text: str, *, include_unnumbered: bool = True, province: str | None = None
) -> tuple[list[SpanPlan], list[str]]:
    """The spans of ``data`` (an extraction's JSON) over ``text``, and the ids of the items
    that could not be placed in ``text``. ``province`` is a folded name (see
    :func:`province_filter`): only agencies of that province are kept."""
    plans: list[SpanPlan] = []
    unplaced: list[str] = []

    def add(group: str, item: str, span: tuple[int, int] | None, label: str, kb_id: str) -> None:
        span = span and trimmed(text, *span)
        if span is None or span[1] <= span[0]:
            unplaced.append(ID_PREFIX + item)
        else:
            plans.append(SpanPlan(group, span[0], span[1], label, kb_id, ID_PREFIX + item))

    for i, e in enumerate(data.get("edges", ())):
        mention = _edge_mention(data, text, e)
        add(REFS_KEY, f"edges/{i}", mention and mention[:2], e["relation"], e["target"])
    if include_unnumbered:
        for i, u in enumerate(data.get("unnumbered", ())):
            found = located(text, u["start"], u["end"], u["raw"])
            add(REFS_KEY, f"unnumbered/{i}", found and found[:2], u["relation"], "")
    for i, a in enumerate(data.get("assignments", ())):
        if province is not None and fold_name(a.get("province") or CENTRAL[0]) != province:
            continue
        found = located(text, a["start"], a["end"], a.get("raw") or a["agency"])
        add(AGENCIES_KEY, f"assignments/{i}", found and found[:2], a["role"],
            agency_key(a["agency"], a.get("province")))
    return plans, unplaced


def trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """``[start, end)`` less the white space at its ends (a mention that starts with a
    line break would otherwise take the line break's token)."""
    chunk = text[start:end]
    return start + len(chunk) - len(chunk.lstrip()), end - len(chunk) + len(chunk.rstrip())


def _edge_mention(data: JSON, text: str, edge: JSON) -> tuple[int, int, str] | None:
    """(start, end, how) of the referenced document's symbol: ``how`` is ``symbol`` when
    it was found in the statement, ``statement`` when the span is the whole statement."""
    statement = located(text, edge["start"], edge["end"], edge["raw"])
    if statement is None:
        return None
    lo, hi, _approximate = statement
    inner = symbol_in(text, _symbol(data, edge["target"]), lo, hi)
    return (*inner, "symbol") if inner else (lo, hi, "statement")


def _symbol(data: JSON, key: str) -> str:
    for d in data.get("documents", ()):
        if d["key"] == key:
            return str(d["symbol"])
    return key.split("|", 1)[0]


def span_record(data: JSON, text: str, span_id: str) -> JSON | None:
    """What the span with id ``span_id`` stands for (``span._.vbgraph``), or None when
    the id is not one of this extraction's."""
    if not span_id.startswith(ID_PREFIX):
        return None
    kind, _, index = span_id.removeprefix(ID_PREFIX).partition("/")
    items = data.get(kind)
    if not index.isdigit() or not isinstance(items, list | tuple) or int(index) >= len(items):
        return None
    item = items[int(index)]
    subject = data["document"]["key"]
    if kind == "edges":
        return _edge_record(data, text, item, subject)
    if kind == "unnumbered":
        start, end = trimmed(text, item["start"], item["end"])
        return {
            "kind": "reference_by_name", "key": None, "name": item.get("name") or item["raw"],
            "type": item.get("type"), "relation": item["relation"], "source": subject,
            "asserted_by": subject, "start": start, "end": end, "mention": "name",
            "raw": item["raw"], "uncertain": bool(item.get("uncertain", False)),
        }
    if kind == "assignments":
        return _assignment_record(data, text, item, subject)
    return None


def _edge_record(data: JSON, text: str, edge: JSON, subject: str) -> JSON:
    target: JSON = next(
        (d for d in data.get("documents", ()) if d["key"] == edge["target"]), {}
    )
    mention = _edge_mention(data, text, edge) or (edge["start"], edge["end"], "statement")
    start, end = trimmed(text, mention[0], mention[1])
    return {
        "kind": "reference", "key": edge["target"],
        "symbol": target.get("symbol") or edge["target"].split("|", 1)[0],
        "type": target.get("type"), "issuer": target.get("issuer"), "date": target.get("date"),
        "relation": edge["relation"], "source": edge["source"], "asserted_by": subject,
        "start": start, "end": end, "mention": mention[2],
        "statement": edge["raw"], "statement_start": edge["start"],
        "statement_end": edge["end"], "uncertain": bool(edge.get("uncertain", False)),
    }


def _assignment_record(data: JSON, text: str, a: JSON, subject: str) -> JSON:
    start, end = trimmed(text, a["start"], a["end"])
    task_id = a.get("task")
    task = next((t for t in data.get("tasks", ()) if t["id"] == task_id), None) or {}
    return {
        "kind": "assignment", "key": agency_key(a["agency"], a.get("province")),
        "agency": a["agency"], "province": a.get("province"),
        "collective": bool(a.get("collective", False)), "role": a["role"],
        "document": subject, "task": task_id, "task_text": task.get("text"),
        "deadline": task.get("deadline"), "recurring": task.get("recurring"),
        "deadline_raw": task.get("deadline_raw") or None,
        "start": start, "end": end, "raw": a.get("raw", ""),
        "uncertain": bool(a.get("uncertain", False)),
    }
