"""Self-contained HTML views of the graph."""
