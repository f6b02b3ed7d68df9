"""Reliability probes (issue 15): what an attacker or a careless user does to a store.

```
python bench/reliability.py                       # every probe, a table
python bench/reliability.py --trials 20 --json    # more trials, one JSON line
PYTHONPATH=/path/to/other/checkout/src python bench/reliability.py   # another version
```

Each probe runs the `vbgraph` command line in child processes, as a user would, and
reports trials, failures, wall time and, where it matters, memory.  It runs against
whichever `vbgraph` the interpreter imports (`PYTHONPATH` picks another checkout), so
the same probes give the "before" and "after" figures of bench/README.md.  Every wait
is bounded; every server a probe starts is stopped.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import psutil

SEEDS = Path(__file__).resolve().parents[1] / "src" / "vbgraph" / "data" / "seeds"
SEED_590 = SEEDS / "001_442fd82c9306811c.txt"
DEADLINE = 120.0


def vbgraph(store: Path, *args: str, env: dict[str, str] | None = None,
            timeout: float = DEADLINE) -> tuple[int | None, str, str]:
    """Run the command line; ``None`` as the exit code when it ran out of time."""
    proc = subprocess.Popen([sys.executable, "-m", "vbgraph.cli", "--store", str(store), *args],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env={**os.environ, **(env or {})}, start_new_session=True)
    try:
        out, err = proc.communicate(timeout=timeout)
        return proc.returncode, out, err
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        out, err = proc.communicate()
        return None, out, err


def servers_in(directory: Path) -> list[psutil.Process]:
    found = []
    target = directory.resolve()
    for process in psutil.process_iter(["name"]):
        try:
            if "redis-server" in (process.info["name"] or "") and \
                    Path(process.cwd()).resolve() == target:
                found.append(process)
        except (psutil.Error, OSError):
            continue
    return found


def reap(directory: Path) -> int:
    left = servers_in(directory)
    for process in left:
        process.kill()
    return len(left)


def corpus_count(store: Path) -> int | None:
    code, out, _ = vbgraph(store, "stats", "--json", timeout=60)
    if code != 0:
        return None
    return int(json.loads(out)["documents"]["in_corpus"])


def variant(text: str, number: int) -> str:
    return text.replace("Số: 590/QĐ-UBND", f"Số: {number}/QĐ-UBND").replace(
        "Quyết định số 590 /QĐ-UBND", f"Quyết định số {number}/QĐ-UBND")


def many(folder: Path, n: int) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    text = SEED_590.read_text("utf-8")
    for k in range(n):
        (folder / f"{1000 + k}.txt").write_text(variant(text, 1000 + k), encoding="utf-8")
    return folder


# --------------------------------------------------------------------------- probes


def probe_concurrent(tmp: Path, trials: int, existing: bool) -> dict[str, Any]:
    """Finding 1: `ingest` and `stats` started at the same moment on one store."""
    broken = 0
    for t in range(trials):
        store = tmp / f"c{t}"
        if existing:
            vbgraph(store, "ingest", "-q", str(SEEDS))
        procs = [subprocess.Popen([sys.executable, "-m", "vbgraph.cli", "--store", str(store),
                                   *args], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
                 for args in (("ingest", "-q", str(SEEDS)), ("stats",))]
        codes = []
        for p in procs:
            try:
                codes.append(p.wait(timeout=DEADLINE))
            except subprocess.TimeoutExpired:
                p.kill()
                codes.append(None)
        if any(codes) or corpus_count(store) != 5:
            broken += 1
        reap(store)
    return {"failures": broken}


def probe_damaged(tmp: Path, trials: int) -> dict[str, Any]:
    """Finding 2: a deleted manifest and a truncated log must be refused, not opened."""
    intact = tmp / "intact"
    vbgraph(intact, "ingest", "-q", str(SEEDS))
    opened_silently = 0
    cases = 0
    for t in range(trials):
        for damage in ("manifest", "truncate"):
            store = tmp / f"d{t}{damage}"
            shutil.copytree(intact, store)
            aof = store / "appendonlydir"
            if damage == "manifest":
                (aof / "vbgraph.aof.manifest").unlink()
            else:
                incr = next(aof.glob("*.incr.aof"))
                incr.write_bytes(incr.read_bytes()[:-1000])
            code, _, _ = vbgraph(store, "stats", "--json", timeout=60)
            opened_silently += code == 0
            cases += 1
            reap(store)
    return {"trials": cases, "failures": opened_silently}


def probe_collision(tmp: Path, trials: int) -> dict[str, Any]:
    """Finding 3: two different texts with one key are both kept."""
    lines = SEED_590.read_text("utf-8").splitlines()
    other = (SEEDS / "004_c617c443f43b7eb5.txt").read_text("utf-8").splitlines()
    lost = 0
    for t in range(trials):
        folder = tmp / f"k{t}"
        folder.mkdir()
        (folder / "a.txt").write_text("\n".join(lines), encoding="utf-8")
        (folder / "b.txt").write_text("\n".join(lines[:14] + other[20:]), encoding="utf-8")
        store = tmp / f"ks{t}"
        vbgraph(store, "ingest", "-q", str(folder))
        lost += corpus_count(store) != 2
        reap(store)
    return {"failures": lost}


def probe_nested(tmp: Path, trials: int) -> dict[str, Any]:
    """Finding 8: a 24-deep list literal, and a query that runs for minutes."""
    store = tmp / "n"
    vbgraph(store, "ingest", "-q", str(SEEDS))
    slow = 0
    worst = 0.0
    cpu = 0.0
    rss = 0.0
    trials = min(trials, 2)  # each may take its full minute
    for t in range(trials):
        for query in ("RETURN " + "[" * (24 + t % 2) + "1" + "]" * (24 + t % 2) + " AS v",
                      "UNWIND range(1, 2000) AS a UNWIND range(1, 2000) AS b "
                      "UNWIND range(1, 2000) AS c RETURN count(*) AS n"):
            t0 = time.perf_counter()
            code, _, _ = vbgraph(store, "cypher", query, timeout=60,
                                 env={"VBGRAPH_QUERY_TIMEOUT": "5"})
            took = time.perf_counter() - t0
            worst = max(worst, took)
            slow += code is None
        for process in servers_in(store):  # what the server still spends after the client
            before = sum(process.cpu_times()[:2])
            time.sleep(2)
            cpu = max(cpu, sum(process.cpu_times()[:2]) - before)
            rss = max(rss, process.memory_info().rss / 2**20)
    reap(store)
    return {"trials": 2 * trials, "failures": slow, "worst_s": round(worst, 1),
            "server_cpu_s_in_2s_after": round(cpu, 2), "server_rss_mb": round(rss, 1)}


def probe_killed_workers(tmp: Path, trials: int) -> dict[str, Any]:
    """Finding 11: `ingest --workers 2` killed with -9: its workers and the lock."""
    folder = many(tmp / "w-docs", 40)
    alive_after = 0
    waited = 0.0
    for t in range(trials):
        store = tmp / f"w{t}"
        proc = subprocess.Popen([sys.executable, "-m", "vbgraph.cli", "--store", str(store),
                                 "ingest", str(folder), "--workers", "2", "--batch", "4"],
                                stderr=subprocess.PIPE, text=True)
        assert proc.stderr is not None
        seen = 0
        deadline = time.monotonic() + DEADLINE
        while seen < 4 + t and time.monotonic() < deadline:
            line = proc.stderr.readline()
            if not line:
                break
            seen += line.startswith("added")
        workers = [c.pid for c in psutil.Process(proc.pid).children(recursive=True)]
        proc.kill()
        proc.wait()
        time.sleep(10)
        alive = [pid for pid in workers if psutil.pid_exists(pid)
                 and psutil.Process(pid).status() != psutil.STATUS_ZOMBIE]
        alive_after += bool(alive)
        t0 = time.perf_counter()
        vbgraph(store, "ingest", "-q", str(folder), env={"VBGRAPH_LOCK_TIMEOUT": "30"})
        waited = max(waited, time.perf_counter() - t0)
        for pid in alive:
            os.kill(pid, signal.SIGKILL)
        reap(store)
    return {"failures": alive_after, "next_ingest_s": round(waited, 1)}


def probe_full_disk(tmp: Path, trials: int) -> dict[str, Any]:
    """Finding 14: a full disk: how many Error lines, does it say so."""
    folder = many(tmp / "f-docs", 40)
    lines = 0
    said = 0
    done = 0
    for t in range(trials):
        mount = tmp / f"small{t}"
        mount.mkdir()
        if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1536k", "tmpfs", str(mount)],
                          capture_output=True, check=False).returncode != 0:
            return {"trials": 0, "note": "cannot mount a tmpfs here (needs root)"}
        try:
            _, _, err = vbgraph(mount / "store", "ingest", str(folder), "--batch", "4")
            errors = [x for x in err.splitlines() if x.startswith("Error:")]
            lines = max(lines, len(errors))
            said += any("No space left" in e or "full" in e for e in errors)
            done += 1
        finally:
            reap(mount / "store")
            subprocess.run(["umount", "-l", str(mount)], check=False)
    return {"trials": done, "failures": done - said, "error_lines": lines}


def probe_prune(tmp: Path, trials: int) -> dict[str, Any]:
    """Finding 6: `--prune` on an emptied (unmounted) share."""
    removed = 0
    for t in range(trials):
        share = many(tmp / f"p{t}", 6)
        store = tmp / f"ps{t}"
        vbgraph(store, "ingest", "-q", str(share))
        shutil.rmtree(share)
        share.mkdir()
        vbgraph(store, "ingest", "-q", "--prune", str(share))
        removed += corpus_count(store) != 6
        reap(store)
    return {"failures": removed}


def probe_bad_folder(tmp: Path, trials: int) -> dict[str, Any]:
    """Finding 13: a folder with a symlink loop and a non-UTF-8 name among 20 good files."""
    failures = 0
    for t in range(trials):
        folder = many(tmp / f"b{t}", 20)
        os.symlink("loop-b", folder / "loop-a")
        os.symlink("loop-a", folder / "loop-b")
        name = os.fsencode(str(folder)) + b"/t\xeai-li\xeau.txt"
        Path(os.fsdecode(name)).write_text(variant(SEED_590.read_text("utf-8"), 4000),
                                           encoding="utf-8")
        store = tmp / f"bs{t}"
        _, _, err = vbgraph(store, "ingest", "-q", str(folder))
        failures += corpus_count(store) != 20 or "Traceback" in err
        reap(store)
    return {"failures": failures}


def probe_quoted_path(tmp: Path, trials: int) -> dict[str, Any]:
    """Finding 14: a store path with a quote; servers left running."""
    failures = 0
    left = 0
    for t in range(trials):
        store = tmp / f"it's {t}"
        code, _, _ = vbgraph(store, "ingest", "-q", str(SEEDS))
        failures += code != 0
        left += reap(store)
    return {"failures": failures, "servers_left": left}


PROBES: dict[str, Callable[..., dict[str, Any]]] = {
    "concurrent start, new store (ingest + stats)":
        lambda tmp, n: probe_concurrent(tmp, n, existing=False),
    "concurrent start, existing store (ingest + stats)":
        lambda tmp, n: probe_concurrent(tmp, n, existing=True),
    "damaged store opened silently (manifest, truncated log)": probe_damaged,
    "different text with the same key lost": probe_collision,
    "nested / endless query not answered in 60 s": probe_nested,
    "workers alive 10 s after kill -9 of ingest": probe_killed_workers,
    "full disk not reported as such": probe_full_disk,
    "prune of an emptied share removes documents": probe_prune,
    "symlink loop + non-UTF-8 name: good files lost or traceback": probe_bad_folder,
    "store path with ' fails": probe_quoted_path,
}


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--trials", type=int, default=5)
    p.add_argument("--only", help="run the probes whose name contains this text")
    p.add_argument("--json", action="store_true")
    args = p.parse_args(argv)
    rows = []
    for name, probe in PROBES.items():
        if args.only and args.only not in name:
            continue
        with tempfile.TemporaryDirectory(prefix="vbgraph-probe-") as tmp:
            t0 = time.perf_counter()
            result = {"trials": args.trials, **probe(Path(tmp), args.trials)}
            result["seconds"] = round(time.perf_counter() - t0, 1)
        rows.append({"probe": name, **result})
        if not args.json:
            extra = {k: v for k, v in result.items()
                     if k not in ("trials", "failures", "seconds")}
            print(f"| {name} | {result.get('failures', '-')}/{result['trials']} | "
                  f"{result['seconds']} | {extra or ''} |", flush=True)
    if args.json:
        print(json.dumps(rows, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
