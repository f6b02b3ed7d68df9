"""Every Cypher text (``cypher/``) and the typed questions built on them.

``documents`` (finding a document, its card), ``lineage`` (lineage, descendants by
province, the path between two documents), ``agencies`` (assignments, tasks,
coordination, the matrix), ``corpus`` (stats, gaps, search, the whole graph),
``guard`` (the read-only ``cypher`` console), ``pages`` (the web pages' paged reads).
"""
