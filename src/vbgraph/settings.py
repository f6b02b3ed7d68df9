"""Settings read from the environment: the one reader of a number of seconds."""

from __future__ import annotations

import os

from vbgraph.errors import StoreError


class SettingError(StoreError):
    """An environment variable that does not hold what it must (the timeouts of the
    store's lock, server and queries: a store error, as before this one reader)."""


def seconds_setting(name: str, default: float, allow_zero: bool = False) -> float:
    """The seconds the environment variable ``name`` sets, else ``default``; a value that
    is not a positive number (or zero, when ``allow_zero``: no limit) is an error."""
    text = os.environ.get(name, "").strip()
    if not text:
        return default
    try:
        value = float(text)
    except ValueError:
        value = -1.0
    if value < 0 or (value == 0 and not allow_zero):
        kind = "a number of seconds (0: none)" if allow_zero else "a positive number of seconds"
        raise SettingError(f"{name}={text!r} is not {kind}; set it right or unset it")
    return value
