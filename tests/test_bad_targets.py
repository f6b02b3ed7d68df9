"""Output targets that cannot be written are one ``Error:`` line, not a traceback (issue 15,
finding 14): ``export -o`` to a missing folder, to a folder, a csv export onto a file, and
a write that fails half-way."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from vbgraph.cli import cli


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory, seeds_dir: Path) -> Path:
    path = tmp_path_factory.mktemp("export") / "store"
    result = CliRunner().invoke(cli, ["--store", str(path), "ingest", "-q", str(seeds_dir)])
    assert result.exit_code == 0, result.output
    return path


@pytest.mark.parametrize(("fmt", "target", "words"), [
    ("graphml", "missing/dir/x.graphml", "does not exist"),
    ("graphml", ".", "is a folder"),
    ("gexf", ".", "is a folder"),
    ("csv", "existing.txt", "is a file"),
    ("cypher", "/proc/version", "cannot write /proc/version"),
])
def test_export_to_a_bad_target_is_an_error(store: Path, tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch, fmt: str,
                                            target: str, words: str) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "existing.txt").write_text("keep me", encoding="utf-8")
    result = CliRunner().invoke(cli, ["--store", str(store), "export", "--format", fmt,
                                      "-o", target])
    assert result.exit_code == 1, result.output
    assert result.stderr.startswith("Error: ") and words in result.stderr, result.stderr
    assert "Traceback" not in result.output
    assert isinstance(result.exception, SystemExit)
    assert (tmp_path / "existing.txt").read_text(encoding="utf-8") == "keep me"


def test_export_over_an_existing_file_replaces_it(store: Path, tmp_path: Path) -> None:
    target = tmp_path / "corpus.graphml"
    target.write_text("old", encoding="utf-8")
    result = CliRunner().invoke(cli, ["--store", str(store), "export", "--format", "graphml",
                                      "-o", str(target)])
    assert result.exit_code == 0, result.output
    assert target.read_text(encoding="utf-8").startswith("<?xml")
