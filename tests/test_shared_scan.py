"""The shared scan (``shared_scan.SharedScan``) gives each pattern of its group the matches its
own fast scan gives: on whole texts, on parts of a text scanned whole, with texts
interleaved, and on texts whose lower case it cannot use (scanned as before)."""

from __future__ import annotations

import importlib
import pkgutil
import re
from pathlib import Path

import pytest

import vbgraph.loaders
from tests.conftest import SHARED
from vbgraph.loaders.text.patterns import Pattern
from vbgraph.loaders.text.shared_scan import WHOLE_TEXT, SharedScan

for _info in pkgutil.walk_packages(vbgraph.loaders.__path__, "vbgraph.loaders."):
    importlib.import_module(_info.name)

GROUP = sorted(WHOLE_TEXT.patterns, key=lambda p: p.name)
ROOT = Path(__file__).resolve().parent.parent


def _texts() -> list[str]:
    paths = sorted((SHARED / "corpus" / "dev").glob("*.txt"))
    paths += sorted((ROOT / "corpus" / "real").glob("*.txt"))
    assert len(paths) > 20, "the real corpora are missing"
    return [p.read_text(encoding="utf-8") for p in paths]


def _own(
    pattern: Pattern, text: str, pos: int = 0, end: int | None = None
) -> list[tuple[int, int]]:
    """The pattern's matches by its own fast scan (what it gave before the shared scan)."""
    end = len(text) if end is None else end
    out, fast = [], pattern._fast
    assert fast is not None
    while (at := fast.search(text, pos, end)) is not None:
        m = pattern.regex.match(text, at.start(), end)
        assert m is not None
        out.append(m.span())
        pos = max(m.end(), at.start() + 1)
    return out


def _spans(matches: object) -> list[tuple[int, int]]:
    return [m.span() for m in matches]  # type: ignore[attr-defined]


def test_the_group_is_the_whole_text_patterns() -> None:
    names = {p.name for p in GROUP}
    assert {"collective", "bare collective", "bare list collective", "named head"} <= names


@pytest.mark.parametrize("pattern", GROUP, ids=[p.name for p in GROUP])
def test_whole_texts_and_their_parts(pattern: Pattern) -> None:
    hits = 0
    for text in _texts():
        assert WHOLE_TEXT.places(pattern, text, 0, len(text)) is not None  # read, not skipped
        whole = _spans(pattern.finditer(text))
        assert whole == _own(pattern, text) == _spans(pattern.regex.finditer(text))
        hits += len(whole)
        n = len(text)
        for pos, end in ((0, n // 3), (n // 4, n // 2), (n // 2, n), (7, n - 5)):
            assert _spans(pattern.finditer(text, pos, end)) == _own(pattern, text, pos, end)
            found, plain = pattern.search(text, pos, end), pattern.regex.search(text, pos, end)
            assert (found and found.span()) == (plain and plain.span())
    if pattern.name not in {"office alone", "bare specified body"}:
        assert hits, pattern.name  # the real texts exercise it


def test_texts_interleaved_and_parts_of_unscanned_texts() -> None:
    texts = _texts()[:8]
    for k, text in enumerate(texts):  # more texts than are kept, in turn
        other = texts[k - 1]
        for p in GROUP:
            half = len(other) // 2
            assert _spans(p.finditer(other, 5, half)) == _own(p, other, 5, half)
            assert _spans(p.finditer(text)) == _own(p, text)


@pytest.mark.parametrize(
    ("extra", "skipped"),
    # İ lower-cases to two characters, ſ and σ are folds of s and Σ that str.lower does
    # not give; the Kelvin sign lower-cases to k as re.IGNORECASE folds it
    [("\u0130", True), ("\u017f", True), ("\u03c3\u03a3", True), ("\u212a", False)],
)
def test_texts_lower_case_cannot_stand_for_are_scanned_as_before(extra: str, skipped: bool) -> None:
    base = "Phối hợp với các sở, ban, ngành có liên quan; Sở Y tế chủ trì. Cá nhân "
    text = base + f"KHU{extra} các Sở, ban, ngành liên quan và UBND xã, thị trấn.\n"
    for p in GROUP:
        assert (WHOLE_TEXT.places(p, text, 0, len(text)) is None) == skipped
        assert _spans(p.finditer(text)) == _own(p, text) == _spans(p.regex.finditer(text))


def test_cased_and_uncased_patterns_share_a_start() -> None:
    scan = SharedScan("test")
    cased = Pattern("cased", r"Sở\s+\w+", starts=("Sở",), shared=scan)
    uncased = Pattern("uncased", r"sở\s+\w+", re.IGNORECASE, starts=("sở",), shared=scan)
    longer = Pattern("longer", r"(?:sở|cơ quan)\b", starts=("sở", "cơ", "cơ quan"), shared=scan)
    text = "các sở ngành; Sở Y tế; SỞ TƯ PHÁP; cơ quan, sở"
    assert [m.group() for m in cased.finditer(text)] == ["Sở Y"]
    assert [m.group() for m in uncased.finditer(text)] == ["sở ngành", "Sở Y", "SỞ TƯ"]
    assert [m.group() for m in longer.finditer(text)] == ["sở", "cơ quan", "sở"]
    with pytest.raises(ValueError, match="starts"):
        Pattern("no starts", r"x", contains=("x",), shared=scan)


def test_places_of_starts_of_different_lengths_come_in_order() -> None:
    # "yz" ends before "xyzw" does but begins after it: the places are sorted by start
    scan = SharedScan("test")
    p = Pattern("varied", r"xyzw|yz", starts=("xyzw", "yz"), shared=scan)
    text = "a xyzw b yz"
    assert [m.span() for m in p.finditer(text)] == [(2, 6), (9, 11)]
