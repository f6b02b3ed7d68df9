"""The one reader of a number of seconds from the environment (lock, server start, query
and per-file timeouts all read through it)."""

from __future__ import annotations

import pytest

from vbgraph.graph.falkor_launch import start_timeout
from vbgraph.graph.lock import lock_timeout
from vbgraph.settings import SettingError, seconds_setting
from vbgraph.time_limit import DEFAULT_SECONDS, seconds_from_env


def test_unset_gives_the_default_and_a_number_is_read(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("VBGRAPH_X", raising=False)
    assert seconds_setting("VBGRAPH_X", 7.0) == 7.0
    monkeypatch.setenv("VBGRAPH_X", " 2.5 ")
    assert seconds_setting("VBGRAPH_X", 7.0) == 2.5


@pytest.mark.parametrize("value", ["soon", "-1", "0"])
def test_a_wrong_value_names_the_variable(monkeypatch: pytest.MonkeyPatch, value: str) -> None:
    monkeypatch.setenv("VBGRAPH_X", value)
    with pytest.raises(SettingError, match=r"VBGRAPH_X="):
        seconds_setting("VBGRAPH_X", 7.0)


def test_each_setting_reads_through_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("VBGRAPH_LOCK_TIMEOUT", "3")
    monkeypatch.setenv("VBGRAPH_START_TIMEOUT", "4")
    monkeypatch.setenv("VBGRAPH_FILE_TIMEOUT", "0")  # no per-file limit
    assert (lock_timeout(), start_timeout(), seconds_from_env()) == (3.0, 4.0, 0.0)
    monkeypatch.setenv("VBGRAPH_FILE_TIMEOUT", "x")
    with pytest.raises(SettingError):
        seconds_from_env()
    monkeypatch.delenv("VBGRAPH_FILE_TIMEOUT")
    assert seconds_from_env() == DEFAULT_SECONDS
