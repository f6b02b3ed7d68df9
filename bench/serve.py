"""Benchmark of ``vbgraph serve``: page and API latency against the CLI, at 1k..100k documents.

    python bench/serve.py --sizes 1000,10000           # generate, ingest, measure
    python bench/serve.py --sizes 100000 --keep /tmp/kho-100k   # keep the store ...
    python bench/serve.py --store /tmp/kho-100k         # ... and measure it again later
    python bench/serve.py --table bench/results/serve-*.json    # the README table

For each size the generated corpus (``generator.py``, 40 provinces) is ingested
with ``vbgraph ingest --workers 2`` (as ``run.py`` does), then:

* **CLI end to end**: ``vbgraph show KEY``, ``lineage KEY --direction up --depth 3``,
  ``assigned NAME --province P`` and ``search TEXT``, each ``--json``, as separate
  processes on the stopped store (interpreter start, store open, query, close):
  what a researcher waits for per question without the server.
* **Server start**: ``vbgraph serve --port 0`` from its start to its ``Ready:``
  line (the store opened once), then the first page (``/``) from the ready line
  to its last byte.
* **Requests**: p50/p95 over ``--requests`` random targets per endpoint, one at a
  time on a kept-alive connection, after 3 warm-ups: the card page ``/doc/KEY``,
  the lineage page ``/lineage/KEY`` (up and down, depth 3) and its
  ``/api/lineage?direction=up&depth=3``, the agency page ``/agency/NAME?province=P``
  and ``/api/assigned``, the search page ``/?q=`` and ``/api/search``.  Targets:
  random corpus documents; agencies the corpus assigns, with their province;
  search texts half document symbols typed without diacritics, half title words.
  Client wall time (the server's own time is in each response's ``Server-Timing``
  header; its p50 is reported too).
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import select
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from generator import generate  # noqa: E402
from run import _ingest_cli, environment, percentile  # noqa: E402

RESULTS = HERE / "results"
READY_TIMEOUT = 600.0
#: Title words of the generated subjects, typed without diacritics.
WORDS = ("hoi nhap quoc te", "chuyen doi so", "nguon nhan luc", "bien doi khi hau", "dat dai",
         "giao duc va dao tao", "ngoai giao kinh te", "khoa hoc cong nghe")
ENDPOINTS = ("card", "card_api", "lineage", "lineage_api", "agency", "agency_api", "search",
             "search_api")


def vbgraph(store: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "vbgraph.cli", "--store", str(store), *args]


def fold(text: str) -> str:
    from vbgraph.lookup import strip_diacritics

    return strip_diacritics(text)


def pick_targets(store_dir: Path, n: int, seed: int) -> dict[str, Any]:
    """Random corpus documents and assigned agencies, read from the store itself."""
    from vbgraph.graph.falkor_store import FalkorStore

    store = FalkorStore(store_dir)
    try:
        docs = store.read("MATCH (d:Document) WHERE d.in_corpus = true "
                          "RETURN d.key AS key, d.symbol AS symbol")
        rng = random.Random(seed)
        chosen = rng.sample(docs, min(n, len(docs)))
        agencies = []
        for d in rng.sample(docs, min(n, len(docs))):
            rows = store.read("MATCH (d:Document {key: $key}) WITH d "
                              "MATCH (a:Agency)-[:ASSIGNED_IN]->(d) "
                              "WHERE a.collective = false AND a.province IS NOT NULL "
                              "RETURN a.name AS name, a.province AS province", {"key": d["key"]})
            if rows:
                a = rng.choice(rows)
                agencies.append((a["name"], a["province"]))
        texts = [fold(d["symbol"]) if i % 2 == 0 else rng.choice(WORDS)
                 for i, d in enumerate(chosen)]
    finally:
        store.close()
    return {"docs": [d["key"] for d in chosen], "agencies": agencies, "texts": texts,
            "corpus": len(docs)}


def cli_times(store_dir: Path, targets: dict[str, Any], runs: int) -> dict[str, float]:
    """Median wall time of each question asked with the CLI (one process per question)."""
    asks = {
        "card": lambda i: ["show", targets["docs"][i], "--json"],
        "lineage": lambda i: ["lineage", targets["docs"][i], "--direction", "up", "--depth",
                              "3", "--json"],
        "agency": lambda i: ["assigned", targets["agencies"][i][0], "--province",
                             targets["agencies"][i][1], "--json"],
        "search": lambda i: ["search", targets["texts"][i], "--json"],
    }
    out: dict[str, float] = {}
    if runs == 0:
        return out
    for name, args in asks.items():
        times = []
        for i in range(runs):
            t = time.perf_counter()
            done = subprocess.run(vbgraph(store_dir, *args(i)), capture_output=True, text=True,
                                  check=False)
            times.append((time.perf_counter() - t) * 1000)
            if done.returncode != 0:
                raise RuntimeError(f"{args(i)}: {done.stderr[-1000:]}")
        out[f"cli_{name}_ms"] = percentile(times, 0.5)
    return out


class Client:
    """One kept-alive HTTP connection to the server on 127.0.0.1."""

    def __init__(self, port: int) -> None:
        self.conn = http.client.HTTPConnection("127.0.0.1", port, timeout=600)

    def get(self, path: str) -> tuple[float, float, int]:
        """(client ms, server ms from Server-Timing, body bytes)."""
        t = time.perf_counter()
        self.conn.request("GET", path)
        reply = self.conn.getresponse()
        body = reply.read()
        ms = (time.perf_counter() - t) * 1000
        if reply.status != 200:
            raise RuntimeError(f"GET {path}: {reply.status} {body[:300]!r}")
        timing = reply.getheader("server-timing") or "app;dur=nan"
        return ms, float(timing.split("dur=")[1]), len(body)


def paths(targets: dict[str, Any], i: int) -> dict[str, str]:
    key = targets["docs"][i % len(targets["docs"])]
    name, province = targets["agencies"][i % len(targets["agencies"])]
    text = targets["texts"][i % len(targets["texts"])]
    agency = {"agency": name, "province": province}
    return {
        "card": "/doc/" + quote(key, safe=""),
        "card_api": "/api/show?" + urlencode({"doc": key}),
        "lineage": "/lineage/" + quote(key, safe="") + "?depth=3",
        "lineage_api": "/api/lineage?" + urlencode({"doc": key, "direction": "up",
                                                    "depth": 3}),
        "agency": "/agency/" + quote(name, safe="") + "?" + urlencode({"province": province}),
        "agency_api": "/api/assigned?" + urlencode(agency),
        "search": "/?" + urlencode({"q": text}),
        "search_api": "/api/search?" + urlencode({"q": text}),
    }


def serve_and_measure(store_dir: Path, targets: dict[str, Any], requests: int) -> dict[str, Any]:
    res: dict[str, Any] = {}
    t0 = time.perf_counter()
    proc = subprocess.Popen(vbgraph(store_dir, "serve", "--port", "0"), stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    try:
        assert proc.stdout is not None
        line = ""
        while not line.startswith("Ready: "):
            ready, _, _ = select.select([proc.stdout], [], [], READY_TIMEOUT)
            line = proc.stdout.readline() if ready else ""
            if not line:
                said = proc.stderr.read() if proc.stderr else ""
                raise RuntimeError(f"serve did not start: {said}")
        ready_at = time.perf_counter()
        res["serve_ready_s"] = ready_at - t0
        port = int(line.split()[1].rstrip("/").rsplit(":", 1)[1])
        client = Client(port)
        client.get("/")
        res["first_page_after_ready_ms"] = (time.perf_counter() - ready_at) * 1000
        first = paths(targets, 0)
        res["first_card_ms"] = client.get(first["card"])[0]
        for i in range(3):  # warm-up
            for p in paths(targets, i).values():
                client.get(p)
        samples: dict[str, list[tuple[float, float, int]]] = {e: [] for e in ENDPOINTS}
        for i in range(requests):
            for name, p in paths(targets, i).items():
                samples[name].append(client.get(p))
        for name, values in samples.items():
            client_ms = [v[0] for v in values]
            res[f"{name}_p50_ms"] = percentile(client_ms, 0.5)
            res[f"{name}_p95_ms"] = percentile(client_ms, 0.95)
            res[f"{name}_server_p50_ms"] = percentile([v[1] for v in values], 0.5)
            res[f"{name}_kb_median"] = percentile([v[2] for v in values], 0.5) / 1024
    finally:
        proc.send_signal(signal.SIGINT)
        try:
            proc.wait(120)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
    return res


def bench_store(store_dir: Path, args: argparse.Namespace) -> dict[str, Any]:
    res: dict[str, Any] = {}
    t = time.perf_counter()
    targets = pick_targets(store_dir, args.requests, args.seed)
    res["targets_s"] = time.perf_counter() - t
    res["agency_targets"] = len(targets["agencies"])
    res["corpus_docs"] = targets["corpus"]
    res.update(cli_times(store_dir, targets, args.cli_runs))
    res.update(serve_and_measure(store_dir, targets, args.requests))
    return res


def bench_size(n: int, args: argparse.Namespace) -> dict[str, Any]:
    res: dict[str, Any] = {"docs": n, "provinces": args.provinces}
    corpus = generate(n, args.provinces, seed=args.seed)
    with tempfile.TemporaryDirectory(prefix="vbgraph-serve-bench-") as tmp:
        docs = Path(tmp) / "docs"
        corpus.write(docs)
        del corpus
        store_dir = Path(args.keep) if args.keep else Path(tmp) / "store"
        res.update(_ingest_cli(docs, store_dir, args))
        res.update(bench_store(store_dir, args))
    return res


def markdown_table(files: list[Path]) -> str:
    head = ("| N | serve ready s | first page ms | card p50/p95 | lineage d3 p50/p95 | "
            "agency p50/p95 | search p50/p95 | card / lineage / agency / search API p50 | "
            "CLI show / lineage / assigned / search ms |")
    lines = [head, "|---|---|---|---|---|---|---|---|---|"]
    for f in files:
        data = json.loads(f.read_text(encoding="utf-8"))
        for r in data["sizes"]:
            def pair(e: str, r: dict[str, Any] = r) -> str:
                return f"{r[f'{e}_p50_ms']:.1f} / {r[f'{e}_p95_ms']:.1f}"
            api = " / ".join(f"{r[f'{e}_api_p50_ms']:.1f}"
                             for e in ("card", "lineage", "agency", "search"))
            cli = " / ".join(f"{r[f'cli_{e}_ms']:.0f}" if f"cli_{e}_ms" in r else "-"
                             for e in ("card", "lineage", "agency", "search"))
            lines.append(f"| {r['docs'] or r['corpus_docs']:,} | {r['serve_ready_s']:.1f} | "
                         f"{r['first_page_after_ready_ms']:.0f} | {pair('card')} | "
                         f"{pair('lineage')} | {pair('agency')} | {pair('search')} | {api} | "
                         f"{cli} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--sizes", default="1000,10000", help="corpus sizes, comma-separated")
    p.add_argument("--store", type=Path, help="measure this existing store (no ingest)")
    p.add_argument("--keep", help="ingest into this directory and keep it (one size)")
    p.add_argument("--provinces", type=int, default=40)
    p.add_argument("--workers", type=int, default=2)
    p.add_argument("--store-batch", type=int, default=50)
    p.add_argument("--requests", type=int, default=100, help="requests per endpoint")
    p.add_argument("--cli-runs", type=int, default=3,
                   help="CLI runs per question (0: the CLI is not timed)")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--out", type=Path)
    p.add_argument("--table", nargs="+", type=Path, help="print the README table of results")
    args = p.parse_args(argv)
    if args.table:
        print(markdown_table(args.table))
        return 0
    report: dict[str, Any] = {"env": environment(), "args": {k: str(v) for k, v in
                                                            vars(args).items()}}
    if args.store:
        report["sizes"] = [{"docs": None, "store": str(args.store),
                            **bench_store(args.store, args)}]
    else:
        sizes = [int(s) for s in args.sizes.split(",") if s]
        if args.keep and len(sizes) != 1:
            p.error("--keep goes with one size")
        report["sizes"] = []
        for n in sizes:
            print(f"== {n} documents", file=sys.stderr, flush=True)
            report["sizes"].append(bench_size(n, args))
            print(json.dumps(report["sizes"][-1]), file=sys.stderr, flush=True)
    report["env"]["loadavg_end"] = [round(x, 2) for x in os.getloadavg()]
    out = args.out or RESULTS / ("serve-" + ("store" if args.store else
                                            args.sizes.replace(",", "-")) + ".json")
    RESULTS.mkdir(exist_ok=True)
    out.write_text(json.dumps(report, indent=1, default=str) + "\n", encoding="utf-8")
    print(f"wrote {out}", file=sys.stderr)
    print(markdown_table([out]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
