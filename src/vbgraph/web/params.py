"""Query parameters of a request, read as the CLI reads its options.

Names are the CLI's option names (``due-before``, ``include-collective``); the
same with underscores is accepted.  A parameter a route does not take, a value
out of range or not of its kind is a ``ParameterError`` (HTTP 400) that names
the parameter and says what it accepts.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from starlette.datastructures import QueryParams

from vbgraph.errors import QueryError
from vbgraph.lookup import iso_day

_TRUE = ("", "1", "true", "yes", "on")
_FALSE = ("0", "false", "no", "off")


class ParameterError(QueryError):
    """A request parameter is missing, unknown or has a bad value (HTTP 400)."""


def _name(raw: str) -> str:
    return raw.strip().replace("_", "-").lower()


class Params:
    """The query parameters of one request, checked against the names a route takes."""

    def __init__(self, query: QueryParams, allowed: Iterable[str]) -> None:
        self._values: dict[str, list[str]] = {}
        allowed = tuple(allowed)
        for raw, value in query.multi_items():
            name = _name(raw)
            if name not in allowed:
                takes = ", ".join(allowed) if allowed else "no parameters"
                raise ParameterError(f"unknown parameter {raw!r}; this page takes {takes}")
            self._values.setdefault(name, []).append(value)

    def _one(self, name: str) -> str | None:
        values = self._values.get(name)
        if not values:
            return None
        if len(values) > 1:
            raise ParameterError(f"parameter {name!r} is given {len(values)} times; give it once")
        return values[0]

    def has(self, name: str) -> bool:
        return name in self._values

    def text(self, name: str, required: bool = False) -> str | None:
        """A text value; blank counts as absent (and is refused when ``required``)."""
        value = self._one(name)
        if value is not None and not value.strip():
            value = None
        if value is None and required:
            raise ParameterError(f"parameter {name!r} is required")
        return value.strip() if value is not None else None

    def required(self, name: str) -> str:
        value = self.text(name, required=True)
        assert value is not None
        return value

    def choice(self, name: str, choices: Sequence[str], default: str | None = None) -> str | None:
        value = self.text(name)
        if value is None:
            return default
        if value not in choices:
            raise ParameterError(f"{name}={value!r} is not one of {', '.join(choices)}")
        return value

    def choices(self, name: str, choices: Sequence[str]) -> tuple[str, ...]:
        """A repeatable parameter (``relation=implements&relation=amends``); commas also split."""
        out: list[str] = []
        for raw in self._values.get(name, []):
            for value in (v.strip() for v in raw.split(",")):
                if not value:
                    continue
                if value not in choices:
                    raise ParameterError(f"{name}={value!r} is not one of {', '.join(choices)}")
                if value not in out:
                    out.append(value)
        return tuple(out)

    def many(self, name: str) -> tuple[str, ...]:
        return tuple(self._values.get(name, []))

    def integer(self, name: str, low: int, high: int, default: int) -> int:
        value = self.text(name)
        if value is None:
            return default
        try:
            number = int(value)
        except ValueError:
            raise ParameterError(f"{name}={value!r} is not a whole number") from None
        if not low <= number <= high:
            raise ParameterError(f"{name} must be between {low} and {high}, not {number}")
        return number

    def flag(self, name: str) -> bool:
        value = self._one(name)
        if value is None:
            return False
        if value.strip().lower() in _TRUE:
            return True
        if value.strip().lower() in _FALSE:
            return False
        raise ParameterError(f"{name}={value!r} is not yes/no (1, true, yes / 0, false, no)")

    def iso_date(self, name: str) -> str | None:
        """A day as ``YYYY-MM-DD`` (a bare year is its first day), like the CLI's dates."""
        value = self.text(name)
        if value is None:
            return None
        try:
            return iso_day(value)
        except ValueError:
            raise ParameterError(f"{name}={value!r} is not a date (YYYY-MM-DD or YYYY)") from None
