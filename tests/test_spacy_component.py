"""vbgraph as a spaCy pipeline component (``vbgraph.spacy``, the ``spacy`` extra).

The component must give what ``vbgraph extract --json`` gives (one code path), as spans
on spaCy's own tokens, and keep it through ``doc.to_bytes``/``DocBin`` and
``nlp.pipe(n_process=2)``. spaCy comes with the test extra: a missing spaCy fails these
tests, it does not skip them; only pyvi (for ``spacy.blank("vi")``) is optional.
"""

from __future__ import annotations

import json
import pickle
import subprocess
import sys
import textwrap
from collections import Counter
from importlib.metadata import entry_points
from pathlib import Path
from typing import Any

import pytest
import spacy
from click.testing import CliRunner
from spacy.tokens import Doc, DocBin, Span

from tests.conftest import PACKAGE_SEEDS
from vbgraph.cli import cli
from vbgraph.errors import VbgraphError
from vbgraph.loaders import extract, read_document, read_text
from vbgraph.lookup import fold_symbol, symbol_number
from vbgraph.spacy import AGENCIES_KEY, REFS_KEY, excerpt, extraction_of
from vbgraph.spacy.convert import plan_spans, span_record
from vbgraph.views.annotate import collect_marks

README = Path(__file__).resolve().parents[1] / "README.md"
SEEDS = sorted(PACKAGE_SEEDS.glob("*.txt"))
NAMES = [p.name for p in SEEDS]
FILE_590 = next(p for p in SEEDS if "590/QĐ-UBND" in p.read_text("utf-8")[:2000])
KEYS = (REFS_KEY, AGENCIES_KEY)


def _nlp(lang: str = "xx", **config: Any) -> spacy.Language:
    nlp = spacy.blank(lang)
    nlp.add_pipe("vbgraph", config=config)
    return nlp


@pytest.fixture(scope="module")
def docs() -> dict[str, Doc]:
    """The five samples through ``spacy.blank("xx")`` + the component (default config)."""
    nlp = _nlp()
    return {p.name: nlp(p.read_text("utf-8")) for p in SEEDS}


@pytest.fixture(scope="module")
def cli_json() -> dict[str, dict[str, Any]]:
    """``vbgraph extract FILE --json`` for each sample."""
    out = {}
    for p in SEEDS:
        result = CliRunner().invoke(cli, ["extract", str(p), "--json"])
        assert result.exit_code == 0, result.output
        out[p.name] = json.loads(result.output)
    return out


def _records(doc: Doc, key: str) -> list[dict[str, Any]]:
    return [s._.vbgraph for s in doc.spans[key]]


def _summary(doc: Doc) -> dict[str, Any]:
    """Everything the component puts on a doc, as plain data."""
    return {
        "spans": {
            key: [(s.start_char, s.end_char, s.label_, s.kb_id_, s.id_, s._.vbgraph)
                  for s in doc.spans[key]]
            for key in KEYS
        },
        "doc": doc._.vbgraph,
    }


def test_the_five_samples_are_there() -> None:
    assert len(SEEDS) == 5
    assert FILE_590.name == "001_442fd82c9306811c.txt"


# --------------------------------------------------------------- same as vbgraph extract


