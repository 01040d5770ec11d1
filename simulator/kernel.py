"""The vectorised kernel: one implementation of the economics for every use (STYLE.md).

``run_kernel(model, params, mask)`` returns costs for a batch ``B`` of parameter draws or member
coalitions at once — a single run is ``B = 1``, Monte Carlo puts draws on the leading axis, the
cost-sharing game puts one coalition per row of ``mask``. No Python loop runs over the batch.

Steady state means today's prices, savings fully ramped up, everybody still in the pool.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

import numpy as np

from simulator import allocation
from simulator.kinds import KINDS, KindContext, loaded_cost
from simulator.mechanisms import cashflow, coordination, masked_sum, per_row
from simulator.mechanisms.funding import coalition_scale, funding_flows
from simulator.mechanisms.premises import vacancy_exit_rate
from simulator.mechanisms.site_purchase import purchase_flows
from simulator.mechanisms.transition import Transition, surplus_by_member, transition
from simulator.mechanisms.vat import vat_and_margin
from simulator.model import Model
from simulator.params import ParamArrays, default_arrays

if TYPE_CHECKING:
    from concurrent.futures import Executor

#: Components the kinds contribute (zero when a kind is absent).
KIND_COMPONENTS = (
    "repricing", "scale_gains", "post_rounding", "management", "pay_harmonisation", "cofunding_lost",
    "reception_sharing", "purchasing_discounts", "avoided_tenders", "purchasing_central",
    "shared_fixed", "premises",
)

#: Waterfall components in display order (cost changes; negative = saving).
WATERFALL = (
    "repricing", "scale_gains", "post_rounding", "management", "pay_harmonisation", "cofunding_lost",
    "reception_sharing", "purchasing_discounts", "avoided_tenders", "purchasing_central",
    "shared_fixed", "premises", "governance", "service_management", "pairwise", "travel",
    "heterogeneity", "provider_margin", "vat", "setup_annualised", "site_purchase", "staff_transition",
    "exit_risk", "subsidies",
)


@dataclass
class KernelOutput:
    """Arrays with the batch axis first. Money in euro per year unless said otherwise."""

    standalone: np.ndarray  # (B, n, F) today's cost of each member's function (all, pooled or not)
    effective_mask: np.ndarray  # (B, n, F) pooled cells (functions with ≥ 2 members)
    pooled_function: np.ndarray  # (B, F) pooled operating cost of each function
    allocated_function: np.ndarray  # (B, n, F) each member's share of pooled cost + taxes
    baseline_total: np.ndarray  # (B,) standalone cost of what is pooled
    pooled_total: np.ndarray  # (B,) steady-state pooled cost incl. coordination, margin, VAT
    coordination: np.ndarray  # (B,)
    margin: np.ndarray  # (B,)
    vat: np.ndarray  # (B,)
    setup: np.ndarray  # (B,) one-off, year 0
    setup_annualised: np.ndarray  # (B,)
    net_saving: np.ndarray  # (B,) steady state, before set-up and funding
    net_result: np.ndarray  # (B,) net saving − annualised set-up − exit risk + annualised funding
    pooled_fte: np.ndarray  # (B,) posts of pooled labour functions
    member_standalone: np.ndarray  # (B, n)
    allocated: np.ndarray  # (B, n) steady-state annual cost each member pays
    setup_share: np.ndarray  # (B, n)
    member_gain: np.ndarray  # (B, n) standalone − allocated − annualised set-up + funding share
    waterfall: dict[str, np.ndarray] = field(default_factory=dict)  # name -> (B,)
    years: np.ndarray | None = None  # (T+1,)
    flows: dict[str, np.ndarray] = field(default_factory=dict)  # name -> (B, T+1)
    npv: np.ndarray | None = None  # (B,)
    npv_without_funding: np.ndarray | None = None
    public_cost: np.ndarray | None = None  # (B,) present value of public funding
    payback_year: np.ndarray | None = None  # (B,) NaN = never
    irr: np.ndarray | None = None  # (B,) NaN = undefined
    # the member's yearly shares of the pool-level terms in ``member_gain`` (B, n), so that
    # gain = standalone − allocated − setup_annualised − exit_risk + subsidy on every row
    member_setup_annualised: np.ndarray | None = None
    member_exit_risk: np.ndarray | None = None
    member_subsidy: np.ndarray | None = None
    hidden_fte_freed: np.ndarray | None = None  # (B,) "faisant fonction" hours freed, in FTE (§8.2)
    redeployed_fte: np.ndarray | None = None  # (B,) surplus support staff redeployed to frontline work
    frontline_fte_freed: np.ndarray | None = None  # (B,) capacity + cash net result ÷ frontline cost
    # staff transition (MODEL.md §8.3): the surplus support FTE and the paths it takes
    staff_surplus_fte: np.ndarray | None = None  # (B,) support FTE the pool no longer needs
    attrition_fte: np.ndarray | None = None  # (B,) kept in support roles until they leave
    dismissed_fte: np.ndarray | None = None  # (B,) dismissed with notice in year 1
    redeployed_frontline_fte: np.ndarray | None = None  # (B,) yearly equivalent of redeployed staff working
    # frontline on top of the headcount until natural departures absorb them
    staff_transition: np.ndarray | None = None  # (B,) annualised cost of the transition
    member_staff_transition: np.ndarray | None = None  # (B, n) each member's own, annualised
    site_cost: np.ndarray | None = None  # (B,) yearly cost of the shared sites (their lease commitment)
    site_purchase: np.ndarray | None = None  # (B,) annualised financing of bought sites (0: all rented)
    member_site_purchase: np.ndarray | None = None  # (B, n) split by the m² each member uses there


def run_kernel(model: Model, params: Mapping[str, float] | ParamArrays | None = None,
               mask: np.ndarray | None = None, *, with_irr: bool = True, totals_only: bool = False,
               per_function: bool = True) -> KernelOutput:
    """Evaluate the model for a batch of parameter draws and/or pooling masks.

    The pipeline (each stage a function below, none looping over the batch):
    kinds → coordination → VAT borne → steady state → cash flows → capacity → member split.

    Parameters
    ----------
    model
        The compiled scenario.
    params
        Parameter values: a mapping of scalars (defaults: the scenario's), or ParamArrays with
        ``(B,)`` draws.
    mask
        Who pools what, ``(B, n, F)`` or ``(n, F)``; default the scenario's matrix. A function
        pooled by fewer than two members of a row is not pooled in that row.
    with_irr
        Compute the IRR (a bisection; skipped by the cost game, which does not need it).
    totals_only
        Skip the frontline capacity and the per-member split (``frontline_fte_freed``,
        ``allocated``, ``member_gain``… are then None): the cost game needs only the pool's
        totals, for a million coalitions.
    per_function
        Build ``allocated_function`` ``(B, n, F)`` (else None): a single run shows it; a Monte
        Carlo summary reads only the members' totals, so it skips the ``(B, n, F)`` product.
    """
    P = params if isinstance(params, ParamArrays) else (ParamArrays(params) if params else default_arrays(model.params))
    m = model.mask if mask is None else np.asarray(mask, dtype=bool)
    if m.ndim == 2:
        m = m[None]
    B = max(P.B, m.shape[0])
    emask = m & (m.sum(axis=1, keepdims=True) >= 2)
    if emask.shape[0] != B:  # one mask for every draw: a broadcast view, its sums done on one row
        emask = np.broadcast_to(emask, (B, *model.mask.shape[-2:]))
    ctx = KindContext(model=model, P=P, emask=emask, B=B)

    kinds = evaluate_kinds(ctx)
    coord = coordination_stage(ctx, kinds)
    shares = None
    if not totals_only:
        weights = allocation.weights(model.scenario.allocation, emask, kinds.standalone, kinds.workload, model)
        shares = allocation.shares(weights, emask)  # (B, n, F), each pooled column sums to 1
    borne = vat_stage(ctx, kinds, coord, shares)
    steady = steady_state_stage(ctx, kinds, coord, borne)
    trans = staff_transition_stage(ctx, kinds)
    bought = site_purchase_stage(ctx, kinds)
    cash = cash_flow_stage(ctx, kinds, steady, trans, bought)
    comps = {**kinds.components, **coord.components, "provider_margin": borne.margin, "vat": borne.vat,
             "setup_annualised": cash.setup_annualised, "site_purchase": cash.site_purchase,
             "staff_transition": cash.staff_transition,
             "exit_risk": cash.exit_risk,
             "subsidies": cash.subsidies}
    comps = {k: comps[k] for k in WATERFALL}
    n, F = model.mask.shape[-2:]
    T = model.horizon
    out = KernelOutput(
        standalone=np.broadcast_to(kinds.standalone, (B, n, F)), effective_mask=emask,
        pooled_function=kinds.pooled, allocated_function=None, baseline_total=steady.baseline_total,
        pooled_total=steady.pooled_total, coordination=coord.total, margin=borne.margin, vat=borne.vat,
        setup=steady.setup, setup_annualised=cash.setup_annualised, net_saving=steady.net_saving,
        net_result=cash.net_result, pooled_fte=kinds.posts_total, member_standalone=None, allocated=None,
        setup_share=None, member_gain=None, waterfall=comps, years=np.arange(T + 1),
        public_cost=cash.public_cost)
    out.site_cost = np.broadcast_to(kinds.site_cost, (B,))
    out.site_purchase = cash.site_purchase
    if totals_only:  # the cost game reads c(S) = Σ standalone − net result: no capacity, no split
        return out
    capacity_stage(out, ctx, kinds, cash, trans)
    member_split_stage(out, ctx, kinds, coord, borne, shares, cash, trans, bought, per_function=per_function)
    out.npv = cashflow.npv(cash.net_t, cash.df)
    out.npv_without_funding = cashflow.npv(cash.operating_t + cash.setup_t + cash.purchase_t, cash.df)
    out.payback_year = cashflow.payback_year(cash.net_t)
    out.irr = cashflow.irr(cash.net_t) if with_irr else None
    out.flows = cash.flows
    return out


# --- stage 1: the cost kinds ------------------------------------------------------------------

@dataclass
class KindCosts:
    """Every function's costs, assembled from the kinds (``F`` axis in the model's order)."""

    standalone: np.ndarray  # (P.B, n, F) today's cost; depends on parameters only, not on the mask
    pooled: np.ndarray  # (B, F) pooled operating cost of each function
    billed: np.ndarray  # (B, F) part a vehicle invoices (margin and VAT fall on it)
    workload: np.ndarray  # (P.B, n, F) volume driver for the "use" key
    components: dict[str, np.ndarray]  # waterfall name -> (B,)
    posts: np.ndarray  # (B, F) pooled posts of staff kinds (0 elsewhere)
    posts_total: np.ndarray  # (B,) posts of pooled labour functions
    staff_cost: np.ndarray  # (B,) Σ labour posts × grade cost
    one_offs: np.ndarray  # (B,) kinds' one-off costs (moving, fit-out, lease breaks)
    hidden_fte_freed: np.ndarray  # (B,) hidden hours taken over by the pool, in FTE
    redeployed_fte: np.ndarray  # (B,) surplus support staff redeployed to frontline work
    site_cost: np.ndarray | float = 0.0  # (B,) yearly cost of the shared sites (rent, fee, charges)
    site_area: np.ndarray | None = None  # (B, n, S) m² each member uses at each shared site


def evaluate_kinds(ctx: KindContext) -> KindCosts:
    """Stage 1 — each kind evaluates its functions; results are written into ``(…, F)`` arrays.

    The waterfall components of a kind sum over its functions; Σ components = pooled − baseline.
    """
    model, P, B = ctx.model, ctx.P, ctx.B
    n, F = model.mask.shape[-2:]
    SB = P.B if model.mask.ndim == 2 else B  # member-batched model: member data differ by row
    # every column belongs to one kind and is written below: (SB, n, F) arrays left unfilled, not
    # zeroed first (a zero-filled array is one more pass, and page faults on its first writes)
    covered = all(kind in KINDS for kind in model.kinds)
    blank = np.empty if covered else np.zeros
    out = KindCosts(standalone=blank((SB, n, F)), pooled=np.zeros((B, F)), billed=np.zeros((B, F)),
                    workload=blank((SB, n, F)), components={}, posts=np.zeros((B, F)),
                    posts_total=np.zeros(B), staff_cost=np.zeros(B), one_offs=np.zeros(B),
                    hidden_fte_freed=np.zeros(B), redeployed_fte=np.zeros(B))
    for name, kind in KINDS.items():  # loop over kinds (few), never over the batch
        cols = model.kind_index(name)
        if not cols.size:
            continue
        r = kind.evaluate(ctx, cols)
        at = _columns(cols)
        out.standalone[..., at] = r.standalone
        out.pooled[:, at], out.billed[:, at] = r.pooled, r.billed
        out.workload[..., at] = r.workload
        for k, v in r.components.items():
            out.components[k] = out.components.get(k, 0.0) + v.sum(axis=-1)
        if r.posts is not None and name == "labour":
            out.posts[:, cols] = r.posts
            out.posts_total = out.posts_total + r.posts.sum(axis=-1)
        if r.staff_cost is not None and name == "labour":
            out.staff_cost = out.staff_cost + r.staff_cost
        if r.one_offs is not None:
            out.one_offs = out.one_offs + r.one_offs
        out.hidden_fte_freed = out.hidden_fte_freed + r.extras.get("hidden_fte_freed", 0.0)
        out.redeployed_fte = out.redeployed_fte + r.extras.get("redeployed_fte", 0.0)
        out.site_cost = out.site_cost + r.extras.get("site_cost", 0.0)
        if "site_area" in r.extras:
            out.site_area = r.extras["site_area"]
    for k in KIND_COMPONENTS:
        out.components[k] = np.broadcast_to(out.components.get(k, 0.0), (B,)) + np.zeros(B)
    return out


def _columns(cols: np.ndarray) -> slice | np.ndarray:
    """``cols`` as a slice when they are consecutive (a strided copy, twice as fast as a gather)."""
    if cols.size and cols[-1] - cols[0] == cols.size - 1:
        return slice(int(cols[0]), int(cols[-1]) + 1)
    return cols


# --- stage 2: coordination --------------------------------------------------------------------

@dataclass
class Coordination:
    """What running the pool together costs each year (MODEL.md §3.6)."""

    part: np.ndarray  # (B, n) 1 where a member pools something
    gov_i: np.ndarray  # (B, n) governance time of each member
    service_i: np.ndarray  # (B, n) service-level and invoicing work per member
    pairwise: np.ndarray  # (B,)
    travel: np.ndarray  # (B,)
    heterogeneity: np.ndarray  # (B,)

    @property
    def common(self) -> np.ndarray:
        """Pool-level costs split by the members' weights: pairwise + travel + heterogeneity."""
        return self.pairwise + self.travel + self.heterogeneity

    @property
    def billed(self) -> np.ndarray:
        """The common part a vehicle invoices (travel and heterogeneity drag of its staff)."""
        return self.travel + self.heterogeneity

    @property
    def total(self) -> np.ndarray:
        return self.gov_i.sum(axis=-1) + self.service_i.sum(axis=-1) + self.common

    @property
    def components(self) -> dict[str, np.ndarray]:
        return {"governance": self.gov_i.sum(axis=-1), "service_management": self.service_i.sum(axis=-1),
                "pairwise": self.pairwise, "travel": self.travel, "heterogeneity": self.heterogeneity}


