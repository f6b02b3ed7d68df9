"""Reading, normalising and extracting documents (pure: no database)."""

from vbgraph.loaders.extract import extract
from vbgraph.loaders.read import read_document, read_text

__all__ = ["extract", "read_document", "read_text"]
