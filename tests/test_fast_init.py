"""``fast_init``: the classes it speeds up are built exactly as their dataclass builds them."""

from __future__ import annotations

import dataclasses
import inspect

import pytest

import vbgraph.loaders.extraction  # noqa: F401 - imports every class fast_init is applied to
from vbgraph.fast_init import APPLIED, fast_init


def test_applied_to_the_hot_classes() -> None:
    names = {cls.__name__ for cls in APPLIED}
    assert {"Agency", "AgencyMention", "Item", "Assignment", "Task"} <= names


@pytest.mark.parametrize("cls", APPLIED, ids=lambda c: c.__qualname__)
def test_same_signature_values_and_frozenness(cls: type) -> None:
    fields = dataclasses.fields(cls)
    params = list(inspect.signature(cls).parameters.values())
    assert [p.name for p in params] == [f.name for f in fields]
    assert [p.default for p in params] == [
        inspect.Parameter.empty if f.default is dataclasses.MISSING else f.default for f in fields
    ]
    values = [object() for _ in fields]
    by_position = cls(*values)
    by_name = cls(**{f.name: v for f, v in zip(fields, values, strict=True)})
    for obj in (by_position, by_name):
        assert [getattr(obj, f.name) for f in fields] == values
        with pytest.raises(dataclasses.FrozenInstanceError):
            setattr(obj, fields[0].name, None)
    assert by_position == by_name
    required = [f for f in fields if f.default is dataclasses.MISSING]
    short = cls(*values[: len(required)])
    assert [getattr(short, f.name) for f in fields[len(required) :]] == [
        f.default for f in fields[len(required) :]
    ]
    with pytest.raises(TypeError):
        cls(*values, object())  # one argument too many, as the dataclass's own init


def test_refuses_what_it_does_not_build() -> None:
    @dataclasses.dataclass(frozen=True, slots=True)
    class WithPostInit:
        a: int

        def __post_init__(self) -> None:
            pass

    @dataclasses.dataclass(frozen=True, slots=True)
    class WithFactory:
        a: list[int] = dataclasses.field(default_factory=list)

    @dataclasses.dataclass(slots=True)
    class NotFrozen:
        a: int

    for cls in (WithPostInit, WithFactory, NotFrozen):
        with pytest.raises(TypeError):
            fast_init(cls)