def coordination_stage(ctx: KindContext, kinds: KindCosts) -> Coordination:
    """Stage 2 — governance, service management, pairwise term, travel and heterogeneity drag.

    travel = sites visited × hours per site × weeks × pooled staff's hourly cost;
    heterogeneity = drag × ½(Gini–Simpson of sub-sectors + of joint committees) × pooled staff cost.
    """
    model, P, emask, B = ctx.model, ctx.P, ctx.emask, ctx.B
    part_count, part = per_row(coordination.participation, emask)
    gov_i, service_i, pairwise = coordination.recurring(
        emask, part_count, part, gov_hours_month=P["governance.hours_per_member_month"],
        service_hours=P["coordination.service_hours"],
        pair_hours=P["coordination.pairwise_hours"] * (not model.vehicle.hub_and_spoke),
        hourly=P["governance.hourly_cost"])
    L = model.kind_index("labour")
    n_loc = per_row(lambda m: coordination.locations(m, model.site_of), ctx.mask(L)) if L.size else np.zeros(B)
    posts_total, staff_cost = kinds.posts_total, kinds.staff_cost
    staff_hourly = np.where(posts_total > 0, staff_cost / np.where(posts_total > 0, posts_total, 1.0), 0.0) \
        / (P["work.hours_per_week"] * P["work.weeks_per_year"])
    travel = coordination.travel(n_loc, staff_hourly, hours_per_site=P["coordination.travel_hours_per_site"],
                                 weeks=P["work.weeks_per_year"])
    diversity = 0.5 * (coordination.gini_simpson(part, model.subsector_onehot)
                       + coordination.gini_simpson(part, model.committee_onehot))
    staff_kinds = np.isin(np.array(model.kinds), ["labour", "coverage"])
    heterogeneity = P["coordination.heterogeneity_drag"] * diversity * kinds.pooled[:, staff_kinds].sum(axis=-1)
    return Coordination(part=part, gov_i=gov_i, service_i=service_i,
                        pairwise=np.broadcast_to(pairwise, (B,)), travel=np.broadcast_to(travel, (B,)),
                        heterogeneity=np.broadcast_to(heterogeneity, (B,)))


