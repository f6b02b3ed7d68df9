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
