"""Colours, shapes and Vietnamese labels shared by every graph view."""

from __future__ import annotations

from typing import Any

from vbgraph.loaders.find.symbols import document_family
from vbgraph.queries.documents import DocumentRow
from vbgraph.views.html import LegendItem

#: Document families, in the order they are tested; (key, Vietnamese label, colour).
FAMILIES: tuple[tuple[str, str, str], ...] = (
    ("party_central", "Đảng - Trung ương", "#c0392b"),
    ("party_local", "Đảng - địa phương", "#e67e22"),
    ("government", "Chính phủ / Thủ tướng", "#2e86c1"),
    ("ministry", "Bộ, ngành Trung ương", "#17a589"),
    ("province", "UBND / HĐND tỉnh", "#7d3c98"),
    ("other", "Khác", "#7f8c8d"),
)
FAMILY_COLORS: dict[str, str] = {k: c for k, _, c in FAMILIES}
STUB_NOTE = "chỉ được trích dẫn (không có trong kho)"

RELATION_LABELS: dict[str, str] = {
    "implements": "thực hiện",
    "based_on": "căn cứ",
    "issued_with": "ban hành kèm theo",
    "amends": "sửa đổi",
    "replaces": "thay thế",
    "proposal": "theo đề nghị",
    "cites": "trích dẫn",
}

EDGE_STYLES: dict[str, dict[str, Any]] = {
    "implements": {"color": "#c0392b", "width": 3},
    "based_on": {"color": "#2e86c1", "width": 2},
    "issued_with": {"color": "#17a589", "width": 2, "dashes": [2, 4]},
    "amends": {"color": "#d35400", "width": 2, "dashes": [8, 4]},
    "replaces": {"color": "#6c3483", "width": 2, "dashes": [8, 4]},
    "proposal": {"color": "#95a5a6", "width": 1, "dashes": [2, 2]},
    "cites": {"color": "#bdc3c7", "width": 1, "dashes": True},
}

ROLE_LABELS: dict[str, str] = {
    "lead": "chủ trì",
    "coordinate": "phối hợp",
    "monitor": "theo dõi, kiểm tra",
    "report_hub": "nhận báo cáo",
    "requested": "được đề nghị",
}

ROLE_STYLES: dict[str, dict[str, Any]] = {
    "lead": {"color": "#b7950b", "width": 3},
    "coordinate": {"color": "#5d6d7e", "width": 1.5, "dashes": [6, 4]},
    "monitor": {"color": "#1f618d", "width": 1.5, "dashes": [2, 3]},
    "report_hub": {"color": "#1e8449", "width": 1.5, "dashes": [2, 3]},
    "requested": {"color": "#a04000", "width": 1, "dashes": [2, 2]},
}

AGENCY_COLOR = "#f4d03f"
PARTNER_COLOR = "#fcf3cf"
TASK_COLOR = "#d5d8dc"


def family(symbol: str) -> str:
    """The family of a document (``22-NQ/TW`` -> party_central); see ``document_family``."""
    return document_family(symbol)


def family_legend() -> list[LegendItem]:
    items = [LegendItem(label, color) for _, label, color in FAMILIES]
    items.append(LegendItem(STUB_NOTE, "#ffffff", dashed=True))
    return items


def relation_legend(relations: set[str]) -> list[LegendItem]:
    """Line swatches for the relations a view actually shows."""
    return [
        LegendItem(
            RELATION_LABELS[r],
            str(EDGE_STYLES[r]["color"]),
            dashed="dashes" in EDGE_STYLES[r],
            kind="edge",
        )
        for r in EDGE_STYLES
        if r in relations
    ]


def role_legend(roles: set[str]) -> list[LegendItem]:
    return [
        LegendItem(
            ROLE_LABELS[r],
            str(ROLE_STYLES[r]["color"]),
            dashed="dashes" in ROLE_STYLES[r],
            kind="edge",
        )
        for r in ROLE_STYLES
        if r in roles
    ]


def document_card(doc: DocumentRow) -> dict[str, Any]:
    """The card shown when a document node is clicked (plain strings; rendered as text)."""
    rows: list[list[str]] = [["Khóa", doc.key]]
    for label, value in (
        ("Loại", doc.type),
        ("Cơ quan ban hành", doc.issuer),
        ("Tỉnh", doc.province),
        ("Ngày", doc.date),
        ("Trích yếu", doc.title),
    ):
        if value:
            rows.append([label, value])
    rows.append(["Trong kho", "có" if doc.in_corpus else "không — " + STUB_NOTE])
    return {"heading": doc.symbol, "rows": rows}


def document_tip(doc: DocumentRow) -> str:
    lines = [doc.symbol]
    for label, value in (
        ("Loại", doc.type),
        ("Cơ quan", doc.issuer),
        ("Ngày", doc.date),
        ("Trích yếu", doc.title),
    ):
        if value:
            lines.append(f"{label}: {value}")
    if not doc.in_corpus:
        lines.append(f"({STUB_NOTE})")
    return "\n".join(lines)


def document_node(
    doc: DocumentRow, *, shape: str = "box", root: bool = False, size: float | None = None
) -> dict[str, Any]:
    """A vis-network node for a document: family colour, stubs white with a dashed border."""
    fam = family(doc.symbol)
    color = FAMILY_COLORS[fam]
    label = doc.symbol + (f"\n{doc.date[:4]}" if doc.date and shape == "box" else "")
    node: dict[str, Any] = {
        "id": doc.key,
        "label": label,
        "tip": document_tip(doc),
        "card": document_card(doc),
        "search": " ".join(x for x in (doc.symbol, doc.title or "", doc.issuer or "") if x),
        "group": fam,
        "shape": shape,
        "color": {
            "background": color if doc.in_corpus else "#ffffff",
            "border": color,
            "highlight": {"background": color if doc.in_corpus else "#fdfefe", "border": "#000000"},
        },
        "shapeProperties": {"borderDashes": False if doc.in_corpus else [5, 4]},
        "borderWidth": 4 if root else (1 if doc.in_corpus else 2),
    }
    if shape == "box":
        node["font"] = {"color": "#ffffff" if doc.in_corpus else "#333333"}
    if size is not None:
        node["size"] = size
    return node


def document_edges(
    edges: list[tuple[str, str, str, str, str]], symbols: dict[str, str], *, labels: bool = True
) -> list[dict[str, Any]]:
    """vis edges for (source, target, relation, asserted_by, raw); one edge per pair and relation,
    its tooltip quoting every sentence that states it."""
    grouped: dict[tuple[str, str, str], list[tuple[str, str]]] = {}
    for source, target, relation, asserted_by, raw in edges:
        grouped.setdefault((source, target, relation), []).append((asserted_by, raw))
    out = []
    for i, ((source, target, relation), statements) in enumerate(grouped.items()):
        style = EDGE_STYLES.get(relation, EDGE_STYLES["cites"])
        name = RELATION_LABELS.get(relation, relation)
        head = f"{symbols.get(source, source)} —{name}→ {symbols.get(target, target)}"
        quotes = []
        for asserted_by, raw in statements:
            who = symbols.get(asserted_by, asserted_by.split("|")[0]) or "?"
            quotes.append(f"Theo {who}: «{' '.join(raw.split())}»" if raw else f"Theo {who}")
        edge: dict[str, Any] = {
            "id": f"e{i}",
            "from": source,
            "to": target,
            "relation": relation,
            "tip": "\n".join([head, *quotes]),
            **style,
        }
        if labels:
            edge["label"] = name
            edge["font"] = {"size": 10, "align": "middle", "strokeWidth": 3}
        out.append(edge)
    return out