# --- stage 3: VAT borne and provider margin ---------------------------------------------------

@dataclass
class VatBorne:
    """Margin and VAT invoiced per function and on common costs, and the VAT members bear."""

    margin_f: np.ndarray  # (B, F)
    vat_inv_f: np.ndarray  # (B, F) VAT invoiced on each function
    margin_c: np.ndarray  # (B,)
    vat_inv_c: np.ndarray  # (B,)
    vat: np.ndarray  # (B,) VAT borne (not recoverable)
    sigma: np.ndarray | None  # (B, n) member weights for common costs (None: totals only)
    pool_part: np.ndarray | None = None  # (B, n) Σ_f share_if × (pooled_f + margin_f) (None: totals only)

    @property
    def margin(self) -> np.ndarray:
        return self.margin_f.sum(axis=-1) + self.margin_c


def vat_stage(ctx: KindContext, kinds: KindCosts, coord: Coordination, shares: np.ndarray | None) -> VatBorne:
    """Stage 3 — provider margin and the VAT wedge (MODEL.md §3.6).

    VAT invoiced on billed services is a cost only for members that cannot recover it (VAT-exempt
    ASBLs, art. 44); a member with taxable activities deducts it. VAT borne =
    Σ_f VAT_f × (exempt members' share of f) + VAT on common costs × exempt members' weight.
    """
    model, P, B, emask = ctx.model, ctx.P, ctx.B, ctx.emask
    exempt = model.vat_exempt.astype(float)  # (n,)
    vat_a = model.vat_assessment
    margin_rate = np.broadcast_to(P["provider.margin"] * model.vehicle.margin, (B,))
    margin_f, vat_inv_f = vat_and_margin(kinds.billed, taxable=not vat_a.exempt, margin_rate=margin_rate[:, None],
                                         vat_rate=np.broadcast_to(P["vat.rate"], (B,))[:, None])
    margin_c, vat_inv_c = vat_and_margin(coord.billed, taxable=not vat_a.exempt, margin_rate=margin_rate,
                                         vat_rate=P["vat.rate"])
    sigma = pool_part = None
    if shares is not None:  # contractions over the (B, n, F) shares: no (B, n, F) temporary
        pool_part = np.einsum("bnf,bf->bn", shares, kinds.pooled + margin_f)
        sigma = allocation.member_weights(pool_part, coord.part)
        # einsum, not ``sigma @ exempt``: BLAS adds a row in another order in a batch of one
        # (dot) than in a larger batch (gemv), so a draw's bits would depend on its chunk
        vat = ((vat_inv_f * np.einsum("bnf,n->bf", shares, exempt)).sum(axis=-1)
               + vat_inv_c * np.einsum("bn,n->b", sigma, exempt))
    elif vat_a.exempt or model.vat_exempt.all():  # no VAT, or every member bears what it is invoiced
        vat = vat_inv_f.sum(axis=-1) + vat_inv_c
    else:  # only VAT-exempt members bear VAT: their share of each function, without (B, n, F) shares
        ex_f = allocation.weighted_share(model.scenario.allocation, emask, kinds.standalone, kinds.workload,
                                         model, exempt)
        split = kinds.pooled + margin_f
        tot = split.sum(axis=-1)
        ex_common = np.where(tot > 0, (ex_f * split).sum(axis=-1) / np.where(tot > 0, tot, 1.0),
                             (coord.part * exempt).sum(axis=-1) / np.maximum(coord.part.sum(axis=-1), 1))
        vat = (vat_inv_f * ex_f).sum(axis=-1) + vat_inv_c * ex_common
    return VatBorne(margin_f=margin_f, vat_inv_f=vat_inv_f, margin_c=np.broadcast_to(margin_c, (B,)),
                    vat_inv_c=np.broadcast_to(vat_inv_c, (B,)), vat=np.broadcast_to(vat, (B,)), sigma=sigma,
                    pool_part=pool_part)


