"""References by name only: "Nghị quyết Trung ương 5 khóa VIII", "Chiến lược ..."."""

from __future__ import annotations

from collections.abc import Iterator

from vbgraph.models import NormalizedText, UnnumberedRef


def find_unnumbered(norm: NormalizedText) -> Iterator[UnnumberedRef]:
    """Placeholder until the name grammar lands."""
    return iter(())
