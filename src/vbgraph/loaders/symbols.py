"""Document symbols (*số, ký hiệu*): grammar, canonical form, scope and key.

One function per normalisation rule (gold/README.md, "Document keys"):

* ``canonical_type_code`` -- a type code in its one spelling (``CTR`` -> ``CTr``);
* ``type_code_from_word`` -- the type code follows the type word next to it
  (``Chương trình hành động số 45-CT/TU`` is ``45-CTr/TU``);
* ``party_form`` -- a Party issuer always takes the Party form
  (``22/NQ-TW`` is ``22-NQ/TW``);
* ``scope_of`` -- ``VN`` for central issuers, the province for local ones;
* ``document_key`` -- ``{symbol}|{scope}|{year}``.

The tables below are the one place that knows type words, type codes, Party
issuer codes and central issuer codes.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import Any

from vbgraph.loaders.provinces import local_name

#: Document type words and their type code (None: the type has no code of its
#: own in the symbol, e.g. a Công văn's symbol is ``{number}/{unit}``).
#: Longer words first where one is a prefix of another.
TYPE_WORDS: tuple[tuple[str, str | None], ...] = (
    ("Chương trình hành động", "CTr"),
    ("Chương trình", "CTr"),
    ("Nghị quyết liên tịch", "NQLT"),
    ("Nghị quyết", "NQ"),
    ("Nghị định", "NĐ"),
    ("Chỉ thị", "CT"),
    ("Kết luận", "KL"),
    ("Kế hoạch", "KH"),
    ("Quyết định", "QĐ"),
    ("Quy định", "QĐi"),
    ("Thông tư liên tịch", "TTLT"),
    ("Thông tư", "TT"),
    ("Thông báo", "TB"),
    ("Thông tri", "TTr"),
    ("Báo cáo", "BC"),
    ("Hướng dẫn", "HD"),
    ("Quy chế", "QC"),
    ("Đề án", "ĐA"),
    ("Tờ trình", "TTr"),
    ("Công điện", "CĐ"),
    ("Công văn", None),
    ("Văn bản", None),
    ("Luật", None),
    ("Pháp lệnh", None),
)
#: The characters ``re.IGNORECASE`` takes for a letter besides its lower and upper case.
_CASE_EXTRA: dict[str, str] = {"i": "\u0130\u0131", "k": "\u212a", "s": "\u017f"}


def case_variants(letter: str) -> str:
    """Every character ``re.IGNORECASE`` matches for the letter ``letter``."""
    low = letter.lower()
    return low + low.upper() + _CASE_EXTRA.get(low, "")


def initial_alternation(words: Iterable[str], guard: str = "") -> str:
    """The case-insensitive alternation of ``words`` (spaces as ``\\s+``), opening with a set.

    A pattern that opens with a character set and has no IGNORECASE flag of
    its own lets ``re`` skip in C to the next possible first letter instead of
    trying the pattern at every position.  The set holds every case of the
    first letters; a lookbehind on the letter just read then picks the words
    that begin with it, matched case-insensitively in their order (words of
    different groups cannot match at the same place), so the match is the
    one of the plain ``(?i:w1|w2|...)``.  ``guard`` is put right after the
    first letter: a lookbehind for the character before a word must be one
    character wider there, ``(?<![\\w/].)``.
    """
    groups: dict[str, list[str]] = {}
    for w in words:
        groups.setdefault(w[0].lower(), []).append(w)
    branches = []
    for first, ws in groups.items():
        rest = "|".join(re.escape(w[1:]).replace(r"\ ", r"\s+") for w in ws)
        branches.append(f"(?<=[{case_variants(first)}])(?i:{rest})")
    initials = "".join(case_variants(first) for first in groups)
    return f"[{initials}]{guard}(?:{'|'.join(branches)})"


#: Type codes whose type word is not given by TYPE_WORDS' first entry.
_CODE_TYPE: dict[str, str] = {"CTr": "Chương trình hành động", "QĐi": "Quy định"}
TYPE_BY_CODE: dict[str, str] = {
    code: word for word, code in reversed(TYPE_WORDS) if code
} | _CODE_TYPE
_CODE_BY_FOLD: dict[str, str] = {c.upper().replace("Đ", "D"): c for c in TYPE_BY_CODE}

#: Party issuer codes (provincial and lower committees); any code ending in
#: TW is a central Party body (TW, BTGTW, VPTW, UBKTTW ...).
PARTY_LOCAL_ISSUERS: frozenset[str] = frozenset(
    {"TU", "HU", "QU", "TXU", "TPU", "ĐU", "ĐUK", "BCSĐ", "ĐĐ"}
)
#: Central State issuers: Government, Prime Minister, National Assembly and its
#: Standing Committee, President, ministries and ministry-level bodies,
#: supreme court and procuracy, State audit.
CENTRAL_STATE_ISSUERS: frozenset[str] = frozenset(
    {
        "CP", "TTg", "QH", "UBTVQH", "CTN", "VPCP", "BNG", "BTC", "BKHĐT", "BCT",
        "BGDĐT", "BYT", "BTNMT", "BNV", "BTP", "BCA", "BQP", "BLĐTBXH", "BXD",
        "BGTVT", "BVHTTDL", "BTTTT", "BNNPTNT", "BKHCN", "BDTTG", "NHNN", "TTCP",
        "UBDT", "KTNN", "TANDTC", "VKSNDTC", "HĐTP", "BNN", "MTTW",
    }
)  # fmt: skip
#: Names of issuers implied by a central code when the text names none.
CENTRAL_ISSUER_NAMES: dict[str, str] = {
    "CP": "Chính phủ",
    "TTg": "Thủ tướng Chính phủ",
    "QH": "Quốc hội",
    "UBTVQH": "Ủy ban Thường vụ Quốc hội",
    "CTN": "Chủ tịch nước",
    "NHNN": "Ngân hàng Nhà nước Việt Nam",
}

CENTRAL_SCOPE = "VN"
#: A National Assembly term at the end of an issuer code: ``QH15``.
_TERM = re.compile(r"\d+$")
_ROOT_AND_TERM = re.compile(r"(?P<root>\D+)(?P<term>\d*)")


@dataclass(frozen=True, slots=True)
class Symbol:
    """A parsed document symbol.

    ``family``: ``party`` (``22-NQ/TW``), ``state`` (``590/QĐ-UBND``,
    ``36/2016/QĐ-UBND``), ``letter`` (``124/SNgV-HTQT``) or ``law``
    (``77/2015/QH13``).
    """

    number: str
    type_code: str | None
    issuer: str
    family: str
    year: str = ""
    unit: str = ""

    @property
    def text(self) -> str:
        """The canonical symbol."""
        if self.family == "party":
            return f"{self.number}-{self.type_code}/{self.issuer}"
        if self.family == "law":
            return f"{self.number}/{self.year}/{self.issuer}"
        if self.family == "letter":
            unit = f"-{self.unit}" if self.unit else ""
            return f"{self.number}/{self.issuer}{unit}"
        year = f"{self.year}/" if self.year else ""
        return f"{self.number}/{year}{self.type_code}-{self.issuer}"

    @property
    def issuer_root(self) -> str:
        """The issuing body's code without a National Assembly term (UBTVQH13 -> UBTVQH)."""
        return _TERM.sub("", self.issuer)


