"""The web app on a real uvicorn server on a free loopback port, in a thread of the test process.

``with LiveServer(app) as server: status, headers, body = server.get("/doc/...")``.
Requests go to 127.0.0.1 only, each with a timeout; the server stops when the
block ends.
"""

from __future__ import annotations

import http.client
import threading
import time
from typing import Any
from urllib.parse import quote

import uvicorn
from starlette.applications import Starlette

from vbgraph.web.server import bind

TIMEOUT = 30.0


class Reply:
    def __init__(self, status: int, headers: dict[str, str], body: bytes) -> None:
        self.status, self.headers, self.body = status, headers, body

    @property
    def text(self) -> str:
        return self.body.decode("utf-8")

    def json(self) -> Any:
        import json

        return json.loads(self.body)

    def __repr__(self) -> str:
        return f"Reply({self.status}, {self.body[:300]!r})"


class LiveServer:
    def __init__(self, app: Starlette) -> None:
        self.sock = bind("127.0.0.1", 0)
        self.port = self.sock.getsockname()[1]
        self.origin = f"http://127.0.0.1:{self.port}"
        config = uvicorn.Config(app, log_level="warning", access_log=False, lifespan="off")
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, kwargs={"sockets": [self.sock]},
                                       daemon=True)

    def __enter__(self) -> LiveServer:
        self.thread.start()
        deadline = time.monotonic() + TIMEOUT
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("the test server did not start")
            time.sleep(0.02)
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(TIMEOUT)
        self.sock.close()

    def request(self, method: str, path: str, headers: dict[str, str] | None = None) -> Reply:
        """``path`` may hold non-ASCII text; it is percent-encoded as a browser would."""
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=TIMEOUT)
        try:
            conn.request(method, quote(path, safe="/?&=%:;,+@!$'()*[]~#"), headers=headers or {})
            response = conn.getresponse()
            return Reply(response.status, {k.lower(): v for k, v in response.getheaders()},
                         response.read())
        finally:
            conn.close()

    def get(self, path: str, headers: dict[str, str] | None = None) -> Reply:
        return self.request("GET", path, headers)


# --------------------------------------------------------------------------- the test store

#: Document text that would run script or break markup if it were not escaped.
HOSTILE = "</script><script>window.__pwned=1</script>\"'<img src=x onerror=alert(1)>&amp;"
#: The day the app is told it is (deadlines before it are overdue).
TODAY = "2024-06-01"
#: One symbol, two provinces, both in the corpus: a lookup by symbol alone is ambiguous.
AMBIGUOUS = "7/KH-UBND"
HOSTILE_KEY = "66/KH-UBND|Thanh Hóa|2019"


def _plan(symbol: str, province: str, year: int, title: str, target: str,
          tasks: tuple[tuple[str, str, str | None], ...] = (), folder: str = "") -> Any:
    """A made-up plan stored from ``/nonexistent/FOLDER/``: plans of one symbol need a
    folder each, or the second is the first's file changed (it replaces the first)."""
    from vbgraph.models import Assignment, DocEdge, DocInfo, Extraction, Task

    key = f"{symbol}|{province}|{year}"
    doc = DocInfo(symbol, key, "Kế hoạch", f"UBND tỉnh {province}", province, f"{year}-03-01",
                  title)
    central = DocInfo(target.split("|")[0], target, "Nghị quyết", "Bộ Chính trị", None, None)
    return Extraction(
        file=f"{symbol.replace('/', '_')}.txt", document=doc, documents=(doc, central),
        edges=(DocEdge(key, target, "implements", f"Thực hiện {title}", asserted_by=key),),
        assignments=tuple(Assignment("Sở Ngoại vụ", province, "lead", raw=f"Giao {text}",
                                     task=tid) for tid, text, _ in tasks),
        tasks=tuple(Task(tid, text, lead=("Sở Ngoại vụ",), deadline=due)
                    for tid, text, due in tasks),
        path=f"/nonexistent/{folder}{symbol.replace('/', '_')}.txt", sha256=f"sha-{key}",
    )


def populate(store: Any, seeds: Any) -> None:
    """The five sample documents (really extracted, with their files) and a few made-up
    plans: an ambiguous symbol and a document whose text is hostile markup."""
    from vbgraph.graph.ingest import store_extraction
    from vbgraph.pipeline import ingest_paths

    report = ingest_paths(store, [seeds])
    assert not report.failed, report.failed
    for province, year in (("Thanh Hóa", 2020), ("Quảng Ngãi", 2021)):
        store_extraction(store, _plan(AMBIGUOUS, province, year, "Kế hoạch hội nhập",
                                      "22-NQ/TW|VN|2013", folder=f"{province}/"))
    store_extraction(store, _plan(
        "66/KH-UBND", "Thanh Hóa", 2019, HOSTILE, "22-NQ/TW|VN|2013",
        tasks=(("1", f"Nhiệm vụ {HOSTILE}", "2018-01-01"), ("2", "Báo cáo định kỳ", "2099-12-31"))))
