"""Does a speed change keep extraction output identical?  ``python bench/identical.py``.

    python bench/identical.py --save /tmp/before.json    # before the change
    python bench/identical.py --check /tmp/before.json   # after: lists every differing document

Extracts a fixed set of texts -- the five sample documents, the real development
set (``../shared/corpus/dev``), every held-out
excerpt under ``tests/heldout/*/corpus`` and ``--generated`` generated documents
(noise on, fixed seed) -- and saves, per text, the extraction as JSON together
with every mention span (agency mentions included, which the JSON only shows
through assignments).  ``--check`` exits 1 when any document differs and prints
the first differing line of each.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))


def texts(generated: int) -> list[tuple[str, str]]:
    from generator import generate

    out: list[tuple[str, str]] = []
    seeds = ROOT.parent / "shared" / "corpus" / "seeds"
    if not seeds.is_dir():
        seeds = ROOT / "src" / "vbgraph" / "data" / "seeds"
    for path in sorted(seeds.glob("*.txt")):
        out.append((f"seeds/{path.name}", path.read_text(encoding="utf-8")))
    for path in sorted((ROOT.parent / "shared" / "corpus" / "dev").glob("*.txt")):
        out.append((f"dev/{path.name}", path.read_text(encoding="utf-8")))
    for path in sorted((ROOT / "tests").glob("heldout*/**/*.txt")):
        out.append((str(path.relative_to(ROOT)), path.read_text(encoding="utf-8")))
    for doc in generate(generated, 6, seed=11).docs:
        out.append((f"generated/{doc.name}", doc.text))
    return out


def snapshot(generated: int) -> dict[str, str]:
    from vbgraph.loaders.extraction import extract
    from vbgraph.loaders.find.agencies.matcher import find_mentions
    from vbgraph.loaders.find.agencies.names import open_mentions
    from vbgraph.loaders.formats.read import read_text
    from vbgraph.loaders.text.normalize import normalize

    out: dict[str, str] = {}
    for name, text in texts(generated):
        ex = extract(read_text(text, Path(name).name))
        norm = normalize(text)
        known = find_mentions(norm.text, ex.document.province)
        mentions = [(m.start, m.end, m.agency.key) for m in known]
        opened = [
            (m.start, m.end, m.agency.key, m.agency.level, m.agency.kind, m.agency.collective)
            for m in open_mentions(norm.text, ex.document.province, known)
        ]
        record = {
            "extraction": ex.to_json(),
            "normalized_sha": hash_text(norm.text),
            "offsets_sha": hash_text(",".join(map(str, norm.offsets))),
            "mentions": mentions,
            "open_mentions": opened,
        }
        out[name] = json.dumps(record, ensure_ascii=False, sort_keys=True, indent=0)
    return out


def hash_text(text: str) -> str:
    import hashlib

    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    group = p.add_mutually_exclusive_group(required=True)
    group.add_argument("--save", type=Path)
    group.add_argument("--check", type=Path)
    p.add_argument("--generated", type=int, default=150)
    args = p.parse_args(argv)
    t = time.process_time()
    snap = snapshot(args.generated)
    print(f"{len(snap)} documents extracted in {time.process_time() - t:.1f} CPU s",
          file=sys.stderr)
    if args.save:
        args.save.write_text(json.dumps(snap, ensure_ascii=False), encoding="utf-8")
        return 0
    before = json.loads(args.check.read_text(encoding="utf-8"))
    differ = 0
    for name in sorted(set(before) | set(snap)):
        a, b = before.get(name, ""), snap.get(name, "")
        if a == b:
            continue
        differ += 1
        la, lb = a.splitlines(), b.splitlines()
        k = next((i for i, (x, y) in enumerate(zip(la, lb, strict=False)) if x != y),
                 min(len(la), len(lb)))
        print(f"{name}: line {k}\n  before: {la[k] if k < len(la) else '<end>'}\n"
              f"  after:  {lb[k] if k < len(lb) else '<end>'}")
    print(f"{differ} of {len(snap)} documents differ", file=sys.stderr)
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
