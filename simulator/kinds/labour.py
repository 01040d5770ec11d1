"""Labour kind: accounting, payroll/HR, IT support… — scale economies and posts (MODEL.md §3.1).

Evaluation: today's cost and workload per member (:mod:`simulator.mechanisms.labour`), the pooled
workload W = (Σ w_i^(1/b))^b rounded to posts, a coordinator per span of control, and — when the
vehicle harmonises pay and the pooled staff come from several joint committees — a pay uplift.
"""

from __future__ import annotations

import numpy as np

from simulator.kinds.base import CostKind, FieldSpec, KindContext, KindResult
from simulator.mechanisms import labour, masked_sum, member_counts, nan0, per_row

FIELDS = (
    FieldSpec("fte", "FTE", "In-house staff working on {label} today (full-time equivalents)."),
    FieldSpec("cost_eur", "€/yr", "Declared annual loaded cost of that in-house staff; empty "
              "means estimate it from FTE × grade cost (flagged as an estimate)."),
    FieldSpec("external_eur", "€/yr", "Annual fees paid to an outside provider for {label}."),
    FieldSpec("hidden_hours_week", "h/week", "Hours per week other staff (director, social "
              "worker…) spend on {label} 'faisant fonction'.", maximum=168.0),
    FieldSpec("hidden_hourly_eur", "€/h", "Hourly loaded cost of the people doing those "
              "hidden hours."),
    FieldSpec("volume", "{driver}", "Volume driver of {label}: {driver}."),
    FieldSpec("cofunded_share", "fraction", "Share of the in-house {label} staff cost paid by a "
              "job subsidy (Maribel social, Actiris ACS…); lost when the work moves to the pool "
              "unless the scenario says the funding follows the worker (empty = 0).", maximum=1.0),
)


def evaluate(ctx: KindContext, cols: np.ndarray) -> KindResult:
    """Standalone and pooled cost of the labour functions ``cols``; posts and staff cost."""
    P, model = ctx.P, ctx.model
    gc = ctx.grade_costs(cols)
    ld = labour.LabourData(*(ctx.data(k, cols) for k in ("fte", "cost_eur", "external_eur",
                                                           "hidden_hours_week", "hidden_hourly_eur")))
    share = ctx.data("cofunded_share", cols)
    subsidy = labour.cofunding(ld, gc, share) if nan0(share).any() else None  # (1|B, n, K) €/yr
    hours, weeks = P.col("work.hours_per_week"), P.col("work.weeks_per_year")
    value_hidden = model.scenario.value_hidden_hours
    sa = labour.standalone_cost(ld, gc, hours, weeks, P.col("hidden_time.hourly_cost"),
                                value_hidden=value_hidden)
    w = labour.workload(ld, gc, hours, P.col("provider.margin"), P.col("vat.rate"),
                        model.vat_exempt[..., None])
    mask = ctx.mask(cols)
    part = per_row(lambda m: m.any(axis=-1), mask)
    several_committees = (member_counts(part, model.committee_onehot) > 0).sum(axis=-1) > 1
    uplift = np.where(model.vehicle.harmonises_pay & several_committees,
                      P["labour.pay_harmonisation"], 0.0)[:, None]
    b = P.per_function("scale_exponent.{}", [model.function_ids[j] for j in cols])
    # a residual bought from a provider carries its margin, and VAT for the exempt members' part
    exempt_part = np.count_nonzero(part & model.vat_exempt, axis=-1) / np.maximum(
        np.count_nonzero(part, axis=-1), 1)  # (B,) share of participating members that are exempt
    outside = gc * (1 + P.col("provider.margin")) * (1 + P.col("vat.rate") * exempt_part[:, None, None])
    pooled, posts, comps = labour.pooled_labour(
        w, sa, mask, grade_cost=gc, b=b, g=P.col("labour.post_fraction"),
        span=P.col("labour.span_of_control"), manager_cost=ctx.manager_cost, uplift=uplift,
        floor=P.col("labour.contract_floor"), outside_price=outside)
    if subsidy is None:  # no co-funded post among these functions (the usual case): nothing lost
        standalone, comps = sa, {**comps, "cofunding_lost": np.zeros_like(pooled)}
    else:
        pooled, standalone, comps = labour.cofunding_on_pooling(
            pooled, sa, comps, subsidy, mask, follows_worker=model.scenario.cofunding_follows_worker)
    # hidden hours taken over by the pool: frontline capacity freed, unless already counted as cash
    freed = masked_sum(mask, labour.hidden_fte(ld, hours)).sum(axis=-1) * (not value_hidden)
    return KindResult(standalone=standalone, pooled=pooled, billed=pooled, workload=w, components=comps,
                      posts=posts, staff_cost=(posts * gc[:, 0, :]).sum(axis=-1),
                      extras={"hidden_fte_freed": freed})


KIND = CostKind(
    name="labour", fields=FIELDS, needs=("fte", "cost_eur", "external_eur", "hidden_hours_week"),
    site_bound=False, index_group="wage", declared_cost=True, evaluate=evaluate)