# --- stage 4: steady state --------------------------------------------------------------------

@dataclass
class SteadyState:
    """The pool at full speed, today's prices, everybody in (one year), and its one-off set-up."""

    base_by: np.ndarray  # (B, F) today's cost of what is pooled, per function
    baseline_total: np.ndarray  # (B,)
    pooled_total: np.ndarray  # (B,) pooled operating + coordination + margin + VAT
    recurring_extra: np.ndarray  # (B,) coordination + margin + VAT
    net_saving: np.ndarray  # (B,) baseline − pooled
    setup: np.ndarray  # (B,) one-off, year 0
    any_pooled: np.ndarray  # (B,) bool
    members: np.ndarray  # (B,) members pooling something (the funder's per-member rule counts them)


def steady_state_stage(ctx: KindContext, kinds: KindCosts, coord: Coordination, borne: VatBorne) -> SteadyState:
    """Stage 4 — net saving = baseline − (pooled operating + coordination + margin + VAT borne).

    Set-up = (share × first-year billed cost + vehicle creation + kinds' one-offs) × overrun.
    """
    model, P, emask = ctx.model, ctx.P, ctx.emask
    members = np.count_nonzero(coord.part, axis=-1)  # who takes part, from stage 2: no (B, n, F) pass
    any_pooled = members > 0
    setup = coordination.setup_cost(
        kinds.billed.sum(axis=-1), any_pooled * P[f"vehicle_creation.{model.vehicle.id}"], kinds.one_offs,
        share=P["setup.share_of_pooled_cost"], overrun=P["setup.overrun_factor"]) * any_pooled
    base_by = masked_sum(emask, kinds.standalone)
    baseline_total = base_by.sum(axis=-1)
    recurring_extra = coord.total + borne.margin + borne.vat
    pooled_total = kinds.pooled.sum(axis=-1) + recurring_extra
    return SteadyState(base_by=base_by, baseline_total=baseline_total, pooled_total=pooled_total,
                       recurring_extra=recurring_extra, net_saving=baseline_total - pooled_total,
                       setup=setup, any_pooled=any_pooled, members=members)


