"""Text rendering of an evaluation report (``vbgraph eval``)."""

from __future__ import annotations

from typing import Any

JSON = dict[str, Any]


def _pct(x: float) -> str:
    return f"{100 * x:5.1f}%"


def _prf_line(name: str, s: JSON) -> str:
    return (f"{name:<22} P {_pct(s['precision'])}  R {_pct(s['recall'])}  F1 {_pct(s['f1'])}"
            f"   (tp {s['tp']}, fp {s['fp']}, fn {s['fn']})")  # fmt: skip


def _acc_line(name: str, s: JSON, ok: str = "ok", total: str = "total") -> str:
    return f"{name:<22} {_pct(s['accuracy'])}   ({s[ok]}/{s[total]})"


def format_report(report: JSON) -> str:
    """Overall figures (with the issue's targets), then each document's errors."""
    if report.get("schema") == "real":
        return format_real_report(report)
    o = report["overall"]
    t = report.get("targets", {})
    lines = [f"gold {report['gold_dir']}  corpus {report['corpus_dir']}  "
             f"({len(report['files'])} documents)", ""]  # fmt: skip

    def mark(value: float, target: str) -> str:
        return "" if target not in t else ("  ok" if value >= t[target] else
                                          f"  BELOW target {t[target]:.2f}")  # fmt: skip

    lines.append(_prf_line("references", o["references"])
                 + mark(o["references"]["f1"], "reference_f1"))  # fmt: skip
    lines.append(_acc_line("document keys", o["keys"]))
    lines.append(_prf_line("first-order edges", o["edges"]))
    lines.append(_acc_line("relation accuracy", o["relation_accuracy"])
                 + mark(o["relation_accuracy"]["accuracy"], "relation_accuracy"))  # fmt: skip
    lines.append(_prf_line("second-order edges", o["second_order"])
                 + mark(o["second_order"]["recall"], "second_order_recall"))  # fmt: skip
    lines.append(_acc_line("document dates", o["dates"])
                 + mark(o["dates"]["accuracy"], "date_accuracy"))  # fmt: skip
    n = len(report["files"])
    lines.append("subject fields         " + ", ".join(
        f"{k} {v}/{n}" for k, v in o["subject"].items()))  # fmt: skip
    lines.append(_prf_line("unnumbered refs", o["unnumbered"]))
    if "assignments" in o:
        lines.append(_prf_line("assignments", o["assignments"]))
    if "tasks" in o:
        lines.append(_acc_line("task rows (exact)", o["tasks"], "exact", "total"))
    scored = o.get("scored", {})
    partial = {k: v for k, v in scored.items() if v < n}
    if partial:
        counts = ", ".join(f"{k} {v}/{n}" for k, v in partial.items())
        lines.append(f"scored on              {counts} documents (absent gold keys)")
    for name in report.get("missing", ()):
        lines.append(f"no corpus document for gold file {name}")
    for f in report["files"]:
        lines.append("")
        lines.extend(_file_lines(f))
    return "\n".join(lines)


def _file_lines(f: JSON) -> list[str]:
    d, e, u = f.get("documents"), f.get("edges"), f.get("unnumbered")
    parts = []
    if d is not None:
        parts.append(f"references tp {d['tp']} fp {d['fp']} fn {d['fn']}; keys {d['keys_ok']}/"
                     f"{d['keys_total']}; dates {d['dates_ok']}/{d['dates_total']}")  # fmt: skip
    if e is not None:
        so = e["second"]
        parts.append(f"relations {e['relation_ok']}/{e['relation_total']}; second-order tp "
                     f"{so['tp']} fp {so['fp']} fn {so['fn']}")  # fmt: skip
    if u is not None:
        parts.append(f"unnumbered tp {u['tp']} fp {u['fp']} fn {u['fn']}")
    lines = [f"== {f['file']}"]
    if parts:
        lines.append("   " + "; ".join(parts))
    for field, s in f["subject"].items():
        if not s["ok"]:
            lines.append(f"   subject {field}: {s['gold']!r} (got {s['got']!r})")
    sections: list[tuple[str, list[str]]] = []
    if d is not None:
        sections += [("missed reference", d["misses"]), ("false reference", d["false_hits"]),
                     ("wrong key", d["wrong_keys"]), ("wrong date", d["wrong_dates"])]  # fmt: skip
    if e is not None:
        sections += [
            ("missed edge", e["first"]["misses"]), ("false edge", e["first"]["false_hits"]),
            ("wrong relation", e["wrong_relations"]),
            ("missed second-order", e["second"]["misses"]),
            ("false second-order", e["second"]["false_hits"]),
        ]  # fmt: skip
    if u is not None:
        sections += [("missed unnumbered", u["misses"]), ("false unnumbered", u["false_hits"])]
    for label, items in sections:
        lines.extend(f"   {label}: {item}" for item in items)
    if "assignments" in f:
        a = f["assignments"]
        lines.append(f"   assignments tp {a['tp']} fp {a['fp']} fn {a['fn']}")
    return lines


