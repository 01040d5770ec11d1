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
from simulator.mechanisms import (
    cashflow,
    coordination,
    coverage,
    fixed_shared,
    labour,
    masked_sum,
    premises,
    purchasing,
)
from simulator.mechanisms.funding import funding_flows
from simulator.mechanisms.vat import vat_and_margin
from simulator.model import Model
from simulator.params import ParamArrays

if TYPE_CHECKING:
    from concurrent.futures import Executor

#: Waterfall components in display order (cost changes; negative = saving).
WATERFALL = (
    "repricing", "scale_gains", "post_rounding", "management", "pay_harmonisation",
    "reception_sharing", "purchasing_discounts", "avoided_tenders", "purchasing_central",
    "shared_fixed", "premises", "governance", "service_management", "pairwise", "travel",
    "heterogeneity", "provider_margin", "vat", "setup_annualised", "exit_risk", "subsidies",
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


def run_kernel(model: Model, params: Mapping[str, float] | ParamArrays | None = None,
               mask: np.ndarray | None = None, *, with_irr: bool = True, totals_only: bool = False) -> KernelOutput:
    """Evaluate the model for a batch of parameter draws and/or pooling masks.

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
        Skip the per-member split (``allocated``, ``member_gain``… are then None): the cost game
        needs only the pool's totals, for a million coalitions.
    """
    P = params if isinstance(params, ParamArrays) else ParamArrays(params or model.params)
    m = model.mask if mask is None else np.asarray(mask, dtype=bool)
    if m.ndim == 2:
        m = m[None]
    B = max(P.B, m.shape[0])
    m = np.broadcast_to(m, (B, *model.mask.shape))
    emask = m & (m.sum(axis=1, keepdims=True) >= 2)
    n, F = model.mask.shape
    d = model.data
    T = model.horizon

    standalone = np.zeros((P.B, n, F))  # depends on parameters only, not on the mask
    pooled_f = np.zeros((B, F))
    billed_f = np.zeros((B, F))
    comps: dict[str, np.ndarray] = {k: np.zeros(B) for k in WATERFALL}
    hours, weeks = P.col("work.hours_per_week"), P.col("work.weeks_per_year")
    manager = _loaded_cost(P, ["admin_finance_manager"])  # (B, 1, 1)
    posts_total, staff_cost = np.zeros(B), np.zeros(B)
    workload = np.zeros((P.B, n, F))
    site_onehot = (model.site_of[:, None] == np.arange(len(model.site_ids))[None, :]).astype(float)
    one_offs = np.zeros(B)

    def add(cs):
        for k, v in cs.items():
            comps[k] = comps[k] + v.sum(axis=-1)

    L = model.kind_index("labour")
    if L.size:
        gc = _grade_costs(P, model, L)
        ld = labour.LabourData(*(d[k][:, L] for k in ("fte", "cost_eur", "external_eur",
                                                      "hidden_hours_week", "hidden_hourly_eur")))
        sa = labour.standalone_cost(ld, gc, hours, weeks, P.col("hidden_time.hourly_cost"))
        w = labour.workload(ld, gc, hours, P.col("provider.margin"), P.col("vat.rate"),
                            model.vat_exempt[:, None])
        part_l = emask[:, :, L].any(axis=-1)
        several_committees = ((part_l.astype(float) @ model.committee_onehot) > 0).sum(axis=-1) > 1
        uplift = np.where(model.vehicle.harmonises_pay & several_committees,
                          P["labour.pay_harmonisation"], 0.0)[:, None]
        pooled, posts, cs = labour.pooled_labour(
            w, sa, emask[:, :, L], grade_cost=gc, b=P.per_function("scale_exponent.{}", _ids(model, L)),
            g=P.col("labour.post_fraction"), span=P.col("labour.span_of_control"),
            manager_cost=manager, uplift=uplift)
        standalone[:, :, L], pooled_f[:, L], billed_f[:, L] = sa, pooled, pooled
        workload[:, :, L] = w
        add(cs)
        posts_total = posts.sum(axis=-1)
        staff_cost = (posts * gc[:, 0, :]).sum(axis=-1)

    C = model.kind_index("coverage")
    if C.size:
        gc = _grade_costs(P, model, C)
        desk = dict(full_time_hours=hours, cover=P.col("reception.cover_factor"),
                    threshold=P.col("reception.visitor_threshold"),
                    extra_per_100=P.col("reception.extra_fte_per_100_visitors"))
        h, v = d["hours_week"][:, C], d["visitors_week"][:, C]
        sa = coverage.standalone_cost(h, v, d["cost_eur"][:, C], grade_cost=gc, **desk)
        pooled, cs = coverage.pooled_coverage(h, v, sa, emask[:, :, C], site_onehot, grade_cost=gc, **desk)
        standalone[:, :, C], pooled_f[:, C], billed_f[:, C] = sa, pooled, pooled
        workload[:, :, C] = np.nan_to_num(h)
        add(cs)

    U = model.kind_index("purchasing")
    if U.size:
        kw = dict(tender_cost=P.col("purchasing.tender_cost"),
                  tenders_per_year=P.col("purchasing.tenders_per_year"))
        ca = model.contracting_authority[:, None]
        spend = d["spend_eur"][:, U]
        sa = purchasing.standalone_cost(spend, ca, **kw)
        pooled, central, cs = purchasing.pooled_purchasing(
            spend, emask[:, :, U], ca, elasticity=P.col("purchasing.price_elasticity"),
            cap=P.col("purchasing.discount_cap"), reference=P.col("purchasing.reference_volume"),
            buyer_fte_base=P.col("purchasing.buyer_fte_base"),
            buyer_fte_per_meur=P.col("purchasing.buyer_fte_per_meur"), manager_cost=manager,
            platform_cost=P.col("purchasing.platform_cost"), **kw)
        standalone[:, :, U], pooled_f[:, U], billed_f[:, U] = sa, pooled, central
        workload[:, :, U] = np.nan_to_num(spend)
        add(cs)

    X = model.kind_index("fixed_shared")
    if X.size:
        kw = dict(fixed=P.col("software.fixed_cost"), per_user=P.col("software.per_user_cost"))
        users = d["users"][:, X]
        sa = fixed_shared.standalone_cost(users, d["cost_eur"][:, X], **kw)
        pooled, cs = fixed_shared.pooled_fixed_shared(
            users, sa, emask[:, :, X], tier_users=P.col("software.tier_users"),
            tier_step=P.col("software.tier_step"), **kw)
        standalone[:, :, X], pooled_f[:, X], billed_f[:, X] = sa, pooled, pooled
        workload[:, :, X] = np.nan_to_num(users)
        add(cs)

    R = model.kind_index("premises")
    if R.size:
        priv, comm = premises.areas(d["private_m2"][:, R], d["common_m2"][:, R], model.fte_total[:, None],
                                    m2_per_fte=P.col("premises.m2_per_fte"),
                                    common_share=P.col("premises.common_share"))
        sa = premises.standalone_cost(priv, comm, d["rent_eur_m2"][:, R], d["cost_eur"][:, R],
                                      default_rent=P.col("premises.rent"), charges=P.col("premises.charges"))
        pooled, area, moved, cs = premises.pooled_premises(
            priv, comm, sa, emask[:, :, R], site_onehot, model.site_rent, b=P.col("premises.scale_exponent"),
            default_rent=P.col("premises.rent"), charges=P.col("premises.charges"))
        standalone[:, :, R], pooled_f[:, R] = sa, pooled
        workload[:, :, R] = priv + comm
        add(cs)
        mover = moved.any(axis=-1)  # (B, n)
        one_offs = (mover * model.fte_total).sum(axis=-1) * P["premises.moving_cost_per_fte"] \
            + area.sum(axis=-1) * P["premises.fitout_cost"] \
            + (np.where(moved, sa, 0.0).sum(axis=(-2, -1))) * P["premises.lease_break_months"] / 12.0

    # --- coordination -----------------------------------------------------------------------
    hourly = P["governance.hourly_cost"]
    part_count, part = coordination.participation(emask)
    gov_i, service_i, pairwise = coordination.recurring(
        emask, part_count, part, gov_hours_month=P["governance.hours_per_member_month"],
        service_hours=P["coordination.service_hours"], pair_hours=P["coordination.pairwise_hours"],
        hourly=hourly)
    n_loc = coordination.locations(emask[:, :, L], model.site_of) if L.size else np.zeros(B)
    staff_hourly = np.where(posts_total > 0, staff_cost / np.where(posts_total > 0, posts_total, 1.0), 0.0) \
        / (P["work.hours_per_week"] * P["work.weeks_per_year"])
    travel = coordination.travel(n_loc, staff_hourly, hours_per_site=P["coordination.travel_hours_per_site"],
                                 weeks=P["work.weeks_per_year"])
    diversity = 0.5 * (coordination.gini_simpson(part, model.subsector_onehot)
                       + coordination.gini_simpson(part, model.committee_onehot))
    staff_kinds = np.isin(np.array(model.kinds), ["labour", "coverage"])
    heterogeneity = P["coordination.heterogeneity_drag"] * diversity * pooled_f[:, staff_kinds].sum(axis=-1)
    common = pairwise + travel + heterogeneity
    comps["governance"] = gov_i.sum(axis=-1)
    comps["service_management"] = service_i.sum(axis=-1)
    comps["pairwise"], comps["travel"], comps["heterogeneity"] = pairwise, travel, heterogeneity

    # --- who pays what: shares of each pooled function ----------------------------------------
    exempt = model.vat_exempt.astype(float)  # (n,)
    vat_a = model.vat_assessment
    need_shares = not totals_only
    if need_shares:
        weights = allocation.weights(model.scenario.allocation, emask, standalone, workload, model)
        shares = allocation.shares(weights, emask)  # (B, n, F), each pooled column sums to 1

    # --- VAT wedge and provider margin ------------------------------------------------------
    # VAT invoiced on billed services is a cost only for members that cannot recover it
    # (VAT-exempt ASBLs, art. 44); a member with taxable activities deducts it.
    margin_rate = np.broadcast_to(P["provider.margin"] * model.vehicle.margin, (B,))
    common_billed = travel + heterogeneity
    margin_f, vat_inv_f = vat_and_margin(billed_f, taxable=not vat_a.exempt, margin_rate=margin_rate[:, None],
                                         vat_rate=np.broadcast_to(P["vat.rate"], (B,))[:, None])
    margin_c, vat_inv_c = vat_and_margin(common_billed, taxable=not vat_a.exempt, margin_rate=margin_rate,
                                         vat_rate=P["vat.rate"])
    if need_shares:
        sigma = allocation.member_weights((shares * (pooled_f + margin_f)[:, None, :]).sum(axis=-1), part)
        vat = (vat_inv_f * (shares * exempt[None, :, None]).sum(axis=-2)).sum(axis=-1) + vat_inv_c * (sigma @ exempt)
    elif vat_a.exempt or model.vat_exempt.all():  # no VAT, or every member bears what it is invoiced
        vat = vat_inv_f.sum(axis=-1) + vat_inv_c
    else:  # only VAT-exempt members bear VAT: their share of each function, without (B, n, F) shares
        ex_f = allocation.weighted_share(model.scenario.allocation, emask, standalone, workload, model, exempt)
        split = pooled_f + margin_f
        tot = split.sum(axis=-1)
        ex_common = np.where(tot > 0, (ex_f * split).sum(axis=-1) / np.where(tot > 0, tot, 1.0),
                             (part @ exempt) / np.maximum(part.sum(axis=-1), 1))
        vat = (vat_inv_f * ex_f).sum(axis=-1) + vat_inv_c * ex_common
    margin = margin_f.sum(axis=-1) + margin_c
    comps["provider_margin"], comps["vat"] = margin, vat

    # --- set-up, steady state ---------------------------------------------------------------
    any_pooled = emask.any(axis=(-2, -1))
    setup = coordination.setup_cost(
        billed_f.sum(axis=-1), any_pooled * P[f"vehicle_creation.{model.vehicle.id}"], one_offs,
        share=P["setup.share_of_pooled_cost"], overrun=P["setup.overrun_factor"]) * any_pooled
    base_by = masked_sum(emask, standalone)  # (B, F) today's cost of what is pooled
    baseline_total = base_by.sum(axis=-1)
    coord_total = comps["governance"] + comps["service_management"] + common
    pooled_total = pooled_f.sum(axis=-1) + coord_total + margin + vat
    net_saving = baseline_total - pooled_total
    hazard = P["exit.hazard"] * model.scenario.exit_risk
    stranded_rate = hazard * P["exit.fixed_share"] * P["exit.resize_years"]
    annuity = cashflow.annuity_factor(P["finance.discount_rate"], T)

    # --- yearly cash flows --------------------------------------------------------------------
    idx = {g: cashflow.index_factors(np.broadcast_to(P[f"finance.{g}_indexation"], (B,)), T)
           for g in ("wage", "price", "rent")}
    group_of = {"labour": "wage", "coverage": "wage", "purchasing": "price", "fixed_shared": "price",
                "premises": "rent"}
    baseline_t = np.zeros((B, T + 1))
    pooled_t = np.zeros((B, T + 1))
    for j, kind in enumerate(model.kinds):  # loop over functions (few), never over the batch
        baseline_t += base_by[:, j, None] * idx[group_of[kind]]
        pooled_t += pooled_f[:, j, None] * idx[group_of[kind]]
    baseline_t[:, 0] = pooled_t[:, 0] = 0.0
    planned_t = baseline_t - pooled_t  # benefit realisation ρ scales a planned saving, never a planned loss
    gross_t = (planned_t - (1.0 - P["benefit.realisation"][:, None]) * np.maximum(planned_t, 0.0)) * model.ramp
    coord_t = (coord_total + margin + vat)[:, None] * idx["wage"]
    coord_t[:, 0] = 0.0
    surv = cashflow.survival(np.broadcast_to(hazard, (B,)), T)
    stranded_t = stranded_rate[..., None] * pooled_t * surv
    operating_t = (gross_t - coord_t) * surv - stranded_t
    operating_t[:, 0] = 0.0
    flows = funding_flows(model.scenario.funding, setup, posts_total, operating_t, T)
    # no pool, no funding: a row that pools nothing gets no subsidy or loan either
    flows = {k: v * any_pooled[:, None] for k, v in flows.items()}
    funding_t = sum(flows.values())
    setup_t = np.zeros((B, T + 1))
    setup_t[:, 0] = -setup
    net_t = operating_t + setup_t + funding_t
    df = cashflow.discount_factors(np.broadcast_to(P["finance.discount_rate"], (B,)), T)
    public_cost = cashflow.npv(funding_t, df)

    comps["setup_annualised"] = setup * annuity
    comps["exit_risk"] = stranded_rate * pooled_f.sum(axis=-1)
    comps["subsidies"] = -public_cost * annuity
    net_result = net_saving - comps["setup_annualised"] - comps["exit_risk"] - comps["subsidies"]

    # --- allocation among members -----------------------------------------------------------
    if totals_only:
        return KernelOutput(
            standalone=np.broadcast_to(standalone, (B, n, F)), effective_mask=emask, pooled_function=pooled_f,
            allocated_function=None, baseline_total=baseline_total, pooled_total=pooled_total,
            coordination=coord_total, margin=margin, vat=vat, setup=setup,
            setup_annualised=comps["setup_annualised"], net_saving=net_saving, net_result=net_result,
            pooled_fte=posts_total, member_standalone=None, allocated=None, setup_share=None,
            member_gain=None, waterfall=comps, years=np.arange(T + 1), public_cost=public_cost)
    allocated_f = shares * (pooled_f + margin_f)[:, None, :] + shares * vat_inv_f[:, None, :] * exempt[None, :, None]
    common_i = sigma * (common + margin_c)[:, None] + sigma * vat_inv_c[:, None] * exempt[None, :]
    allocated = allocated_f.sum(axis=-1) + gov_i + service_i + common_i
    setup_share = sigma * setup[:, None]
    member_standalone = _member_sum(emask, standalone)
    member_setup = sigma * comps["setup_annualised"][:, None]
    member_exit = sigma * comps["exit_risk"][:, None]
    member_subsidy = -sigma * comps["subsidies"][:, None]  # comps["subsidies"] is −funding (a cost step)
    member_gain = member_standalone - allocated - member_setup - member_exit + member_subsidy

    out = KernelOutput(
        standalone=np.broadcast_to(standalone, (B, n, F)), effective_mask=emask, pooled_function=pooled_f,
        allocated_function=allocated_f, baseline_total=baseline_total, pooled_total=pooled_total,
        coordination=coord_total, margin=margin, vat=vat, setup=setup,
        setup_annualised=comps["setup_annualised"], net_saving=net_saving, net_result=net_result,
        pooled_fte=posts_total, member_standalone=member_standalone, allocated=allocated,
        setup_share=setup_share, member_gain=member_gain, waterfall=comps,
        years=np.arange(T + 1), npv=cashflow.npv(net_t, df),
        npv_without_funding=cashflow.npv(operating_t + setup_t, df), public_cost=public_cost,
        payback_year=cashflow.payback_year(net_t),
        irr=cashflow.irr(net_t) if with_irr else None,
        member_setup_annualised=member_setup, member_exit_risk=member_exit, member_subsidy=member_subsidy,
    )
    out.flows = {"baseline": baseline_t, "pooled": pooled_t, "gross_saving": gross_t,
                 "coordination": -coord_t, "exit_risk": -stranded_t, "setup": setup_t,
                 # saving lost because members left: (gross − coordination) × (S_t − 1), ≤ 0, so that
                 # gross + coordination + members_leaving + exit_risk + setup + funding = net
                 "members_leaving": (gross_t - coord_t) * (surv - 1.0) * (np.arange(T + 1) >= 1),
                 "funding": funding_t, "net": net_t, **{f"funding_{k}": v for k, v in flows.items()}}
    return out


def _member_sum(mask: np.ndarray, x: np.ndarray) -> np.ndarray:
    """Σ over functions where mask: ``(B, n, F)`` × ``(1|B, n, F)`` → ``(B, n)``."""
    if x.shape[0] == 1:
        return np.einsum("bnf,nf->bn", mask, x[0])
    return np.einsum("bnf,bnf->bn", mask, x)


def _ids(model: Model, cols: np.ndarray) -> list[str]:
    return [model.function_ids[j] for j in cols]


def _grade_costs(P: ParamArrays, model: Model, cols: np.ndarray) -> np.ndarray:
    """Loaded annual cost of the grade of each function in ``cols``, ``(B, 1, K)``."""
    return _loaded_cost(P, [model.function(f).grade for f in _ids(model, cols)])


def _loaded_cost(P: ParamArrays, grades: list[str]) -> np.ndarray:
    """Loaded annual employer cost of grades: monthly gross × months × (1 + social rate), ``(B, 1, K)``.

    With the defaults, a bookkeeper: 3,400 €/month × 13.92 × 1.324 = 62,662 €/year (MODEL.md §5).
    """
    months, social = P.col("employer_cost.months_per_year"), P.col("employer_cost.social_rate")
    monthly = P.per_function("salary.{}", grades)
    return monthly * months * (1.0 + social)


def coalition_costs(model: Model, coalitions: np.ndarray, params: Mapping[str, float] | None = None,
                    chunk: int = 2048, executor: Executor | Literal["shared"] | None = "shared") -> np.ndarray:
    """c(S) for each coalition row ``(C, n)`` bool: members' total yearly cost of what they pool.

    c(S) = Σ_{i∈S} standalone cost of i's pooled functions − net annual result of S pooling
    alone (set-up annualised, exit risk and funding included). A singleton pools nothing, so
    c({i}) is i's standalone cost. Evaluated in chunks of ``chunk`` coalitions so memory stays
    bounded; chunks run on ``executor`` (default: the process-wide pool of
    :func:`simulator.threads.shared_executor`, up to 2 threads — numpy releases the GIL in the
    array operations; ``None``: in this thread), with BLAS held to one thread (see
    :mod:`simulator.threads`).
    """
    coalitions = np.asarray(coalitions, dtype=bool)
    out = np.empty(coalitions.shape[0])

    def one(start: int) -> None:
        rows = coalitions[start:start + chunk]
        masks = rows[:, :, None] & model.mask[None]
        k = run_kernel(model, params, masks, with_irr=False, totals_only=True)
        standalone = k.standalone[:1] if k.standalone.strides[0] == 0 else k.standalone  # broadcast view
        out[start:start + chunk] = masked_sum(masks, standalone).sum(axis=-1) - k.net_result

    starts = range(0, coalitions.shape[0], chunk)  # chunks of coalitions, each vectorised
    from simulator.threads import shared_executor, single_threaded_blas

    pool = shared_executor() if executor == "shared" else executor
    with single_threaded_blas():
        if pool is not None and len(starts) > 1:
            list(pool.map(one, starts))
        else:
            for start in starts:
                one(start)
    return out