# --- stage 4b: staff transition ---------------------------------------------------------------

def staff_transition_stage(ctx: KindContext, kinds: KindCosts) -> Transition:
    """Stage 4b — the support staff the pool no longer needs: attrition, redeployment, dismissal.

    Surplus S_if = fte_if × max(1 − posts_f / Σ_pooled fte_f, 0) on pooled labour cells; the
    scenario's shares send it down three paths whose yearly costs each member bears
    (:mod:`simulator.mechanisms.transition`, MODEL.md §8.3).
    """
    model, P, B, T = ctx.model, ctx.P, ctx.B, ctx.model.horizon
    L = model.kind_index("labour")
    n = model.mask.shape[0]
    wage = cashflow.index_factors(np.broadcast_to(P["finance.wage_indexation"], (B,)), T)
    if not L.size:
        S = S_eur = np.zeros((B, n))
    else:
        S, S_eur = surplus_by_member(model.data["fte"][..., L], kinds.posts[..., L], ctx.mask(L),
                                     ctx.grade_costs(L))
    mix = model.scenario.staff_transition
    return transition(S, S_eur, model.fte_total, attrition_rate=np.broadcast_to(P["staff.attrition_rate"], (B,)),
                      redeployment=mix.redeployment, dismissal=mix.dismissal,
                      retraining_cost=np.broadcast_to(P["staff.retraining_cost"], (B,)),
                      seniority_years=np.broadcast_to(P["staff.seniority_years"], (B,)), wage_index=wage)


# --- stage 4c: bought sites ------------------------------------------------------------------

@dataclass
class SiteFinancing:
    """Financing flows of the shared sites bought instead of rented (MODEL.md §8.6)."""

    flows: np.ndarray  # (B, S', T+1) per bought site, 0 in rows where the site is not shared
    area_share: np.ndarray  # (B, n, S') each member's share of the m² used at that site

    @property
    def flows_t(self) -> np.ndarray:
        return self.flows.sum(axis=1)


def site_purchase_stage(ctx: KindContext, kinds: KindCosts) -> SiteFinancing | None:
    """Stage 4c — equity, purchase costs, loan instalments and the value at the horizon's end of
    each bought site that is shared in a row (:mod:`simulator.mechanisms.site_purchase`); None
    when every site is rented."""
    model, P, B, T = ctx.model, ctx.P, ctx.B, ctx.model.horizon
    bought = [(s, site.purchase) for s, site in enumerate(model.scenario.sites) if site.purchase is not None]
    if not bought or kinds.site_area is None:
        return None
    cols = [s for s, _ in bought]
    area = np.broadcast_to(kinds.site_area, (B, *kinds.site_area.shape[1:]))[:, :, cols]  # (B, n, S')
    used = area.sum(axis=1)  # (B, S')
    flows = np.stack([purchase_flows(buy.price_eur, buy.loan_share, buy.loan_years,
                                     rate=np.broadcast_to(P["premises.loan_rate"], (B,)),
                                     purchase_costs=P["premises.purchase_costs"],
                                     residual=P["premises.residual_value"], horizon=T)
                      for _, buy in bought], axis=1)  # loop over bought sites (few)
    flows = flows * (used > 0)[..., None]
    share = area / np.where(used > 0, used, 1.0)[:, None, :]
    return SiteFinancing(flows=flows, area_share=share)


