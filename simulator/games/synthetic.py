"""A synthetic, economically sensible pool cost for tests, benchmarks and demonstrations.

It stands in for the engine's kernel when the games package is exercised on its own. A pool S of
candidate organisations shares one labour function (MODEL.md §3.1) and pays coordination (§3.6)::

    c(S) = u · ( Σ_{i∈S} w_i^(1/b) )^b                      pooled staff (power law, b ≤ 1)
         + [|S| ≥ 2] · ( F + g·|S| + κ·|S|(|S|−1)/2 )      set-up (annualised), governance, pairs
         + [|S| ≥ 2] · h · (number of distinct groups in S − 1)   heterogeneity drag

with ``w_i`` the FTE candidate ``i`` spends on the function today, ``u`` the loaded cost of an FTE.
Alone (|S| = 1) a candidate pays ``u · w_i``. Scale economies make pooling pay, the pairwise term
caps the useful pool size, the drag discourages mixing sub-sectors. Default figures follow
MODEL.md §5 roughly (an accountant's loaded cost ≈ €60 k/yr, b = 0.85); they are illustrative, not
calibrated.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pandas as pd

__all__ = ["candidate_table", "labour_pool_cost"]

#: Rows of masks processed at once, to bound the float temporaries.
_ROWS = 1 << 13

COMMUNES = (
    "Anderlecht", "Auderghem", "Berchem-Sainte-Agathe", "Bruxelles", "Etterbeek", "Evere",
    "Forest", "Ganshoren", "Ixelles", "Jette", "Koekelberg", "Molenbeek-Saint-Jean",
    "Saint-Gilles", "Saint-Josse-ten-Noode", "Schaerbeek", "Uccle", "Watermael-Boitsfort",
    "Woluwe-Saint-Lambert", "Woluwe-Saint-Pierre",
)  # fmt: skip
SUBSECTORS = ("aide aux personnes", "santé mentale", "toxicomanie", "planning familial")


def labour_pool_cost(
    fte: np.ndarray,
    *,
    unit_cost: float = 60_000.0,
    exponent: float = 0.85,
    setup: float = 3_000.0,
    governance: float = 1_500.0,
    pairwise: float = 1_000.0,
    groups: np.ndarray | None = None,
    heterogeneity: float = 3_000.0,
) -> Callable[[np.ndarray], np.ndarray]:
    """Vectorised ``cost_fn(masks (C, N) bool) -> (C,)`` for candidates with ``fte`` (N,).

    ``groups`` (N,) optional integer codes (e.g. sub-sector) for the heterogeneity drag.
    """
    fte = np.asarray(fte, dtype=np.float64)
    loads = fte ** (1.0 / exponent)
    onehot = None
    if groups is not None:
        codes = np.unique(np.asarray(groups), return_inverse=True)[1]
        onehot = np.eye(codes.max() + 1)[codes]

    def cost_fn(masks: np.ndarray) -> np.ndarray:
        masks = np.asarray(masks, dtype=bool)
        out = np.empty(masks.shape[0])
        for lo in range(0, masks.shape[0], _ROWS):
            rows = masks[lo : lo + _ROWS].astype(np.float64)
            size = rows.sum(axis=1)
            pooled = size >= 2
            cost = unit_cost * (rows @ loads) ** exponent
            cost += pooled * (setup + governance * size + pairwise * size * (size - 1) / 2)
            if onehot is not None:
                distinct = ((rows @ onehot) > 0).sum(axis=1)
                cost += pooled * heterogeneity * np.maximum(distinct - 1, 0)
            out[lo : lo + _ROWS] = cost
        return out

    return cost_fn


def candidate_table(n: int, seed: int = 0) -> pd.DataFrame:
    """``n`` synthetic ASBLs: id, commune, subsector, fte on the pooled function (seeded)."""
    rng = np.random.default_rng(seed)
    return pd.DataFrame(
        {
            "commune": rng.choice(COMMUNES, size=n),
            "subsector": rng.choice(SUBSECTORS, size=n),
            "fte": np.round(rng.lognormal(mean=-0.4, sigma=0.6, size=n).clip(0.1, 4.0), 2),
        },
        index=pd.Index([f"asbl{i:03d}" for i in range(n)], name="id"),
    )
