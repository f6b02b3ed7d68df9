"""A cheap deterministic starting layout, so large graphs need few physics iterations.

Nodes hanging off the graph in trees (most cited-only documents) are peeled
off and placed on rings around the node they hang from; the remaining core is
laid out on a spiral in breadth-first order from its best-connected nodes,
components side by side.  Linear in nodes and edges; the browser's physics
then only polishes.
"""

from __future__ import annotations

import math
import zlib
from collections import deque
from collections.abc import Iterable

Point = tuple[float, float]
_GOLDEN = math.pi * (3 - math.sqrt(5))


def initial_positions(
    nodes: Iterable[str], edges: Iterable[tuple[str, str]], spacing: float = 60.0
) -> dict[str, Point]:
    """Positions for ``nodes`` (ids) given undirected ``edges``."""
    adj: dict[str, set[str]] = {n: set() for n in nodes}
    for a, b in edges:
        if a != b and a in adj and b in adj:
            adj[a].add(b)
            adj[b].add(a)
    # Peel leaves repeatedly: each peeled node remembers the node it hangs from.
    degree = {n: len(v) for n, v in adj.items()}
    parent: dict[str, str] = {}
    removed: set[str] = set()
    queue = deque(sorted(n for n, d in degree.items() if d == 1))
    while queue:
        leaf = queue.popleft()
        if leaf in removed or degree[leaf] != 1:
            continue
        (anchor,) = [m for m in adj[leaf] if m not in removed]
        parent[leaf] = anchor
        removed.add(leaf)
        degree[anchor] -= 1
        if degree[anchor] == 1:
            queue.append(anchor)
    children: dict[str, list[str]] = {}
    for child, anchor in parent.items():
        children.setdefault(anchor, []).append(child)
    size: dict[str, int] = {}

    def subtree(n: str) -> int:
        if n not in size:
            size[n] = 1 + sum(subtree(c) for c in children.get(n, ()))
        return size[n]

    core = [n for n in adj if n not in removed]
    # Peeling stops at degree 0, so every component keeps at least one core node.
    pos: dict[str, Point] = {}
    seen: set[str] = set()
    row_y, row_h, row_w = 0.0, 0.0, 0.0
    max_row = spacing * 6 * math.sqrt(max(1, len(adj)))
    for start in sorted(core, key=lambda n: (-len(adj[n]), n)):
        if start in seen:
            continue
        component = _bfs(start, adj, removed, seen)
        extent = sum(subtree(n) for n in component)
        radius = spacing * (1.2 * math.sqrt(extent) + 0.5)
        if row_w + 2 * radius > max_row and row_w > 0:
            row_y += row_h
            row_w, row_h = 0.0, 0.0
        cx, cy = row_w + radius, row_y + radius
        row_w += 2 * radius
        row_h = max(row_h, 2 * radius)
        step = spacing * 1.6
        for i, n in enumerate(component):
            r = step * math.sqrt(i)
            pos[n] = (cx + r * math.cos(i * _GOLDEN), cy + r * math.sin(i * _GOLDEN))
        for n in component:
            _place_children(n, children, pos, size, spacing)
    return pos


def _bfs(start: str, adj: dict[str, set[str]], removed: set[str], seen: set[str]) -> list[str]:
    order, queue = [], deque([start])
    seen.add(start)
    while queue:
        n = queue.popleft()
        order.append(n)
        for m in sorted(adj[n], key=lambda m: (-len(adj[m]), m)):
            if m not in seen and m not in removed:
                seen.add(m)
                queue.append(m)
    return order


def _place_children(
    n: str,
    children: dict[str, list[str]],
    pos: dict[str, Point],
    size: dict[str, int],
    spacing: float,
) -> None:
    stack = [n]
    while stack:
        node = stack.pop()
        kids = children.get(node, [])
        if not kids:
            continue
        x, y = pos[node]
        total = sum(size.get(k, 1) for k in kids)
        r = spacing * (1.0 + 0.25 * math.sqrt(total))
        angle = (zlib.crc32(node.encode()) % 360) * math.pi / 180
        for k in sorted(kids):
            share = size.get(k, 1) / total
            a = angle + math.pi * share
            pos[k] = (x + r * math.cos(a), y + r * math.sin(a))
            angle += 2 * math.pi * share
            stack.append(k)
