"""``vbgraph export`` keeps every property and ``vbgraph import`` loads it back.

Issue 15 item 5: the export left out ``lookup``, ``number``, ``scope`` and
``title_fold``, so a store rebuilt from it could not find documents by symbol nor
agencies by name.  The round trip across backends is in ``test_backends.py``; here the
CLI round trip on the embedded store, the parsers and what import refuses.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from vbgraph.cli import cli
from vbgraph.errors import InputError
from vbgraph.export import cypher_literal
from vbgraph.importer import parse_csv, parse_literal


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory, seeds_dir: Path) -> dict[str, Path]:
    """The sample corpus in a store, exported in both formats."""
    folder = tmp_path_factory.mktemp("export")
    store = str(folder / "store")
    assert run(store, "ingest", str(seeds_dir)).exit_code == 0
    assert run(store, "export", "--format", "cypher", "-o", str(folder / "dump.cypher")) \
        .exit_code == 0
    assert run(store, "export", "--format", "csv", "-o", str(folder / "csv")).exit_code == 0
    return {"store": Path(store), "cypher": folder / "dump.cypher", "csv": folder / "csv"}


def run(store: str, *args: str) -> Result:
    return CliRunner().invoke(cli, ["--store", store, *args])


def _json(store: str, *args: str) -> object:
    result = run(store, *args, "--json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_export_holds_the_lookup_properties(exported: dict[str, Path]) -> None:
    text = exported["cypher"].read_text("utf-8")
    for prop in ("lookup", "number", "scope", "title_fold", "text_fold", "sha256", "source"):
        assert f"{prop}: " in text, prop
    header = (exported["csv"] / "documents.csv").read_text("utf-8").splitlines()[0]
    assert {"lookup", "number", "scope", "title_fold"} <= set(header.split(","))


@pytest.mark.parametrize("fmt", ["cypher", "csv"])
def test_cli_round_trip_gives_the_same_answers(exported: dict[str, Path], fmt: str,
                                               tmp_path: Path) -> None:
    original, rebuilt = str(exported["store"]), str(tmp_path / "rebuilt")
    result = run(rebuilt, "import", str(exported[fmt]))
    assert result.exit_code == 0, result.output
    assert "Imported 72 documents" in result.stdout
    for args in (["stats"], ["lineage", "590/QD-UBND"], ["assigned", "so ngoai vu"],
                 ["search", "hoi nhap quoc te"], ["show", "22/NQ-TW"], ["gaps"],
                 ["tasks", "--agency", "Sở Kế hoạch và Đầu tư", "--doc", "214/KH-UBND"]):
        assert _json(rebuilt, *args) == _json(original, *args), args
    # Re-ingesting the files into the rebuilt store: the checksums came along.
    again = run(rebuilt, "ingest", str(Path(__file__).parents[1] / "src/vbgraph/data/seeds"))
    assert again.exit_code == 0 and "5 unchanged" in again.stderr


def test_import_refuses_a_store_with_documents_unless_merge(exported: dict[str, Path]) -> None:
    store = str(exported["store"])
    before = _json(store, "stats")
    result = run(store, "import", str(exported["cypher"]))
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: the store already holds") and "--merge" in \
        result.stderr
    assert run(store, "import", "--merge", str(exported["cypher"])).exit_code == 0
    assert _json(store, "stats") == before


def test_import_runs_only_what_export_writes(exported: dict[str, Path], tmp_path: Path) -> None:
    text = exported["cypher"].read_text("utf-8")
    evil = tmp_path / "evil.cypher"
    evil.write_text(text + ":param rows => []\nMATCH (n) DETACH DELETE n;\n", "utf-8")
    store = str(tmp_path / "s")
    result = run(store, "import", str(evil))
    assert result.exit_code == 1
    assert "not a statement that `vbgraph export` writes" in result.stderr
    assert _json(store, "stats")["documents"] == {"in_corpus": 0, "stubs": 0}  # type: ignore[index]


@pytest.mark.parametrize(("content", "says"), [
    ("MATCH (n) RETURN n;\n", "not a vbgraph Cypher export"),
    ("// vbgraph export\n:param rows => [{key: \"a\"\n", "cut short"),
    ("// vbgraph export\n:param rows => [{key: \"a\"}]\nUNWIND $rows AS row\n", "no closing"),
    ("// vbgraph export\n:param rows => 1\n", "not a list of maps"),
])
def test_broken_exports_are_named(tmp_path: Path, content: str, says: str) -> None:
    path = tmp_path / "dump.cypher"
    path.write_text(content, "utf-8")
    result = run(str(tmp_path / "s"), "import", str(path))
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: ") and str(path) in result.stderr
    assert says in result.stderr


@pytest.mark.parametrize("value", [
    None, True, False, 0, -12, 3.5, 1e-07, "", "plain", "quote \" and 'single' and \\ back",
    "dòng mới\nvà tab\t", "`backticks`", [], [1, "a", None, [True]],
    {"key": "x", "with space": 1, "back`tick": 2, "nested": {"a": [1, {"b": None}]}},
])
def test_literals_read_back(value: object) -> None:
    assert parse_literal(cypher_literal(value)) == value


def test_csv_tells_null_from_empty_string() -> None:
    text = 'a,b,c\n"",,"x"\n"multi\nline","say ""hi""",\n'
    assert parse_csv(text) == [["a", "b", "c"], ["", None, "x"],
                               ["multi\nline", 'say "hi"', None]]
    with pytest.raises(InputError):
        parse_csv('"open\n')
