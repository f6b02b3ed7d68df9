"""``/api/<command>`` answers what ``vbgraph <command> --json`` / ``--csv`` prints, on one store.

The CLI runs through click's runner against the same embedded FalkorDB the
server reads, so both answer the same question from the same graph.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlencode

import pytest
from click.testing import CliRunner

from tests.web_server import AMBIGUOUS, TODAY, LiveServer, populate
from vbgraph.cli import cli
from vbgraph.graph.falkor_store import FalkorStore
from vbgraph.web import create_app
from vbgraph.web.commands import COMMANDS


@pytest.fixture(scope="module")
def setup(falkor_session: FalkorStore, seeds_dir: Path) -> Iterator[tuple[LiveServer, Path]]:
    falkor_session.clear()
    populate(falkor_session, seeds_dir)
    with LiveServer(create_app(falkor_session, today=lambda: TODAY)) as live:
        yield live, falkor_session.directory


#: (CLI arguments, the same question as /api query parameters).
CASES: list[tuple[list[str], list[tuple[str, str]]]] = [
    (["lineage", "590/QĐ-UBND"], [("doc", "590/QĐ-UBND")]),
    (["lineage", "22-NQ/TW", "--direction", "down", "--depth", "3", "--relation", "implements",
      "--relation", "based_on"],
     [("doc", "22-NQ/TW"), ("direction", "down"), ("depth", "3"), ("relation", "implements"),
      ("relation", "based_on")]),
    (["lineage", "45-CTr/TU", "--direction", "both"],
     [("doc", "45-CTr/TU"), ("direction", "both")]),
    (["lineage", "22-NQ/TW", "--direction", "down", "--by-province"],
     [("doc", "22-NQ/TW"), ("direction", "down"), ("by-province", "1")]),
    (["lineage", AMBIGUOUS, "--province", "Thanh Hóa"],
     [("doc", AMBIGUOUS), ("province", "Thanh Hóa")]),
    (["path", "590/QĐ-UBND", "22-NQ/TW"], [("doc-a", "590/QĐ-UBND"), ("doc-b", "22-NQ/TW")]),
    (["assigned", "Sở Ngoại vụ"], [("agency", "Sở Ngoại vụ")]),
    (["assigned", "so ngoai vu", "--province", "Thanh Hóa", "--role", "lead", "--since", "2017"],
     [("agency", "so ngoai vu"), ("province", "Thanh Hóa"), ("role", "lead"),
      ("since", "2017")]),
    (["assigned", "Sở Ngoại vụ", "--province", "Quảng Ngãi", "--include-collective",
      "--until", "2020-01-01"],
     [("agency", "Sở Ngoại vụ"), ("province", "Quảng Ngãi"), ("include_collective", "yes"),
      ("until", "2020-01-01")]),
    (["tasks", "--agency", "Sở Kế hoạch và Đầu tư", "--doc", "214/KH-UBND"],
     [("agency", "Sở Kế hoạch và Đầu tư"), ("doc", "214/KH-UBND")]),
    (["tasks", "--agency", "Sở Ngoại vụ", "--due-before", "2030-01-01"],
     [("agency", "Sở Ngoại vụ"), ("due_before", "2030-01-01")]),
    (["coordination", "Sở Ngoại vụ", "--province", "Quảng Ngãi"],
     [("agency", "Sở Ngoại vụ"), ("province", "Quảng Ngãi")]),
    (["matrix", "--province", "Thanh Hóa"], [("province", "Thanh Hóa")]),
    (["gaps"], []),
    (["search", "hoi nhap quoc te", "--limit", "5"], [("q", "hoi nhap quoc te"), ("limit", "5")]),
    (["search", "so ngoai vu"], [("text", "so ngoai vu")]),
    (["show", "590/QĐ-UBND"], [("doc", "590/QĐ-UBND")]),
    (["show", AMBIGUOUS, "--year", "2021"], [("doc", AMBIGUOUS), ("year", "2021")]),
    (["cypher", "MATCH (d:Document) WHERE d.year = $y RETURN d.key AS key, d.in_corpus AS c "
      "ORDER BY key", "-p", 'y="2014"'],
     [("query", "MATCH (d:Document) WHERE d.year = $y RETURN d.key AS key, d.in_corpus AS c "
       "ORDER BY key"), ("param", 'y="2014"')]),
    (["stats"], []),
]


def _cli(store_dir: Path, args: list[str]) -> str:
    result = CliRunner().invoke(cli, ["--store", str(store_dir), *args], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


@pytest.mark.parametrize(("args", "query"), CASES, ids=[" ".join(c[0][:3]) for c in CASES])
def test_api_answers_as_the_cli_json_and_csv(setup: tuple[LiveServer, Path], args: list[str],
                                             query: list[tuple[str, str]]) -> None:
    server, store_dir = setup
    path = f"/api/{args[0]}"
    from_cli = json.loads(_cli(store_dir, [*args, "--json"]))
    reply = server.get(path + "?" + urlencode(query))
    assert reply.status == 200, reply
    assert reply.json() == from_cli
    csv_cli = _cli(store_dir, [*args, "--csv"])
    reply = server.get(path + "?" + urlencode([*query, ("format", "csv")]))
    assert reply.status == 200, reply
    assert reply.text.rstrip("\n") == csv_cli.rstrip("\n")


def test_every_query_command_of_the_cli_has_a_route_and_a_case() -> None:
    """A query command added to the CLI without its /api twin fails here."""
    not_queries = {"ingest", "extract", "eval", "export", "view", "annotate", "demo", "serve",
                   "import", "repair"}
    assert set(cli.commands) - not_queries == set(COMMANDS)
    assert {c[0][0] for c in CASES} == set(COMMANDS)


def test_api_parameters_are_the_cli_options(setup: tuple[LiveServer, Path]) -> None:
    """Each route takes each of its command's options, under the option's own name."""
    for name, command in COMMANDS.items():
        options = {o.lstrip("-") for p in cli.commands[name].params for o in p.opts
                   if o.startswith("--") and o not in ("--json", "--csv", "--param")}
        assert options <= set(command.params), (name, options - set(command.params))
