"""The agency view: an agency, the documents and tasks that assign it, and its partners."""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

from vbgraph.graph.store import GraphStore
from vbgraph.models import ROLES
from vbgraph.queries import agencies
from vbgraph.queries.agencies import AssignedDocument, Partner, TaskRow
from vbgraph.queries.corpus import corpus_graph
from vbgraph.queries.documents import DocumentRow, EdgeRow
from vbgraph.views.html import LegendItem, render_graph
from vbgraph.views.style import (
    AGENCY_COLOR,
    PARTNER_COLOR,
    ROLE_LABELS,
    ROLE_STYLES,
    TASK_COLOR,
    document_edges,
    document_node,
    family_legend,
    relation_legend,
    role_legend,
)

AGENCY_ID = "agency:"
#: Partners drawn at most (the most shared first); the rest are counted in the card.
MAX_PARTNERS = 60


def render_agency(store: GraphStore, name: str, province: str | None = None) -> str:
    """The agency view of ``name`` (folded match, like ``vbgraph assigned``), from the store."""
    found = agencies.find_agencies(store, name, province)
    assigned = agencies.assigned(store, name, province=province)
    task_rows = agencies.tasks(store, name, province=province)
    partners = agencies.coordination(store, name, province=province)
    corpus = corpus_graph(store)
    keys = {d.key for d in assigned.documents}
    provinces = sorted({str(r["province"]) for r in found if r.get("province")})
    return render_agency_view(
        assigned.agency,
        assigned.documents,
        task_rows,
        partners,
        documents={d.key: d for d in corpus.documents if d.key in keys},
        relations=[e for e in corpus.edges if e.source in keys and e.target in keys],
        provinces=provinces,
    )


def _merge_partners(partners: Sequence[Partner]) -> list[Partner]:
    """One partner per name (the same department of several provinces), most shared first."""
    merged: dict[str, Partner] = {}
    for p in partners:
        old = merged.get(p.name)
        if old is None:
            merged[p.name] = p
        else:
            where = ", ".join(x for x in dict.fromkeys((old.province, p.province)) if x) or None
            merged[p.name] = Partner(
                old.key, p.name, where, old.collective, old.shared_tasks + p.shared_tasks
            )
    return sorted(merged.values(), key=lambda p: (-p.shared_tasks, p.name))


def _roles_text(roles: Sequence[str]) -> str:
    return ", ".join(ROLE_LABELS.get(r, r) for r in roles)


