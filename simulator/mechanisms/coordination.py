"""Coordination costs — what eats the gain (MODEL.md §3.6).

Recurring, per year:
- governance: every participating member's time in steering committee / general assembly,
  hours per member per month × 12 × hourly cost;
- service management: service-level follow-up and internal invoicing, hours per member per
  pooled function × hourly cost;
- pairwise coordination: n(n−1)/2 pairs × hours per pair × hourly cost;
- travel: pooled staff serving L separate locations travel (L − 1) × hours/week × weeks;
- heterogeneity drag: pooled staff cost × drag × diversity, diversity being the mean Gini–Simpson
  index (1 − Σ share²) of the members' sub-sectors and joint committees (0 if all alike).
One-off (year 0): set-up = overrun × (share × first-year pooled operating cost + vehicle creation
+ premises one-offs).
"""

from __future__ import annotations

import numpy as np

from simulator.mechanisms import member_counts


def participation(mask):
    """Pooled functions per member ``(B, n)`` (whole numbers, as floats) and whether the member
    takes part ``(B, n)``. The count is a contraction with ones: the same numbers as
    ``mask.sum(axis=-1)``, without numpy's slower boolean reduction over the last axis."""
    k = np.einsum("bnf,f->bn", mask, np.ones(mask.shape[-1]))
    return k, k > 0


def gini_simpson(part, onehot):
    """1 − Σ_k share_k² of a categorical attribute among participants ``part`` ``(B, n)``."""
    counts = member_counts(part, onehot)  # (B, K)
    total = counts.sum(axis=-1, keepdims=True)
    shares = counts / np.where(total > 0, total, 1.0)
    return 1.0 - (shares**2).sum(axis=-1)


def recurring(mask, part_count, part, *, gov_hours_month, service_hours, pair_hours, hourly):
    """Governance and service management per member ``(B, n)``, pairwise total ``(B,)``."""
    governance = part * (gov_hours_month * 12.0 * hourly)[:, None]
    service = part_count * (service_hours * hourly)[:, None]
    n = part.sum(axis=-1)
    pairwise = n * (n - 1) / 2.0 * pair_hours * hourly
    return governance, service, pairwise


def locations(mask_labour, site_of):
    """Separate locations pooled staff serve ``(B,)``: shared sites + members with no site."""
    part = mask_labour.any(axis=-1)  # (B, n)
    no_site = (part & (site_of < 0)).sum(axis=-1)
    if site_of.max(initial=-1) < 0:
        return no_site
    onehot = (site_of[..., None] == np.arange(site_of.max() + 1)).astype(float)
    sites_used = (member_counts(part, onehot) > 0).sum(axis=-1)
    return no_site + sites_used


def travel(n_locations, staff_hourly, *, hours_per_site, weeks):
    """(L − 1)⁺ × hours per site per week × weeks × staff hourly cost."""
    return np.maximum(n_locations - 1, 0) * hours_per_site * weeks * staff_hourly


def setup_cost(operating_base, creation, premises_one_off, *, share, overrun):
    """Set-up (year 0) = overrun × (share × pooled operating cost + creation + premises one-offs)."""
    return overrun * (share * operating_base + creation + premises_one_off)