# --- stage 5: cash flows ----------------------------------------------------------------------

@dataclass
class CashFlows:
    """Yearly flows ``(B, T+1)`` and the annualised terms of the net result."""

    flows: dict[str, np.ndarray]
    operating_t: np.ndarray
    setup_t: np.ndarray
    net_t: np.ndarray
    df: np.ndarray
    public_cost: np.ndarray  # (B,) present value of public funding
    setup_annualised: np.ndarray  # (B,)
    exit_risk: np.ndarray  # (B,) expected stranded fixed cost per year
    subsidies: np.ndarray  # (B,) −annualised public funding (a negative cost)
    net_result: np.ndarray  # (B,) net saving − set-up annualised − exit risk + funding annualised
    staff_transition: np.ndarray | None = None  # (B,) annualised cost of the staff transition
    annuity: np.ndarray | float = 1.0  # (B,) annuity factor over years 1..T
    purchase_t: np.ndarray | float = 0.0  # (B, T+1) financing flows of bought sites
    site_purchase: np.ndarray | None = None  # (B,) their annualised cost (−NPV × annuity)


def cash_flow_stage(ctx: KindContext, kinds: KindCosts, steady: SteadyState,
                    trans: Transition | None = None, bought: SiteFinancing | None = None) -> CashFlows:
    """Stage 5 — indexed, ramped, survival-weighted yearly flows; NPV inputs; the net result.

    operating_t = ((baseline_t − pooled_t) × ramp_t − recurring extras × wage index_t) × S_t
    − stranded_t, with S_t the survival of members (exit hazard), stranded_t the fixed share of
    pooled cost carried until resized (a shared site's whole rent for premises.vacancy_years: its
    lease commitment, MODEL.md §8.6), and pooled_1 carrying the learning dip (staff kinds cost
    × (1 + dip) in year 1). The steady state has no dip. The staff transition's yearly cost (stage
    4b) is an operating outflow of its own row. net_result = net saving − set-up × annuity − exit
    risk − transition PV × annuity − bought sites' financing PV × annuity + public funding × annuity.
    """
    model, P, B = ctx.model, ctx.P, ctx.B
    T = model.horizon
    idx = {g: cashflow.index_factors(np.broadcast_to(P[f"finance.{g}_indexation"], (B,)), T)
           for g in ("wage", "price", "rent")}
    baseline_t = np.zeros((B, T + 1))
    pooled_t = np.zeros((B, T + 1))
    for j, kind in enumerate(model.kinds):  # loop over functions (few), never over the batch
        factor = idx[KINDS[kind].index_group]
        baseline_t += steady.base_by[:, j, None] * factor
        pooled_t += kinds.pooled[:, j, None] * factor
    baseline_t[:, 0] = pooled_t[:, 0] = 0.0
    if T >= 1:  # learning curve: pooled staff cost more in the first year (MODEL.md §8.3)
        staff = np.isin(np.array(model.kinds), ["labour", "coverage"])
        pooled_t[:, 1] += P["labour.learning_dip"] * kinds.pooled[:, staff].sum(axis=-1) * idx["wage"][:, 1]
    planned_t = baseline_t - pooled_t  # benefit realisation ρ scales a planned saving, never a planned loss
    gross_t = (planned_t - (1.0 - P["benefit.realisation"][:, None]) * np.maximum(planned_t, 0.0)) * model.ramp
    coord_t = steady.recurring_extra[:, None] * idx["wage"]
    coord_t[:, 0] = 0.0
    hazard = P["exit.hazard"] * model.scenario.exit_risk
    stranded_rate = hazard * P["exit.fixed_share"] * P["exit.resize_years"]
    surv = cashflow.survival(np.broadcast_to(hazard, (B,)), T)
    stranded_t = stranded_rate[..., None] * pooled_t * surv
    # a leaver's space at a shared site stays rented, empty, until re-let or the lease's next break
    # (MODEL.md §8.6): the whole rent of it for premises.vacancy_years, not the fixed share × resize
    site_rate = vacancy_exit_rate(hazard, P["premises.vacancy_years"]) - stranded_rate  # (B,)
    site_t = np.broadcast_to(kinds.site_cost, (B,))[:, None] * idx["rent"] * (np.arange(T + 1) >= 1)
    stranded_t = stranded_t + site_rate[..., None] * site_t * surv
    transition_t = trans.cost_t if trans is not None else np.zeros((B, T + 1))
    operating_t = (gross_t - coord_t) * surv - stranded_t - transition_t
    operating_t[:, 0] = 0.0
    scale = coalition_scale(model.scenario.funding, steady.members, model.pooling_members)
    funding = funding_flows(model.scenario.funding, steady.setup, kinds.posts_total, operating_t, T, scale)
    if not steady.any_pooled.all():  # no pool, no funding: a row that pools nothing gets no subsidy or loan
        funding = {k: v * steady.any_pooled[:, None] for k, v in funding.items()}
    funding_t = sum(funding.values())
    setup_t = np.zeros((B, T + 1))
    setup_t[:, 0] = -steady.setup
    df = cashflow.discount_factors(np.broadcast_to(P["finance.discount_rate"], (B,)), T)
    annuity = cashflow.annuity_factor(P["finance.discount_rate"], T)
    purchase_t = np.zeros((B, T + 1)) if bought is None else bought.flows_t
    site_purchase = 0.0 - cashflow.npv(purchase_t, df) * annuity  # (0.0 − x: no negative zero when none)
    if bought is not None:  # the leaver's share of a bought site is carried like its rent (§8.6)
        owned_rate = vacancy_exit_rate(hazard, P["premises.vacancy_years"]) * np.maximum(site_purchase, 0.0)
        stranded_t = stranded_t + owned_rate[..., None] * surv * (np.arange(T + 1) >= 1)
        operating_t = operating_t - owned_rate[..., None] * surv * (np.arange(T + 1) >= 1)
        exit_risk_owned = owned_rate
    else:
        exit_risk_owned = 0.0
    net_t = operating_t + setup_t + funding_t + purchase_t
    public_cost = cashflow.npv(funding_t, df)
    setup_annualised = steady.setup * annuity
    exit_risk = stranded_rate * kinds.pooled.sum(axis=-1) + site_rate * kinds.site_cost + exit_risk_owned
    subsidies = -public_cost * annuity
    staff_transition = cashflow.npv(transition_t, df) * annuity
    flows = {"baseline": baseline_t, "pooled": pooled_t, "gross_saving": gross_t,
             "coordination": -coord_t, "exit_risk": -stranded_t, "setup": setup_t,
             # saving lost because members left: (gross − coordination) × (S_t − 1), ≤ 0, so that
             # gross + coordination + members_leaving + exit_risk + setup + funding = net
             "members_leaving": (gross_t - coord_t) * (surv - 1.0) * (np.arange(T + 1) >= 1),
             "staff_transition": -transition_t, "site_purchase": purchase_t,
             "funding": funding_t, "net": net_t, **{f"funding_{k}": v for k, v in funding.items()}}
    return CashFlows(flows=flows, operating_t=operating_t, setup_t=setup_t, net_t=net_t, df=df,
                     public_cost=public_cost, setup_annualised=np.broadcast_to(setup_annualised, (B,)),
                     exit_risk=np.broadcast_to(exit_risk, (B,)), subsidies=np.broadcast_to(subsidies, (B,)),
                     net_result=steady.net_saving - setup_annualised - exit_risk - subsidies - staff_transition
                     - site_purchase,
                     staff_transition=np.broadcast_to(staff_transition, (B,)),
                     annuity=np.broadcast_to(annuity, (B,)), purchase_t=purchase_t,
                     site_purchase=np.broadcast_to(site_purchase, (B,)))


