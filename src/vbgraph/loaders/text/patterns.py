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
from bisect import bisect_left
from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from vbgraph.loaders.text.shared_scan import SharedScan


def _vietnamese_lower() -> str:
    """The lower-case letters Vietnamese writes (a-z, đ and the toned vowels), as a regex
    character class's contents: "à-ỹ" would also take every capital between them."""
    import unicodedata

    toned = (
        ch
        for ch in map(chr, range(0xC0, 0x1EFA))
        if ch.islower() and unicodedata.normalize("NFD", ch)[0] in "aeiouy"
    )
    return "a-zđ" + "".join(sorted(set(toned)))


#: A class of Vietnamese lower-case letters: ``rf"[{LOWER}]"``.
LOWER = _vietnamese_lower()

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


def initial_alternation(words: Iterable[str], guard: str = "", space: str = r"\s+") -> str:
    """The case-insensitive alternation of ``words`` (spaces as ``space``), opening with a set.

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
        rest = "|".join(
            re.escape(w[1:]).replace(r"\ ", space)
            for w in sorted(ws, key=len, reverse=True)
        )
        branches.append(f"(?<=[{case_variants(first)}])(?i:{rest})")
    initials = "".join(case_variants(first) for first in groups)
    return f"[{initials}]{guard}(?:{'|'.join(branches)})"


#: Every :class:`Pattern` built, for the test that checks each prefilter.
REGISTRY: list[Pattern] = []


class Pattern:
    """A regex with its prefilter.

    ``contains``: every match holds one of these strings; ``starts``: every match begins
    with one of them (compared case-insensitively when the regex ignores case);
    ``candidates``: a function giving, in order, places every match starts at (for a
    pattern whose literals are common but whose matches are rare: it may look for a rarer
    part first).  :meth:`search` and :meth:`finditer` give what the regex's own give.

    With ``starts``, searches run a second regex that opens with the sets of the starts'
    first two characters, ``[..][..](?<=(?=STARTS)(?=REGEX)..)`` (:func:`_fast_scan`): the
    engine skips in C to the next such pair and tries the regex only where a literal begins.
    """

    __slots__ = ("_fast", "_find", "_shared", "_starts", "contains", "name", "regex", "starts")

    def __init__(
        self,
        name: str,
        regex: str | re.Pattern[str],
        flags: int = 0,
        *,
        contains: Iterable[str] = (),
        starts: Iterable[str] = (),
        candidates: Callable[[str, int, int], Iterable[int]] | None = None,
        shared: SharedScan | None = None,
    ) -> None:
        self.name = name
        self.regex = regex if isinstance(regex, re.Pattern) else re.compile(regex, flags)
        self.contains = tuple(contains)
        self.starts = tuple(starts)
        if sum(map(bool, (self.contains, self.starts, candidates))) > 1:
            raise ValueError(f"{name}: declare one prefilter, contains, starts or candidates")
        self._find = candidates
        self._starts = Starts((self,)) if self.starts else None
        self._fast: re.Pattern[str] | None = None
        if self.starts:
            self._fast = _fast_scan(self.starts, self.regex)
        if shared is not None and not self.starts:
            raise ValueError(f"{name}: a shared scan looks for the starts: declare them")
        self._shared = shared
        if shared is not None:
            shared.add(self)
        REGISTRY.append(self)

    def __repr__(self) -> str:
        return f"Pattern({self.name!r})"

    @property
    def pattern(self) -> str:
        return self.regex.pattern

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> re.Match[str] | None:
        end = len(text) if endpos is None else endpos
        if self._find is not None:
            return next(self.matches_from(text, self._find(text, pos, end), end), None)
        if (found := self._places(text, pos, end)) is not None:
            return next(self.matches_from(text, _between(found, pos, end), end), None)
        if self._fast is not None:
            at = self._fast.search(text, pos, end)
            return None if at is None else self.regex.match(text, at.start(), end)
        if self.contains:
            window = text[pos:end] if pos or end < len(text) else text
            if not any(s in window for s in self.contains):
                return None
        return self.regex.search(text, pos, end)

    def match(self, text: str, pos: int = 0, endpos: int | None = None) -> re.Match[str] | None:
        return self.regex.match(text, pos, len(text) if endpos is None else endpos)

    def finditer(
        self, text: str, pos: int = 0, endpos: int | None = None
    ) -> Iterator[re.Match[str]]:
        """The matches ``regex.finditer`` gives (non-empty ones), tried only where admitted."""
        end = len(text) if endpos is None else endpos
        if self._find is not None:
            yield from self.matches_from(text, self._find(text, pos, end), end)
        elif (found := self._places(text, pos, end)) is not None:
            yield from self.matches_from(text, _between(found, pos, end), end)
        elif self._fast is not None:
            fast, regex = self._fast, self.regex
            while (at := fast.search(text, pos, end)) is not None:
                m = regex.match(text, at.start(), end)
                if m is None:  # pragma: no cover - the lookahead said it matches here
                    raise AssertionError(self.name)
                yield m
                pos = max(m.end(), at.start() + 1)
        elif not self.contains or any(s in text[pos:end] for s in self.contains):
            yield from self.regex.finditer(text, pos, end)

    def _places(self, text: str, pos: int, end: int) -> list[int] | None:
        """Where the starts begin in ``text`` by the shared scan, or None (scan as before)."""
        return None if self._shared is None else self._shared.places(self, text, pos, end)

    def matches_from(
        self, text: str, candidates: Iterable[int], end: int
    ) -> Iterator[re.Match[str]]:
        """``finditer`` given every place a match can start (in order), as :class:`Starts`
        finds them: leftmost matches, none overlapping."""
        free = 0
        for start in candidates:
            if start < free:
                continue
            m = self.regex.match(text, start, end)
            if m:
                yield m
                free = max(m.end(), start + 1)

    def candidates(self, text: str, pos: int, end: int) -> list[int]:
        """Every place in ``text[pos:end]`` the prefilter lets a match start (in order)."""
        if self._find is not None:
            return list(self._find(text, pos, end))
        if self._starts is None:
            raise ValueError(f"{self.name}: no starts or candidates declared")
        return self._starts.positions(text, pos, end)[0]


def _between(places: list[int], pos: int, end: int) -> list[int]:
    """The sorted ``places`` in ``[pos, end)``."""
    return places[bisect_left(places, pos) : bisect_left(places, end)]


def _fast_scan(starts: tuple[str, ...], regex: re.Pattern[str]) -> re.Pattern[str]:
    """``[a][b](?<=(?=STARTS)(?=REGEX)..)``: the sets of the starts' first (and, when every
    start has two, second) characters, then the starts and the regex looked at from the first.

    The engine skips in C to the next first character (a set that opens a pattern lets it,
    unless the set is matched ignoring case: so the sets hold every character
    ``re.IGNORECASE`` takes for theirs, matched with case) and goes on only where a second
    follows, so the lookarounds run where a literal can begin.
    """
    width = 2 if min(map(len, starts)) >= 2 else 1
    sets = "".join(
        f"(?-i:[{_case_set({s[k] for s in starts}, regex.flags)}])" for k in range(width)
    )
    literals = _literal_trie(starts)
    return re.compile(
        f"{sets}(?<=(?=(?:{literals}))(?=(?:{regex.pattern})){'(?s:.)' * width})", regex.flags
    )


def _literal_trie(literals: Iterable[str]) -> str:
    """Regex text matching where one of ``literals`` begins, as a trie: ``c(?:ơ|ục|hi)|t...``.

    The engine tries an alternation's branches one by one (rejecting a branch that opens on
    another literal at once); with one branch per first character, then per next, a place
    costs a few tests rather than one per literal.  A literal another one begins is dropped
    (the shorter one already says a literal begins there).
    """
    words = set(literals)
    return _trie(sorted(w for w in words if not any(v != w and w.startswith(v) for v in words)))


def _trie(words: list[str]) -> str:
    groups: dict[str, list[str]] = {}
    for w in words:
        groups.setdefault(w[0], []).append(w[1:])
    branches = []
    for first, rests in groups.items():
        rest = "" if "" in rests else _trie(rests)  # (no word begins another: "" is alone)
        branches.append(re.escape(first) + (f"(?:{rest})" if "|" in rest else rest))
    return "|".join(branches)


def _case_set(chars: set[str], flags: int) -> str:
    """A set (regex text, no brackets) matching, with case, what ``[chars]`` matches with
    ``flags``: under ``re.IGNORECASE`` the characters of the BMP the engine takes for them
    and, if there are others than ``chars``, every character beyond the BMP (so none is
    missed)."""
    plain = re.escape("".join(sorted(chars)))
    if not flags & re.IGNORECASE:
        return plain
    taken = {v for c in chars for v in _ignore_case_variants(c)}
    if taken == chars:  # digits, marks: no case
        return plain
    return re.escape("".join(sorted(taken))) + "\\U00010000-\\U0010ffff"


@cache
def _ignore_case_variants(char: str) -> str:
    """The characters of the BMP that ``re.IGNORECASE`` matches for ``char``: those whose
    lower case is the engine's lower case of ``char`` or one it treats as the same
    (``re._casefix``); checked by the engine itself when its internals are not there."""
    try:
        from _sre import unicode_tolower
        from re import _casefix  # type: ignore[attr-defined]
    except ImportError:  # pragma: no cover - another Python's re
        return "".join(re.compile(re.escape(char), re.IGNORECASE).findall(_bmp()))
    low = unicode_tolower(ord(char))
    by_lower = _bmp_by_lower()
    return "".join(sorted(
        c for lo in (low, *_casefix._EXTRA_CASES.get(low, ())) for c in by_lower.get(lo, "")
    ))  # fmt: skip


@cache
def _bmp() -> str:
    """Every character of the Basic Multilingual Plane, in order."""
    return "".join(map(chr, range(0x10000)))


@cache
def _bmp_by_lower() -> dict[int, str]:
    """The characters of the BMP by the engine's lower case of them."""
    from _sre import unicode_tolower

    out: dict[int, str] = {}
    for code, low in enumerate(map(unicode_tolower, range(0x10000))):
        out[low] = out.get(low, "") + chr(code)
    return out