@pytest.mark.parametrize("name", NAMES)
def test_component_gives_what_vbgraph_extract_gives(
    name: str, docs: dict[str, Doc], cli_json: dict[str, dict[str, Any]]
) -> None:
    doc, expected = docs[name], cli_json[name]
    assert expected["edges"] and expected["assignments"]
    # the whole extraction, as `vbgraph extract --json` prints it (the file name aside)
    assert {k: v for k, v in doc._.vbgraph.items() if k != "file"} == {
        k: v for k, v in expected.items() if k != "file"
    }
    refs = _records(doc, REFS_KEY)
    numbered = [r for r in refs if r["kind"] == "reference"]
    assert Counter((r["source"], r["key"], r["relation"]) for r in numbered) == Counter(
        (e["source"], e["target"], e["relation"]) for e in expected["edges"]
    )
    by_name = [r for r in refs if r["kind"] == "reference_by_name"]
    assert Counter((r["name"], r["relation"]) for r in by_name) == Counter(
        (u.get("name") or u["raw"], u["relation"]) for u in expected["unnumbered"]
    )
    for span in doc.spans[REFS_KEY]:
        assert span.label_ == span._.vbgraph["relation"]
        assert span.kb_id_ == (span._.vbgraph["key"] or "")
    agencies = _records(doc, AGENCIES_KEY)
    assert Counter((r["agency"], r["province"], r["role"], r["task"]) for r in agencies) == Counter(
        (a["agency"], a["province"], a["role"], a.get("task")) for a in expected["assignments"]
    )
    deadlines = {t["id"]: t["deadline"] for t in expected["tasks"]}
    subject = expected["document"]["key"]
    for span in doc.spans[AGENCIES_KEY]:
        r = span._.vbgraph
        assert span.label_ == r["role"]
        assert r["document"] == subject
        assert r["deadline"] == deadlines.get(r["task"])


def _readme_lines() -> str:
    """The README's code block under "vbgraph in spaCy"."""
    section = README.read_text("utf-8").split("\n## vbgraph in spaCy\n", 1)[1]
    return section.split("```python\n", 1)[1].split("```", 1)[0]


def test_the_readme_lines_on_590_give_what_vbgraph_extract_gives(
    cli_json: dict[str, dict[str, Any]],
) -> None:
    """The issue's "done when": the README's five lines on 590/QĐ-UBND, run as written in
    a fresh interpreter (which never imports vbgraph itself: spaCy finds the factory
    through the entry point), give the references and roles of `vbgraph extract --json`."""
    lines = _readme_lines()
    assert lines.count("\n") == 5 and "vbgraph" in lines and "import vbgraph" not in lines
    code = "import json, sys\n" + lines.replace('"quyet-dinh-590.txt"', "sys.argv[1]")
    code += textwrap.dedent(
        """
        print(json.dumps({
            "refs": [[s.text, s.label_, s._.vbgraph["source"], s._.vbgraph["key"]] for s in refs],
            "agencies": [[s.label_, s._.vbgraph["agency"]] for s in agencies],
            "extraction": extraction,
        }, ensure_ascii=False))
        """
    )
    out = subprocess.run(
        [sys.executable, "-c", code, str(FILE_590)], capture_output=True, text=True,
        timeout=300, check=True,
    )
    got = json.loads(out.stdout)
    expected = cli_json[FILE_590.name]
    edges = Counter((e["source"], e["target"], e["relation"]) for e in expected["edges"])
    assert Counter((src, key, rel) for _t, rel, src, key in got["refs"] if key) == edges
    assert ["22-NQ/TW", "implements", "45-CTr/TU|Quảng Ngãi|2013", "22-NQ/TW|VN|2013"] in got[
        "refs"
    ]
    assert ["45-CTr/TU", "implements", "590/QĐ-UBND|Quảng Ngãi|2014",
            "45-CTr/TU|Quảng Ngãi|2013"] in got["refs"]
    assert Counter(tuple(a) for a in got["agencies"]) == Counter(
        (a["role"], a["agency"]) for a in expected["assignments"]
    )
    assert ["lead", "Sở Ngoại vụ"] in got["agencies"]
    assert got["extraction"]["edges"] == expected["edges"]


def test_adding_the_pipe_does_not_load_the_extractor() -> None:
    """spacy.blank() imports every registered factory's module, for every spaCy user:
    the extractor itself loads on the first doc only."""
    code = textwrap.dedent(
        """
        import sys
        import spacy
        nlp = spacy.blank("xx")
        nlp.add_pipe("vbgraph")
        before = "vbgraph.loaders.extraction" in sys.modules
        nlp("Căn cứ Nghị quyết số 22-NQ/TW ngày 10/4/2013 của Bộ Chính trị;")
        print(before, "vbgraph.loaders.extraction" in sys.modules)
        """
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         timeout=300, check=True)
    assert out.stdout.split() == ["False", "True"]


