"""Measured fix proposals for the extraction hot paths, applied from outside ``src/``.

    python bench/experiments.py [--docs 80] [--repeats 3]

Each experiment monkeypatches one hot function of ``vbgraph.loaders`` with a
faster equivalent, checks that ``extract()`` gives *identical* results on the
generated sample and on the five seed documents, and reports the MB/s gain
over the unpatched code in the same run (CPU time of this process, baseline and
patched runs interleaved, so other load on the machine hits both alike).  The
patches are proposals for the owners of ``loaders/*``, not part of vbgraph.
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import time
import unicodedata
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from generator import generate  # noqa: E402

SEEDS = HERE.parent / "src" / "vbgraph" / "data" / "seeds"


# --------------------------------------------------------------------------- patches


def patch_parse_cached() -> Callable[[], None]:
    """syllables.parse: onsets sorted once (not on every call) and results cached."""
    from vbgraph.loaders import syllables as s

    original = s.parse
    onsets = sorted(s.ONSETS, key=len, reverse=True)

    @lru_cache(maxsize=65536)
    def parse(syllable: str) -> tuple[str, str, str] | None:
        base, tone = s.split_tone(syllable.lower())
        if len(tone) > 1 or not base or not base.isalpha():
            return None
        for onset in onsets:
            if not base.startswith(onset):
                continue
            rhyme = base[len(onset) :]
            if onset == "gi" and (not rhyme or rhyme[0] not in s._VOWELS or rhyme.startswith("i")):
                continue
            if onset == "qu" and (not rhyme or rhyme[0] in "uo"):
                continue
            if not s._rhyme_ok(onset, rhyme, tone):
                continue
            return onset, rhyme, tone
        return None

    s.parse = parse
    s.is_syllable.cache_clear()

    def undo() -> None:
        s.parse = original
        s.is_syllable.cache_clear()

    return undo


def patch_place_tone_cached() -> Callable[[], None]:
    """normalize._tones: place_tone and has_vietnamese_letter cached per word."""
    from vbgraph.loaders import normalize as n

    saved = (n.place_tone, n.has_vietnamese_letter)
    n.place_tone = lru_cache(maxsize=65536)(saved[0])
    n.has_vietnamese_letter = lru_cache(maxsize=65536)(saved[1])

    def undo() -> None:
        n.place_tone, n.has_vietnamese_letter = saved

    return undo


def _combining_class() -> str:
    ranges: list[tuple[int, int]] = []
    for cp in range(0x300, 0x10000):
        if unicodedata.combining(chr(cp)):
            if ranges and ranges[-1][1] == cp - 1:
                ranges[-1] = (ranges[-1][0], cp)
            else:
                ranges.append((cp, cp))
    return "".join(f"\\u{a:04x}-\\u{b:04x}" if a != b else f"\\u{a:04x}" for a, b in ranges)


def patch_nfc_fast_path() -> Callable[[], None]:
    """normalize._nfc: text already NFC with no combining mark, invisible or odd space
    (nearly every text) -> itself with the identity offset map, no per-character loop."""
    from vbgraph.loaders import normalize as n

    original = n._nfc
    special = "".join(sorted(n._INVISIBLE | n._SPACES))
    needs_work = re.compile(f"[{_combining_class()}{re.escape(special)}]")

    def _nfc(text: str) -> tuple[str, list[int]]:
        if unicodedata.is_normalized("NFC", text) and not needs_work.search(text):
            return text, list(range(len(text)))
        return original(text)

    n._nfc = _nfc

    def undo() -> None:
        n._nfc = original

    return undo


def patch_glue_memo() -> Callable[[], None]:
    """normalize._glue: ``_cuts`` computed once per distinct token of a document."""
    from vbgraph.loaders import normalize as n

    original = n._glue
    token_re = re.compile(r"[^\W_]+")

    def _glue(text: str) -> Any:
        counts = n.syllable_counts(n._WORD.findall(text))
        memo: dict[str, list[int]] = {}
        for m in token_re.finditer(text):
            token = m.group()
            cuts = memo.get(token)
            if cuts is None:
                cuts = memo[token] = n._cuts(token, counts)
            for cut in cuts:
                yield m.start() + cut, m.start() + cut, " "

    n._glue = _glue

    def undo() -> None:
        n._glue = original

    return undo


class _FoldTable(dict):  # type: ignore[type-arg]
    """str.translate table filled on first sight of each character."""

    def __init__(self, fn: Callable[[str], str]) -> None:
        super().__init__()
        self.fn = fn

    def __missing__(self, cp: int) -> str:
        value = self.fn(chr(cp))
        self[cp] = value
        return value


def patch_agency_fold_translate() -> Callable[[], None]:
    """agencies.fold_same_length / skeleton: one ``str.translate`` (C) instead of a
    Python loop calling unicodedata per character."""
    from vbgraph.loaders import agencies as a
    from vbgraph.loaders import responsibilities as r

    saved = (a.fold_same_length, a.skeleton, r.fold_same_length)

    def same(c: str) -> str:
        if ord(c) < 128:
            return c.lower()
        f = a._fold_char(c)
        return f[0] if len(f) >= 1 else " "

    def skel(c: str) -> str:
        if not c.isalnum():
            return "&" if c == "&" else "\x00"
        f = a._fold_char(c) if ord(c) > 127 else c.lower()
        kept = "".join(x for x in f if x.isalnum())
        return kept if len(kept) == 1 else ("\x01" if kept else "\x00")

    same_table, skel_table = _FoldTable(same), _FoldTable(skel)
    keep_re = re.compile(r"[^\x00]")

    def fold_same_length(text: str) -> str:
        return text.translate(same_table)

    def skeleton(text: str) -> tuple[str, list[int]]:
        kept = text.translate(skel_table)
        if "\x01" in kept:  # a character folding to several letters: the exact loop
            return saved[1](text)
        return kept.replace("\x00", ""), [m.start() for m in keep_re.finditer(kept)]

    a.fold_same_length, a.skeleton, r.fold_same_length = (
        fold_same_length,
        skeleton,
        fold_same_length,
    )

    def undo() -> None:
        a.fold_same_length, a.skeleton, r.fold_same_length = saved

    return undo


PATCHES: dict[str, Callable[[], Callable[[], None]]] = {
    "parse_cached": patch_parse_cached,
    "place_tone_cached": patch_place_tone_cached,
    "nfc_fast_path": patch_nfc_fast_path,
    "glue_memo": patch_glue_memo,
    "agency_fold_translate": patch_agency_fold_translate,
}


# --------------------------------------------------------------------------- measuring


def _run(items: list[tuple[str, str]]) -> list[Any]:
    from vbgraph.loaders.extract import extract
    from vbgraph.loaders.read import read_text

    return [extract(read_text(text, name)) for name, text in items]


def _time(items: list[tuple[str, str]]) -> float:
    """CPU seconds of this process (robust to other processes sharing the cores)."""
    t = time.process_time()
    _run(items)
    return time.process_time() - t


def _paired(
    items: list[tuple[str, str]], makes: list[Callable[[], Callable[[], None]]], repeats: int
) -> tuple[float, float]:
    """Median (patched time, baseline/patched ratio), baseline and patched runs interleaved
    so that a change in machine load hits both alike."""
    ratios, patched = [], []
    for _ in range(repeats):
        base = _time(items)
        undos = [make() for make in makes]
        try:
            t = _time(items)
        finally:
            for undo in reversed(undos):
                undo()
        patched.append(t)
        ratios.append(base / t)
    return statistics.median(patched), statistics.median(ratios)


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--docs", type=int, default=80)
    p.add_argument("--repeats", type=int, default=3)
    args = p.parse_args()
    corpus = generate(args.docs, 4, seed=5)
    items = [(d.name, d.text) for d in corpus.docs]
    items += [(f.name, f.read_text(encoding="utf-8")) for f in sorted(SEEDS.glob("*.txt"))]
    size = sum(len(t.encode("utf-8")) for _, t in items) / 1e6
    reference = _run(items)  # also the warm-up
    base = statistics.median(_time(items) for _ in range(args.repeats))
    print(f"{len(items)} docs ({len(corpus.docs)} generated + 5 seeds), {size:.2f} MB")
    print(f"{'baseline':24s} {size / base:6.3f} MB/s")
    cases = [(name, [make]) for name, make in PATCHES.items()]
    cases.append(("all together", list(PATCHES.values())))
    for name, makes in cases:
        undos = [make() for make in makes]
        same = _run(items) == reference
        for undo in reversed(undos):
            undo()
        t, ratio = _paired(items, makes, args.repeats)
        print(f"{name:24s} {size / t:6.3f} MB/s  x{ratio:4.2f} (paired)  identical={same}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
