"""Candidate pools for the partition search: their cost, benefit and whether they are admissible.

The search (``partition.py``) works inside one *group* of ``m`` candidates (candidates that may
pool together, e.g. the same commune) with local boolean masks ``(C, m)``; :class:`PoolEvaluator`
widens them to the ``N`` columns the cost function expects, calls it in chunks, and judges pools.

Benefit of a pool S: what its members save together, ``b(S) = Σ_{i∈S} c({i}) − c(S)``; a candidate
standing alone has ``b = 0``. A pool of two or more is *admissible* when

- ``|S| ≤ max_size``;
- ``b(S) > 0`` — it saves something;
- every member is better off than alone by at least ``min_gain`` euro under the allocation
  ``rule``: ``"standalone"`` (cost shared in proportion to standalone costs, so member ``i`` gains
  ``c({i}) · b(S) / Σ_{j∈S} c({j})``), ``"equal"`` (gain ``c({i}) − c(S)/|S|``) or ``"shapley"``
  (gain ``c({i}) − φ_i`` in the pool's own game; ``2**|S|`` costs per pool, so pools of at most
  :data:`SHAPLEY_POOL_LIMIT` members, checked lazily by :meth:`PoolEvaluator.confirm`).
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from typing import Any

import numpy as np

from .coalitions import submasks
from .inputs import CostFunction, call_cost_fn
from .shapley import shapley_exact

__all__ = ["RULES", "SHAPLEY_POOL_LIMIT", "PoolEvaluator"]

RULES = ("standalone", "equal", "shapley")
#: Largest pool whose members' Shapley shares are computed to check they are better off.
SHAPLEY_POOL_LIMIT = 12


class PoolEvaluator:
    """Costs and admissibility of pools drawn from one group of candidates.

    Parameters
    ----------
    cost_fn
        Vectorised ``(C, N) bool -> (C,)`` over all candidates. If it has a method
        ``restrict(cols)`` returning the same function over the candidates ``cols`` only (masks
        ``(C, len(cols))``), or None, pools of a group are costed through it.
    candidates
        All ``N`` candidate ids (for error messages).
    cols
        Positions (in ``0 … N-1``) of this group's ``m`` candidates.
    standalone
        ``c({i})`` of all ``N`` candidates.
    max_size, rule, min_gain
        Admissibility, see the module docstring.
    chunk
        Rows per call of ``cost_fn``.
    neighbourhood
        A :class:`~simulator.games.partition_rules.Neighbourhood` rule (who may pool with whom):
        pools it forbids are not admissible. None: no rule.

    Attributes
    ----------
    solved
        Best partitions already found of sub-groups, by their candidates' positions (``bytes`` of
        ``cols``): the neighbourhood search meets the same window again after re-cutting it, and
        the answer depends only on its candidates and these rules. Shared with every
        :meth:`restricted` evaluator.
    """

    def __init__(
        self,
        cost_fn: CostFunction,
        candidates: Sequence[Hashable],
        cols: np.ndarray,
        standalone: np.ndarray,
        *,
        max_size: int | None,
        rule: str,
        min_gain: float,
        chunk: int,
        neighbourhood: Any = None,
        solved: dict[bytes, Any] | None = None,
    ):
        self.cost_fn = cost_fn
        self.solved: dict[bytes, Any] = {} if solved is None else solved
        self.neighbourhood = neighbourhood
        self.candidates = candidates
        self.cols = np.asarray(cols)
        self.m = self.cols.size
        self._standalone_all = np.asarray(standalone)
        self.standalone = self._standalone_all[self.cols]
        self.max_size = self.m if max_size is None else max_size
        self.rule = rule
        self.min_gain = float(min_gain)
        self.chunk = chunk
        self.tol = 1e-9 * max(1.0, float(np.abs(self.standalone).sum()))
        self.table: np.ndarray | None = None  # c of every local mask, when enumerated
        self.calls = 0
        self._confirmed: dict[bytes, bool] = {}
        # a cost function that can be cut down to this group's candidates costs its pools faster
        restrict = getattr(cost_fn, "restrict", None)
        self._local = restrict(self.cols) if restrict is not None and not self._everyone() else None
        self._local_names = tuple(candidates[i] for i in self.cols)
        self._admits = None if neighbourhood is None else neighbourhood.local(self.cols)

    def restricted(self, members: np.ndarray) -> PoolEvaluator:
        """The same rules on a sub-group (``members``: local indices), for neighbourhood search."""
        return PoolEvaluator(
            self.cost_fn,
            self.candidates,
            self.cols[np.asarray(members)],
            self._standalone_all,
            max_size=self.max_size,
            rule=self.rule,
            min_gain=self.min_gain,
            chunk=self.chunk,
            neighbourhood=self.neighbourhood,
            solved=self.solved,
        )

    def within_rule(self, masks: np.ndarray) -> np.ndarray:
        """``(C,)`` bool: pools the neighbourhood rule allows (all, without a rule)."""
        masks = np.asarray(masks, dtype=bool)
        return np.ones(masks.shape[0], dtype=bool) if self._admits is None else self._admits(masks)

    def cost(self, masks: np.ndarray) -> np.ndarray:
        """``c(S)`` of local masks ``(C, m)`` (the empty pool costs 0 and is not evaluated)."""
        masks = np.asarray(masks, dtype=bool)
        return self._cost(masks, np.flatnonzero(masks.any(axis=1)))

    def _cost(self, masks: np.ndarray, rows: np.ndarray) -> np.ndarray:
        """``c(S)`` of ``masks``, evaluating the rows ``rows`` only (the others cost 0)."""
        out = np.zeros(masks.shape[0])
        everyone = self._everyone()
        for lo in range(0, rows.size, self.chunk):
            part = rows[lo : lo + self.chunk]
            if self._local is not None:  # costed on the group's own candidates: no widening
                out[part] = call_cost_fn(self._local, masks[part], self._local_names)
                self.calls += 1
                continue
            if everyone:  # the group is all candidates, in order: no widening needed
                wide = masks[part]
            else:
                wide = np.zeros((part.size, len(self.candidates)), dtype=bool)
                wide[:, self.cols] = masks[part]
            out[part] = call_cost_fn(self.cost_fn, wide, self.candidates)
            self.calls += 1
        return out

    def _everyone(self) -> bool:
        return self.m == len(self.candidates) and bool((self.cols == np.arange(self.m)).all())

    def assess(self, masks: np.ndarray, cost: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
        """Benefit ``b(S)`` and admissibility (all checks but the lazy Shapley one) of each row."""
        masks = np.asarray(masks, dtype=bool)
        size = np.count_nonzero(masks, axis=1)
        cost = self._cost(masks, np.flatnonzero(size)) if cost is None else cost
        own = _row_sums(masks, self.standalone)
        benefit = np.where(size >= 2, own - cost, 0.0)
        pooled_ok = (size <= self.max_size) & (benefit > self.tol)
        if self._admits is not None:
            pooled_ok &= self._admits(masks)
        # with the standalone rule and no threshold, every member gains as soon as b(S) > 0
        if self.rule == "equal" or (self.rule == "standalone" and self.min_gain > 0):
            smallest = np.where(masks, self.standalone, np.inf).min(axis=1)
            if self.rule == "standalone":
                with np.errstate(divide="ignore", invalid="ignore"):
                    member_gain = smallest * benefit / own
            else:
                member_gain = smallest - cost / np.maximum(size, 1)
            pooled_ok &= member_gain >= self.min_gain - self.tol
        return benefit, (size <= 1) | pooled_ok

    def confirm(self, mask: np.ndarray) -> bool:
        """The lazy check: under the Shapley rule, every member gains at least ``min_gain``."""
        mask = np.asarray(mask, dtype=bool)
        if self.rule != "shapley" or mask.sum() <= 1:
            return True
        key = np.packbits(mask).tobytes()
        if key not in self._confirmed:
            self._confirmed[key] = bool((self.gains(mask) >= self.min_gain - self.tol).all())
        return self._confirmed[key]

    def shares(self, mask: np.ndarray) -> np.ndarray:
        """What each member of the pool ``mask`` pays under the rule (standalone when alone)."""
        mask = np.asarray(mask, dtype=bool)
        own = self.standalone[mask]
        if mask.sum() <= 1:
            return own.copy()
        total = float(self.cost(mask[None])[0])
        if self.rule == "standalone":
            return total * own / own.sum()
        if self.rule == "equal":
            return np.full(own.size, total / own.size)
        return self._shapley(mask)

    def gains(self, mask: np.ndarray) -> np.ndarray:
        """``c({i}) − share_i`` for the members of ``mask``."""
        return self.standalone[mask] - self.shares(mask)

    def _shapley(self, mask: np.ndarray) -> np.ndarray:
        members = np.flatnonzero(mask)
        local = int(np.sum(np.left_shift(1, members)))
        subs = submasks(local)  # k-th entry = sub-pool whose members are the bits of k
        if self.table is not None:
            sub_costs = self.table[subs]
        else:
            rows = ((subs[:, None] >> np.arange(self.m)) & 1).astype(bool)
            sub_costs = self.cost(rows)
        return shapley_exact(sub_costs)


#: Rows per block in :func:`_row_sums` (a block of ``m`` float64 columns stays in cache; a
#: multiple of 64, see there).
_SUM_BLOCK = 1024


def _row_sums(masks: np.ndarray, values: np.ndarray) -> np.ndarray:
    """``masks @ values`` for boolean masks ``(C, m)``, block by block: the same matrix-vector
    product on the same float64 rows (so the same sums, bit for bit), but each block of rows is
    converted into one reused buffer instead of the whole ``(C, m)`` float64 copy numpy makes
    first — on 200 columns a sixth of the time (about 0.14 instead of 0.8 µs per row).

    The BLAS kernel may sum a row in another order depending on its position among the rows (the
    rows left over after groups of 4 or 8) and on its memory alignment: blocks of
    :data:`_SUM_BLOCK` rows, a multiple of 64, keep both what they were in the whole copy.
    """
    out = np.empty(masks.shape[0])
    if masks.shape[0] <= _SUM_BLOCK:
        return np.matmul(masks.astype(np.float64), values, out=out)
    block = np.empty((_SUM_BLOCK, masks.shape[1]))
    for lo in range(0, masks.shape[0], _SUM_BLOCK):
        part = masks[lo : lo + _SUM_BLOCK]
        rows = block[: part.shape[0]]
        np.copyto(rows, part)
        np.matmul(rows, values, out=out[lo : lo + _SUM_BLOCK])
    return out
