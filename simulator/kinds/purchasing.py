"""Purchasing kind: volume discounts, the central's cost, avoided tenders (MODEL.md §3.3, §8.5).

The goods stay bought in the members' names; a vehicle bills only the central's running cost.
"""

from __future__ import annotations

import numpy as np

from simulator.kinds.base import CostKind, FieldSpec, KindContext, KindResult
from simulator.mechanisms import batch_first, nan0, purchasing

FIELDS = (FieldSpec("spend_eur", "€/yr", "Annual spend on {label}, VAT included."),)


def evaluate(ctx: KindContext, cols: np.ndarray) -> KindResult:
    """Each member's spend and tenders today; pooled goods, central and tenders."""
    P, model = ctx.P, ctx.model
    thresholds = (P.col("purchasing.invoice_threshold"), P.col("purchasing.negotiated_threshold"),
                  P.col("purchasing.published_tender_cost"), P.col("vat.rate"))
    kw = dict(tender_cost=P.col("purchasing.tender_cost"),
              tenders_per_year=P.col("purchasing.tenders_per_year"), thresholds=thresholds)
    ca = model.contracting_authority[..., None]
    spend = ctx.data("spend_eur", cols)
    own = purchasing.procedure_cost(spend, **kw)  # each member's own procedures, (B, n, K)
    sa = purchasing.standalone_cost(spend, ca, **kw, own=own)
    pooled, central, comps = purchasing.pooled_purchasing(
        spend, ctx.mask(cols), ca, elasticity=P.col("purchasing.price_elasticity"),
        cap=P.col("purchasing.discount_cap"), reference=P.col("purchasing.reference_volume"),
        buyer_fte_base=P.col("purchasing.buyer_fte_base"),
        buyer_fte_per_meur=P.col("purchasing.buyer_fte_per_meur"), manager_cost=ctx.manager_cost,
        platform_cost=P.col("purchasing.platform_cost"),
        negotiable=P.per_function("purchasing.negotiable_share.{}", [model.function_ids[j] for j in cols]),
        own=own, **kw)
    return KindResult(standalone=sa, pooled=pooled, billed=central,
                      workload=batch_first(nan0(spend)), components=comps)


KIND = CostKind(
    name="purchasing", fields=FIELDS, needs=("spend_eur",), site_bound=False, index_group="price",
    declared_cost=False, evaluate=evaluate)