# --- stage 6: capacity -----------------------------------------------------------------------

def capacity_stage(out: KernelOutput, ctx: KindContext, kinds: KindCosts, cash: CashFlows | None = None,
                   trans: Transition | None = None) -> None:
    """Stage 6 — frontline FTE freed (MODEL.md §8.2); fills ``out``'s capacity fields.

    frontline FTE freed = redeployed support staff working frontline (their FTE-years on top of
    the headcount, discounted and annualised like the set-up) + freed hidden hours (in FTE)
    + net result (after set-up annualised, exit risk, the staff transition and funding incl.
    clawback) ÷ loaded cost of a frontline worker. Redeployed staff's pay is in the net result,
    so redeploying rather than dismissing converts cash into frontline FTE at the ratio of grade
    cost to frontline cost, never counts a worker twice. A 50 % clawback lowers the net result,
    so it lowers FTE freed; the share reinvested is shielded from clawback, so reinvestment
    raises it back.
    """
    out.hidden_fte_freed = kinds.hidden_fte_freed
    redeployed_frontline = 0.0
    if trans is not None and cash is not None:
        out.staff_surplus_fte = trans.surplus_fte.sum(axis=-1)
        out.attrition_fte = trans.attrition_fte.sum(axis=-1)
        out.dismissed_fte = trans.dismissed_fte.sum(axis=-1)
        out.redeployed_fte = trans.redeployed_fte.sum(axis=-1)
        redeployed_frontline = cashflow.npv(trans.frontline_fte_years_t, cash.df) * cash.annuity
        out.redeployed_frontline_fte = redeployed_frontline
        out.staff_transition = cash.staff_transition
    else:
        out.redeployed_fte = kinds.redeployed_fte
    out.frontline_fte_freed = kinds.hidden_fte_freed + redeployed_frontline \
        + out.net_result / ctx.P["frontline.loaded_cost"]


# --- stage 7: member split --------------------------------------------------------------------

