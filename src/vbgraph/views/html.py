"""Self-contained interactive HTML graphs (vis-network inlined from the pyvis wheel).

The page makes no network request: the library and its CSS are inlined and
the data is embedded as JSON, escaped so document text can never close the
script element.  Labels, tooltips, cards and legends are set as text
(``textContent``, vis tooltips built from text nodes), never parsed as markup.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

_VIS_DIR = "lib/vis-9.1.2"
#: Over this many nodes the page trades looks for speed (straight edges, fewer iterations).
LARGE_GRAPH = 400


@dataclass(frozen=True, slots=True)
class LegendItem:
    label: str
    color: str
    dashed: bool = False
    kind: str = "node"  # "node" (a swatch) or "edge" (a line)


@cache
def vis_assets() -> tuple[str, str]:
    """vis-network's JS and CSS from the pyvis wheel, with source-map comments removed."""
    import pyvis

    base = Path(pyvis.__file__).parent / _VIS_DIR
    js = (base / "vis-network.min.js").read_text("utf-8")
    css = (base / "vis-network.css").read_text("utf-8")
    # A sourceMappingURL would make devtools fetch a file; no such request offline.
    strip = re.compile(r"/[/*]#\s*sourceMappingURL=[^\s*]*(\s*\*/)?")
    return strip.sub("", js), strip.sub("", css)


def json_for_script(data: Any) -> str:
    """JSON safe inside ``<script>``: no ``</script>``, ``<!--`` or U+2028 can end or bend it."""
    text = json.dumps(data, ensure_ascii=False)
    return (
        text.replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )


def escape_text(text: str) -> str:
    return (
        text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace('"', "&quot;")
        .replace("'", "&#x27;")
    )


def graph_options(n_nodes: int, n_edges: int, hierarchical: bool) -> dict[str, Any]:
    """vis-network options: a layered layout for lineage, a fast-settling force layout otherwise."""
    large = n_nodes > LARGE_GRAPH
    options: dict[str, Any]
    if hierarchical:
        options = {
            "layout": {
                "hierarchical": {
                    "enabled": True,
                    "direction": "UD",
                    "sortMethod": "directed",
                    "levelSeparation": 140,
                    "nodeSpacing": 200,
                    "treeSpacing": 220,
                }
            },
            "physics": {"enabled": False},
        }
    else:
        options = {
            "layout": {"improvedLayout": not large, "randomSeed": 7},
            "physics": {
                "solver": "barnesHut",
                "barnesHut": {
                    "gravitationalConstant": -3000 if large else -6000,
                    "centralGravity": 0.3,
                    "springLength": 110,
                    "springConstant": 0.04,
                    "damping": 0.5,
                    "avoidOverlap": 0.1,
                },
                "maxVelocity": 60,
                "minVelocity": 1.5,
                "timestep": 0.5,
                "adaptiveTimestep": True,
                "stabilization": {
                    "enabled": True,
                    # Bounded work: a 2,000-node graph gets ~30 polishing iterations.
                    "iterations": max(15, min(200, 60000 // max(1, n_nodes))) if large else 400,
                    "updateInterval": 25,
                    "fit": True,
                },
            },
        }
    options["interaction"] = {
        "hover": True,
        "tooltipDelay": 120,
        "hideEdgesOnDrag": large,
        "navigationButtons": False,
        "keyboard": False,
    }
    options["nodes"] = {
        "font": {"face": "Noto Sans, DejaVu Sans, Segoe UI, Arial, sans-serif", "size": 14}
    }
    options["edges"] = {
        "arrows": {"to": {"enabled": True, "scaleFactor": 0.6}},
        "smooth": False
        if large or n_edges > 1500
        else {"type": "cubicBezier", "forceDirection": "vertical" if hierarchical else "none"},
        "font": {"face": "Noto Sans, DejaVu Sans, Arial, sans-serif"},
    }
    return options


def render_graph(
    title: str,
    nodes: list[dict[str, Any]],
    edges: list[dict[str, Any]],
    legend: list[LegendItem],
    hierarchical: bool = False,
    subtitle: str = "",
) -> str:
    """One self-contained HTML page showing ``nodes`` and ``edges`` (vis-network dicts).

    Besides vis-network's own fields, a node or edge may carry ``tip`` (tooltip
    text), a node ``card`` (``{"heading": str, "rows": [[label, value], ...]}``,
    shown on click) and ``search`` (extra text the search box matches).
    """
    if not hierarchical and len(nodes) > LARGE_GRAPH:
        # Start from a structural layout; the browser's physics only polishes it.
        from vbgraph.views.layout import initial_positions

        pos = initial_positions((n["id"] for n in nodes), ((e["from"], e["to"]) for e in edges))
        nodes = [
            {**n, "x": round(pos[n["id"]][0], 1), "y": round(pos[n["id"]][1], 1)}
            if n["id"] in pos and "x" not in n
            else n
            for n in nodes
        ]
    data = {
        "title": title,
        "subtitle": subtitle,
        "nodes": nodes,
        "edges": edges,
        "legend": [
            {"label": i.label, "color": i.color, "dashed": i.dashed, "kind": i.kind} for i in legend
        ],
        "options": graph_options(len(nodes), len(edges), hierarchical),
    }
    js, css = vis_assets()
    template = resources.files("vbgraph.views").joinpath("graph.html").read_text("utf-8")
    return fill_template(
        template,
        {
            "__TITLE__": escape_text(title),
            "__VIS_CSS__": css,
            "__VIS_JS__": js,
            "__DATA__": json_for_script(data),
        },
    )


def fill_template(template: str, values: dict[str, str]) -> str:
    """Replace each placeholder once, in one pass: no value is ever scanned for placeholders."""
    pattern = re.compile("|".join(re.escape(k) for k in values))
    return pattern.sub(lambda m: values[m.group(0)], template)


def embed(page: str, height: int = 600) -> str:
    """An ``<iframe srcdoc>`` holding ``page``, for notebooks (stays offline, isolated)."""
    return (
        f'<div class="vbgraph-view"><iframe srcdoc="{escape_text(page)}" '
        f'style="width:100%;height:{height}px;border:1px solid #ddd" sandbox="allow-scripts">'
        "</iframe></div>"
    )