def _mark(value: float, targets: JSON, name: str) -> str:
    if name not in targets:
        return ""
    return "  ok" if value >= targets[name] else f"  BELOW target {targets[name]:.2f}"


def format_real_report(report: JSON) -> str:
    """A real set's figures (targets of the real-document scoring), then each document's."""
    o, t = report["overall"], report.get("targets", {})
    n = len(report["files"])
    head = f"{report.get('set', 'real documents')}: gold {report['gold_dir']}  corpus "
    lines = [head + f"{report['corpus_dir']}  ({n} documents)", ""]
    refs, so, a = o["references"], o["second_order"], o["assignments"]
    lines.append(_prf_line("references", refs) + _mark(refs["f1"], t, "reference_f1"))
    lines.append(_acc_line("relation accuracy", o["relation_accuracy"])
                 + _mark(o["relation_accuracy"]["accuracy"], t, "relation_accuracy"))  # fmt: skip
    if so["docs"]:
        lines.append(_prf_line("second-order edges", so)
                     + _mark(so["recall"], t, "second_order_recall")
                     + f"   ({so['docs']} documents annotated)")  # fmt: skip
    lines.append(
        f"{'assignments':<22} R {_pct(a['recall'])}  (tp {a['tp']}, fn {a['fn']})"
        f"{_mark(a['recall'], t, 'assignment_recall')}"
        f"   P {_pct(a['precision'])} on {a['precision_docs']} fully annotated "
        f"documents (fp {a['fp']}){_mark(a['precision'], t, 'assignment_precision')}"
    )
    u = o["unnumbered"]
    lines.append(
        f"{'name-only references':<22} R {_pct(u['recall'])}  (tp {u['tp']}, fn {u['fn']})"
    )
    lines.append(
        "subject fields         " + ", ".join(f"{k} {v}/{n}" for k, v in o["subject"].items())
    )
    for name in report.get("missing", ()):
        lines.append(f"no corpus document for gold file {name}")
    for f in report["files"]:
        lines.append("")
        lines.extend(_real_file_lines(f))
    return "\n".join(lines)


def _real_file_lines(f: JSON) -> list[str]:
    d, e, a = f["documents"], f["edges"], f["assignments"]
    so = e["second"]
    lines = [f"== {f['file']}",
             f"   references tp {d['tp']} fp {d['fp']} fn {d['fn']}; relations "
             f"{d['relation_ok']}/{d['relation_total']}; assignments tp {a['tp']} fn {a['fn']}"
             + (f" fp {a['fp']}" if a["complete"] else "")
             + (f"; second-order tp {so['tp']} fp {so['fp']} fn {so['fn']}" if so.get("scored")
                else "")]  # fmt: skip
    for field, s in f["subject"].items():
        if not s["ok"]:
            lines.append(f"   subject {field}: {s['gold']!r} (got {s['predicted']!r})")
    sections = [("missed reference", d["misses"]), ("false reference", d["false_hits"]),
                ("wrong relation", d["wrong_relations"]),
                ("missed name-only", f["unnumbered"]["misses"]),
                ("missed second-order", so.get("misses", [])),
                ("false second-order", so.get("false_hits", [])),
                ("missed assignment", a["misses"]),
                ("false assignment", a.get("false_hits", []))]  # fmt: skip
    for label, items in sections:
        lines.extend(f"   {label}: {item}" for item in items)
    return lines
