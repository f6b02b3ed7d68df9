"""The types that pass between the extraction package's modules.

What crosses stage boundaries (``SourceDocument``, ``NormalizedText``,
``Extraction`` and its parts) lives in :mod:`vbgraph.models`; this module holds
what the extraction's own modules hand each other: a reader's decoded text,
vocabulary entries, the mentions the finders return (symbols, dates, deadlines,
agencies, document references, items, table cells) and the references stage's
result.  Offsets (``start``/``end``) index the text the finder was given (the
normalised text) unless a docstring says otherwise.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from vbgraph.fast_init import fast_init
from vbgraph.models import DocEdge, DocInfo, UnnumberedRef

# --------------------------------------------------------------------------- formats


@dataclass(frozen=True, slots=True)
class DecodedText:
    """Text decoded from bytes, the encoding used, and anything worth a warning."""

    text: str
    encoding: str
    warnings: tuple[str, ...] = ()


# --------------------------------------------------------------------------- vocabulary


@dataclass(frozen=True, slots=True)
class AgencyEntry:
    """One agency of the gazetteer (``vocab/agencies.toml`` explains the fields)."""

    name: str
    aliases: tuple[str, ...] = ()
    level: str = "local"  # "local" | "central"
    collective: bool = False
    provinces: tuple[str, ...] = ()  # empty: every province
    kind: str = "state"  # state | party | front | mass | press | bank | military | collective
    cased: bool = False  # every form must start with a capital letter in the text


# --------------------------------------------------------------------------- symbols, dates

#: A National Assembly term at the end of an issuer code: ``QH15``.
_TERM = re.compile(r"\d+$")


@dataclass(frozen=True, slots=True)
class Symbol:
    """A parsed document symbol (*số, ký hiệu*).

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


@fast_init
@dataclass(frozen=True, slots=True)
class DateMatch:
    """A date found in text: ``[start, end)`` and its ISO form."""

    start: int
    end: int
    iso: str

    @property
    def year(self) -> str:
        return self.iso[:4]


@fast_init
@dataclass(frozen=True, slots=True)
class Deadline:
    """A deadline in a text: ISO ``date`` or ``recurring`` (or both), and its span."""

    date: str | None
    recurring: str | None
    raw: str
    start: int
    end: int


# --------------------------------------------------------------------------- agencies


@fast_init
@dataclass(frozen=True, slots=True)
class Agency:
    """A canonical agency, scoped: local agencies carry their province."""

    name: str
    province: str | None
    collective: bool = False
    level: str = "local"
    kind: str = "state"

    @property
    def key(self) -> str:
        return f"{self.name}|{self.province or 'VN'}"


@fast_init
@dataclass(frozen=True, slots=True)
class AgencyMention:
    """An agency named in a text; ``start``/``end`` index that text."""

    agency: Agency
    start: int
    end: int
    text: str


# --------------------------------------------------------------------------- documents


@dataclass(slots=True)
class DocMention:
    """One mention of a numbered document in the normalised text.

    Mutable while the references stage completes it (type word, date, issuer,
    a repaired Party issuer code).
    """

    start: int  # start of the type word if there is one, else of the symbol
    sym_start: int
    end: int  # end of the symbol
    symbol: Symbol
    type_word: str | None = None
    date: str | None = None
    issuer: str | None = None
    tail: int = 0  # end of the date and issuer that follow the symbol
    short: bool = False
    province: str | None = None

    @property
    def text(self) -> str:
        return self.symbol.text


@dataclass(frozen=True, slots=True)
class References:
    """What the references stage returns: the subject completed, the documents it
    mentions, the edges between them and the name-only references."""

    subject: DocInfo
    documents: tuple[DocInfo, ...] = ()
    edges: tuple[DocEdge, ...] = ()
    unnumbered: tuple[UnnumberedRef, ...] = ()


# --------------------------------------------------------------------------- structure


@fast_init
@dataclass(frozen=True, slots=True)
class Item:
    """One numbered item of a document's body; offsets index the text parsed."""

    id: str
    kind: str
    label: str  # the marker's number or letter ("III", "2", "3.1", "a", "-")
    start: int  # start of the marker
    body: int  # first character after the marker
    end: int  # end of the item, children included
    own_end: int  # end of the item's own text (start of its first child)
    parent: int | None  # index of the parent item in the list
    depth: int


@fast_init
@dataclass(frozen=True, slots=True)
class Cell:
    """One table cell's text and span."""

    text: str
    start: int
    end: int


@fast_init
@dataclass(frozen=True, slots=True)
class Row:
    """One numbered row of a task table; agency cells are still text."""

    id: str
    start: int
    end: int
    content: tuple[Cell, ...] = ()
    lead: tuple[Cell, ...] = ()
    coordinate: tuple[Cell, ...] = ()
    deadline: Cell | None = None
    notes: tuple[Cell, ...] = ()

    @property
    def is_group(self) -> bool:
        """A section row (``1``, ``II``) rather than a task row (``1.1``)."""
        return "." not in self.id


@dataclass(frozen=True, slots=True)
class Table:
    """A task table: its span, layout (``flattened`` | ``pipe``), column roles and rows."""

    start: int
    end: int
    layout: str
    columns: tuple[str, ...]
    rows: tuple[Row, ...] = field(default=())
