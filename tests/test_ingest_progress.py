"""The ingest's progress: the pace every so often, the slowest files at the end, and the
summary line unchanged and last (issue 19)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from vbgraph.cli import cli
from vbgraph.ingest_progress import SLOWEST, IngestProgress
from vbgraph.pipeline import FileOutcome


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_pace_every_ten_seconds_and_the_slowest_files(capsys: pytest.CaptureFixture[str]) -> None:
    clock = Clock()
    progress = IngestProgress(quiet=False, as_json=False, clock=clock)
    for i in range(40):
        clock.now += 1.0  # one file a second, 2 MB each, the i-th taking i/4 s to read
        progress(FileOutcome(f"/d/{i}.pdf", "added", key=f"{i}/QĐ-UBND|VN|2020",
                             bytes_read=2_000_000, seconds=i / 4))
    progress.finish()
    err = capsys.readouterr().err.splitlines()
    paces = [line for line in err if line.startswith("Progress:")]
    assert len(paces) == 4  # at 10, 20, 30 and 40 s
    assert paces[0] == "Progress: 10 files in 10 s (1.0 files/s, 2.0 MB/s; 20.0 MB read)"
    done = err.index("Done: 40 files in 40 s (1.0 files/s, 2.0 MB/s; 80.0 MB read)")
    slowest = err[done + 2:]
    assert err[done + 1].startswith("Slowest files")
    assert [line.split()[-1] for line in slowest] == [f"/d/{i}.pdf" for i in
                                                      range(39, 39 - SLOWEST, -1)]
    assert slowest[0].split()[0] == "9.8"


def test_quiet_and_json_print_no_pace(capsys: pytest.CaptureFixture[str]) -> None:
    clock = Clock()
    for quiet, as_json in ((True, False), (False, True)):
        progress = IngestProgress(quiet=quiet, as_json=as_json, clock=clock)
        clock.now += 60
        progress(FileOutcome("/d/a.pdf", "added", key="k", bytes_read=10, seconds=30.0))
        progress.finish()
    assert capsys.readouterr().err == ""


def test_the_summary_stays_the_last_line(tmp_path: Path, seeds_dir: Path) -> None:
    result = CliRunner().invoke(cli, ["--store", str(tmp_path / "s"), "ingest",
                                      str(seeds_dir)])
    assert result.exit_code == 0, result.output
    lines = result.stderr.splitlines()
    assert lines[-1] == "5 files: 5 added, 0 replaced, 0 unchanged, 0 failed"
    assert lines[-2].startswith("Done: 5 files in ")
    data = CliRunner().invoke(cli, ["--store", str(tmp_path / "s"), "ingest", "--json",
                                    str(seeds_dir)])
    files = json.loads(data.stdout)["files"]
    assert {f["status"] for f in files} == {"unchanged"}
    assert {f["bytes_read"] for f in files} == {0}  # none was read
