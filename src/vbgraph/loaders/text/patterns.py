"""Building regexes from vocabulary, and regexes that declare their own prefilter.

Vocabulary lives in data files as plain phrases; the grammar that places them lives in
the modules that use it.  The helpers here turn phrases into regex text:

* :func:`phrases` -- an alternation of phrases, longest first, a space as ``\\s+``;
* :func:`initial_alternation` -- the same, case-insensitive, opening with the set of the
  phrases' first letters so that a search skips in C to the next place one can start.

:class:`Pattern` is a compiled regex with the literal prefilter it admits, the idea of
eyecite's ``TokenExtractor(regex, ..., strings=[...])``: ``contains`` (every match holds
one of these strings) or ``starts`` (every match starts with one of them).  Searches skip
the regex where the prefilter rules a match out, and ``tests/test_patterns.py`` checks
for every declared pattern that the prefilter admits every match (on generated texts
and on the real corpora), so a regex edit cannot silently lose matches.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

#: The characters ``re.IGNORECASE`` takes for a letter besides its lower and upper case.
_CASE_EXTRA: dict[str, str] = {"i": "\u0130\u0131", "k": "\u212a", "s": "\u017f"}


def case_variants(letter: str) -> str:
    """Every character ``re.IGNORECASE`` matches for the letter ``letter``."""
    low = letter.lower()
    return low + low.upper() + _CASE_EXTRA.get(low, "")


def phrase(words: str, space: str = r"\s+") -> str:
    """One phrase as regex text: escaped, each space as ``space`` (any whitespace run)."""
    return re.escape(words).replace(r"\ ", space)


def phrases(words: Iterable[str], space: str = r"\s+") -> str:
    """The alternation of ``words`` (longest first, so a longer phrase wins), no group."""
    return "|".join(phrase(w, space) for w in sorted(words, key=len, reverse=True))


def initial_alternation(words: Iterable[str], guard: str = "") -> str:
    """The case-insensitive alternation of ``words`` (spaces as ``\\s+``), opening with a set.

    A pattern that opens with a character set and has no IGNORECASE flag of
    its own lets ``re`` skip in C to the next possible first letter instead of
    trying the pattern at every position.  The set holds every case of the
    first letters; a lookbehind on the letter just read then picks the words
    that begin with it, matched case-insensitively in their order (words of
    different groups cannot match at the same place), so the match is the
    one of the plain ``(?i:w1|w2|...)``.  ``guard`` is put right after the
    first letter: a lookbehind for the character before a word must be one
    character wider there, ``(?<![\\w/].)``.
    """
    groups: dict[str, list[str]] = {}
    for w in words:
        groups.setdefault(w[0].lower(), []).append(w)
    branches = []
    for first, ws in groups.items():
        rest = "|".join(re.escape(w[1:]).replace(r"\ ", r"\s+") for w in ws)
        branches.append(f"(?<=[{case_variants(first)}])(?i:{rest})")
    initials = "".join(case_variants(first) for first in groups)
    return f"[{initials}]{guard}(?:{'|'.join(branches)})"


#: Every :class:`Pattern` built, for the test that checks each prefilter.
REGISTRY: list[Pattern] = []


class Pattern:
    """A regex with its literal prefilter.

    ``contains``: every match holds one of these strings; ``starts``: every match begins
    with one of them (compared case-insensitively when the regex ignores case).  A
    ``starts`` prefilter is scanned for with one regex of its own, and the pattern is
    tried only there (:meth:`finditer` gives what ``regex.finditer`` gives).
    """

    __slots__ = ("_scan", "contains", "name", "regex", "starts")

    def __init__(
        self,
        name: str,
        regex: str | re.Pattern[str],
        flags: int = 0,
        *,
        contains: Iterable[str] = (),
        starts: Iterable[str] = (),
    ) -> None:
        self.name = name
        self.regex = regex if isinstance(regex, re.Pattern) else re.compile(regex, flags)
        self.contains = tuple(contains)
        self.starts = tuple(starts)
        if self.contains and self.starts:
            raise ValueError(f"{name}: declare one prefilter, contains or starts")
        self._scan: re.Pattern[str] | None = None
        if self.starts:
            ignore = self.regex.flags & re.IGNORECASE
            self._scan = re.compile(
                "|".join(re.escape(s) for s in sorted(self.starts, key=len, reverse=True)),
                re.IGNORECASE if ignore else 0,
            )
        REGISTRY.append(self)

    def __repr__(self) -> str:
        return f"Pattern({self.name!r})"

    @property
    def pattern(self) -> str:
        return self.regex.pattern

    def admits(self, text: str) -> bool:
        """Whether the prefilter lets ``text`` through (a match may be in it)."""
        if self.contains:
            return any(s in text for s in self.contains)
        if self._scan is not None:
            return self._scan.search(text) is not None
        return True

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> re.Match[str] | None:
        end = len(text) if endpos is None else endpos
        if self.contains:
            window = text[pos:end] if pos or end < len(text) else text
            if not any(s in window for s in self.contains):
                return None
            return self.regex.search(text, pos, end)
        if self._scan is not None:
            for start in self.candidates(text, pos, end):
                m = self.regex.match(text, start, end)
                if m:
                    return m
            return None
        return self.regex.search(text, pos, end)

    def match(self, text: str, pos: int = 0, endpos: int | None = None) -> re.Match[str] | None:
        return self.regex.match(text, pos, len(text) if endpos is None else endpos)

    def finditer(
        self, text: str, pos: int = 0, endpos: int | None = None
    ) -> Iterator[re.Match[str]]:
        """The matches ``regex.finditer`` gives (non-empty ones), tried only where admitted."""
        end = len(text) if endpos is None else endpos
        if self._scan is None:
            if not self.contains or any(s in text[pos:end] for s in self.contains):
                yield from self.regex.finditer(text, pos, end)
            return
        free = pos
        for start in self.candidates(text, pos, end):
            if start < free:
                continue
            m = self.regex.match(text, start, end)
            if m:
                yield m
                free = max(m.end(), start + 1)

    def candidates(self, text: str, pos: int, end: int) -> Iterator[int]:
        """Every place in ``text[pos:end]`` where one of ``starts`` begins (overlaps too)."""
        if self._scan is None:
            raise ValueError(f"{self.name}: no starts declared")
        at = pos
        while True:
            m = self._scan.search(text, at, end)
            if m is None:
                return
            yield m.start()
            at = m.start() + 1
