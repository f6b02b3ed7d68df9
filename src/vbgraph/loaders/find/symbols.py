"""Document symbols (*số, ký hiệu*): grammar, canonical form, scope and key.

One function per normalisation rule (gold/README.md, "Document keys"):

* ``canonical_type_code`` -- a type code in its one spelling (``CTR`` -> ``CTr``);
* ``type_code_from_word`` -- the type code follows the type word next to it
  (``Chương trình hành động số 45-CT/TU`` is ``45-CTr/TU``);
* ``party_form`` -- a Party issuer always takes the Party form
  (``22/NQ-TW`` is ``22-NQ/TW``);
* ``scope_of`` -- ``VN`` for central issuers, the province for local ones;
* ``document_key`` -- ``{symbol}|{scope}|{year}``.

Type words, type codes, Party and central issuer codes are vocabulary
(``vocab/documents.toml``).
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from vbgraph.graph.keys import compose_key
from vbgraph.loaders.models import Symbol
from vbgraph.loaders.vocab.documents import (
    CENTRAL_ISSUER_NAMES,
    CENTRAL_STATE_ISSUERS,
    GOVERNMENT_ISSUERS,
    LOCAL_STATE_ISSUERS,
    PARTY_LOCAL_ISSUERS,
    TYPE_BY_CODE,
    TYPE_WORDS,
)
from vbgraph.loaders.vocab.provinces import local_name

_CODE_BY_FOLD: dict[str, str] = {c.upper().replace("Đ", "D"): c for c in TYPE_BY_CODE}

CENTRAL_SCOPE = "VN"
#: A National Assembly term at the end of an issuer code: ``QH15``.
_TERM = re.compile(r"\d+$")
_ROOT_AND_TERM = re.compile(r"(?P<root>\D+)(?P<term>\d*)")




_CODE = r"[A-ZĐƯ][A-Za-zĐđƯư]{0,5}"
#: A State type code or an official letter's issuing unit: units run longer
#: than type codes (``SNNPTNT``, ``SLĐTBXH``, ``VPUBND``).
_UNIT_CODE = r"[A-ZĐƯ][A-Za-zĐđƯư]{0,7}(?:&[A-ZĐ][A-Za-zĐđ]{0,7})?"
#: "&" joining two abbreviations in a unit's code: "SNN&PTNT", "QLN&TTBĐS", "BNN&MT".
_AMP = r"(?:&[A-ZĐ][A-Za-zĐđ]{0,7})?"
#: The symbol grammar on normalised text (spaces inside symbols already removed).
#: The number opens the pattern with a digit (the character before it is checked
#: after it) so that a scan skips straight from digit to digit.
SYMBOL_RE = re.compile(
    # a numbered series of the Government's resolutions: "66.4/2025/NQ-CP"
    r"(?P<num>\d(?<![\w/.-]\d)\d{0,4}(?:\.\d{1,2}(?=/))?[a-z]?)"
    r"(?:"
    # Party; a Công báo footnote marker may be glued on: "66-NQ/TW1"
    # (a provincial committee's code typed "Tu": "104-CTr/Tu")
    rf"-(?P<ptype>{_CODE})/(?P<piss>[A-ZĐƯ][A-ZĐƯ]{{0,7}}|[TH][uư])(?:\d{{1,2}}(?![\w/]))?"
    r"|/(?:(?P<year>(?:19|20)\d{2})/)?"
    r"(?:(?P<law>(?:UBTV)?QH\d{1,2})"  # a law 77/2015/QH13, a resolution 26/2022/UBTVQH15
    rf"|(?P<stype>{_UNIT_CODE})-(?P<siss>[A-ZĐ][A-Za-zĐđ]{{0,9}}{_AMP}\d{{0,2}})"
    # State or official letter; a joint document names each issuer
    # ("102/2025/NQLT-UBTVQH15-CP-ĐCTUBTWMTTQVN")
    rf"(?:-(?P<unit>[A-ZĐ][A-Za-zĐđ0-9]{{0,14}}{_AMP}"
    rf"(?:-[A-ZĐ][A-Za-zĐđ0-9]{{0,14}}{_AMP}){{0,2}}))?)"
    # a slash written for the dash: "38/CT/TTg", "104/CTr/TU"
    rf"|/(?P<xtype>{_CODE})/(?P<xiss>[A-ZĐ][A-Za-zĐđ]{{0,9}}\d{{0,2}})"
    r")(?![\w/])"
)


def canonical_type_code(code: str) -> str | None:
    """The known type code ``code`` spells, in its canonical case, or None."""
    return _CODE_BY_FOLD.get(code.upper().replace("Đ", "D"))


_CENTRAL_BY_FOLD: dict[str, str] = {c.upper().replace("Đ", "D"): c for c in CENTRAL_STATE_ISSUERS}


def canonical_issuer(code: str) -> str:
    """A State issuer code in its canonical case: ``TTG`` -> ``TTg``.

    A National Assembly term (``QH15``, ``UBTVQH15``) is kept; digits after any other
    code are a footnote marker glued on in Công báo text (``NĐ-CP4``) and are dropped.
    Unknown codes keep their case.
    """
    m = _ROOT_AND_TERM.fullmatch(code)
    if not m:
        return code
    root, term = m.group("root"), m.group("term")
    if not root.upper().endswith("QH"):
        term = ""
    known = _CENTRAL_BY_FOLD.get(root.upper().replace("Đ", "D"))
    return (known or root) + term


def is_party_issuer(code: str) -> bool:
    code = code.upper().replace("Ư", "W")
    return code in PARTY_LOCAL_ISSUERS or code.endswith("TW")


def is_central_issuer(code: str) -> bool:
    """Central Party (…TW) or central State issuer code."""
    first = code.split("-", 1)[0]  # joint documents: the lead issuer
    root = _TERM.sub("", first).replace("Ư", "W")
    return root.endswith("TW") or root in CENTRAL_STATE_ISSUERS


#: Parsed symbols by the groups of their match (a ``Symbol`` is immutable).
_PARSED: dict[tuple[str | Any, ...], Symbol] = {}


def parse_symbol(m: re.Match[str]) -> Symbol:
    """Build a ``Symbol`` from a ``SYMBOL_RE`` match, with the spelling rules applied."""
    groups = m.groups()
    sym = _PARSED.get(groups)
    if sym is None:
        if len(_PARSED) >= 4096:
            _PARSED.clear()
        sym = _PARSED[groups] = _parse_symbol(m)
    return sym


def _parse_symbol(m: re.Match[str]) -> Symbol:
    number = m.group("num")
    if m.group("ptype"):
        code = m.group("ptype")
        sym = Symbol(number, canonical_type_code(code) or code, _party_code(m.group("piss")),
                     "party")  # fmt: skip
    elif m.group("xtype"):  # "38/CT/TTg" is 38/CT-TTg, "104/CTr/TU" is 104-CTr/TU
        code = m.group("xtype")
        sym = Symbol(number, canonical_type_code(code) or code,
                     canonical_issuer(m.group("xiss")), "state")  # fmt: skip
    elif m.group("law"):
        sym = Symbol(number, None, m.group("law"), "law", year=m.group("year") or "")
    else:
        code = m.group("stype")
        known = canonical_type_code(code)
        if known is None and not m.group("year"):
            # Official letter: {number}/{issuing unit}-{drafting unit}
            unit = m.group("siss") + ("-" + m.group("unit") if m.group("unit") else "")
            sym = Symbol(number, None, code, "letter", unit=unit)
        else:
            issuer = canonical_issuer(m.group("siss"))
            issuer += "-" + m.group("unit") if m.group("unit") else ""
            sym = Symbol(number, known or code, issuer, "state", year=m.group("year") or "")
    return party_form(sym)


def _party_code(code: str) -> str:
    return code.upper().replace("Ư", "W") if code.upper() in ("TƯ", "TW") else code.upper()


def party_form(sym: Symbol) -> Symbol:
    """A Party issuer always takes the Party form: ``22/NQ-TW`` -> ``22-NQ/TW``."""
    if sym.family == "state" and not sym.year and is_party_issuer(sym.issuer):
        return replace(sym, family="party", issuer=_party_code(sym.issuer))
    return sym


def type_code_from_word(sym: Symbol, type_word: str | None) -> Symbol:
    """The type code follows the type word next to it when the two are confusable.

    ``Chương trình hành động số 45-CT/TU`` -> ``45-CTr/TU``: the code written
    is a prefix of (or extends) the code of the type word, so the writer
    dropped or added letters; unrelated codes are left alone.
    """
    if not type_word or sym.type_code is None:
        return sym
    wanted = code_of_type_word(type_word)
    if not wanted or wanted == sym.type_code:
        return sym
    a, b = wanted.upper(), sym.type_code.upper()
    if a.startswith(b) or b.startswith(a):
        return replace(sym, type_code=wanted)
    return sym


#: Type codes by the lower-case type word (the first of TYPE_WORDS wins).
_CODE_BY_TYPE_WORD: dict[str, str | None] = {w.lower(): c for w, c in reversed(TYPE_WORDS)}


def code_of_type_word(type_word: str) -> str | None:
    return _CODE_BY_TYPE_WORD.get(type_word.lower())


def type_of_code(code: str | None) -> str | None:
    return TYPE_BY_CODE.get(code) if code else None


def scope_of(sym: Symbol, province: str | None) -> str:
    """``VN`` for a central issuer, else the province (the citing one by default)."""
    if sym.family == "law" or is_central_issuer(sym.issuer):
        return CENTRAL_SCOPE
    return province or ""


def document_key(symbol: str, scope: str, year: str, locality: str | None = None) -> str:
    """``{symbol}|{scope}|{year}`` (gold/README.md), the issuer's locality below the
    province after the scope when it has one (``graph/keys.py``)."""
    return compose_key(symbol, scope, year, locality)


def implied_issuer(sym: Symbol, province: str | None) -> str | None:
    """The issuer a code implies when the text does not name one."""
    root = sym.issuer_root
    if sym.family in ("state", "law") and root in CENTRAL_ISSUER_NAMES:
        return CENTRAL_ISSUER_NAMES[root]
    if sym.family == "law":
        return "Quốc hội"
    if sym.family == "state" and root == "UBND" and province:
        return f"UBND {local_name(province)}"
    return None




def document_family(symbol: str) -> str:
    """``party_central``, ``party_local``, ``government``, ``ministry``, ``province`` or ``other``.

    Decided by the canonical symbol's issuer code: ``22-NQ/TW`` is party_central,
    ``45-CTr/TU`` party_local, ``21/NQ-CP`` government, ``10/2023/TT-BCT``
    ministry, ``590/QĐ-UBND`` province; letters and unknown codes are other.
    """
    m = SYMBOL_RE.fullmatch(symbol.replace(" ", ""))
    if m is None:
        return "other"
    sym = parse_symbol(m)
    if sym.family == "party":
        return "party_central" if is_central_issuer(sym.issuer) else "party_local"
    if sym.family == "law":
        return "ministry"  # Quốc hội and its Standing Committee: central, not the Government
    if sym.family == "state":
        if sym.issuer_root in GOVERNMENT_ISSUERS:
            return "government"
        if is_central_issuer(sym.issuer):
            return "ministry"
        if sym.issuer_root in LOCAL_STATE_ISSUERS:
            return "province"
    return "other"
