"""Symbol grammar, canonical forms, scope and keys."""

from __future__ import annotations

import pytest

from vbgraph.loaders.find.symbols import (
    SYMBOL_RE,
    document_family,
    document_key,
    parse_symbol,
    scope_of,
    type_code_from_word,
)

CASES = [
    # written, canonical, family, scope when cited from Nghệ An
    ("22-NQ/TW", "22-NQ/TW", "party", "VN"),
    ("45-CTR/TU", "45-CTr/TU", "party", "Nghệ An"),
    ("22/NQ-TW", "22-NQ/TW", "party", "VN"),
    ("09-KL/TW", "09-KL/TW", "party", "VN"),
    ("29-NQ/TƯ", "29-NQ/TW", "party", "VN"),
    ("15-CT/HU", "15-CT/HU", "party", "Nghệ An"),
    ("590/QĐ-UBND", "590/QĐ-UBND", "state", "Nghệ An"),
    ("21/NQ-CP", "21/NQ-CP", "state", "VN"),
    ("40/QĐ-TTg", "40/QĐ-TTg", "state", "VN"),
    ("36/2016/QĐ-UBND", "36/2016/QĐ-UBND", "state", "Nghệ An"),
    ("42/2022/NĐ-CP", "42/2022/NĐ-CP", "state", "VN"),
    ("25/2019/TT-BNG", "25/2019/TT-BNG", "state", "VN"),
    ("02/2015/TTLT-BNG-BNV", "02/2015/TTLT-BNG-BNV", "state", "VN"),
    ("1689/NQ-UBTVQH13", "1689/NQ-UBTVQH13", "state", "VN"),
    ("43/2022/QH15", "43/2022/QH15", "law", "VN"),
    ("124/SNgV-HTQT", "124/SNgV-HTQT", "letter", "Nghệ An"),
    ("3562/BNG-LPQT", "3562/BNG-LPQT", "letter", "VN"),
    ("1249a/QĐ-TTg", "1249a/QĐ-TTg", "state", "VN"),
    ("45/TTr-STP", "45/TTr-STP", "state", "Nghệ An"),
    # official letters whose issuing unit code runs to 6-7 letters
    ("2104/SLĐTBXH-VL", "2104/SLĐTBXH-VL", "letter", "Nghệ An"),
    ("1879/VPUBND-KGVX", "1879/VPUBND-KGVX", "letter", "Nghệ An"),
    ("633/SNNPTNT-CCTL", "633/SNNPTNT-CCTL", "letter", "Nghệ An"),
    # "&" joining two abbreviations of a unit or ministry (Hồ Chí Minh City's letter of
    # 2025 cites "15972/SXD-QLN&TTBĐS" and "515/KH-BCA-BNN&MT"; "SNN&PTNT" is the
    # agriculture department's common code)
    ("15972/SXD-QLN&TTBĐS", "15972/SXD-QLN&TTBĐS", "letter", "Nghệ An"),
    ("515/KH-BCA-BNN&MT", "515/KH-BCA-BNN&MT", "state", "VN"),
    ("123/SNN&PTNT-KH", "123/SNN&PTNT-KH", "letter", "Nghệ An"),
    ("915/SGDĐT-GDTrH", "915/SGDĐT-GDTrH", "letter", "Nghệ An"),
    ("408/SVHTTDL-QLVH", "408/SVHTTDL-QLVH", "letter", "Nghệ An"),
    # central issuer codes written in capitals (upper-case titles) take their canonical case
    ("1500/QĐ-TTG", "1500/QĐ-TTg", "state", "VN"),
    ("15/2021/TT-BNNptnt", "15/2021/TT-BNNPTNT", "state", "VN"),
    ("26/2022/NQ-UBTVQH15", "26/2022/NQ-UBTVQH15", "state", "VN"),
    # a joint resolution names each of its issuers (a Front plan of 2025 citing it)
    ("102/2025/NQLT-UBTVQH15-CP-ĐCTUBTWMTTQVN", "102/2025/NQLT-UBTVQH15-CP-ĐCTUBTWMTTQVN",
     "state", "VN"),
    # a slash typed for the dash (Lào Cai letters of 2026, a plan of 2025): the same symbol
    ("38/CT/TTg", "38/CT-TTg", "state", "VN"),
    ("104/CTr/TU", "104-CTr/TU", "party", "Nghệ An"),
    ("2449/CV/ĐU", "2449-CV/ĐU", "party", "Nghệ An"),
    # a provincial committee's code typed with a lower-case letter
    ("104-CTr/Tu", "104-CTr/TU", "party", "Nghệ An"),
    # the Government's numbered series of special resolutions (VPCP notice 634 of 2025 cites
    # "66.4/2025/NQ-CP", resolution 15/2026/NQ-CP cites "66.13/2026/NQ-CP")
    ("66.4/2025/NQ-CP", "66.4/2025/NQ-CP", "state", "VN"),
    ("66.13/2026/NQ-CP", "66.13/2026/NQ-CP", "state", "VN"),
]


