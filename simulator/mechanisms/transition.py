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
from functools import cache, cached_property

import numpy as np

from simulator.mechanisms import masked_sum, nan0
from simulator.mechanisms.cashflow import per_year


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

    ``fte`` ``(n, K)`` or ``(B, n, K)`` (NaN = none), ``posts`` ``(B, K)``, ``mask`` ``(B, n, K)``.
    """
    fte = nan0(np.asarray(fte, dtype=float))
    total = masked_sum(mask, fte)  # (B, K)
    kept = np.where(total > 0, np.maximum(1.0 - posts / np.where(total > 0, total, 1.0), 0.0), 0.0)
    return np.where(mask, fte * kept[:, None, :], 0.0)


def surplus_by_member(fte, posts, mask, grade_cost) -> tuple[np.ndarray, np.ndarray]:
    """Σ_f S_if (FTE) and Σ_f S_if × grade cost_f (€/yr) per member, ``(B, n)`` each.

    The same surplus as :func:`surplus`, summed over functions without a ``(B, n, K)`` float
    temporary (the cost game evaluates it for a million coalitions). ``grade_cost`` ``(1|B, 1, K)``.
    """
    fte = nan0(np.asarray(fte, dtype=float))
    total = masked_sum(mask, fte)  # (B, K)
    kept = np.where(total > 0, np.maximum(1.0 - posts / np.where(total > 0, total, 1.0), 0.0), 0.0)
    fte = np.broadcast_to(fte, mask.shape)  # (n, K), or (B, n, K) when each row has its own members
    S = np.einsum("bnk,bnk,bk->bn", mask, fte, kept)
    S_eur = np.einsum("bnk,bnk,bk->bn", mask, fte, kept * grade_cost[:, 0, :])
    return S, S_eur


@dataclass
class Waiting:
    """Redeployed staff waiting for a frontline post, only where there are some (sparse).

    ``row``, ``member`` index the ``(B, n)`` cells with redeployed staff; ``paid`` ``(N, Y+1)`` the
    FTE-years paid in years 0..Y (Y ≤ T: after it everybody is absorbed); ``per_fte`` ``(N,)`` €/FTE.
    """

    row: np.ndarray
    member: np.ndarray
    paid: np.ndarray
    per_fte: np.ndarray
    n: int  # members per row (the (B, n) arrays the cells index)

    def by_row(self, weights: np.ndarray | None, B: int, T1: int) -> np.ndarray:
        """Σ over the row's cells of weights × paid, per year: ``(B, T+1)`` (``weights`` None: 1).

        One ``bincount`` per year that anybody still waits (Y ≤ T, usually 1–2; year 0 pays
        nothing), each over the N cells: no N × Y index or product array.
        """
        out = np.zeros((B, T1))
        for y in range(1, self.paid.shape[1]):  # loop over years (few), never over the batch
            paid = self.paid[:, y]
            out[:, y] = np.bincount(self.row, weights=paid if weights is None else weights * paid, minlength=B)
        return out

    @cached_property
    def cell(self) -> np.ndarray:
        """Flat index ``row × n + member`` of each waiting cell in a ``(B, n)`` array."""
        return self.row * self.n + self.member


@dataclass
class Transition:
    """The surplus's paths and what they cost; per member ``(B, n)``, per year ``(B, T+1)``.

    Yearly cost of member i in year t ≥ 1 = (attrition €_i × stay_t + redeployed FTE-years_it ×
    €/FTE_i) × wage index_t, plus its one-offs (retraining, notice) in year 1.
    """

    surplus_fte: np.ndarray  # (B, n)
    attrition_fte: np.ndarray  # (B, n)
    redeployed_fte: np.ndarray  # (B, n)
    dismissed_fte: np.ndarray  # (B, n)
    attrition_eur: np.ndarray  # (B, n) € a year of the staff kept in place, at today's pay
    stay: np.ndarray  # (B, T+1) (1 − a)^(t−1) for t ≥ 1, 0 in year 0
    waiting: Waiting | None  # redeployed FTE-years paid on top of the headcount (None: none)
    one_off: np.ndarray  # (B, n) € in year 1: retraining and notice
    wage: np.ndarray  # (B, T+1) wage index

    @cached_property
    def cost_t(self) -> np.ndarray:
        """Pool-wide yearly cost ``(B, T+1)``."""
        B, T1 = self.stay.shape
        c = self.stay * self.attrition_eur.sum(axis=-1)[:, None]
        if self.waiting is not None:
            c = c + self.waiting.by_row(self.waiting.per_fte, B, T1)
        c = c * self.wage
        if T1 > 1:
            c[:, 1] += self.one_off.sum(axis=-1)
        return c

    def member_pv(self, df: np.ndarray) -> np.ndarray:
        """Present value of each member's own transition cost, ``(B, n)``, with discount factors ``(B, T+1)``."""
        w = self.wage * df
        pv = self.attrition_eur * (self.stay * w).sum(axis=-1)[:, None]
        if self.waiting is not None:  # Σ_t paid_t × w_t of each waiting cell, scattered to its (row, member)
            wt = self.waiting
            pv.reshape(-1)[wt.cell] += wt.per_fte * np.einsum("cy,cy->c", wt.paid, w[:, :wt.paid.shape[1]][wt.row])
        if w.shape[1] > 1:
            pv = pv + self.one_off * w[:, 1:2]
        return pv

    @property
    def frontline_fte_years_t(self) -> np.ndarray:
        """Redeployed staff working frontline on top of the headcount, FTE-years per year ``(B, T+1)``."""
        if self.waiting is None:
            return np.zeros_like(self.stay)
        return self.waiting.by_row(None, *self.stay.shape)


