"""``ingest --prune``: forget the documents whose files are gone, but not by accident.

A path whose files all vanished at once is far more often an unmounted share, a
renamed folder or a disconnected disk than a decision to empty the store of it, and
pruning it deleted every document without a word (issue 15, finding 6).  So before
anything is removed the plan is checked: when every document stored from under a
path given would go, or more than ``MAX_SHARE`` of them, nothing is removed and the
user is asked to confirm with ``--yes``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from vbgraph.errors import InputError
from vbgraph.graph.file_records import drop_missing
from vbgraph.graph.ingest import forget_documents
from vbgraph.graph.store import GraphStore
from vbgraph.queries.cypher.replace import CORPUS_SOURCES

#: The share of a path's stored documents that may be pruned without ``--yes``.
MAX_SHARE = 0.5


@dataclass(slots=True)
class PrunePlan:
    """Per root given: how many corpus documents were stored from under it, and which of
    them (key, source) have lost their file."""

    stored: dict[Path, int] = field(default_factory=dict)
    gone: dict[Path, list[tuple[str, str]]] = field(default_factory=dict)

    def documents(self) -> list[tuple[str, str]]:
        seen: dict[str, str] = {}
        for rows in self.gone.values():
            seen.update(rows)
        return sorted(seen.items())


def plan_prune(store: GraphStore, roots: list[Path]) -> PrunePlan:
    """What ``--prune`` would remove, by root (one read of the corpus sources)."""
    resolved = [r.resolve() for r in roots]
    plan = PrunePlan({r: 0 for r in resolved}, {r: [] for r in resolved})
    for row in store.read(CORPUS_SOURCES):
        source = row.get("source")
        if not source:
            continue
        path = Path(source)
        mine = [r for r in resolved if path == r or r in path.parents]
        if not mine:
            continue
        missing = not path.exists()
        for root in mine:
            plan.stored[root] += 1
            if missing:
                plan.gone[root].append((row["key"], source))
    return plan


def check_prune(plan: PrunePlan) -> None:
    """Refuse a plan that would remove all, or more than ``MAX_SHARE``, of a root's documents."""
    for root, gone in plan.gone.items():
        stored = plan.stored[root]
        if gone and (len(gone) == stored or len(gone) > MAX_SHARE * stored):
            share = len(gone) / stored
            what = "every one" if len(gone) == stored else f"{share:.0%}, more than {MAX_SHARE:.0%}"
            raise InputError(
                f"--prune would remove {len(gone)} of the {stored} documents stored from "
                f"{root} ({what}): is the folder or the share it is on missing, moved or "
                "unmounted? Nothing was removed; if the files really are gone, run the same "
                "command with --yes")


def prune(store: GraphStore, plan: PrunePlan) -> list[tuple[str, str]]:
    """Forget the planned documents whose files are still gone, and the records of every
    file gone from under the plan's roots (duplicates' too); returns (key, source)."""
    done = [(key, source) for key, source in plan.documents() if not Path(source).exists()]
    if done:
        forget_documents(store, [key for key, _ in done])
    drop_missing(store, list(plan.stored))
    return done
