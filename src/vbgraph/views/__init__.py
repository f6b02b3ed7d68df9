"""Self-contained HTML views of the graph (open offline, by double-click, and email).

- ``lineage.render_lineage(lineage)``: a document's lineage, newer above older.
- ``agency.render_agency(store, name, province=None)``: an agency's documents,
  tasks and partners.
- ``corpus.render_corpus(store)``: every document and relation.
- ``annotate.render_annotation(source, extraction)``: a document's text with
  every extracted reference and agency mention highlighted.
"""
