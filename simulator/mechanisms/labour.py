"""Labour functions: scale economies and indivisibility (MODEL.md §3.1).

Workload grows less than proportionally with volume, L(x) = a·x^b, so if member i needs w_i FTE
at its own scale, the pooled service needs

    W = (Σ_i w_i^(1/b))^b        (b = 1: no gain; b → 0: max_i w_i)

independent of a. The pool hires posts in multiples of the smallest hirable fraction g
(posts = ⌈W/g⌉·g), adds a coordinator per ``span`` staff, pays the function's grade, and — when
the vehicle harmonises pay across joint committees — an uplift on all pooled posts.

A member's need w_i counts all the work done for it today, whoever does it:
in-house FTE + hidden hours ("faisant fonction") / full-time week + external fees converted at
the provider's price per FTE (grade cost × (1 + margin) × (1 + VAT if the member cannot recover
it)). Its standalone cost is what it pays today: declared in-house cost (else FTE × grade cost,
flagged as an estimate) + hidden hours × weeks × hourly cost + external fees.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from simulator.mechanisms import masked_sum

#: Relative tolerance before rounding up to the next post (W/g = 3.0000000001 is 3 posts).
ROUND_EPS = 1e-9


@dataclass(frozen=True)
class LabourData:
    """Member data of labour functions, each ``(n, K)``; NaN = not given."""

    fte: np.ndarray
    cost_eur: np.ndarray
    external_eur: np.ndarray
    hidden_hours_week: np.ndarray
    hidden_hourly_eur: np.ndarray


def standalone_cost(d: LabourData, grade_cost, hours_week, weeks, hidden_rate_default):
    """Today's cost: declared (or FTE × grade cost) + hidden hours valued + external fees."""
    in_house = np.where(np.isnan(d.cost_eur), np.nan_to_num(d.fte) * grade_cost, d.cost_eur)
    rate = np.where(np.isnan(d.hidden_hourly_eur), hidden_rate_default, d.hidden_hourly_eur)
    hidden = np.nan_to_num(d.hidden_hours_week) * weeks * rate
    return in_house + hidden + np.nan_to_num(d.external_eur)


def workload(d: LabourData, grade_cost, hours_week, provider_margin, vat_rate, vat_exempt):
    """Work done for each member today, in FTE: w_i = fte + hidden/week + external/provider price.

    ``vat_exempt`` is ``(n, 1)``: an exempt member paid VAT on its fees and cannot recover it.
    """
    provider_price = grade_cost * (1 + provider_margin) * (1 + vat_rate * vat_exempt)
    return (
        np.nan_to_num(d.fte)
        + np.nan_to_num(d.hidden_hours_week) / hours_week
        + np.nan_to_num(d.external_eur) / provider_price
    )


def pooled_workload(w, mask, b):
    """W = (Σ_{i pooled} w_i^(1/b))^b over the member axis (-2). ``w`` (…, n, K), ``b`` (…, 1, K)."""
    return masked_sum(mask, w ** (1.0 / b)) ** b[..., 0, :]


def round_to_posts(W, g):
    """Round FTE up to a multiple of the post size g; g = 0 means no rounding."""
    safe = np.where(g > 0, g, 1.0)
    rounded = np.ceil(W / safe - ROUND_EPS) * safe
    return np.where(g > 0, np.maximum(rounded, 0.0), W)


def pooled_labour(w, standalone, mask, *, grade_cost, b, g, span, manager_cost, uplift):
    """Pooled cost per function and its decomposition.

    Parameters are arrays broadcastable to ``(B, 1, K)`` (member axis kept), ``uplift`` ``(B, 1)``.
    Returns ``(pooled (B, K), posts (B, K), components: dict name -> (B, K))`` with
    ``Σ components = pooled − Σ_i standalone_i`` exactly.
    """
    gc = grade_cost[..., 0, :]
    work_sum = masked_sum(mask, w)
    baseline = masked_sum(mask, standalone)
    W = pooled_workload(w, mask, b)
    posts = round_to_posts(W, g[..., 0, :])
    coord_fte = posts / span[..., 0, :]
    comps = {
        "repricing": work_sum * gc - baseline,
        "scale_gains": (W - work_sum) * gc,
        "post_rounding": (posts - W) * gc,
        "management": coord_fte * manager_cost[..., 0, :],
        "pay_harmonisation": posts * gc * uplift,
    }
    pooled = baseline + sum(comps.values())
    return pooled, posts, comps
