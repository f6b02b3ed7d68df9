"""Every view in a real headless Chromium, opened from file:// as a researcher would.

Each page must load with no console error, no uncaught exception and no
request to anything but file:/data:, draw its graph, and keep hostile document
text inert.  Screenshots go to tests/artifacts/ (gitignored, kept by CI).
Skipped when Chromium is absent, except under CI=true, where that is a failure.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.chromium import Browser, Page, find_chromium
from tests.test_views import HOSTILE, synthetic_corpus
from vbgraph.graph.falkor_store import FalkorStore
from vbgraph.graph.ingest import store_extraction
from vbgraph.models import Assignment, DocEdge, DocInfo, Extraction, SourceDocument
from vbgraph.queries.corpus import corpus_graph
from vbgraph.queries.documents import DocumentRow, EdgeRow
from vbgraph.queries.lineage import Lineage, lineage
from vbgraph.views.agency import render_agency
from vbgraph.views.annotate import render_annotation
from vbgraph.views.corpus import render_corpus, render_corpus_graph
from vbgraph.views.lineage import render_lineage

pytestmark = pytest.mark.browser
ARTIFACTS = Path(__file__).parent / "artifacts"

CANVAS_INK = """(() => {
  const c = document.querySelector('#graph canvas');
  if (!c) return -1;
  const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
  let ink = 0;
  for (let i = 3; i < d.length; i += 4) if (d[i] > 0) ink++;
  return ink;
})()"""


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    exe = find_chromium()
    if exe is None:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail("CI=true but chromium is not installed (.ci/run installs Debian chromium)")
        pytest.skip("chromium not installed (apt-get install chromium); browser tests skipped")
    with Browser(exe) as b:
        yield b


@pytest.fixture
def gold_store(store: FalkorStore, gold_extractions: list[Extraction]) -> FalkorStore:
    for ex in gold_extractions:
        store_extraction(store, ex)
    return store


def open_clean(browser: Browser, html: str, name: str, timeout: float = 60) -> Page:
    """Write ``html``, open it, screenshot it, and check it stayed offline and error-free."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / f"{name}.html"
    path.write_text(html, encoding="utf-8")
    page = browser.load(path, timeout=timeout)
    page.screenshot(ARTIFACTS / f"{name}.png")
    assert page.report.errors == []
    assert page.report.remote_requests == []
    assert any(u.startswith("file:") for u in page.report.requests)  # the recorder works
    return page


def assert_graph_drawn(page: Page, nodes: int) -> None:
    assert page.evaluate("window.vbgraph.ready") is True
    assert page.evaluate("window.vbgraph.nodes") == nodes
    assert page.evaluate(CANVAS_INK) > 2000  # a blank canvas has none


