"""A file that takes too long is given up with a line naming it, and the folder goes on
(issue 15, finding 9).  The slow file is simulated by a reader that sleeps: the limit is
a real alarm in the worker, so what is slow does not matter."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from vbgraph import pipeline
from vbgraph.loaders.formats.read import read_document
from vbgraph.time_limit import FileTimeLimit, time_limit

SEEDS = Path(__file__).resolve().parents[1] / "src" / "vbgraph" / "data" / "seeds"


def test_the_alarm_stops_the_work_and_is_cleared() -> None:
    with pytest.raises(FileTimeLimit), time_limit(0.2):
        time.sleep(5)
    time.sleep(0.3)  # no alarm left behind


def test_a_file_over_its_time_is_reported_by_name(monkeypatch: pytest.MonkeyPatch,
                                                  tmp_path: Path) -> None:
    slow = tmp_path / "slow.txt"
    slow.write_text((SEEDS / "000_29fe0bc805b62d20.txt").read_text("utf-8"), "utf-8")

    def sleepy(path: Path):  # type: ignore[no-untyped-def]
        if Path(path).name == "slow.txt":
            time.sleep(30)
        return read_document(path)

    monkeypatch.setattr(pipeline, "read_document", sleepy)
    started = time.monotonic()
    reason = pipeline.extract_file(slow, seconds=0.5)
    assert time.monotonic() - started < 10
    assert isinstance(reason, str)
    assert str(slow) in reason and "gave up after 0.5 s" in reason
    assert not isinstance(pipeline.extract_file(SEEDS / "001_442fd82c9306811c.txt", 30), str)
