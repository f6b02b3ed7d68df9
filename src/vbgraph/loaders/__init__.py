"""Extraction: files -> text -> mentions -> relations and roles (pure: no database).

The stages, each a package (a module may use the packages above it in this list):

* ``vocab/``   -- domain knowledge as data files (agencies, provinces, document types and
  issuers, cue words) with typed loaders;
* ``text/``    -- the one fold, normalisation with its offset map, Vietnamese syllables;
* ``formats/`` -- path -> ``SourceDocument`` (txt, docx, pdf, html, doc; folder walks);
* ``find/``    -- text -> mentions with spans (symbols, dates, deadlines, name-only
  references, items, tables, agencies by automaton and by name grammar);
* ``relate/``  -- mentions -> the document itself, its relations, roles and tasks;
* ``extraction.py`` -- the pipeline function, ``SourceDocument`` -> ``Extraction``.

Types the modules hand each other are in ``loaders/models.py``.
"""

from __future__ import annotations

import importlib
from typing import Any

_EXPORTS = {
    "extract": "vbgraph.loaders.extraction",
    "read_document": "vbgraph.loaders.formats.read",
    "read_text": "vbgraph.loaders.formats.read",
}
__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    try:
        module = _EXPORTS[name]
    except KeyError:
        raise AttributeError(f"module 'vbgraph.loaders' has no attribute {name!r}") from None
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value