def test_recorder_catches_console_errors_exceptions_and_network(browser: Browser) -> None:
    """A broken page must fail the checks the views pass."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    bad = ARTIFACTS / "broken.html"
    bad.write_text(
        '<html><body><script src="https://example.invalid/lib.js"></script>'
        '<img src="http://example.invalid/x.png"><script>console.error("boom");'
        'document.documentElement.dataset.ready = "1"; missingFunction();</script></body></html>',
        encoding="utf-8",
    )
    page = browser.load(bad)
    assert any("boom" in e for e in page.report.errors)
    assert any("missingFunction" in e for e in page.report.errors)
    assert "https://example.invalid/lib.js" in page.report.remote_requests
    assert "http://example.invalid/x.png" in page.report.remote_requests
    page.close()


def test_lineage_view_renders_offline(browser: Browser, gold_store: FalkorStore) -> None:
    result = lineage(gold_store, "590/QĐ-UBND", "both", 6)
    page = open_clean(browser, render_lineage(result), "lineage-590")
    assert_graph_drawn(page, len(result.nodes))
    # Newer above older: 590 (2014) is drawn above 45-CTr/TU, which is above 22-NQ/TW.
    ys = page.evaluate(
        "(() => { const p = window.vbgraph.network.getPositions(); const o = {};"
        " for (const k in p) o[k.split('|')[0]] = p[k].y; return o; })()"
    )
    assert ys["590/QĐ-UBND"] < ys["45-CTr/TU"] < ys["22-NQ/TW"]
    page.close()


def test_search_focuses_a_node_and_opens_its_card(
    browser: Browser, gold_store: FalkorStore
) -> None:
    page = open_clean(browser, render_lineage(lineage(gold_store, "590/QĐ-UBND")), "search")
    page.evaluate(
        "(() => { const box = document.getElementById('search'); box.value = '22 nq tw';"
        " box.dispatchEvent(new KeyboardEvent('keydown', {key: 'Enter', bubbles: true})); })()"
    )
    assert page.evaluate("window.vbgraph.network.getSelectedNodes()") == ["22-NQ/TW|VN|2013"]
    assert page.evaluate("getComputedStyle(document.getElementById('card')).display") == "block"
    assert page.evaluate("document.querySelector('#card h2').textContent") == "22-NQ/TW"
    card = page.evaluate("document.getElementById('card').textContent")
    assert "Bộ Chính trị" in card and "590/QĐ-UBND" in card
    # Clicking a relation in the card moves to that document's card.
    page.evaluate("document.querySelector('#card button.link').click()")
    assert page.evaluate("document.querySelector('#card h2').textContent") != "22-NQ/TW"
    page.screenshot(ARTIFACTS / "search-card.png")
    page.close()


def test_agency_view_renders_offline(browser: Browser, gold_store: FalkorStore) -> None:
    page = open_clean(browser, render_agency(gold_store, "Sở Ngoại vụ"), "agency-so-ngoai-vu")
    assert page.evaluate("window.vbgraph.nodes") > 10
    assert page.evaluate(CANVAS_INK) > 2000
    page.close()


def test_corpus_view_renders_offline(browser: Browser, gold_store: FalkorStore) -> None:
    graph = corpus_graph(gold_store)
    page = open_clean(browser, render_corpus(gold_store), "corpus")
    assert_graph_drawn(page, len(graph.documents))
    page.close()


def test_two_thousand_node_corpus_settles_in_seconds(browser: Browser) -> None:
    graph = synthetic_corpus(600, 1400)
    page = open_clean(browser, render_corpus_graph(graph), "corpus-2000", timeout=60)
    assert_graph_drawn(page, 2000)
    settle_ms = page.evaluate("window.vbgraph.settleMs")
    # ~4 s on a 2-vCPU CI box; a laptop is faster.  Minutes would mean runaway physics.
    assert settle_ms < 20_000, settle_ms
    page.close()


def test_annotation_renders_offline(browser: Browser, seeds_dir: Path) -> None:
    from vbgraph.loaders.extraction import extract
    from vbgraph.loaders.formats.read import read_document

    source = read_document(seeds_dir / "001_442fd82c9306811c.txt")
    page = open_clean(browser, render_annotation(source, extract(source)), "annotate-590")
    assert page.evaluate("document.querySelectorAll('.mk.k-ref').length") > 5
    assert page.evaluate("document.querySelectorAll('.mk.k-agency').length") > 20
    page.evaluate("document.querySelector('input[data-kind=agency]').click()")
    assert page.evaluate("document.body.classList.contains('hide-agency')") is True
    page.close()


def test_hostile_text_renders_as_text_and_runs_nothing(browser: Browser) -> None:
    doc = DocumentRow(
        "1/QĐ-UBND|X|2020", "1/QĐ-UBND", HOSTILE, HOSTILE, "2020-01-01", HOSTILE, True
    )
    stub = DocumentRow("2-NQ/TW|VN|2019", "2-NQ/TW", None, None, None, HOSTILE, False)
    result = Lineage(
        doc.key, (doc, stub), (EdgeRow(doc.key, stub.key, "implements", doc.key, HOSTILE),)
    )
    page = open_clean(browser, render_lineage(result), "hostile-lineage")
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.evaluate("document.querySelectorAll('img').length") == 0
    page.evaluate("window.vbgraph.search('1/QĐ-UBND')")
    assert HOSTILE in page.evaluate("document.getElementById('card').textContent")
    page.close()

    text = f"Căn cứ Nghị quyết số 22-NQ/TW {HOSTILE}.\nGiao Sở Ngoại vụ chủ trì."
    subject = DocInfo("1/KH-UBND", "1/KH-UBND|X|2020", title=HOSTILE, issuer=HOSTILE)
    extraction = Extraction(
        file="x.txt",
        document=subject,
        edges=(
            DocEdge(
                subject.key,
                "22-NQ/TW|VN|2013",
                "based_on",
                text[: text.index(".")],
                0,
                text.index("."),
            ),
        ),
        assignments=(Assignment(HOSTILE, None, "lead", "Sở Ngoại vụ"),),
    )
    page = open_clean(
        browser,
        render_annotation(SourceDocument("x.txt", text, "txt"), extraction),
        "hostile-annotation",
    )
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.evaluate("document.querySelectorAll('img').length") == 0
    assert HOSTILE in page.evaluate("document.getElementById('text').textContent")
    assert page.evaluate("document.querySelectorAll('script').length") == 1
    page.close()
