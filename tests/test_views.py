"""HTML views without a browser: self-contained, data escaped, right nodes, colours and marks."""

from __future__ import annotations

import json
import re

import pytest

from vbgraph.graph.falkor_store import FalkorStore
from vbgraph.graph.ingest import store_extraction
from vbgraph.models import (
    Assignment,
    DocEdge,
    DocInfo,
    Extraction,
    SourceDocument,
    UnnumberedRef,
)
from vbgraph.queries.corpus import CorpusGraph, corpus_graph
from vbgraph.queries.documents import DocumentRow, EdgeRow
from vbgraph.queries.lineage import Lineage, lineage
from vbgraph.views.agency import render_agency
from vbgraph.views.annotate import collect_marks, render_annotation
from vbgraph.views.corpus import render_corpus, render_corpus_graph
from vbgraph.views.html import LARGE_GRAPH, fill_template, json_for_script
from vbgraph.views.layout import initial_positions
from vbgraph.views.lineage import render_lineage
from vbgraph.views.style import FAMILY_COLORS, family

HOSTILE = "</script><script>window.__pwned=1</script>\"'<img src=x onerror=alert(1)></div>&amp;"

#: Any attribute or CSS that would make a browser fetch something from elsewhere.
EXTERNAL = re.compile(
    r"""(?:\b(?:src|href|action|poster|data)\s*=\s*["']?\s*(?:https?:|//|ftp:))"""
    r"""|url\(\s*["']?\s*(?:https?:|//)|@import|<link\b|<iframe\b""",
    re.IGNORECASE,
)


def embedded_data(page: str) -> dict[str, object]:
    m = re.search(r"const DATA = (.*?);\n", page)
    assert m, "no embedded data"
    data: dict[str, object] = json.loads(m.group(1))
    return data


def assert_self_contained(page: str) -> None:
    assert EXTERNAL.search(page) is None, EXTERNAL.search(page)
    assert "sourceMappingURL" not in page
    assert re.search(r"<script[^>]*\bsrc\s*=", page, re.IGNORECASE) is None


@pytest.fixture
def gold_store(store: FalkorStore, gold_extractions: list[Extraction]) -> FalkorStore:
    for ex in gold_extractions:
        store_extraction(store, ex)
    return store


@pytest.mark.parametrize(
    ("symbol", "expected"),
    [
        ("22-NQ/TW", "party_central"),
        ("15-CT/TW", "party_central"),
        ("45-CTr/TU", "party_local"),
        ("02-NQ/TU", "party_local"),
        ("21/NQ-CP", "government"),
        ("40/QĐ-TTg", "government"),
        ("19/2008/CT-TTg", "government"),
        ("590/QĐ-UBND", "province"),
        ("36/2016/QĐ-UBND", "province"),
        ("12/NQ-HĐND", "province"),
        ("05/2019/TT-BTC", "ministry"),
        ("1689/NQ-UBTVQH13", "ministry"),
        ("686/SNgV-HTQT", "other"),
    ],
)
def test_family_by_issuer_code(symbol: str, expected: str) -> None:
    assert family(symbol) == expected


def test_lineage_view_is_self_contained_hierarchical_and_styled(gold_store: FalkorStore) -> None:
    page = render_lineage(lineage(gold_store, "590/QĐ-UBND", "both", 6))
    assert_self_contained(page)
    assert page.startswith("<!DOCTYPE html>") and '<html lang="vi">' in page
    data = embedded_data(page)
    assert data["options"]["layout"]["hierarchical"]["direction"] == "UD"  # type: ignore[index]
    nodes = {n["id"]: n for n in data["nodes"]}  # type: ignore[attr-defined]
    root = nodes["590/QĐ-UBND|Quảng Ngãi|2014"]
    assert root["borderWidth"] == 4
    assert root["color"]["background"] == FAMILY_COLORS["province"]
    stub = nodes["45-CTr/TU|Quảng Ngãi|2013"]
    assert stub["color"]["background"] == "#ffffff"
    assert stub["color"]["border"] == FAMILY_COLORS["party_local"]
    assert stub["shapeProperties"]["borderDashes"]
    assert nodes["22-NQ/TW|VN|2013"]["color"]["border"] == FAMILY_COLORS["party_central"]
    edges = data["edges"]
    implements = [e for e in edges if e["relation"] == "implements"]  # type: ignore[attr-defined]
    assert implements and all(e["width"] == 3 for e in implements)
    # The tooltip quotes the sentence that states the edge, and who states it.
    edge_45_22 = next(
        e for e in implements if e["from"].startswith("45-") and e["to"].startswith("22-")
    )
    assert "Theo 590/QĐ-UBND" in edge_45_22["tip"] and "45-CTr/TU" in edge_45_22["tip"]
    legend = [i["label"] for i in data["legend"]]  # type: ignore[attr-defined]
    assert "Đảng - Trung ương" in legend and any("không có trong kho" in x for x in legend)
    assert "thực hiện" in legend


