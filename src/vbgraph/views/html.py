"""Self-contained interactive HTML graphs (vis-network inlined from the pyvis wheel).

The page makes no network request: the library and its CSS are inlined and
the data is embedded as JSON (escaped so document text can never close the
script element).  Labels, tooltips and cards are set as text, never markup.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

_VIS_DIR = "lib/vis-9.1.2"


@dataclass(frozen=True, slots=True)
class LegendItem:
    label: str
    color: str
    dashed: bool = False


def _vis_assets() -> tuple[str, str]:
    import pyvis

    base = Path(pyvis.__file__).parent / _VIS_DIR
    return (base / "vis-network.min.js").read_text("utf-8"), (base / "vis-network.css").read_text(
        "utf-8"
    )


def _json_for_script(data: Any) -> str:
    text = json.dumps(data, ensure_ascii=False)
    # Inside <script>, "</" could end the element and "<!--" open a comment.
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _escape_text(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def render_graph(
    title: str,
    nodes: list[dict[str, Any]],
    edges: list[dict[str, Any]],
    legend: list[LegendItem],
    hierarchical: bool = False,
) -> str:
    """One self-contained HTML page showing ``nodes`` and ``edges`` (vis-network dicts)."""
    if hierarchical:
        options: dict[str, Any] = {
            "layout": {"hierarchical": {"enabled": True, "direction": "UD",
                                         "sortMethod": "directed", "levelSeparation": 130,
                                         "nodeSpacing": 220}},
            "physics": {"enabled": False},
        }
    else:
        options = {
            "physics": {"solver": "forceAtlas2Based",
                        "forceAtlas2Based": {"gravitationalConstant": -60, "springLength": 120},
                        "stabilization": {"iterations": 300, "updateInterval": 50}},
        }
    options["interaction"] = {"hover": True, "tooltipDelay": 150}
    options["edges"] = {"arrows": {"to": {"enabled": True, "scaleFactor": 0.6}},
                        "smooth": {"type": "cubicBezier"}}
    data = {
        "title": title,
        "nodes": nodes,
        "edges": edges,
        "legend": [{"label": i.label, "color": i.color, "dashed": i.dashed} for i in legend],
        "options": options,
    }
    js, css = _vis_assets()
    template = resources.files("vbgraph.views").joinpath("graph.html").read_text("utf-8")
    # Replace the data last: document text must never be scanned for placeholders.
    page = template.replace("__TITLE__", _escape_text(title))
    page = page.replace("__VIS_CSS__", css).replace("__VIS_JS__", js)
    return page.replace("__DATA__", _json_for_script(data))
