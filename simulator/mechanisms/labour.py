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
it)). Its standalone cost is the cash it pays today: declared in-house cost (else FTE × grade
cost, flagged as an estimate) + external fees. Hidden hours are capacity, not cash (MODEL.md
§8.2): the pool's staff take their work over (a cash cost) and the hours go back to frontline
work; a scenario may opt in to value them as cash (hours × weeks × hourly cost).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from simulator.mechanisms import masked_sum, nan0

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


def standalone_cost(d: LabourData, grade_cost, hours_week, weeks, hidden_rate_default, *,
                    value_hidden: bool = False):
    """Today's cash cost: declared (or FTE × grade cost) + external fees.

    Hidden hours ("faisant fonction") are not cash (MODEL.md §8.2): freeing them gives back
    frontline hours, not euros. Only when a scenario opts in (``value_hidden``) are they added,
    valued at hours × weeks × hourly cost (declared, else the default rate).
    """
    in_house = np.where(np.isnan(d.cost_eur), nan0(d.fte) * grade_cost, d.cost_eur)
    cash = in_house + nan0(d.external_eur)
    if not value_hidden:
        return cash
    rate = np.where(np.isnan(d.hidden_hourly_eur), hidden_rate_default, d.hidden_hourly_eur)
    return cash + nan0(d.hidden_hours_week) * weeks * rate


def hidden_fte(d: LabourData, hours_week):
    """Hidden hours in FTE: hours per week ÷ full-time week (frontline capacity once freed)."""
    return nan0(d.hidden_hours_week) / hours_week


def workload(d: LabourData, grade_cost, hours_week, provider_margin, vat_rate, vat_exempt):
    """Work done for each member today, in FTE: w_i = fte + hidden/week + external/provider price.

    ``vat_exempt`` is ``(n, 1)``: an exempt member paid VAT on its fees and cannot recover it.
    """
    provider_price = grade_cost * (1 + provider_margin) * (1 + vat_rate * vat_exempt)
    return (
        nan0(d.fte)
        + nan0(d.hidden_hours_week) / hours_week
        + nan0(d.external_eur) / provider_price
    )


def pooled_workload(w, mask, b):
    """W = (Σ_{i pooled} w_i^(1/b))^b over the member axis (-2). ``w`` (…, n, K), ``b`` (…, 1, K)."""
    return masked_sum(mask, w ** (1.0 / b)) ** b[..., 0, :]


def round_to_posts(W, g):
    """Round FTE up to a multiple of the post size g; g = 0 means no rounding."""
    safe = np.where(g > 0, g, 1.0)
    rounded = np.ceil(W / safe - ROUND_EPS) * safe
    return np.where(g > 0, np.maximum(rounded, 0.0), W)


def staff_posts(W, *, g, floor, grade_cost, outside_price):
    """Cover a pooled need W with posts of at least ``floor`` FTE, buying a small residual outside.

    A Belgian part-time contract is at least a third of full time (law of 3 July 1978,
    art. 11bis; MODEL.md §8.3). Two ways to cover W, the cheaper wins (per function and row):

    - all in-house: one contract of ``floor`` when W ≤ floor, else ⌈W/g⌉·g (0 when W = 0), cost
      posts × grade cost;
    - in-house posts ⌊W/g⌋·g (none if below the floor) and the residual r = W − posts bought from
      a provider at ``outside_price`` per FTE (grade cost × (1 + margin) × (1 + VAT borne)).

    So 0.04 FTE of need is bought outside, never a post. ``floor = 0`` keeps the v1 rule (posts
    rounded up, nothing bought outside). Returns ``(posts, bought)`` (FTE).
    """
    safe = np.where(g > 0, g, 1.0)
    up = round_to_posts(W, g)
    in_house = np.where(W > 0, np.where(W <= floor + ROUND_EPS, np.maximum(floor, up * (floor <= 0)), up), 0.0)
    down = np.where(g > 0, np.floor(W / safe + ROUND_EPS) * safe, W)
    down = np.where(down >= floor - ROUND_EPS, np.minimum(down, W), 0.0)
    residual = np.maximum(W - down, 0.0)
    buy = (floor > 0) & (down * grade_cost + residual * outside_price < in_house * grade_cost)
    return np.where(buy, down, in_house), np.where(buy, residual, 0.0)


def pooled_labour(w, standalone, mask, *, grade_cost, b, g, span, manager_cost, uplift, floor=None,
                  outside_price=None):
    """Pooled cost per function and its decomposition.

    Parameters are arrays broadcastable to ``(B, 1, K)`` (member axis kept), ``uplift`` ``(B, 1)``;
    ``floor`` the smallest contract (FTE) and ``outside_price`` (€/FTE) of a residual bought from a
    provider (:func:`staff_posts`; default: no floor, nothing bought).
    Returns ``(pooled (B, K), posts (B, K), components: dict name -> (B, K))`` with
    ``Σ components = pooled − Σ_i standalone_i`` exactly. ``post_rounding`` is indivisibility:
    posts above the need plus the premium on a residual bought outside.
    """
    gc = grade_cost[..., 0, :]
    work_sum = masked_sum(mask, w)
    baseline = masked_sum(mask, standalone)
    W = pooled_workload(w, mask, b)
    if floor is None:
        posts, bought, price = round_to_posts(W, g[..., 0, :]), 0.0, 0.0
    else:
        price = outside_price[..., 0, :]
        posts, bought = staff_posts(W, g=g[..., 0, :], floor=floor[..., 0, :], grade_cost=gc,
                                    outside_price=price)
    coord_fte = posts / span[..., 0, :]
    comps = {
        "repricing": work_sum * gc - baseline,
        "scale_gains": (W - work_sum) * gc,
        "post_rounding": (posts - W) * gc + bought * price,
        "management": coord_fte * manager_cost[..., 0, :],
        "pay_harmonisation": posts * gc * uplift,
    }
    pooled = baseline + sum(comps.values())
    return pooled, posts, comps


def cofunding(d: LabourData, grade_cost, cofunded_share):
    """Job subsidies a member receives today for its in-house staff (MODEL.md §8.3), €/yr.

    subsidy_i = cofunded share × in-house cost (declared, else FTE × grade cost): Maribel social,
    Actiris ACS posts, structural reductions. External fees and hidden hours carry none.
    """
    in_house = np.where(np.isnan(d.cost_eur), nan0(d.fte) * grade_cost, d.cost_eur)
    return nan0(cofunded_share) * in_house


def cofunding_on_pooling(pooled, standalone, components, subsidy, mask, *, follows_worker: bool):
    """Co-funded posts moved to the pool: the subsidy is lost, or it follows the worker.

    A member's standalone cost is its cash cost net of the subsidy it receives today. Pooling the
    function moves the work (and the workers) to the pool:

    - the funding does not follow (the default; ACS posts are tied to the employer): the members
      lose Σ_pooled subsidy_i, shown as its own component ``cofunding_lost``;
    - it follows the worker: the pool receives it, its pooled cost is lower by the same amount
      and no component appears.

    Either way Σ components = pooled − Σ_pooled standalone (net) still holds exactly. Returns
    ``(pooled (B, K), standalone net (1|B, n, K), components)``.
    """
    moved = masked_sum(mask, subsidy)  # (B, K)
    comps = {**components, "cofunding_lost": moved * (not follows_worker)}
    return pooled - moved * follows_worker, standalone - subsidy, comps
