"""Document keys: ``symbol|place|year``, where the place says who the number belongs to.

A local number (``01/KH-UBND``) restarts for every issuing body and year, so the key
must name the issuer's locality.  ``place`` is the scope (``VN`` for central bodies,
else the province), then, for an issuer below the province (huyện, thị xã, thành
phố thuộc tỉnh, xã, phường), ``/`` and that locality:
``01/KH-UBND|Hà Nội/huyện Gia Lâm|2024``.  The extraction fills the locality in when it
reads one (``compose_key``); until then such keys end at the province.

Two different texts that still end up with the same key (a number misread, a
locality not recognised) are never merged: the second is stored under a *variant*
of the key, ``#`` and the first 8 hex digits of its file's SHA-256 after the place
(``01/KH-UBND|Hà Nội#3f2a9c1b|2024``), and the ingest reports the collision
(issue 15, finding 3).  A variant names a file, not a place, so a reference never
resolves to one by itself: it counts as a candidate of its base key, which makes the
reference ambiguous rather than wrong.
"""

from __future__ import annotations

from dataclasses import dataclass

LOCALITY_SEP = "/"
VARIANT_MARK = "#"
VARIANT_LENGTH = 8


@dataclass(frozen=True, slots=True)
class KeyParts:
    symbol: str
    scope: str  # "VN", a province, or "" when unknown
    locality: str | None  # below the province, when the issuer is there
    variant: str | None  # set only on a key given to a colliding different text
    year: str

    @property
    def place(self) -> str:
        """Scope and locality, without the variant: where the number belongs."""
        return self.scope if not self.locality else f"{self.scope}{LOCALITY_SEP}{self.locality}"


def compose_key(symbol: str, scope: str, year: str, locality: str | None = None,
                variant: str | None = None) -> str:
    place = scope if not locality else f"{scope}{LOCALITY_SEP}{locality}"
    if variant:
        place += f"{VARIANT_MARK}{variant}"
    return f"{symbol}|{place}|{year}"


def parse_key(key: str) -> KeyParts:
    symbol, place, year = [*key.split("|", 2), "", ""][:3]
    place, _, variant = place.partition(VARIANT_MARK)
    scope, _, locality = place.partition(LOCALITY_SEP)
    return KeyParts(symbol, scope, locality or None, variant or None, year)


def base_key(key: str) -> str:
    """``key`` without its variant."""
    parts = parse_key(key)
    return compose_key(parts.symbol, parts.scope, parts.year, parts.locality)


def variant_key(key: str, sha256: str) -> str:
    """The key for a different text that collides on ``key`` (stable for the same file)."""
    parts = parse_key(key)
    return compose_key(parts.symbol, parts.scope, parts.year, parts.locality,
                       sha256[:VARIANT_LENGTH] or "x")
