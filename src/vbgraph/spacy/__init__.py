"""vbgraph inside spaCy: the extractor as a pipeline component (``pip install 'vbgraph[spacy]'``).

::

    import spacy
    nlp = spacy.blank("xx")            # or spacy.blank("vi") with pyvi installed
    nlp.add_pipe("vbgraph")            # found through spaCy's entry points
    doc = nlp(text)
    doc.spans["vbgraph_refs"], doc.spans["vbgraph_agencies"], doc._.vbgraph

* :mod:`.component` -- the factory and the component (spaCy's side);
* :mod:`.convert` -- extraction JSON -> spans and span records (pure);
* :mod:`.display` -- displaCy colours for relations and roles.
"""

from __future__ import annotations

from vbgraph.spacy.component import FACTORY, VbgraphComponent, extraction_of, make_vbgraph
from vbgraph.spacy.convert import AGENCIES_KEY, REFS_KEY
from vbgraph.spacy.display import COLORS, displacy_options, excerpt

__all__ = [
    "AGENCIES_KEY",
    "COLORS",
    "FACTORY",
    "REFS_KEY",
    "VbgraphComponent",
    "displacy_options",
    "excerpt",
    "extraction_of",
    "make_vbgraph",
]
