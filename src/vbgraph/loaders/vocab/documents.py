"""Document type words and codes, Party and central issuer codes (``documents.toml``)."""

from __future__ import annotations

from vbgraph.loaders.vocab.files import load

_DATA = load("documents.toml")

#: Document type words and their type code (None: the type has no code of its own),
#: a longer word before a word it starts with.
TYPE_WORDS: tuple[tuple[str, str | None], ...] = tuple(
    (row["word"], row.get("code")) for row in _DATA["type"]
)
_TYPE_WORD_BY_FOLD: dict[str, str] = {w.lower(): w for w, _ in reversed(TYPE_WORDS)}


def canonical_type_word(raw: str) -> str | None:
    """The type word ``raw`` writes, in any case and spacing ("QUYẾT ĐỊNH", "Quyết  định")."""
    return _TYPE_WORD_BY_FOLD.get(" ".join(raw.split()).lower())


#: The type word each type code names.
TYPE_BY_CODE: dict[str, str] = {
    code: word for word, code in reversed(TYPE_WORDS) if code
} | _DATA["code_types"]

_ISSUERS = _DATA["issuers"]
#: Party issuer codes of provincial and lower committees (any code ending in TW is central).
PARTY_LOCAL_ISSUERS: frozenset[str] = frozenset(_ISSUERS["party_local"])
#: Central State issuer codes: Government, ministries, National Assembly, courts ...
CENTRAL_STATE_ISSUERS: frozenset[str] = frozenset(_ISSUERS["central_state"])
#: The issuer a central code implies when the text names none.
CENTRAL_ISSUER_NAMES: dict[str, str] = dict(_ISSUERS["names"])
#: Issuer families, for views and summaries.
GOVERNMENT_ISSUERS: frozenset[str] = frozenset(_ISSUERS["government"])
LOCAL_STATE_ISSUERS: frozenset[str] = frozenset(_ISSUERS["local_state"])

#: Words that name a document without a number, longest first, with the type each names.
NAMED_WORDS: tuple[tuple[str, str], ...] = tuple(
    (row["word"], row.get("type", row["word"])) for row in _DATA["named"]
)

#: A portal's field labels above a document's text, by field (symbol, type, issuer, date).
PORTAL_FIELDS: dict[str, tuple[str, ...]] = {
    name: tuple(labels) for name, labels in _DATA["portal_fields"].items()
}