def render_agency_view(
    agency: str,
    assigned: Sequence[AssignedDocument],
    task_rows: Sequence[TaskRow],
    partners: Sequence[Partner],
    documents: dict[str, DocumentRow] | None = None,
    relations: Sequence[EdgeRow] = (),
    provinces: Sequence[str] = (),
) -> str:
    """The agency view from already-fetched rows (no database needed)."""
    documents = documents or {}
    partners = _merge_partners(partners)
    center = AGENCY_ID + agency
    where = ", ".join(provinces)
    roles_seen = {r for d in assigned for r in d.roles} | {t.role for t in task_rows}
    center_rows: list[list[str]] = [
        *([["Tỉnh", where]] if where else []),
        ["Số văn bản giao việc", str(len(assigned))],
        ["Số nhiệm vụ", str(len({(t.doc, t.section, t.text) for t in task_rows}))],
        ["Vai trò", _roles_text([r for r in ROLES if r in roles_seen])],
        ["Số cơ quan cùng thực hiện", str(len(partners))],
    ]
    center_card = {"heading": agency, "rows": center_rows}
    nodes: list[dict[str, Any]] = [
        {
            "id": center,
            "label": agency,
            "shape": "ellipse",
            "tip": agency,
            "card": center_card,
            "borderWidth": 3,
            "mass": 4,
            "color": {"background": AGENCY_COLOR, "border": "#7d6608"},
            "font": {"size": 18, "bold": True},
        }
    ]
    edges: list[dict[str, Any]] = []

    for d in assigned:
        row = documents.get(d.key) or DocumentRow(
            key=d.key,
            symbol=d.symbol,
            type=None,
            issuer=None,
            date=d.date,
            title=d.title,
            in_corpus=True,
            province=d.province,
        )
        node = document_node(row)
        node["card"]["rows"].append([f"Vai trò của {agency}", _roles_text(d.roles)])
        node["card"]["rows"].append(["Số nhiệm vụ", str(d.tasks)])
        node["tip"] += f"\n{agency}: {_roles_text(d.roles)} ({d.tasks} nhiệm vụ)"
        nodes.append(node)

    task_ids: dict[tuple[str, str, str], str] = {}
    symbols = {d.key: d.symbol for d in assigned}
    for t in task_rows:
        ident = (t.doc, t.section, t.text)
        if ident not in task_ids:
            tid = task_ids[ident] = f"task:{len(task_ids)}"
            deadline = t.deadline or ""
            short = " ".join(t.text.split())
            rows = [["Văn bản", t.symbol], ["Mục", t.section], ["Nội dung", short]]
            if deadline:
                rows.append(["Thời hạn", deadline])
            if t.recurring:
                rows.append(["Định kỳ", t.recurring])
            nodes.append(
                {
                    "id": tid,
                    "label": t.section or "•",
                    "shape": "dot",
                    "size": 7,
                    "color": {"background": TASK_COLOR, "border": "#839192"},
                    "font": {"size": 10, "color": "#566573"},
                    "tip": f"Nhiệm vụ {t.section} ({t.symbol})\n{short[:400]}"
                    + (f"\nThời hạn: {deadline}" if deadline else ""),
                    "card": {"heading": f"Nhiệm vụ {t.section} — {t.symbol}", "rows": rows},
                    "search": short,
                }
            )
            if t.doc not in symbols:  # a task of a document assigned() did not list
                symbols[t.doc] = t.symbol
                nodes.append(
                    document_node(
                        documents.get(t.doc)
                        or DocumentRow(
                            key=t.doc,
                            symbol=t.symbol,
                            type=None,
                            issuer=None,
                            date=None,
                            title=None,
                            in_corpus=True,
                        )
                    )
                )
            edges.append(
                {
                    "id": f"has{tid}",
                    "from": t.doc,
                    "to": tid,
                    "length": 50,
                    "relation": "có nhiệm vụ",
                    "color": "#ccd1d1",
                    "width": 1,
                    "arrows": {"to": {"enabled": False}},
                    "font": {"size": 0},
                    "tip": f"{t.symbol} giao nhiệm vụ {t.section}",
                }
            )
        tid = task_ids[ident]
        style = ROLE_STYLES.get(t.role, ROLE_STYLES["requested"])
        sentence = " ".join(t.raw.split())
        edges.append(
            {
                "id": f"role{len(edges)}",
                "from": center,
                "to": tid,
                "length": 220,
                "relation": ROLE_LABELS.get(t.role, t.role),
                "tip": f"{agency} — {ROLE_LABELS.get(t.role, t.role)} — nhiệm vụ {t.section} "
                f"({t.symbol})" + (f"\nTheo {t.symbol}: «{sentence}»" if sentence else ""),
                **style,
            }
        )

    shown = list(partners)[:MAX_PARTNERS]
    if len(partners) > len(shown):
        center_rows.append(["Không vẽ", f"{len(partners) - len(shown)} cơ quan phối hợp ít nhất"])
    for p in shown:
        pid = f"partner:{p.key}"
        nodes.append(
            {
                "id": pid,
                "label": p.name,
                "shape": "ellipse",
                "color": {"background": PARTNER_COLOR, "border": "#b7950b"},
                "tip": f"{p.name}\nCùng thực hiện {p.shared_tasks} nhiệm vụ với {agency}",
                "card": {
                    "heading": p.name,
                    "rows": [
                        *([["Tỉnh", p.province]] if p.province else []),
                        ["Nhiệm vụ chung với " + agency, str(p.shared_tasks)],
                        ["Tập thể", "có" if p.collective else "không"],
                    ],
                },
            }
        )
        edges.append(
            {
                "id": f"co{pid}",
                "from": center,
                "to": pid,
                "relation": "cùng thực hiện",
                "length": 380,
                "label": str(p.shared_tasks),
                "arrows": {"to": {"enabled": False}},
                "color": "#d4ac0d",
                "width": 1 + math.log2(1 + p.shared_tasks),
                "dashes": [1, 3],
                "tip": f"{agency} và {p.name}: {p.shared_tasks} nhiệm vụ chung",
                "font": {"size": 10, "strokeWidth": 3},
            }
        )

    lineage = document_edges(
        [(e.source, e.target, e.relation, e.asserted_by, e.raw) for e in relations], symbols
    )
    for e in lineage:
        e["id"] = "doc" + e["id"]
    edges.extend(lineage)

    legend = [
        LegendItem("cơ quan", AGENCY_COLOR),
        LegendItem("cơ quan cùng thực hiện", PARTNER_COLOR),
        LegendItem("nhiệm vụ", TASK_COLOR),
    ]
    legend += family_legend() + role_legend(roles_seen)
    legend += relation_legend({e.relation for e in relations})
    subtitle = (
        f"{len(assigned)} văn bản, {len(task_ids)} nhiệm vụ, "
        f"{len(partners)} cơ quan cùng thực hiện" + (f" — {where}" if where else "")
    )
    return render_graph(f"Trách nhiệm của {agency}", nodes, edges, legend, subtitle=subtitle)
