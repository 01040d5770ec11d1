"""Buying the shared site instead of renting it (MODEL.md §8.6): the purchase's cash flows.

A bought site pays no rent; it pays owner costs each year (in the premises kind's pooled cost)
and these financing flows, from the members' point of view (negative = paid):

- year 0: equity (1 − loan share) × price and the purchase costs (registration duty, notary)
  purchase costs × price;
- years 1 … min(L, T): the loan's constant instalment A = loan × r / (1 − (1 + r)^(−L)), with
  loan = loan share × price, r the loan rate and L its duration (r = 0: loan / L);
- year T: the building's value at the horizon's end, residual × price, minus what is still owed
  on the loan, A × (1 − (1 + r)^(−(L − T))) / r when L > T.

The NPV of these flows replaces the present value of the rent the site would have cost; the
results compare the two (``buy_vs_rent`` in the summary).
"""

from __future__ import annotations

import numpy as np


def instalment(loan, rate, years: int):
    """Constant yearly instalment of a loan: loan × r / (1 − (1 + r)^(−L)); loan / L when r = 0."""
    r = np.asarray(rate, dtype=float)
    safe = np.where(np.abs(r) < 1e-12, 1.0, r)
    return np.where(np.abs(r) < 1e-12, loan / years, loan * safe / (1.0 - (1.0 + safe) ** (-years)))


def outstanding(payment, rate, years_left: int):
    """What is still owed after the instalments paid: payment × (1 − (1 + r)^(−left)) / r (0 if none left)."""
    if years_left <= 0:
        return np.zeros_like(np.asarray(payment, dtype=float))
    r = np.asarray(rate, dtype=float)
    safe = np.where(np.abs(r) < 1e-12, 1.0, r)
    return np.where(np.abs(r) < 1e-12, payment * years_left, payment * (1.0 - (1.0 + safe) ** (-years_left)) / safe)


def purchase_flows(price: float, loan_share: float, loan_years: int, *, rate, purchase_costs, residual,
                   horizon: int) -> np.ndarray:
    """Financing flows of one bought site, ``(B, T+1)`` for ``(B,)`` parameter draws (see module doc)."""
    rate = np.atleast_1d(np.asarray(rate, dtype=float))
    B = max(rate.shape[0], np.atleast_1d(purchase_costs).shape[0], np.atleast_1d(residual).shape[0])
    rate = np.broadcast_to(rate, (B,))
    T = horizon
    loan = loan_share * price
    pay = instalment(loan, rate, loan_years)  # (B,)
    t = np.arange(T + 1)
    flows = -pay[:, None] * ((t >= 1) & (t <= loan_years))
    flows = flows.astype(float)
    flows[:, 0] = -(1.0 - loan_share) * price - np.broadcast_to(purchase_costs, (B,)) * price
    flows[:, T] += np.broadcast_to(residual, (B,)) * price - outstanding(pay, rate, loan_years - T)
    return flows
