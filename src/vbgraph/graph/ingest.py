"""Store extractions: idempotent, and a changed file replaces its old extraction."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from vbgraph.graph.resolve import Candidates, GraphRows, resolve
from vbgraph.graph.store import BATCH_SIZE, GraphStore, write_batched
from vbgraph.lookup import fold_symbol
from vbgraph.models import Extraction
from vbgraph.queries import cypher as q


@dataclass(frozen=True, slots=True)
class StoreOutcome:
    """What storing one extraction did: ``added``, ``replaced``, ``unchanged`` or
    ``duplicate`` (the document is already stored from ``other``, another file)."""

    key: str
    status: str
    other: str = ""


def store_extraction(store: GraphStore, extraction: Extraction) -> StoreOutcome:
    """Write one extraction; a document already stored from the same bytes is left as is."""
    key = extraction.document.key
    previous = store.read(q.DOCUMENT_SOURCE, {"key": key})
    status = "added"
    if previous and previous[0].get("in_corpus"):
        if extraction.sha256 and previous[0].get("sha256") == extraction.sha256:
            return StoreOutcome(key, "unchanged")
        stored_from = previous[0].get("source")
        if (stored_from and extraction.path and stored_from != extraction.path
                and Path(stored_from).exists()):
            # The same document in another file (a .docx beside the .txt): keep the first.
            return StoreOutcome(key, "duplicate", stored_from)
        forget_assertions(store, key)
        status = "replaced"

    write_rows(store, resolve(extraction, _candidates(store, set())))
    if status == "replaced":
        collect_garbage(store)
    return StoreOutcome(key, status)


def store_extractions(store: GraphStore, extractions: list[Extraction]) -> list[StoreOutcome]:
    """Write several extractions; documents new to the store go in one batched write.

    Documents already stored take the one-at-a-time path (unchanged, duplicate or
    replaced); a second file holding a document this batch adds is a duplicate.
    """
    keys = sorted({ex.document.key for ex in extractions})
    stored = {r["key"] for r in store.read(q.CORPUS_KEYS, {"keys": keys})}
    outcomes: list[StoreOutcome] = []
    claimed: dict[str, str] = {}
    fresh: list[Extraction] = []
    for ex in extractions:
        key = ex.document.key
        if key in claimed:
            outcomes.append(StoreOutcome(key, "duplicate", claimed[key]))
            continue
        claimed[key] = ex.path
        if key in stored:
            outcomes.append(store_extraction(store, ex))
        else:
            fresh.append(ex)
            outcomes.append(StoreOutcome(key, "added"))
    if fresh:
        candidates = _candidates(store, {ex.document.key for ex in fresh})
        rows = GraphRows()
        for ex in fresh:
            rows.extend(resolve(ex, candidates))
        write_rows(store, rows)
    return outcomes


def _candidates(store: GraphStore, pending: set[str]) -> Candidates:
    """Stored documents (and ``pending`` keys about to be) fitting a year-less reference."""

    stored: dict[str, list[str]] = {}  # one read per symbol in a batch

    def candidates(symbol: str, scope: str) -> list[str]:
        lookup = fold_symbol(symbol)
        if lookup not in stored:
            rows = store.read(q.FIND_DOCUMENTS, {"lookup": lookup, "key": ""})
            stored[lookup] = [r["key"] for r in rows]
        found = [k for k in stored[lookup] if k.split("|")[1] == scope]
        prefix = f"{symbol}|{scope}|"
        return found + sorted(k for k in pending if k.startswith(prefix) and k not in found)

    return candidates


def write_rows(store: GraphStore, rows: GraphRows) -> None:
    """Write resolved rows, nodes before the relationships that need them."""
    write_batched(store, q.MERGE_CORPUS_DOCUMENTS, rows.corpus)
    write_batched(store, q.MERGE_STUB_DOCUMENTS, rows.stubs)
    for rel_type, edge_rows in rows.edges.items():
        write_batched(store, q.MERGE_EDGES[rel_type], edge_rows)
    write_batched(store, q.MERGE_AGENCIES, rows.agencies)
    write_batched(store, q.MERGE_TASKS, rows.tasks)
    for rel_type, role_rows in rows.roles.items():
        write_batched(store, q.MERGE_ROLES[rel_type], role_rows)
    refresh_summaries(store, sorted({row["doc"] for row in rows.tasks}))
    write_batched(store, q.MERGE_ISSUED_BY, rows.issued_by)
    write_batched(store, q.SET_CHECKSUMS, rows.checksums)


def refresh_summaries(store: GraphStore, keys: list[str]) -> None:
    """Rewrite the ``ASSIGNED_IN`` summaries of documents ``keys`` from their tasks."""
    for i in range(0, len(keys), BATCH_SIZE):
        store.write(q.REFRESH_ASSIGNMENT_SUMMARIES, {"keys": keys[i : i + BATCH_SIZE]})


def forget_assertions(store: GraphStore, key: str) -> None:
    """Remove what the stored version of document ``key`` stated (edges, tasks, issuer)."""
    store.write(q.DELETE_ASSERTED_EDGES, {"key": key})
    store.write(q.DELETE_DOCUMENT_TASKS, {"key": key})
    store.write(q.DELETE_ASSIGNMENT_SUMMARIES, {"key": key})
    store.write(q.DELETE_ISSUED_BY, {"key": key})


def forget_document(store: GraphStore, key: str) -> None:
    """Take document ``key`` out of the corpus: its statements go, it stays a stub if cited."""
    forget_assertions(store, key)
    store.write(q.DEMOTE_DOCUMENT, {"key": key})
    collect_garbage(store)


def collect_garbage(store: GraphStore) -> None:
    """Drop stubs and agencies nothing refers to any more."""
    store.write(q.DELETE_ORPHAN_STUBS)
    store.write(q.DELETE_ORPHAN_AGENCIES)
