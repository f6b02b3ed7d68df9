"""bench/serve.py runs end to end on a small corpus and reports every endpoint."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parent.parent / "bench"


def test_serve_benchmark_reports_every_endpoint_and_the_cli(tmp_path: Path) -> None:
    out = tmp_path / "serve.json"
    done = subprocess.run(
        [sys.executable, str(BENCH / "serve.py"), "--sizes", "60", "--provinces", "4",
         "--requests", "4", "--cli-runs", "1", "--out", str(out)],
        capture_output=True, text=True, timeout=300, check=True)
    (size,) = json.loads(out.read_text(encoding="utf-8"))["sizes"]
    assert size["docs"] == size["corpus_docs"] == 60
    for endpoint in ("card", "card_api", "lineage", "lineage_api", "agency", "agency_api",
                     "search", "search_api"):
        assert 0 < size[f"{endpoint}_p50_ms"] <= size[f"{endpoint}_p95_ms"], endpoint
        assert size[f"{endpoint}_server_p50_ms"] > 0, endpoint
    for question in ("card", "lineage", "agency", "search"):
        assert size[f"cli_{question}_ms"] > 0
    assert size["serve_ready_s"] > 0 and size["first_page_after_ready_ms"] > 0
    assert done.stdout.splitlines()[-1].startswith("| 60 |")
