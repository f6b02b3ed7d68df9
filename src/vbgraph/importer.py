"""``vbgraph import``: load an export into whichever store is configured.

Reads what ``vbgraph export`` writes -- the ``cypher`` script or the ``csv``
folder -- back into a ``GraphDump`` and writes it with the same batched MERGE
texts ingest uses, so ``vbgraph --store S export --format cypher -o dump.cypher
&& vbgraph --neo4j URI import dump.cypher`` moves a laptop store to a server, and
the store it builds has the same ``stats`` and answers as the one exported.

A Cypher script is not run as Cypher: each ``:param rows => ...`` value is parsed
as a literal and each statement must be one of the texts an export writes, so
importing a file cannot run anything else.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from vbgraph.errors import InputError, StoreError
from vbgraph.export import CSV_FILES, GraphDump, write_steps
from vbgraph.graph.ingest import refresh_summaries
from vbgraph.graph.migrate import CURRENT
from vbgraph.graph.store import GraphStore, Row, prepare_for_writing, write_batched
from vbgraph.models import RELATION_TYPES, ROLE_TYPES
from vbgraph.queries.cypher.corpus import COUNT_DOCUMENTS
from vbgraph.queries.cypher.ingest import (
    MERGE_AGENCIES,
    MERGE_CORPUS_DOCUMENTS,
    MERGE_EDGES,
    MERGE_ISSUED_BY,
    MERGE_ROLES,
    MERGE_STUB_DOCUMENTS,
    MERGE_TASKS,
)
from vbgraph.queries.cypher.schema import SET_STORE_VERSION


@dataclass(frozen=True, slots=True)
class ImportReport:
    documents: int
    agencies: int
    tasks: int
    relationships: int

    def summary(self) -> str:
        return (f"{self.documents} documents, {self.agencies} agencies, {self.tasks} tasks, "
                f"{self.relationships} relationships")


def import_path(store: GraphStore, path: str | Path, merge: bool = False) -> ImportReport:
    """Load the export at ``path`` (a ``.cypher`` file or a CSV folder) into ``store``.

    The store must be empty unless ``merge`` (then the export is merged into it)."""
    data = read_export(Path(path))
    prepare_for_writing(store)
    with store.write_lock():
        if not merge:
            held = sum(int(r["n"]) for r in store.read(COUNT_DOCUMENTS))
            if held:
                raise StoreError(
                    f"the store already holds {held} documents; import into an empty store, "
                    "or pass --merge to merge the export into it"
                )
        for text, rows in write_steps(data):
            write_batched(store, text, rows)
        refresh_summaries(store, sorted({r["doc"] for r in data.tasks}))
        store.write(SET_STORE_VERSION, {"version": CURRENT})
    return ImportReport(len(data.documents), len(data.agencies), len(data.tasks),
                        len(data.doc_edges) + len(data.roles) + len(data.issued_by)
                        + len(data.tasks))


def read_export(path: Path) -> GraphDump:
    """The ``GraphDump`` an export holds; ``InputError`` naming the file when it is not one."""
    if path.is_dir():
        return read_csv_folder(path)
    if not path.is_file():
        raise InputError(f"{path}: no such export (a .cypher file or a CSV folder written by "
                         "`vbgraph export`)")
    return read_cypher(path)


# --------------------------------------------------------------------------
# Cypher script
# --------------------------------------------------------------------------


def _statement_kinds() -> dict[str, Callable[[GraphDump, Row], None]]:
    def corpus(d: GraphDump, r: Row) -> None:
        d.documents.append({"key": r["key"],
                            "props": {**r["props"], "key": r["key"], "in_corpus": True}})

    def stub(d: GraphDump, r: Row) -> None:
        d.documents.append({"key": r["key"],
                            "props": {**r["props"], "key": r["key"], "in_corpus": False}})

    def agency(d: GraphDump, r: Row) -> None:
        d.agencies.append({"key": r["key"], "props": {**r["props"], "key": r["key"]}})

    def task(d: GraphDump, r: Row) -> None:
        d.tasks.append({"key": r["key"], "doc": r["doc"],
                        "props": {**r["props"], "key": r["key"]}})

    def edge(rel_type: str) -> Callable[[GraphDump, Row], None]:
        def add(d: GraphDump, r: Row) -> None:
            d.doc_edges.append({"source": r["source"], "target": r["target"],
                                "relation": rel_type, "props": _props(r, "source", "target")})
        return add

    def role(rel_type: str) -> Callable[[GraphDump, Row], None]:
        def add(d: GraphDump, r: Row) -> None:
            d.roles.append({"agency": r["agency"], "task": r["task"], "role": rel_type,
                            "props": _props(r, "agency", "task")})
        return add

    def issued_by(d: GraphDump, r: Row) -> None:
        d.issued_by.append({"doc": r["doc"], "agency": r["agency"]})

    kinds: dict[str, Callable[[GraphDump, Row], None]] = {
        MERGE_CORPUS_DOCUMENTS.strip(): corpus,
        MERGE_STUB_DOCUMENTS.strip(): stub,
        MERGE_AGENCIES.strip(): agency,
        MERGE_TASKS.strip(): task,
        MERGE_ISSUED_BY.strip(): issued_by,
    }
    for rel_type in RELATION_TYPES.values():
        kinds[MERGE_EDGES[rel_type].strip()] = edge(rel_type)
    for rel_type in ROLE_TYPES.values():
        kinds[MERGE_ROLES[rel_type].strip()] = role(rel_type)
    return kinds


def _props(row: Row, *skip: str) -> Row:
    return {k: v for k, v in row.items() if k not in skip and v is not None}


def read_cypher(path: Path) -> GraphDump:
    """Parse a ``vbgraph export --format cypher`` script."""
    kinds = _statement_kinds()
    data = GraphDump()
    rows: list[Any] | None = None
    statement: list[str] = []
    start = 0
    with path.open(encoding="utf-8") as fh:
        first = fh.readline()
        if not first.startswith("// vbgraph export"):
            raise InputError(f"{path}: not a vbgraph Cypher export (it does not start with "
                             "'// vbgraph export'); write one with `vbgraph export --format "
                             "cypher`")
        for number, line in enumerate(fh, start=2):
            if not statement and line.startswith(":param rows =>"):
                value = parse_literal(line[len(":param rows =>"):], path, number)
                if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
                    raise InputError(f"{path}:{number}: :param rows is not a list of maps")
                rows = value
                continue
            if not statement and not line.strip():
                continue
            if not statement:
                start = number
            statement.append(line)
            if line.rstrip().endswith(";"):
                text = "".join(statement).strip()[:-1].strip()
                statement = []
                add = kinds.get(text)
                if add is None:
                    raise InputError(
                        f"{path}:{start}: not a statement that `vbgraph export` writes; "
                        "vbgraph import loads only its own exports"
                    )
                if rows is None:
                    raise InputError(f"{path}:{start}: a statement without :param rows")
                try:
                    for row in rows:
                        add(data, row)
                except (KeyError, TypeError) as exc:
                    raise InputError(f"{path}:{start}: a row lacks {exc}") from exc
                rows = None
    if statement:
        raise InputError(f"{path}:{start}: the last statement has no closing ';' "
                         "(is the file cut short?)")
    return data


_TOKEN = re.compile(r"""\s*(?:
    (?P<string>"(?:[^"\\]|\\.)*")
  | (?P<number>-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)
  | (?P<word>[A-Za-z_][A-Za-z0-9_]*)
  | (?P<quoted>`(?:[^`]|``)*`)
  | (?P<punct>[{}\[\]:,])
)""", re.VERBOSE)


def parse_literal(text: str, path: Path | str = "<text>", line: int = 0) -> Any:
    """A Cypher literal as ``export.cypher_literal`` writes it (maps, lists, "strings",
    numbers, true/false/null)."""
    tokens: list[tuple[str, str]] = []
    pos = 0
    end = len(text.rstrip())
    while pos < end:
        m = _TOKEN.match(text, pos)
        if m is None or m.end() == pos:
            raise InputError(f"{path}:{line}: cannot read the value at column {pos + 1}")
        kind = m.lastgroup or ""
        tokens.append((kind, m.group(kind)))
        pos = m.end()
    parser = _Parser(tokens, f"{path}:{line}")
    value = parser.value()
    if parser.i != len(tokens):
        raise InputError(f"{path}:{line}: unexpected {tokens[parser.i][1]!r} after the value")
    return value


class _Parser:
    def __init__(self, tokens: list[tuple[str, str]], where: str) -> None:
        self.tokens = tokens
        self.i = 0
        self.where = where

    def _next(self) -> tuple[str, str]:
        if self.i >= len(self.tokens):
            raise InputError(f"{self.where}: the value is cut short")
        tok = self.tokens[self.i]
        self.i += 1
        return tok

    def _expect(self, text: str) -> None:
        kind, got = self._next()
        if kind != "punct" or got != text:
            raise InputError(f"{self.where}: expected {text!r}, found {got!r}")

    def _peek(self, text: str) -> bool:
        return self.i < len(self.tokens) and self.tokens[self.i] == ("punct", text)

    def value(self) -> Any:
        kind, text = self._next()
        if kind == "string":
            return json.loads(text)
        if kind == "number":
            return float(text) if any(c in text for c in ".eE") else int(text)
        if kind == "word":
            words = {"true": True, "false": False, "null": None}
            if text.lower() in words:
                return words[text.lower()]
            raise InputError(f"{self.where}: unexpected word {text!r}")
        if text == "[":
            items: list[Any] = []
            if self._peek("]"):
                self.i += 1
                return items
            while True:
                items.append(self.value())
                if self._peek(","):
                    self.i += 1
                    continue
                self._expect("]")
                return items
        if text == "{":
            out: dict[str, Any] = {}
            if self._peek("}"):
                self.i += 1
                return out
            while True:
                kind, key = self._next()
                if kind == "quoted":
                    key = key[1:-1].replace("``", "`")
                elif kind != "word":
                    raise InputError(f"{self.where}: expected a map key, found {key!r}")
                self._expect(":")
                out[key] = self.value()
                if self._peek(","):
                    self.i += 1
                    continue
                self._expect("}")
                return out
        raise InputError(f"{self.where}: unexpected {text!r}")