@pytest.mark.parametrize(("written", "canonical", "family", "scope"), CASES)
def test_symbols(written: str, canonical: str, family: str, scope: str) -> None:
    m = SYMBOL_RE.search(f"theo văn bản số {written} ngày")
    assert m is not None
    sym = parse_symbol(m)
    assert (sym.text, sym.family, scope_of(sym, "Nghệ An")) == (canonical, family, scope)


@pytest.mark.parametrize("text", ["ngày 10/4/2013", "giai đoạn 2016-2020", "COVID-19", "HIV/AIDS",
                                  "mục 2.1/2.2 của Phụ lục"])
def test_not_symbols(text: str) -> None:
    assert SYMBOL_RE.search(text) is None


@pytest.mark.parametrize(
    ("written", "type_word", "canonical"),
    [("45-CT/TU", "Chương trình hành động", "45-CTr/TU"),
     ("12-CTr/TU", "Chỉ thị", "12-CT/TU"),
     ("15-CT/TW", "Chỉ thị", "15-CT/TW"),
     ("10/QĐ-TTg", "Nghị quyết", "10/QĐ-TTg"),  # unrelated codes are left alone
     # a Front's or the Party's directive note keeps its TT (not a submission's TTr)
     ("04/TT-MTTW-BTT", "Thông tri", "04/TT-MTTW-BTT")],
)  # fmt: skip
def test_type_code_follows_type_word(written: str, type_word: str, canonical: str) -> None:
    m = SYMBOL_RE.search(written)
    assert m is not None
    assert type_code_from_word(parse_symbol(m), type_word).text == canonical


def test_key() -> None:
    assert document_key("22-NQ/TW", "VN", "2013") == "22-NQ/TW|VN|2013"


@pytest.mark.parametrize(
    ("symbol", "family"),
    [
        ("22-NQ/TW", "party_central"),
        ("13-KH/TW", "party_central"),
        ("45-CTr/TU", "party_local"),
        ("07-CT/HU", "party_local"),
        ("21/NQ-CP", "government"),
        ("40/QĐ-TTg", "government"),
        ("10/2023/TT-BCT", "ministry"),
        ("511/QĐ-BNG", "ministry"),
        ("1689/NQ-UBTVQH13", "ministry"),
        ("590/QĐ-UBND", "province"),
        ("36/2016/QĐ-UBND", "province"),
        ("20/2021/NQ-HĐND", "province"),
        ("124/SNgV-HTQT", "other"),
        ("not a symbol", "other"),
    ],
)
def test_document_family(symbol: str, family: str) -> None:
    assert document_family(symbol) == family


def _every_character() -> str:
    return "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c < 0xE000)


def test_case_variants_are_what_ignorecase_matches() -> None:
    """Every first letter a scan opens with, and the "số" of short forms."""
    import re

    from vbgraph.loaders.text.patterns import case_variants
    from vbgraph.loaders.vocab.documents import NAMED_WORDS as _CUES
    from vbgraph.loaders.vocab.documents import TYPE_WORDS

    everything = _every_character()
    letters = {w[0] for w, _ in TYPE_WORDS} | {c[0] for c, _ in _CUES} | {"s", "ố"}
    for letter in letters:
        matched = {m.group() for m in re.finditer(re.escape(letter), everything, re.IGNORECASE)}
        assert matched == set(case_variants(letter)), letter


@pytest.mark.parametrize(
    "text",
    [
        "căn cứ QUYẾT ĐỊNH số, Nghị  quyết\nliên tịch, nghị quyết, KẾT LUẬN, Kế hoạch",
        "ıKẾ HOẠCH kế hoạch ſố Luật, LUẬT, xLuật, /Luật Quy chế Quy hoạch",
        "Chương trình hành động Chương trình mục tiêu quốc gia CHƯƠNG TRÌNH Chỉ thị Chiến lược",
    ],
)
def test_initial_alternation_matches_the_plain_alternation(text: str) -> None:
    import re

    from vbgraph.loaders.text.patterns import initial_alternation
    from vbgraph.loaders.vocab.documents import TYPE_WORDS

    words = [w for w, _ in TYPE_WORDS]
    plain = re.compile(
        "(?<![\\w/])(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words) + ")",
        re.IGNORECASE,
    )
    fast = re.compile(initial_alternation(words, r"(?<![\w/].)"))
    assert fast.pattern.startswith("[")

    def spans(rx: re.Pattern[str]) -> list[tuple[int, int]]:
        return [m.span() for m in rx.finditer(text)]

    assert spans(fast) == spans(plain)
    assert spans(fast)
