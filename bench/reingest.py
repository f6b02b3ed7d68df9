"""Re-ingest with changed files: replacing a document must not scan the whole graph.

```
python bench/reingest.py                        # 1k and 10k stores, 1 % and 10 % changed
python bench/reingest.py --sizes 1000,10000,30000 --shares 0.01,0.1 --json
```

A store of N generated documents is built from the generator's ground truth (storing
only, no extraction: the figure is the store's), then a share of its documents is
stored again with changed content (new checksum, one task's text changed), the way
`vbgraph ingest` stores a changed file (`store_extractions`, 50 a batch).  Replacing
a document forgets what its old version stated (its edges, tasks, summaries, issuer)
and removes the stubs and agencies nobody refers to any more; each of those must
touch the document's neighbourhood, not the graph.  Reported per size and share: the
seconds, the milliseconds per replaced document, and `per_doc_growth`, the exponent b
of (ms per replaced document) ~ N^b between consecutive sizes: 0 when replacing one
document costs the same in any store, 1 when it scans the whole graph.
"""

from __future__ import annotations

import argparse
import dataclasses
import itertools
import json
import math
import random
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generator import generate
from run import truth_extraction

STORE_BATCH = 200
INGEST_BATCH = 50


def changed(ex: Any, rng: random.Random) -> Any:
    """``ex`` as its file after an edit: another checksum, one task's text reworded."""
    tasks = list(ex.tasks)
    if tasks:
        k = rng.randrange(len(tasks))
        tasks[k] = dataclasses.replace(tasks[k], text=tasks[k].text + " (sửa đổi)")
    return dataclasses.replace(ex, tasks=tuple(tasks), sha256=f"{rng.getrandbits(256):064x}")


def bench_size(n: int, shares: list[float], seed: int) -> dict[str, Any]:
    import psutil

    from vbgraph.graph.falkor_store import FalkorStore
    from vbgraph.graph.ingest import store_extractions
    from vbgraph.queries.corpus import stats

    corpus = generate(n, min(40, max(4, n // 250)), seed=seed)
    extractions = [truth_extraction(d, corpus) for d in corpus.docs]
    rng = random.Random(seed)
    out: dict[str, Any] = {"n": n, "shares": []}
    with tempfile.TemporaryDirectory(prefix="vbgraph-reingest-") as tmp:
        store = FalkorStore(Path(tmp) / "store")
        try:
            store.setup_schema()
            t0 = time.perf_counter()
            for i in range(0, len(extractions), STORE_BATCH):
                store_extractions(store, extractions[i : i + STORE_BATCH])
            out["build_s"] = round(time.perf_counter() - t0, 2)
            out["stats"] = stats(store)
            for share in shares:
                picked = rng.sample(range(len(extractions)), max(1, round(share * n)))
                edits = [changed(extractions[i], rng) for i in picked]
                t0 = time.perf_counter()
                statuses: dict[str, int] = {}
                for i in range(0, len(edits), INGEST_BATCH):
                    for outcome in store_extractions(store, edits[i : i + INGEST_BATCH]):
                        statuses[outcome.status] = statuses.get(outcome.status, 0) + 1
                seconds = time.perf_counter() - t0
                for i, ex in zip(picked, edits, strict=True):
                    extractions[i] = ex
                out["shares"].append({
                    "share": share, "replaced": len(edits), "statuses": statuses,
                    "seconds": round(seconds, 3),
                    "ms_per_doc": round(1000 * seconds / len(edits), 3),
                })
            out["server_rss_mb"] = round(psutil.Process(store.server_pid).memory_info().rss
                                         / 2**20, 1)
            assert stats(store)["documents"] == out["stats"]["documents"]
        finally:
            store.close()
    return out


def growth(sizes: list[dict[str, Any]]) -> list[dict[str, Any]]:
    rows = []
    for a, b in itertools.pairwise(sizes):
        for sa, sb in zip(a["shares"], b["shares"], strict=True):
            rows.append({
                "share": sa["share"], "from": a["n"], "to": b["n"],
                "per_doc_growth": round(math.log(sb["ms_per_doc"] / sa["ms_per_doc"])
                                        / math.log(b["n"] / a["n"]), 2),
            })
    return rows


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--sizes", default="1000,10000")
    p.add_argument("--shares", default="0.01,0.1")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--json", action="store_true")
    args = p.parse_args(argv)
    sizes = [bench_size(int(n), [float(s) for s in args.shares.split(",")], args.seed)
             for n in args.sizes.split(",")]
    result = {"sizes": sizes, "growth": growth(sizes)}
    if args.json:
        print(json.dumps(result, ensure_ascii=False))
        return 0
    print("| store | share | replaced | seconds | ms per replaced doc |")
    print("|---|---|---|---|---|")
    for size in sizes:
        for s in size["shares"]:
            print(f"| {size['n']:,} | {s['share']:.0%} | {s['replaced']:,} | {s['seconds']} | "
                  f"{s['ms_per_doc']} |")
    for g in growth(sizes):
        print(f"per-document cost growth {g['from']:,} -> {g['to']:,} at {g['share']:.0%}: "
              f"N^{g['per_doc_growth']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
