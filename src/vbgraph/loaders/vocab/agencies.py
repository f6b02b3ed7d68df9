"""The agency gazetteer (``agencies.toml``) and how its templates read in a province."""

from __future__ import annotations

import re
from collections.abc import Iterator

from vbgraph.loaders.models import Agency, AgencyEntry
from vbgraph.loaders.vocab.files import load_table
from vbgraph.loaders.vocab.provinces import city_name

ENTRIES: tuple[AgencyEntry, ...] = tuple(
    AgencyEntry(
        name=row["name"],
        aliases=tuple(row.get("aliases", ())),
        level=row.get("level", "local"),
        collective=row.get("collective", False),
        provinces=tuple(row.get("provinces", ())),
        kind=row.get("kind", "state"),
        cased=row.get("cased", False),
    )
    for row in load_table("agencies.toml", "agency")
)

#: How a centrally-run city's bodies are written where a province's say "tỉnh"
#: (``Công an thành phố``, ``Thành Đoàn``, ``Ban Tuyên giáo Thành ủy``).
_CITY_WORDS = (
    (re.compile(r"\bTỉnh ủy\b"), "Thành ủy"),
    (re.compile(r"\bTỉnh [Đđ]oàn\b"), "Thành Đoàn"),
    (re.compile(r"\bTỉnh\b"), "Thành phố"),
    (re.compile(r"\btỉnh\b"), "thành phố"),
)


def city_form(text: str) -> str:
    """A provincial name as a centrally-run city writes it (``tỉnh`` -> ``thành phố``)."""
    for pattern, repl in _CITY_WORDS:
        text = pattern.sub(repl, text)
    return text


def expand(template: str, province: str | None) -> str | None:
    """A name or alias as written in ``province``: ``{province}`` filled, city words used.

    None when the template needs a province and there is none.
    """
    city = city_name(province)
    if city:
        template = city_form(template)
        province = city
    if "{province}" not in template:
        return template
    if not province:
        return None
    return template.replace("{province}", province)


def entry_agency(entry: AgencyEntry, province: str | None) -> Agency | None:
    """The agency ``entry`` names in documents of ``province`` (None: not there)."""
    name = expand(entry.name, province)
    if name is None:
        return None
    scope = None if entry.level == "central" else province
    return Agency(name, scope, entry.collective, entry.level, entry.kind)

#: The province's (a centrally-run city's) own People's Committee, as the gazetteer names it.
PROVINCIAL_COMMITTEES = frozenset({"UBND tỉnh", city_form("UBND tỉnh")})


def agencies_in(province: str | None) -> Iterator[tuple[AgencyEntry, Agency]]:
    """Every gazetteer entry that names an agency in documents of ``province``, with it."""
    for entry in ENTRIES:
        if entry.provinces and province not in entry.provinces:
            continue
        agency = entry_agency(entry, province)
        if agency is not None:
            yield entry, agency
