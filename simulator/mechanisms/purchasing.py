"""Purchasing: volume discounts, the central's cost and avoided tenders (MODEL.md §3.3).

Unit price relative to list price falls with yearly volume V beyond a reference volume V_ref:

    p(V) = max(1 − cap, (max(V, V_ref) / V_ref)^(−e))

Member i's spend on a pooled category becomes spend_i · p(V_pool) / p(V_i). A contracting
authority (subject to public procurement law) runs ``tenders_per_year`` procedures per category
on its own; a central purchasing body runs them once for all, so members avoid their own. The
central costs buyer time (fixed + per M€ of pooled spend, at the manager grade) and a platform.
"""

from __future__ import annotations

import numpy as np

from simulator.mechanisms import masked_sum


def unit_price(volume, *, elasticity, cap, reference):
    """p(V) = max(1 − cap, (max(V, V_ref)/V_ref)^(−e)); 1 below the reference volume."""
    ratio = np.maximum(volume, reference) / reference
    return np.maximum(1.0 - cap, ratio ** (-elasticity))


def standalone_cost(spend, contracting_authority, *, tender_cost, tenders_per_year):
    """Spend plus, for contracting authorities, their own tender procedures."""
    return np.nan_to_num(spend) + contracting_authority * tenders_per_year * tender_cost


def pooled_purchasing(spend, mask, contracting_authority, *, elasticity, cap, reference,
                      tender_cost, tenders_per_year, buyer_fte_base, buyer_fte_per_meur,
                      manager_cost, platform_cost):
    """Pooled cost per category ``(B, K)`` and components.

    ``spend`` ``(n, K)``; ``contracting_authority`` ``(n, 1)``; ``mask`` ``(B, n, K)``;
    parameters ``(B, 1, 1)``. Components: ``purchasing_discounts`` (< 0), ``avoided_tenders``
    (< 0 when members are contracting authorities), ``purchasing_central`` (> 0, the central's
    own cost, spread over categories by pooled volume). Returns also the billed part (the
    central's cost: the goods themselves are bought in the members' names).
    """
    s = np.nan_to_num(spend)
    V = masked_sum(mask, s)  # (B, K)
    kw = dict(elasticity=elasticity[..., 0, :], cap=cap[..., 0, :], reference=reference[..., 0, :])
    p_pool = unit_price(V, **kw)
    p_own = unit_price(s, elasticity=elasticity, cap=cap, reference=reference)
    goods = p_pool * masked_sum(mask, s / p_own)
    pooled_any = mask.any(axis=-2)  # (B, K)
    n_ca = masked_sum(mask, np.broadcast_to(contracting_authority, s.shape))
    own_tenders = n_ca * (tenders_per_year * tender_cost)[..., 0, :]
    central_tenders = (n_ca > 0) * (tenders_per_year * tender_cost)[..., 0, :]
    V_total = V.sum(axis=-1, keepdims=True)
    active = V_total > 0
    buyer = (buyer_fte_base + buyer_fte_per_meur * V_total[..., None] / 1e6)[..., 0, :]
    central = np.where(active, buyer * manager_cost[..., 0, :] + platform_cost[..., 0, :], 0.0)
    share = np.where(active, V / np.where(active, V_total, 1.0), 0.0)
    central_k = central * share * pooled_any
    comps = {
        "purchasing_discounts": goods - V,
        "avoided_tenders": central_tenders - own_tenders,
        "purchasing_central": central_k,
    }
    pooled = goods + central_tenders + central_k
    return pooled, central_k, comps
