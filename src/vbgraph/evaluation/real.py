"""Scoring against the real-document gold files (the development set's schema).

A real gold file (``../shared/gold/dev/README.md``; ``gold/real/`` adds
``second_order`` and ``assignments_complete``) names documents by the number and
symbol written in the text and agencies as written, not by keys and canonical names.
So the scorer matches loosely where the schema is loose:

* *references*: a gold reference with a number is found when a predicted document's
  symbol folds to the same ``number/symbol`` (case, diacritics, ``-``/``/`` and spaces
  ignored); a gold reference marked ``self_reference`` is the document itself and is
  found when the predicted subject has that symbol.  Predicted documents that match
  no gold reference are false hits, except a document the gold says is not annotated.
  Name-only gold references (no number) are scored apart, against the name-only
  references found (``unnumbered``).
* *relation accuracy*: over the found references (self references aside), the
  predicted relation of the document to it equals the gold ``relation`` or one of
  its ``also_relations``.
* *second order*: gold ``second_order`` edges (source and target by number/symbol and
  relation) against predicted edges whose source is not the document itself.
* *assignments*: a gold entry ``(agency as written, role, task_hint)`` is found by a
  predicted assignment with the same role (``report_to`` is ``report_hub``; an
  ``alt_role`` is accepted) whose agency is the same body (names equal after folding,
  one containing the other, or the extractor's own reading of the gold name giving the
  predicted one), one given for the gold's task first, else the nearest to the task's
  words (wherever they stand: a task stated in the body and again in an appendix table),
  each used once.  Gold entries of one agency and role whose task words stand on
  one line are one assignment (the graph gives an agency one role per task).  A found
  gold entry that names several bodies in one string ("Các Bộ: Y tế, Công Thương", "Các
  sở, ban, ngành; Ủy ban nhân dân các xã, phường") also takes the assignments of its other
  bodies for the same task and role (one found entry; the others are no false hits).  Precision
  only where the gold lists every assignment (``assignments_complete``, or fewer than
  15 listed).
* *subject*: number/symbol (none when the gold number is null), issuer, date, type.

Entries marked ``uncertain`` count neither as misses nor as false hits.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from vbgraph.lookup import fold_name, fold_symbol

JSON = dict[str, Any]

_ROLES = {"report_to": "report_hub"}
#: The gold lists at most this many assignments unless it says it lists them all.
_CAPPED_AT = 15
#: How far (characters) an assignment may stand from its task's words and still be it.
_TASK_REACH = 4000
_WORDS = re.compile(r"\s+")


def is_real_gold(gold: JSON) -> bool:
    """Whether ``gold`` has the real-document schema (``doc`` + ``references``)."""
    return "doc" in gold and "references" in gold


def gold_symbol(entry: JSON) -> str | None:
    """The folded ``number/symbol`` of a gold reference or document (None: no number)."""
    number, symbol = entry.get("number"), entry.get("symbol")
    if not number:
        return None
    return fold_symbol(f"{number}/{symbol}" if symbol else str(number))


def _prf(tp: int, fp: int, fn: int) -> JSON:
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return {"tp": tp, "fp": fp, "fn": fn, "precision": p, "recall": r,
            "f1": 2 * p * r / (p + r) if p + r else 0.0}  # fmt: skip


def score_real_file(gold: JSON, predicted: JSON, text: str) -> JSON:
    """Every score of one real document (``predicted``: ``Extraction.to_json()``)."""
    refs = _score_references(gold, predicted)
    out: JSON = {
        "subject": _score_subject(gold, predicted),
        "documents": refs,
        "edges": {"relation_ok": refs["relation_ok"], "relation_total": refs["relation_total"],
                  "second": _score_second_order(gold, predicted)},
        "unnumbered": _score_unnumbered(gold, predicted),
        "assignments": _score_assignments(gold, predicted, text),
    }  # fmt: skip
    return out


# --------------------------------------------------------------------------- subject


def _score_subject(gold: JSON, predicted: JSON) -> JSON:
    g, p = gold["doc"], predicted["document"]
    want = gold_symbol(g)
    have = fold_symbol(p.get("symbol") or "") or None
    fields = {
        "symbol": want == have,
        "date": (g.get("date") or None) == (p.get("date") or None),
        "issuer": _same_name(g.get("issuer"), p.get("issuer")),
        "type": (g.get("type") or None) == (p.get("type") or None),
    }
    return {name: {"ok": int(ok), "gold": _show(g, name), "predicted": p.get(name)}
            for name, ok in fields.items()}  # fmt: skip


def _show(g: JSON, name: str) -> Any:
    if name == "symbol":
        return f"{g.get('number')}/{g.get('symbol')}" if g.get("number") else None
    return g.get(name)


def _same_name(a: str | None, b: str | None) -> bool:
    if not a or not b:
        return not a and not b
    fa, fb = _fold(a), _fold(b)
    return fa == fb or fa in fb or fb in fa


# --------------------------------------------------------------------------- references


def _score_references(gold: JSON, predicted: JSON) -> JSON:
    subject = predicted["document"]
    subject_symbol = fold_symbol(subject.get("symbol") or "")
    docs = {fold_symbol(d["symbol"]): d for d in predicted.get("documents", ())}
    relation_of = {
        e["target"]: e["relation"] for e in predicted.get("edges", ())
        if e["source"] == subject["key"]
    }  # fmt: skip
    tp = fn = ok = total = 0
    misses: list[JSON] = []
    wrong: list[JSON] = []
    matched: set[str] = set()
    for ref in gold["references"]:
        sym = gold_symbol(ref)
        if sym is None:
            continue  # name only: scored as unnumbered
        if ref.get("self_reference"):
            if sym == subject_symbol:
                tp += 1
            elif not ref.get("uncertain"):
                fn += 1
                misses.append(_ref_view(ref))
            continue
        doc = docs.get(sym)
        if doc is None:
            if not ref.get("uncertain"):
                fn += 1
                misses.append(_ref_view(ref))
            continue
        matched.add(sym)
        tp += 1
        relation = relation_of.get(doc["key"], "cites")
        accepted = {ref["relation"], *ref.get("also_relations", ())}
        if not ref.get("uncertain"):
            total += 1
            if relation in accepted:
                ok += 1
            else:
                wrong.append({**_ref_view(ref), "predicted": relation})
    uncertain = {gold_symbol(r) for r in gold["references"] if r.get("uncertain")}
    false_hits = [
        d["symbol"] for sym, d in docs.items()
        if sym not in matched and sym not in uncertain and sym != subject_symbol
    ]  # fmt: skip
    return {"tp": tp, "fp": len(false_hits), "fn": fn, "misses": misses,
            "false_hits": false_hits, "relation_ok": ok, "relation_total": total,
            "wrong_relations": wrong}  # fmt: skip


def _ref_view(ref: JSON) -> JSON:
    number, symbol = ref.get("number"), ref.get("symbol")
    return {"symbol": f"{number}/{symbol}" if number else ref.get("raw"),
            "relation": ref.get("relation")}  # fmt: skip


def _score_unnumbered(gold: JSON, predicted: JSON) -> JSON:
    """Name-only gold references found among the name-only references (by name words)."""
    found = [_fold(u.get("name") or u.get("raw") or "") for u in predicted.get("unnumbered", ())]
    tp = fn = 0
    misses = []
    for ref in gold["references"]:
        if gold_symbol(ref) is not None or ref.get("uncertain"):
            continue
        raw = _fold(ref["raw"])
        if any(raw[:30] in f or f[:30] in raw for f in found if f):
            tp += 1
        else:
            fn += 1
            misses.append(ref["raw"])
    return {"tp": tp, "fp": 0, "fn": fn, "misses": misses}


def _score_second_order(gold: JSON, predicted: JSON) -> JSON:
    if "second_order" not in gold:
        return {"tp": 0, "fp": 0, "fn": 0, "scored": False}
    subject_key = predicted["document"]["key"]
    symbol_of = {d["key"]: fold_symbol(d["symbol"]) for d in predicted.get("documents", ())}
    symbol_of[subject_key] = fold_symbol(predicted["document"].get("symbol") or "")
    pred = {
        (symbol_of.get(e["source"], ""), symbol_of.get(e["target"], ""), e["relation"])
        for e in predicted.get("edges", ()) if e["source"] != subject_key
    }  # fmt: skip
    want: set[tuple[str, str, str]] = set()
    unsure: set[tuple[str, str, str]] = set()
    for e in gold["second_order"]:
        key = (gold_symbol(e["source"]) or "", gold_symbol(e["target"]) or "", e["relation"])
        (unsure if e.get("uncertain") else want).add(key)
    tp = len(want & pred)
    return {"tp": tp, "fp": len(pred - want - unsure), "fn": len(want - pred), "scored": True,
            "misses": sorted(want - pred), "false_hits": sorted(pred - want - unsure)}  # fmt: skip


# --------------------------------------------------------------------------- assignments


def _fold(name: str) -> str:
    return fold_name(name.replace("_", " ")).strip(" .,;:-")


def _same_agency(gold_name: str, predicted: JSON, province: str | None) -> bool:
    g, p = _fold(gold_name), _fold(predicted["agency"])
    g = g.removeprefix("cac ")
    p = p.removeprefix("cac ")
    if g == p or (len(g) > 6 and g in p) or (len(p) > 6 and p in g):
        return True
    want = _fold(predicted["agency"])
    return any(_fold(name) == want for name in _read_names(gold_name, province))


@lru_cache(maxsize=4096)
def _read_names(name: str, province: str | None) -> frozenset[str]:
    """The bodies the extractor reads in ``name`` (its gazetteer and noun-phrase grammar),
    and the gazetteer's best look-ups of it."""
    from vbgraph.loaders.find.agencies.matcher import find_mentions, lookup_agencies
    from vbgraph.loaders.find.agencies.names import open_mentions
    from vbgraph.loaders.text.normalize import normalize

    text = normalize(name.replace("_", " ")).text  # a word-segmented text's gold name
    found = {m.agency.name for m in open_mentions(text, province, find_mentions(text, province))}
    looked_up = {a.name for a in lookup_agencies(name.replace("_", " "), province)[:3]}
    return frozenset(found | looked_up)


