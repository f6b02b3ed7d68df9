"""The ``vbgraph`` pipeline component: ``nlp.add_pipe("vbgraph")``.

It runs the extraction ``vbgraph extract`` runs (``read_text`` then ``extract``, one
code path) on ``doc.text`` and converts the result (:mod:`.convert`):

* ``doc.spans["vbgraph_refs"]``, ``doc.spans["vbgraph_agencies"]``: spans aligned to
  the pipeline's tokens with ``doc.char_span(..., alignment_mode="expand")``; the label
  is the relation or the role, ``kb_id_`` the document key or the agency key;
* ``span._.vbgraph``: what the span stands for (document key, relation, who states it;
  or agency, role, document, task id, deadline), rebuilt from the extraction by the
  span's id;
* ``doc._.vbgraph``: the whole ``Extraction`` as JSON (the ``vbgraph extract --json``
  shape); ``Extraction.from_json(doc._.vbgraph)`` gives it back.

The extraction is kept as one JSON string (``doc._.vbgraph_json``), which
``doc.to_bytes()``, ``DocBin(store_user_data=True)`` and ``nlp.pipe(n_process=...)``
carry exactly (msgpack would turn its lists into tuples); ``doc._.vbgraph`` and
``span._.vbgraph`` are read from it. Span extension *values* are stored by character
offsets, so spans over the same characters would share one: hence getters.
"""

# No ``from __future__ import annotations``: spaCy validates the factory's config
# against the annotations of ``make_vbgraph`` at run time.

import json
import warnings

from spacy.language import Language
from spacy.tokens import Doc, Span

from vbgraph.models import JSON, Extraction
from vbgraph.spacy.convert import (
    AGENCIES_KEY,
    REFS_KEY,
    plan_spans,
    province_filter,
    span_record,
)

FACTORY = "vbgraph"


#: id(doc) -> (its extraction JSON string, that JSON parsed, doc.text), for the span
#: getters: ``doc.text`` joins every token (1.6 ms on a 20-page plan), too slow per span.
#: An entry is used only while the doc still holds the very same JSON string object.
_DOCS: dict[int, tuple[str, JSON, str]] = {}
_DOCS_KEPT = 16


def _doc_data(doc: Doc) -> JSON | None:
    serialised = doc._.vbgraph_json
    return None if serialised is None else json.loads(serialised)


def _span_data(span: Span) -> JSON | None:
    doc = span.doc
    serialised = doc._.vbgraph_json
    if serialised is None or not span.id:
        return None
    entry = _DOCS.get(id(doc))
    if entry is None or entry[0] is not serialised:
        entry = (serialised, json.loads(serialised), doc.text)
        if len(_DOCS) >= _DOCS_KEPT:
            del _DOCS[next(iter(_DOCS))]
        _DOCS[id(doc)] = entry
    return span_record(entry[1], entry[2], span.id_)


def register_extensions() -> None:
    """``doc._.vbgraph_json``, ``doc._.vbgraph`` and ``span._.vbgraph`` (idempotent)."""
    if not Doc.has_extension("vbgraph_json"):
        Doc.set_extension("vbgraph_json", default=None)
    if not Doc.has_extension("vbgraph"):
        Doc.set_extension("vbgraph", getter=_doc_data)
    if not Span.has_extension("vbgraph"):
        Span.set_extension("vbgraph", getter=_span_data)


register_extensions()


def extraction_of(doc: Doc) -> Extraction | None:
    """The ``Extraction`` the component stored on ``doc`` (None if it did not run)."""
    data = _doc_data(doc)
    return None if data is None else Extraction.from_json(data)


class VbgraphComponent:
    """Extract with vbgraph and lay the result over the doc's tokens as span groups.

    Holds only its options, so it pickles (``nlp.pipe(texts, n_process=2)``).
    """

    def __init__(
        self, name: str = FACTORY, province: str | None = None, include_unnumbered: bool = True
    ) -> None:
        self.name = name
        self.province = province
        self.include_unnumbered = include_unnumbered
        self._province_fold = province_filter(province)

    def __call__(self, doc: Doc) -> Doc:
        # Imported here: spacy.blank() imports every registered factory's module, so this
        # one must stay light; the extractor loads on the first doc.
        from vbgraph.loaders import extract, read_text

        extraction = extract(read_text(doc.text))
        data = extraction.to_json()
        doc._.vbgraph_json = json.dumps(data, ensure_ascii=False)
        plans, unplaced = plan_spans(
            data, doc.text, include_unnumbered=self.include_unnumbered,
            province=self._province_fold,
        )
        groups: dict[str, list[Span]] = {REFS_KEY: [], AGENCIES_KEY: []}
        for p in plans:
            span = doc.char_span(p.start, p.end, label=p.label, kb_id=p.kb_id, span_id=p.id,
                                 alignment_mode="expand")
            if span is None:
                unplaced.append(p.id)
            else:
                groups[p.group].append(span)
        for key, spans in groups.items():
            doc.spans[key] = spans
        if unplaced:
            warnings.warn(
                f"vbgraph: {len(unplaced)} extracted item(s) have no place in the text "
                f"and no span: {', '.join(unplaced)} (they are in doc._.vbgraph)",
                stacklevel=2,
            )
        return doc


@Language.factory(
    FACTORY,
    default_config={"province": None, "include_unnumbered": True},
    assigns=["doc.spans", "doc._.vbgraph", "span._.vbgraph"],
)
def make_vbgraph(
    nlp: Language, name: str, province: str | None, include_unnumbered: bool
) -> VbgraphComponent:
    """The factory spaCy finds through the ``spacy_factories`` entry point."""
    return VbgraphComponent(name, province=province, include_unnumbered=include_unnumbered)

