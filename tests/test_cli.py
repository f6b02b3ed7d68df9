"""The command line on the sample corpus, through click's CliRunner and a real FalkorDB."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from vbgraph.cli import cli


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory: pytest.TempPathFactory, seeds_dir: Path) -> str:
    """A store holding the five sample documents, ingested through the CLI once per module."""
    path = str(tmp_path_factory.mktemp("cli-store"))
    result = CliRunner().invoke(cli, ["--store", path, "ingest", str(seeds_dir)])
    assert result.exit_code == 0, result.output
    return path


def run(store_dir: str, *args: str) -> Result:
    return CliRunner().invoke(cli, ["--store", store_dir, *args])


def run_json(store_dir: str, *args: str) -> object:
    result = run(store_dir, *args, "--json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_lineage_up_lists_the_chain_with_implements_asserted_by_590(store_dir: str) -> None:
    data = run_json(store_dir, "lineage", "590/QĐ-UBND")
    assert isinstance(data, dict)
    assert data["root"] == "590/QĐ-UBND|Quảng Ngãi|2014"
    symbols = {n["symbol"] for n in data["nodes"]}
    assert {"590/QĐ-UBND", "45-CTr/TU", "22-NQ/TW"} <= symbols
    edges = {(e["source"], e["target"], e["relation"], e["asserted_by"]) for e in data["edges"]}
    root = data["root"]
    assert (root, "45-CTr/TU|Quảng Ngãi|2013", "implements", root) in edges
    assert ("45-CTr/TU|Quảng Ngãi|2013", "22-NQ/TW|VN|2013", "implements", root) in edges
    stubs = {n["symbol"] for n in data["nodes"] if not n["in_corpus"]}
    assert {"45-CTr/TU", "22-NQ/TW"} <= stubs


def test_lineage_down_reaches_590_through_45(store_dir: str) -> None:
    data = run_json(store_dir, "lineage", "22-NQ/TW", "--direction", "down")
    assert isinstance(data, dict)
    assert "590/QĐ-UBND" in {n["symbol"] for n in data["nodes"]}
    by_province = run_json(store_dir, "lineage", "22-NQ/TW", "--direction", "down",
                           "--by-province")
    assert isinstance(by_province, dict)
    assert "Quảng Ngãi" in by_province["provinces"]


def test_lineage_accepts_symbol_without_diacritics_and_with_spaces(store_dir: str) -> None:
    for written in ("590/QD-UBND", "590 /QĐ-UBND"):
        result = run(store_dir, "lineage", written)
        assert result.exit_code == 0, result.output
        assert "45-CTr/TU" in result.output


def test_lineage_table_output(store_dir: str) -> None:
    result = run(store_dir, "lineage", "590/QĐ-UBND")
    assert result.exit_code == 0
    header = result.output.splitlines()[0]
    assert header.split() == ["source", "relation", "target", "target", "in", "corpus",
                              "stated", "by"]


def test_reingest_changes_no_count(store_dir: str, seeds_dir: Path) -> None:
    before = run_json(store_dir, "stats")
    result = run(store_dir, "ingest", str(seeds_dir))
    assert result.exit_code == 0
    assert "5 unchanged" in result.output
    assert run_json(store_dir, "stats") == before


def test_stats_counts(store_dir: str) -> None:
    data = run_json(store_dir, "stats")
    assert isinstance(data, dict)
    assert data["documents"]["in_corpus"] == 5
    assert data["documents"]["stubs"] > 0
    assert data["edges"]["IMPLEMENTS"] > 0


def test_assigned_lists_plans_of_both_provinces(store_dir: str) -> None:
    data = run_json(store_dir, "assigned", "Sở Ngoại vụ")
    assert isinstance(data, dict)
    symbols = {d["symbol"] for d in data["documents"]}
    assert {"997/QĐ-UBND", "590/QĐ-UBND", "214/KH-UBND", "119/KH-UBND", "04/KH-UBND"} <= symbols
    folded = run_json(store_dir, "assigned", "so ngoai vu")
    assert folded == data
    thanh_hoa = run_json(store_dir, "assigned", "Sở Ngoại vụ", "--province", "Thanh Hóa")
    assert isinstance(thanh_hoa, dict)
    assert {d["symbol"] for d in thanh_hoa["documents"]} == {"119/KH-UBND", "04/KH-UBND"}


def test_assigned_csv_and_role_filter(store_dir: str) -> None:
    result = run(store_dir, "assigned", "Sở Ngoại vụ", "--role", "report_hub", "--csv")
    assert result.exit_code == 0
    lines = result.output.strip().splitlines()
    assert lines[0] == "symbol,province,date,roles,tasks,title"
    assert all("report_hub" in line for line in lines[1:])


def test_unknown_document_exits_1_with_suggestion(store_dir: str) -> None:
    result = run(store_dir, "show", "999/QĐ-XYZ")
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: no document '999/QĐ-XYZ'")
    near = run(store_dir, "show", "590/QĐ-XYZ")
    assert near.exit_code == 1
    assert "did you mean 590/QĐ-UBND (Quảng Ngãi, 2014)" in near.stderr


def test_unknown_agency_exits_1(store_dir: str) -> None:
    result = run(store_dir, "assigned", "Sở Không Tồn Tại")
    assert result.exit_code == 1
    assert "Error: no agency" in result.stderr


def test_usage_error_exits_2(store_dir: str) -> None:
    result = run(store_dir, "lineage", "590/QĐ-UBND", "--direction", "sideways")
    assert result.exit_code == 2


def test_show_card(store_dir: str) -> None:
    result = run(store_dir, "show", "590/QĐ-UBND")
    assert result.exit_code == 0, result.output
    assert "Quyết định" in result.output
    assert "implements  45-CTr/TU" in result.output
    assert "Sở Ngoại vụ" in result.output
    csv_out = run(store_dir, "show", "590/QĐ-UBND", "--csv")
    assert csv_out.exit_code == 0
    lines = csv_out.output.splitlines()
    assert lines[0] == "kind,relation,other,section,stated by,sentence"
    assert any(line.startswith("points at,implements,45-CTr/TU,") for line in lines)
    assert any(line.startswith("task,lead,Sở Ngoại vụ,") for line in lines)
    data = run_json(store_dir, "show", "45-CTr/TU")
    assert isinstance(data, dict)
    assert data["document"]["in_corpus"] is False
    assert {r["symbol"] for r in data["cited_by"]} >= {"590/QĐ-UBND"}


def test_cypher_reads_and_refuses_writes(store_dir: str) -> None:
    rows = run_json(store_dir, "cypher",
                    "MATCH (d:Document {in_corpus: true}) RETURN d.symbol AS symbol "
                    "ORDER BY symbol")
    assert rows == [{"symbol": s} for s in sorted(
        ["997/QĐ-UBND", "590/QĐ-UBND", "119/KH-UBND", "04/KH-UBND", "214/KH-UBND"])]
    with_param = run_json(store_dir, "cypher",
                          "MATCH (d:Document) WHERE d.key = $k RETURN d.year AS year",
                          "-p", "k=590/QĐ-UBND|Quảng Ngãi|2014")
    assert with_param == [{"year": "2014"}]
    refused = run(store_dir, "cypher", "MATCH (d:Document) DETACH DELETE d")
    assert refused.exit_code == 1
    assert "read-only" in refused.stderr
    assert run_json(store_dir, "stats")["documents"]["in_corpus"] == 5  # type: ignore[index]


def test_path_between_documents(store_dir: str) -> None:
    result = run(store_dir, "path", "590/QĐ-UBND", "22-NQ/TW")
    assert result.exit_code == 0, result.output
    assert "22-NQ/TW" in result.output


def test_gaps_lists_cited_but_absent(store_dir: str) -> None:
    data = run_json(store_dir, "gaps")
    assert isinstance(data, dict)
    missing = {m["symbol"] for m in data["missing"]}
    assert {"45-CTr/TU", "22-NQ/TW"} <= missing
    assert "590/QĐ-UBND" not in missing


def test_search_ignores_diacritics(store_dir: str) -> None:
    data = run_json(store_dir, "search", "hoi nhap quoc te")
    assert isinstance(data, dict)
    assert "590/QĐ-UBND" in {d["symbol"] for d in data["documents"]}
    empty = run(store_dir, "search", "zzzz không có")
    assert empty.exit_code == 0
    assert "Nothing matches" in empty.output


def test_view_writes_self_contained_html(store_dir: str, tmp_path: Path) -> None:
    out = tmp_path / "v.html"
    result = run(store_dir, "view", "590/QĐ-UBND", "-o", str(out))
    assert result.exit_code == 0, result.output
    html = out.read_text("utf-8")
    assert "45-CTr/TU" in html
    assert "src=\"http" not in html and "href=\"http" not in html


def test_export_formats(store_dir: str, tmp_path: Path) -> None:
    import networkx as nx

    graphml = tmp_path / "g.graphml"
    assert run(store_dir, "export", "--format", "graphml", "-o", str(graphml)).exit_code == 0
    g = nx.read_graphml(graphml)
    assert g.nodes["590/QĐ-UBND|Quảng Ngãi|2014"]["label"] == "Document"
    csv_dir = tmp_path / "csv"
    assert run(store_dir, "export", "--format", "csv", "-o", str(csv_dir)).exit_code == 0
    header = (csv_dir / "documents.csv").read_text("utf-8").splitlines()[0]
    assert header.startswith("key:ID(Document),symbol")
    script = tmp_path / "g.cypher"
    assert run(store_dir, "export", "--format", "cypher", "-o", str(script)).exit_code == 0
    assert ":param rows => [{key: \"" in script.read_text("utf-8")


def test_extract_json_has_gold_shape(seeds_dir: Path) -> None:
    result = CliRunner().invoke(cli, ["extract", str(seeds_dir / "001_442fd82c9306811c.txt"),
                                      "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert set(data) >= {"file", "document", "documents", "edges", "unnumbered",
                         "assignments", "tasks"}
    assert data["document"]["key"] == "590/QĐ-UBND|Quảng Ngãi|2014"


def test_ingest_reports_bad_file_and_stores_the_rest(tmp_path: Path, seeds_dir: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_bytes((seeds_dir / "001_442fd82c9306811c.txt").read_bytes())
    (folder / "empty.txt").write_bytes(b"")
    store = str(tmp_path / "s")
    result = CliRunner().invoke(cli, ["--store", store, "ingest", str(folder)])
    assert result.exit_code == 1
    assert "empty.txt" in result.stderr
    assert run_json(store, "stats")["documents"]["in_corpus"] == 1  # type: ignore[index]


def test_demo_prints_chain_and_writes_html(tmp_path: Path) -> None:
    out = tmp_path / "demo.html"
    result = CliRunner().invoke(cli, ["--store", str(tmp_path / "s"), "demo", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "22-NQ/TW <- 45-CTr/TU <- 590/QĐ-UBND" in result.output
    assert "Sở Ngoại vụ" in result.output
    assert out.stat().st_size > 100_000  # vis-network is inlined


def test_every_command_help_has_an_example() -> None:
    for name, command in cli.commands.items():
        assert "Example:" in (command.help or ""), name


def test_assigned_date_window_and_collective_switch(store_dir: str) -> None:
    in_2017 = run_json(store_dir, "assigned", "Sở Ngoại vụ", "--since", "2017-01-01",
                       "--until", "2017-12-31")
    assert isinstance(in_2017, dict)
    assert {d["symbol"] for d in in_2017["documents"]} == {"04/KH-UBND", "997/QĐ-UBND"}
    own = run_json(store_dir, "assigned", "Sở Y tế", "--province", "Quảng Ngãi")
    wider = run_json(store_dir, "assigned", "Sở Y tế", "--province", "Quảng Ngãi",
                     "--include-collective")
    assert isinstance(own, dict) and isinstance(wider, dict)
    own_docs = {d["symbol"] for d in own["documents"]}
    wider_docs = {d["symbol"] for d in wider["documents"]}
    assert own_docs < wider_docs  # 214/KH-UBND addresses "Các sở, ban, ngành" only
    assert "214/KH-UBND" in wider_docs - own_docs
    bad = run(store_dir, "assigned", "Sở Y tế", "--since", "hôm qua")
    assert bad.exit_code == 2


def test_coordination_counts_shared_tasks(store_dir: str) -> None:
    rows = run_json(store_dir, "coordination", "Sở Ngoại vụ", "--province", "Quảng Ngãi")
    assert isinstance(rows, list) and rows
    counts = [r["shared tasks"] for r in rows]
    assert counts == sorted(counts, reverse=True)
    names = {r["agency"] for r in rows}
    assert "Sở Ngoại vụ" not in names
    assert "Sở Kế hoạch và Đầu tư" in names
    # Central ministries are never scoped to a province.
    assert all(not r["province"] for r in rows if r["agency"].startswith("Bộ "))


def test_matrix_csv_has_a_column_per_document(store_dir: str) -> None:
    result = run(store_dir, "matrix", "--province", "Thanh Hóa", "--csv")
    assert result.exit_code == 0
    lines = result.output.strip().splitlines()
    header = lines[0].split(",")
    assert header[0] == "agency"
    assert set(header[1:]) == {"04/KH-UBND", "119/KH-UBND"}
    row = next(line for line in lines if line.startswith("Sở Ngoại vụ,"))
    assert "lead" in row


def test_tasks_with_deadline_filter(store_dir: str) -> None:
    all_tasks = run_json(store_dir, "tasks", "--agency", "Sở Kế hoạch và Đầu tư", "--doc",
                         "214/KH-UBND")
    assert isinstance(all_tasks, list) and all_tasks
    assert {t["symbol"] for t in all_tasks} == {"214/KH-UBND"}
    due = run_json(store_dir, "tasks", "--agency", "so ke hoach va dau tu",
                   "--due-before", "2100-01-01")
    assert isinstance(due, list)
    assert all(t["deadline"] and t["deadline"] < "2100-01-01" for t in due)
    none = run(store_dir, "tasks", "--agency", "Sở Kế hoạch và Đầu tư", "--due-before", "1990")
    assert none.exit_code == 0
    assert "No task" in none.output


def test_path_reports_unconnected_documents(store_dir: str) -> None:
    result = run(store_dir, "path", "119/KH-UBND", "997/QĐ-UBND")
    assert result.exit_code == 0
    assert "not connected" in result.output


def test_lineage_relation_filter(store_dir: str) -> None:
    data = run_json(store_dir, "lineage", "590/QĐ-UBND", "--relation", "cites", "--depth", "1")
    assert isinstance(data, dict)
    assert {e["relation"] for e in data["edges"]} == {"cites"}
    assert "08-NQ/TW" in {n["symbol"] for n in data["nodes"]}


def test_view_agency_corpus_and_annotate(store_dir: str, tmp_path: Path,
                                         seeds_dir: Path) -> None:
    outputs = {
        "agency": ["view", "--agency", "so ngoai vu", "--province", "Quảng Ngãi"],
        "all": ["view", "--all"],
    }
    for name, args in outputs.items():
        out = tmp_path / f"{name}.html"
        result = run(store_dir, *args, "-o", str(out))
        assert result.exit_code == 0, result.output
        html = out.read_text("utf-8")
        assert "590/QĐ-UBND" in html
        assert "src=\"http" not in html and "href=\"http" not in html
    ann = tmp_path / "ann.html"
    result = CliRunner().invoke(cli, ["annotate", str(seeds_dir / "001_442fd82c9306811c.txt"),
                                      "-o", str(ann)])
    assert result.exit_code == 0, result.output
    assert "45-CTr/TU" in ann.read_text("utf-8")
    both = run(store_dir, "view", "590/QĐ-UBND", "--all", "-o", str(tmp_path / "x.html"))
    assert both.exit_code == 2
    unknown = run(store_dir, "view", "--agency", "Sở Không Có", "-o", str(tmp_path / "y.html"))
    assert unknown.exit_code == 1


def test_read_commands_work_on_a_new_store(tmp_path: Path) -> None:
    """Reading commands open a never-written embedded store too (it has no accounts, so
    it is set up like a writer's; FalkorDB refuses to read a graph never written)."""
    store = str(tmp_path / "new")
    assert run_json(store, "stats")["documents"] == {"in_corpus": 0, "stubs": 0}  # type: ignore[index]
    result = run(store, "lineage", "590/QĐ-UBND")
    assert result.exit_code == 1 and "no document" in result.stderr