def _score_assignments(gold: JSON, predicted: JSON, text: str) -> JSON:
    entries = gold.get("assignments", [])
    complete = gold.get("assignments_complete", len(entries) < _CAPPED_AT)
    flat = _WORDS.sub(" ", text)
    offsets = _flat_offsets(text)
    province = predicted["document"].get("province")
    pool = list(predicted.get("assignments", ()))
    spans = {t["id"]: (t.get("start", -1), t.get("end", -1)) for t in predicted.get("tasks", ())}
    used: set[int] = set()
    tp = fn = 0
    misses: list[JSON] = []
    golds = _one_per_line(entries, text, flat, offsets)
    # every admissible (distance, gold, predicted) pair: a gold entry takes the assignment
    # given for its own task before an entry standing near that task takes it
    pairs: list[tuple[int, int, int]] = []
    for i, (g, where) in enumerate(golds):
        roles = {_ROLES.get(g["role"], g["role"])}
        if g.get("alt_role"):
            roles.add(_ROLES.get(g["alt_role"], g["alt_role"]))
        for k, p in enumerate(pool):
            if p["role"] in roles and _same_agency(g["agency"], p, province):
                d = min(_distance(p, spans.get(p.get("task")), w)
                        for w in _occurrences(g, where, flat, offsets))
                if d <= _TASK_REACH:
                    pairs.append((d, i, k))
    matched: dict[int, int] = {}
    for d, i, k in pairs:  # first the assignments given for the gold's own task
        if d == 0 and i not in matched and k not in used:
            matched[i] = k
            used.add(k)
    for i in range(len(golds)):  # then, in the gold's order, the nearest left
        near = [(d, k) for d, j, k in pairs if j == i and k not in used]
        if i not in matched and near:
            matched[i] = min(near)[1]
            used.add(matched[i])
    for i, (g, _where) in enumerate(golds):
        if g.get("uncertain"):
            continue
        if i in matched:
            tp += 1
        else:
            fn += 1
            misses.append({"agency": g["agency"], "role": g["role"], "task": g.get("task_hint")})
    used |= _members_of_matched(golds, matched, pool, used, province)
    out: JSON = {"tp": tp, "fn": fn, "misses": misses, "complete": bool(complete)}
    if complete:
        extra = [p for k, p in enumerate(pool) if k not in used]
        out["fp"] = len(extra)
        out["false_hits"] = [{"agency": p["agency"], "role": p["role"]} for p in extra]
    else:
        out["fp"] = 0
    return out


