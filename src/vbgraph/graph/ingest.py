"""Store extractions: idempotent, and a changed file replaces its old extraction."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

from vbgraph.graph.file_records import file_hash
from vbgraph.graph.keys import base_key, parse_key, variant_key
from vbgraph.graph.resolve import Candidates, GraphRows, resolve
from vbgraph.graph.store import BATCH_SIZE, GraphStore, write_batched
from vbgraph.lookup import fold_symbol
from vbgraph.models import Extraction
from vbgraph.queries.cypher.documents import FIND_DOCUMENTS
from vbgraph.queries.cypher.ingest import (
    CORPUS_BY_LOOKUP,
    CORPUS_KEY_SOURCES,
    DOCUMENTS_FROM_SOURCES,
    MERGE_AGENCIES,
    MERGE_CORPUS_DOCUMENTS,
    MERGE_EDGES,
    MERGE_ISSUED_BY,
    MERGE_ROLES,
    MERGE_STUB_DOCUMENTS,
    MERGE_TASKS,
    REFRESH_ASSIGNMENT_SUMMARIES,
    SET_CHECKSUMS,
)
from vbgraph.queries.cypher.replace import (
    AGENCIES_OF_DOCUMENTS,
    ASSERTED_EDGE_ENDS,
    DELETE_EDGES_ASSERTED_BY,
    DELETE_ISSUED_BY_OF_DOCUMENTS,
    DELETE_ORPHAN_AGENCIES,
    DELETE_ORPHAN_AGENCIES_AMONG,
    DELETE_ORPHAN_STUBS,
    DELETE_ORPHAN_STUBS_AMONG,
    DELETE_SUMMARIES_OF_DOCUMENTS,
    DELETE_TASKS_OF_DOCUMENTS,
    DEMOTE_DOCUMENTS,
)


@dataclass(frozen=True, slots=True)
class StoreOutcome:
    """What storing one extraction did: ``added``, ``replaced``, ``unchanged``,
    ``duplicate`` (the same document is already stored from ``other``, another file, and
    is kept) or ``collision`` (a different document from ``other`` holds the key: this one
    is stored under the variant ``key``, see ``graph/keys.py``)."""

    key: str
    status: str
    other: str = ""
    collides_with: str = ""  # for a collision: the key the other document holds


#: Given the files of two extractions with one key: do they hold the same document?
SameDocument = Callable[[str, str], bool]


def same_bytes(path: str, other: str) -> bool:
    """The default judge: the two files are byte for byte the same."""
    try:
        return file_hash(Path(path)) == file_hash(Path(other))
    except OSError:
        return False


def store_extraction(store: GraphStore, extraction: Extraction,
                     same: SameDocument | None = None) -> StoreOutcome:
    """Write one extraction; a document already stored from the same bytes is left as is."""
    return store_extractions(store, [extraction], same)[0]


@dataclass(slots=True)
class _Placed:
    extraction: Extraction  # rekeyed when it collided
    outcome: StoreOutcome | None = None  # decided already (duplicate) or set when stored
    collision: tuple[str, str] | None = None  # (the other file, the key it holds)


def store_extractions(store: GraphStore, extractions: list[Extraction],
                      same: SameDocument | None = None) -> list[StoreOutcome]:
    """Write several extractions; documents new to the store go in one batched write.

    First each extraction is placed: a key held by another file's document is a
    duplicate when ``same`` (default: identical bytes) says the files hold the same
    document, else a collision and this one gets a variant key; a file that stored its
    document under another key before has that one forgotten (its number was fixed).
    Documents already stored then take the one-at-a-time path (unchanged or replaced).
    """
    placed = _place(store, extractions, same or same_bytes)
    todo = [p for p in placed if p.outcome is None]
    forget_renumbered(store, [p.extraction for p in todo])
    keys = sorted({p.extraction.document.key for p in todo})
    stored = {r["key"]: r.get("sha256")
              for r in store.read(CORPUS_KEY_SOURCES, {"keys": keys})}
    writing: list[_Placed] = []
    replaced: list[str] = []
    for p in todo:
        ex = p.extraction
        key = ex.document.key
        if key not in stored:
            p.outcome = StoreOutcome(key, "added")
        elif ex.sha256 and stored[key] == ex.sha256:
            p.outcome = StoreOutcome(key, "unchanged")
            continue
        else:  # a changed file: what its old version stated goes first
            p.outcome = StoreOutcome(key, "replaced")
            replaced.append(key)
        writing.append(p)
    garbage = forget_assertions(store, replaced) if replaced else None
    if writing:
        candidates = _candidates(store, {p.extraction.document.key for p in writing})
        rows = GraphRows()
        for p in writing:
            rows.extend(resolve(p.extraction, candidates))
        write_rows(store, rows)
    if garbage is not None:  # after the new rows: what they cite again is not garbage
        collect_garbage(store, garbage)
    out = []
    for p in placed:
        assert p.outcome is not None
        if p.collision is not None and p.outcome.status != "unchanged":
            other, held = p.collision
            out.append(StoreOutcome(p.outcome.key, "collision", other, held))
        else:
            out.append(p.outcome)
    return out


def _place(store: GraphStore, extractions: list[Extraction],
           same: SameDocument) -> list[_Placed]:
    """Decide each extraction's key: its own, the variant its file had before, or a new
    variant when a different document holds its key; or none (a duplicate)."""
    keys = sorted({ex.document.key for ex in extractions})
    holders = {r["key"]: r for r in store.read(CORPUS_KEY_SOURCES, {"keys": keys})}
    sources = sorted({ex.path for ex in extractions if ex.path})
    before: dict[str, set[str]] = {}
    for r in store.read(DOCUMENTS_FROM_SOURCES, {"sources": sources}):
        before.setdefault(r["source"], set()).add(r["key"])
    claimed: dict[str, str] = {}  # key -> the file of this batch that takes it
    placed = []
    for ex in extractions:
        key, path = ex.document.key, ex.path
        earlier = [k for k in before.get(path, ()) if k != key and base_key(k) == key]
        if earlier:  # this file collided before: it keeps its variant key
            placed.append(_Placed(rekey(ex, earlier[0]), collision=("", key)))
            claimed.setdefault(earlier[0], path)
            continue
        other = claimed.get(key)
        if other is None and key in holders:
            source = holders[key].get("source") or ""
            if source and source != path and Path(source).exists():
                other = source
        if other is None or other == path:
            claimed[key] = path
            placed.append(_Placed(ex))
            continue
        # The key is another file's: the same document in that file or in a file that
        # collided on it before, or a new variant.
        family = [other, *_variant_sources(store, key, claimed, path)]
        twin = next((f for f in family if path and same(path, f)), None)
        if twin is not None:
            placed.append(_Placed(ex, StoreOutcome(key, "duplicate", twin)))
        else:
            new_key = variant_key(key, ex.sha256 or hashlib.sha256(path.encode()).hexdigest())
            claimed[new_key] = path
            placed.append(_Placed(rekey(ex, new_key), collision=(other, key)))
    return placed


def _variant_sources(store: GraphStore, key: str, claimed: dict[str, str],
                     path: str) -> list[str]:
    """The files of ``key``'s variants: stored (and still there) or claimed in this batch."""
    rows = store.read(CORPUS_BY_LOOKUP, {"lookup": fold_symbol(parse_key(key).symbol)})
    found = [r["source"] for r in rows if r["key"] != key and base_key(r["key"]) == key
             and r.get("source") and r["source"] != path and Path(r["source"]).exists()]
    found += [f for k, f in claimed.items() if k != key and base_key(k) == key and f != path]
    return list(dict.fromkeys(found))


