"""The annotation view: a document's own text with every extracted mention highlighted.

Each reference (document edge, reference by name) and each agency mention is
marked in the original text and labelled with its relation or role and what it
resolved to, so a researcher can check the extraction sentence by sentence.
The page is built server-side with every piece of text escaped; its small
script only toggles classes.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from importlib import resources

from vbgraph.locate import located, symbol_in
from vbgraph.models import Extraction, SourceDocument
from vbgraph.views.html import escape_text, fill_template
from vbgraph.views.style import RELATION_LABELS, ROLE_LABELS

KINDS: dict[str, str] = {
    "ref": "Văn bản được dẫn (có số hiệu)",
    "unnumbered": "Văn bản được dẫn theo tên",
    "agency": "Cơ quan được giao việc",
    "sentence": "Câu nêu quan hệ",
}
KIND_SHORT: dict[str, str] = {
    "ref": "văn bản",
    "unnumbered": "văn bản (tên)",
    "agency": "cơ quan",
    "sentence": "câu",
}


@dataclass(frozen=True, slots=True)
class Mark:
    """One highlighted span: ``kind`` in ``KINDS``, a short label and a longer detail."""

    kind: str
    start: int
    end: int
    label: str
    detail: str
    approximate: bool = False  # located by searching the text, not by an extracted span


def collect_marks(source: SourceDocument, extraction: Extraction) -> tuple[list[Mark], list[str]]:
    """The marks of an extraction in ``source.text``, and the items that could not be placed."""
    text = source.text
    marks: list[Mark] = []
    missing: list[str] = []
    symbols = {d.key: d.symbol for d in extraction.documents}
    for e in extraction.edges:
        rel = RELATION_LABELS.get(e.relation, e.relation)
        symbol = symbols.get(e.target, e.target.split("|")[0])
        detail = f"{rel} → {e.target}" + (" (không chắc chắn)" if e.uncertain else "")
        span = located(text, e.start, e.end, e.raw)
        if span is None:
            missing.append(f"{detail}: «{e.raw}»")
            continue
        start, end, approx = span
        marks.append(Mark("sentence", start, end, "", f"Câu nêu: {detail}", approx))
        inner = symbol_in(text, symbol, start, end)
        a, b = inner if inner else (start, end)
        marks.append(Mark("ref", a, b, f"{rel} → {e.target}", detail, approx))
    for u in extraction.unnumbered:
        rel = RELATION_LABELS.get(u.relation, u.relation)
        name = u.name or u.raw
        detail = f"{rel} → {u.type or '?'}: {name}" + (" (không chắc chắn)" if u.uncertain else "")
        span = located(text, u.start, u.end, u.raw)
        if span is None:
            missing.append(f"{detail}: «{u.raw}»")
            continue
        marks.append(
            Mark("unnumbered", span[0], span[1], f"{rel} → {u.type or '?'}", detail, span[2])
        )
    for g in extraction.assignments:
        role = ROLE_LABELS.get(g.role, g.role)
        where = f" ({g.province})" if g.province else ""
        detail = (
            f"{role}: {g.agency}{where}"
            + (f", nhiệm vụ {g.task}" if g.task else "")
            + (" (tập thể)" if g.collective else "")
            + (" (không chắc chắn)" if g.uncertain else "")
        )
        span = located(text, g.start, g.end, g.raw or g.agency)
        if span is None and g.raw:
            span = located(text, -1, -1, g.agency)
        if span is None:
            missing.append(detail)
            continue
        marks.append(Mark("agency", span[0], span[1], f"{role} · {g.agency}", detail, span[2]))
    return marks, missing


def _merge_labels(marks: list[Mark]) -> dict[int, list[tuple[str, str]]]:
    """Labels to show at each end offset, one per distinct (kind, label)."""
    out: dict[int, list[tuple[str, str]]] = {}
    for m in marks:
        if m.label and (m.kind, m.label) not in out.get(m.end, []):
            out.setdefault(m.end, []).append((m.kind, m.label))
    return out


def annotated_text(text: str, marks: list[Mark]) -> str:
    """``text`` as escaped HTML with the marks as nested-free segments and trailing labels."""
    ids = {id(m): i for i, m in enumerate(marks)}
    bounds = sorted({0, len(text)} | {m.start for m in marks} | {m.end for m in marks})
    labels = _merge_labels(marks)
    starts: dict[int, list[Mark]] = {}
    for m in marks:
        starts.setdefault(m.start, []).append(m)
    active: list[Mark] = []
    out: list[str] = []
    for lo, hi in itertools.pairwise(bounds):
        for m in starts.get(lo, ()):  # anchors for the list's links
            out.append(f'<a class="anchor" id="m{ids[id(m)]}"></a>')
        active = [m for m in active if m.end > lo] + starts.get(lo, [])
        chunk = escape_text(text[lo:hi])
        if active:
            kinds = sorted({m.kind for m in active})
            tip = "\n".join(dict.fromkeys(m.detail for m in active))
            approx = " approx" if all(m.approximate for m in active) else ""
            classes = " ".join(f"k-{k}" for k in kinds)
            out.append(
                f'<span class="mk {classes}{approx}" title="{escape_text(tip)}">{chunk}</span>'
            )
        else:
            out.append(chunk)
        for kind, label in labels.get(hi, ()):
            out.append(f'<span class="tag t-{kind}" aria-hidden="true">{escape_text(label)}</span>')
    return "".join(out)


def _marks_table(text: str, marks: list[Mark]) -> str:
    rows = []
    order = sorted(range(len(marks)), key=lambda i: (marks[i].start, marks[i].end))
    for n, i in enumerate(order, 1):
        m = marks[i]
        if m.kind == "sentence":
            continue
        quoted = " ".join(text[m.start : m.end].split())
        if len(quoted) > 160:
            quoted = quoted[:157] + "…"
        approx = " (vị trí tìm lại)" if m.approximate else ""
        rows.append(
            f'<tr class="r-{m.kind}"><td>{n}</td><td>{escape_text(KIND_SHORT[m.kind])}</td>'
            f'<td><a href="#m{i}">{escape_text(quoted)}</a></td>'
            f"<td>{escape_text(m.detail + approx)}</td><td>{m.start}–{m.end}</td></tr>"
        )
    return "\n".join(rows)


def render_annotation(source: SourceDocument, extraction: Extraction) -> str:
    """One self-contained page: the document's text with its extraction highlighted."""
    marks, missing = collect_marks(source, extraction)
    doc = extraction.document
    header_rows = [
        ("Số hiệu", doc.symbol),
        ("Khóa", doc.key),
        ("Loại", doc.type or ""),
        ("Cơ quan ban hành", doc.issuer or ""),
        ("Ngày", doc.date or ""),
        ("Trích yếu", doc.title or ""),
        ("Tệp", source.name),
    ]
    header = "".join(
        f"<dt>{escape_text(k)}</dt><dd>{escape_text(v)}</dd>" for k, v in header_rows if v
    )
    counts = {k: sum(1 for m in marks if m.kind == k) for k in KINDS}
    toggles = "".join(
        f'<label class="toggle t-{k}"><input type="checkbox" checked data-kind="{k}"> '
        f"{escape_text(label)} ({counts[k]})</label>"
        for k, label in KINDS.items()
    )
    missing_html = ""
    if missing:
        items = "".join(f"<li>{escape_text(x)}</li>" for x in missing)
        missing_html = (
            f"<details open><summary>{len(missing)} mục không tìm thấy vị trí trong "
            f"văn bản</summary><ul>{items}</ul></details>"
        )
    template = resources.files("vbgraph.views").joinpath("annotate.html").read_text("utf-8")
    title = f"Kiểm tra trích xuất — {doc.symbol}"
    return fill_template(
        template,
        {
            "__TITLE__": escape_text(title),
            "__HEADER__": header,
            "__TOGGLES__": toggles,
            "__MISSING__": missing_html,
            "__TEXT__": annotated_text(source.text, marks),
            "__ROWS__": _marks_table(source.text, marks),
            "__SUMMARY__": escape_text(
                f"{len(extraction.edges)} quan hệ văn bản, "
                f"{len(extraction.unnumbered)} văn bản dẫn theo tên, "
                f"{len(extraction.assignments)} lần giao việc, "
                f"{len(extraction.tasks)} nhiệm vụ"
            ),
        },
    )
