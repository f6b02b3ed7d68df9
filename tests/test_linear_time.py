"""Extraction is linear in its input (issue 15, finding 9): each pattern that once made a
stage quadratic (blank lines of spaces, a symbol repeated, capitals, field lines, ...) is
extracted at 10 KB and at 200 KB in the same run, and the larger may take at most a few
times 20x the smaller (quadratic work would take 400x).  A ratio within one run, not a
wall-clock limit; the patterns are generated, not documents."""

from __future__ import annotations

import time

import pytest

from vbgraph.loaders.extraction import extract
from vbgraph.loaders.formats.read import read_text

PATTERNS = {
    "blank lines of spaces": " \n",
    "a symbol repeated": "22-NQ/TW ",
    "an authority word on its own line": "TỊCH \n",
    "numbered items with a lead": "1. Sở Tài chính chủ trì\n",
    "empty bullets": "- \n",
    "task field lines": "Đơn vị chủ trì: Sở X\n",
    "capitals": "ỦY BAN NHÂN DÂN ",
    "a collective's commas": "các sở, ",
    "open brackets": "(",
    "preamble cues": "Căn cứ Luật ",
    "blank lines": "\n",
    "proper-name heads": "Cảng vụ Hàng hải ",
    "collectives replacing what was read inside": "các sở, ngành liên quan; ",
    "elliptical lists": "Các Bộ: Y tế, Công Thương. ",
}
SMALL, LARGE = 10_000, 200_000
#: Linear is LARGE / SMALL = 20; fixed costs make it smaller, noise larger.
MAX_RATIO = 60


def _seconds(text: str) -> float:
    best = float("inf")
    for _ in range(2):
        start = time.perf_counter()
        extract(read_text(text))
        best = min(best, time.perf_counter() - start)
    return best


@pytest.mark.parametrize("pattern", list(PATTERNS.values()), ids=list(PATTERNS))
def test_extraction_is_linear_in_the_input(pattern: str) -> None:
    small = _seconds(pattern * (SMALL // len(pattern)))
    large = _seconds(pattern * (LARGE // len(pattern)))
    assert large / max(small, 1e-3) < MAX_RATIO, (small, large)
