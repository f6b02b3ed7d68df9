"""Scoring of reference extraction against one gold file.

Every function takes the gold JSON dict of one file and the extractor's
``Extraction.to_json()`` and returns a plain dict of counts plus the misses and
false hits, so ``evaluation.evaluate`` can sum them over files.  Gold entries
with ``"uncertain": true`` count neither as misses nor, when predicted, as
false hits.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

JSON = dict[str, Any]


def _nfc(s: str | None) -> str:
    return unicodedata.normalize("NFC", s or "")


def _split(entries: Any, key: Any) -> tuple[dict[Any, JSON], set[Any]]:
    certain: dict[Any, JSON] = {}
    uncertain: set[Any] = set()
    for e in entries or ():
        k = key(e)
        if e.get("uncertain"):
            uncertain.add(k)
        else:
            certain[k] = e
    return certain, uncertain - set(certain)


def _counts(certain: dict[Any, JSON], uncertain: set[Any], predicted: dict[Any, JSON]) -> JSON:
    tp = [k for k in predicted if k in certain]
    fp = [k for k in predicted if k not in certain and k not in uncertain]
    fn = [k for k in certain if k not in predicted]
    return {"tp": len(tp), "fp": len(fp), "fn": len(fn), "_fp": fp, "_fn": fn}


def score_documents(gold: JSON, pred: JSON) -> JSON:
    """Referenced documents matched on the full key ``symbol|scope|year``.

    Also reports key accuracy (gold documents found by symbol whose key is
    exactly right) and date accuracy of those documents.
    """
    certain, uncertain = _split(gold.get("documents"), lambda d: _nfc(d["key"]))
    predicted = {_nfc(d["key"]): d for d in pred.get("documents", ())}
    out = _counts(certain, uncertain, predicted)
    by_symbol = {_nfc(d["symbol"]): d for d in pred.get("documents", ())}
    keys_total = keys_ok = dates_total = dates_ok = 0
    wrong_keys: list[str] = []
    wrong_dates: list[str] = []
    for d in certain.values():
        p = by_symbol.get(_nfc(d["symbol"]))
        keys_total += 1
        if p is not None and _nfc(p["key"]) == _nfc(d["key"]):
            keys_ok += 1
        else:
            wrong_keys.append(f"{d['key']} (got {p['key'] if p else 'nothing'})")
        if d.get("date"):
            dates_total += 1
            if p is not None and p.get("date") == d["date"]:
                dates_ok += 1
            else:
                wrong_dates.append(
                    f"{d['symbol']}: {d['date']} (got {p.get('date') if p else None})"
                )
    out.update(
        keys_total=keys_total, keys_ok=keys_ok, wrong_keys=wrong_keys,
        dates_total=dates_total, dates_ok=dates_ok, wrong_dates=wrong_dates,
        misses=[certain[k]["key"] for k in out.pop("_fn")],
        false_hits=[predicted[k]["key"] for k in out.pop("_fp")],
    )  # fmt: skip
    return out


def score_edges(gold: JSON, pred: JSON) -> JSON:
    """First-order edges (source = the subject) and second-order edges.

    ``relation_*``: of the certain gold first-order edges whose (source,
    target) pair is predicted, how many carry the gold relation.
    ``second_*``: second-order edges matched on (source, target, relation).
    """
    subject = _nfc(gold["document"]["key"])
    first_gold = [e for e in gold.get("edges", ()) if _nfc(e["source"]) == subject]
    second_gold = [e for e in gold.get("edges", ()) if _nfc(e["source"]) != subject]
    pred_subject = _nfc(pred["document"]["key"])
    first_pred = [e for e in pred.get("edges", ()) if _nfc(e["source"]) == pred_subject]
    second_pred = [e for e in pred.get("edges", ()) if _nfc(e["source"]) != pred_subject]

    def pair(e: JSON) -> tuple[str, str]:
        return _nfc(e["source"]), _nfc(e["target"])

    certain, uncertain = _split(first_gold, pair)
    predicted = {pair(e): e for e in first_pred}
    # the subject's own key may differ: compare targets only for first-order edges
    certain_t = {k[1]: v for k, v in certain.items()}
    uncertain_t = {k[1] for k in uncertain}
    predicted_t = {k[1]: v for k, v in predicted.items()}
    first = _counts(certain_t, uncertain_t, predicted_t)
    rel_total = rel_ok = 0
    wrong_relations: list[str] = []
    for target, g in certain_t.items():
        p = predicted_t.get(target)
        if p is None:
            continue
        rel_total += 1
        if p["relation"] == g["relation"]:
            rel_ok += 1
        else:
            wrong_relations.append(f"{target}: {g['relation']} (got {p['relation']})")

    def triple(e: JSON) -> tuple[str, str, str]:
        return _nfc(e["source"]), _nfc(e["target"]), e["relation"]

    s_certain, s_uncertain = _split(second_gold, triple)
    # an uncertain gold pair also covers a prediction with another relation
    s_uncertain |= {t for t in s_uncertain}
    s_pred = {triple(e): e for e in second_pred}
    s_unc_pairs = {(a, b) for a, b, _ in s_uncertain}
    for k in list(s_pred):
        if (k[0], k[1]) in s_unc_pairs:
            s_uncertain.add(k)
    second = _counts(s_certain, s_uncertain, s_pred)
    return {
        "first": {
            "tp": first["tp"], "fp": first["fp"], "fn": first["fn"],
            "misses": [f"{subject} -> {k} ({certain_t[k]['relation']})" for k in first["_fn"]],
            "false_hits": [f"-> {k} ({predicted_t[k]['relation']})" for k in first["_fp"]],
        },
        "relation_total": rel_total,
        "relation_ok": rel_ok,
        "wrong_relations": wrong_relations,
        "second": {
            "tp": second["tp"], "fp": second["fp"], "fn": second["fn"],
            "misses": [" -> ".join(k[:2]) + f" ({k[2]})" for k in second["_fn"]],
            "false_hits": [" -> ".join(k[:2]) + f" ({k[2]})" for k in second["_fp"]],
        },
    }  # fmt: skip


def score_subject(gold: JSON, pred: JSON) -> JSON:
    """The document itself: key, date, type, issuer, province (each right or wrong)."""
    g, p = gold["document"], pred["document"]
    fields = ("key", "date", "type", "issuer", "province", "title")
    return {f: {"ok": _nfc(g.get(f)) == _nfc(p.get(f)), "gold": g.get(f), "got": p.get(f)}
            for f in fields}  # fmt: skip


def _words(s: str) -> set[str]:
    return set(re.findall(r"\w+", _nfc(s).casefold()))


def _same_ref(a: str, b: str) -> bool:
    wa, wb = _words(a), _words(b)
    if not wa or not wb:
        return False
    overlap = len(wa & wb)
    return overlap / min(len(wa), len(wb)) >= 0.8 or overlap / len(wa | wb) >= 0.5


def _overlap(a: str, b: str) -> float:
    wa, wb = _words(a), _words(b)
    return len(wa & wb) / len(wa | wb) if wa and wb else 0.0


def score_unnumbered(gold: JSON, pred: JSON) -> JSON:
    """Name-only references matched by word overlap of their text (raw or name)."""
    gold_refs = list(gold.get("unnumbered", ()))
    pred_refs = list(pred.get("unnumbered", ()))

    def texts(e: JSON) -> list[str]:
        return [t for t in (e.get("raw"), e.get("name")) if t]

    matched_gold: set[int] = set()
    tp = fp = 0
    false_hits: list[str] = []
    for p in pred_refs:
        # one-to-one: the best-overlapping gold entry not matched yet, else a repeat
        hits = [(i, max(_overlap(a, b) for a in texts(g) for b in texts(p)))
                for i, g in enumerate(gold_refs)
                if any(_same_ref(a, b) for a in texts(g) for b in texts(p))]  # fmt: skip
        if not hits:
            fp += 1
            false_hits.append(p["raw"])
            continue
        fresh = [h for h in hits if h[0] not in matched_gold]
        hit = max(fresh or hits, key=lambda h: h[1])[0]
        if not gold_refs[hit].get("uncertain") and hit not in matched_gold:
            tp += 1
        matched_gold.add(hit)
    misses = [g["raw"] for i, g in enumerate(gold_refs)
              if not g.get("uncertain") and i not in matched_gold]  # fmt: skip
    return {"tp": tp, "fp": fp, "fn": len(misses), "misses": misses, "false_hits": false_hits}
