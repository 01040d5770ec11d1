"""Fixed-shared kind: software licences, equipment — a fixed part plus a per-user part (MODEL.md §3.4)."""

from __future__ import annotations

import numpy as np

from simulator.kinds.base import CostKind, FieldSpec, KindContext, KindResult
from simulator.mechanisms import batch_first, fixed_shared, nan0

FIELDS = (
    FieldSpec("users", "users", "Number of users of {label}."),
    FieldSpec("cost_eur", "€/yr", "Declared annual cost of {label} (licences, subscriptions)."),
)


def evaluate(ctx: KindContext, cols: np.ndarray) -> KindResult:
    """Standalone F + v·users_i; pooled one F (tiered) + v·Σ users."""
    P = ctx.P
    kw = dict(fixed=P.col("software.fixed_cost"), per_user=P.col("software.per_user_cost"))
    users = ctx.data("users", cols)
    sa = fixed_shared.standalone_cost(users, ctx.data("cost_eur", cols), **kw)
    pooled, comps = fixed_shared.pooled_fixed_shared(
        users, sa, ctx.mask(cols), tier_users=P.col("software.tier_users"),
        tier_step=P.col("software.tier_step"), **kw)
    return KindResult(standalone=sa, pooled=pooled, billed=pooled,
                      workload=batch_first(nan0(users)), components=comps)


KIND = CostKind(
    name="fixed_shared", fields=FIELDS, needs=("users", "cost_eur"), site_bound=False,
    index_group="price", declared_cost=True, evaluate=evaluate)