def test_card_and_tooltip_carry_symbol_type_issuer_date_title(gold_store: FalkorStore) -> None:
    data = embedded_data(render_lineage(lineage(gold_store, "590/QĐ-UBND")))
    node = next(n for n in data["nodes"] if n["id"].startswith("590/"))  # type: ignore[attr-defined]
    for text in ("590/QĐ-UBND", "Quyết định", "Chủ tịch UBND tỉnh Quảng Ngãi", "2014-04-22"):
        assert text in node["tip"]
    rows = dict(node["card"]["rows"])
    assert rows["Trích yếu"].startswith("Ban hành Kế hoạch")
    assert node["card"]["heading"] == "590/QĐ-UBND"


def test_agency_view_has_documents_tasks_and_partners(gold_store: FalkorStore) -> None:
    page = render_agency(gold_store, "Sở Ngoại vụ")
    assert_self_contained(page)
    data = embedded_data(page)
    ids = [n["id"] for n in data["nodes"]]  # type: ignore[attr-defined]
    assert "agency:Sở Ngoại vụ" in ids
    assert "590/QĐ-UBND|Quảng Ngãi|2014" in ids
    assert any(i.startswith("task:") for i in ids)
    assert any(i.startswith("partner:") for i in ids)
    relations = {e["relation"] for e in data["edges"]}  # type: ignore[attr-defined]
    assert "chủ trì" in relations
    assert len(ids) == len(set(ids))
    edge_ids = [e["id"] for e in data["edges"]]  # type: ignore[attr-defined]
    assert len(edge_ids) == len(set(edge_ids))


def test_agency_view_unknown_agency_raises_not_found(gold_store: FalkorStore) -> None:
    from vbgraph.errors import NotFoundError

    with pytest.raises(NotFoundError):
        render_agency(gold_store, "Sở Không Tồn Tại")


def test_corpus_view_has_every_document(gold_store: FalkorStore) -> None:
    page = render_corpus(gold_store)
    assert_self_contained(page)
    data = embedded_data(page)
    graph = corpus_graph(gold_store)
    assert len(data["nodes"]) == len(graph.documents)  # type: ignore[arg-type]
    assert data["options"]["physics"]["stabilization"]["enabled"] is True  # type: ignore[index]


def synthetic_corpus(n_corpus: int, n_stubs: int) -> CorpusGraph:
    """Provincial plans citing central documents with a few popular ones, like a real corpus."""
    import random

    rnd = random.Random(5)
    central = [
        DocumentRow(
            f"{i}-NQ/TW|VN|2015",
            f"{i}-NQ/TW",
            "Nghị quyết",
            "Bộ Chính trị",
            "2015-01-01",
            f"Nghị quyết {i}",
            i % 7 == 0,
        )
        for i in range(n_stubs)
    ]
    plans = [
        DocumentRow(
            f"{i}/KH-UBND|Tỉnh {i % 60}|2020",
            f"{i}/KH-UBND",
            "Kế hoạch",
            f"UBND tỉnh {i % 60}",
            "2020-05-05",
            f"Kế hoạch {i}",
            True,
            f"Tỉnh {i % 60}",
        )
        for i in range(n_corpus)
    ]
    edges = []
    for p in plans:
        for _ in range(rnd.randint(2, 6)):
            target = central[
                min(int(rnd.paretovariate(1.2)) - 1, n_stubs - 1)
                if rnd.random() < 0.5
                else rnd.randrange(n_stubs)
            ]
            rel = rnd.choice(("implements", "based_on", "cites"))
            edges.append(EdgeRow(p.key, target.key, rel, p.key, f"Căn cứ {target.symbol};"))
    return CorpusGraph(tuple(plans + central), tuple(edges))


def test_large_corpus_view_starts_from_a_layout_and_bounds_physics() -> None:
    graph = synthetic_corpus(600, 1400)
    data = embedded_data(render_corpus_graph(graph))
    nodes = data["nodes"]
    assert len(nodes) == 2000 > LARGE_GRAPH  # type: ignore[arg-type]
    assert all("x" in n and "y" in n for n in nodes)  # type: ignore[attr-defined]
    physics = data["options"]["physics"]  # type: ignore[index]
    assert physics["stabilization"]["iterations"] <= 50
    assert data["options"]["edges"]["smooth"] is False  # type: ignore[index]


def test_initial_positions_are_deterministic_and_cover_every_node() -> None:
    nodes = [f"n{i}" for i in range(50)] + ["lonely"]
    edges = [(f"n{i}", f"n{i // 3}") for i in range(1, 50)] + [("n1", "n2"), ("n2", "n3")]
    a = initial_positions(nodes, edges)
    b = initial_positions(list(reversed(nodes)), list(reversed(edges)))
    assert set(a) == set(nodes)
    assert a == b
    assert len({(round(x), round(y)) for x, y in a.values()}) == len(nodes)