def rekey(extraction: Extraction, new_key: str) -> Extraction:
    """``extraction`` as the document ``new_key``: what it states about itself moves with
    it; its references to the old key still point at the document holding that key."""
    old = extraction.document.key

    def move(k: str) -> str:
        return new_key if k == old else k

    edges = tuple(replace(e, source=move(e.source), asserted_by=move(e.asserted_by))
                  for e in extraction.edges)
    return replace(extraction, document=replace(extraction.document, key=new_key),
                   edges=edges)


def forget_renumbered(store: GraphStore, extractions: list[Extraction]) -> None:
    """Forget what these files stored earlier under another key (their number or date
    was fixed since): one read for the whole batch."""
    want = {ex.path: ex.document.key for ex in extractions if ex.path}
    rows = store.read(DOCUMENTS_FROM_SOURCES, {"sources": sorted(want)})
    stale = sorted({row["key"] for row in rows if row["key"] != want[row["source"]]})
    if stale:
        forget_documents(store, stale)


def _candidates(store: GraphStore, pending: set[str]) -> Candidates:
    """Stored documents (and ``pending`` keys about to be) fitting a year-less reference."""

    stored: dict[str, list[str]] = {}  # one read per symbol in a batch

    def candidates(symbol: str, place: str) -> list[str]:
        """Keys of ``symbol`` at ``place`` (scope and locality; variants count as theirs)."""
        lookup = fold_symbol(symbol)
        if lookup not in stored:
            rows = store.read(FIND_DOCUMENTS, {"lookup": lookup, "key": ""})
            stored[lookup] = [r["key"] for r in rows]
        found = [k for k in stored[lookup] if parse_key(k).place == place]
        return found + sorted(k for k in pending if k not in found
                              and parse_key(k).symbol == symbol
                              and parse_key(k).place == place)

    return candidates


