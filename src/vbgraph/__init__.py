"""vbgraph: a knowledge graph of Vietnamese policy documents."""

__version__ = "0.1.0"
