"""Model v2 — the cost game's funding rule (MODEL.md §8.7): a subsidy belongs to the grand pool."""

from __future__ import annotations

import numpy as np
import pytest

from simulator.kernel import coalition_costs, run_kernel
from simulator.mechanisms.funding import coalition_scale
from simulator.scenario import Funding

ROWS = [{"id": f"m{i}", "accounting.fte": 1.0} for i in range(4)]
COALITIONS = np.array([[1, 1, 1, 1], [1, 1, 0, 0], [1, 1, 1, 0]], dtype=bool)


def _subsidies(make_model, **rule):
    funding = {"coordination_subsidy": {"eur_per_year": 10_000, "years": 3}, **rule}
    model = make_model(ROWS, {"accounting": "all"}, funding=funding)
    k = run_kernel(model, mask=COALITIONS[:, :, None], with_irr=False, totals_only=True)
    return model, k.waterfall["subsidies"]


def test_per_member_rule_gives_a_sub_group_its_share(make_model):
    _, sub = _subsidies(make_model)
    assert sub[0] < 0  # a subsidy is a negative cost
    # 2 of 4 members get half the grand pool's subsidy, 3 of 4 three quarters
    assert sub[1] == pytest.approx(0.5 * sub[0])
    assert sub[2] == pytest.approx(0.75 * sub[0])


def test_lump_rule_funds_only_eligible_pools(make_model):
    _, sub = _subsidies(make_model, rule="lump", min_members=3)
    assert sub[1] == 0.0  # a splinter pair gets nothing
    assert sub[2] == pytest.approx(sub[0])  # three members qualify for the whole lump


def test_a_grant_no_longer_favours_splinter_groups(make_model):
    v2, _ = _subsidies(make_model)
    v1, _ = _subsidies(make_model, rule="lump", min_members=0)  # v1: every coalition got it all
    c2, c1 = coalition_costs(v2, COALITIONS), coalition_costs(v1, COALITIONS)
    assert c2[0] == pytest.approx(c1[0], rel=1e-12)  # the grand pool is funded as before
    assert c2[1] > c1[1] and c2[2] > c1[2]  # sub-groups no longer get the whole subsidy


@pytest.mark.parametrize(("rule", "members", "expected"), [
    ("per_member", [4, 2, 1, 0], [1.0, 0.5, 0.25, 0.0]),
    ("lump", [4, 2, 3, 0], [1.0, 0.0, 1.0, 0.0]),
])
def test_coalition_scale(rule, members, expected):
    funding = Funding(rule=rule, min_members=3)
    assert coalition_scale(funding, np.array(members), 4) == pytest.approx(expected)
