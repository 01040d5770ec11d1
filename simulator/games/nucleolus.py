"""Least core and nucleolus of a cost game, by a sequence of linear programmes (HiGHS).

The *excess* of coalition S at allocation x is ``e(S, x) = c(S) − x(S)``: what S saves by staying
in the pool rather than leaving. The **least core** makes the worst-off coalition as well off as
possible (Maschler, Peleg & Shapley 1979)::

    max t   s.t.  x(S) + t ≤ c(S)   for every proper coalition ∅ ≠ S ⊊ N,   x(N) = c(N).

``ε = −t*`` is the least-core value: the core is non-empty exactly when ``ε ≤ 0``. The
**nucleolus** (Schmeidler 1969) goes on lexicographically: having made the smallest excess as large
as possible, it fixes the coalitions that are tight at that level and maximises the next smallest
excess, and so on, until the allocation is unique. It is the most "stable" split: if the core is
not empty the nucleolus is in it.

Algorithm (the standard LP sequence, e.g. Fromen 1997; Guajardo & Jörnsten 2015 on pitfalls)::

    fixed ← {N};  free ← all proper coalitions
    repeat
        t_k ← max t  s.t.  x(S) + t ≤ c(S) (S ∈ free),  x(T) = c(T) − t_j (T fixed at level j)
        fix every free S whose constraint has a strictly positive dual, at level t_k
        drop from free every S whose indicator is a linear combination of the fixed ones
            (its excess is now constant, it can no longer move)
    until the fixed indicators span ℝⁿ (x is unique)

Ties: a strictly positive dual certifies, by complementary slackness, that S is tight in *every*
optimal solution, so fixing it is safe; at least one dual is positive because they sum to one (the
coefficient of t). A coalition that is tight in every optimum but has a zero dual (degenerate LP) is
not fixed in this round; the next LP then returns the same level t_k and its dual becomes positive.
Each round adds at least one independent indicator, so there are at most n rounds.

When the imputation set is non-empty (``Σ c({i}) ≥ c(N)``) the nucleolus is computed over
imputations (``x_i ≤ c({i})``, every member at most its standalone cost, as hard constraints);
otherwise no individually rational split exists and the pre-nucleolus (no such bound) is returned.
When the core is non-empty the two coincide.

The LP has one row per coalition (``2**n − 2``), so this is practical up to
:data:`NUCLEOLUS_LIMIT` members. Costs are scaled to order one before solving.

References
----------
Schmeidler, D. (1969). The nucleolus of a characteristic function game. *SIAM J. Appl. Math.* 17(6).
Maschler, M., Peleg, B. & Shapley, L. S. (1979). Geometric properties of the kernel, nucleolus and
related solution concepts. *Mathematics of Operations Research* 4(4), 303–338.
Fromen, B. (1997). Reducing the number of linear programs needed for solving the nucleolus problem
of n-person game theory. *European Journal of Operational Research* 98(3), 626–636.
Guajardo, M. & Jörnsten, K. (2015). Common mistakes in computing the nucleolus. *European Journal of
Operational Research* 241(3), 931–935.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy import sparse
from scipy.optimize import linprog

from .coalitions import int_to_bool

__all__ = ["NUCLEOLUS_LIMIT", "NucleolusResult", "least_core", "nucleolus"]

#: Largest game solved by the LP sequence (2**16 − 2 rows per LP).
NUCLEOLUS_LIMIT = 16

_DUAL_TOL = 1e-9
_SPAN_TOL = 1e-9
#: Tighter than HiGHS's defaults (1e-7): costs are scaled to at most 1, cents still count.
_HIGHS_OPTIONS = {"primal_feasibility_tolerance": 1e-10, "dual_feasibility_tolerance": 1e-10}


@dataclass(frozen=True)
class NucleolusResult:
    """Allocation ``(n,)``, the excess levels fixed in turn, and which variant was solved."""

    allocation: np.ndarray
    levels: tuple[float, ...]
    kind: str  # "nucleolus" (over imputations) or "prenucleolus"


def least_core(costs: np.ndarray) -> tuple[np.ndarray, float]:
    """A least-core allocation and the least-core value ``ε`` (core non-empty iff ``ε ≤ 0``).

    The least core is a set; the point returned is the one HiGHS finds (use :func:`nucleolus` for a
    canonical point inside it). For a single player there is no proper coalition: ``ε = −inf``.
    """
    costs = np.asarray(costs, dtype=np.float64)
    n = costs.size.bit_length() - 1
    if n == 1:
        return costs[-1:].copy(), float("-inf")
    scale = _scale(costs)
    problem = _Problem(costs / scale, n, imputation=False)
    x, t, _ = problem.solve()
    return x * scale, float(-t * scale)


def nucleolus(costs: np.ndarray) -> NucleolusResult:
    """Nucleolus (or pre-nucleolus, when no imputation exists) by the LP sequence above."""
    costs = np.asarray(costs, dtype=np.float64)
    n = costs.size.bit_length() - 1
    if n == 1:
        return NucleolusResult(costs[-1:].copy(), (), "nucleolus")
    scale = _scale(costs)
    scaled = costs / scale
    standalone = scaled[1 << np.arange(n)]
    imputation = bool(standalone.sum() >= scaled[-1] - 1e-12)
    problem = _Problem(scaled, n, imputation=imputation)
    levels: list[float] = []
    while True:
        x, t, duals = problem.solve()
        levels.append(float(t * scale))
        if problem.fix(duals, x, t):
            break
    kind = "nucleolus" if imputation else "prenucleolus"
    return NucleolusResult(problem.unique_allocation() * scale, tuple(levels), kind)


def _scale(costs: np.ndarray) -> float:
    top = float(np.max(np.abs(costs)))
    return top if top > 0 else 1.0


class _Problem:
    """The LP sequence's state: free coalitions, fixed equalities and the basis of their span."""

    def __init__(self, costs: np.ndarray, n: int, *, imputation: bool):
        self.n = n
        self.masks = np.arange(1, (1 << n) - 1, dtype=np.int64)
        self.rows = int_to_bool(self.masks, n).astype(np.float64)
        self.rhs = costs[self.masks]
        self.grand = float(costs[-1])
        self.free = np.ones(self.masks.size, dtype=bool)
        self.eq_rows: list[np.ndarray] = [np.ones(n)]
        self.eq_rhs: list[float] = [self.grand]
        self.basis = np.ones((n, 1)) / np.sqrt(n)  # orthonormal basis of span(eq_rows)
        self.upper = costs[1 << np.arange(n)] if imputation else None

    def solve(self) -> tuple[np.ndarray, float, np.ndarray]:
        """One LP: maximise t over the free coalitions; returns (x, t, duals of free rows)."""
        n = self.n
        free_rows = self.rows[self.free]
        a_ub = sparse.hstack(
            [sparse.csr_array(free_rows), sparse.csr_array(np.ones((free_rows.shape[0], 1)))],
            format="csr",
        )
        b_ub = self.rhs[self.free]
        a_eq = np.hstack([np.array(self.eq_rows), np.zeros((len(self.eq_rows), 1))])
        if self.upper is None:
            bounds = [(None, None)] * n
        else:
            bounds = [(None, float(u)) for u in self.upper]
        objective = np.zeros(n + 1)
        objective[-1] = -1.0
        result = linprog(
            objective,
            A_ub=a_ub,
            b_ub=b_ub,
            A_eq=a_eq,
            b_eq=np.array(self.eq_rhs),
            bounds=[*bounds, (None, None)],
            method="highs",
            options=_HIGHS_OPTIONS,
        )
        if result.status != 0:  # pragma: no cover - bounded and feasible by construction
            raise RuntimeError(f"nucleolus LP failed: {result.message}")
        duals = -np.asarray(result.ineqlin.marginals)
        return result.x[:n], float(result.x[n]), duals

    def fix(self, duals: np.ndarray, x: np.ndarray, t: float) -> bool:
        """Fix the coalitions certified tight at level ``t``; True when ``x`` is now unique.

        Only linearly independent indicators are kept as equalities (at most n rows in the LP); the
        other tight coalitions are implied by them and simply leave the free set.
        """
        free_index = np.flatnonzero(self.free)
        slack = self.rhs[free_index] - self.rows[free_index] @ x - t
        tight = (duals > _DUAL_TOL) & (np.abs(slack) <= 1e-7)
        if not tight.any():  # numerical corner: fix the most binding coalition
            tight = np.zeros_like(tight)
            tight[int(np.argmax(duals))] = True
        candidates = free_index[tight]
        self.free[candidates] = False
        while candidates.size and self.basis.shape[1] < self.n:
            rows = self.rows[candidates]
            residual = rows - (rows @ self.basis) @ self.basis.T
            norms = np.linalg.norm(residual, axis=1)
            best = int(np.argmax(norms))
            if norms[best] <= _SPAN_TOL:
                break
            k = candidates[best]
            self.eq_rows.append(self.rows[k])
            self.eq_rhs.append(float(self.rhs[k] - t))
            self.basis = np.column_stack([self.basis, residual[best] / norms[best]])
            keep = norms > _SPAN_TOL
            keep[best] = False
            candidates = candidates[keep]
        if self.basis.shape[1] >= self.n:
            return True
        # coalitions whose indicator lies in the span of the fixed ones have a constant excess
        remaining = np.flatnonzero(self.free)
        rows = self.rows[remaining]
        residual = rows - (rows @ self.basis) @ self.basis.T
        self.free[remaining[np.linalg.norm(residual, axis=1) <= 1e-8]] = False
        return not self.free.any()

    def unique_allocation(self) -> np.ndarray:
        """The allocation pinned down by the fixed equalities (full-rank least squares)."""
        solution, *_ = np.linalg.lstsq(np.array(self.eq_rows), np.array(self.eq_rhs), rcond=None)
        return solution
