"""Normalisation: glued words, tone marks, spaced symbols, page numbers, offsets."""

from __future__ import annotations

import re
import unicodedata
from itertools import chain

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from vbgraph.loaders.text import glue as _g
from vbgraph.loaders.text import normalize as _n
from vbgraph.loaders.text.normalize import normalize
from vbgraph.loaders.text.offsets import apply_edits
from vbgraph.loaders.text.syllables import (
    has_vietnamese_letter,
    is_syllable,
    place_tone,
    split_syllables,
    split_tone,
    syllable_counts,
)

GLUED = [
    # (original, normalised) -- phrasings of HTML/PDF extraction from many sources
    ("Giám đốc SởNgoại vụ", "Giám đốc Sở Ngoại vụ"),
    ("Nghị quyếtsố 22-NQ/TWngày 10/4/2013", "Nghị quyết số 22-NQ/TW ngày 10/4/2013"),
    ("BANHÀNH KẾ HOẠCH THỰCHIỆN", "BAN HÀNH KẾ HOẠCH THỰC HIỆN"),
    ("Luật Tổ chức HĐND vàUBND", "Luật Tổ chức HĐND và UBND"),
    ("Chủ tịch UBNDtỉnh Nghệ An", "Chủ tịch UBND tỉnh Nghệ An"),
    ("BAN THƯỜNG VỤ TỈNHỦY HÀ TĨNH", "BAN THƯỜNG VỤ TỈNH ỦY HÀ TĨNH"),
    (
        "phát triển nguồn nhân lực giai đoạn2021-2025",
        "phát triển nguồn nhân lực giai đoạn 2021-2025",
    ),
    ("Nghị quyết số30c/NQ-CP", "Nghị quyết số 30c/NQ-CP"),
    ("ngày19/11/2013của Bộ Chính trị", "ngày 19/11/2013 của Bộ Chính trị"),
    ("ban hành kèm theoQuyết định này", "ban hành kèm theo Quyết định này"),
    ("hội nhập kinh tếquốc tế", "hội nhập kinh tế quốc tế"),
    ("chủ động hộinhập", "chủ động hội nhập"),
]
UNCHANGED = [
    "Công văn số 124/SNgV-HTQT của Sở Ngoại vụ",
    "Quyết định số 40/QĐ-TTg; Nghị quyết số 1689/NQ-UBTVQH13",
    "Văn phòng Trung ương Đảng (VPTW), ASEAN, WTO, RCEP, Halal, PCI",
    "giai đoạn 2017- 2020 và 2016 - 2020",
    "Nghị quyết 30a; Quyết định số 1249a/QĐ-TTg",
    "STT\n1\nTuyên truyền, phổ biến",
]
TONES = [("Thanh Hoá", "Thanh Hóa"), ("UỶ BAN", "ỦY BAN"), ("thuỷ sản", "thủy sản"),
         ("sức khoẻ", "sức khỏe"), ("hoàng hôn", "hoàng hôn"), ("quý", "quý")]  # fmt: skip