def test_the_factory_is_registered_through_spacy_entry_points() -> None:
    found = entry_points(group="spacy_factories", name="vbgraph")
    assert [e.value for e in found] == ["vbgraph.spacy.component:make_vbgraph"]


# --------------------------------------------------------------- spans on tokens


def _assert_whole_tokens_around_mentions(doc: Doc) -> int:
    checked = 0
    for key in KEYS:
        for span in doc.spans[key]:
            r = span._.vbgraph
            a, b = r["start"], r["end"]
            assert doc.text[a:b] == doc.text[a:b].strip()
            assert span.start_char <= a < b <= span.end_char
            assert span[0].idx + len(span[0]) > a, "a token wholly before the mention"
            assert span[-1].idx < b, "a token wholly after the mention"
            same = doc.char_span(a, b, alignment_mode="expand")
            assert same is not None and (span.start, span.end) == (same.start, same.end)
            checked += 1
    return checked


@pytest.mark.parametrize("name", NAMES)
def test_spans_are_whole_xx_tokens_around_the_mention(name: str, docs: dict[str, Doc]) -> None:
    assert _assert_whole_tokens_around_mentions(docs[name]) > 0


@pytest.mark.parametrize("name", NAMES)
def test_a_reference_span_is_the_symbol_inside_its_statement(
    name: str, docs: dict[str, Doc]
) -> None:
    doc = docs[name]
    numbered = [r for r in _records(doc, REFS_KEY) if r["kind"] == "reference"]
    on_symbol = [r for r in numbered if r["mention"] == "symbol"]
    assert len(on_symbol) >= len(numbered) - 1  # 04/KH-UBND cites one symbol it never writes
    for r in numbered:
        assert r["statement_start"] <= r["start"] < r["end"] <= r["statement_end"]
        assert doc.text[r["statement_start"] : r["statement_end"]] == r["statement"]
    for r in on_symbol:
        written = fold_symbol(doc.text[r["start"] : r["end"]])
        assert symbol_number(r["symbol"]) in written


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.name)
def test_reference_spans_are_where_the_annotation_view_marks_them(
    path: Path, docs: dict[str, Doc]
) -> None:
    source = read_document(path)
    marks, _missing = collect_marks(source, extract(source))
    numbered = [r for r in _records(docs[path.name], REFS_KEY) if r["kind"] == "reference"]
    assert Counter((m.start, m.end) for m in marks if m.kind == "ref") == Counter(
        (r["start"], r["end"]) for r in numbered
    )


def test_spans_align_with_pyvi_tokens(docs: dict[str, Doc]) -> None:
    # spacy.blank("vi") tokenizes with pyvi (in the test extra): a missing pyvi fails here
    doc = _nlp("vi")(FILE_590.read_text("utf-8"))
    xx = docs[FILE_590.name]
    assert any(" " in t.text for t in doc), "pyvi joins syllables into words"
    assert doc._.vbgraph == xx._.vbgraph
    for key in KEYS:
        assert _records(doc, key) == _records(xx, key)
    assert _assert_whole_tokens_around_mentions(doc) > 0


# --------------------------------------------------------------- serialisation


def test_to_bytes_keeps_the_spans_and_the_extension_data(docs: dict[str, Doc]) -> None:
    doc = docs[FILE_590.name]
    back = Doc(spacy.blank("xx").vocab).from_bytes(doc.to_bytes())
    assert _summary(back) == _summary(doc)
    ex = extraction_of(back)
    assert ex is not None
    assert ex.to_json() == extract(read_text(doc.text)).to_json()


def test_docbin_with_user_data_keeps_everything(docs: dict[str, Doc]) -> None:
    bin_ = DocBin(store_user_data=True)
    for name in NAMES:
        bin_.add(docs[name])
    back = list(DocBin().from_bytes(bin_.to_bytes()).get_docs(spacy.blank("xx").vocab))
    assert [_summary(d) for d in back] == [_summary(docs[n]) for n in NAMES]


