"""Lookup folding: the fast table-driven strip equals the NFD definition on any text."""

from __future__ import annotations

import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from vbgraph.lookup import fold_name, fold_symbol, strip_diacritics


def _strip_by_definition(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


_VIETNAMESE = st.text(
    alphabet=st.sampled_from(
        "aăâeêioôơuưyđAĂÂEÊIOÔƠUƯYĐbcghnqt àáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợ"
        "ùúủũụừứửữựỳýỷỹỵ\u0300\u0301\u0309\u0303\u0323\u0306\u0302\u031b/-–0123456789\n\t"
    ),
    max_size=60,
)


@given(st.one_of(st.text(max_size=60), _VIETNAMESE))
def test_strip_diacritics_matches_the_nfd_definition(text: str) -> None:
    assert strip_diacritics(text) == _strip_by_definition(text)


def test_folds() -> None:
    assert fold_name("  Sở  Ngoại\nvụ ") == fold_name("so ngoai vu") == "so ngoai vu"
    assert fold_name("ỦY BAN NHÂN DÂN") == "uy ban nhan dan"
    assert fold_symbol("590 /QĐ-UBND") == fold_symbol("590/QD-UBND") == "590/qd/ubnd"
    assert fold_symbol("22/NQ-TW") == fold_symbol("22-NQ/TW")


@given(st.one_of(st.text(max_size=60), _VIETNAMESE))
def test_fold_name_collapses_whitespace_as_a_regex_would(text: str) -> None:
    import re

    assert fold_name(text) == re.sub(r"\s+", " ", strip_diacritics(text).casefold()).strip()


def _fold_whole_text(text: str) -> str:
    return " ".join(strip_diacritics(text).casefold().split())


def test_folding_keeps_spaces_spaces_and_adds_none_elsewhere() -> None:
    """What makes folding word by word equal folding the whole text, for every code point."""
    for code in range(0x110000):
        if 0xD800 <= code <= 0xDFFF:
            continue
        ch = chr(code)
        folded = strip_diacritics(ch).casefold()
        if ch.isspace():
            assert folded and folded.isspace(), hex(code)
        else:
            assert not any(c.isspace() for c in folded), hex(code)


@given(st.one_of(st.text(max_size=80), _VIETNAMESE, st.lists(_VIETNAMESE).map(" ".join)))
def test_fold_name_word_by_word_equals_folding_the_whole_text(text: str) -> None:
    assert fold_name(text) == _fold_whole_text(text)
    assert fold_name(text) == _fold_whole_text(text)  # again, from the word cache


def test_fold_name_drops_words_that_fold_to_nothing() -> None:
    assert fold_name("Sở \u0301 Ngoại\u00a0vụ") == _fold_whole_text("Sở \u0301 Ngoại\u00a0vụ") \
        == "so ngoai vu"
