"""Extraction never raises: on arbitrary text, and on sample documents damaged at random.

Damage mimics what real files do to text: a cut in the middle, a slice
repeated or lost, stray characters and control bytes, upper-casing, lines
joined. Every span the extractor reports must still lie inside the text.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from vbgraph.loaders import extract, read_text
from vbgraph.models import Extraction

SEEDS = Path(__file__).resolve().parents[1] / "src" / "vbgraph" / "data" / "seeds"


@cache
def seed_texts() -> tuple[str, ...]:
    return tuple(p.read_text("utf-8") for p in sorted(SEEDS.glob("*.txt")))


def check_spans(text: str, ex: Extraction) -> None:
    for item in (*ex.edges, *ex.unnumbered, *ex.assignments, *ex.tasks):
        if item.start >= 0:
            assert 0 <= item.start <= item.end <= len(text), item


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=2000))
def test_extract_never_raises_on_arbitrary_text(text: str) -> None:
    check_spans(text, extract(read_text(text, "fuzz.txt")))


@st.composite
def damaged_sample(draw: st.DrawFn) -> str:
    text = draw(st.sampled_from(seed_texts()))
    # Work on a window so each example stays fast; windows start anywhere.
    start = draw(st.integers(0, max(0, len(text) - 6000)))
    text = text[start : start + 6000]
    for _ in range(draw(st.integers(1, 4))):
        kind = draw(st.sampled_from(["cut", "repeat", "drop", "insert", "upper", "join"]))
        i = draw(st.integers(0, len(text)))
        j = draw(st.integers(i, min(len(text), i + 400)))
        if kind == "cut":
            text = text[:i]
        elif kind == "repeat":
            text = text[:j] + text[i:j] + text[j:]
        elif kind == "drop":
            text = text[:i] + text[j:]
        elif kind == "insert":
            noise = draw(st.text(alphabet=st.sampled_from("|/-:;()“”\x00\x0c\t 0123456789ĐđƯừ́"),
                                 max_size=20))
            text = text[:i] + noise + text[i:]
        elif kind == "upper":
            text = text[:i] + text[i:j].upper() + text[j:]
        else:
            text = text[:i] + text[i:j].replace("\n", "") + text[j:]
    return text


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(damaged_sample())
def test_extract_never_raises_on_damaged_samples(text: str) -> None:
    check_spans(text, extract(read_text(text, "damaged.txt")))
