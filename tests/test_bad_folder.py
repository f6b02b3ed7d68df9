"""A folder with everything a real share holds besides documents (issue 15, findings 13, 14):
symlink loops, a dangling link, a link to a folder, a FIFO, a file name that is not
UTF-8 and a folder that cannot be read.  Each gives one ``Error:`` or ``Skipped:`` line
naming it; every document is still stored; no traceback.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.test_kill import variant
from tests.test_store_server import servers_in
from vbgraph.cli import cli

SEED_590 = "001_442fd82c9306811c.txt"
GOOD = 24


def build(root: Path, seeds_dir: Path) -> dict[str, Path]:
    text = (seeds_dir / SEED_590).read_text("utf-8")
    docs = root / "docs"
    docs.mkdir(parents=True)
    for n in range(GOOD):
        (docs / f"{2000 + n}.txt").write_text(variant(text, 2000 + n), encoding="utf-8")
    bad = {
        "loop a": docs / "loop-a.txt",
        "loop b": docs / "loop-b.txt",
        "dangling": docs / "gone.txt",
        "linked folder": docs / "linked",
        "fifo": docs / "pipe.txt",
        "latin-1 name": Path(os.fsdecode(os.fsencode(str(docs)) + b"/quy\xea't-\xf0inh.txt")),
        "unreadable": docs / "locked",
    }
    os.symlink(bad["loop b"].name, bad["loop a"])
    os.symlink(bad["loop a"].name, bad["loop b"])
    os.symlink("nowhere.txt", bad["dangling"])
    elsewhere = root / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "9000.txt").write_text(variant(text, 9000), encoding="utf-8")
    os.symlink(elsewhere, bad["linked folder"])
    os.mkfifo(bad["fifo"])
    bad["latin-1 name"].write_text(variant(text, 9001), encoding="utf-8")
    bad["unreadable"].mkdir()
    (bad["unreadable"] / "9002.txt").write_text(variant(text, 9002), encoding="utf-8")
    return bad


@pytest.fixture
def unreadable_folders(monkeypatch: pytest.MonkeyPatch) -> set[str]:
    """Folders whose listing fails as a folder without read permission does (chmod does not
    stop root, so the refusal is made where the walk asks the system for the listing)."""
    refused: set[str] = set()
    real = os.scandir

    def scandir(path: object = ".") -> object:
        if isinstance(path, (str, os.PathLike)) and os.fspath(path) in refused:
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real(path)  # type: ignore[call-overload]

    monkeypatch.setattr(os, "scandir", scandir)
    return refused


def shown(path: Path) -> str:
    return os.fsencode(path).decode("utf-8", "backslashreplace")


def test_every_odd_entry_is_named_once_and_every_document_stored(
        tmp_path: Path, seeds_dir: Path, unreadable_folders: set[str]) -> None:
    bad = build(tmp_path / "share", seeds_dir)
    unreadable_folders.add(str(bad["unreadable"]))
    store = tmp_path / "store"
    result = CliRunner().invoke(cli, ["--store", str(store), "ingest", "--json",
                                      str(tmp_path / "share" / "docs")])
    assert result.exception is None or isinstance(result.exception, SystemExit), \
        result.exception
    assert result.exit_code == 1  # some entries are errors
    lines = result.stderr.splitlines()
    expected = {
        "loop a": ("Error:", "loops back on itself"),
        "loop b": ("Error:", "loops back on itself"),
        "dangling": ("Error:", "which does not exist"),
        "linked folder": ("Skipped:", "a link to a folder, not followed"),
        "fifo": ("Skipped:", "FIFO"),
        "latin-1 name": ("Error:", "not valid UTF-8"),
        "unreadable": ("Error:", "cannot read this folder"),
    }
    for name, (prefix, words) in expected.items():
        mine = [line for line in lines if f" {shown(bad[name])}:" in line]
        assert len(mine) == 1, (name, lines)
        assert mine[0].startswith(prefix) and words in mine[0], (name, mine)
    data = json.loads(result.stdout)
    assert data["counts"]["added"] == GOOD  # all of them, none lost with a bad neighbour
    assert data["counts"]["failed"] == 5 and data["counts"]["skipped"] == 2
    assert "Traceback" not in result.output
    assert not servers_in(store)


@pytest.mark.parametrize("kind", ["fifo", "device"])
def test_a_fifo_or_device_named_explicitly_is_not_a_document(tmp_path: Path, kind: str) -> None:
    """Finding 14: they were reported as "no such file" (and reading a FIFO would block)."""
    if kind == "fifo":
        target = tmp_path / "pipe.txt"
        os.mkfifo(target)
        words = "a FIFO (named pipe), not a document file"
    else:
        target = Path("/dev/zero")
        words = "a character device, not a document file"
    result = CliRunner().invoke(cli, ["--store", str(tmp_path / "store"), "ingest",
                                      str(target)])
    assert result.exit_code == 1
    assert f"Error: {target}: {words}" in result.stderr
    assert "no such file" not in result.stderr