def test_docbin_without_user_data_keeps_the_spans_only(docs: dict[str, Doc]) -> None:
    bin_ = DocBin()
    bin_.add(docs[FILE_590.name])
    (back,) = DocBin().from_bytes(bin_.to_bytes()).get_docs(spacy.blank("xx").vocab)
    for key in KEYS:
        want = [(s.start_char, s.end_char, s.label_, s.kb_id_, s.id_)
                for s in docs[FILE_590.name].spans[key]]
        assert [(s.start_char, s.end_char, s.label_, s.kb_id_, s.id_)
                for s in back.spans[key]] == want
        assert all(s._.vbgraph is None for s in back.spans[key])
    assert back._.vbgraph is None and extraction_of(back) is None


def test_spans_over_the_same_characters_keep_their_own_records(docs: dict[str, Doc]) -> None:
    doc = docs[FILE_590.name]
    by_place: dict[tuple[int, int], list[str]] = {}
    for s in doc.spans[AGENCIES_KEY]:
        by_place.setdefault((s.start_char, s.end_char), []).append(s._.vbgraph["agency"])
    shared = [names for names in by_place.values() if len(names) > 1]
    assert shared, "590 coordinates several agencies in one phrase"
    assert any(len(set(names)) > 1 for names in shared)


# --------------------------------------------------------------- processes, pickling


def test_pipe_with_two_processes_gives_what_one_process_gives(docs: dict[str, Doc]) -> None:
    code = textwrap.dedent(
        """
        import json, sys
        import spacy
        def summary(doc):
            return {
                "spans": {key: [[s.start_char, s.end_char, s.label_, s.kb_id_, s.id_,
                                 s._.vbgraph] for s in doc.spans[key]]
                          for key in ("vbgraph_refs", "vbgraph_agencies")},
                "doc": doc._.vbgraph,
            }
        texts = [open(p, encoding="utf-8").read() for p in sys.argv[1:]]
        nlp = spacy.blank("xx")
        nlp.add_pipe("vbgraph")
        one = [summary(d) for d in nlp.pipe(texts)]
        two = [summary(d) for d in nlp.pipe(texts, n_process=2, batch_size=1)]
        print(json.dumps({"one": one, "two": two}))
        """
    )
    out = subprocess.run(
        [sys.executable, "-c", code, *map(str, SEEDS)], capture_output=True, text=True,
        timeout=600, check=True,
    )
    got = json.loads(out.stdout)
    assert got["two"] == got["one"]
    here = json.loads(json.dumps([_summary(docs[n]) for n in NAMES]))
    assert got["one"] == here


def test_the_component_pickles() -> None:
    component = _nlp(province="Quảng Ngãi", include_unnumbered=False).get_pipe("vbgraph")
    back = pickle.loads(pickle.dumps(component))
    assert (back.province, back.include_unnumbered) == ("Quảng Ngãi", False)
    doc = back(spacy.blank("xx")(FILE_590.read_text("utf-8")))
    assert len(doc.spans[REFS_KEY]) == len(doc._.vbgraph["edges"])


# --------------------------------------------------------------- options


def test_province_keeps_only_the_agencies_of_that_province(docs: dict[str, Doc]) -> None:
    text = FILE_590.read_text("utf-8")
    every = _records(docs[FILE_590.name], AGENCIES_KEY)
    local = [r for r in every if r["province"] == "Quảng Ngãi"]
    central = [r for r in every if r["province"] is None]
    assert local and central
    doc = _nlp(province="quang ngai")(text)  # any case, with or without diacritics
    assert _records(doc, AGENCIES_KEY) == local
    assert doc._.vbgraph == docs[FILE_590.name]._.vbgraph  # the extraction stays whole
    assert _records(doc, REFS_KEY) == _records(docs[FILE_590.name], REFS_KEY)
    assert _records(_nlp(province="VN")(text), AGENCIES_KEY) == central
    assert _records(_nlp(province="Thanh Hóa")(text), AGENCIES_KEY) == []


