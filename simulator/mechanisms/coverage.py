"""Coverage functions — reception (MODEL.md §3.2).

Cost follows staffed hours, not volume: each site needs its desk during its opening hours.
Staff for a desk open h hours a week: h / full-time week × cover factor (holiday and sickness
replacement), plus extra staff above a visitor threshold. Members co-located at a shared site
share one desk: its hours are the union of their opening hours — approximated by the longest
(opening windows assumed nested) — and its visitors add up. Gains appear only with co-location:
a member pooling reception without a shared site (or alone at its site) keeps its own desk.
"""

from __future__ import annotations

import numpy as np

from simulator.mechanisms import masked_sum


def desk_fte(hours_week, visitors_week, *, full_time_hours, cover, threshold, extra_per_100):
    """Staff a desk needs: h / full-time × cover + max(0, visitors − threshold)/100 × extra."""
    over = np.maximum(np.nan_to_num(visitors_week) - threshold, 0.0)
    return np.nan_to_num(hours_week) / full_time_hours * cover + over / 100.0 * extra_per_100


def standalone_cost(hours_week, visitors_week, declared, *, grade_cost, **desk):
    """Declared cost, else the member's own desk: desk FTE × grade cost."""
    return np.where(np.isnan(declared), desk_fte(hours_week, visitors_week, **desk) * grade_cost, declared)


def pooled_coverage(hours, visitors, standalone, mask, site_onehot, *, grade_cost, **desk):
    """Pooled reception cost per function ``(B, K)`` and component ``reception_sharing``.

    ``hours, visitors, standalone`` ``(n, K)`` or ``(B, n, K)``; ``mask`` ``(B, n, K)``;
    ``site_onehot`` ``(n, S)``; ``grade_cost`` and the desk parameters ``(B, 1, 1)``.
    """
    B = mask.shape[0]
    K = mask.shape[-1]
    baseline = masked_sum(mask, standalone)
    if site_onehot.shape[1] == 0:
        return baseline, {"reception_sharing": np.zeros((B, K))}
    at = mask[..., None] & (site_onehot[None, :, None, :] > 0)  # (B, n, K, S)
    count = at.sum(axis=1)  # (B, K, S)
    shared = count >= 2
    h = np.broadcast_to(np.nan_to_num(hours)[..., None], at.shape)
    v = np.broadcast_to(np.nan_to_num(visitors)[..., None], at.shape)
    site_hours = np.where(at, h, 0.0).max(axis=1)  # union ≈ longest opening (B, K, S)
    site_visitors = np.where(at, v, 0.0).sum(axis=1)
    p = {k: np.asarray(x)[..., 0, :, None] if np.ndim(x) == 3 else x for k, x in desk.items()}
    site_cost = desk_fte(site_hours, site_visitors, **p) * np.asarray(grade_cost)[..., 0, :, None]
    # members whose desk is merged: pooled at a shared site; the others keep their own desk
    merged = (at & shared[:, None, :, :]).any(axis=-1)  # (B, n, K)
    kept = masked_sum(mask & ~merged, standalone)
    pooled = np.where(shared, site_cost, 0.0).sum(axis=-1) + kept
    return pooled, {"reception_sharing": pooled - baseline}
