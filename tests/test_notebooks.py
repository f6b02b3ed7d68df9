"""The research notebooks run top to bottom on the sample corpus (nbclient, a real kernel)."""

from __future__ import annotations

from pathlib import Path

import pytest

NOTEBOOKS = sorted((Path(__file__).resolve().parents[1] / "notebooks").glob("*.ipynb"))
EMBEDDED_VIEW = "<iframe srcdoc="
#: What each notebook must show (vbgraph's embedded view unless listed here).
SHOWS = {
    "lineage_22-NQ-TW": [EMBEDDED_VIEW],
    "responsibility_matrix": [EMBEDDED_VIEW],
    "spacy_displacy": ['class="spans"', "implements", "based_on", "lead", "coordinate"],
}

pytestmark = pytest.mark.slow


def test_there_are_research_notebooks() -> None:
    names = {p.name for p in NOTEBOOKS}
    assert {f"{stem}.ipynb" for stem in SHOWS} <= names


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebook_is_committed_without_outputs(path: Path) -> None:
    import nbformat

    nb = nbformat.read(path, as_version=4)
    for cell in nb.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None, "clear outputs"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebook_runs_top_to_bottom(path: Path, tmp_path: Path) -> None:
    import nbformat
    from nbclient import NotebookClient

    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(
        nb, timeout=600, kernel_name="python3", resources={"metadata": {"path": str(tmp_path)}}
    )
    client.execute()  # raises CellExecutionError on the first failing cell
    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs]
    html = [o["data"]["text/html"] for o in outputs if "text/html" in o.get("data", {})]
    for marker in SHOWS.get(path.stem, [EMBEDDED_VIEW]):
        assert any(marker in h for h in html), f"no {marker!r} in the notebook's views"
    if path.stem == "responsibility_matrix":
        assert any("image/png" in o.get("data", {}) for o in outputs), "no heatmap drawn"
