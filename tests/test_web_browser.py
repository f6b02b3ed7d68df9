"""``vbgraph serve`` in a real headless Chromium, used as a researcher would.

Search, open a card, expand a lineage node by clicking it on the canvas, open an
agency page: with no console error, no uncaught exception, no Content-Security-
Policy violation and no request to anything but this server.  Screenshots go to
tests/artifacts/ (gitignored).  Skipped when Chromium is absent, except under
CI=true, where that is a failure.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.chromium import LOCAL_SCHEMES, Browser, Page, find_chromium
from tests.web_server import TODAY, LiveServer, populate
from vbgraph.graph.falkor_store import FalkorStore
from vbgraph.web import create_app

pytestmark = pytest.mark.browser
ARTIFACTS = Path(__file__).parent / "artifacts"
READY = "document.readyState === 'complete' && document.documentElement.dataset.ready === '1'"
ROOT_22 = "22-NQ/TW|VN|2013"


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    exe = find_chromium()
    if exe is None:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail("CI=true but chromium is not installed (.ci/run installs Debian chromium)")
        pytest.skip("chromium not installed (apt-get install chromium); browser tests skipped")
    with Browser(exe) as b:
        yield b


@pytest.fixture(scope="module")
def server(falkor_session: FalkorStore, seeds_dir: Path) -> Iterator[LiveServer]:
    falkor_session.clear()
    populate(falkor_session, seeds_dir)
    with LiveServer(create_app(falkor_session, today=lambda: TODAY)) as live:
        yield live


def check_clean(page: Page, server: LiveServer, name: str) -> None:
    """No error of any kind so far, and every request went to this server."""
    page.collect()
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(ARTIFACTS / f"serve-{name}.png")
    assert page.report.errors == [], name
    leaving = [u for u in page.report.requests
               if not u.startswith((server.origin + "/", *LOCAL_SCHEMES))]
    assert leaving == [], name
    assert any(u.startswith(server.origin + "/static/") for u in page.report.requests)


def click_element(page: Page, selector: str) -> None:
    """Scroll ``selector`` into view and click its centre with the mouse."""
    box = page.evaluate(
        f"(() => {{ const e = document.querySelector({selector!r}); e.scrollIntoView("
        "{block: 'center'}); const r = e.getBoundingClientRect();"
        " return [r.left + r.width / 2, r.top + r.height / 2]; })()")
    assert box, selector
    page.click(*box)


def type_and_enter(page: Page, selector: str, text: str) -> None:
    page.evaluate(f"document.querySelector({selector!r}).focus()")
    page.browser.send("Input.insertText", {"text": text}, session=page.session)
    for kind in ("keyDown", "keyUp"):
        page.browser.send("Input.dispatchKeyEvent", {
            "type": kind, "key": "Enter", "code": "Enter", "windowsVirtualKeyCode": 13,
            **({"text": "\r"} if kind == "keyDown" else {})}, session=page.session)


def node_position(page: Page, key: str) -> list[float]:
    """Where node ``key`` is drawn, in viewport coordinates."""
    return list(page.evaluate(
        "(() => { const g = document.getElementById('graph'); g.scrollIntoView({block: 'center'});"
        " const n = window.vbgraph.network;"
        f" const d = n.canvasToDOM(n.getPositions([{key!r}])[{key!r}]);"
        " const r = g.getBoundingClientRect(); return [r.left + d.x, r.top + d.y]; })()"))


def test_search_card_lineage_expansion_and_agency(browser: Browser, server: LiveServer) -> None:
    page = browser.load_url(server.origin + "/")
    # Search, typed without diacritics, as a researcher would.
    type_and_enter(page, "form.search input[name=q]", "hoi nhap quoc te")
    page.wait_for(f"location.search.includes('q=hoi') && {READY}")
    assert page.evaluate("document.querySelectorAll('#documents-table tbody tr').length") >= 1
    check_clean(page, server, "search")

    # Open the card of 590/QĐ-UBND from the results.
    page.evaluate("document.querySelectorAll('#documents-table a').forEach((a) => {"
                  " if (a.textContent === '590/QĐ-UBND') a.id = 'pick'; })")
    click_element(page, "#pick")
    page.wait_for(f"location.pathname.startsWith('/doc/') && {READY}")
    assert page.evaluate("document.querySelector('h1').textContent").startswith("590/QĐ-UBND")
    assert page.evaluate("document.querySelectorAll('#rests_on-table tbody tr').length") >= 3
    check_clean(page, server, "card")

    # Its lineage graph; a click on 22-NQ/TW adds the plans of other provinces that implement it.
    click_element(page, "#lineage-link")
    page.wait_for("location.pathname.startsWith('/lineage/') && window.vbgraph"
                  " && window.vbgraph.ready === true")
    before = page.evaluate("window.vbgraph.nodes()")
    ids = page.evaluate("window.vbgraph.network.body.data.nodes.getIds()")
    assert ROOT_22 in ids and "66/KH-UBND|Thanh Hóa|2019" not in ids
    page.click(*node_position(page, ROOT_22))
    page.wait_for("window.vbgraph.expansions === 1 && window.vbgraph.expanding === 0")
    after = page.evaluate("window.vbgraph.network.body.data.nodes.getIds()")
    assert "66/KH-UBND|Thanh Hóa|2019" in after and len(after) > before
    assert page.evaluate("document.getElementById('panel').hidden") is False
    assert page.evaluate("document.querySelector('#panel h3').textContent") == "22-NQ/TW"
    # The province filter hides the other provinces' documents, keeps the central ones.
    shown = page.evaluate("window.vbgraph.visible()")
    page.evaluate("const s = document.getElementById('province-filter');"
                  " s.value = 'Thanh Hóa'; s.dispatchEvent(new Event('change'))")
    assert 0 < page.evaluate("window.vbgraph.visible()") < shown
    check_clean(page, server, "lineage")

    # Back to the card, then the agency page of Sở Ngoại vụ (Quảng Ngãi).
    page.evaluate("history.back()")
    page.wait_for(f"location.pathname.startsWith('/doc/') && {READY}")
    page.evaluate("document.querySelectorAll('a').forEach((a) => {"
                  " if (a.textContent === 'Sở Ngoại vụ' && a.getAttribute('href')"
                  ".startsWith('/agency/')) a.id = 'agency'; })")
    click_element(page, "#agency")
    page.wait_for(f"location.pathname.startsWith('/agency/') && {READY}")
    assert page.evaluate("document.querySelectorAll('#documents-table tbody tr').length") >= 3
    assert page.evaluate("document.querySelectorAll('#partners-table tbody tr').length") >= 1
    check_clean(page, server, "agency")
    page.close()


def test_console_graph_coverage_and_annotated_text_load_clean(browser: Browser,
                                                               server: LiveServer) -> None:
    query = "MATCH (a:Document)-[r:IMPLEMENTS]->(b:Document) RETURN a, r, b"
    from urllib.parse import urlencode

    page = browser.load_url(server.origin + "/cypher?" + urlencode({"query": query}))
    assert page.evaluate("window.vbgraph.network.body.data.nodes.length") >= 3
    check_clean(page, server, "cypher")
    page.close()
    for path, name in (("/coverage", "coverage"), ("/text/590%2FQĐ-UBND", "text")):
        page = browser.load_url(server.origin + path)
        check_clean(page, server, name)
        page.close()


def test_the_browser_enforces_the_policy_and_the_recorder_sees_it(browser: Browser,
                                                                   server: LiveServer) -> None:
    """An inline script is not run on the app's pages, and the violation is reported."""
    page = browser.load_url(server.origin + "/")
    page.evaluate("const s = document.createElement('script');"
                  " s.textContent = 'window.__ran = 1'; document.body.appendChild(s)")
    page.browser.pump(0.3)
    page.collect()
    assert page.evaluate("window.__ran === undefined") is True
    assert any("Content Security Policy" in e for e in page.report.errors)
    page.close()
