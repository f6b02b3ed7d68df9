"""The graph layer on a real FalkorDB, fed the gold extractions (independent of the extractor)."""

from __future__ import annotations

import dataclasses

import pytest

from vbgraph.errors import AmbiguousError, NotFoundError, QueryError
from vbgraph.graph.falkor_store import FalkorStore
from vbgraph.graph.ingest import store_extraction
from vbgraph.models import DocEdge, DocInfo, Extraction
from vbgraph.queries import corpus
from vbgraph.queries.agencies import assigned
from vbgraph.queries.documents import find_document
from vbgraph.queries.guard import run_read_query
from vbgraph.queries.lineage import lineage


@pytest.fixture
def gold_store(store: FalkorStore, gold_extractions: list[Extraction]) -> FalkorStore:
    for ex in gold_extractions:
        store_extraction(store, ex)
    return store


def test_lineage_up_reaches_party_resolution_through_cited_only_programme(
    gold_store: FalkorStore,
) -> None:
    result = lineage(gold_store, "590/QĐ-UBND")
    edges = {(e.source.split("|")[0], e.relation, e.target.split("|")[0], e.asserted_by)
             for e in result.edges}
    key590 = "590/QĐ-UBND|Quảng Ngãi|2014"
    assert ("590/QĐ-UBND", "implements", "45-CTr/TU", key590) in edges
    assert ("45-CTr/TU", "implements", "22-NQ/TW", key590) in edges
    nodes = {n.key: n for n in result.nodes}
    assert nodes["45-CTr/TU|Quảng Ngãi|2013"].in_corpus is False
    assert nodes[key590].in_corpus is True
    # Only lineage relations: the cited-only 08-NQ/TW is not an ancestor.
    assert "08-NQ/TW|VN|2007" not in nodes


def test_lineage_down_and_depth(gold_store: FalkorStore) -> None:
    down = lineage(gold_store, "22-NQ/TW", direction="down")
    assert "590/QĐ-UBND|Quảng Ngãi|2014" in {n.key for n in down.nodes}
    shallow = lineage(gold_store, "590/QĐ-UBND", depth=1)
    assert all(e.source == "590/QĐ-UBND|Quảng Ngãi|2014" for e in shallow.edges)
    cites = lineage(gold_store, "590/QĐ-UBND", depth=1, relations=("cites",))
    assert {e.relation for e in cites.edges} == {"cites"}


def test_document_lookup_forgives_diacritics_spaces_and_separators(
    gold_store: FalkorStore,
) -> None:
    key = "590/QĐ-UBND|Quảng Ngãi|2014"
    for written in ("590/QĐ-UBND", "590/QD-UBND", "590 /QĐ-UBND", "590/qđ-ubnd", key):
        assert find_document(gold_store, written) == key
    assert find_document(gold_store, "22/NQ-TW") == "22-NQ/TW|VN|2013"


def test_unknown_document_suggests_same_number(gold_store: FalkorStore) -> None:
    with pytest.raises(NotFoundError, match="590/QĐ-UBND"):
        find_document(gold_store, "590/QĐ-XYZ")
    with pytest.raises(NotFoundError, match="no document"):
        find_document(gold_store, "99999/ABC")


def test_ambiguous_symbol_lists_candidates(store: FalkorStore) -> None:
    for province, year in (("Quảng Ngãi", "2014"), ("Thanh Hóa", "2019")):
        key = f"12/KH-UBND|{province}|{year}"
        store_extraction(store, Extraction(
            file=f"{year}.txt", document=DocInfo("12/KH-UBND", key, province=province)))
    with pytest.raises(AmbiguousError, match="Thanh Hóa") as err:
        find_document(store, "12/KH-UBND")
    assert "--province" in str(err.value)
    assert find_document(store, "12/KH-UBND", province="thanh hoa") == \
        "12/KH-UBND|Thanh Hóa|2019"
    assert find_document(store, "12/KH-UBND", year="2014") == "12/KH-UBND|Quảng Ngãi|2014"


def test_assigned_by_folded_name_and_province(gold_store: FalkorStore) -> None:
    result = assigned(gold_store, "so ngoai vu")
    symbols = {d.symbol for d in result.documents}
    assert {"997/QĐ-UBND", "590/QĐ-UBND", "214/KH-UBND", "119/KH-UBND", "04/KH-UBND"} <= symbols
    thanh_hoa = assigned(gold_store, "Sở Ngoại vụ", province="Thanh Hóa")
    assert {d.province for d in thanh_hoa.documents} == {"Thanh Hóa"}
    leads = assigned(gold_store, "Sở Ngoại vụ", roles=("report_hub",))
    assert all(d.roles == ("report_hub",) for d in leads.documents)
    with pytest.raises(NotFoundError, match="did you mean"):
        assigned(gold_store, "Sở Ngoai vu tinh")