def absorbed_fte_years(redeployed, vacancies, horizon: int) -> np.ndarray:
    """Extra FTE-years paid in each year t = 0..Y while redeployed staff wait for a frontline post.

    The stock still waiting at time τ is max(R − v·τ, 0); year t pays its integral over
    [t − 1, t] = G(t − 1) − G(t) with G(τ) = max(R − v·τ, 0)² / (2v): x_t − v/2 when
    x_t = R − v·(t − 1) ≥ v, else x_t² / (2v). Σ_t over a long horizon = R²/(2v); v = 0: R every
    year. ``redeployed``, ``vacancies`` of one shape ``(…)`` → ``(…, Y+1)`` with Y ≤ ``horizon`` the
    last year anybody still waits (every later year pays 0).
    """
    R, v = np.broadcast_arrays(np.asarray(redeployed, dtype=float), np.asarray(vacancies, dtype=float))
    waiting = R > 0
    if not waiting.any():
        return np.zeros((*R.shape, 1))
    leaves = v > 0
    everyone_leaves = not (waiting & ~leaves).any()
    if not everyone_leaves:  # nobody leaves somewhere: the redeployed stay on top of the headcount
        years = horizon
    else:  # only the years until the slowest member has absorbed its redeployed staff (usually 1–2)
        years = min(horizon, int(np.ceil(np.max(np.where(waiting, R / np.where(leaves, v, 1.0), 0.0)))))
    t = np.arange(years + 1, dtype=float)
    R3, v3 = R[..., None], v[..., None]
    safe_v = v3 if leaves.all() else np.where(v3 > 0, v3, 1.0)
    G = v3 * t  # G(τ) = max(R − v·τ, 0)² / (2v) at τ = 0..years, computed in place
    np.subtract(R3, G, out=G)
    np.maximum(G, 0.0, out=G)
    np.square(G, out=G)
    G /= 2.0 * safe_v
    paid = np.zeros((*R.shape, years + 1))
    if leaves.all():
        np.subtract(G[..., :-1], G[..., 1:], out=paid[..., 1:])
    else:
        paid[..., 1:] = np.where(v3 > 0, G[..., :-1] - G[..., 1:], R3)
    return paid


def transition(S, S_eur, fte_total, *, attrition_rate, redeployment: float, dismissal: float,
               retraining_cost, seniority_years, wage_index) -> Transition:
    """The three paths for a batch (see the module docstring).

    ``S``, ``S_eur`` ``(B, n)`` surplus FTE and its €/yr (:func:`surplus_by_member`),
    ``fte_total`` ``(n,)`` (or ``(B, n)``, each row its own members), ``attrition_rate``,
    ``retraining_cost``, ``seniority_years`` ``(B,)``,
    ``wage_index`` ``(B, T+1)`` (1 in years 0 and 1).
    """
    B, T1 = wage_index.shape
    a = np.broadcast_to(np.asarray(attrition_rate, dtype=float), (B,))
    attr = max(1.0 - redeployment - dismissal, 0.0)
    t = np.arange(T1, dtype=float)
    stay = per_year(a, lambda x: (1.0 - x) ** np.maximum(t - 1.0, 0.0) * (t >= 1))  # (B, T+1)
    R = redeployment * S
    waiting = None
    if redeployment > 0 and S.any():  # only the cells with redeployed staff (a fraction of B × n)
        n = S.shape[1]
        cell = np.flatnonzero(R > 0)  # flat (row, member) index: 1-d gathers
        row, member = np.divmod(cell, n)
        fte_total = np.asarray(fte_total, dtype=float)  # (n,) or per row (B, n)
        vacancies = a[row] * (fte_total[member] if fte_total.ndim == 1 else fte_total.reshape(-1)[cell])
        waiting = Waiting(row=row, member=member, paid=absorbed_fte_years(R.reshape(-1)[cell], vacancies, T1 - 1),
                          per_fte=S_eur.reshape(-1)[cell] / S.reshape(-1)[cell],  # € per FTE of the member's grades
                          n=n)
    one_off = R * np.asarray(retraining_cost, dtype=float).reshape(-1, 1)
    if dismissal > 0:
        one_off = one_off + dismissal * S_eur * notice_weeks(seniority_years).reshape(-1, 1) / 52.0
    return Transition(surplus_fte=S, attrition_fte=attr * S, redeployed_fte=R, dismissed_fte=dismissal * S,
                      attrition_eur=attr * S_eur, stay=stay, waiting=waiting, one_off=one_off, wage=wage_index)
