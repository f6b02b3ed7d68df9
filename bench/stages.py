"""CPU time per extraction stage, without profiler overhead: ``python bench/stages.py``."""

from __future__ import annotations

import sys
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generator import generate


def main(n: int = 30) -> int:
    from vbgraph.loaders.find.agencies import matcher as agencies
    from vbgraph.loaders.formats.read import read_text
    from vbgraph.loaders.relate import responsibilities
    from vbgraph.loaders.relate.header import extract_header
    from vbgraph.loaders.relate.references import extract_references
    from vbgraph.loaders.text import normalize

    corpus = generate(n, 4, seed=5)
    items = [read_text(d.text, d.name) for d in corpus.docs]
    size = sum(d.size for d in corpus.docs) / 1e6
    spent: dict[str, float] = defaultdict(float)

    def clock(label: str, fn, *a):  # type: ignore[no-untyped-def]
        t = time.process_time()
        out = fn(*a)
        spent[label] += time.process_time() - t
        return out

    passes = ("_nfc", "_page_numbers", "glue", "_tones", "_symbol_spaces", "apply_edits")
    originals = {p: getattr(normalize, p) for p in passes}
    for p in passes:
        if p == "_nfc" or p == "apply_edits":
            setattr(
                normalize, p, lambda *a, _f=originals[p], _p=p: clock(f"normalize.{_p}", _f, *a)
            )
        else:
            setattr(
                normalize,
                p,
                lambda *a, _f=originals[p], _p=p: clock(
                    f"normalize.{_p}", lambda *b: list(_f(*b)), *a
                ),
            )
    find = agencies.AgencyMatcher.find
    agencies.AgencyMatcher.find = lambda self, *a: clock("agencies.find", find, self, *a)
    fuzzy = agencies.AgencyMatcher._fuzzy
    agencies.AgencyMatcher._fuzzy = lambda self, *a: clock("  of which _fuzzy", fuzzy, self, *a)
    lay = agencies.layout
    agencies.layout = lambda *a: clock("  of which layout", lay, *a)
    for _round in range(2):  # the first round warms up (imports, matchers)
        spent.clear()
        total = time.process_time()
        for src in items:
            norm = clock("normalize (all)", normalize.normalize, src.text)
            subject = clock("header", extract_header, norm, src)
            refs = clock("references", extract_references, norm, subject)
            clock(
                "responsibilities (all)",
                responsibilities.extract_responsibilities,
                norm,
                refs.subject,
            )
        total = time.process_time() - total
    print(f"{len(items)} docs, {size:.2f} MB, {total:.2f} CPU s, {size / total:.3f} MB/s")
    for label, secs in sorted(spent.items(), key=lambda kv: -kv[1]):
        print(f"  {secs:6.2f} s {100 * secs / total:5.1f} %  {label}")
    return 0


if __name__ == "__main__":
    sys.exit(main(int(sys.argv[1]) if len(sys.argv) > 1 else 30))
