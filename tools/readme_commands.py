"""The README's command table, generated from the CLI's own ``--help``.

    python tools/readme_commands.py            # rewrite the table in README.md
    python tools/readme_commands.py --check    # exit 1 if README.md is out of date

The table sits between ``<!-- commands: start -->`` and ``<!-- commands: end -->``:
one row per command with its arguments and options as ``--help`` gives them, and the
first line of its help.  ``tests/test_readme.py`` fails when the two drift apart.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
START = "<!-- commands: start -->"
END = "<!-- commands: end -->"


def _usage(name: str, cmd: click.Command) -> str:
    """``name ARGS [--option VALUE] ...``: the command's arguments and options."""
    ctx = click.Context(cmd, info_name=name)
    parts = [name]
    help_option = cmd.get_help_option(ctx)
    for param in cmd.get_params(ctx):
        if param is help_option or getattr(param, "hidden", False):
            continue
        if isinstance(param, click.Argument):
            value = (param.name or "").upper() + ("..." if param.nargs == -1 else "")
            parts.append(value if param.required else f"[{value}]")
            continue
        flag = max(param.opts, key=len)
        if isinstance(param, click.Option) and (param.is_flag or param.count):
            parts.append(f"[{flag}]")
        elif isinstance(param.type, click.Choice):
            parts.append(f"[{flag} {'|'.join(map(str, param.type.choices))}]")
        else:
            parts.append(f"[{flag} {param.metavar or (param.name or '').upper()}]")
    return " ".join(parts)


def table() -> str:
    from vbgraph.cli import cli

    rows = ["| command | what it does |", "|---|---|"]
    for name in sorted(cli.commands):
        cmd = cli.commands[name]
        if cmd.hidden:
            continue
        summary = cmd.get_short_help_str(limit=200).replace("|", "\\|")
        usage = _usage(name, cmd).replace("|", "\\|")
        rows.append(f"| `{usage}` | {summary} |")
    return "\n".join(rows)


def rendered(readme: str) -> str:
    """``readme`` with its command table regenerated."""
    head, start, rest = readme.partition(START)
    _, end, tail = rest.partition(END)
    if not start or not end:
        raise SystemExit(f"README.md has no {START} ... {END} block")
    return f"{head}{START}\n{table()}\n{END}{tail}"


def main(argv: list[str]) -> int:
    text = README.read_text(encoding="utf-8")
    new = rendered(text)
    if "--check" in argv:
        if new != text:
            print("README.md's command table is out of date: python tools/readme_commands.py")
            return 1
        return 0
    README.write_text(new, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
