"""Purchasing: volume discounts, the central's cost and avoided tenders (MODEL.md §3.3).

Unit price relative to list price falls with yearly volume V beyond a reference volume V_ref:

    p(V) = max(1 − cap, (max(V, V_ref) / V_ref)^(−e))

Member i's spend on a pooled category becomes spend_i · p(V_pool) / p(V_i). A contracting
authority (subject to public procurement law) runs ``tenders_per_year`` procedures per category
on its own; a central purchasing body runs them once for all, so members avoid their own. The
central costs buyer time (fixed + per M€ of pooled spend, at the manager grade) and a platform.

v2 (MODEL.md §8.5). Discounts apply to the *negotiable* share q of a spend (energy: the
commodity, not network costs and taxes): member i's spend becomes
(1 − q)·s_i + q·s_i · p(V_pool)/p(q·s_i), with V_pool = Σ q·s_i. Procedures follow Belgian
procurement thresholds on the contract's value excl. VAT over its whole duration (1 / tenders
per year): below 30 000 € an accepted invoice suffices (no procedure cost), up to 143 000 € a
negotiated procedure without publication (``tender_cost``), above a published procedure
(``published_cost``). A procedure is avoided only where a member's own contract crosses a
threshold; the central runs one procedure at the pooled contract's tier.
"""

from __future__ import annotations

import numpy as np

from simulator.mechanisms import masked_sum, nan0, per_row


def unit_price(volume, *, elasticity, cap, reference):
    """p(V) = max(1 − cap, (max(V, V_ref)/V_ref)^(−e)); 1 below the reference volume."""
    ratio = np.maximum(volume, reference) / reference
    return np.maximum(1.0 - cap, ratio ** (-elasticity))


def procedure_cost(annual_spend, *, tender_cost, tenders_per_year, thresholds=None):
    """Yearly cost of the procedures a contracting authority runs for one category.

    ``thresholds`` = ``(invoice_max, negotiated_max, published_cost, vat_rate)`` or None (v1: every
    contract costs ``tender_cost``). Contract value = annual spend / (1 + VAT) / tenders per year;
    cost per year = procedure cost of its tier × tenders per year.
    """
    if thresholds is None:
        return tenders_per_year * tender_cost * np.ones_like(np.asarray(annual_spend, dtype=float))
    invoice_max, negotiated_max, published_cost, vat_rate = thresholds
    value = nan0(annual_spend) / (1.0 + vat_rate) / tenders_per_year
    cost = np.where(value < invoice_max, 0.0, np.where(value <= negotiated_max, tender_cost, published_cost))
    return cost * tenders_per_year


def standalone_cost(spend, contracting_authority, *, tender_cost, tenders_per_year, thresholds=None, own=None):
    """Spend plus, for contracting authorities, their own procedures (by tier when ``thresholds``).

    ``own``: :func:`procedure_cost` of ``spend`` when the caller already has it (it is the same
    array :func:`pooled_purchasing` needs: the kind computes it once).
    """
    if own is None:
        own = procedure_cost(spend, tender_cost=tender_cost, tenders_per_year=tenders_per_year,
                             thresholds=thresholds)
    return nan0(spend) + contracting_authority * own


def pooled_purchasing(spend, mask, contracting_authority, *, elasticity, cap, reference,
                      tender_cost, tenders_per_year, buyer_fte_base, buyer_fte_per_meur,
                      manager_cost, platform_cost, negotiable=1.0, thresholds=None, own=None):
    """Pooled cost per category ``(B, K)`` and components.

    ``spend`` ``(n, K)``; ``contracting_authority`` ``(n, 1)``; ``mask`` ``(B, n, K)``;
    parameters ``(B, 1, 1)``. Components: ``purchasing_discounts`` (< 0), ``avoided_tenders``
    (< 0 when members are contracting authorities), ``purchasing_central`` (> 0, the central's
    own cost, spread over categories by pooled volume). Returns also the billed part (the
    central's cost: the goods themselves are bought in the members' names). ``own``: the
    members' own :func:`procedure_cost` of ``spend``, if already computed.
    """
    s = nan0(spend)
    q = np.asarray(negotiable, dtype=float)
    neg = q * s  # negotiable part of each member's spend
    V = masked_sum(mask, neg)  # (B, K) pooled negotiable volume
    kw = dict(elasticity=elasticity[..., 0, :], cap=cap[..., 0, :], reference=reference[..., 0, :])
    p_pool = unit_price(V, **kw)
    p_own = unit_price(neg, elasticity=elasticity, cap=cap, reference=reference)
    fixed_part = masked_sum(mask, s) - V  # what no discount touches (network costs, taxes)
    goods = fixed_part + p_pool * masked_sum(mask, neg / p_own)
    V = masked_sum(mask, s)  # whole spend: the central's workload and the contracts' value
    pooled_any = per_row(lambda m: m.any(axis=-2), mask)  # (B, K)
    ca = np.broadcast_to(contracting_authority, s.shape)
    n_ca = masked_sum(mask, ca)
    proc = dict(tender_cost=tender_cost, tenders_per_year=tenders_per_year, thresholds=thresholds)
    own_tenders = masked_sum(mask, ca * (procedure_cost(s, **proc) if own is None else own))
    pooled_proc = dict(tender_cost=tender_cost[..., 0, :], tenders_per_year=tenders_per_year[..., 0, :],
                       thresholds=None if thresholds is None else tuple(
                           np.asarray(t)[..., 0, :] if np.ndim(t) == 3 else t for t in thresholds))
    central_tenders = (n_ca > 0) * procedure_cost(V, **pooled_proc)
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
