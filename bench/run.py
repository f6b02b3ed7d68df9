"""Benchmark harness: extraction, ingest and query cost of vbgraph at 1k..100k documents.

    python bench/run.py --quick --json          # < 1 min on 2 cores; one JSON line
    python bench/run.py --sizes 1000,10000      # the full run; JSON under bench/results/
    python bench/run.py --sizes 100000 --extractions truth

Stages, each a median over ``--repeats``:

* extraction throughput (MB/s on one core) of ``extract(read_text(...))`` on a
  sample of generated documents, next to two baselines on the same bytes: one
  bare regex scan for document symbols, and eyecite's ``get_citations``;
* ingest into a fresh embedded FalkorDB store with ``vbgraph.pipeline.ingest_paths``
  (what ``vbgraph ingest DIR --workers W --batch B`` does: ``--workers`` processes
  extract while this process stores ``--store-batch`` documents at a time);
  documents/s and relationships/s of the whole pipeline, wall clock;
* ``vbgraph.lineage`` (up, depth 6, full key) and ``vbgraph.assigned`` (one Sở in one
  province) latency, p50 and p95 over random targets;
* peak RSS of this process, its workers and the FalkorDB server together
  (sampled every 50 ms).

``--extractions truth`` builds the extractions from the generator's ground truth
instead of running the extractor and stores them with ``store_extractions`` in
batches, so store and query cost can be measured on their own; the extraction
cost of such a run is the measured MB/s times the corpus size.
"""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import hashlib
import itertools
import json
import os
import platform
import random
import re
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from generator import Corpus, GenDoc, generate  # noqa: E402

from vbgraph.graph.store import DOCUMENTS_PER_ROUND  # noqa: E402

RESULTS = HERE / "results"

#: The single bare regex baseline: every document symbol ("590/QĐ-UBND", "45-CTr/TU").
SYMBOL_SCAN = re.compile(
    r"\b\d{1,5}[a-z]?(?:/\d{4})?\s?[-/]\s?[A-ZĐ][A-Za-zĐđ&]*(?:[-/][A-ZĐ][A-Za-zĐđ&]*)*"
)


# --------------------------------------------------------------------------- measuring


class PeakRSS:
    """Peak of the summed RSS of this process and all its descendants, sampled in a thread."""

    def __init__(self, interval: float = 0.05) -> None:
        import psutil

        self._proc = psutil.Process()
        self._interval = interval
        self.peak = 0
        #: processes that are not our children: the FalkorDB server daemonizes.
        self.extra: list[int] = []
        #: a store directory whose server (working there) is to be found and counted.
        self.server_dir: Path | None = None
        #: count this process itself (off while a child ``vbgraph ingest`` is measured)
        self.include_self = True
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def sample(self) -> int:
        import psutil

        total = 0
        if self.server_dir is not None:
            self._find_server()
        procs = [self._proc] if self.include_self else []
        for pid in self.extra:
            with contextlib.suppress(Exception):
                procs.append(psutil.Process(pid))
        with contextlib.suppress(Exception):
            procs += self._proc.children(recursive=True)
        for p in procs:
            with contextlib.suppress(Exception):
                total += p.memory_info().rss
        self.peak = max(self.peak, total)
        return total

    def _find_server(self) -> None:
        import psutil

        for p in psutil.process_iter(["name", "cwd"]):
            if "redis" in (p.info["name"] or "") and p.info["cwd"] == str(self.server_dir):
                self.extra = [p.pid]
                self.server_dir = None
                return

    def _run(self) -> None:
        while not self._stop.is_set():
            self.sample()
            self._stop.wait(self._interval)

    def __enter__(self) -> PeakRSS:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
        self.sample()

    @property
    def mb(self) -> float:
        return self.peak / 2**20


