"""One scan for the starts of the patterns read over a whole document (:class:`SharedScan`).

A :class:`~vbgraph.loaders.text.patterns.Pattern` declared with ``shared=WHOLE_TEXT``
finds the places its ``starts`` begin through this group's one Aho-Corasick pass rather
than its own fast scan; ``tests/test_shared_scan.py`` checks that each gives the matches
its own scan gives.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import ahocorasick

from vbgraph.loaders.text.patterns import _CASE_EXTRAS

if TYPE_CHECKING:
    from vbgraph.loaders.text.patterns import Pattern

#: How many texts a :class:`SharedScan` keeps the places of.
_KEPT_TEXTS = 4


class SharedScan:
    """Where the starts of several patterns begin in one text, found in one pass for them all.

    The patterns scanned over a whole document (the collectives, level words, named heads
    ...) each ran their own fast scan (``patterns._fast_scan``), ~10-20 ns a character each: a
    set of first characters the engine skips to, which common letters hit every few
    characters.  Here one Aho-Corasick automaton (``pyahocorasick``, the gazetteer's) holds
    every start of every pattern of the group, lower-cased, and one pass over the
    lower-cased text gives each pattern the places one of its starts begins (compared with
    case for a case-sensitive pattern); :meth:`Pattern.finditer` then tries the regex at
    those places only (:meth:`Pattern.matches_from`), which gives what its fast scan gives.

    The places are kept for the last few texts (by identity) that a pattern of the group
    was asked to scan whole; a search in part of such a text reads them too, and a part of
    any other text is scanned as before.  A text whose lower case is not one character for one, or
    that holds a character ``re.IGNORECASE`` folds otherwise (``_CASE_EXTRAS``), is
    scanned as before.
    """

    __slots__ = ("_automaton", "_cache", "_number", "_sort", "name", "patterns")

    def __init__(self, name: str) -> None:
        self.name = name
        self.patterns: list[Pattern] = []
        self._number: dict[Pattern, int] = {}
        self._automaton: ahocorasick.Automaton | None = None
        self._sort: tuple[bool, ...] = ()
        #: The last texts scanned (newest last) and each pattern's places in them (None: scan
        #: it as before).  A few: a document's scans are interleaved with its phrases'.
        self._cache: list[tuple[str, list[list[int]] | None]] = []

    def add(self, pattern: Pattern) -> None:
        self._number[pattern] = len(self.patterns)
        self.patterns.append(pattern)
        self._automaton = None
        self._cache = []

    def places(self, pattern: Pattern, text: str, pos: int, end: int) -> list[int] | None:
        """The places in ``text`` (sorted, all of it) where ``pattern``'s starts begin, or
        None when ``text`` is scanned as before."""
        kept = [found for cached, found in self._cache if cached is text]
        if kept:
            found = kept[0]
        elif pos or end < len(text):
            return None  # a part of another text: its own fast scan
        else:
            found = self._scan(text)
            self._cache = [*self._cache[1 - _KEPT_TEXTS :], (text, found)]
        return None if found is None else found[self._number[pattern]]

    def _build(self) -> ahocorasick.Automaton:
        # lower-cased start -> {pattern number: None (any case) or the starts, with case}
        keys: dict[str, dict[int, list[str] | None]] = {}
        sort = []
        for k, p in enumerate(self.patterns):
            ignore = bool(p.regex.flags & re.IGNORECASE)
            lows = {s.lower() for s in p.starts}
            # a start that another one begins adds no place: keep the shorter
            own = sorted(w for w in lows if not any(v != w and w.startswith(v) for v in lows))
            for start in p.starts:
                key = next(w for w in own if start.lower().startswith(w))
                owners = keys.setdefault(key, {})
                if ignore:
                    owners[k] = None
                elif owners.get(k, []) is not None:
                    owners.setdefault(k, []).append(start)  # type: ignore[union-attr]
            # places come by where they end: starts of different lengths need sorting
            sort.append(len({len(w) for w in own}) > 1)
        automaton = ahocorasick.Automaton()
        for key, owners in keys.items():
            value = tuple((k, None if v is None else tuple(v)) for k, v in owners.items())
            automaton.add_word(key, (len(key) - 1, value))
        automaton.make_automaton()
        self._sort = tuple(sort)
        return automaton

    def _scan(self, text: str) -> list[list[int]] | None:
        low = text.lower()
        if len(low) != len(text) or _CASE_EXTRAS is None or _CASE_EXTRAS.search(text):
            return None
        automaton = self._automaton
        if automaton is None:
            automaton = self._automaton = self._build()
        found: list[list[int]] = [[] for _ in self.patterns]
        startswith = text.startswith
        for last, (back, owners) in automaton.iter(low):
            at = last - back
            for k, cased in owners:
                if cased is None or startswith(cased, at):
                    found[k].append(at)
        for k, unsorted in enumerate(self._sort):
            if unsorted:
                found[k].sort()
        return found



#: The scan shared by the patterns read over a whole document's text.
WHOLE_TEXT = SharedScan("whole text")
