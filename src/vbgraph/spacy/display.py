"""displaCy options for vbgraph's span groups: one light colour per relation and role.

``displacy.render(doc, style="span", options=displacy_options("vbgraph_refs"))``.
The hues follow the graph views' (``views/style.py``): implements red, based_on blue,
lead gold; light, because displaCy writes the label in black on the colour.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from vbgraph.spacy.convert import REFS_KEY

if TYPE_CHECKING:
    from spacy.tokens import Doc

COLORS: dict[str, str] = {
    # relations (vbgraph_refs)
    "implements": "#f5b7b1",
    "based_on": "#aed6f1",
    "issued_with": "#a3e4d7",
    "amends": "#f5cba7",
    "replaces": "#d7bde2",
    "proposal": "#d5dbdb",
    "cites": "#e5e7e9",
    # roles (vbgraph_agencies)
    "lead": "#f9e79f",
    "coordinate": "#d6dbdf",
    "monitor": "#a9cce3",
    "report_hub": "#a9dfbf",
    "requested": "#edbb99",
}


def displacy_options(spans_key: str = REFS_KEY, **extra: Any) -> dict[str, Any]:
    """``options`` for ``displacy.render(doc, style="span", options=...)``."""
    return {"spans_key": spans_key, "colors": dict(COLORS), **extra}


def excerpt(
    doc: Doc, spans_key: str, start_char: int, end_char: int, title: str | None = None
) -> dict[str, Any]:
    """The part of ``doc`` between two character offsets (widened to whole tokens) with
    the spans of ``spans_key`` that lie inside it, in the shape ``displacy.render(...,
    style="span", manual=True)`` takes: a policy document is long, a view of its opening
    or of one article is what a reader looks at."""
    from spacy.displacy import get_doc_settings

    window = doc.char_span(start_char, end_char, alignment_mode="expand")
    if window is None:
        raise ValueError(f"no tokens between characters {start_char} and {end_char}")
    first, last = window.start, window.end
    offset = window.start_char
    spans = [
        {
            "start": s.start_char - offset,
            "end": s.end_char - offset,
            "start_token": s.start - first,
            "end_token": s.end - first,
            "label": s.label_,
            "kb_id": s.kb_id_,
            "kb_url": "#",
        }
        for s in doc.spans.get(spans_key, [])
        if first <= s.start and s.end <= last
    ]
    return {
        "text": window.text,
        "spans": spans,
        "tokens": [t.text for t in window],
        "title": title,
        "settings": get_doc_settings(doc),
    }