# --------------------------------------------------------------------------
# CSV folder
# --------------------------------------------------------------------------

_CONVERT: dict[str, Callable[[str], Any]] = {
    "": str,
    "string": str,
    "boolean": lambda v: v.lower() == "true",
    "long": int,
    "int": int,
    "double": float,
    "float": float,
}


def _read_csv(path: Path) -> tuple[list[str], list[list[str | None]]]:
    if not path.is_file():
        raise InputError(f"{path}: missing from the CSV export (it has {', '.join(CSV_FILES)})")
    records = parse_csv(path.read_text(encoding="utf-8"), path)
    if not records:
        raise InputError(f"{path}: empty file (no header line)")
    return [h or "" for h in records[0]], records[1:]


def parse_csv(text: str, path: Path | str = "<text>") -> list[list[str | None]]:
    """RFC 4180 records, where an unquoted empty field is ``None`` and a quoted one ``""``
    (neo4j-admin's null and empty string; Python's csv reader cannot tell them apart)."""
    records: list[list[str | None]] = []
    record: list[str | None] = []
    i, n = 0, len(text)
    while i < n:
        if text[i] == '"':
            parts, j = [], i + 1
            while True:
                end = text.find('"', j)
                if end < 0:
                    raise InputError(f"{path}: a quoted field is not closed (record "
                                     f"{len(records) + 1})")
                parts.append(text[j:end])
                if text.startswith('""', end):
                    parts.append('"')
                    j = end + 2
                else:
                    break
            value: str | None = "".join(parts)
            i = end + 1
        else:
            j = i
            while j < n and text[j] not in ",\r\n":
                j += 1
            value = text[i:j] or None
            i = j
        record.append(value)
        if i < n and text[i] == ",":
            i += 1
            if i == n:  # a last field, empty, at the very end
                record.append(None)
            continue
        if text.startswith("\r\n", i):
            i += 2
        elif i < n and text[i] in "\r\n":
            i += 1
        elif i < n:
            raise InputError(f"{path}: unexpected {text[i]!r} after a quoted field (record "
                             f"{len(records) + 1})")
        records.append(record)
        record = []
    if record:
        records.append(record)
    return records


