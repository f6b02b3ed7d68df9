"""Actors the agency grammar reads by what they do or hold rather than by a body's name:
parties a rule binds ("tổ chức, cá nhân khai thác khoáng sản"), actors a regulation names
by their function before their obligation ("Cơ quan lập đề án có trách nhiệm ..."), the
Government's deputy heads ("Phó Thủ tướng Hồ Đức Phớc") and offices standing for their
body ("báo cáo Bộ trưởng").  Their words are vocabulary (``vocab/agency_names.toml``);
:mod:`.names` merges them with the other readings.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from vbgraph.loaders.find.agencies.phrases import GAP as _GAP
from vbgraph.loaders.find.agencies.phrases import before_anchors
from vbgraph.loaders.models import Agency, AgencyMention
from vbgraph.loaders.text.fold import fold_name
from vbgraph.loaders.text.patterns import Pattern, initial_alternation, phrases
from vbgraph.loaders.text.shared_scan import WHOLE_TEXT
from vbgraph.loaders.vocab.agency_names import NOT_IN_NAME, STOP_PAIRS, STOP_WORDS
from vbgraph.loaders.vocab.files import load

_DATA = load("agency_names.toml")

_TITLE_ALONE = Pattern(
    "office alone",
    rf"(?:{phrases(_DATA['titles']['alone'])})(?!\s+(?:[A-ZĐÀ-Ỹ]|các\b))(?![^\W\d_])",
    starts=tuple({t.split()[0] for t in _DATA["titles"]["alone"]}),
    shared=WHOLE_TEXT,
)


#: "cá nhân" closes every opener of those a rule binds.
_INDIVIDUALS = Pattern(
    "individuals", r"(?<=\s)cá\s+nhân(?![^\W\d_])", re.IGNORECASE, starts=("cá",),
    shared=WHOLE_TEXT,
)
_OPENERS = phrases(_DATA["regulated"]["openers"], space=_GAP)
#: Each opener's words before its closing "cá nhân" ("tổ chức,", "cơ quan, tổ chức,").
_BEFORE_INDIVIDUALS = [o.removesuffix("cá nhân").rstrip() for o in _DATA["regulated"]["openers"]]
#: Those words, with or without "các" before them.
_REGULATED_PREFIXES = [*_BEFORE_INDIVIDUALS, *(f"các {w}" for w in _BEFORE_INDIVIDUALS)]
_REGULATED = Pattern(
    "regulated parties",
    rf"(?<![^\W_])(?:các{_GAP})?(?:{_OPENERS})"
    rf"{_GAP}(?=(?:{phrases(_DATA['regulated']['activities'])})(?![^\W\d_]))",
    re.IGNORECASE,
    candidates=before_anchors(
        _INDIVIDUALS,
        re.compile(rf"(?<![^\W_])(?:{initial_alternation(_REGULATED_PREFIXES, space=_GAP)})"
                   rf"{_GAP}\Z"),
        max(len(o) + 3 * len(o.split()) for o in _BEFORE_INDIVIDUALS) + len("các") + 6,
    ),
)
_ACTIVITY_WORD = re.compile(r"[ \t]*([^\W_][^\s,;:.()]*)")
#: An activity has at most this many words.
_ACTIVITY_WORDS = 10


def regulated(text: str, province: str | None, start: int, end: int) -> Iterator[AgencyMention]:
    """Those a rule binds, by what they do: "tổ chức, cá nhân khai thác khoáng sản"."""
    for m in _REGULATED.finditer(text, start, end):
        pos, words = m.end(), list[str]()
        while len(words) < _ACTIVITY_WORDS and (w := _ACTIVITY_WORD.match(text, pos, end)):
            word = w.group(1)
            nxt = _ACTIVITY_WORD.match(text, w.end(), end)
            pair = fold_name(f"{word} {nxt.group(1)}") if nxt else ""
            if words and (pair in STOP_PAIRS or word in STOP_WORDS or word in NOT_IN_NAME):
                break
            words.append(word)
            pos = w.end()
        name = " ".join(text[m.start() : pos].split())
        name = name[:1].upper() + name[1:]
        agency = Agency(name, province, True, "local" if province else "central", "collective")
        yield AgencyMention(agency, m.start(), pos, text[m.start() : pos])


_REG = _DATA["regulated"]
_FUNCTION_ACTOR = Pattern(
    "function actor",
    rf"(?:{phrases(_REG['function_nouns'])})(?:\s*,\s*[^\W\d_]+(?:\s[^\W\d_]+)?)?"
    # not a role's abstract holder ("Cơ quan chủ trì có trách nhiệm", "Người chủ trì phải")
    rf"(?![ \t\n]+(?:chủ trì|phối hợp)[ \t\n]+(?:{phrases(_REG['obligations'])})(?![^\W\d_]))"
    rf"(?:[ \t\n]+[^\s,;:.()\[\]]+){{1,{_REG['function_words']}}}?"
    rf"(?=[ \t\n]+(?:{phrases(_REG['obligations'])})(?![^\W\d_]))",
    starts=tuple({w.split()[0] for w in _REG["function_nouns"]}),
)
#: What stands before such an actor: a line's start (past an item's marker) or ". " / "; ".
_BEFORE_ACTOR = re.compile(
    r"(?:(?:^|\n)[ \t]*(?:[-–+•*]|\(?[0-9a-zđ]{1,2}[.)])?[ \t*]*|[.;:][ \t*]+)\Z"
)


def function_actors(
    text: str, province: str | None, start: int, end: int
) -> Iterator[AgencyMention]:
    """An actor a regulation names by its function at a clause's start, then its obligation:
    "Cơ quan lập đề án có trách nhiệm ...", "Người sử dụng Hệ thống có trách nhiệm ..."."""
    for m in _FUNCTION_ACTOR.finditer(text, start, end):
        if not _BEFORE_ACTOR.search(text, max(0, m.start() - 12), m.start()):
            continue
        name = " ".join(m.group().split())
        agency = Agency(name, province, True, "local" if province else "central", "collective")
        yield AgencyMention(agency, m.start(), m.end(), m.group())


_DEPUTY = Pattern(
    "deputy head",
    rf"(?:(?<![^\W\d_])các\s+(?:đồng\s+chí\s+)?)?(?:{phrases(_DATA['titles']['deputies'])})"
    rf"(?:\s+(?:{phrases(_DATA['titles']['deputy_qualifiers'])}))*"
    # the person's name: two to four capitalised syllables
    r"(?:[ \t]+[A-ZĐÀ-Ỹ][^\W\d_]*(?:[ \t\n]+[A-ZĐÀ-Ỹ][^\W\d_]*){1,3}(?![^\W\d_]))?"
    r"(?![^\W\d_])",
    starts=("các", "Các", *{t.split()[0] for t in _DATA["titles"]["deputies"]}),
)


def deputies(text: str, province: str | None, start: int, end: int) -> Iterator[AgencyMention]:
    """The Government's deputy heads by office and name: "Phó Thủ tướng Hồ Đức Phớc",
    "các Phó Thủ tướng" (over the "Thủ tướng" the gazetteer reads inside)."""
    for m in _DEPUTY.finditer(text, start, end):
        name = " ".join(m.group().split())
        collective = name.lower().startswith("các ")
        name = name[:1].upper() + name[1:]
        agency = Agency(name, None, collective, "central", "collective" if collective else "state")
        yield AgencyMention(agency, m.start(), m.end(), m.group())


def offices(text: str, province: str | None, start: int, end: int) -> Iterator[AgencyMention]:
    """Offices standing for their body: "báo cáo Bộ trưởng", "Lãnh đạo Bộ chỉ đạo"."""
    for m in _TITLE_ALONE.finditer(text, start, end):
        name = " ".join(m.group().split())
        agency = Agency(name, None, False, "central", "state")
        yield AgencyMention(agency, m.start(), m.end(), m.group())
