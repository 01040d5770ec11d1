"""The partition search's improvement phases made cheaper (issue 15) search what they searched.

Each saving is checked against what it replaces:

- the exact DP's index tables, built once per window size and cut to the admissible pools, give
  the table that building them for those pools alone gave (the DP before this round);
"""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from simulator.games import partition_exact as exact


def _best_built_per_solve(value: np.ndarray, m: int) -> np.ndarray:
    """The DP as it was: index tables built for the admissible pools of each solve."""
    size = 1 << m
    _, sizes, lowest = exact._subsets(m)
    best = np.full(size, -np.inf)
    best[0] = 0.0
    for low in range(m - 1, -1, -1):
        above = (size - 1) & ~((2 << low) - 1)
        pools = np.flatnonzero((lowest == low) & (value > -np.inf))
        for t in np.unique(sizes[pools]):
            group = pools[sizes[pools] == t]
            rest = exact._all_submasks(above & ~group, m)
            np.maximum.at(best, (group[:, None] | rest).ravel(), (value[group][:, None] + best[rest]).ravel())
    return best


@settings(max_examples=40, deadline=None)
@given(m=st.integers(1, 9), seed=st.integers(0, 10_000), admissible=st.floats(0.05, 1.0))
def test_dp_on_kept_tables_is_the_dp_built_per_solve(m, seed, admissible):
    rng = np.random.default_rng(seed)
    _, sizes, _ = exact._subsets(m)
    value = np.where(rng.random(1 << m) < admissible, rng.normal(0, 100, 1 << m).round(2), -np.inf)
    value[sizes <= 1] = 0.0
    assert np.array_equal(exact._best(value, m), _best_built_per_solve(value, m))


def test_dp_tables_built_above_the_kept_size_are_the_kept_ones(monkeypatch):
    kept = exact._plan(6)
    monkeypatch.setattr(exact, "PLAN_KEPT_UP_TO", 5)
    built = exact._plan(6)
    assert len(kept) == len(built)
    for one, two in zip(kept, built, strict=True):
        assert all(np.array_equal(a, b) for a, b in zip(one, two, strict=True))