_CODE = r"[A-ZĐƯ][A-Za-zĐđƯư]{0,5}"
#: A State type code or an official letter's issuing unit: units run longer
#: than type codes (``SNNPTNT``, ``SLĐTBXH``, ``VPUBND``).
_UNIT_CODE = r"[A-ZĐƯ][A-Za-zĐđƯư]{0,7}"
#: The symbol grammar on normalised text (spaces inside symbols already removed).
#: The number opens the pattern with a digit (the character before it is checked
#: after it) so that a scan skips straight from digit to digit.
SYMBOL_RE = re.compile(
    r"(?P<num>\d(?<![\w/.-]\d)\d{0,4}[a-z]?)"
    r"(?:"
    rf"-(?P<ptype>{_CODE})/(?P<piss>[A-ZĐƯ][A-ZĐƯ]{{0,7}})"  # Party
    r"|/(?:(?P<year>(?:19|20)\d{2})/)?"
    r"(?:(?P<law>(?:UBTV)?QH\d{1,2})"  # a law 77/2015/QH13, a resolution 26/2022/UBTVQH15
    rf"|(?P<stype>{_UNIT_CODE})-(?P<siss>[A-ZĐ][A-Za-zĐđ]{{0,9}}\d{{0,2}})"
    rf"(?:-(?P<unit>[A-ZĐ][A-Za-zĐđ0-9]{{0,9}}))?)"  # State or official letter
    r")(?![\w/])"
)


def canonical_type_code(code: str) -> str | None:
    """The known type code ``code`` spells, in its canonical case, or None."""
    return _CODE_BY_FOLD.get(code.upper().replace("Đ", "D"))


_CENTRAL_BY_FOLD: dict[str, str] = {c.upper().replace("Đ", "D"): c for c in CENTRAL_STATE_ISSUERS}


def canonical_issuer(code: str) -> str:
    """A central State issuer code in its canonical case: ``TTG`` -> ``TTg``.

    A National Assembly term (``QH15``) is kept; unknown codes are left alone.
    """
    m = _ROOT_AND_TERM.fullmatch(code)
    if not m:
        return code
    known = _CENTRAL_BY_FOLD.get(m.group("root").upper().replace("Đ", "D"))
    return known + m.group("term") if known else code


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


def document_key(symbol: str, scope: str, year: str) -> str:
    """``{symbol}|{scope}|{year}`` (gold/README.md)."""
    return f"{symbol}|{scope}|{year}"


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


#: Issuing bodies by family, for views and summaries (the issuer code decides).
GOVERNMENT_ISSUERS = frozenset({"CP", "TTg"})
LOCAL_STATE_ISSUERS = frozenset({"UBND", "HĐND"})


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
