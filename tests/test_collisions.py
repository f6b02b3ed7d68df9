"""A different text is never merged into another document as a "duplicate" (issue 15,
finding 3, the store side): two files with one key are one document only when they
hold the same text; otherwise both are kept, the second under a variant key, and
the collision is reported.  Keys have room for a locality below the province.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from vbgraph.cli import cli
from vbgraph.errors import AmbiguousError
from vbgraph.graph.falkor_store import FalkorStore
from vbgraph.graph.ingest import store_extraction
from vbgraph.graph.keys import base_key, compose_key, parse_key, variant_key
from vbgraph.graph.resolve import document_props
from vbgraph.models import DocEdge, DocInfo, Extraction
from vbgraph.queries.documents import find_document
from vbgraph.sameness import shingles, similarity

KEY_590 = "590/QĐ-UBND|Quảng Ngãi|2014"


def seed_lines(seeds_dir: Path, name: str) -> list[str]:
    return (seeds_dir / name).read_text("utf-8").splitlines()


#: Bodies of other documents: (seed, first line, last line), no two alike.
BODIES = [("004_c617c443f43b7eb5.txt", 20, None), ("000_29fe0bc805b62d20.txt", 20, None),
          ("002_8eda3a25e50b8ea0.txt", 20, None), ("003_3a989aa05347324e.txt", 20, None),
          ("000_29fe0bc805b62d20.txt", 20, 120), ("002_8eda3a25e50b8ea0.txt", 120, None)]


def other_text_same_key(seeds_dir: Path, k: int = 0) -> str:
    """The header of 590/QĐ-UBND (2014) over the body of another plan: a different
    document whose header gives it 590's key (as a misread number would)."""
    head = seed_lines(seeds_dir, "001_442fd82c9306811c.txt")[:14]
    name, first, last = BODIES[k]
    return "\n".join(head + seed_lines(seeds_dir, name)[first:last])


def ingest(store: Path, *paths: Path) -> tuple[int, dict[str, object], list[str]]:
    result = CliRunner().invoke(cli, ["--store", str(store), "ingest", "--json",
                                      *map(str, paths)])
    notes = [line for line in result.stderr.splitlines() if line.startswith("Note:")]
    return result.exit_code, json.loads(result.stdout), notes


def corpus_keys(store: Path) -> list[str]:
    result = CliRunner().invoke(cli, ["--store", str(store), "cypher",
                                      "MATCH (d:Document {in_corpus: true}) RETURN d.key AS k "
                                      "ORDER BY k", "--json"])
    assert result.exit_code == 0, result.output
    return [r["k"] for r in json.loads(result.stdout)]


def test_two_different_texts_with_one_key_are_both_kept(tmp_path: Path,
                                                        seeds_dir: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a-590.txt").write_text(
        (seeds_dir / "001_442fd82c9306811c.txt").read_text("utf-8"), encoding="utf-8")
    (folder / "b-other.txt").write_text(other_text_same_key(seeds_dir), encoding="utf-8")
    store = tmp_path / "store"
    code, data, notes = ingest(store, folder)
    assert code == 0
    assert data["counts"] == {"added": 1, "collision": 1}
    [note] = notes
    assert "b-other.txt" in note and "a different document" in note and "a-590.txt" in note
    keys = corpus_keys(store)
    assert len(keys) == 2 and KEY_590 in keys
    [variant] = [k for k in keys if k != KEY_590]
    assert base_key(variant) == KEY_590 and parse_key(variant).variant
    # The variant is its file's, for good: a second run changes nothing and says nothing.
    code, data, notes = ingest(store, folder)
    assert data["counts"] == {"unchanged": 2} and not notes
    assert corpus_keys(store) == keys
    # Asking for the symbol lists both.
    with FalkorStore(store) as opened, pytest.raises(AmbiguousError, match="#"):
        find_document(opened, "590/QĐ-UBND", province="Quảng Ngãi", year="2014")


def test_many_misnumbered_files_are_all_kept(tmp_path: Path, seeds_dir: Path) -> None:
    """The real folder where a wrong self number made 243 files "duplicates" of one."""
    folder = tmp_path / "in"
    folder.mkdir()
    for k in range(6):
        (folder / f"{k}.txt").write_text(other_text_same_key(seeds_dir, k), encoding="utf-8")
    store = tmp_path / "store"
    code, data, _ = ingest(store, folder)
    assert code == 0
    assert data["counts"] == {"added": 1, "collision": 5}
    assert len(corpus_keys(store)) == 6


def test_the_same_text_in_another_file_is_a_duplicate(tmp_path: Path, seeds_dir: Path) -> None:
    folder = tmp_path / "in"
    (folder / "copy").mkdir(parents=True)
    text = (seeds_dir / "001_442fd82c9306811c.txt").read_text("utf-8")
    (folder / "590.txt").write_text(text, encoding="utf-8")
    # Re-wrapped and re-spaced, as a copy saved from another program is.
    (folder / "copy" / "590-copy.txt").write_text(
        text.replace("\n\n", "\n").replace(", ", " , "), encoding="utf-8")
    store = tmp_path / "store"
    code, data, notes = ingest(store, folder)
    assert code == 0 and data["counts"] == {"added": 1, "duplicate": 1}
    assert "same document as" in notes[0]
    assert corpus_keys(store) == [KEY_590]


