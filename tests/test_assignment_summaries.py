"""``assigned`` for one agency reads per-document summaries: they must equal the full query
after every kind of write (add, replace, forget) and be rebuilt for older stores."""

from __future__ import annotations

from typing import Any

from vbgraph.graph.falkor_store import FalkorStore
from vbgraph.graph.ingest import forget_document, store_extraction, store_extractions
from vbgraph.graph.migrate import CURRENT, migrate, store_version
from vbgraph.models import ROLE_TYPES, Assignment, DocInfo, Extraction, Task
from vbgraph.queries.cypher.agencies import ASSIGNED, ASSIGNED_ALL_ROLES


def _both(store: FalkorStore, agency: str) -> tuple[list[Any], list[Any]]:
    """(summary rows, full-query rows) for one agency key, roles as sets."""
    summary = store.read(ASSIGNED_ALL_ROLES, {"agency": agency, "since": None, "until": None})
    full = store.read(ASSIGNED, {"agencies": [agency], "roles": list(ROLE_TYPES.values()),
                                   "since": None, "until": None})

    def norm(rows: list[dict[str, Any]]) -> list[Any]:
        return [{**r, "roles": sorted(r["roles"])} for r in rows]

    return norm(summary), norm(full)


def _agency_keys(store: FalkorStore) -> list[str]:
    return [r["key"] for r in store.read("MATCH (a:Agency) RETURN a.key AS key ORDER BY key")]


def _assert_summaries_agree(store: FalkorStore) -> int:
    compared = 0
    for key in _agency_keys(store):
        summary, full = _both(store, key)
        assert summary == full, key
        compared += len(full)
    return compared


def test_summaries_equal_the_full_query_on_the_gold_corpus(
    store: FalkorStore, gold_extractions: list[Extraction]
) -> None:
    store_extractions(store, gold_extractions)
    assert _assert_summaries_agree(store) > 20  # the gold corpus assigns many agencies


def _plan(sha: str, tasks: dict[str, list[tuple[str, str]]]) -> Extraction:
    """A Thanh Hóa plan whose tasks give (agency, role) pairs."""
    doc = DocInfo("12/KH-UBND", "12/KH-UBND|Thanh Hóa|2021", province="Thanh Hóa",
                  date="2021-03-02", title="Kế hoạch thực hiện ...")
    return Extraction(
        file="12.txt", document=doc, sha256=sha,
        tasks=tuple(Task(id=t) for t in tasks),
        assignments=tuple(Assignment(agency=a, province="Thanh Hóa", role=role, task=t)
                          for t, pairs in tasks.items() for a, role in pairs),
    )


def test_summaries_follow_a_replaced_and_a_forgotten_document(store: FalkorStore) -> None:
    first = _plan("v1", {"1": [("Sở Ngoại vụ", "lead"), ("Sở Tư pháp", "coordinate")],
                         "2": [("Sở Ngoại vụ", "lead"), ("Sở Ngoại vụ", "monitor")]})
    store_extraction(store, first)
    summary, _ = _both(store, "Sở Ngoại vụ|Thanh Hóa")
    assert [(r["roles"], r["tasks"]) for r in summary] == [(["LEADS", "MONITORS"], 2)]
    second = _plan("v2", {"1": [("Sở Tư pháp", "lead"), ("Sở Ngoại vụ", "coordinate")]})
    assert store_extraction(store, second).status == "replaced"
    summary, _ = _both(store, "Sở Ngoại vụ|Thanh Hóa")
    assert [(r["roles"], r["tasks"]) for r in summary] == [(["COORDINATES"], 1)]
    _assert_summaries_agree(store)
    forget_document(store, second.document.key)
    assert _both(store, "Sở Tư pháp|Thanh Hóa") == ([], [])


def test_an_older_store_gets_its_summaries_built(
    store: FalkorStore, gold_extractions: list[Extraction]
) -> None:
    store_extractions(store, gold_extractions)
    expected = {key: _both(store, key)[1] for key in _agency_keys(store)}
    store.write("MATCH ()-[s:ASSIGNED_IN]->() DELETE s")  # as written before version 2
    assert store_version(store) == 1
    assert migrate(store) == 1
    assert store_version(store) == CURRENT
    assert {key: _both(store, key)[0] for key in _agency_keys(store)} == expected
    assert migrate(store) == CURRENT  # idempotent: nothing to do the second time
