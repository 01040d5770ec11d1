"""Coalitions as bitmasks: the bookkeeping shared by every game algorithm.

A coalition S of the players ``0 … n-1`` is the integer ``mask = Σ_{i∈S} 2**i`` (bit ``i`` set
when player ``i`` belongs to S), so the costs of all ``2**n`` coalitions fit in one float64 array
indexed by mask, with ``c[0] = c(∅) = 0`` and ``c[2**n - 1] = c(N)``. The same coalition can also be
written as a boolean row of length ``n`` (the coalition axis the kernel understands); these helpers
convert between the two and compute, for every coalition at once, its size and the sum
``x(S) = Σ_{i∈S} x_i`` of an allocation, in O(2**n) with no Python loop over coalitions.
"""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np

__all__ = [
    "bool_to_int",
    "chunk_ranges",
    "int_to_bool",
    "popcounts",
    "submasks",
    "subset_sums",
]


def popcounts(n: int) -> np.ndarray:
    """Size |S| of every coalition, indexed by bitmask (uint8, length ``2**n``).

    Built by doubling: the coalitions containing player ``i`` (masks ``2**i … 2**(i+1)-1``) are the
    ones without it plus one member, ``|S ∪ {i}| = |S| + 1``.
    """
    sizes = np.zeros(1 << n, dtype=np.uint8)
    for i in range(n):
        low = 1 << i
        sizes[low : 2 * low] = sizes[:low] + 1
    return sizes


def subset_sums(values: np.ndarray) -> np.ndarray:
    """``x(S) = Σ_{i∈S} x_i`` for every coalition S, indexed by bitmask (float64, length ``2**n``).

    Same doubling as :func:`popcounts`: ``x(S ∪ {i}) = x(S) + x_i`` for the masks whose highest
    bit is ``i``, so the whole table costs ``2**n`` additions.
    """
    values = np.asarray(values, dtype=np.float64)
    sums = np.zeros(1 << values.size, dtype=np.float64)
    for i, value in enumerate(values):
        low = 1 << i
        sums[low : 2 * low] = sums[:low] + value
    return sums


def int_to_bool(masks: np.ndarray, n: int) -> np.ndarray:
    """Bitmasks ``(C,)`` to boolean membership rows ``(C, n)`` (column ``i`` = bit ``i``)."""
    masks = np.asarray(masks, dtype=np.int64)
    return ((masks[:, None] >> np.arange(n, dtype=np.int64)) & 1).astype(bool)


def bool_to_int(rows: np.ndarray) -> np.ndarray:
    """Boolean membership rows ``(C, n)`` to bitmasks ``(C,)`` (needs ``n <= 62``)."""
    rows = np.asarray(rows, dtype=bool)
    weights = np.left_shift(np.int64(1), np.arange(rows.shape[1], dtype=np.int64))
    return rows.astype(np.int64) @ weights


def submasks(mask: int) -> np.ndarray:
    """Every sub-coalition of ``mask`` (including ∅ and ``mask`` itself), in increasing order.

    The ``k``-th submask scatters the bits of ``k`` onto the members of ``mask`` (a vectorised
    "parallel bit deposit"), so the submasks of a coalition of size ``s`` cost ``s · 2**s``
    operations.
    """
    bits = [i for i in range(int(mask).bit_length()) if (int(mask) >> i) & 1]
    ranks = np.arange(1 << len(bits), dtype=np.int64)
    out = np.zeros_like(ranks)
    for j, bit in enumerate(bits):
        out |= ((ranks >> j) & 1) << bit
    return out


def chunk_ranges(start: int, stop: int, chunk: int) -> Iterator[tuple[int, int]]:
    """Consecutive ``(lo, hi)`` slices of ``range(start, stop)`` of at most ``chunk`` items."""
    for lo in range(start, stop, chunk):
        yield lo, min(lo + chunk, stop)