def _csv_rows(path: Path) -> list[dict[str, Any]]:
    """Rows of one export file: ``key``/``start``/``end``/``type`` from the ID, START_ID,
    END_ID and TYPE columns, every other column a property in ``props`` (nulls left out)."""
    header, lines = _read_csv(path)
    columns: list[tuple[str, str, Callable[[str], Any]]] = []
    for h in header:
        name, _, kind = h.partition(":")
        role = ""
        if kind.startswith("ID("):
            role = "key"
        elif kind.startswith("START_ID("):
            role = "start"
        elif kind.startswith("END_ID("):
            role = "end"
        elif kind in ("TYPE", "LABEL"):
            role = kind.lower()
        elif kind not in _CONVERT:
            raise InputError(f"{path}: column {h!r} has a type vbgraph does not write")
        columns.append((role, name, _CONVERT.get(kind, str)))
    out = []
    for number, values in enumerate(lines, start=2):
        if len(values) != len(columns):
            raise InputError(f"{path}:{number}: {len(values)} fields, the header has "
                             f"{len(columns)}")
        row: dict[str, Any] = {"props": {}}
        for (role, name, convert), value in zip(columns, values, strict=True):
            if role == "label":
                continue
            if role:
                row[role] = value
            elif value is not None:
                try:
                    row["props"][name] = convert(value)
                except ValueError as exc:
                    raise InputError(f"{path}:{number}: {name}: {exc}") from exc
        out.append(row)
    return out


