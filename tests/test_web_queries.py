"""The web pages' Cypher texts (``queries/page_cypher.py``) and the reads built on them.

Like ``tests/test_cypher.py`` for ``queries/cypher.py``: every text runs on
FalkorDB, passes Neo4j's own parser and, asked about one agency, starts from an
index.  The paged reads agree with the CLI's whole answers for every agency.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.test_cypher import PARAMS, _lint
from tests.web_server import populate
from vbgraph.graph.falkor_result import params_header
from vbgraph.graph.falkor_store import FalkorStore
from vbgraph.models import ROLES
from vbgraph.queries import pages
from vbgraph.queries.agencies import assigned, find_agencies, tasks
from vbgraph.queries.documents import Card, show
from vbgraph.queries.page_cypher import page_queries

QUERIES = page_queries()
VALUES = {**PARAMS, "skip": 0, "limit": 10, "needle": "ngoai vu", "recent": 200}


def _params(text: str) -> dict[str, object]:
    import re

    return {n: VALUES[n] for n in set(re.findall(r"\$(\w+)", text))}


def test_the_module_has_the_texts_the_pages_use() -> None:
    assert set(QUERIES) == {"SEARCH_AGENCIES", "AGENCY_YEARS", "AGENCY_DOCUMENTS_PAGE",
                            "AGENCY_PARTNERS"}


@pytest.mark.parametrize("name", sorted(QUERIES))
def test_page_query_runs_on_falkordb(store: FalkorStore, name: str) -> None:
    assert isinstance(store.read(QUERIES[name], _params(QUERIES[name])), list)


def test_page_queries_pass_neo4j_parser() -> None:
    errors = {name: diags for name, diags in _lint(QUERIES).items() if diags}
    assert errors == {}


@pytest.mark.parametrize("name", sorted(set(QUERIES) - {"SEARCH_AGENCIES"}))
def test_agency_questions_start_from_an_index(store: FalkorStore, name: str) -> None:
    text = QUERIES[name]
    plan = store._graph.execute_command(
        "GRAPH.EXPLAIN", store._graph.name, params_header(_params(text)) + text)
    scans = [line.strip() for line in plan if "Scan" in line]
    assert scans and all("Index Scan" in line for line in scans), scans


def test_overview_and_pages_agree_with_the_whole_answers(store: FalkorStore,
                                                          seeds_dir: Path) -> None:
    populate(store, seeds_dir)
    agencies = store.read("MATCH (a:Agency) RETURN a.name AS name, a.province AS province")
    checked = by_year = with_partners = 0
    cards: dict[str, Card] = {}
    for a in agencies:
        name, province = a["name"], a["province"]
        found = find_agencies(store, name, province)
        overview = pages.agency_overview(store, found)
        whole = assigned(store, name, province=province)
        assert overview.documents == len(whole.documents), name
        if all(d.date for d in whole.documents):  # a dated document's year is its date's
            years = {y.year: y for y in overview.years}
            assert set(years) == {d.date[:4] for d in whole.documents}, name  # type: ignore[index]
            for year, y in years.items():
                of_year = [d for d in whole.documents if (d.date or "")[:4] == year]
                assert y.documents == len(of_year), (name, year)
                for role in ROLES:
                    assert y.roles.get(role, 0) == sum(role in d.roles for d in of_year), role
            by_year += 1
        task_rows = tasks(store, name, province=province)
        distinct = {t.task: t for t in task_rows}
        assert overview.tasks == len(distinct), name
        listed = [pages.agency_documents(store, overview.keys, n, size=2)
                  for n in range(1, overview.documents // 2 + 2)]
        paged = [d.key for p in listed for d in p.documents]
        assert sorted(paged) == sorted(d.key for d in whole.documents), name
        dates = [d.date or "" for p in listed for d in p.documents]
        assert dates == sorted(dates, reverse=True), name
        for p in listed:
            shown = {d.key for d in p.documents}
            assert sorted(t["task"] for t in p.tasks) == sorted(
                t.task for t in distinct.values() if t.doc in shown), name
            deadlines = [t["deadline"] or "" for t in p.tasks]
            assert deadlines == sorted(deadlines, reverse=True), name
            assert all(set(t["roles"]) == {x.role for x in task_rows if x.task == t["task"]}
                       for t in p.tasks), name
        # Partners: the other agencies the cards of its documents give tasks, per document.
        expected: dict[str, int] = {}
        for d in whole.documents:
            card = cards.setdefault(d.key, show(store, d.key))
            for other in {g["agency"] for t in card.tasks for g in t["agencies"]} - {name}:
                expected[other] = expected.get(other, 0) + 1
        got: dict[str, int] = {}
        for p in pages.agency_partners(store, overview.keys, limit=1000, recent=1000):
            got[p["name"]] = got.get(p["name"], 0) + p["documents"]
        assert got == expected, name
        with_partners += bool(got)
        checked += 1
    assert checked == len(agencies) > 50 and by_year > 50 and with_partners > 50


def test_partners_are_counted_in_the_latest_documents(store: FalkorStore,
                                                      seeds_dir: Path) -> None:
    populate(store, seeds_dir)
    found = find_agencies(store, "Sở Ngoại vụ", "Quảng Ngãi")
    keys = [a["key"] for a in found]
    latest = pages.agency_documents(store, keys, 1, size=1).documents[0]  # 214/KH-UBND, 2024
    card = show(store, latest.key)
    named = {g["agency"] for t in card.tasks for g in t["agencies"]} - {"Sở Ngoại vụ"}
    partners = pages.agency_partners(store, keys, limit=100, recent=1)
    assert {p["name"] for p in partners} == named and {p["documents"] for p in partners} == {1}
    assert len(pages.agency_partners(store, keys, limit=2)) == 2


def test_a_page_before_the_first_is_refused(store: FalkorStore) -> None:
    from vbgraph.errors import QueryError

    with pytest.raises(QueryError, match="page must be 1 or more"):
        pages.agency_documents(store, ["x"], 0)


def test_agency_search_ignores_case_and_diacritics(store: FalkorStore, seeds_dir: Path) -> None:
    populate(store, seeds_dir)
    names = {(r["name"], r["province"]) for r in pages.search_agencies(store, "SO NGOAI VU")}
    assert {("Sở Ngoại vụ", "Quảng Ngãi"), ("Sở Ngoại vụ", "Thanh Hóa")} <= names
