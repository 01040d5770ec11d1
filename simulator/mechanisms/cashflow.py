"""Time and money: yearly cash flows, NPV, payback, IRR (MODEL.md §3.7).

Year 0 carries the set-up. From year 1 the gross saving (baseline − pooled operating cost) is
realised at the ramp-up share; coordination costs, margin and VAT are paid in full. Costs are
indexed from today's prices: wages (labour, reception, coordination), prices (purchases,
licences) and rents each at their own rate, (1 + i)^(t−1) in year t ≥ 1. Expected exit risk
(first order): with hazard h, a share S_t = (1 − h)^(t−1) of the pool is still there in year t;
leavers return to standalone (their saving vanishes) and leave the fixed share of their pooled
cost to the others for ``resize`` years. Cash flows are discounted at r: DF_t = (1 + r)^(−t).
"""

from __future__ import annotations

import numpy as np

IRR_LOW, IRR_HIGH, IRR_ITERATIONS = -0.99, 10.0, 80


def per_year(values, fn):
    """``fn(values[:, None])`` ``(B, T+1)``; computed on one row when ``values`` is one number
    broadcast over the batch (a stride-0 view: the cost game's coalitions share their parameters),
    then broadcast back — a read-only view with the same numbers."""
    values = np.asarray(values)
    if values.ndim == 1 and values.shape[0] > 1 and values.strides[0] == 0:
        one = fn(values[:1, None])
        return np.broadcast_to(one, (values.shape[0], one.shape[1]))
    return fn(values[:, None])


def index_factors(rate, horizon):
    """(1 + i)^(t−1) for t = 0..T (year 0 and 1 at today's prices). ``rate`` ``(B,)`` → ``(B, T+1)``."""
    t = np.maximum(np.arange(horizon + 1) - 1, 0)
    return per_year(rate, lambda r: (1.0 + r) ** t)


def survival(hazard, horizon):
    """S_t = (1 − h)^(t−1) for t ≥ 1, S_0 = 1. ``(B, T+1)``."""
    t = np.maximum(np.arange(horizon + 1) - 1, 0)
    return per_year(hazard, lambda h: (1.0 - h) ** t)


def discount_factors(rate, horizon):
    """DF_t = (1 + r)^(−t), ``(B, T+1)``."""
    return per_year(rate, lambda r: (1.0 + r) ** (-np.arange(horizon + 1, dtype=float)))


def annuity_factor(rate, horizon):
    """Equal yearly amount over years 1..T with the same present value as 1 € today.

    a = r / (1 − (1 + r)^(−T)), and 1/T when r = 0.
    """
    r = np.asarray(rate, dtype=float)
    safe = np.where(np.abs(r) < 1e-12, 1.0, r)
    a = safe / (1.0 - (1.0 + safe) ** (-horizon))
    return np.where(np.abs(r) < 1e-12, 1.0 / horizon, a)


def npv(cashflow, df):
    """Σ_t DF_t · CF_t over the last axis."""
    return (cashflow * df).sum(axis=-1)


def payback_year(cashflow):
    """First year whose cumulative (undiscounted) cash flow is ≥ 0 and stays so; NaN if never."""
    cum = np.cumsum(cashflow, axis=-1)
    ok = cum >= -1e-9
    stays = np.flip(np.logical_and.accumulate(np.flip(ok, axis=-1), axis=-1), axis=-1)
    first = np.argmax(stays, axis=-1).astype(float)
    return np.where(stays.any(axis=-1), first, np.nan)


def irr(cashflow):
    """Internal rate of return by vectorised bisection on NPV(r) over [−99 %, 1000 %].

    NaN where NPV does not change sign on that bracket (e.g. all flows of one sign). The bracket
    keeps NPV's sign at its low end, so only that sign is compared; the loop stops once every
    row's bracket is two neighbouring floats (further halvings change nothing), at most
    ``IRR_ITERATIONS`` times.
    """
    T = cashflow.shape[-1]
    minus_t = -np.arange(T, dtype=float)

    def f(r):
        return (cashflow * (1.0 + r[..., None]) ** minus_t).sum(axis=-1)

    lo = np.full(cashflow.shape[:-1], IRR_LOW)
    hi = np.full(cashflow.shape[:-1], IRR_HIGH)
    sign_lo = np.sign(f(lo))
    valid = sign_lo * np.sign(f(hi)) < 0
    for i in range(IRR_ITERATIONS):  # fixed iteration count, vectorised over the batch
        mid = 0.5 * (lo + hi)
        if i % 8 == 7 and ((mid == lo) | (mid == hi)).all():  # every bracket down to one ulp
            break
        left = np.sign(f(mid)) == sign_lo
        lo = np.where(left, mid, lo)
        hi = np.where(left, hi, mid)
    return np.where(valid, 0.5 * (lo + hi), np.nan)
