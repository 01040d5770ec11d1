"""Remember the cost of pools already costed: the partition search asks for the same pools often.

Local and neighbourhood search re-cost the same pools over and over (every window of the
neighbourhood search enumerates all its sub-pools, and windows overlap): on 200 candidates with
the engine's kernel 2.2 million of the 5.4 million rows asked for are new, the rest repeats.
:class:`CostCache` wraps a vectorised ``cost_fn((C, N) bool) -> (C,)``: each row is packed into
``ceil(N / 8)`` bytes, looked up in a dictionary, and only rows never seen before (each once) are
sent to ``cost_fn``.

When the wrapped function can be cut down to a few candidates (``restrict``, see
:class:`~simulator.games.engine_costs.KernelCosts`), so can the cache, sharing the same memory: the
key of a row of ``m`` local columns is packed straight from those columns into the same
``ceil(N / 8)`` bytes (:func:`_pack`: one shifted OR per local column), never widened to a
``(C, N)`` mask first — a search window of 12 among 1,000 candidates used to write 1,000 booleans
per row to look up 12.

The look-up costs about half a microsecond per row in a dictionary of millions of pools (memory
latency, whatever the key); a pool costed by the engine's kernel 5–10 µs. For a cheap cost
function (a closed formula) the cache is not worth it (``cache=False``).
"""

from __future__ import annotations

from itertools import repeat

import numpy as np

from simulator.errors import InputError

from .inputs import CostFunction

__all__ = ["CostCache"]

#: Most pools remembered (about 150 bytes each); the cache starts afresh when full.
CACHE_LIMIT = 4_000_000


class CostCache:
    """A memoising wrapper of a vectorised cost function (see the module docstring).

    Attributes
    ----------
    hits, misses
        Rows answered from memory, and rows sent to the cost function.
    """

    def __init__(self, cost_fn: CostFunction, width: int, limit: int = CACHE_LIMIT):
        self.cost_fn = cost_fn
        self.width = int(width)
        self.limit = int(limit)
        self.store: dict[bytes, float] = {}
        self.hits = 0
        self.misses = 0

    def __call__(self, masks: np.ndarray) -> np.ndarray:
        masks = np.asarray(masks, dtype=bool)
        if masks.ndim != 2 or masks.shape[0] == 0:
            return self.cost_fn(masks)
        return self._lookup(_keys(np.packbits(masks, axis=1)), masks, self.cost_fn)

    def restrict(self, cols: np.ndarray) -> CostFunction | None:
        """Costs of pools of the candidates ``cols`` only (masks ``(C, len(cols))``), through the
        wrapped function's own ``restrict`` and this same memory; None if it has none."""
        restrict = getattr(self.cost_fn, "restrict", None)
        local = restrict(cols) if restrict is not None else None
        if local is None:
            return None
        cols = np.asarray(cols, dtype=np.int64)
        byte, bit = cols // 8, (7 - cols % 8).astype(np.uint8)
        words = -(-self.width // 8)

        def cost_fn(masks: np.ndarray) -> np.ndarray:
            masks = np.asarray(masks, dtype=bool)
            if masks.ndim != 2 or masks.shape[0] == 0:
                return local(masks)
            return self._lookup(_keys(_pack(masks, byte, bit, words)), masks, local)

        return cost_fn

    def _lookup(self, keys: list[bytes], masks: np.ndarray, cost_fn: CostFunction) -> np.ndarray:
        """Costs of ``masks`` by ``cost_fn``, remembered under ``keys`` (one per row)."""
        rows = len(keys)
        store = self.store
        out = np.fromiter(map(store.get, keys, repeat(np.nan)), dtype=np.float64, count=rows)
        missing = np.flatnonzero(np.isnan(out))
        self.hits += rows - missing.size
        if missing.size:
            missing_keys = [keys[i] for i in missing.tolist()]
            # first row of each new pool (later duplicates overwrite, so go backwards)
            first = dict(zip(reversed(missing_keys), reversed(missing.tolist()), strict=True))
            once = len(first) == missing.size  # no pool twice (windows, growth): rows are the new pools
            new_rows = missing[::-1] if once else np.fromiter(first.values(), dtype=np.int64, count=len(first))
            costs = np.asarray(cost_fn(masks[new_rows]), dtype=np.float64)
            if costs.shape != (new_rows.size,):
                raise InputError("cost_fn", f"returned shape {costs.shape} for {new_rows.size} "
                                            "coalitions; expected (C,).")
            self.misses += new_rows.size
            fresh = zip(first, costs.tolist(), strict=True)
            if once:
                out[new_rows] = costs
            else:
                fresh = dict(fresh)
                out[missing] = np.fromiter(map(fresh.__getitem__, missing_keys), dtype=np.float64,
                                           count=missing.size)
            if len(store) + len(first) > self.limit:
                store.clear()
            store.update(fresh)
        return out


def _keys(packed: np.ndarray) -> list[bytes]:
    """One ``bytes`` key per row of packed masks ``(C, ceil(N / 8))`` uint8."""
    packed = np.ascontiguousarray(packed)
    return packed.view(np.dtype((np.void, packed.shape[1]))).ravel().tolist()


#: Local columns up to which a row's key is packed column by column in place; above, on the
#: transposed masks (contiguous column reads; the transposes cost about 0.1 µs per row).
_PACK_IN_PLACE = 32


def _pack(masks: np.ndarray, byte: np.ndarray, bit: np.ndarray, words: int) -> np.ndarray:
    """``np.packbits`` of the wide rows ``(C, N)`` whose column ``cols[j]`` is ``masks[:, j]``,
    written straight from the ``m`` local columns (column ``c`` is bit ``7 − c % 8`` of byte
    ``c // 8``): ``m`` shifted ORs instead of writing and packing ``N`` booleans per row."""
    if masks.shape[1] <= _PACK_IN_PLACE:
        packed = np.zeros((masks.shape[0], words), dtype=np.uint8)
        for j in range(masks.shape[1]):
            packed[:, byte[j]] |= masks[:, j].view(np.uint8) << bit[j]
        return packed
    columns = np.ascontiguousarray(masks.T).view(np.uint8)
    packed = np.zeros((words, masks.shape[0]), dtype=np.uint8)
    for j in range(masks.shape[1]):
        packed[byte[j]] |= columns[j] << bit[j]
    return np.ascontiguousarray(packed.T)
