"""One pool's figures through the kernel, then each funding option applied on top.

A pool (a set of members pooling the sector's functions under its vehicle) is compiled into an
ordinary scenario and run once by the real kernel **without funding** — for one row (central
values) or for a batch of parameter draws on the kernel's leading axis. Funding is then applied
with the kernel's own funding mechanism (:func:`simulator.mechanisms.funding.funding_flows`) on
the pool's set-up, pooled FTE and operating flows, so every option sees the *same* kernel rows:
differences between options are paired, and the no-funding figures are identical for all.

Identities (they match :func:`simulator.kernel.run_kernel` run with the funding in the scenario;
``tests/sector/test_evaluate.py`` checks it)::

    public cost PV      = Σ_t funding_t · df_t
    NPV with funding    = NPV without funding + public cost PV
    net result (€/yr)   = net result without funding + public cost PV × annuity
    member gain         = gain without funding + σ_i × public cost PV × annuity
    frontline FTE freed = net result ÷ loaded cost of a frontline worker   (MODEL.md §8.2)

with σ_i member i's share of the pool's common costs (its share of set-up).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from simulator.funding_metrics import frontline_fte
from simulator.kernel import run_kernel
from simulator.mechanisms import cashflow
from simulator.mechanisms.funding import funding_flows
from simulator.model import Model, compile_scenario
from simulator.organisations import Organisations
from simulator.params import ParamArrays
from simulator.scenario import Funding, Scenario
from simulator.sector.options import Sector
from simulator.sector.pools import brings

#: Instruments that are money the funder lays out (the budget counts them, nominal).
OUTLAY = ("startup_grant", "coordination_subsidy", "fte_subsidy", "loan")


@dataclass(frozen=True)
class PoolRun:
    """Kernel figures of one pool without funding; arrays have the batch axis first (B rows)."""

    members: tuple[str, ...]
    functions: tuple[str, ...]
    setup: np.ndarray  # (B,)
    pooled_fte: np.ndarray  # (B,)
    operating: np.ndarray  # (B, T+1) operating flows (after coordination and exit risk)
    discount: np.ndarray  # (B, T+1)
    annuity: np.ndarray  # (B,)
    npv: np.ndarray  # (B,) members' NPV without funding
    net_result: np.ndarray  # (B,) €/yr, after annualised set-up and exit risk
    member_gain: np.ndarray  # (B, n) €/yr without funding
    member_standalone: np.ndarray  # (B, n) today's cost of what each member pools
    sigma: np.ndarray  # (B, n) members' shares of common costs
    frontline_cost: np.ndarray  # (B,) loaded cost of a frontline worker

    @property
    def horizon(self) -> int:
        return self.operating.shape[1] - 1


@dataclass(frozen=True)
class Funded:
    """A pool's figures under one funding option (B rows)."""

    run: PoolRun
    public_cost: np.ndarray  # (B,) present value of public funding (net of repayments, clawback)
    outlay: np.ndarray  # (B,) nominal public money laid out (grant + subsidies + loan lent)
    npv: np.ndarray  # (B,) members' NPV with funding
    net_result: np.ndarray  # (B,) €/yr with funding
    member_gain: np.ndarray  # (B, n)
    frontline_fte: np.ndarray  # (B,)


def pool_scenario(orgs: Organisations, sector: Sector, members: tuple[str, ...]) -> Scenario | None:
    """The scenario of a pool: each sector function pooled by the members who bring something
    to it (a function with fewer than two is left out); ``None`` if nothing is left to pool."""
    sub = orgs.subset(members)
    pooling = {}
    for f in sector.functions:
        who = [m for m, ok in zip(members, brings(sub, f), strict=True) if ok]
        if len(who) >= 2:
            pooling[f] = who
    if not pooling:
        return None
    return Scenario.from_dict({
        "name": "pool " + "+".join(members[:3]) + ("…" if len(members) > 3 else ""),
        "members": list(members), "pooling": pooling, "vehicle": sector.vehicle,
        "allocation": sector.allocation, "horizon_years": sector.horizon_years,
    })


def compile_pool(orgs: Organisations, sector: Sector, members: tuple[str, ...]) -> Model | None:
    """The compiled model of a pool, or ``None`` if it has nothing to pool."""
    scn = pool_scenario(orgs, sector, members)
    return None if scn is None else compile_scenario(scn, orgs)


def run_pool(model: Model, draws: dict[str, np.ndarray] | None = None) -> PoolRun:
    """Run one pool through the kernel, without funding: central values (``draws`` None, B = 1)
    or the given parameter draws ``{name: (B,)}``."""
    members = model.member_ids
    params = ParamArrays(dict(model.params), draws) if draws else None
    k = run_kernel(model, params, with_irr=False)
    P = params or ParamArrays(dict(model.params))
    B = k.npv.shape[0]
    rate = np.broadcast_to(P["finance.discount_rate"], (B,))
    T = model.horizon
    setup = np.broadcast_to(k.setup, (B,))
    sigma = np.where(setup[:, None] > 0, k.setup_share / np.where(setup > 0, setup, 1.0)[:, None],
                     1.0 / model.n)
    return PoolRun(
        members=tuple(members), functions=model.function_ids, setup=setup,
        pooled_fte=np.broadcast_to(k.pooled_fte, (B,)),
        operating=k.flows["net"] - k.flows["setup"],
        discount=cashflow.discount_factors(rate, T), annuity=cashflow.annuity_factor(rate, T),
        npv=k.npv, net_result=k.net_result,  # the pool's scenario carries no funding
        member_gain=k.member_gain, member_standalone=k.member_standalone, sigma=sigma,
        frontline_cost=np.broadcast_to(P["frontline.loaded_cost"], (B,)),
    )


def apply_funding(run: PoolRun, funding: Funding) -> Funded:
    """The pool under ``funding`` (identities in the module docstring)."""
    flows = funding_flows(funding, run.setup, run.pooled_fte, run.operating, run.horizon)
    total = sum(flows.values())
    public = cashflow.npv(total, run.discount)
    outlay = sum(np.maximum(flows[k], 0.0).sum(axis=-1) for k in OUTLAY)
    extra = public * run.annuity
    net = run.net_result + extra
    return Funded(run=run, public_cost=public, outlay=outlay, npv=run.npv + public, net_result=net,
                  member_gain=run.member_gain + run.sigma * extra[:, None],
                  frontline_fte=frontline_fte(net, run.frontline_cost))