def test_a_copy_of_a_variant_is_its_duplicate(tmp_path: Path, seeds_dir: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a-590.txt").write_text(
        (seeds_dir / "001_442fd82c9306811c.txt").read_text("utf-8"), encoding="utf-8")
    other = other_text_same_key(seeds_dir)
    (folder / "b-other.txt").write_text(other, encoding="utf-8")
    store = tmp_path / "store"
    assert ingest(store, folder)[1]["counts"] == {"added": 1, "collision": 1}
    (folder / "c-other-copy.txt").write_text(other, encoding="utf-8")
    code, data, notes = ingest(store, folder)
    assert code == 0
    assert data["counts"] == {"unchanged": 2, "duplicate": 1}
    assert "b-other.txt" in notes[0]
    assert len(corpus_keys(store)) == 2


def test_the_library_keeps_a_different_text_too(store: FalkorStore, seeds_dir: Path,
                                                tmp_path: Path) -> None:
    """``store_extraction`` without a judge compares bytes: a different file is never
    merged (the old rule merged any second file whose first file still existed)."""
    one, two = tmp_path / "one.txt", tmp_path / "two.txt"
    one.write_text("first text", encoding="utf-8")
    two.write_text("another text", encoding="utf-8")
    info = DocInfo("12/KH-UBND", "12/KH-UBND|Quảng Ngãi|2020", province="Quảng Ngãi")
    first = store_extraction(store, Extraction("one.txt", info, path=str(one), sha256="a" * 64))
    second = store_extraction(store, Extraction("two.txt", info, path=str(two),
                                                sha256="b" * 64))
    assert first.status == "added"
    assert second.status == "collision" and second.collides_with == info.key
    assert second.key == variant_key(info.key, "b" * 64) == "12/KH-UBND|Quảng Ngãi#bbbbbbbb|2020"


def test_what_a_colliding_document_states_moves_with_it(store: FalkorStore,
                                                        tmp_path: Path) -> None:
    """Its own statements are asserted by its variant key; its reference to the key it
    collided on still points at the document that holds that key."""
    one, two = tmp_path / "one.txt", tmp_path / "two.txt"
    one.write_text("first", encoding="utf-8")
    two.write_text("second", encoding="utf-8")
    key = "01/KH-UBND|Hà Nội|2024"
    info = DocInfo("01/KH-UBND", key, province="Hà Nội")
    store_extraction(store, Extraction("one.txt", info, path=str(one), sha256="1" * 64))
    cited = "22-NQ/TW|VN|2013"
    second = store_extraction(store, Extraction(
        "two.txt", info, path=str(two), sha256="2" * 64,
        documents=(DocInfo("22-NQ/TW", cited),),
        edges=(DocEdge(key, cited, "implements", "thực hiện 22-NQ/TW", asserted_by=key),
               DocEdge(key, key, "implements", "thực hiện Kế hoạch 01/KH-UBND của tỉnh",
                       asserted_by=key))))
    rows = store.read("MATCH (a:Document)-[r]->(b:Document) "
                      "RETURN a.key AS a, b.key AS b, r.asserted_by AS by ORDER BY b")
    assert rows == [{"a": second.key, "b": key, "by": second.key},
                    {"a": second.key, "b": cited, "by": second.key}]


@pytest.mark.parametrize(("key", "parts"), [
    ("590/QĐ-UBND|Quảng Ngãi|2014", ("590/QĐ-UBND", "Quảng Ngãi", None, None, "2014")),
    ("01/KH-UBND|Hà Nội/huyện Gia Lâm|2024",
     ("01/KH-UBND", "Hà Nội", "huyện Gia Lâm", None, "2024")),
    ("01/KH-UBND|Hà Nội/xã Bát Tràng#0a1b2c3d|2024",
     ("01/KH-UBND", "Hà Nội", "xã Bát Tràng", "0a1b2c3d", "2024")),
    ("22-NQ/TW|VN|2013", ("22-NQ/TW", "VN", None, None, "2013")),
    ("45-CTr/TU|Quảng Ngãi|", ("45-CTr/TU", "Quảng Ngãi", None, None, "")),
])
def test_keys_carry_a_locality_below_the_province(key: str,
                                                  parts: tuple[object, ...]) -> None:
    got = parse_key(key)
    assert (got.symbol, got.scope, got.locality, got.variant, got.year) == parts
    assert compose_key(got.symbol, got.scope, got.year, got.locality, got.variant) == key


def test_a_locality_is_stored_beside_the_province() -> None:
    props = document_props(DocInfo("01/KH-UBND", "01/KH-UBND|Hà Nội/huyện Gia Lâm|2024"))
    assert props["scope"] == "Hà Nội" and props["province"] == "Hà Nội"
    assert props["locality"] == "huyện Gia Lâm" and props["year"] == "2024"


def test_sameness_ignores_layout_and_separates_different_texts(seeds_dir: Path) -> None:
    text = (seeds_dir / "001_442fd82c9306811c.txt").read_text("utf-8")
    respaced = " ".join(text.split()).upper()
    assert similarity(shingles(text), shingles(respaced)) == 1.0
    assert similarity(shingles(text), shingles(other_text_same_key(seeds_dir))) < 0.2