def write_rows(store: GraphStore, rows: GraphRows) -> None:
    """Write resolved rows, nodes before the relationships that need them."""
    write_batched(store, MERGE_CORPUS_DOCUMENTS, rows.corpus)
    write_batched(store, MERGE_STUB_DOCUMENTS, rows.stubs)
    for rel_type, edge_rows in rows.edges.items():
        write_batched(store, MERGE_EDGES[rel_type], edge_rows)
    write_batched(store, MERGE_AGENCIES, rows.agencies)
    write_batched(store, MERGE_TASKS, rows.tasks)
    for rel_type, role_rows in rows.roles.items():
        write_batched(store, MERGE_ROLES[rel_type], role_rows)
    refresh_summaries(store, sorted({row["doc"] for row in rows.tasks}))
    write_batched(store, MERGE_ISSUED_BY, rows.issued_by)
    write_batched(store, SET_CHECKSUMS, rows.checksums)


def refresh_summaries(store: GraphStore, keys: list[str]) -> None:
    """Rewrite the ``ASSIGNED_IN`` summaries of documents ``keys`` from their tasks."""
    for i in range(0, len(keys), BATCH_SIZE):
        store.write(REFRESH_ASSIGNMENT_SUMMARIES, {"keys": keys[i : i + BATCH_SIZE]})


@dataclass(slots=True)
class Garbage:
    """Stubs and agencies that forgotten statements touched: removed if nothing else
    refers to them (``collect_garbage``) -- the graph itself is never scanned."""

    stubs: set[str] = field(default_factory=set)
    agencies: set[str] = field(default_factory=set)


def forget_assertions(store: GraphStore, keys: list[str]) -> Garbage:
    """Remove what the stored versions of documents ``keys`` stated (edges, tasks, issuer,
    summaries), looking only at their neighbourhood; returns what may now be garbage."""
    garbage = Garbage()
    for i in range(0, len(keys), BATCH_SIZE):
        chunk = {"keys": keys[i : i + BATCH_SIZE]}
        for rel_type in ASSERTED_EDGE_ENDS:
            for row in store.read(ASSERTED_EDGE_ENDS[rel_type], chunk):
                garbage.stubs.update((row["a"], row["b"]))
            store.write(DELETE_EDGES_ASSERTED_BY[rel_type], chunk)
        garbage.agencies.update(r["key"] for r in store.read(AGENCIES_OF_DOCUMENTS, chunk))
        store.write(DELETE_TASKS_OF_DOCUMENTS, chunk)
        store.write(DELETE_SUMMARIES_OF_DOCUMENTS, chunk)
        store.write(DELETE_ISSUED_BY_OF_DOCUMENTS, chunk)
    return garbage


def forget_documents(store: GraphStore, keys: list[str]) -> None:
    """Take documents ``keys`` out of the corpus: their statements go, each stays as a stub
    while another document cites it."""
    garbage = forget_assertions(store, keys)
    for i in range(0, len(keys), BATCH_SIZE):
        store.write(DEMOTE_DOCUMENTS, {"keys": keys[i : i + BATCH_SIZE]})
    garbage.stubs.update(keys)
    collect_garbage(store, garbage)


def forget_document(store: GraphStore, key: str) -> None:
    """``forget_documents`` for one document."""
    forget_documents(store, [key])


def collect_garbage(store: GraphStore, garbage: Garbage | None = None) -> None:
    """Drop the stubs and agencies among ``garbage`` that nothing refers to any more (all
    of the store's when ``garbage`` is None: a scan of every document and agency)."""
    if garbage is None:
        store.write(DELETE_ORPHAN_STUBS)
        store.write(DELETE_ORPHAN_AGENCIES)
        return
    stubs, agencies = sorted(garbage.stubs), sorted(garbage.agencies)
    for i in range(0, len(stubs), BATCH_SIZE):
        store.write(DELETE_ORPHAN_STUBS_AMONG, {"keys": stubs[i : i + BATCH_SIZE]})
    for i in range(0, len(agencies), BATCH_SIZE):
        store.write(DELETE_ORPHAN_AGENCIES_AMONG, {"keys": agencies[i : i + BATCH_SIZE]})
