"""The benchmark's generator and harness (bench/): deterministic, truthful, and runnable."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from vbgraph.loaders.extraction import extract
from vbgraph.loaders.formats.read import read_text

BENCH = Path(__file__).resolve().parent.parent / "bench"
sys.path.insert(0, str(BENCH))

from generator import generate  # noqa: E402


def test_same_seed_same_corpus_other_seed_other_corpus():
    a = generate(30, 4, seed=7)
    b = generate(30, 4, seed=7)
    c = generate(30, 4, seed=8)
    assert [(d.name, d.text) for d in a.docs] == [(d.name, d.text) for d in b.docs]
    assert [d.text for d in a.docs] != [d.text for d in c.docs]


def test_keys_unique_and_trees_within_depths():
    corpus = generate(400, 5, seed=3)
    keys = [d.key for d in corpus.docs]
    assert len(set(keys)) == len(keys)
    assert {d.ref.province for d in corpus.docs} == set(corpus.provinces)
    levels = {d.ref.level for d in corpus.docs}
    assert min(levels) == 2 and max(levels) <= 6  # root is level 0: trees of 3..7 levels
    parent = {d.key: d.parent for d in corpus.docs}
    for d in corpus.docs:  # every chain climbs to a Party resolution only cited
        k, hops = d.key, 0
        while k in parent:
            k, hops = parent[k], hops + 1
        top = corpus.cited[k]
        assert top.level == 1 and top.symbol.endswith("-CTr/TU")
        assert hops == d.ref.level - 1


@pytest.mark.parametrize("noise", [0.0, 1.0])
def test_extractor_recovers_the_generated_chain(noise):
    corpus = generate(24, 3, seed=11, noise=noise)
    want = got = 0
    for d in corpus.docs[:12]:
        ex = extract(read_text(d.text, d.name))
        assert ex.document.key == d.key
        found = {(e.source, e.target, e.relation) for e in ex.edges}
        want += len(d.edges)
        got += len(set(d.edges) & found)
        if noise == 0.0:
            assert set(d.edges) <= found, d.name
            leads = {a.agency for a in ex.assignments if a.role == "lead"}
            leads |= {x for t in ex.tasks for x in t.lead}
            assert set(d.leads) <= leads, d.name
    assert got / want >= 0.9


def test_quick_run_prints_the_summary_keys():
    out = subprocess.run(
        [sys.executable, str(BENCH / "run.py"), "--quick", "--json"],
        capture_output=True,
        text=True,
        timeout=240,
        check=True,
    )
    summary = json.loads(out.stdout.strip().splitlines()[-1])
    assert set(summary) == {
        "docs",
        "extract_mb_per_s",
        "regex_scan_mb_per_s",
        "eyecite_mb_per_s",
        "ingest_docs_per_s",
        "lineage_p50_ms",
        "assigned_p50_ms",
        "peak_rss_mb",
    }
    assert summary["docs"] > 0
    assert summary["extract_mb_per_s"] > 0 and summary["lineage_p50_ms"] > 0


def test_real_files_bench_runs_the_three_ingests(tmp_path: Path, seeds_dir: Path) -> None:
    out = tmp_path / "real.json"
    subprocess.run([sys.executable, str(BENCH / "real_files.py"), str(seeds_dir),
                    "--workers", "1", "--label", "test", "--out", str(out)],
                   capture_output=True, text=True, timeout=240, check=True)
    result = json.loads(out.read_text("utf-8"))
    assert result["files"] == 5 and result["formats"] == {"txt": 5}
    runs = result["ingest"]
    assert runs["first"]["counts"] == {"added": 5} and runs["first"]["read_mb"] > 0
    for again in ("unchanged", "touched"):  # nothing read again: the records said so
        assert runs[again]["counts"] == {"unchanged": 5} and runs[again]["read_mb"] == 0
    assert result["stages"]["txt"]["files"] == 5 and result["stages"]["txt"]["read_s"] > 0
    table = subprocess.run([sys.executable, str(BENCH / "real_files.py"), "--table", str(out)],
                           capture_output=True, text=True, timeout=60, check=True).stdout
    assert "| test (`" in table and "| test | txt | 5 |" in table
