"""Every pattern's declared prefilter admits every match of its regex.

A :class:`~vbgraph.loaders.text.patterns.Pattern` skips its regex where its prefilter
(``starts``, ``contains`` or a ``candidates`` function) rules a match out.  Here each
registered pattern is checked on texts generated from its own regex (hypothesis) and on
the real corpora (as written and folded): every match holds the prefilter, and the
prefiltered ``finditer``/``search`` give exactly what the plain regex gives.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import vbgraph.loaders
from tests.conftest import SHARED
from vbgraph.loaders.text.fold import fold_same_length
from vbgraph.loaders.text.patterns import LINE_PATTERNS, REGISTRY, LinePattern, Pattern

# every module of the extraction package, so that every pattern is registered
for _info in pkgutil.walk_packages(vbgraph.loaders.__path__, "vbgraph.loaders."):
    importlib.import_module(_info.name)

PATTERNS = sorted(REGISTRY, key=lambda p: p.name)


def _holds_prefilter(pattern: Pattern, text: str, m: re.Match[str]) -> bool:
    if not (pattern.contains or pattern.starts):  # a candidates function
        return m.start() in pattern.candidates(text, 0, len(text))
    if pattern.contains:
        return any(s in m.group() for s in pattern.contains)
    if pattern.starts:
        flags = re.IGNORECASE if pattern.regex.flags & re.IGNORECASE else 0
        return any(re.match(re.escape(s), text[m.start() :], flags) for s in pattern.starts)
    return True


def _spans(matches: object) -> list[tuple[int, int]]:
    return [m.span() for m in matches if m.end() > m.start()]  # type: ignore[attr-defined]


def _agree(pattern: Pattern, text: str) -> None:
    for m in pattern.regex.finditer(text):
        if m.end() > m.start():
            assert _holds_prefilter(pattern, text, m), (pattern.name, m.group())
    assert _spans(pattern.finditer(text)) == _spans(pattern.regex.finditer(text)), pattern.name
    found, plain = pattern.search(text), pattern.regex.search(text)
    if plain is not None and plain.end() > plain.start():
        assert found is not None and found.span() == plain.span(), pattern.name
    for pos, end in ((3, len(text) - 2), (len(text) // 2, len(text))):
        if 0 <= pos <= end:
            window = _spans(pattern.finditer(text, pos, end))
            assert window == _spans(pattern.regex.finditer(text, pos, end)), pattern.name


def test_every_extraction_pattern_is_registered() -> None:
    assert len(PATTERNS) >= 30
    assert len({p.name for p in PATTERNS}) == len(PATTERNS), "pattern names are unique"
    for p in PATTERNS:  # every pattern declares a prefilter
        assert p.starts or p.contains or p.candidates("", 0, 0) == [], p.name


@pytest.mark.parametrize("pattern", PATTERNS, ids=[p.name for p in PATTERNS])
@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
@given(data=st.data())
def test_prefilter_admits_what_the_regex_matches(pattern: Pattern, data: st.DataObject) -> None:
    """Texts built to hold a match of the regex (anywhere, with anything around it)."""
    text = data.draw(st.from_regex(pattern.regex), label="text")
    _agree(pattern, text)


def _corpus_texts() -> list[str]:
    folders = [SHARED / "corpus" / "seeds", SHARED / "corpus" / "dev"]
    missing = [str(f) for f in folders if not f.is_dir()]
    if missing:
        pytest.fail(f"the real corpora are missing: {missing} (../shared beside the checkout)")
    paths = [p for f in folders for p in sorted(f.glob("*.txt"))]
    paths += sorted((Path(__file__).parents[1] / "corpus" / "real").glob("*.txt"))
    texts = [p.read_text(encoding="utf-8") for p in paths]
    return texts + [fold_same_length(t) for t in texts]


@pytest.mark.parametrize("pattern", PATTERNS, ids=[p.name for p in PATTERNS])
def test_prefiltered_search_is_the_regex_search_on_real_text(pattern: Pattern) -> None:
    for text in _corpus_texts():
        _agree(pattern, text)


@pytest.mark.parametrize(
    "text",
    [
        "Nghị quyết số 21/NQ-CP; theo Nghị quyết số 21 và Chương trình hành động số 5.",
        "Chương  trình\nhành   động          số 45 và Kế hoạch\t\t\t\t\t\t\t\t\tsố 7",
        "Thông tư liên tịch số 3, Nghị quyếtsố 4, xKế hoạch số 12/ và Kế hoạch số 12a",
        "theo dõi,\nđôn đốc việc thực hiện; kiểm tra việc thực hiện Kế hoạch; giám sát",
        "Phòng Tài chính - Kế hoạch các huyện, thành phố; UBND huyện Cát Hải và các quận",
        "trước ngày 15/11 hàng năm; định kỳ 6 tháng; quý IV/2024; HẰNG NĂM; ſáu tháng",
        # a scan's first characters are matched with case (so that the engine skips to
        # them): they must hold every character re.IGNORECASE takes for a literal's, the
        # Kelvin sign for "k", the long s, the dotted and dotless i ...
        "Trưởng \u212aHÓM 3, tổ \u212ahu phố; CÁ NHÂN; ĐỊNH KỲ ſáu tháng; \u0130T; "
        "CHỊU TRÁCH NHIỆM THI HÀNH; HOÀN THÀNH TRƯỚC NGÀY 15/11; Mỗi Năm; quÝ II/2025",
    ],
)
def test_tricky_texts(text: str) -> None:
    for pattern in PATTERNS:
        _agree(pattern, text)
        _agree(pattern, fold_same_length(text))


def test_case_insensitive_places_are_linear_with_a_case_extra() -> None:
    """A text holding a character ``re.IGNORECASE`` folds apart from ``str.lower`` (the
    Cyrillic ``с`` of a real decree) is scanned by regex for a pattern's starts; that scan
    once copied the rest of the text at every place a literal begins (quadratic: 750x
    for 80x the text).  A ratio of two sizes in one run, not a wall-clock limit."""
    import time

    from vbgraph.loaders.find.agencies.phrases import _LEVEL_ANCHOR

    def seconds(text: str) -> float:
        best = float("inf")
        for _ in range(3):
            start = time.perf_counter()
            _LEVEL_ANCHOR.candidates(text, 0, len(text))
            best = min(best, time.perf_counter() - start)
        return best

    unit = "с xã " + "ư" * 100
    small, large = unit * (10_000 // len(unit)), unit * (800_000 // len(unit))
    assert len(_LEVEL_ANCHOR.candidates(large, 0, len(large))) == large.count("xã")
    assert seconds(large) / max(seconds(small), 1e-4) < 240  # linear: 80


# ---------------------------------------------------------------- line patterns

LINES = LINE_PATTERNS


def _lines_agree(pattern: LinePattern, text: str) -> None:
    # every span, empty ones too (a pattern of line starts matches nothing but the place)
    def spans(matches: object) -> list[tuple[int, int]]:
        return [m.span() for m in matches]  # type: ignore[attr-defined]

    assert spans(pattern.finditer(text)) == spans(pattern.regex.finditer(text)), pattern.regex
    for pos, end in ((1, len(text) - 2), (len(text) // 2, len(text)), (0, len(text) // 3)):
        if 0 <= pos <= end:
            got = spans(pattern.finditer(text, pos, end))
            assert got == spans(pattern.regex.finditer(text, pos, end)), pattern.regex


def test_every_line_pattern_is_registered() -> None:
    assert len(LINES) >= 5  # markers, metadata, signature, member lines, table lines


@pytest.mark.parametrize("k", range(len(LINES)))
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_a_line_pattern_finds_what_its_regex_finds(k: int, data: st.DataObject) -> None:
    """Texts holding matches of the regex (on lines of their own, several, and glued to
    text around them), and the real corpora."""
    pattern = LINES[k]
    parts = data.draw(st.lists(st.one_of(st.from_regex(pattern.regex, fullmatch=True),
                                         st.text("ab \t\n-•|1.", max_size=8)), max_size=5))
    sep = data.draw(st.sampled_from(["\n", "", "\n\n", " "]))
    _lines_agree(pattern, sep.join(parts))


@pytest.mark.parametrize("k", range(len(LINES)))
def test_a_line_pattern_on_real_text(k: int) -> None:
    for text in _corpus_texts():
        _lines_agree(LINES[k], text)


@pytest.mark.parametrize("k", range(len(LINES)))
def test_a_line_pattern_skips_the_lines_a_match_ran_over(k: int) -> None:
    """An exhortation running over two lines, the second opening one of its own: found
    once, from the first line (as the regex's finditer finds it)."""
    text = (
        "Điều 5.\nYêu cầu các sở\nYêu cầu các ngành nghiêm túc thực hiện.\n"
        "- Giám đốc Sở Tài chính, thành viên;\n| STT | Nội dung |\nKý bởi: Văn phòng\n"
    )
    _lines_agree(LINES[k], text)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.text("aAáÁbc.", min_size=1, max_size=4), min_size=1, max_size=8),
    st.text("aAáÁbc.x", max_size=12),
    st.sampled_from([0, re.IGNORECASE]),
)
def test_literal_trie_matches_where_a_literal_begins(
    literals: list[str], text: str, flags: int
) -> None:
    """The fast scans' trie of starts accepts a place exactly where one of them begins."""
    from vbgraph.loaders.text.patterns import _literal_trie

    trie = re.compile(f"(?:{_literal_trie(literals)})", flags)
    each = [re.compile(re.escape(w), flags) for w in literals]
    for i in range(len(text) + 1):
        assert bool(trie.match(text, i)) == any(w.match(text, i) for w in each), (text, i)
