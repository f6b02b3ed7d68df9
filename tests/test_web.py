"""``vbgraph serve`` over HTTP: every page, its JSON and CSV, and every bad parameter.

The app runs on a real uvicorn server on a free loopback port over a real
FalkorDB holding the five sample documents (really extracted) and a few made-up
plans (an ambiguous symbol, hostile markup in a title, a task text and a sentence).
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote, urlencode

import pytest

from tests.web_server import AMBIGUOUS, HOSTILE_KEY, TODAY, LiveServer, Reply, populate
from vbgraph.errors import QueryError, StoreError
from vbgraph.graph.falkor_store import FalkorStore
from vbgraph.web import create_app
from vbgraph.web.app import CSP
from vbgraph.web.readonly import ReadOnlyStore

KEY_590 = "590/QĐ-UBND|Quảng Ngãi|2014"


@pytest.fixture(scope="module")
def server(falkor_session: FalkorStore, seeds_dir: Path) -> Iterator[LiveServer]:
    falkor_session.clear()
    populate(falkor_session, seeds_dir)
    with LiveServer(create_app(falkor_session, today=lambda: TODAY)) as live:
        yield live


def page(server: LiveServer, path: str) -> str:
    reply = server.get(path)
    assert reply.status == 200, reply
    assert reply.headers["content-type"].startswith("text/html")
    assert '<html lang="vi">' in reply.text
    return reply.text


def doc_path(key: str) -> str:
    return "/doc/" + quote(key, safe="")


# --------------------------------------------------------------------------- pages


def test_every_response_carries_a_strict_csp_and_no_inline_script_or_style(
        server: LiveServer) -> None:
    for path in ("/", "/?q=hoi nhap", doc_path(KEY_590), "/lineage/590/QĐ-UBND",
                 "/agency/Sở Ngoại vụ", "/coverage", "/cypher?query=MATCH (d:Document) "
                 "RETURN d LIMIT 3", "/text/590/QĐ-UBND", "/doc/999/X", "/api/stats",
                 "/static/app.css", "/vendor/vis-network.min.js"):
        reply = server.get(path)
        assert reply.headers["content-security-policy"] == CSP, path
        assert reply.headers["x-content-type-options"] == "nosniff"
        if reply.headers["content-type"].startswith("text/html"):
            # Every script is a file of this server or a JSON data block; no style attribute.
            for tag in re.findall(r"<script\b[^>]*>", reply.text):
                assert 'src="/' in tag or 'type="application/json"' in tag, (path, tag)
            assert not re.search(r"\sstyle\s*=", reply.text), path
            assert "<style" not in reply.text and "http://" not in reply.text
    assert "script-src 'self';" in CSP and "unsafe-inline" not in CSP


def test_search_finds_symbols_without_diacritics_titles_agencies_and_tasks(
        server: LiveServer) -> None:
    html = page(server, "/?q=590/QD-UBND")
    assert f'href="{doc_path(KEY_590)}"' in html
    html = page(server, "/?q=hoi nhap quoc te")
    assert "590/QĐ-UBND" in html
    html = page(server, "/?q=so ngoai vu")
    assert 'href="/agency/S%E1%BB%9F%20Ngo%E1%BA%A1i%20v%E1%BB%A5?province=' in html
    data = server.get("/?q=so ngoai vu&format=json").json()
    assert {a["province"] for a in data["agencies"] if a["name"] == "Sở Ngoại vụ"} >= {
        "Quảng Ngãi", "Thanh Hóa"}
    assert data["tasks"], "task texts mentioning the agency"


def test_search_page_without_a_query_shows_the_store_counts(server: LiveServer) -> None:
    html = page(server, "/")
    assert "Văn bản trong kho" in html
    data = server.get("/?format=json").json()
    assert data["documents"]["in_corpus"] == 8  # 5 samples + 3 made up


def test_card_shows_header_edges_with_their_sentences_and_tasks_by_agency(
        server: LiveServer) -> None:
    html = page(server, "/doc/590/QĐ-UBND")
    assert "Chủ tịch UBND tỉnh Quảng Ngãi" in html
    card = server.get("/doc/590/QĐ-UBND?format=json").json()
    edge = next(e for e in card["rests_on"] if e["symbol"] == "45-CTr/TU")
    assert edge["relation"] == "implements" and "45-CTr/TU" in edge["raw"]
    assert edge["raw"].split()[0] in html  # the sentence is on the page
    assert 'href="/agency/S%E1%BB%9F%20Ngo%E1%BA%A1i%20v%E1%BB%A5?province=Qu' in html
    assert "chủ trì" in html  # roles in Vietnamese
    assert f'href="/lineage/{quote(KEY_590, safe="")}"' in html
    assert f'href="/text/{quote(KEY_590, safe="")}"' in html


def test_card_json_is_the_cli_show_json(server: LiveServer) -> None:
    assert server.get(doc_path(KEY_590) + "?format=json").json() == \
        server.get("/api/show?doc=" + quote(KEY_590)).json()


def test_card_of_a_stub_lists_what_cites_it(server: LiveServer) -> None:
    html = page(server, "/doc/22-NQ/TW")
    assert "chỉ được trích dẫn" in html
    card = server.get("/doc/22-NQ/TW?format=json").json()
    citing = {e["symbol"] for e in card["cited_by"]}
    assert {"45-CTr/TU", AMBIGUOUS, "66/KH-UBND"} <= citing
    assert 'id="text-link"' not in html  # no file to annotate


def test_overdue_deadlines_are_marked(server: LiveServer) -> None:
    html = page(server, doc_path(HOSTILE_KEY))
    rows = re.findall(r"<tr( class=\"overdue\")?><td>chủ trì</td><td>(\d)</td>", html)
    assert sorted(rows) == [("", "2"), (' class="overdue"', "1")]


def test_hostile_document_text_is_escaped_everywhere(server: LiveServer) -> None:
    for path in (doc_path(HOSTILE_KEY), "/?q=66/KH-UBND", "/lineage/66/KH-UBND",
                 "/agency/Sở Ngoại vụ?province=Thanh Hóa", "/doc/22-NQ/TW",
                 "/cypher?query=" + quote("MATCH (d:Document {symbol: '66/KH-UBND'}) RETURN d")):
        html = page(server, path)
        assert "<script>window.__pwned" not in html, path
        assert "<img src=x" not in html, path
    html = page(server, doc_path(HOSTILE_KEY))
    assert "&lt;/script&gt;&lt;script&gt;window.__pwned=1&lt;/script&gt;" in html
    # In a JSON data block, markup characters are \u escapes: nothing can close the block.
    html = page(server, "/lineage/66/KH-UBND")
    block = re.search(r'<script type="application/json" id="graph-data">(.*?)</script>',
                      html, re.S)
    assert block and "<" not in block.group(1) and "window.__pwned" in block.group(1)


def test_annotated_text_marks_references_and_agencies(server: LiveServer) -> None:
    html = page(server, "/text/590/QĐ-UBND")
    assert 'class="mk k-' in html and "Sở Ngoại vụ" in html
    marks = server.get("/text/590/QĐ-UBND?format=csv&table=marks").text
    rows = list(csv.DictReader(io.StringIO(marks)))
    assert {"ref", "agency"} <= {r["kind"] for r in rows}
    assert server.get("/text/590/QĐ-UBND?format=json").json()["document"]["key"] == KEY_590


def test_lineage_page_draws_up_and_down_and_filters_relations(server: LiveServer) -> None:
    html = page(server, "/lineage/45-CTr/TU")
    data = server.get("/lineage/45-CTr/TU?format=json").json()
    symbols = {n["symbol"] for n in data["nodes"]}
    assert {"22-NQ/TW", "590/QĐ-UBND"} <= symbols  # up and down
    assert {n["id"] for n in data["graph"]["nodes"]} == {n["key"] for n in data["nodes"]}
    assert 'src="/vendor/vis-network.min.js"' in html and 'id="graph-data"' in html
    up = server.get("/lineage/45-CTr/TU?direction=up&format=json").json()
    assert {n["symbol"] for n in up["nodes"]} == {"45-CTr/TU", "22-NQ/TW"}
    only = server.get("/lineage/590/QĐ-UBND?direction=up&relation=based_on&format=json").json()
    assert {e["relation"] for e in only["edges"]} == {"based_on"}
    edges = list(csv.DictReader(io.StringIO(
        server.get("/lineage/590/QĐ-UBND?direction=up&format=csv&table=edges").text)))
    assert any(r["target"] == "45-CTr/TU" and r["relation"] == "implements" for r in edges)


def test_lineage_expansion_of_a_node_gives_its_neighbours(server: LiveServer) -> None:
    """What a click on a node asks for: depth 1 both ways, every neighbour."""
    data = server.get("/lineage/" + quote("22-NQ/TW|VN|2013", safe="")
                      + "?direction=both&depth=1&format=json").json()
    neighbours = {n["symbol"] for n in data["nodes"]}
    assert {n["id"] for n in data["graph"]["nodes"]} == {n["key"] for n in data["nodes"]}
    assert {"45-CTr/TU", "590/QĐ-UBND", AMBIGUOUS, "66/KH-UBND"} <= neighbours


def test_agency_page_has_years_documents_tasks_and_partners(server: LiveServer) -> None:
    html = page(server, "/agency/Sở Ngoại vụ?province=Quảng Ngãi")
    for symbol in ("590/QĐ-UBND", "997/QĐ-UBND", "214/KH-UBND"):
        assert symbol in html
    data = server.get("/agency/Sở Ngoại vụ?province=Quảng Ngãi&format=json").json()
    assigned = server.get("/api/assigned?" + urlencode(
        {"agency": "Sở Ngoại vụ", "province": "Quảng Ngãi"})).json()
    assert data["documents"] == len(assigned["documents"])
    assert {d["key"] for d in data["documents_page"]} == {d["key"] for d in assigned["documents"]}
    assert sum(y["documents"] for y in data["years"]) == data["documents"]
    assert data["tasks"] == sum(d["tasks"] for d in assigned["documents"])
    assert data["partners"] and "<meter" in html
    assert 'href="/api/assigned?agency=S%E1%BB%9F+Ngo%E1%BA%A1i+v%E1%BB%A5&amp;province=' in html
    assert 'href="/api/coordination?agency=' in html


def test_agency_page_lists_its_documents_tasks_by_deadline_and_marks_the_overdue(
        server: LiveServer) -> None:
    data = server.get("/agency/Sở Ngoại vụ?province=Thanh Hóa&format=json").json()
    deadlines = [t["deadline"] or "" for t in data["tasks_page"]]
    assert deadlines == sorted(deadlines, reverse=True)
    assert [t["overdue"] for t in data["tasks_page"]] == [bool(d) and d < TODAY
                                                          for d in deadlines]
    assert {t["doc"] for t in data["tasks_page"]} <= {d["key"] for d in data["documents_page"]}
    html = page(server, "/agency/Sở Ngoại vụ?province=Thanh Hóa")
    assert re.search(r'<tr class="overdue"><td class="deadline">2018-01-01 \(quá hạn\)', html)
    assert re.search(r"<tr><td class=\"deadline\">2099-12-31</td>", html)


def test_agency_paging_covers_every_document_and_task_once(
        server: LiveServer, monkeypatch: pytest.MonkeyPatch) -> None:
    from vbgraph.queries import pages

    monkeypatch.setattr(pages, "PAGE_SIZE", 1)
    first = server.get("/agency/Sở Ngoại vụ?format=json").json()
    seen, tasks = [], []
    for n in range(1, first["pages"] + 1):
        reply = server.get(f"/agency/Sở Ngoại vụ?page={n}&format=json").json()
        assert len(reply["documents_page"]) == 1
        seen += [d["key"] for d in reply["documents_page"]]
        assert {t["doc"] for t in reply["tasks_page"]} <= set(seen[-1:])
        tasks += [t["task"] for t in reply["tasks_page"]]
    assert first["pages"] > 1 and len(seen) == len(set(seen)) == first["documents"]
    everything = server.get("/api/tasks?agency=Sở Ngoại vụ").json()
    assert sorted(tasks) == sorted({t["task"] for t in everything})


def test_coverage_page_lists_central_directives_and_missing_documents(server: LiveServer) -> None:
    html = page(server, "/coverage")
    data = server.get("/coverage?format=json").json()
    assert data == server.get("/api/gaps").json()
    assert any(c["symbol"] == "22-NQ/TW" for c in data["central_coverage"])
    assert "22-NQ/TW" in html and "Quảng Ngãi" in html


def test_cypher_console_shows_rows_as_a_table_and_a_graph(server: LiveServer) -> None:
    query = "MATCH (a:Document)-[r:IMPLEMENTS]->(b:Document) RETURN a, r, b"
    html = page(server, "/cypher?" + urlencode({"query": query}))
    assert 'id="rows-table"' in html and 'id="graph-data"' in html
    block = re.search(r'id="graph-data">(.*?)</script>', html, re.S)
    assert block
    import json

    graph = json.loads(block.group(1))
    assert any(e["from"] == KEY_590 and e["label"] == "r" for e in graph["edges"])
    rows = server.get("/cypher?" + urlencode({"query": query, "format": "json"})).json()
    assert len(rows) == len({(e["from"], e["to"]) for e in graph["edges"]})
    params = urlencode([("query", "MATCH (d:Document) WHERE d.year = $y RETURN d.key AS key"),
                        ("param", 'y="2014"'), ("format", "csv"), ("table", "rows")])
    assert KEY_590 in server.get("/cypher?" + params).text


def test_every_page_table_downloads_as_csv_and_json(server: LiveServer) -> None:
    tables = {
        "/": ["stats"],
        "/?q=hoi nhap": ["documents", "agencies", "tasks"],
        "/doc/590/QĐ-UBND": ["rests_on", "cited_by", "tasks"],
        "/text/590/QĐ-UBND": ["marks"],
        "/lineage/590/QĐ-UBND": ["edges"],
        "/agency/Sở Ngoại vụ": ["years", "documents", "tasks", "partners"],
        "/coverage": ["central", "missing", "unresolved"],
        "/cypher?query=MATCH (d:Document) RETURN d.key AS key LIMIT 3": ["rows"],
    }
    for path, names in tables.items():
        joiner = "&" if "?" in path else "?"
        html = page(server, path)
        for name in names:
            as_json = server.get(f"{path}{joiner}format=json&table={name}")
            as_csv = server.get(f"{path}{joiner}format=csv&table={name}")
            assert as_json.status == as_csv.status == 200, (path, name, as_csv)
            assert as_csv.headers["content-type"] == "text/csv; charset=utf-8"
            assert f'filename="{name}.csv"' in as_csv.headers["content-disposition"]
            rows = list(csv.reader(io.StringIO(as_csv.text)))
            assert len(rows) == len(as_json.json()) + 1, (path, name)  # a header line
            links = html.replace("&amp;", "&")
            if path.startswith("/agency") and name in ("documents", "tasks"):
                # shown page by page: the links give them all, from /api
                command = {"documents": "assigned", "tasks": "tasks"}
                assert f'href="/api/{command[name]}?agency=' in links, name
                continue
            assert f"table={name}" in links, (path, name)


def test_api_index_lists_every_command_with_an_example(server: LiveServer) -> None:
    listing = server.get("/api").json()["commands"]
    assert set(listing) == {"lineage", "path", "assigned", "tasks", "coordination", "matrix",
                            "gaps", "search", "show", "cypher", "stats"}
    for name, spec in listing.items():
        assert server.get(spec["example"]).status == 200, name


# --------------------------------------------------------------------------- bad parameters

BAD: list[tuple[str, int, str]] = [
    ("/doc/999/QĐ-XYZ", 404, "no document '999/QĐ-XYZ'"),
    ("/api/show?doc=999/QĐ-XYZ", 404, "no document"),
    (f"/doc/{AMBIGUOUS}", 409, "matches 2 documents"),
    (f"/api/show?doc={AMBIGUOUS}", 409, "matches 2 documents"),
    (f"/lineage/{AMBIGUOUS}", 409, "matches 2 documents"),
    ("/doc/590/QĐ-UBND?province=Hà Nội", 404, "no document"),
    ("/lineage/590/QĐ-UBND?depth=0", 400, "depth must be between 1 and 12, not 0"),
    ("/lineage/590/QĐ-UBND?depth=13", 400, "depth must be between 1 and 12"),
    ("/lineage/590/QĐ-UBND?depth=three", 400, "not a whole number"),
    ("/lineage/590/QĐ-UBND?direction=sideways", 400, "not one of both, up, down"),
    ("/lineage/590/QĐ-UBND?relation=likes", 400, "relation='likes' is not one of"),
    ("/api/lineage?doc=590/QĐ-UBND&depth=99", 400, "depth must be between 1 and 12"),
    ("/api/lineage?doc=590/QĐ-UBND&direction=sideways", 400, "not one of up, down, both"),
    ("/api/lineage", 400, "parameter 'doc' is required"),
    ("/api/lineage?doc=", 400, "parameter 'doc' is required"),
    ("/api/lineage?doc=590/QĐ-UBND&doc=22-NQ/TW", 400, "given 2 times"),
    ("/api/lineage?doc=590/QĐ-UBND&bogus=1", 400, "unknown parameter 'bogus'"),
    ("/api/lineage?doc=590/QĐ-UBND&by-province=perhaps", 400, "not yes/no"),
    ("/api/path?doc-a=590/QĐ-UBND", 400, "parameter 'doc-b' is required"),
    ("/api/assigned?agency=Sở Không Có", 404, "no agency 'Sở Không Có'"),
    ("/api/assigned?agency=Sở Ngoại vụ&since=yesterday", 400, "is not a date"),
    ("/api/assigned?agency=Sở Ngoại vụ&role=boss", 400, "role='boss' is not one of"),
    ("/api/tasks?agency=Sở Ngoại vụ&due-before=2020-13-01", 400, "is not a date"),
    ("/api/tasks?agency=Sở Ngoại vụ&doc=999/QĐ-XYZ", 404, "no document"),
    ("/api/search", 400, "'q' (the text to search for) is required"),
    ("/api/search?q=%20", 400, "is required"),
    ("/api/search?q=x&limit=0", 400, "limit must be between 1 and 1000"),
    ("/api/search?q=x&text=y", 400, "give the search text once"),
    ("/api/cypher?query=CREATE (n:Injected) RETURN n", 400, "contains 'CREATE'"),
    ("/api/cypher?query=MATCH (n RETURN n", 400, "FalkorDB refused the query"),
    ("/api/cypher?query=RETURN 1&param=novalue", 400, "is not NAME=VALUE"),
    ("/api/cypher?query=RETURN 1&format=xml", 400, "format='xml' is not one of json, csv"),
    ("/api/nope", 404, "no command 'nope'"),
    ("/nope", 404, "no page '/nope'"),
    ("/agency/Sở Ngoại vụ?page=999", 400, "page must be between 1 and"),
    ("/agency/Sở Ngoại vụ?page=0", 400, "page must be between 1 and"),
    ("/agency/Sở Ngoại vụ?tpage=2", 400, "unknown parameter 'tpage'"),
    ("/agency/Cơ quan không có", 404, "no agency"),
    ("/?q=%20", 400, "parameter 'q' is required"),
    ("/?q=x&limit=100000", 400, "limit must be between 1 and 1000"),
    ("/doc/590/QĐ-UBND?format=xml", 400, "format='xml' is not one of html, json, csv"),
    ("/doc/590/QĐ-UBND?format=csv&table=nope", 400, "this page's tables are rests_on"),
    ("/doc/590/QĐ-UBND?format=csv", 400, "format=csv needs table=NAME"),
    ("/doc/590/QĐ-UBND?table=tasks", 400, "table=NAME goes with format=csv or format=json"),
    ("/text/22-NQ/TW", 404, "only cited"),
    (f"/text/{quote(HOSTILE_KEY, safe='')}", 404, "/nonexistent/66_KH-UBND.txt"),
    ("/cypher?query=MERGE (n:Injected)", 400, "contains 'MERGE'"),
    ("/coverage?x=1", 400, "unknown parameter 'x'; this page takes format, table"),
]


@pytest.mark.parametrize(("path", "status", "message"), BAD, ids=[b[0] for b in BAD])
def test_bad_parameters_are_4xx_with_a_message(server: LiveServer, path: str, status: int,
                                               message: str) -> None:
    reply = server.get(path)
    assert reply.status == status, reply
    if reply.headers["content-type"].startswith("application/json"):
        body = reply.json()
        assert body["status"] == status and message in body["error"], body
    else:
        assert reply.headers["content-type"].startswith("text/html")
        from html import unescape

        assert message in unescape(reply.text), reply
    assert "Traceback" not in reply.text


def test_ambiguous_symbol_page_links_each_candidate(server: LiveServer) -> None:
    reply = server.get(f"/doc/{AMBIGUOUS}")
    for key in (f"{AMBIGUOUS}|Thanh Hóa|2020", f"{AMBIGUOUS}|Quảng Ngãi|2021"):
        assert f'href="{doc_path(key)}"' in reply.text
    message = server.get(f"/api/show?doc={AMBIGUOUS}").json()["error"]
    assert "Thanh Hóa" in message and "Quảng Ngãi" in message
    assert server.get(f"/doc/{AMBIGUOUS}?province=Thanh Hóa").status == 200
    assert server.get(f"/doc/{AMBIGUOUS}?year=2021").status == 200


def test_junk_in_any_parameter_of_any_route_is_never_a_500(server: LiveServer) -> None:
    routes = {
        "/": ("q", "limit", "format", "table"),
        "/doc/590/QĐ-UBND": ("province", "year", "format", "table"),
        "/text/590/QĐ-UBND": ("province", "year", "format", "table"),
        "/lineage/590/QĐ-UBND": ("direction", "depth", "relation", "province", "year",
                                 "format", "table"),
        "/agency/Sở Ngoại vụ": ("province", "page", "format", "table"),
        "/coverage": ("format", "table"),
        "/cypher": ("query", "param", "format", "table"),
        "/api/lineage?doc=590/QĐ-UBND": ("direction", "depth", "relation", "by-province",
                                         "province", "year", "format"),
        "/api/assigned?agency=Sở Ngoại vụ": ("role", "province", "since", "until",
                                             "include-collective", "format"),
        "/api/tasks?agency=Sở Ngoại vụ": ("doc", "province", "due-before", "format"),
        "/api/search?q=hoi": ("limit", "format"),
        "/api/path?doc-a=590/QĐ-UBND&doc-b=22-NQ/TW": ("format",),
    }
    junk = ("", " ", "-1", "0", "1e9", "99999999999999999999", "%00", "'", "<b>", "..", "|",
            "590/QĐ-UBND|", "null", "[]", "ǅ", "\u2028")
    for path, names in routes.items():
        joiner = "&" if "?" in path else "?"
        for name in names:
            for value in junk:
                reply = server.get(f"{path}{joiner}{urlencode({name: value})}")
                assert reply.status < 500, (path, name, value, reply)


def test_methods_other_than_get_are_405(server: LiveServer) -> None:
    reply = server.request("POST", "/api/stats")
    assert reply.status == 405 and "GET" in reply.json()["error"]


def test_foreign_host_names_are_refused(server: LiveServer) -> None:
    """A page elsewhere that rebinds its name to 127.0.0.1 cannot read the store."""
    reply = server.get("/api/stats", headers={"Host": f"evil.example:{server.port}"})
    assert reply.status == 400 and "Host not allowed" in reply.text
    assert reply.headers["content-security-policy"] == CSP
    assert server.get("/api/stats", headers={"Host": f"localhost:{server.port}"}).status == 200


# --------------------------------------------------------------------------- read-only


def test_the_app_holds_the_store_read_only(falkor_session: FalkorStore) -> None:
    app = create_app(falkor_session)
    store = app.state.store
    assert isinstance(store, ReadOnlyStore)
    for attempt in (lambda: store.write("CREATE (:Injected)"), store.clear,
                    store.setup_schema, store.write_lock):
        with pytest.raises(StoreError, match="read-only"):
            attempt()
    # A write that got past the console's check is refused by the store's read path.
    with pytest.raises(QueryError):
        store.read("CREATE (n:Injected) RETURN n")
    assert falkor_session.read("MATCH (n:Injected) RETURN count(n) AS n")[0]["n"] == 0


def test_console_write_attempts_change_nothing(server: LiveServer,
                                               falkor_session: FalkorStore) -> None:
    before = falkor_session.read("MATCH (n) RETURN count(n) AS n")[0]["n"]
    for text in ("CREATE (n:Injected)", "MATCH (d:Document) SET d.title = 'x'",
                 "MATCH (d:Document) DETACH DELETE d", "MERGE (n:Injected {k: 1})",
                 "MATCH (d:Document) WITH d LIMIT 1 CREATE (d)-[:CITES]->(d)"):
        for path in ("/api/cypher?", "/cypher?"):
            reply: Reply = server.get(path + urlencode({"query": text}))
            assert reply.status == 400, (text, reply)
    assert falkor_session.read("MATCH (n) RETURN count(n) AS n")[0]["n"] == before


def test_lineage_graph_draws_the_documents_nearest_the_root_first() -> None:
    from vbgraph.queries.documents import DocumentRow, EdgeRow
    from vbgraph.queries.lineage import Lineage
    from vbgraph.web.lineage_page import vis_graph

    def doc(key: str) -> DocumentRow:
        return DocumentRow(key, key.split("|")[0], None, None, None, None, True)

    # root <- a1 <- a2 <- a3 (a chain), and root <- b0..b9 (ten plans one step away)
    keys = ["root|VN|2013", "a1|X|2014", "a2|X|2015", "a3|X|2016",
            *[f"b{i}|Y|2014" for i in range(10)]]
    edges = [EdgeRow("a1|X|2014", "root|VN|2013", "implements", "a1|X|2014"),
             EdgeRow("a2|X|2015", "a1|X|2014", "implements", "a2|X|2015"),
             EdgeRow("a3|X|2016", "a2|X|2015", "implements", "a3|X|2016"),
             *[EdgeRow(f"b{i}|Y|2014", "root|VN|2013", "based_on", f"b{i}|Y|2014")
               for i in range(10)]]
    lineage = Lineage("root|VN|2013", tuple(doc(k) for k in keys), tuple(edges))
    whole = vis_graph(lineage)
    assert len(whole["nodes"]) == 14 and whole["drawn_of"] == 14
    part = vis_graph(lineage, limit=12)
    drawn = {n["id"] for n in part["nodes"]}
    assert len(drawn) == 12 and part["drawn_of"] == 14
    assert "a1|X|2014" in drawn and "a3|X|2016" not in drawn  # nearest first
    assert all(e["from"] in drawn and e["to"] in drawn for e in part["edges"])


def test_errors_answer_in_the_form_asked_for(server: LiveServer) -> None:
    assert server.get("/doc/999/X?format=json").json()["status"] == 404
    assert server.get("/doc/999/X?format=csv").json()["status"] == 404
    html = server.get("/doc/999/X?format=html")
    assert html.status == 404 and html.headers["content-type"].startswith("text/html")