def _case_extras() -> re.Pattern[str] | None:
    """Characters that ``re.IGNORECASE`` matches with letters ``str.lower`` does not give
    (dotless ``ı`` for ``i``, long ``ſ`` for ``s`` ...), from the ``re`` module's own table;
    None when that table is not there (then every case-insensitive scan is a regex scan)."""
    try:
        from re import _casefix  # type: ignore[attr-defined]
    except ImportError:  # pragma: no cover - another Python's re
        return None
    chars = {chr(c) for k, v in _casefix._EXTRA_CASES.items() for c in (k, *v)}
    return re.compile("[" + re.escape("".join(sorted(c for c in chars if not c.isascii()))) + "]")


_CASE_EXTRAS = _case_extras()


class Starts:
    """Where each of several patterns can start in a text, found in one pass for them all.

    Each literal of the patterns' ``starts`` is looked for with ``str.find`` (on the
    lower-cased text when a pattern ignores case, which gives what ``re.IGNORECASE``
    matches unless the text holds a character lower-casing does not fold the same way;
    such a text is scanned with one regex instead).
    """

    __slots__ = ("_ignore", "_literals", "_scan", "_shared", "patterns")

    def __init__(self, patterns: Sequence[Pattern]) -> None:
        self.patterns = tuple(patterns)
        self._ignore = any(p.regex.flags & re.IGNORECASE for p in patterns)
        by_literal: dict[str, list[int]] = {}
        for k, p in enumerate(patterns):
            for start in p.starts:
                key = start.lower() if self._ignore else start
                by_literal.setdefault(key, []).append(k)
        #: (literal as looked for, the patterns it starts)
        self._literals = tuple((lit, tuple(ks)) for lit, ks in by_literal.items())
        #: Whether each pattern has several literals (its places must then be merged).
        self._shared = tuple(
            sum(k in ks for ks in by_literal.values()) > 1 for k in range(len(patterns))
        )
        alternation = "|".join(re.escape(lit) for lit, _ in self._literals)
        self._scan = re.compile(alternation, re.IGNORECASE if self._ignore else 0)

    def positions(self, text: str, pos: int, end: int) -> list[list[int]]:
        """For each pattern, the places in ``text[pos:end]`` where it can start, in order."""
        window = text[pos:end] if pos or end < len(text) else text
        if self._ignore:
            hay = window.lower()
            if len(hay) != len(window) or _CASE_EXTRAS is None or _CASE_EXTRAS.search(window):
                return self._scanned(text, pos, end)
        else:
            hay = window
        found: list[list[int]] = [[] for _ in self.patterns]
        for lit, owners in self._literals:
            i = hay.find(lit)
            while i >= 0:
                for k in owners:
                    found[k].append(pos + i)
                i = hay.find(lit, i + 1)
        # one literal's places come in order; several literals' need merging
        return [sorted(set(f)) if len(f) > 1 and self._shared[k] else f
                for k, f in enumerate(found)]  # fmt: skip

    def scan(self, text: str, pos: int, end: int) -> Iterator[int]:
        """Every place in ``text[pos:end]`` where some literal begins, found one at a time
        (for a search that stops at its first match)."""
        at = pos
        while (m := self._scan.search(text, at, end)) is not None:
            yield m.start()
            at = m.start() + 1

    def _scanned(self, text: str, pos: int, end: int) -> list[list[int]]:
        """:meth:`positions` by a regex scan that tries every place (overlaps too)."""
        found: list[set[int]] = [set() for _ in self.patterns]
        flags = self._scan.flags
        tests = [(re.compile(re.escape(lit), flags), owners) for lit, owners in self._literals]
        for start in self.scan(text, pos, end):
            for test, owners in tests:
                if test.match(text, start, end):  # no slice: a long text was copied per place
                    for k in owners:
                        found[k].add(start)
        return [sorted(f) for f in found]


