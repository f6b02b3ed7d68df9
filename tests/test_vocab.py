"""The vocabulary's data files are consistent: each a lint over one file (vocab/*.toml)."""

from __future__ import annotations

from collections import Counter

import pytest

from vbgraph.loaders.find.agencies.skeleton import skeleton
from vbgraph.loaders.text.fold import fold_name
from vbgraph.loaders.text.normalize import normalize
from vbgraph.loaders.vocab import agency_names, cues, documents, provinces
from vbgraph.loaders.vocab.agencies import ENTRIES, expand
from vbgraph.loaders.vocab.files import load

_KINDS = {"state", "party", "front", "mass", "press", "bank", "military", "collective"}
#: Provinces whose templates read differently: a province, a centrally-run city, none.
_SCOPES = (None, "Quảng Ngãi", "Hà Nội", "Thành phố Hồ Chí Minh", "Thanh Hóa")


def _letters(alias: str, province: str | None) -> str | None:
    """What the matcher compares of an alias in ``province`` (None: absent there)."""
    text = expand(alias.lstrip("^"), province)
    return skeleton(text)[0] if text else None


def test_agency_entries_have_known_fields() -> None:
    for e in ENTRIES:
        assert e.name.strip() == e.name and e.name, e.name
        assert e.level in ("local", "central"), e.name
        assert e.kind in _KINDS, e.name
        assert not (e.level == "central" and "{province}" in e.name), e.name
        assert all(p in provinces.PROVINCES for p in e.provinces), (e.name, e.provinces)
        assert e.collective == (e.kind == "collective") or e.collective, e.name


def test_no_alias_repeats_another_of_its_agency() -> None:
    """Matching ignores case, spacing, punctuation and diacritics: such an alias adds nothing."""
    for e in ENTRIES:
        letters = [_letters(a, "Quảng Ngãi") for a in (e.name, *e.aliases)]
        repeated = [a for a, n in Counter(letters).items() if n > 1]
        assert not repeated, (e.name, repeated)


@pytest.mark.parametrize("province", _SCOPES)
def test_no_alias_names_two_agencies(province: str | None) -> None:
    """An alias two agencies share would match only the first: it must be one agency's."""
    owner: dict[str, str] = {}
    for e in ENTRIES:
        if e.provinces and province not in e.provinces:
            continue
        for alias in (e.name, *e.aliases):
            letters = _letters(alias, province)
            if letters is None:
                continue
            assert letters, (e.name, alias)  # an alias of punctuation only never matches
            other = owner.setdefault(letters, e.name)
            assert other == e.name, (alias, other, e.name)


def test_cased_aliases_start_with_a_capital() -> None:
    for e in ENTRIES:
        for alias in e.aliases:
            if alias.startswith("^"):
                assert alias[1:2].isupper(), (e.name, alias)


def test_provinces_are_one_list() -> None:
    names = provinces.PROVINCES
    assert len(names) == len(set(names)) == 63
    assert set(provinces.CITIES) <= set(names)
    table = load("provinces.toml")["province"]
    folded = Counter(fold_name(a) for p in table for a in (p["name"], *p.get("aliases", ())))
    assert not [a for a, n in folded.items() if n > 1], "an alias names two provinces"
    for p in table:
        for alias in p.get("aliases", ()):
            assert provinces.province_name(alias) == p["name"], alias


def test_type_words_come_before_the_words_they_start_with() -> None:
    """``Chương trình hành động`` before ``Chương trình``: the longer word wins."""
    for words in ([w for w, _ in documents.TYPE_WORDS], [w for w, _ in documents.NAMED_WORDS]):
        assert len(words) == len(set(words))
        for i, w in enumerate(words):
            for later in words[i + 1 :]:
                assert not later.startswith(w + " "), (w, later)


def test_every_type_code_names_one_type() -> None:
    """A code two type words share names the type [code_types] says."""
    by_code: dict[str, list[str]] = {}
    for word, code in documents.TYPE_WORDS:
        if code:
            by_code.setdefault(code, []).append(word)
    shared = {code for code, words in by_code.items() if len(words) > 1}
    assert shared <= set(load("documents.toml")["code_types"]), shared
    assert documents.TYPE_BY_CODE["TTr"] == "Tờ trình"


def test_issuer_codes() -> None:
    assert not documents.PARTY_LOCAL_ISSUERS & documents.CENTRAL_STATE_ISSUERS
    assert set(documents.CENTRAL_ISSUER_NAMES) <= documents.CENTRAL_STATE_ISSUERS
    assert documents.GOVERNMENT_ISSUERS <= documents.CENTRAL_STATE_ISSUERS


def _word_lists(data: object, where: str = "") -> list[tuple[str, list[str]]]:
    if isinstance(data, dict):
        return [x for k, v in data.items() for x in _word_lists(v, f"{where}.{k}")]
    if isinstance(data, list) and all(isinstance(w, str) for w in data):
        return [(where, data)]
    return []


@pytest.mark.parametrize("name", ["cues.toml", "agency_names.toml"])
def test_cue_lists_have_no_repeats_or_blanks(name: str) -> None:
    for where, words in _word_lists(load(name)):
        assert all(w and w == w.strip() and "  " not in w for w in words), where
        # lists are matched as written on normalised text ("Ban Quản lý", "Ban quản lý")
        same = [normalize(w).text for w in words]
        assert len(same) == len(set(same)), (where, words)


def test_loaded_vocabulary_is_usable() -> None:
    """Every constant the loaders build from the files is non-empty."""
    for value in (cues.STATEMENT_OPENERS, cues.CARRY_OUT, cues.SHORT_FORM_OPEN, cues.AMENDS,
                  cues.TITLES_FOLDED, cues.MONITORED_FOLDED, agency_names.STOP_PAIRS,
                  agency_names.NEXT_AGENCY):  # fmt: skip
        assert value
    assert set(cues.TABLE_COLUMNS) >= {"id", "lead", "coordinate", "deadline", "content"}
    assert set(agency_names.HEADS["complete"]) <= set(agency_names.HEADS["ministry_unit"])
