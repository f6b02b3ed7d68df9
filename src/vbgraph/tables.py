"""The table form of the questions' answers, one definition for the two places that print
them: the CLI (its aligned table and ``--csv``) and ``/api/<command>?format=csv``.

``tests/test_web_api.py`` compares the two command by command.
"""

from __future__ import annotations

from typing import Any

from vbgraph.queries.documents import Card
from vbgraph.queries.lineage import Lineage

LINEAGE_COLUMNS = ["source", "relation", "target", "target in corpus", "stated by"]
SHOW_COLUMNS = ["kind", "relation", "other", "section", "stated by", "sentence"]
STATS_COLUMNS = ["what", "count"]


def short(key: str | None) -> str:
    """A document key's symbol (``590/QĐ-UBND|Quảng Ngãi|2014`` -> ``590/QĐ-UBND``)."""
    return (key or "").split("|")[0]


def lineage_rows(result: Lineage) -> list[dict[str, Any]]:
    """``lineage``: one row per relation, with the symbols at both ends."""
    nodes = {n.key: n for n in result.nodes}
    return [
        {"source": nodes[e.source].symbol, "relation": e.relation,
         "target": nodes[e.target].symbol,
         "target in corpus": nodes[e.target].in_corpus, "stated by": short(e.asserted_by)}
        for e in result.edges
    ]


def show_rows(card: Card) -> list[dict[str, Any]]:
    """``show --csv``: one row per relation and per agency role, with its sentence."""
    rows = [{"kind": "points at", "relation": r["relation"], "other": r["symbol"],
             "section": "", "stated by": short(r.get("asserted_by")), "sentence": r["raw"]}
            for r in card.rests_on]
    rows += [{"kind": "pointed at by", "relation": r["relation"], "other": r["symbol"],
              "section": "", "stated by": short(r.get("asserted_by")), "sentence": r["raw"]}
             for r in card.cited_by]
    rows += [{"kind": "task", "relation": a["role"], "other": a["agency"],
              "section": t["section"], "stated by": card.document["symbol"],
              "sentence": a["raw"]} for t in card.tasks for a in t["agencies"]]
    return rows


def stats_rows(result: dict[str, Any]) -> list[dict[str, Any]]:
    """``stats``: the counts of ``queries.corpus.stats``, one row each."""
    docs = result["documents"]
    rows = [{"what": "documents in corpus", "count": docs["in_corpus"]},
            {"what": "documents cited only", "count": docs["stubs"]},
            {"what": "agencies", "count": result["agencies"]},
            {"what": "tasks", "count": result["tasks"]}]
    rows += [{"what": rel, "count": n} for rel, n in result["edges"].items()]
    return rows
