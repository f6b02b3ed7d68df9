"""``ingest --prune`` on a path whose files are all gone (an unmounted share) removed every
document without asking (issue 15, finding 6): refused unless ``--yes``, and when more
than half of a path's documents would go."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from click.testing import CliRunner

from tests.test_kill import variant
from vbgraph.cli import cli

SEED_590 = "001_442fd82c9306811c.txt"


def run(store: Path, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["--store", str(store), *args])
    return result.exit_code, result.stderr


def corpus_count(store: Path) -> int:
    result = CliRunner().invoke(cli, ["--store", str(store), "stats", "--json"])
    assert result.exit_code == 0, result.output
    return int(json.loads(result.stdout)["documents"]["in_corpus"])


def share(tmp_path: Path, seeds_dir: Path, n: int) -> Path:
    mount = tmp_path / "share"
    mount.mkdir()
    text = (seeds_dir / SEED_590).read_text("utf-8")
    for k in range(n):
        (mount / f"{3000 + k}.txt").write_text(variant(text, 3000 + k), encoding="utf-8")
    return mount


def test_pruning_an_emptied_share_is_refused_until_confirmed(tmp_path: Path,
                                                             seeds_dir: Path) -> None:
    mount = share(tmp_path, seeds_dir, 6)
    store = tmp_path / "store"
    assert run(store, "ingest", "-q", str(mount))[0] == 0
    hidden = tmp_path / "offline"
    shutil.move(mount, hidden)  # the share is unmounted: its mount point is empty
    mount.mkdir()
    code, err = run(store, "ingest", "-q", "--prune", str(mount))
    assert code == 1
    assert "would remove 6 of the 6 documents stored from" in err and "--yes" in err
    assert "unmounted" in err
    assert corpus_count(store) == 6  # nothing removed
    code, err = run(store, "ingest", "-q", "--prune", "--yes", str(mount))
    assert code == 0 and "6 pruned" in err
    assert corpus_count(store) == 0


def test_pruning_most_of_a_folder_is_refused_a_few_files_are_not(tmp_path: Path,
                                                                 seeds_dir: Path) -> None:
    folder = share(tmp_path, seeds_dir, 8)
    store = tmp_path / "store"
    assert run(store, "ingest", "-q", str(folder))[0] == 0
    for k in range(2):
        (folder / f"{3000 + k}.txt").unlink()
    code, err = run(store, "ingest", "-q", "--prune", str(folder))
    assert code == 0 and "2 pruned" in err  # a quarter: done without asking
    for k in range(2, 6):
        (folder / f"{3000 + k}.txt").unlink()
    code, err = run(store, "ingest", "-q", "--prune", str(folder))
    assert code == 1 and "would remove 4 of the 6 documents" in err and "67%" in err
    assert corpus_count(store) == 6