def member_split_stage(out: KernelOutput, ctx: KindContext, kinds: KindCosts, coord: Coordination,
                       borne: VatBorne, shares: np.ndarray, cash: CashFlows,
                       trans: Transition | None = None, bought: SiteFinancing | None = None, *,
                       per_function: bool = True) -> None:
    """Stage 7 — what each member pays and gains; fills the per-member fields of ``out``.

    allocated_i = Σ_f share_if × (pooled_f + margin_f + VAT_f if i is exempt) + governance_i
    + service_i + σ_i × (common + margin_c + VAT_c if exempt); gain_i = standalone_i − allocated_i
    − σ_i × set-up annualised − σ_i × exit risk − own staff transition annualised + σ_i × funding
    annualised (each term kept on the member's row; a member bears its own staff's transition).
    Shares of each pooled function sum to 1 and σ sums to 1, so members' payments add up to the
    pool's total.
    """
    exempt = ctx.model.vat_exempt.astype(float)
    sigma = borne.sigma
    # Σ_f share_if × (pooled_f + margin_f) is σ's numerator (stage 3); the exempt members add their VAT
    vat_i = np.einsum("bnf,bf->bn", shares, borne.vat_inv_f) * exempt
    common_i = sigma * (coord.common + borne.margin_c)[:, None] + sigma * borne.vat_inv_c[:, None] * exempt[None, :]
    allocated = borne.pool_part + vat_i + coord.gov_i + coord.service_i + common_i
    member_standalone = _member_sum(ctx.emask, kinds.standalone)
    if per_function:  # (B, n, F): built only for callers that show it per function
        out.allocated_function = shares * ((kinds.pooled + borne.margin_f)[:, None, :]
                                           + borne.vat_inv_f[:, None, :] * exempt[None, :, None])
    out.allocated = allocated
    out.setup_share = sigma * out.setup[:, None]
    out.member_standalone = member_standalone
    # each member's yearly shares of the pool-level terms, shown on its row so that
    # gain = standalone − allocated − setup_annualised − exit_risk + subsidy adds up on its face
    out.member_setup_annualised = sigma * cash.setup_annualised[:, None]
    out.member_exit_risk = sigma * cash.exit_risk[:, None]
    out.member_subsidy = -sigma * cash.subsidies[:, None]  # cash.subsidies is −funding (a cost step)
    out.member_staff_transition = np.zeros_like(allocated) if trans is None else \
        trans.member_pv(cash.df) * np.asarray(cash.annuity)[..., None]
    # a bought site's financing, split by the m² each member uses there
    out.member_site_purchase = np.zeros_like(allocated) if bought is None else np.einsum(
        "bns,bs->bn", bought.area_share,
        -cashflow.npv(bought.flows, cash.df[:, None, :]) * np.asarray(cash.annuity)[..., None])
    out.member_gain = member_standalone - allocated - out.member_setup_annualised - out.member_exit_risk \
        - out.member_staff_transition - out.member_site_purchase + out.member_subsidy


def _member_sum(mask: np.ndarray, x: np.ndarray) -> np.ndarray:
    """Σ over functions where mask: ``(B, n, F)`` × ``(1|B, n, F)`` → ``(B, n)``."""
    if x.shape[0] == 1:
        return np.einsum("bnf,nf->bn", mask, x[0])
    return np.einsum("bnf,bnf->bn", mask, x)


#: Kept for callers of the v1 name.
_loaded_cost = loaded_cost


def coalition_chunk(model: Model) -> int:
    """Coalitions per kernel call: 4,096 for a pool of up to 256 member × function cells (a
    20-member, 8-function game: each call's numpy work then outweighs its Python overhead, and two
    threads wait less on each other for the interpreter — the 2^20 game 5.6 → 4.7 s on two threads,
    30 Nov), else 2,048, so a wide model's ``(chunk, n, F)`` arrays take no more memory than before."""
    n, F = model.mask.shape[-2:]
    return 4096 if n * F <= 256 else 2048


def coalition_costs(model: Model, coalitions: np.ndarray, params: Mapping[str, float] | None = None,
                    chunk: int | None = None, executor: Executor | Literal["shared"] | None = "shared") -> np.ndarray:
    """c(S) for each coalition row ``(C, n)`` bool: members' total yearly cost of what they pool.

    c(S) = Σ_{i∈S} standalone cost of i's pooled functions − net annual result of S pooling
    alone (set-up annualised, exit risk and funding included). A singleton pools nothing, so
    c({i}) is i's standalone cost. Evaluated in chunks of ``chunk`` coalitions so memory stays
    bounded (default :func:`coalition_chunk`); chunks run on ``executor`` (default: the process-wide pool of
    :func:`simulator.threads.shared_executor`, up to 2 threads — numpy releases the GIL in the
    array operations; ``None``: in this thread), with BLAS held to one thread (see
    :mod:`simulator.threads`).
    """
    coalitions = np.asarray(coalitions, dtype=bool)
    out = np.empty(coalitions.shape[0])
    chunk = coalition_chunk(model) if chunk is None else chunk

    def one(start: int) -> None:
        rows = coalitions[start:start + chunk]
        masks = rows[:, :, None] & model.mask[None]
        k = run_kernel(model, params, masks, with_irr=False, totals_only=True)
        standalone = k.standalone[:1] if k.standalone.strides[0] == 0 else k.standalone  # broadcast view
        out[start:start + chunk] = masked_sum(masks, standalone).sum(axis=-1) - k.net_result

    from simulator.threads import run_each

    run_each(one, range(0, coalitions.shape[0], chunk), executor)  # chunks of coalitions, each vectorised
    return out
