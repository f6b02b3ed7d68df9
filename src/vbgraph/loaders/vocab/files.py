"""Reading the vocabulary's data files (TOML, shipped inside the package)."""

from __future__ import annotations

import tomllib
from importlib.resources import files
from typing import Any


def load(name: str) -> dict[str, Any]:
    """The parsed TOML file ``name`` of this folder."""
    return tomllib.loads(files(__package__).joinpath(name).read_text(encoding="utf-8"))


def load_table(name: str, key: str) -> list[dict[str, Any]]:
    """The array of tables ``[[key]]`` of the TOML file ``name``, in file order."""
    table = load(name).get(key)
    if not isinstance(table, list):
        raise ValueError(f"{name}: no [[{key}]] tables")
    return table