SPACED = [
    ("Chương trình hành động số 45- CTr/TU", "Chương trình hành động số 45-CTr/TU"),
    ("Quyết định số 590 /QĐ-UBND", "Quyết định số 590/QĐ-UBND"),
    ("ngày 17 /11/2022", "ngày 17/11/2022"),
    ("ngày 03/10 /2017", "ngày 03/10/2017"),
    ("Quyết định số 685/2007/QĐ-- UBND", "Quyết định số 685/2007/QĐ-UBND"),
    ("Công văn số 633/SNNPTNT - CCTL ngày", "Công văn số 633/SNNPTNT-CCTL ngày"),
    ("Nghị quyết số 29 - NQ/TW", "Nghị quyết số 29-NQ/TW"),
    ("Số: 04 /KH-UBND", "Số: 04/KH-UBND"),
]
#: Markdown a crawler saved a portal page as (thuvienphapluat copies of 2025 plans)
MARKDOWN = [
    ("**2. Yêu cầu**\n\na) Các sở", "2. Yêu cầu\n\na) Các sở"),
    ("**1. Khen thưởng cấp Nhà nước:\n**Sở Nội vụ phối hợp",
     "1. Khen thưởng cấp Nhà nước:\nSở Nội vụ phối hợp"),
    ("## Điều 1. Phạm vi", "Điều 1. Phạm vi"),
    ("xem xét *(theo Hướng dẫn số 7886/HD-BNV)*", "xem xét (theo Hướng dẫn số 7886/HD-BNV)"),
    ("*Đơn vị phối hợp: *Sở Nội\nvụ, Sở Tư pháp.", "Đơn vị phối hợp: Sở Nội\nvụ, Sở Tư pháp."),
    ("TỈNH ỦY BẮC NINH\n*\nSố 14-KH/TU", "TỈNH ỦY BẮC NINH\n*\nSố 14-KH/TU"),
]


@pytest.mark.parametrize(("raw", "expected"), GLUED + TONES + SPACED + MARKDOWN)
def test_normalised_text(raw: str, expected: str) -> None:
    assert normalize(raw).text == expected


@pytest.mark.parametrize("raw", UNCHANGED)
def test_left_alone(raw: str) -> None:
    assert normalize(raw).text == raw


def test_page_number_between_lines_of_a_sentence_is_removed() -> None:
    raw = "xây dựng chương trình việc\n4\nlàm giai đoạn 2017-2020"
    assert normalize(raw).text == "xây dựng chương trình việc\nlàm giai đoạn 2017-2020"


def test_offsets_point_into_the_original() -> None:
    raw = "Căn cứ Chương trình hành độngsố 45- CTr/TU ngày19/11/2013 của Ban Thường vụ TỈNHỦY"
    norm = normalize(raw)
    start = norm.text.index("45-CTr/TU")
    a, b = norm.to_original(start, start + len("45-CTr/TU"))
    assert raw[a:b] == "45- CTr/TU"
    start = norm.text.index("TỈNH ỦY")
    a, b = norm.to_original(start, start + len("TỈNH ỦY"))
    assert raw[a:b] == "TỈNHỦY"


@pytest.mark.parametrize(
    ("word", "ok"),
    [("nghiêng", True), ("khuya", True), ("quyết", True), ("gìn", True), ("giặt", True),
     ("giat", False), ("ành", True), ("ce", False), ("kan", False), ("SNgV", False),
     ("HĐND", False), ("trưở", False)],
)  # fmt: skip
def test_syllable_structure(word: str, ok: bool) -> None:
    assert is_syllable(word) is ok


def test_split_prefers_syllables_the_text_uses() -> None:
    assert split_syllables("THỰCHIỆN") == ["THỰC", "HIỆN"]
    assert split_syllables("BANHÀNH") == ["BAN", "HÀNH"]
    assert split_syllables("HĐND") is None


def test_place_tone_keeps_length() -> None:
    for word in ("hoà", "Hoá", "UỶ", "khoẻ", "thuở"):
        assert len(place_tone(word)) == len(word)


_ALPHABET = [
    *"aăâeêioôơuưyđbcdghklmnpqrstvxAĂÂĐHNQTUY0123456789 /-.,;:\n",
    *["à", "á", "ả", "ã", "ạ", "ệ", "ố", "ở", "ử", "ỳ", "\u0300", "\u0301"],
]
_VI = st.text(alphabet=st.sampled_from(_ALPHABET), max_size=200)


@settings(max_examples=500, deadline=None)
@given(_VI)
def test_normalisation_is_idempotent(text: str) -> None:
    once = normalize(text).text
    assert normalize(once).text == once


