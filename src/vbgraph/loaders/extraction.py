"""Extraction: ``SourceDocument`` -> ``Extraction``.  Pure: no database.

The stages live in their own modules and are replaceable:

* ``normalize.normalize(text) -> NormalizedText``
* ``header.extract_header(norm, source) -> DocInfo`` (the document itself)
* ``references.extract_references(norm, subject) -> References``
* ``responsibilities.extract_responsibilities(norm, subject) -> (assignments, tasks)``
"""

from __future__ import annotations

from vbgraph.loaders.relate.header import extract_header
from vbgraph.loaders.relate.references import extract_references
from vbgraph.loaders.relate.responsibilities import extract_responsibilities
from vbgraph.loaders.text.normalize import normalize
from vbgraph.models import Extraction, SourceDocument


def extract(source: SourceDocument) -> Extraction:
    """Extract the document, its references and its assignments from ``source``."""
    norm = normalize(source.text)
    subject = extract_header(norm, source)
    refs = extract_references(norm, subject)
    assignments, tasks = extract_responsibilities(norm, refs.subject)
    return Extraction(
        file=source.name,
        document=refs.subject,
        documents=refs.documents,
        edges=refs.edges,
        unnumbered=refs.unnumbered,
        assignments=tuple(assignments),
        tasks=tuple(tasks),
        path=source.path,
        sha256=source.sha256,
        warnings=source.warnings,
    )
