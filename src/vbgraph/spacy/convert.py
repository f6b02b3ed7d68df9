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

    def add(group: str, kind: str, i: int, item: JSON, label: str, kb_id: str) -> None:
        place = _place(data, text, kind, item)
        span_id = f"{ID_PREFIX}{kind}/{i}"
        if place is None:
            unplaced.append(span_id)
        else:
            plans.append(SpanPlan(group, place[0], place[1], label, kb_id, span_id))

    for i, e in enumerate(data.get("edges", ())):
        add(REFS_KEY, "edges", i, e, e["relation"], e["target"])
    if include_unnumbered:
        for i, u in enumerate(data.get("unnumbered", ())):
            add(REFS_KEY, "unnumbered", i, u, u["relation"], "")
    for i, a in enumerate(data.get("assignments", ())):
        if province is not None and fold_name(a.get("province") or CENTRAL[0]) != province:
            continue
        add(AGENCIES_KEY, "assignments", i, a, a["role"],
            agency_key(a["agency"], a.get("province")))
    return plans, unplaced


def trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """``[start, end)`` less the white space at its ends (a mention that starts with a
    line break would otherwise take the line break's token)."""
    chunk = text[start:end]
    return start + len(chunk) - len(chunk.lstrip()), end - len(chunk) + len(chunk.rstrip())


def _place(data: JSON, text: str, kind: str, item: JSON) -> tuple[int, int, str] | None:
    """(start, end, how) of an item's mention in ``text``, white space trimmed; None when
    it has no place there. ``how``: ``symbol`` (a reference's symbol, found in its
    statement), ``statement`` (the symbol is not written there: the whole statement),
    ``name`` (a reference by name), ``agency`` (an assignment's mention)."""
    if kind == "edges":
        found = located(text, item["start"], item["end"], item["raw"])
        if found is None:
            return None
        lo, hi, _approximate = found
        inner = symbol_in(text, _symbol(data, item["target"]), lo, hi)
        start, end, how = (*inner, "symbol") if inner else (lo, hi, "statement")
    else:
        raw = item["raw"] if kind == "unnumbered" else item.get("raw") or item["agency"]
        found = located(text, item["start"], item["end"], raw)
        if found is None:
            return None
        start, end, how = found[0], found[1], "name" if kind == "unnumbered" else "agency"
    start, end = trimmed(text, start, end)
    return (start, end, how) if start < end else None


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
    items = data.get(kind) if kind in ("edges", "unnumbered", "assignments") else None
    if not index.isdigit() or not isinstance(items, list | tuple) or int(index) >= len(items):
        return None
    item = items[int(index)]
    subject = data["document"]["key"]
    start, end, how = _place(data, text, kind, item) or (-1, -1, "none")
    if kind == "edges":
        return _edge_record(data, item, subject) | {"start": start, "end": end, "mention": how}
    if kind == "unnumbered":
        return {
            "kind": "reference_by_name", "key": None, "name": item.get("name") or item["raw"],
            "type": item.get("type"), "relation": item["relation"], "source": subject,
            "asserted_by": subject, "start": start, "end": end, "mention": how,
            "raw": item["raw"], "uncertain": bool(item.get("uncertain", False)),
        }
    return _assignment_record(data, item, subject) | {"start": start, "end": end}


def _edge_record(data: JSON, edge: JSON, subject: str) -> JSON:
    target: JSON = next(
        (d for d in data.get("documents", ()) if d["key"] == edge["target"]), {}
    )
    return {
        "kind": "reference", "key": edge["target"],
        "symbol": target.get("symbol") or edge["target"].split("|", 1)[0],
        "type": target.get("type"), "issuer": target.get("issuer"), "date": target.get("date"),
        "relation": edge["relation"], "source": edge["source"], "asserted_by": subject,
        "statement": edge["raw"], "statement_start": edge["start"],
        "statement_end": edge["end"], "uncertain": bool(edge.get("uncertain", False)),
    }


def _assignment_record(data: JSON, a: JSON, subject: str) -> JSON:
    task_id = a.get("task")
    task = next((t for t in data.get("tasks", ()) if t["id"] == task_id), None) or {}
    return {
        "kind": "assignment", "key": agency_key(a["agency"], a.get("province")),
        "agency": a["agency"], "province": a.get("province"),
        "collective": bool(a.get("collective", False)), "role": a["role"],
        "document": subject, "task": task_id, "task_text": task.get("text"),
        "deadline": task.get("deadline"), "recurring": task.get("recurring"),
        "deadline_raw": task.get("deadline_raw") or None,
        "raw": a.get("raw", ""),
        "uncertain": bool(a.get("uncertain", False)),
    }