def test_an_unknown_province_is_refused_when_the_pipe_is_added() -> None:
    with pytest.raises(VbgraphError, match="unknown province 'Atlantis'"):
        _nlp(province="Atlantis")


def test_include_unnumbered(docs: dict[str, Doc]) -> None:
    text = FILE_590.read_text("utf-8")
    default = _records(docs[FILE_590.name], REFS_KEY)
    data = docs[FILE_590.name]._.vbgraph
    assert len(default) == len(data["edges"]) + len(data["unnumbered"])
    numbered_only = _records(_nlp(include_unnumbered=False)(text), REFS_KEY)
    assert numbered_only == [r for r in default if r["kind"] == "reference"]


def test_the_config_survives_to_disk_and_spacy_load(tmp_path: Path) -> None:
    _nlp(province="Quảng Ngãi", include_unnumbered=False).to_disk(tmp_path / "pipeline")
    nlp = spacy.load(tmp_path / "pipeline")
    assert nlp.get_pipe_config("vbgraph") == {
        "factory": "vbgraph", "province": "Quảng Ngãi", "include_unnumbered": False,
    }
    doc = nlp(FILE_590.read_text("utf-8"))
    assert {r["province"] for r in _records(doc, AGENCIES_KEY)} == {"Quảng Ngãi"}


# --------------------------------------------------------------- conversion edge cases


def test_items_without_a_place_in_the_text_are_reported_not_dropped() -> None:
    data = {
        "document": {"key": "1/KH-UBND|Quảng Ngãi|2014"},
        "documents": [], "unnumbered": [], "tasks": [],
        "edges": [{"source": "x", "target": "22-NQ/TW|VN|2013", "relation": "cites",
                   "raw": "not in the text", "start": -1, "end": -1}],
        "assignments": [{"agency": "Sở Ngoại vụ", "province": None, "role": "lead",
                         "raw": "Giao Sở Ngoại vụ", "start": 0, "end": 16}],
    }
    plans, unplaced = plan_spans(data, "Giao Sở Ngoại vụ chủ trì")
    assert unplaced == ["vbgraph/edges/0"]
    assert [(p.group, p.start, p.end, p.label) for p in plans] == [
        (AGENCIES_KEY, 0, 16, "lead")
    ]


def test_spans_that_are_not_vbgraphs_have_no_record(docs: dict[str, Doc]) -> None:
    doc = docs[FILE_590.name]
    assert Span(doc, 0, 3)._.vbgraph is None
    assert Span(doc, 0, 3, span_id="vbgraph/edges/9999")._.vbgraph is None
    data = doc._.vbgraph
    for bad in ("edges/0", "vbgraph/tasks/0", "vbgraph/edges/x", "vbgraph/nothing/0"):
        assert span_record(data, doc.text, bad) is None


def test_excerpt_gives_displacy_the_spans_inside_a_window(docs: dict[str, Doc]) -> None:
    from spacy import displacy

    doc = docs[FILE_590.name]
    start = doc.text.index("Căn cứ Nghị quyết")
    end = doc.text.index("Điều 2")
    part = excerpt(doc, REFS_KEY, start, end, title="590")
    inside = [s for s in doc.spans[REFS_KEY] if start <= s.start_char and s.end_char <= end]
    assert [x["label"] for x in part["spans"]] == [s.label_ for s in inside]
    offset = doc.char_span(start, end, alignment_mode="expand").start_char
    for x in part["spans"]:
        assert part["tokens"][x["start_token"] : x["end_token"]]
        assert part["text"][x["start"] : x["end"]] == doc.text[
            offset + x["start"] : offset + x["end"]
        ]
    html = displacy.render(part, style="span", manual=True)
    assert "45-CTr" in html and "implements" in html
