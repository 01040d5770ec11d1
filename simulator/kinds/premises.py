"""Premises kind: co-location — private space stays, common space pools (MODEL.md §3.5, §8.6).

Rent is VAT-exempt (art. 44 §3, 2°), so nothing is billed with VAT. One-off costs: moving (per
FTE of members who move), fit-out (per m² of the shared site), and the months of today's rent still
owed on each mover's current lease (declared per member, else the catalogue's lease-break months).
"""

from __future__ import annotations

import numpy as np

from simulator.kinds.base import CostKind, FieldSpec, KindContext, KindResult
from simulator.mechanisms import nan0, premises

FIELDS = (
    FieldSpec("private_m2", "m²", "Private floor area (offices, consulting rooms)."),
    FieldSpec("common_m2", "m²", "Common floor area (meeting rooms, reception area, kitchen, "
              "storage)."),
    FieldSpec("rent_eur_m2", "€/m²/yr", "Rent per m² per year."),
    FieldSpec("cost_eur", "€/yr", "Declared annual rent plus service charges."),
    FieldSpec("lease_months_left", "months", "Months of the current rent still owed after moving "
              "to the shared site (notice, or until the lease ends); empty = the catalogue's "
              "lease-break months.", maximum=240.0),
)


def evaluate(ctx: KindContext, cols: np.ndarray) -> KindResult:
    """Standalone rent and charges; the shared site's cost; moving, fit-out and lease breaks."""
    P, model = ctx.P, ctx.model
    priv, comm = premises.areas(ctx.data("private_m2", cols), ctx.data("common_m2", cols),
                                model.fte_total[..., None], m2_per_fte=P.col("premises.m2_per_fte"),
                                common_share=P.col("premises.common_share"))
    sa = premises.standalone_cost(priv, comm, ctx.data("rent_eur_m2", cols), ctx.data("cost_eur", cols),
                                  default_rent=P.col("premises.rent"), charges=P.col("premises.charges"))
    price = site_prices(model)  # (S,) NaN = rented
    owned = ~np.isnan(price)
    owner_costs = P["premises.owner_costs"][:, None] * nan0(price)[None, :] if owned.any() else None
    pooled, area, moved, comps, site_cost = premises.pooled_premises(
        priv, comm, sa, ctx.mask(cols), ctx.site_onehot, model.site_rent,
        b=P.col("premises.scale_exponent"), default_rent=P.col("premises.rent"),
        charges=P.col("premises.charges"), operator_fee=P.col("premises.operator_fee"),
        owned=owned if owned.any() else None, owner_costs=owner_costs, with_site=True)
    mover = moved.any(axis=-1)  # (B, n)
    # current leases that run on after the move: double rent for the months still owed (§8.6)
    months = premises.months_owed(ctx.data("lease_months_left", cols), P.col("premises.lease_break_months"))
    one_offs = (mover * model.fte_total).sum(axis=-1) * P["premises.moving_cost_per_fte"] \
        + area.sum(axis=-1) * P["premises.fitout_cost"] \
        + np.where(moved, sa * months, 0.0).sum(axis=(-2, -1)) / 12.0
    extras = {"site_cost": site_cost}
    if owned.any():  # a bought site's financing is split by the m² each member uses there
        extras["site_area"] = site_area(moved, priv + comm, ctx.site_onehot)
    return KindResult(standalone=sa, pooled=pooled, billed=np.zeros_like(pooled),
                      workload=priv + comm, components=comps, one_offs=one_offs, extras=extras)


KIND = CostKind(
    name="premises", fields=FIELDS, needs=("private_m2", "common_m2", "cost_eur"), site_bound=True,
    index_group="rent", declared_cost=True, evaluate=evaluate)


def site_prices(model) -> np.ndarray:
    """Purchase price of each shared site, ``(S,)``; NaN where the site is rented."""
    return np.array([np.nan if site.purchase is None else site.purchase.price_eur
                     for site in model.scenario.sites], dtype=float)


def site_area(moved: np.ndarray, area: np.ndarray, site_onehot: np.ndarray) -> np.ndarray:
    """m² each member uses at each shared site it moved to, ``(B, n, S)`` (splits a bought site's financing)."""
    used = np.where(moved, np.broadcast_to(area, moved.shape), 0.0).sum(axis=-1)  # (B, n)
    return used[..., None] * site_onehot  # site_onehot (n, S), or (B, n, S) when each row has its own members
