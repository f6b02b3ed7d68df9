"""Profile vbgraph's hot paths on a generated corpus (see bench/README.md, "Profile findings").

    python bench/profiling.py extract [--docs 60]      # cProfile of extract(), by function
    python bench/profiling.py ingest [--docs 2000]     # time per Cypher text, batch sizes
    python bench/profiling.py queries [--docs 10000]   # GRAPH.PROFILE of lineage and assigned

Nothing here changes vbgraph: the ingest variants (``appendfsync everysec``, batch
sizes) only set options from the outside.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import pstats
import random
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from generator import generate  # noqa: E402
from run import _extract_text, truth_extraction  # noqa: E402


def profile_extract(args: argparse.Namespace) -> None:
    corpus = generate(args.docs, 4, seed=args.seed)
    items = [(d.name, d.text) for d in corpus.docs]
    for it in items[:8]:
        _extract_text(it)  # warm-up: imports, matchers of the four provinces
    pr = cProfile.Profile()
    t = time.perf_counter()
    pr.enable()
    for it in items:
        _extract_text(it)
    pr.disable()
    wall = time.perf_counter() - t
    size = sum(d.size for d in corpus.docs)
    print(f"{len(items)} docs, {size / 1e6:.2f} MB, {wall:.1f} s under cProfile")
    out = io.StringIO()
    st = pstats.Stats(pr, stream=out)
    st.sort_stats("cumulative").print_stats(r"vbgraph", 30)
    st.sort_stats("tottime").print_stats(25)
    print(out.getvalue())


class TimedStore:
    """Wraps a store; accumulates time and calls per query text."""

    def __init__(self, store: Any) -> None:
        self._store = store
        self.time: dict[str, float] = defaultdict(float)
        self.calls: dict[str, int] = defaultdict(int)
        self.name = store.name

    def _label(self, query: str) -> str:
        from vbgraph.queries import cypher

        for name, text in cypher.all_queries().items():
            if text == query:
                return name
        return query.strip().splitlines()[0][:40]

    def write(self, query: str, params: Any = None) -> None:
        t = time.perf_counter()
        self._store.write(query, params)
        label = self._label(query)
        self.time[label] += time.perf_counter() - t
        self.calls[label] += 1

    def read(self, query: str, params: Any = None) -> list[dict[str, Any]]:
        t = time.perf_counter()
        rows = self._store.read(query, params)
        label = self._label(query)
        self.time[label] += time.perf_counter() - t
        self.calls[label] += 1
        return rows

    def __getattr__(self, name: str) -> Any:
        return getattr(self._store, name)


def _open(directory: Path, fsync: str = "always") -> Any:
    from vbgraph.graph import falkor_store

    saved = dict(falkor_store.SERVER_CONFIG)
    falkor_store.SERVER_CONFIG["appendfsync"] = fsync
    try:
        store = falkor_store.FalkorStore(directory)
    finally:
        falkor_store.SERVER_CONFIG.clear()
        falkor_store.SERVER_CONFIG.update(saved)
    store.setup_schema()
    return store


def store_batched(store: Any, extractions: list[Any], batch: int) -> None:
    """Resolve ``batch`` extractions, concatenate their rows, write them as one set of UNWINDs."""
    from vbgraph.graph.ingest import write_rows
    from vbgraph.graph.resolve import GraphRows, resolve
    from vbgraph.lookup import fold_symbol
    from vbgraph.queries.cypher.documents import FIND_DOCUMENTS

    def candidates(symbol: str, scope: str) -> list[str]:
        rows = store.read(FIND_DOCUMENTS, {"lookup": fold_symbol(symbol), "key": ""})
        return [r["key"] for r in rows if r["key"].split("|")[1] == scope]

    for i in range(0, len(extractions), batch):
        merged = GraphRows()
        for ex in extractions[i : i + batch]:
            rows = resolve(ex, candidates)
            merged.corpus += rows.corpus
            merged.stubs += rows.stubs
            merged.agencies += rows.agencies
            merged.tasks += rows.tasks
            merged.issued_by += rows.issued_by
            for k, v in rows.edges.items():
                merged.edges.setdefault(k, []).extend(v)
            for k, v in rows.roles.items():
                merged.roles.setdefault(k, []).extend(v)
        write_rows(store, merged)


def profile_ingest(args: argparse.Namespace) -> None:
    from vbgraph.graph.ingest import store_extraction, store_extractions
    from vbgraph.queries.cypher.corpus import COUNT_RELATIONSHIPS

    corpus = generate(args.docs, 20, seed=args.seed)
    if args.real:
        extractions = [_extract_text((d.name, d.text)) for d in corpus.docs]
    else:
        extractions = [truth_extraction(d, corpus) for d in corpus.docs]
    print(f"{len(extractions)} extractions ({'real' if args.real else 'truth'})")
    variants = [
        ("one document at a time, appendfsync always", "always", 0),
        ("50 documents per batch (ingest's default), always", "always", 50),
        ("200 documents per batch, always", "always", 200),
        ("200 documents per batch, everysec", "everysec", 200),
    ]
    for label, fsync, batch in variants:
        with tempfile.TemporaryDirectory(prefix="vbgraph-prof-") as tmp:
            store = _open(Path(tmp) / "s", fsync)
            timed = TimedStore(store)
            try:
                t = time.perf_counter()
                if batch:
                    for i in range(0, len(extractions), batch):
                        store_extractions(timed, extractions[i : i + batch])
                else:
                    for ex in extractions:
                        store_extraction(timed, ex)
                wall = time.perf_counter() - t
                rels = sum(store.read(t)[0]["n"] for t in COUNT_RELATIONSHIPS.values())
            finally:
                store.close()
        n = len(extractions)
        print(f"\n== {label}: {wall:.1f} s, {n / wall:.0f} docs/s, {rels / wall:.0f} rels/s")
        for name, secs in sorted(timed.time.items(), key=lambda kv: -kv[1])[:10]:
            print(f"  {secs:7.2f} s {timed.calls[name]:7d} calls  {name}")


def profile_queries(args: argparse.Namespace) -> None:
    from vbgraph.graph.ingest import store_extractions
    from vbgraph.models import RELATION_TYPES, ROLE_TYPES
    from vbgraph.queries.cypher.agencies import ASSIGNED, ASSIGNED_ALL_ROLES, FIND_AGENCIES
    from vbgraph.queries.cypher.documents import FIND_DOCUMENTS, LINEAGE_STEP_UP

    corpus = generate(args.docs, args.provinces, seed=args.seed, keep_text=False)
    with tempfile.TemporaryDirectory(prefix="vbgraph-prof-") as tmp:
        store = _open(Path(tmp) / "s", "everysec")
        try:
            extractions = [truth_extraction(d, corpus) for d in corpus.docs]
            for i in range(0, len(extractions), 200):
                store_extractions(store, extractions[i : i + 200])
            rng = random.Random(1)
            d = rng.choice([x for x in corpus.docs if x.ref.level >= 4])
            keys = [
                r["key"]
                for r in store.read(FIND_AGENCIES, {"lookup": "so ngoai vu", "province": None})
            ]
            one = [k for k in keys if k.endswith(corpus.provinces[0])]
            every_role = list(ROLE_TYPES.values())
            window = {"since": None, "until": None}
            cases = {
                "LINEAGE_STEP_UP (one level)": (
                    LINEAGE_STEP_UP,
                    {"keys": [d.key], "relations": list(RELATION_TYPES.values())},
                ),
                "ASSIGNED_ALL_ROLES (one agency, summaries)": (
                    ASSIGNED_ALL_ROLES,
                    {"agency": one[0], **window},
                ),
                "ASSIGNED (one agency, every role and task)": (
                    ASSIGNED,
                    {"agencies": one, "roles": every_role, **window},
                ),
                "ASSIGNED (national)": (
                    ASSIGNED,
                    {"agencies": keys, "roles": every_role, **window},
                ),
                "FIND_DOCUMENTS": (
                    FIND_DOCUMENTS,
                    {"lookup": d.key.split("|")[0].lower(), "key": d.key},
                ),
                "FIND_AGENCIES": (FIND_AGENCIES, {"lookup": "so ngoai vu", "province": None}),
            }
            graph = store._graph
            for name, (text, params) in cases.items():
                for _ in range(3):
                    store.read(text, params)
                ts = []
                for _ in range(10):
                    t = time.perf_counter()
                    store.read(text, params)
                    ts.append((time.perf_counter() - t) * 1000)
                ts.sort()
                rows = store.read(text, params)
                print(f"\n== {name}: median {ts[len(ts) // 2]:.2f} ms, {len(rows)} rows")
                print("  ", str(graph.profile(text, params)).replace("\n", "\n   "))
        finally:
            store.close()


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("what", choices=("extract", "ingest", "queries"))
    p.add_argument("--docs", type=int, default=None)
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--real", action="store_true", help="ingest: run the extractor first")
    p.add_argument("--provinces", type=int, default=40, help="queries: provinces")
    args = p.parse_args()
    args.docs = args.docs or {"extract": 60, "ingest": 2000, "queries": 10000}[args.what]
    {"extract": profile_extract, "ingest": profile_ingest, "queries": profile_queries}[args.what](
        args
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