def test_hostile_text_is_data_in_graph_views() -> None:
    doc = DocumentRow(
        "1/QĐ-UBND|X|2020", "1/QĐ-UBND", HOSTILE, HOSTILE, "2020-01-01", HOSTILE, True
    )
    stub = DocumentRow("2-NQ/TW|VN|2019", "2-NQ/TW", None, None, None, HOSTILE, False)
    result = Lineage(
        doc.key, (doc, stub), (EdgeRow(doc.key, stub.key, "implements", doc.key, HOSTILE),)
    )
    page = render_lineage(result)
    assert "<script>window.__pwned" not in page
    assert "<img src=x" not in page
    assert page.count("</script>") == 2  # the library's and the page's own
    data = embedded_data(page)
    assert data["nodes"][0]["card"]["rows"][-2] == ["Trích yếu", HOSTILE]  # type: ignore[index]


def test_data_is_escaped_for_script_and_template_filled_once() -> None:
    text = json_for_script({"t": "</script><!-- \u2028 & __DATA__"})
    assert "<" not in text and ">" not in text and "&" not in text and "\u2028" not in text
    assert json.loads(text) == {"t": "</script><!-- \u2028 & __DATA__"}
    assert fill_template("A __X__ __Y__", {"__X__": "__Y__", "__Y__": "y"}) == "A __Y__ y"


def test_annotation_marks_references_and_agencies(seeds_dir: object) -> None:
    from pathlib import Path

    from vbgraph.loaders.extraction import extract
    from vbgraph.loaders.formats.read import read_document

    path = Path(str(seeds_dir)) / "001_442fd82c9306811c.txt"
    source = read_document(path)
    extraction = extract(source)
    marks, _missing = collect_marks(source, extraction)
    refs = [m for m in marks if m.kind == "ref"]
    assert any("22-NQ/TW" in source.text[m.start : m.end] for m in refs)
    agencies = [m for m in marks if m.kind == "agency"]
    assert any("Sở Ngoại vụ" in m.label for m in agencies)
    page = render_annotation(source, extraction)
    assert_self_contained(page)
    assert "22-NQ/TW|VN|2013" in page
    assert "chủ trì · Sở Ngoại vụ" in page


def test_annotation_escapes_text_and_handles_overlaps_and_missing_spans() -> None:
    text = (
        f"Căn cứ Nghị quyết số 22-NQ/TW ngày 10/4/2013 {HOSTILE};\n"
        "Giao Sở Ngoại vụ chủ trì, phối hợp với Sở Tài chính."
    )
    subject = DocInfo("1/KH-UBND", "1/KH-UBND|Quảng Ngãi|2014", title=HOSTILE)
    start = text.index("Căn cứ")
    end = text.index(";")
    extraction = Extraction(
        file="x.txt",
        document=subject,
        documents=(DocInfo("22-NQ/TW", "22-NQ/TW|VN|2013"),),
        edges=(
            DocEdge(subject.key, "22-NQ/TW|VN|2013", "based_on", text[start:end], start, end),
            # Gold files carry raw text without spans: found by searching.
            DocEdge(subject.key, "22-NQ/TW|VN|2013", "implements", "Nghị quyết số 22-NQ/TW"),
            DocEdge(subject.key, "9/QĐ-TTg|VN|2010", "cites", "không có trong văn bản"),
        ),
        unnumbered=(UnnumberedRef("Nghị quyết", "Nghị quyết", start=7, end=17),),
        assignments=(
            Assignment("Sở Ngoại vụ", "Quảng Ngãi", "lead", "Sở Ngoại vụ"),
            Assignment("Sở Tài chính", "Quảng Ngãi", "coordinate", HOSTILE, start=-1, end=-1),
        ),
    )
    source = SourceDocument("x.txt", text, "txt")
    page = render_annotation(source, extraction)
    assert "<script>window.__pwned" not in page and "<img src=x" not in page
    assert "&lt;/script&gt;&lt;script&gt;window.__pwned=1" in page
    assert page.count("<script>") == 1
    marks, missing = collect_marks(source, extraction)
    assert any(m.approximate and m.kind == "ref" for m in marks)
    assert any("9/QĐ-TTg" in x for x in missing)
    # Sở Tài chính's raw is not in the text; its name is, so it is still placed.
    assert any(m.kind == "agency" and "Sở Tài chính" in m.label for m in marks)
    # Every character of the text survives, in order, once the markup is stripped.
    body = re.search(r'<div id="text">(.*?)</div>\n', page, re.DOTALL)
    assert body
    plain = re.sub(r'<span class="tag[^"]*"[^>]*>.*?</span>', "", body.group(1))
    plain = re.sub(r"<[^>]+>", "", plain)
    import html

    assert html.unescape(plain) == text