def _members_of_matched(golds: list[tuple[JSON, int]], matched: dict[int, int],
                        pool: list[JSON], used: set[int], province: str | None) -> set[int]:
    """Predicted assignments that are the other bodies of a found gold entry naming several
    ("Các Bộ: Y tế, Công Thương" read as each ministry): given for the same task and role,
    they are that entry's, not false hits."""
    out: set[int] = set()
    for i, k in matched.items():
        g, found = golds[i][0], pool[k]
        names = {_fold(n) for n in _read_names(g["agency"], province)}
        if len(names) < 2:
            continue
        for j, p in enumerate(pool):
            if (j not in used and j not in out and p["role"] == found["role"]
                    and p.get("task") == found.get("task") and _fold(p["agency"]) in names):
                out.add(j)
    return out


def _occurrences(g: JSON, where: int, flat: str, offsets: list[int]) -> list[int]:
    """Every place the task's words stand (a task stated in the body and again in the
    appendix table), the first being ``where``; [-1] when they stand nowhere."""
    if where < 0:
        return [where]
    hint = _WORDS.sub(" ", g.get("task_hint", ""))
    out: list[int] = []
    at = flat.find(hint)
    while at >= 0 and len(out) < 20:
        out.append(offsets[at])
        at = flat.find(hint, at + 1)
    return out or [where]


