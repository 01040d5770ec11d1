"""Coverage functions — reception (MODEL.md §3.2).

Cost follows staffed hours, not volume: each site needs its desk during its opening hours.
Staff for a desk open h hours a week: h / full-time week × cover factor (holiday and sickness
replacement), plus extra staff above a visitor threshold. Members co-located at a shared site
share one desk: its hours are the union of their opening hours and its visitors add up. Gains
appear only with co-location: a member pooling reception without a shared site (or alone at its
site) keeps its own desk.

v2 (MODEL.md §8.4): only the front-desk part of an "accueil" post pools (``poolable`` share s);
first listening, orientation and social work stay with the member. A member merged into a shared
desk keeps (1 − s) × its standalone cost. The union of opening hours comes from weekly schedules
(opening and closing hour, days a week) on a quarter-hour grid; a member without a schedule
counts with its weekly hours as if its opening were nested in the others' (the v1 rule, flagged).
"""

from __future__ import annotations

import numpy as np

from simulator.mechanisms import masked_sum, nan0


def desk_fte(hours_week, visitors_week, *, full_time_hours, cover, threshold, extra_per_100):
    """Staff a desk needs: h / full-time × cover + max(0, visitors − threshold)/100 × extra."""
    over = np.maximum(nan0(visitors_week) - threshold, 0.0)
    return nan0(hours_week) / full_time_hours * cover + over / 100.0 * extra_per_100


def standalone_cost(hours_week, visitors_week, declared, *, grade_cost, **desk):
    """Declared cost, else the member's own desk: desk FTE × grade cost."""
    return np.where(np.isnan(declared), desk_fte(hours_week, visitors_week, **desk) * grade_cost, declared)


#: Quarter-hour slots of a week (Monday 00:00 first).
SLOTS_PER_DAY = 96


def week_grid(opens_at, closes_at, days_week):
    """Open quarter-hours of the week ``(n, K, 7·96)`` bool; a member without a schedule is all False.

    Open on the first ``days_week`` days (Monday first) from ``opens_at`` to ``closes_at`` (hours,
    0–24). Returns the grid and ``has`` ``(n, K)``: True where a full schedule is given.
    """
    o, c, d = (np.asarray(x, dtype=float) for x in (opens_at, closes_at, days_week))
    has = ~(np.isnan(o) | np.isnan(c) | np.isnan(d)) & (nan0(c) > nan0(o))
    t = (np.arange(SLOTS_PER_DAY) + 0.5) / 4.0  # slot mid-points, hours
    day_open = (t >= nan0(o)[..., None]) & (t < nan0(c)[..., None])  # (n, K, 96)
    days = np.arange(7) < np.round(nan0(d))[..., None]  # (n, K, 7)
    grid = (days[..., :, None] & day_open[..., None, :]).reshape(*o.shape, 7 * SLOTS_PER_DAY)
    return grid & has[..., None], has


def union_hours(at, grid, has, hours):
    """Hours a week a shared desk is open: the union of members' schedules ``(B, K, S)``.

    ``at`` ``(B, n, K, S)`` members at each site; ``grid`` ``(n, K, W)`` open slots; ``has``
    ``(n, K)``; ``hours`` ``(n, K)`` weekly hours. Members without a schedule count with their
    weekly hours, nested in the others' (union ≥ the longest single opening).
    """
    if grid.ndim == 3:  # (n, K, W): only members with a schedule enter the week grid
        keep = grid.any(axis=(1, 2))
        covered = np.einsum("bnks,nkw->bksw", at[:, keep].astype(np.float32), grid[keep].astype(np.float32)) > 0
    else:  # member-batched (B, n, K, W): each row has its own members
        covered = np.einsum("bnks,bnkw->bksw", at.astype(np.float32), grid.astype(np.float32)) > 0
    scheduled = covered.sum(axis=-1) / 4.0
    h = np.where(has, 0.0, nan0(hours))
    unscheduled = np.where(at, h[..., None], 0.0).max(axis=1)
    return np.maximum(scheduled, unscheduled)


def pooled_coverage(hours, visitors, standalone, mask, site_onehot, *, grade_cost, poolable=1.0,
                    schedule=None, **desk):
    """Pooled reception cost per function ``(B, K)`` and component ``reception_sharing``.

    ``hours, visitors, standalone`` ``(n, K)`` or ``(B, n, K)``; ``mask`` ``(B, n, K)``;
    ``site_onehot`` ``(n, S)``; ``grade_cost``, ``poolable`` and the desk parameters ``(B, 1, 1)``;
    ``schedule`` ``(grid, has)`` from :func:`week_grid` (None: the v1 longest-opening rule).

    pooled = Σ_sites desk(union hours, Σ visitors) × grade cost + Σ_merged (1 − s) × standalone_i
    + Σ_not merged standalone_i.
    """
    B = mask.shape[0]
    K = mask.shape[-1]
    baseline = masked_sum(mask, standalone)
    if site_onehot.shape[-1] == 0:
        return baseline, {"reception_sharing": np.zeros((B, K))}
    at = mask[..., None] & (site_onehot[..., :, None, :] > 0)  # (B, n, K, S)
    count = at.sum(axis=1)  # (B, K, S)
    shared = count >= 2
    v = np.broadcast_to(nan0(visitors)[..., None], at.shape)
    if schedule is None:
        h = np.broadcast_to(nan0(hours)[..., None], at.shape)
        site_hours = np.where(at, h, 0.0).max(axis=1)  # union ≈ longest opening (B, K, S)
    else:
        site_hours = union_hours(at, schedule[0], schedule[1], hours)
    site_visitors = np.where(at, v, 0.0).sum(axis=1)
    p = {k: np.asarray(x)[..., 0, :, None] if np.ndim(x) == 3 else x for k, x in desk.items()}
    site_cost = desk_fte(site_hours, site_visitors, **p) * np.asarray(grade_cost)[..., 0, :, None]
    # members whose desk is merged: pooled at a shared site; the others keep their own desk
    merged = (at & shared[:, None, :, :]).any(axis=-1)  # (B, n, K)
    kept = masked_sum(mask & ~merged, standalone)
    s = np.asarray(poolable, dtype=float)
    s = s[..., 0, :] if s.ndim == 3 else s
    stays = masked_sum(merged, standalone) * (1.0 - s)  # not front-desk work: stays with the member
    pooled = np.where(shared, site_cost, 0.0).sum(axis=-1) + kept + stays
    return pooled, {"reception_sharing": pooled - baseline}
