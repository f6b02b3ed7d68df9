"""Resolving extractions into a graph and storing it (FalkorDB or Neo4j)."""