def percentile(values: Sequence[float], q: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    k = (len(ordered) - 1) * q
    lo, hi = int(k), min(int(k) + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (k - lo)


def timed(fn: Callable[[], Any]) -> float:
    t = time.perf_counter()
    fn()
    return time.perf_counter() - t


def cpu_timed(fn: Callable[[], Any]) -> tuple[float, float]:
    """(CPU seconds of this process, wall seconds) of ``fn()``."""
    c, t = time.process_time(), time.perf_counter()
    fn()
    return time.process_time() - c, time.perf_counter() - t


def rnd(x: float | None, n: int = 3) -> float | None:
    return None if x is None else round(x, n)


# --------------------------------------------------------------------------- extraction


def _extract_text(item: tuple[str, str]) -> Any:
    from vbgraph.loaders.extraction import extract
    from vbgraph.loaders.formats.read import read_text

    name, text = item
    return extract(read_text(text, name))


def bench_extraction(corpus: Corpus, sample: int, repeats: int) -> dict[str, Any]:
    """MB/s on one core: vbgraph's extract, a bare regex scan, eyecite, on the same texts."""
    rng = random.Random(corpus.seed + 1)
    docs = rng.sample(corpus.docs, min(sample, len(corpus.docs)))
    items = [(d.name, d.text) for d in docs]
    size = sum(d.size for d in docs)
    # Warm-up: imports, one gazetteer matcher per province (cached for the process).
    cold = timed(lambda: _extract_text(items[0]))
    seen: set[str | None] = set()
    for d in docs:
        if d.ref.province not in seen:
            seen.add(d.ref.province)
            _extract_text((d.name, d.text))

    def run_extract() -> None:
        for it in items:
            _extract_text(it)

    def run_regex() -> None:
        for _, text in items:
            for _m in SYMBOL_SCAN.finditer(text):
                pass

    out: dict[str, Any] = {
        "sample_docs": len(items),
        "sample_mb": size / 1e6,
        "cold_first_doc_s": cold,
    }
    runners: dict[str, Callable[[], None]] = {"extract": run_extract, "regex_scan": run_regex}
    try:
        from eyecite import get_citations

        def run_eyecite() -> None:
            for _, text in items:
                get_citations(text)

        run_eyecite()  # warm-up: builds its tokenizer
        runners["eyecite"] = run_eyecite
    except ImportError:
        pass
    # Interleaved (extract, regex, eyecite, extract, ...): a slow spell of the machine
    # hits every contender alike, and each repeat gives one extract/eyecite ratio.
    times: dict[str, list[tuple[float, float]]] = {name: [] for name in runners}
    for _ in range(repeats):
        for name, run in runners.items():
            times[name].append(cpu_timed(run))
    if "eyecite" in times:
        ratios = [e[0] / x[0] for x, e in zip(times["extract"], times["eyecite"], strict=True)]
        out["extract_over_eyecite_median"] = statistics.median(ratios)
        out["extract_over_eyecite_min"] = min(ratios)
    # MB/s per core from the CPU time of this (single-threaded) process, so other load on
    # the machine does not count; the wall-clock figure is kept beside it.
    times.setdefault("eyecite", [])  # not installed: its figures are null
    for name, ts in times.items():
        cpu = statistics.median(c for c, _ in ts) if ts else None
        wall = statistics.median(w for _, w in ts) if ts else None
        out[f"{name}_cpu_s"] = cpu
        out[f"{name}_mb_per_s"] = (size / 1e6 / cpu) if cpu else None
        out[f"{name}_wall_mb_per_s"] = (size / 1e6 / wall) if wall else None
    out["regex_symbols_found"] = sum(len(SYMBOL_SCAN.findall(t)) for _, t in items)
    return out


def chain_recall(corpus: Corpus, extractions: dict[str, Any]) -> dict[str, Any]:
    """How much of the generator's ground truth the extractor recovered."""
    want = got = keys = leads_want = leads_got = 0
    for d in corpus.docs:
        ex = extractions.get(d.key)
        if ex is None:
            continue
        keys += ex.document.key == d.key
        found = {(e.source, e.target, e.relation) for e in ex.edges}
        want += len(d.edges)
        got += len(set(d.edges) & found)
        leads = {a.agency for a in ex.assignments if a.role == "lead"}
        leads |= {x for t in ex.tasks for x in t.lead}
        leads_want += len(d.leads)
        leads_got += len(set(d.leads) & leads)
    return {
        "subject_keys": keys / max(1, len(corpus.docs)),
        "chain_edges": got / max(1, want),
        "leads": leads_got / max(1, leads_want),
    }


def truth_extraction(d: GenDoc, corpus: Corpus) -> Any:
    """An ``Extraction`` built from the generator's ground truth (no extractor run)."""
    from vbgraph.models import Assignment, DocEdge, DocInfo, Extraction, Task

    def info(key: str) -> DocInfo:
        ref = corpus.cited.get(key) or by_key[key]
        return DocInfo(
            symbol=ref.symbol,
            key=ref.key,
            type=ref.type,
            issuer=ref.issuer,
            province=ref.province,
            date=ref.date.isoformat(),
            title=ref.title or None,
        )

    by_key = _BY_KEY.get(id(corpus))
    if by_key is None:  # once per corpus, not per document
        by_key = _BY_KEY[id(corpus)] = {x.key: x.ref for x in corpus.docs}
    subject = info(d.key)
    others = sorted({k for e in d.edges for k in e[:2]} - {d.key})
    return Extraction(
        file=d.name,
        document=subject,
        documents=tuple(info(k) for k in others),
        edges=tuple(DocEdge(s, t, r, raw=f"{r} {t}", asserted_by=d.key) for s, t, r in d.edges),
        tasks=tuple(
            Task(id=tid, text=text, lead=(lead,), coordinate=co) for tid, text, lead, co in d.tasks
        ),
        # Roles are stored from the assignments (each names its task).
        assignments=tuple(
            Assignment(agency=name, province=d.ref.province, role=role, raw=name, task=tid)
            for tid, _, lead, co in d.tasks
            for name, role in [(lead, "lead"), *((c, "coordinate") for c in co)]
        ),
        path=d.name,
        sha256=hashlib.sha256(d.text.encode("utf-8")).hexdigest(),
    )


_BY_KEY: dict[int, dict[str, Any]] = {}


# --------------------------------------------------------------------------- ingest + queries


def bench_size(n: int, args: argparse.Namespace, rss: PeakRSS) -> dict[str, Any]:
    from vbgraph.graph.falkor_store import FalkorStore
    from vbgraph.graph.ingest import store_extractions
    res: dict[str, Any] = {"docs": n, "provinces": args.provinces}
    t = time.perf_counter()
    corpus = generate(n, args.provinces, seed=args.seed, keep_text=args.extractions == "real")
    res["generate_s"] = time.perf_counter() - t
    res["corpus_mb"] = corpus.bytes / 1e6
    with tempfile.TemporaryDirectory(prefix="vbgraph-bench-") as tmp:
        store_dir = Path(tmp) / "store"
        if args.extractions == "real":
            docs = Path(tmp) / "docs"
            t = time.perf_counter()
            corpus.write(docs)
            res["write_s"] = time.perf_counter() - t
            # The texts live on disk now; this process keeps only a recall sample's.
            sample = _recall_sample(corpus, args)
            keep = {d.key for d in sample}
            corpus.docs = [d if d.key in keep else dataclasses.replace(d, text="")
                           for d in corpus.docs]
            # What a researcher runs: `vbgraph ingest DIR --workers W --batch B`, its own
            # process tree and server measured (this harness's memory is not vbgraph's).
            rss.peak, rss.server_dir, rss.include_self = 0, store_dir, False
            res.update(_ingest_cli(docs, store_dir, args))
            rss.include_self = True
            res["ingest_peak_rss_mb"] = rss.mb
            res["recall"] = _recall(corpus, sample)
        store = FalkorStore(store_dir)
        server = getattr(getattr(store._db, "client", None), "pid", None)
        if server:
            rss.extra = [server]
        try:
            store.setup_schema()
            if args.extractions == "truth":
                build = 0.0  # extractions made chunk by chunk from the truth, not timed
                t = time.perf_counter()
                for k in range(0, n, 5000):
                    chunk = corpus.docs[k : k + 5000]
                    b = time.perf_counter()
                    order = [truth_extraction(d, corpus) for d in chunk]
                    build += time.perf_counter() - b
                    for i in range(0, len(order), args.store_batch):
                        store_extractions(store, order[i : i + args.store_batch])
                    _progress(args, k + len(chunk), n, t)
                res["store_s"] = time.perf_counter() - t - build
                res["truth_build_s"] = build
            rels, nodes = _counts(store)
            res["nodes"], res["relationships"] = nodes, rels
            res["ingest_docs_per_s"] = n / res["store_s"]
            res["ingest_edges_per_s"] = rels / res["store_s"]
            res.update(_queries_in_child(store_dir, query_targets(corpus, args)))
            res["server_rss_mb"] = _rss_mb(server) if server else None
        finally:
            store.close()
    if args.extractions == "real":  # vbgraph's processes: the ingest tree, then the server
        res["peak_rss_mb"] = max(res["ingest_peak_rss_mb"], res["server_rss_mb"] or 0)
    else:  # this harness (the corpus and its truth included) and the server
        res["peak_rss_mb"] = rss.mb
    return res


def _rss_mb(pid: int) -> float:
    import psutil

    return float(psutil.Process(pid).memory_info().rss) / 2**20


def _ingest_cli(docs: Path, store_dir: Path, args: argparse.Namespace) -> dict[str, Any]:
    """Run ``vbgraph ingest`` on ``docs`` in a child process; its wall time and outcome."""
    cmd = [sys.executable, "-m", "vbgraph.cli", "--store", str(store_dir), "ingest", str(docs),
           "--workers", str(args.workers), "--batch", str(args.store_batch), "--quiet"]
    t = time.perf_counter()
    done = subprocess.run(cmd, capture_output=True, text=True, check=False)
    elapsed = time.perf_counter() - t
    if done.returncode != 0:
        raise RuntimeError(f"vbgraph ingest failed ({done.returncode}): {done.stderr[-2000:]}")
    said = (done.stdout + done.stderr).strip().splitlines()
    return {"store_s": elapsed, "ingest_summary": said[-1] if said else ""}


def _recall_sample(corpus: Corpus, args: argparse.Namespace) -> list[GenDoc]:
    rng = random.Random(args.seed + 3)
    return rng.sample(corpus.docs, min(300, len(corpus.docs)))


def _recall(corpus: Corpus, sample: list[GenDoc]) -> dict[str, Any]:
    """The extractor's recall of the generated truth, on a sample of documents."""
    got = {d.key: _extract_text((d.name, d.text)) for d in sample}
    recall = chain_recall(dataclasses.replace(corpus, docs=sample), got)
    return {**recall, "sample_docs": len(sample)}


def _counts(store: Any) -> tuple[int, int]:
    """Relationships and nodes, counted per type and label (``COUNT_*``): one grouped
    scan of every relationship timed out on the client socket at 100k documents."""
    from vbgraph.queries.cypher.corpus import COUNT_NODES, COUNT_RELATIONSHIPS

    rels = sum(store.read(text)[0]["n"] for text in COUNT_RELATIONSHIPS.values())
    nodes = sum(store.read(text)[0]["n"] for text in COUNT_NODES.values())
    return rels, nodes


def _progress(args: argparse.Namespace, k: int, n: int, t0: float) -> None:
    if args.progress:
        el = time.perf_counter() - t0
        print(f"  stored {min(k, n)}/{n} in {el:.0f} s", file=sys.stderr, flush=True)


def query_targets(corpus: Corpus, args: argparse.Namespace) -> dict[str, Any]:
    """Random corpus documents for ``lineage``, and agencies the corpus does assign, in
    their province, for ``assigned`` (a miss is a different path: the "did you mean"
    scan of every agency name)."""
    rng = random.Random(args.seed + 2)
    docs = list(corpus.docs)
    lineage = [rng.choice(docs).key for _ in range(args.queries)]
    asks = []
    for _ in range(args.queries):
        d = rng.choice(docs)
        asks.append([rng.choice(d.tasks)[2], d.ref.province])
    return {"lineage": lineage, "assigned": asks}


def _queries_in_child(store_dir: Path, targets: dict[str, Any]) -> dict[str, Any]:
    """Time the queries in a process of their own, connected to the running server, as a
    researcher's command or notebook would be.  Timed in this process they paid for the
    harness's heap (the generated corpus: the garbage collector's full passes landed in
    ~10 % of the ``assigned`` calls at 100k, +400 ms each)."""
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as f:
        json.dump(targets, f)
    try:
        cmd = [sys.executable, str(Path(__file__).resolve()), "--time-queries", str(store_dir),
               f.name]
        done = subprocess.run(cmd, capture_output=True, text=True, check=False)
    finally:
        os.unlink(f.name)
    if done.returncode != 0:
        raise RuntimeError(f"timing the queries failed ({done.returncode}): {done.stderr[-2000:]}")
    return json.loads(done.stdout)  # type: ignore[no-any-return]


def time_queries(store_dir: Path, targets_file: Path) -> dict[str, Any]:
    """``lineage`` and ``assigned`` latency on the store in ``store_dir`` (the child's side)."""
    from vbgraph.graph.falkor_store import FalkorStore

    targets = json.loads(targets_file.read_text(encoding="utf-8"))
    store = FalkorStore(store_dir)
    try:
        return bench_queries(store, targets)
    finally:
        store.close()  # the harness is still connected: the server keeps running


def bench_queries(store: Any, targets: dict[str, Any]) -> dict[str, Any]:
    from vbgraph.queries.agencies import assigned
    from vbgraph.queries.lineage import lineage

    keys, asks = targets["lineage"], [tuple(a) for a in targets["assigned"]]
    for key in keys[:3]:  # warm-up (query plans cached by the server)
        lineage(store, key)
    lineage_ms, lineage_edges = [], []
    for key in keys:
        t = time.perf_counter()
        result = lineage(store, key)
        lineage_ms.append((time.perf_counter() - t) * 1000)
        lineage_edges.append(len(result.edges))
    for name, prov in asks[:3]:
        _try_assigned(assigned, store, name, prov)
    assigned_ms, assigned_docs = [], []
    for name, prov in asks:
        t = time.perf_counter()
        found = _try_assigned(assigned, store, name, prov)
        assigned_ms.append((time.perf_counter() - t) * 1000)
        assigned_docs.append(found)
    national_ms = []
    for name, _ in asks[: max(3, len(asks) // 5)]:
        t = time.perf_counter()
        _try_assigned(assigned, store, name, None)
        national_ms.append((time.perf_counter() - t) * 1000)
    return {
        "lineage_p50_ms": percentile(lineage_ms, 0.5),
        "lineage_p95_ms": percentile(lineage_ms, 0.95),
        "lineage_edges_median": statistics.median(lineage_edges),
        "assigned_p50_ms": percentile(assigned_ms, 0.5),
        "assigned_p95_ms": percentile(assigned_ms, 0.95),
        "assigned_docs_median": statistics.median(assigned_docs),
        "assigned_national_p50_ms": percentile(national_ms, 0.5),
        "assigned_national_p95_ms": percentile(national_ms, 0.95),
    }


def _try_assigned(assigned: Any, store: Any, agency: str, province: str | None) -> int:
    from vbgraph.errors import NotFoundError

    try:
        return len(assigned(store, agency, province=province).documents)
    except NotFoundError:
        return 0


# --------------------------------------------------------------------------- report


def growth(sizes: list[dict[str, Any]]) -> dict[str, Any]:
    """How each cost grows between consecutive sizes: exponent b in cost ~ N^b."""
    import math

    out: dict[str, Any] = {}
    metrics = {
        "store_s": "store_s",
        "lineage_p50_ms": "lineage_p50_ms",
        "assigned_p50_ms": "assigned_p50_ms",
        "peak_rss_mb": "peak_rss_mb",
    }
    for a, b in itertools.pairwise(sizes):
        step: dict[str, Any] = {}
        ratio_n = b["docs"] / a["docs"]
        for name, key in metrics.items():
            if a.get(key) and b.get(key):
                step[name] = round(math.log(b[key] / a[key]) / math.log(ratio_n), 2)
        out[f"{a['docs']}->{b['docs']}"] = step
    return out


def markdown_table(paths: list[Path]) -> str:
    """The README table from saved results: one row per (run, size)."""
    head = (
        "| run | N | extract MB/s/core | regex MB/s | eyecite MB/s | ingest docs/s "
        "| ingest rels/s | lineage p50/p95 ms | assigned p50/p95 ms | peak RSS MB |"
    )
    lines = [head, "|" + "---|" * head.count(" |")]
    for path in paths:
        rep = json.loads(path.read_text(encoding="utf-8"))
        ext = rep["extraction"]
        mode = rep["args"].get("extractions", "real")
        if mode == "real" and "ingest_summary" in rep["sizes"][0]:
            mode = f"pipeline, {rep['args']['workers']} workers"
        if rep["args"].get("store_batch", "0") != "0":
            mode += f", batch {rep['args']['store_batch']}"
        for s in rep["sizes"]:
            lines.append(
                f"| {mode} | {s['docs']:,} | {ext['extract_mb_per_s']:.3f} "
                f"| {ext['regex_scan_mb_per_s']:.1f} | {(ext.get('eyecite_mb_per_s') or 0):.3f} "
                f"| {s['ingest_docs_per_s']:.1f} | {s['ingest_edges_per_s']:.0f} "
                f"| {s['lineage_p50_ms']:.1f} / {s['lineage_p95_ms']:.1f} "
                f"| {s['assigned_p50_ms']:.1f} / {s['assigned_p95_ms']:.1f} "
                f"| {s['peak_rss_mb']:.0f} |"
            )
    return "\n".join(lines)


def environment() -> dict[str, Any]:
    try:
        commit = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"],
            cwd=HERE,
            capture_output=True,
            text=True,
            check=False,
        ).stdout.strip()
    except OSError:
        commit = ""
    try:
        from importlib.metadata import version

        eyecite_version = version("eyecite")
    except Exception:
        eyecite_version = None
    return {
        "python": platform.python_version(),
        "cpus": os.cpu_count(),
        "loadavg_start": [round(x, 2) for x in os.getloadavg()],
        "commit": commit,
        "eyecite": eyecite_version,
    }


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--quick", action="store_true", help="small sizes: < 1 min on 2 cores")
    p.add_argument("--json", action="store_true", help="print one JSON summary line")
    p.add_argument("--sizes", default="1000,10000", help="corpus sizes, comma-separated")
    p.add_argument("--provinces", type=int, default=None)
    p.add_argument("--workers", type=int, default=2)
    p.add_argument("--repeats", type=int, default=3)
    p.add_argument("--sample", type=int, default=200, help="documents in the MB/s sample")
    p.add_argument("--queries", type=int, default=100)
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--extractions", choices=("real", "truth"), default="real")
    p.add_argument(
        "--store-batch",
        type=int,
        default=DOCUMENTS_PER_ROUND,
        help="documents stored per batch of UNWIND writes (vbgraph ingest --batch)",
    )
    p.add_argument("--out", type=Path, default=None, help="results JSON (default bench/results/)")
    p.add_argument("--no-save", action="store_true")
    p.add_argument("--progress", action="store_true")
    p.add_argument("--table", nargs="+", type=Path, help="print the README table of results")
    p.add_argument("--time-queries", nargs=2, type=Path, metavar=("STORE", "TARGETS"),
                   help=argparse.SUPPRESS)  # the query timing's own process
    args = p.parse_args(argv)
    if args.time_queries:
        print(json.dumps(time_queries(*args.time_queries)))
        return 0
    if args.table:
        print(markdown_table(args.table))
        return 0
    if args.quick:
        sizes = [60]
        args.sample, args.queries, args.repeats = 12, 20, 3
        args.provinces = args.provinces or 4
    else:
        sizes = [int(s) for s in args.sizes.split(",") if s]
        args.provinces = args.provinces or 40
    env = environment()
    report: dict[str, Any] = {"env": env, "args": {k: str(v) for k, v in vars(args).items()}}
    rss = PeakRSS()
    with rss:
        corpus = generate(max(args.sample * 2, 60), args.provinces, seed=args.seed)
        report["extraction"] = bench_extraction(corpus, args.sample, args.repeats)
        report["extraction"]["peak_rss_mb"] = rss.mb
        report["sizes"] = []
        for n in sizes:
            rss.peak = 0
            if not args.json:
                print(f"== {n} documents", file=sys.stderr, flush=True)
            report["sizes"].append(bench_size(n, args, rss))
            if not args.json:
                print(json.dumps(report["sizes"][-1], default=str), file=sys.stderr)
    env["loadavg_end"] = [round(x, 2) for x in os.getloadavg()]
    report["growth"] = growth(report["sizes"])
    if not report["sizes"]:  # --sizes "": the extraction stage alone
        if not args.no_save:
            RESULTS.mkdir(exist_ok=True)
            out = args.out or RESULTS / "extraction.json"
            out.write_text(
                json.dumps(report, indent=1, default=_json_default) + "\n", encoding="utf-8"
            )
        print(json.dumps(report["extraction"], default=_json_default, indent=1))
        return 0
    last = report["sizes"][-1]
    ext = report["extraction"]
    summary = {
        "docs": last["docs"],
        "extract_mb_per_s": rnd(ext["extract_mb_per_s"]),
        "regex_scan_mb_per_s": rnd(ext["regex_scan_mb_per_s"]),
        "eyecite_mb_per_s": rnd(ext["eyecite_mb_per_s"]),
        "ingest_docs_per_s": rnd(last["ingest_docs_per_s"], 1),
        "lineage_p50_ms": rnd(last["lineage_p50_ms"], 2),
        "assigned_p50_ms": rnd(last["assigned_p50_ms"], 2),
        "peak_rss_mb": rnd(max(s["peak_rss_mb"] for s in report["sizes"]), 1),
    }
    report["summary"] = summary
    if not args.no_save and not args.quick:
        RESULTS.mkdir(exist_ok=True)
        tag = "-".join(str(s) for s in sizes) + f"-{args.extractions}"
        if args.store_batch:
            tag += f"-batch{args.store_batch}"
        out = args.out or RESULTS / f"run-{tag}.json"
        out.write_text(json.dumps(report, indent=1, default=_json_default) + "\n", encoding="utf-8")
        if not args.json:
            print(f"wrote {out}", file=sys.stderr)
    print(
        json.dumps(
            summary if args.json else report, default=_json_default, indent=None if args.json else 1
        )
    )
    return 0


def _json_default(o: Any) -> Any:
    if isinstance(o, float):
        return round(o, 4)
    return str(o)


if __name__ == "__main__":
    sys.exit(main())
