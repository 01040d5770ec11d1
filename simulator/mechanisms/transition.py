"""Staff transition: what happens to support staff the pool no longer needs (MODEL.md §8.3).

When the pooled service needs fewer posts than the members employ today, the difference — the
**surplus** — does not vanish on day one. Member i's surplus in function f is its in-house FTE
times the share of the pooled members' FTE that the pool's posts do not take over:

    S_if = fte_if × max(1 − posts_f / Σ_pooled fte_f, 0)

(hidden hours and external fees are not staff: they carry no surplus; the pool's coordinator
posts are new management posts, not counted against it). The scenario splits the surplus into
three paths, shares summing to one (default: all redeployed):

- **attrition** (share 1 − r − d): the worker stays in the support role, is not replaced when
  leaving; paid FTE in year t = A·(1 − a)^(t−1) (a = attrition rate; a leaver is paid to the end
  of the year of leaving — conservative). No frontline capacity.
- **redeployment** (share r): the worker moves to frontline work in year 1 (one-off retraining
  per FTE) and fills the frontline posts that natural departures open at member i,
  v_i = a × its total FTE per year. Until absorbed, the worker is paid on top of the headcount:
  with x_t = max(R_i − v_i·(t−1), 0) still unabsorbed at the start of year t, the extra FTE-years
  paid in year t are x_t − v_i/2 if x_t ≥ v_i, else x_t²/(2·v_i) (absorbed at a steady pace;
  v_i = 0: never absorbed). Those FTE-years are frontline capacity, so redeployment converts
  cash into frontline FTE (MODEL.md §8.2) — "attrition then redeployment" in the sector's words.
- **dismissal** (share d): notice in year 1, weeks by seniority under the single-status law
  (:data:`notice table <simulator/data/notice_periods.yaml>`), paid as an indemnity in lieu:
  D × loaded cost × weeks / 52.

Costs are in euro at the member's surplus-weighted grade cost, year 1 at today's prices, later
years moved by the wage index. Each member bears its own staff's transition (the member split
keeps it on its row).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import numpy as np

from simulator.mechanisms import masked_sum


@cache
def notice_table() -> tuple[np.ndarray, np.ndarray, float]:
    """``(seniority_from (years), weeks, weeks per year after the last row)`` from the catalogue."""
    from simulator.catalogue import _load_yaml

    d = _load_yaml("notice_periods.yaml")
    rows = np.asarray(d["rows"], dtype=float)
    return rows[:, 0], rows[:, 1], float(d["weeks_per_year_after"])


def notice_weeks(seniority) -> np.ndarray:
    """Notice in weeks for a seniority in years (array), the law's steps; beyond the table +1/started year.

    E.g. 7.5 years → 24 weeks; 20 years → 62; 22.3 years → 62 + ⌊22.3 − 20⌋ × 1 = 64.
    """
    start, weeks, after = notice_table()
    s = np.maximum(np.asarray(seniority, dtype=float), 0.0)
    k = np.searchsorted(start, s + 1e-9, side="right") - 1
    extra = np.floor(np.maximum(s - start[-1], 0.0) + 1e-9) * after
    return weeks[k] + extra


def surplus(fte, posts, mask) -> np.ndarray:
    """S_if = fte_if × max(1 − posts_f / Σ_pooled fte_f, 0) on pooled cells, ``(B, n, K)``.

    ``fte`` ``(n, K)`` (NaN = none), ``posts`` ``(B, K)``, ``mask`` ``(B, n, K)``.
    """
    fte = np.nan_to_num(np.asarray(fte, dtype=float))
    total = masked_sum(mask, fte)  # (B, K)
    kept = np.where(total > 0, np.maximum(1.0 - posts / np.where(total > 0, total, 1.0), 0.0), 0.0)
    return np.where(mask, fte[None] * kept[:, None, :], 0.0)


@dataclass
class Transition:
    """The surplus's paths and costs. Per member ``(B, n)``, yearly ``(B, T+1)`` (year 0 = 0)."""

    surplus_fte: np.ndarray  # (B, n)
    attrition_fte: np.ndarray  # (B, n)
    redeployed_fte: np.ndarray  # (B, n)
    dismissed_fte: np.ndarray  # (B, n)
    member_cost_t: np.ndarray  # (B, n, T+1) € cost of each member's transition per year
    frontline_fte_years_t: np.ndarray  # (B, T+1) redeployed staff working frontline on top of the headcount

    @property
    def cost_t(self) -> np.ndarray:
        """Pool-wide yearly cost ``(B, T+1)``."""
        return self.member_cost_t.sum(axis=1)


def absorbed_fte_years(redeployed, vacancies, horizon: int) -> np.ndarray:
    """Extra FTE-years paid in each year t = 0..T while redeployed staff wait for a frontline post.

    x_t = max(R − v·(t−1), 0); year t pays x_t − v/2 if x_t ≥ v, else x_t²/(2v); v = 0: x_t.
    Σ_t over a long horizon = R²/(2v). ``redeployed``, ``vacancies`` ``(B, n)`` → ``(B, n, T+1)``.
    """
    t = np.arange(horizon + 1, dtype=float)
    R, v = redeployed[..., None], vacancies[..., None]
    x = np.maximum(R - v * np.maximum(t - 1.0, 0.0), 0.0)
    safe_v = np.where(v > 0, v, 1.0)
    paid = np.where(v <= 0, x, np.where(x >= v, x - v / 2.0, x * x / (2.0 * safe_v)))
    return paid * (t >= 1)


def transition(surplus_if, grade_cost, fte_total, *, attrition_rate, redeployment: float, dismissal: float,
               retraining_cost, seniority_years, wage_index) -> Transition:
    """Costs of the three paths for a batch (see the module docstring).

    ``surplus_if`` ``(B, n, K)``, ``grade_cost`` ``(1|B, 1, K)``, ``fte_total`` ``(n,)``,
    ``attrition_rate``, ``retraining_cost``, ``seniority_years`` ``(B,)`` or scalars,
    ``wage_index`` ``(B, T+1)`` (1 in years 0 and 1).
    """
    B, T1 = wage_index.shape
    a = np.broadcast_to(np.asarray(attrition_rate, dtype=float), (B,))
    S = surplus_if.sum(axis=-1)  # (B, n)
    S_eur = (surplus_if * grade_cost).sum(axis=-1)  # (B, n) € per year of the whole surplus
    attr = 1.0 - redeployment - dismissal
    t = np.arange(T1, dtype=float)
    stay = (1.0 - a[:, None]) ** np.maximum(t - 1.0, 0.0) * (t >= 1)  # (B, T+1)
    cost = attr * S_eur[..., None] * (stay * wage_index)[:, None, :]
    R = redeployment * S
    fy = absorbed_fte_years(R, a[:, None] * np.asarray(fte_total, dtype=float)[None, :], T1 - 1)  # (B, n, T+1)
    per_fte = np.where(S > 0, S_eur / np.where(S > 0, S, 1.0), 0.0)  # (B, n) €/FTE
    cost = cost + fy * (per_fte[..., None] * wage_index[:, None, :])
    one_off = R * np.asarray(retraining_cost, dtype=float).reshape(-1, 1) \
        + dismissal * S_eur * notice_weeks(seniority_years).reshape(-1, 1) / 52.0
    if T1 > 1:
        cost[:, :, 1] += one_off
    return Transition(surplus_fte=S, attrition_fte=attr * S, redeployed_fte=R, dismissed_fte=dismissal * S,
                      member_cost_t=cost, frontline_fte_years_t=fy.sum(axis=1))