def read_csv_folder(folder: Path) -> GraphDump:
    """Parse a ``vbgraph export --format csv`` folder."""
    data = GraphDump()
    for r in _csv_rows(folder / "documents.csv"):
        data.documents.append({"key": r["key"], "props": {**r["props"], "key": r["key"]}})
    for r in _csv_rows(folder / "agencies.csv"):
        data.agencies.append({"key": r["key"], "props": {**r["props"], "key": r["key"]}})
    doc_of = {r["end"]: r["start"] for r in _csv_rows(folder / "has_task.csv")}
    for r in _csv_rows(folder / "tasks.csv"):
        if r["key"] not in doc_of:
            raise InputError(f"{folder / 'tasks.csv'}: task {r['key']!r} has no document in "
                             "has_task.csv")
        data.tasks.append({"key": r["key"], "doc": doc_of[r["key"]],
                           "props": {**r["props"], "key": r["key"]}})
    for r in _csv_rows(folder / "document_edges.csv"):
        data.doc_edges.append({"source": r["start"], "target": r["end"], "relation": r["type"],
                               "props": r["props"]})
    for r in _csv_rows(folder / "roles.csv"):
        data.roles.append({"agency": r["start"], "task": r["end"], "role": r["type"],
                           "props": r["props"]})
    for r in _csv_rows(folder / "issued_by.csv"):
        data.issued_by.append({"doc": r["start"], "agency": r["end"]})
    unknown = ({r["relation"] for r in data.doc_edges} - set(RELATION_TYPES.values())) | \
        ({r["role"] for r in data.roles} - set(ROLE_TYPES.values()))
    if unknown:
        raise InputError(f"{folder}: unknown relationship types {sorted(unknown)}")
    return data
