"""Vocabulary of the agency-name grammar (``agency_names.toml``), typed."""

from __future__ import annotations

from vbgraph.loaders.text.fold import fold_name
from vbgraph.loaders.vocab.files import load

_DATA = load("agency_names.toml")
_WORDS = _DATA["words"]

#: Head words by how the name after them is read (see agency_names.toml).
HEADS: dict[str, tuple[str, ...]] = {kind: tuple(words) for kind, words in _DATA["heads"].items()}
#: Heads written once before a list of names ("Các Bộ: Y tế, Công Thương").
ELLIPTICAL_HEADS: tuple[str, ...] = HEADS["elliptical"]


def _folded(key: str) -> frozenset[str]:
    return frozenset(fold_name(w) for w in _WORDS[key])


#: Folded verb pairs that end a name, and those that may stay inside a unit's name.
STOP_PAIRS = _folded("stop_pairs")
UNIT_NAME_PAIRS = _folded("unit_name_pairs")
#: Words that end a name (as written, lower case).
STOP_WORDS: frozenset[str] = frozenset(_WORDS["stop_words"])
#: Folded first words that start the next agency after "và".
NEXT_AGENCY = _folded("next_agency")
#: Folded first syllables of two-syllable heads, which before a capital begin a place name.
COMPOUND_STARTS = _folded("compound_starts")
#: Folded words that start a generic collective after "và các".
AFTER_AND_GENERIC = _folded("after_and_generic")
#: Lower-case words that may not continue a proper name.
NOT_IN_NAME: frozenset[str] = frozenset(_WORDS["not_in_name"])
#: Localities a unit's name stops after.
LOCALITIES: tuple[str, ...] = tuple(_WORDS["localities"])
#: Words before a region's number that make a body its regional unit ("khu vực").
REGIONS: tuple[str, ...] = tuple(_WORDS["regions"])
