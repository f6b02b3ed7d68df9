"""The lineage view: a document, what it descends from and what descends from it."""

from __future__ import annotations

from vbgraph.queries.api import DocumentRow, Lineage
from vbgraph.views.html import LegendItem, render_graph

#: Document families, in the order they are tested; colour per family.
FAMILIES: tuple[tuple[str, str, str], ...] = (
    ("party_central", "Đảng - Trung ương", "#c0392b"),
    ("party_local", "Đảng - địa phương", "#e67e22"),
    ("government", "Chính phủ / Thủ tướng", "#2e86c1"),
    ("ministry", "Bộ, ngành Trung ương", "#17a589"),
    ("province", "UBND / HĐND tỉnh", "#7d3c98"),
    ("other", "Khác", "#7f8c8d"),
)
_COLORS = {k: c for k, _, c in FAMILIES}

EDGE_STYLES: dict[str, dict[str, object]] = {
    "implements": {"color": "#c0392b", "width": 3},
    "based_on": {"color": "#2e86c1", "width": 2},
    "issued_with": {"color": "#17a589", "width": 2, "dashes": [2, 4]},
    "amends": {"color": "#d35400", "width": 2, "dashes": [8, 4]},
    "replaces": {"color": "#6c3483", "width": 2, "dashes": [8, 4]},
    "proposal": {"color": "#95a5a6", "width": 1, "dashes": [2, 2]},
    "cites": {"color": "#bdc3c7", "width": 1, "dashes": True},
}


def family(symbol: str) -> str:
    """The family of a document from its symbol's issuer code."""
    issuer = symbol.replace(" ", "").upper()
    if "-" in issuer.split("/", 1)[0] and "/" in issuer:  # Party form 22-NQ/TW
        return "party_central" if issuer.endswith("/TW") else "party_local"
    tail = issuer.rsplit("-", 1)[-1]
    if tail in ("CP", "TTG"):
        return "government"
    if tail in ("UBND", "HĐND", "HDND"):
        return "province"
    if tail.startswith(("B", "QH", "UBTVQH", "TANDTC", "VKSNDTC", "NHNN")):
        return "ministry"
    return "other"


def _tooltip(n: DocumentRow) -> str:
    lines = [n.symbol]
    for label, value in (("Loại", n.type), ("Cơ quan", n.issuer), ("Ngày", n.date),
                         ("Trích yếu", n.title)):
        if value:
            lines.append(f"{label}: {value}")
    if not n.in_corpus:
        lines.append("(chỉ được trích dẫn, không có trong kho)")
    return "\n".join(lines)


def render_lineage(lineage: Lineage) -> str:
    """Hierarchical HTML view of a lineage: newer documents above older ones."""
    nodes = []
    for n in lineage.nodes:
        color = _COLORS[family(n.symbol)]
        node = {
            "id": n.key,
            "label": n.symbol + (f"\n{n.date[:4]}" if n.date else ""),
            "title": _tooltip(n),
            "card": _tooltip(n),
            "shape": "box",
            "color": {"background": color if n.in_corpus else "#ffffff", "border": color},
            "font": {"color": "#ffffff" if n.in_corpus else "#333333"},
            "shapeProperties": {"borderDashes": False if n.in_corpus else [5, 5]},
            "borderWidth": 4 if n.key == lineage.root else 1,
        }
        nodes.append(node)
    edges = []
    for i, e in enumerate(lineage.edges):
        style = EDGE_STYLES.get(e.relation, EDGE_STYLES["cites"])
        edges.append({
            "id": f"e{i}", "from": e.source, "to": e.target, "label": e.relation,
            "title": f"{e.relation} — theo {e.asserted_by.split('|')[0]}\n{e.raw}",
            "font": {"size": 10, "align": "middle"}, **style,
        })
    legend = [LegendItem(label, color) for _, label, color in FAMILIES]
    legend.append(LegendItem("chỉ được trích dẫn (không có trong kho)", "#ffffff", dashed=True))
    root = next((n for n in lineage.nodes if n.key == lineage.root), None)
    title = f"Nguồn gốc văn bản {root.symbol if root else lineage.root}"
    return render_graph(title, nodes, edges, legend, hierarchical=True)
