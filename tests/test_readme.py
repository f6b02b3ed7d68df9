"""The README stays true to the CLI: its command table is what ``--help`` says."""

from __future__ import annotations

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _tool() -> object:
    spec = importlib.util.spec_from_file_location(
        "readme_commands", ROOT / "tools" / "readme_commands.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_readme_command_table_matches_the_cli_help() -> None:
    tool = _tool()
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert tool.rendered(readme) == readme, (  # type: ignore[attr-defined]
        "README.md's command table is out of date: run python tools/readme_commands.py"
    )


def test_every_command_is_in_the_table() -> None:
    from vbgraph.cli import cli

    table = _tool().table()  # type: ignore[attr-defined]
    for name, cmd in cli.commands.items():
        if not cmd.hidden:
            assert f"| `{name}" in table, name
