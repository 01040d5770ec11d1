"""Rule-based candidate pools: pairwise rules, vectorised check and windows, against brute force."""

from __future__ import annotations

import itertools

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from simulator.communes import neighbours
from simulator.errors import InputError
from simulator.games.neighbourhoods import may_pool, neighbourhood_windows, pools_allowed
from simulator.org_schema import COMMUNES

SUBSECTORS = ("medical_centre", "home_care", "mental_health")


def test_may_pool_by_hand():
    communes = ["ixelles", "etterbeek", "anderlecht", "ixelles"]
    subsectors = ["medical_centre", "medical_centre", "medical_centre", "home_care"]
    near = may_pool(communes, near="neighbours")
    assert near[0, 1] and not near[0, 2] and near[0, 3]  # Ixelles borders Etterbeek, not Anderlecht
    same = may_pool(communes, near="commune")
    assert not same[0, 1] and same[0, 3]
    both = may_pool(communes, subsectors, near="neighbours", same_subsector=True)
    assert both[0, 1] and not both[0, 3]
    assert may_pool(communes, near=None).all()
    with pytest.raises(InputError, match="commune"):
        may_pool(["atlantis"])
    with pytest.raises(InputError, match="near"):
        may_pool(communes, near="region")


def brute_force_allowed(mask: np.ndarray, communes, subsectors, near, same_subsector, max_size) -> bool:
    members = np.flatnonzero(mask)
    if max_size is not None and members.size > max_size:
        return False
    for i, j in itertools.combinations(members, 2):
        a, b = communes[i], communes[j]
        if near == "commune" and a != b:
            return False
        if near == "neighbours" and a != b and b not in neighbours(a):
            return False
        if same_subsector and subsectors[i] != subsectors[j]:
            return False
    return True


candidates = st.lists(st.tuples(st.sampled_from(COMMUNES), st.sampled_from(SUBSECTORS)),
                      min_size=1, max_size=9)


@settings(max_examples=60, deadline=None)
@given(candidates, st.sampled_from(["commune", "neighbours", None]), st.booleans(),
       st.sampled_from([None, 2, 3]))
def test_rules_and_windows_match_brute_force(rows, near, same_subsector, max_size):
    communes = [c for c, _ in rows]
    subsectors = [s for _, s in rows]
    n = len(rows)
    allowed = may_pool(communes, subsectors, near=near, same_subsector=same_subsector)
    masks = ((np.arange(1, 2**n)[:, None] >> np.arange(n)) & 1).astype(bool)  # every non-empty pool
    got = pools_allowed(masks, allowed, max_size)
    expected = [brute_force_allowed(m, communes, subsectors, near, same_subsector, max_size) for m in masks]
    np.testing.assert_array_equal(got, expected)
    windows = neighbourhood_windows(communes, subsectors, near=near, same_subsector=same_subsector)
    cover = np.zeros((len(windows), n), dtype=bool)
    for k, w in enumerate(windows):
        cover[k, w] = True
        assert w.size >= 2
    for mask in masks[got & (masks.sum(axis=1) >= 2)]:  # every allowed pool of two or more …
        assert (cover[:, mask].all(axis=1)).any()  # … lies inside a window


def test_windows_stay_small_among_a_thousand_candidates():
    rng = np.random.default_rng(0)
    communes = list(rng.choice(COMMUNES, 1000))
    subsectors = list(rng.choice(SUBSECTORS, 1000))
    windows = neighbourhood_windows(communes, subsectors, near="neighbours", same_subsector=True)
    sizes = np.array([w.size for w in windows])
    assert len(windows) == 19 * len(SUBSECTORS)
    assert sizes.max() < 1000 / len(SUBSECTORS) * 14 / 19 + 40  # Bruxelles: itself + 13 neighbours
