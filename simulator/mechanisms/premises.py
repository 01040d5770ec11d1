"""Premises — co-location in a shared building (MODEL.md §3.5).

Each member has private m² and common m² (meeting rooms, reception area, kitchen, storage).
Co-located, private space stays and common space pools with the labour power law:

    common_pool = (Σ_i common_i^(1/b_p))^(b_p)

The shared site is rented at its own €/m² (or the default) plus service charges and energy.
Missing areas are estimated from the member's FTE (m²/FTE, common share). One-off costs of
moving in (moving per FTE, fit-out per m², lease-break months of current rent) go to set-up.

v2 (MODEL.md §8.6): a shared building has an operator or facility-management fee, a share of
the site's rent: site cost = area × (rent × (1 + fee) + charges).
"""

from __future__ import annotations

import numpy as np

from simulator.mechanisms import masked_sum


def areas(private_m2, common_m2, fte_total, *, m2_per_fte, common_share):
    """Private and common m², estimated from FTE where not declared."""
    total_est = fte_total * m2_per_fte
    private = np.where(np.isnan(private_m2), total_est * (1 - common_share), private_m2)
    common = np.where(np.isnan(common_m2), total_est * common_share, common_m2)
    return private, common


def standalone_cost(private, common, rent_m2, declared, *, default_rent, charges):
    """Declared cost, else (private + common) × (own rent or default + charges)."""
    rent = np.where(np.isnan(rent_m2), default_rent, rent_m2)
    return np.where(np.isnan(declared), (private + common) * (rent + charges), declared)


def pooled_premises(private, common, standalone, mask, site_onehot, site_rent, *, b, default_rent,
                    charges, operator_fee=0.0, owned=None, owner_costs=None, with_site: bool = False):
    """Pooled cost per function ``(B, K)``, area moved in ``(B, K)`` and component ``premises``.

    Only members co-located at a shared site with at least one other member move; the others
    keep their premises. ``site_rent`` ``(S,)`` NaN = default rent. A site bought instead of
    rented (``owned`` ``(S,)`` bool) pays no rent but its operator fee (facility management,
    still a share of the market rent) and ``owner_costs`` ``(B, S)`` €/yr once it is shared;
    its financing is in :mod:`simulator.mechanisms.site_purchase`. ``with_site`` adds a fifth
    result: the shared sites' yearly cost ``(B,)`` (their lease commitment, :func:`vacancy_exit_rate`).
    """
    B, K = mask.shape[0], mask.shape[-1]
    baseline = masked_sum(mask, standalone)
    if site_onehot.shape[-1] == 0:
        empty = (baseline, np.zeros((B, K)), np.zeros((B, mask.shape[1], K), bool), {"premises": np.zeros((B, K))})
        return (*empty, np.zeros(B)) if with_site else empty
    at = mask[..., None] & (site_onehot[..., :, None, :] > 0)  # (B, n, K, S)
    shared = at.sum(axis=1) >= 2  # (B, K, S)
    b4 = np.asarray(b)[..., None]  # (B, 1, 1, 1) against (B, n, K, S)
    b3 = b4[:, 0]  # (B, 1, 1) against (B, K, S)
    priv = np.where(at, np.broadcast_to(private[..., None], at.shape), 0.0).sum(axis=1)
    # c_i^(1/b) on the members' own cells, then placed at their sites (the same numbers as raising
    # the (B, n, K, S) placement: 0^(1/b) = 0), S times fewer powers
    root = np.asarray(common, dtype=float)[..., None] ** (1.0 / b4)
    comm = np.where(at, np.broadcast_to(root, at.shape), 0.0).sum(axis=1) ** b3
    rent = np.where(np.isnan(site_rent), np.asarray(default_rent)[..., 0, :, None], site_rent)
    area = np.where(shared, priv + comm, 0.0)  # (B, K, S)
    fee = np.asarray(operator_fee, dtype=float)
    fee = fee[..., 0, :, None] if fee.ndim == 3 else fee
    rented = 1.0 if owned is None else 1.0 - np.asarray(owned, dtype=float)  # (S,)
    site_cost = area * (rent * (rented + fee) + np.asarray(charges)[..., 0, :, None])
    if owned is not None and owner_costs is not None:
        site_cost = site_cost + shared * np.asarray(owner_costs)[:, None, :]
    moved = (at & shared[:, None, :, :]).any(axis=-1)  # (B, n, K)
    kept = masked_sum(mask & ~moved, standalone)
    pooled = site_cost.sum(axis=-1) + kept
    out = pooled, area.sum(axis=-1), moved, {"premises": pooled - baseline}
    return (*out, site_cost.sum(axis=(-2, -1))) if with_site else out


def months_owed(declared_months, default_months):
    """Months of current rent a member still owes after moving out: declared, else the default.

    A current lease runs on after the move until its notice ends (Belgian leases of 3-6-9 years
    let a tenant leave at a triennial date with six months' notice, or earlier for a negotiated
    indemnity): the member pays two rents for that long (MODEL.md §8.6).
    """
    return np.where(np.isnan(declared_months), default_months, declared_months)


def vacancy_exit_rate(hazard, vacancy_years):
    """Share of the shared site's cost owed each year for leavers' empty space (MODEL.md §8.6).

    A member leaving the shared site still owes its space until it is re-let or the lease's next
    break date: the whole rent of that space is fixed for ``vacancy_years``. Expected yearly
    cost = hazard × vacancy years × site cost (instead of hazard × fixed share × resize years
    for the other functions).
    """
    return hazard * vacancy_years