def lines_with(text: str, literal: str, pos: int = 0, end: int | None = None) -> list[int]:
    """The starts of the lines of ``text[pos:end]`` that hold ``literal`` (in order): where a
    pattern anchored at a line's start and needing that literal can match, found by
    ``str.find`` rather than by trying the pattern at every line."""
    end = len(text) if end is None else end
    out: list[int] = []
    i = text.find(literal, pos, end)
    while i >= 0:
        start = max(pos, text.rfind("\n", 0, i) + 1)
        out.append(start)
        nl = text.find("\n", i, end)
        if nl < 0:
            break
        i = text.find(literal, nl + 1, end)
    return out


#: Every :class:`LinePattern` built, for the test that checks each against its regex.
LINE_PATTERNS: list[LinePattern] = []


class LinePattern:
    """A ``re.MULTILINE`` regex opening on ``^`` (every match starts a line), scanned from
    the line breaks: ``\\n(?=REST)`` opens on a literal, which the engine skips to in C,
    while a pattern opening on ``^`` is tried at every character.  :meth:`finditer` gives
    what the regex's own gives."""

    __slots__ = ("_breaks", "regex")

    def __init__(self, regex: re.Pattern[str]) -> None:
        if not regex.pattern.startswith("^") or not regex.flags & re.MULTILINE:
            raise ValueError(f"{regex.pattern[:40]!r}: not a MULTILINE pattern opening on ^")
        self.regex = regex
        self._breaks = re.compile(rf"\n(?={regex.pattern[1:]})", regex.flags)
        LINE_PATTERNS.append(self)

    def finditer(
        self, text: str, pos: int = 0, endpos: int | None = None
    ) -> Iterator[re.Match[str]]:
        end = len(text) if endpos is None else endpos
        regex = self.regex
        free = pos  # where the next match may start (finditer's non-overlapping rule)
        if pos == 0 or text[pos - 1 : pos] == "\n":  # ``pos`` starts a line itself
            first = regex.match(text, pos, end)
            if first is not None:
                yield first
                free = first.end() if first.end() > pos else pos + 1
        for nl in self._breaks.finditer(text, pos, end):
            start = nl.start() + 1
            if start < free:
                continue
            m = regex.match(text, start, end)
            if m is None:  # pragma: no cover - the lookahead said it matches here
                raise AssertionError(regex.pattern[:40])
            yield m
            free = m.end() if m.end() > start else start + 1