@settings(max_examples=500, deadline=None)
@given(_VI)
def test_offsets_are_monotonic_and_in_range(text: str) -> None:
    norm = normalize(text)
    assert len(norm.offsets) == len(norm.text) + 1
    assert all(0 <= o <= len(text) for o in norm.offsets)
    assert list(norm.offsets) == sorted(norm.offsets)


@settings(max_examples=100, deadline=None)
@given(_VI)
def test_nfc_and_nfd_normalise_alike(text: str) -> None:
    nfc = unicodedata.normalize("NFC", text)
    nfd = unicodedata.normalize("NFD", text)
    assert normalize(nfc).text == normalize(nfd).text


# --------------------------------------------------------------------------- fast paths
# The passes look only at what can change; each must agree with the plain
# definition that looks at everything.

_TRICKY = [
    *_ALPHABET,
    *["\u00a0", "\t", "\u200b", "\u00ad", "\u0302", "\u0323", "\u0303", "\u0309", "_"],
    *["Ω", "\u1100", "\u1161", "ǵ", "ṍ", "İ", "½", "\U0001d165", "\U0001f600"],
    *["hoà", "Uỷ", "khoẻ", "quý", "SởNgoại", "THỰCHIỆN", "quyếtsố", "TWngày", "vàUBND"],
    *["đoạn2021", "2013của", "số30c", "hộinhập", "đãcó", "SNgV", "HĐND"],
]
_MIXED = st.lists(st.sampled_from(_TRICKY), max_size=60).map("".join)


@settings(max_examples=300, deadline=None)
@given(_MIXED)
def test_nfc_agrees_with_grapheme_by_grapheme(text: str) -> None:
    for sample in (text, unicodedata.normalize("NFD", text)):
        out, pieces = _n._nfc(sample)
        assert (out, list(chain.from_iterable(pieces))) == _n._nfc_by_grapheme(sample)
        assert all(pieces), "no empty piece"


@settings(max_examples=300, deadline=None)
@given(_MIXED, st.integers(0, 5))
def test_fixes_are_the_scans_of_the_whole_pattern(text: str, pos: int) -> None:
    for sample in (text, unicodedata.normalize("NFD", text)):
        want = list(_n._graphemes_to_fix().finditer(sample, pos))
        got = _n._fixes(sample, pos)
        assert [(m.span(), m.lastgroup) for m in got] == [(m.span(), m.lastgroup) for m in want]


@settings(max_examples=300, deadline=None)
@given(_MIXED)
def test_tones_agree_with_every_word_looked_at(text: str) -> None:
    text = _n._nfc(text)[0]
    expected = []
    for m in _n._WORD.finditer(text):
        word, after = m.group(), text[m.end() : m.end() + 1]
        if not has_vietnamese_letter(word) or (after and unicodedata.combining(after)):
            continue
        placed = place_tone(word)
        if placed != word and len(placed) == len(word):
            expected.append((m.start(), m.end(), placed))
    assert list(_n._tones(text)) == expected


def test_tone_candidates_cover_every_letter() -> None:
    """A letter that parses as o, a, e, u or y with one tone mark is in ``_toned``."""
    for cp in range(0x110000):
        c = chr(cp)
        if not _n._LETTER.match(c):
            continue
        base, tone = split_tone(c.lower())
        if base in ("o", "a", "e", "u", "y") and len(tone) <= 1:
            assert c in _n._toned(base), hex(cp)


@settings(max_examples=300, deadline=None)
@given(_MIXED)
def test_glue_agrees_with_every_token_looked_at(text: str) -> None:
    text = _n._nfc(text)[0]
    counts = syllable_counts(_g._WORD.findall(text))
    expected = [
        (m.start() + cut, m.start() + cut, " ")
        for m in re.finditer(r"[^\W_]+", text)
        for cut in _g._cuts(m.group(), counts)
    ]
    assert sorted(_g.glue(text)) == expected