def _one_per_line(
    entries: list[JSON], text: str, flat: str, offsets: list[int]
) -> list[tuple[JSON, int]]:
    """The gold entries with where their task's words are (-1: not found), one per agency,
    role and line: clauses of one line given to one agency ("Phụ trách chung ...; chủ động
    kiểm tra ...") are one assignment of one task in the graph."""
    out: list[tuple[JSON, int]] = []
    seen: set[tuple[str, str, int]] = set()
    for g in entries:
        at = flat.find(_WORDS.sub(" ", g.get("task_hint", "")))
        where = offsets[at] if at >= 0 else -1
        if where >= 0:
            key = (_fold(g["agency"]), g["role"], text.count("\n", 0, where))
            if key in seen:
                continue
            seen.add(key)
        out.append((g, where))
    return out


def _distance(p: JSON, span: tuple[int, int] | None, where: int) -> int:
    """How far the task's words (at ``where``) are from the assignment: zero inside the
    task it was given for (an item inheriting its heading's agencies), else from where
    the agency is written."""
    if where < 0:
        return 0
    if span and span[0] <= where < span[1]:
        return 0
    return abs(p.get("start", 0) - where)


def _flat_offsets(text: str) -> list[int]:
    """For each character of the whitespace-collapsed text, its index in ``text``."""
    out: list[int] = []
    prev_space = False
    for i, ch in enumerate(text):
        if ch.isspace():
            if not prev_space:
                out.append(i)
            prev_space = True
        else:
            out.append(i)
            prev_space = False
    return out


# --------------------------------------------------------------------------- overall

#: Targets of issue 14, scored on real documents.
REAL_TARGETS: dict[str, float] = {
    "reference_f1": 0.96,
    "relation_accuracy": 0.92,
    "second_order_recall": 0.85,
    "second_order_precision": 0.95,
    "assignment_recall": 0.85,
    "assignment_precision": 0.90,
}


def _total(files: list[JSON], section: str, *keys: str) -> int:
    out = 0
    for f in files:
        value: Any = f.get(section, {})
        for k in keys:
            value = value.get(k, 0) if isinstance(value, dict) else 0
        out += value if isinstance(value, int) else 0
    return out


def overall_real(files: list[JSON]) -> JSON:
    """The set's figures: sums over its documents."""
    complete = [f for f in files if f["assignments"]["complete"]]
    assignments = _prf(_total(files, "assignments", "tp"), 0, _total(files, "assignments", "fn"))
    on_complete = _prf(_total(complete, "assignments", "tp"), _total(complete, "assignments", "fp"),
                       _total(complete, "assignments", "fn"))  # fmt: skip
    assignments["precision"] = on_complete["precision"]
    assignments["fp"] = on_complete["fp"]
    assignments["precision_docs"] = len(complete)
    ok, total = _total(files, "edges", "relation_ok"), _total(files, "edges", "relation_total")
    scored_second = [f for f in files if f["edges"]["second"].get("scored")]
    return {
        "references": _prf(_total(files, "documents", "tp"), _total(files, "documents", "fp"),
                           _total(files, "documents", "fn")),
        "relation_accuracy": {"ok": ok, "total": total, "accuracy": ok / total if total else 1.0},
        "second_order": {**_prf(_total(scored_second, "edges", "second", "tp"),
                                _total(scored_second, "edges", "second", "fp"),
                                _total(scored_second, "edges", "second", "fn")),
                         "docs": len(scored_second)},
        "unnumbered": _prf(_total(files, "unnumbered", "tp"), 0, _total(files, "unnumbered", "fn")),
        "assignments": assignments,
        "subject": {k: sum(f["subject"][k]["ok"] for f in files) for k in files[0]["subject"]},
    }  # fmt: skip
