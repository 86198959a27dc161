"""Optimal one-to-one matching of expected and predicted items (the Hungarian algorithm).

Greedy matching on overlap can pair an item with the wrong neighbour and leave the right pair
unmatched; the optimal assignment maximizes the total weight, so the figures do not depend on the
order items come in. n and m are small (tens of items), so the O(n²m) method is instant.
"""

from __future__ import annotations

from collections.abc import Sequence


def overlap(a: tuple[int, int], b: tuple[int, int]) -> float:
    """The share of the shorter span that the two spans have in common."""
    inter = min(a[1], b[1]) - max(a[0], b[0])
    return inter / min(a[1] - a[0], b[1] - b[0]) if inter > 0 else 0.0


def similarity(a: str, b: str) -> float:
    """How alike two strings are, 0 to 1 (rapidfuzz's normalized Indel ratio)."""
    from rapidfuzz import fuzz

    return fuzz.ratio(a, b) / 100.0


def assign(weights: Sequence[Sequence[float]]) -> list[tuple[int, int]]:
    """Pairs (row, col) maximizing the sum of weights; pairs of weight <= 0 are not matches."""
    n = len(weights)
    m = len(weights[0]) if n else 0
    if n == 0 or m == 0:
        return []
    transposed = n > m
    w = [list(col) for col in zip(*weights, strict=True)] if transposed else [list(r) for r in weights]
    rows, cols = len(w), len(w[0])
    big = max(max(r) for r in w)
    cost = [[big - x for x in r] for r in w]  # minimize cost == maximize weight
    inf = float("inf")
    u = [0.0] * (rows + 1)
    v = [0.0] * (cols + 1)
    p = [0] * (cols + 1)  # p[j]: row (1-based) matched to column j
    way = [0] * (cols + 1)
    for i in range(1, rows + 1):
        p[0] = i
        j0 = 0
        minv = [inf] * (cols + 1)
        used = [False] * (cols + 1)
        while True:
            used[j0] = True
            i0 = p[j0]
            delta = inf
            j1 = 0
            for j in range(1, cols + 1):
                if not used[j]:
                    cur = cost[i0 - 1][j - 1] - u[i0] - v[j]
                    if cur < minv[j]:
                        minv[j] = cur
                        way[j] = j0
                    if minv[j] < delta:
                        delta = minv[j]
                        j1 = j
            for j in range(cols + 1):
                if used[j]:
                    u[p[j]] += delta
                    v[j] -= delta
                else:
                    minv[j] -= delta
            j0 = j1
            if p[j0] == 0:
                break
        while True:
            j1 = way[j0]
            p[j0] = p[j1]
            j0 = j1
            if j0 == 0:
                break
    pairs = []
    for j in range(1, cols + 1):
        if p[j]:
            r, c = p[j] - 1, j - 1
            if w[r][c] > 0:
                pairs.append((c, r) if transposed else (r, c))
    return sorted(pairs)
