"""Who pools under a funding option: participation, eligibility, the budget (MODEL.md §3.10).

Decisions are taken on **expected** figures — the kernel at the catalogue's central values — as
directors would, before anyone knows how things turn out; outcomes are then simulated over
parameter draws for the pools that formed (:mod:`simulator.sector.outcomes`).

**Participation rule.** A member joins only if its own expected annual gain, under the pool's
cost split (the sector's allocation key) and with the funding the pool would receive, reaches

    threshold_eur + threshold_share × (its standalone cost of the pooled functions)

— the price of giving up autonomy and of trusting partners [G, adjustable in the options file].
Members below the threshold leave, the survivors are re-evaluated (their split and costs change),
until everyone left wants to stay; fewer than ``min_members`` survivors and no pool forms.

**Funding.** A pool is eligible when its vehicle, size and functions meet the option's rules
(§8.7: a subsidy follows the funder's rule, checked on the pool that actually forms). A pool
applies only if it forms with the funding and is at least as well off as without it (a pool
may refuse strings such as clawback). Applications are served in candidate order
(``first_come``) or by leverage — members' NPV per public euro — (``leverage``) while the
budget (nominal outlay) lasts; a pool refused for lack of budget forms as it would unfunded.

Funding can keep a marginal member in whose presence others then leave; so when the funded
iteration from the candidate collapses, the group that would pool without funding is tried with
the funding (its gains only rise, so it stays). Pools formed are then never fewer with an option
than without; between two funding levels the property test checks that more never forms fewer.

**Additionality and deadweight.** A funded pool is *additional* if it would not form without
funding; public money given to a pool that forms anyway is *deadweight*.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from simulator.model import Model
from simulator.organisations import Organisations
from simulator.scenario import Funding
from simulator.sector.evaluate import Funded, PoolRun, apply_funding, compile_pool, run_pool
from simulator.sector.options import FundingOption, Sector


@dataclass(frozen=True)
class Formed:
    """A candidate's outcome under one option (central values)."""

    candidate: int  # index of the candidate pool
    members: tuple[str, ...]  # () = no pool forms
    funded: bool
    additional: bool  # funded and would not form without funding
    figures: Funded | None  # central-value figures (with the option's funding if funded)


class PoolBook:
    """Kernel runs of pool compositions at central values, each computed once.

    A book depends only on the population and the sector (not on funding options), so several
    comparisons of the same population and sector may share one (``compare_funding(book=…)``,
    as batch studies varying only the options do): each composition is still computed once.
    ``draw_runs`` keeps the pools' runs over parameter draws, keyed by (members, draws, seed).
    """

    def __init__(self, orgs: Organisations, sector: Sector):
        self.orgs, self.sector = orgs, sector
        self._models: dict[tuple[str, ...], Model | None] = {}
        self._runs: dict[tuple[str, ...], PoolRun | None] = {}
        self.unfunded: dict[tuple[str, ...], Funded | None] = {}  # candidate -> its pool without funding
        self.draw_runs: dict[tuple[tuple[str, ...], int, int], PoolRun] = {}

    def model(self, members: tuple[str, ...]) -> Model | None:
        if members not in self._models:
            self._models[members] = compile_pool(self.orgs, self.sector, members)
        return self._models[members]

    def run(self, members: tuple[str, ...]) -> PoolRun | None:
        if members not in self._runs:
            model = self.model(members)
            self._runs[members] = None if model is None else run_pool(model)
        return self._runs[members]

    @property
    def evaluations(self) -> int:
        return len(self._runs)


def eligible(option: FundingOption, sector: Sector, run: PoolRun) -> bool:
    """The option's rules on the pool that forms: vehicle, members, at least one listed function."""
    rules = option.eligibility
    if option.funds_nothing:
        return False
    if rules.vehicles is not None and sector.vehicle not in rules.vehicles:
        return False
    if len(run.members) < rules.min_members:
        return False
    return rules.functions is None or bool(set(rules.functions) & set(run.functions))


def stable_pool(book: PoolBook, members: tuple[str, ...], option: FundingOption | None) -> Funded | None:
    """Drop members below the participation threshold until all who remain want to stay.

    ``option`` None = without funding. Returns the figures of the pool that forms (funded if
    eligible and ``option`` given), or None if fewer than ``min_members`` stay.
    """
    sector = book.sector
    part = sector.participation
    while len(members) >= sector.pools.min_members:
        run = book.run(members)
        if run is None:
            return None
        funding = option.instruments if option is not None and eligible(option, sector, run) else Funding()
        fig = apply_funding(run, funding)
        threshold = part.threshold_eur + part.threshold_share * run.member_standalone[0]
        keep = fig.member_gain[0] >= threshold
        if keep.all():
            return fig
        members = tuple(m for m, k in zip(members, keep, strict=True) if k)
    return None


def form_pools(book: PoolBook, candidates: list[tuple[str, ...]], option: FundingOption,
               unfunded: list[Funded | None]) -> list[Formed]:
    """Every candidate's outcome under ``option``; ``unfunded`` = each candidate's outcome
    without funding (the counterfactual, computed once for all options)."""
    applications = []
    for c, members in enumerate(candidates):
        if option.funds_nothing:
            break
        fig = stable_pool(book, members, option)
        base = unfunded[c]
        if fig is None and base is not None:
            # a group that forms without money still forms with it: funding only raises gains
            fig = stable_pool(book, base.run.members, option)
        if fig is None or not eligible(option, book.sector, fig.run):
            continue
        if fig.outlay[0] == 0 and fig.public_cost[0] == 0:
            continue  # the option moves no money for this pool: it is not "funded"
        if base is not None and fig.net_result[0] < base.net_result[0]:
            continue  # better off without the money (and its strings)
        applications.append((c, fig))
    if option.budget.allocation == "leverage":
        applications.sort(key=lambda cf: -_leverage(cf[1]))
    cap = option.budget.cap_eur
    spent, granted = 0.0, {}
    for c, fig in applications:
        cost = float(fig.outlay[0])
        if cap is None or spent + cost <= cap + 1e-6:
            spent += cost
            granted[c] = fig
    out = []
    for c in range(len(candidates)):
        if c in granted:
            fig = granted[c]
            out.append(Formed(c, fig.run.members, True, unfunded[c] is None, fig))
        else:
            base = unfunded[c]
            out.append(Formed(c, base.run.members if base else (), False, False, base))
    return out


def _leverage(fig: Funded) -> float:
    public = float(fig.public_cost[0])
    return float(fig.npv[0]) / public if public > 0 else np.inf

