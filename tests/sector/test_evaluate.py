"""One pool: funding applied on top of the kernel equals the kernel run with that funding."""

from __future__ import annotations

import numpy as np
import pytest

from simulator.kernel import run_kernel
from simulator.mechanisms.funding import funding_flows
from simulator.model import compile_scenario
from simulator.scenario import Funding
from simulator.sector import generate_population
from simulator.sector.evaluate import apply_funding, compile_pool, run_pool
from simulator.sector.options import Sector

FUNDINGS = [
    Funding(),
    Funding(startup_grant={"share": 0.6, "cap_eur": 5000}),
    Funding(coordination_subsidy={"eur_per_year": 8000, "years": 3}, fte_subsidy={"eur_per_fte": 4000, "years": 2}),
    Funding(loan={"amount_eur": 20000, "years": 4}, clawback_share=0.5, reinvestment_share=0.4),
]


@pytest.fixture(scope="module")
def pool():
    orgs = generate_population(80, 11).organisations
    sector = Sector(functions=["accounting", "payroll_hr"])
    members = tuple(orgs.ids[:5])
    return orgs, sector, members, compile_pool(orgs, sector, members)


@pytest.mark.parametrize("funding", FUNDINGS, ids=range(len(FUNDINGS)))
def test_funding_on_top_equals_the_kernel_with_funding(pool, funding):
    orgs, _sector, _members, model = pool
    fig = apply_funding(run_pool(model), funding)
    scn = model.scenario.model_copy(update={"funding": funding})
    k = run_kernel(compile_scenario(scn, orgs), with_irr=False)
    np.testing.assert_allclose(fig.public_cost, k.public_cost, rtol=1e-12, atol=1e-6)
    np.testing.assert_allclose(fig.npv, k.npv, rtol=1e-12, atol=1e-6)
    np.testing.assert_allclose(fig.net_result, k.net_result, rtol=1e-12, atol=1e-6)
    np.testing.assert_allclose(fig.member_gain, k.member_gain, rtol=1e-12, atol=1e-6)
    assert fig.frontline_fte[0] == pytest.approx(k.net_result[0] / 60_000)


def test_draws_on_the_batch_axis_match_single_runs(pool):
    model = pool[3]
    rates = np.array([0.01, 0.03, 0.06])
    batch = run_pool(model, {"finance.discount_rate": rates})
    for j, r in enumerate(rates):
        one = run_pool(model,
                       {"finance.discount_rate": np.array([r, r])})
        assert batch.npv[j] == pytest.approx(one.npv[0])


def test_outlay_counts_money_laid_out_not_repayments():
    """Nominal outlay: grant 0.5 × 10,000 = 5,000; loan 12,000 lent (repayments not netted)."""
    class Run:  # the fields apply_funding reads, by hand
        setup = np.array([10_000.0])
        pooled_fte = np.array([1.0])
        operating = np.array([[0.0, 1000.0, 1000.0, 1000.0]])
        discount = np.ones((1, 4))
        annuity = np.array([1 / 3])
        npv = np.array([0.0])
        net_result = np.array([0.0])
        member_gain = np.zeros((1, 2))
        sigma = np.array([[0.5, 0.5]])
        frontline_cost = np.array([60_000.0])
        horizon = 3

    fig = apply_funding(Run, Funding(startup_grant={"share": 0.5}, loan={"amount_eur": 12_000, "years": 3}))
    assert fig.outlay[0] == pytest.approx(17_000)
    assert fig.public_cost[0] == pytest.approx(5_000)  # the loan nets to zero undiscounted
    assert fig.member_gain[0].tolist() == pytest.approx([5_000 / 3 / 2] * 2)


def test_clawback_spares_the_reinvested_share():
    """Clawback 50 %, reinvestment 40 %: the funder takes 0.5 × 0.6 × 1,000 = 300 a year."""
    flows = funding_flows(Funding(clawback_share=0.5, reinvestment_share=0.4), np.zeros(1), np.zeros(1),
                          np.array([[0.0, 1000.0, -50.0]]), 2)
    assert flows["clawback"][0].tolist() == [0.0, -300.0, 0.0]
