"""Draw the README's two displaCy pictures of the spaCy component (needs the spacy extra
and Chromium): ``python tools/displacy_pictures.py [OUT_DIR]`` (default ``docs/img``).

Each picture is ``displacy.render(..., style="span")`` of one passage of a sample
document, as Chromium draws it headless, cropped and reduced to a small palette PNG.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from importlib import resources
from pathlib import Path

import spacy
from PIL import Image
from spacy import displacy

from vbgraph.spacy import AGENCIES_KEY, REFS_KEY, displacy_options, excerpt

ROOT = Path(__file__).resolve().parents[1]
#: (file name, sample, spans key, passage from, passage to, title, window height)
PICTURES = (
    ("spacy-refs-590.png", "001_442fd82c9306811c.txt", REFS_KEY, "Căn cứ Luật", "Điều 2",
     "590/QĐ-UBND (Quảng Ngãi, 2014): vbgraph_refs", 580),
    ("spacy-agencies-04.png", "003_3a989aa05347324e.txt", AGENCIES_KEY,
     "a) Sở Văn hóa, Thể thao", "Tăng cường", "04/KH-UBND (Thanh Hóa, 2017): vbgraph_agencies",
     450),
)
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--no-first-run", "--disable-sync", "--hide-scrollbars")


def main(out_dir: Path) -> None:
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        sys.exit("Chromium is needed: apt-get install chromium")
    nlp = spacy.blank("xx")
    nlp.add_pipe("vbgraph")
    seeds = resources.files("vbgraph") / "data" / "seeds"
    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        for name, sample, key, start_at, end_at, title, height in PICTURES:
            doc = nlp((seeds / sample).read_text(encoding="utf-8"))
            start = doc.text.index(start_at)
            end = doc.text.index(end_at, start)
            html = displacy.render(excerpt(doc, key, start, end, title=title), style="span",
                                   manual=True, page=True, options=displacy_options(key))
            page = Path(tmp) / f"{name}.html"
            page.write_text(html, encoding="utf-8")
            shot = Path(tmp) / name
            subprocess.run(
                [chromium, *FLAGS, f"--user-data-dir={tmp}/profile", f"--window-size=1000,{height}",
                 f"--screenshot={shot}", page.as_uri()],
                check=True, capture_output=True, timeout=120,
            )
            with Image.open(shot) as img:
                img.convert("RGB").crop((40, 60, 980, height - 10)).quantize(colors=64).save(
                    out_dir / name, optimize=True
                )
            print(f"wrote {out_dir / name} ({(out_dir / name).stat().st_size} bytes)")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "img")