_SYMBOLS = [
    *_ALPHABET,
    *[" ", " ", "\t", "/", "-", "--", "\n", "\u2028", "QĐ", "CTr", "TU", "UBND", "SNNPTNT", "2022"],
    *["45- CTr/TU", "590 /QĐ-UBND", "17 /11/2022", "QĐ-- UBND", "1/2022/QĐ -\nU", "a/2022/QĐ - U"],
]


def _first_of_overlapping(edits: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """The edits ``apply_edits`` keeps, in order."""
    kept: list[tuple[int, int, str]] = []
    for edit in sorted(edits, key=lambda e: (e[0], e[1])):
        if not kept or edit[0] >= kept[-1][1]:
            kept.append(edit)
    return kept


def _symbol_spaces_everywhere(text: str) -> list[tuple[int, int, str]]:
    """The plain definition of ``_symbol_spaces``: each rule over the whole text."""
    edits = []
    for k, rule in enumerate(_n._SYMBOL_SPACE_RULES):
        keep = _n._KEEP.get(k, "")
        for m in rule.finditer(text):
            if m.group("sp") != keep:
                edits.append((m.start("sp"), m.end("sp"), keep))
    return edits


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_SYMBOLS), max_size=40).map("".join))
def test_symbol_spaces_agree_with_every_rule_everywhere(text: str) -> None:
    fast = _first_of_overlapping(list(_n._symbol_spaces(text)))
    assert fast == _first_of_overlapping(_symbol_spaces_everywhere(text))


@settings(max_examples=300, deadline=None)
@given(
    _MIXED, st.lists(st.tuples(st.integers(0, 80), st.integers(0, 3), st.text("ab ", max_size=3)))
)
def test_apply_maps_offsets_as_a_flat_list_would(text: str, raw: list) -> None:
    text, pieces = _n._nfc(text)
    edits = [(min(a, len(text)), min(a + n, len(text)), r) for a, n, r in raw]
    flat = list(chain.from_iterable(pieces))
    expected_offs: list[int] = []
    pos = 0
    for start, end, repl in _first_of_overlapping(edits):
        expected_offs += flat[pos:start]
        if len(repl) == end - start:
            expected_offs += flat[start:end]
        else:
            anchor = flat[start] if start < len(flat) else (flat[-1] + 1 if flat else 0)
            expected_offs += [anchor] * len(repl)
        pos = end
    expected_offs += flat[pos:]
    out, new_pieces = apply_edits(text, pieces, edits)
    assert list(chain.from_iterable(new_pieces)) == expected_offs
    assert len(out) == len(expected_offs)
    assert all(new_pieces)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(
    st.builds(range, st.integers(0, 50), st.integers(0, 80)),
    st.lists(st.integers(0, 99), max_size=6),
), max_size=6))
def test_offset_map_reads_as_the_flat_tuple(pieces: list) -> None:
    from vbgraph.loaders.text.offsets import OffsetMap

    flat = tuple(chain.from_iterable(pieces))
    offsets = OffsetMap(pieces)
    assert len(offsets) == len(flat) and tuple(offsets) == flat and offsets == flat
    assert [offsets[i] for i in range(-len(flat), len(flat))] == [
        flat[i] for i in range(-len(flat), len(flat))
    ]
    assert hash(offsets) == hash(flat) and offsets[1:3] == flat[1:3]
    for bad in (len(flat), -len(flat) - 1):
        with pytest.raises(IndexError):
            offsets[bad]


def test_normalised_offsets_are_those_of_the_passes() -> None:
    text = "Giám đốc SởNgoại vụ\u00a0ban hành 17 /11/2022, khoẻ, Quyết_định " * 3
    norm = normalize(unicodedata.normalize("NFD", text))
    assert norm.offsets == tuple(norm.offsets) and len(norm.offsets) == len(norm.text) + 1
    for i in range(len(norm.text)):
        assert norm.to_original(i, i + 1)[0] == norm.offsets[i]
