"""Coverage kind: reception — a staffed desk per site during opening hours (MODEL.md §3.2).

Cost follows staffed hours, not volume; co-located members share one desk
(:mod:`simulator.mechanisms.coverage`). Site-bound: gains appear only at a shared site.
"""

from __future__ import annotations

import numpy as np

from simulator.kinds.base import CostKind, FieldSpec, KindContext, KindResult
from simulator.mechanisms import batch_first, coverage, nan0

FIELDS = (
    FieldSpec("hours_week", "h/week", "Staffed opening hours per week of the {label} desk.",
              maximum=168.0),
    FieldSpec("cost_eur", "€/yr", "Declared annual loaded cost of {label} staff; empty means "
              "estimate it from hours × grade cost."),
    FieldSpec("visitors_week", "visitors/week", "Visitors per week at the {label} desk."),
    FieldSpec("volume", "{driver}", "Volume driver of {label}: {driver}."),
    FieldSpec("opens_at", "h", "Hour the {label} desk opens (e.g. 8.5 = 08:30); with closes_at and "
              "days_week it gives the weekly schedule whose union a shared desk covers.", maximum=24.0),
    FieldSpec("closes_at", "h", "Hour the {label} desk closes (e.g. 17 = 17:00).", maximum=24.0),
    FieldSpec("days_week", "days/week", "Days a week the {label} desk is open (Monday first).",
              maximum=7.0),
)


def evaluate(ctx: KindContext, cols: np.ndarray) -> KindResult:
    """Standalone desks, and one desk per shared site for the members pooling there."""
    P = ctx.P
    gc = ctx.grade_costs(cols)
    desk = dict(full_time_hours=P.col("work.hours_per_week"), cover=P.col("reception.cover_factor"),
                threshold=P.col("reception.visitor_threshold"),
                extra_per_100=P.col("reception.extra_fte_per_100_visitors"))
    h, v = ctx.data("hours_week", cols), ctx.data("visitors_week", cols)
    sa = coverage.standalone_cost(h, v, ctx.data("cost_eur", cols), grade_cost=gc, **desk)
    times = [ctx.data(k, cols) for k in ("opens_at", "closes_at", "days_week")]
    # the week grid only when some member gives a schedule (else the v1 rule, flagged by the API)
    schedule = coverage.week_grid(*times) if not np.isnan(times[0]).all() else None
    pooled, comps = coverage.pooled_coverage(h, v, sa, ctx.mask(cols), ctx.site_onehot, grade_cost=gc,
                                             poolable=P.col("reception.poolable_share"),
                                             schedule=schedule, **desk)
    return KindResult(standalone=sa, pooled=pooled, billed=pooled, workload=batch_first(nan0(h)),
                      components=comps)


KIND = CostKind(
    name="coverage", fields=FIELDS, needs=("hours_week", "cost_eur"), site_bound=True,
    index_group="wage", declared_cost=True, evaluate=evaluate)