def test_storing_twice_changes_no_count(store: FalkorStore,
                                        gold_extractions: list[Extraction]) -> None:
    for ex in gold_extractions:
        store_extraction(store, ex)
    before = corpus.stats(store)
    outcomes = [store_extraction(store, ex).status for ex in gold_extractions]
    assert outcomes == ["unchanged"] * len(gold_extractions)
    # Same content under a new checksum still merges onto the same nodes and edges.
    for ex in gold_extractions:
        assert store_extraction(store, dataclasses.replace(ex, sha256="other")).status == \
            "replaced"
    assert corpus.stats(store) == before
    assert before["documents"]["in_corpus"] == 5


def test_changed_document_replaces_its_old_statements(store: FalkorStore) -> None:
    subject = DocInfo("7/KH-UBND", "7/KH-UBND|Thanh Hóa|2020", province="Thanh Hóa")
    old = Extraction(
        file="a.txt", document=subject, sha256="v1",
        documents=(DocInfo("1/QĐ-TTg", "1/QĐ-TTg|VN|2019"), DocInfo("2/QĐ-TTg", "2/QĐ-TTg|VN|")),
        edges=(DocEdge(subject.key, "1/QĐ-TTg|VN|2019", "implements", "Thực hiện ..."),
               DocEdge(subject.key, "2/QĐ-TTg|VN|", "cites", "theo ...")),
    )
    store_extraction(store, old)
    new = dataclasses.replace(old, sha256="v2", documents=old.documents[:1], edges=old.edges[:1])
    assert store_extraction(store, new).status == "replaced"
    stats = corpus.stats(store)
    assert stats["edges"].get("CITES", 0) == 0
    assert stats["documents"] == {"in_corpus": 1, "stubs": 1}  # orphan stub 2/QĐ-TTg removed


def test_yearless_reference_resolves_to_the_single_candidate(store: FalkorStore) -> None:
    plan = DocInfo("45-CTr/TU", "45-CTr/TU|Quảng Ngãi|2013", province="Quảng Ngãi")
    store_extraction(store, Extraction(file="45.txt", document=plan))
    citing = DocInfo("9/KH-UBND", "9/KH-UBND|Quảng Ngãi|2015", province="Quảng Ngãi")
    store_extraction(store, Extraction(
        file="9.txt", document=citing,
        documents=(DocInfo("45-CTr/TU", "45-CTr/TU|Quảng Ngãi|"),),
        edges=(DocEdge(citing.key, "45-CTr/TU|Quảng Ngãi|", "implements", "Thực hiện ..."),),
    ))
    result = lineage(store, "9/KH-UBND", depth=1)
    assert [e.target for e in result.edges] == [plan.key]


def test_stats_shape(gold_store: FalkorStore) -> None:
    s = corpus.stats(gold_store)
    assert s["documents"]["in_corpus"] == 5
    assert s["documents"]["stubs"] > 40
    assert s["edges"]["IMPLEMENTS"] >= 10
    assert s["agencies"] > 0 and s["tasks"] > 0


@pytest.mark.parametrize("text", [
    "CREATE (n:Document {key: 'x'})",
    "MATCH (d:Document) SET d.title = 'x'",
    "MATCH (d) DETACH DELETE d",
    "match (d) merge (d)-[:CITES]->(d)",
    "LOAD CSV FROM 'file:///x' AS row RETURN row",
])
def test_read_only_cypher_refuses_writes(gold_store: FalkorStore, text: str) -> None:
    with pytest.raises(QueryError, match="read-only"):
        run_read_query(gold_store, text, {})


def test_read_only_cypher_allows_keywords_inside_strings(gold_store: FalkorStore) -> None:
    rows = run_read_query(
        gold_store, "MATCH (d:Document) WHERE d.title CONTAINS 'SET' RETURN d.key AS key", {})
    assert rows == []
    rows = run_read_query(
        gold_store, "MATCH (d:Document {in_corpus: true}) RETURN count(d) AS n", {})
    assert rows == [{"n": 5}]
