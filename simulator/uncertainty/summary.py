"""What a director reads from a Monte Carlo run: probabilities, percentiles and convergence.

All statistics are computed from the full per-draw vectors (8 bytes per draw and metric), so they
do not depend on how the draws were chunked.

Conventions
-----------
* Percentiles use linear interpolation between order statistics (``numpy.quantile`` default).
* Payback "never" (NaN from the kernel) counts as +∞: it sorts after every finite year, and a
  percentile that falls on a "never" or between a year and a "never" is reported as ``None``
  ("not within the horizon"). ``p_payback_within_horizon`` is the share of draws with a finite payback year.
* Standard errors: mean NPV, σ/√N; P(NPV > 0), √(p(1−p)/N).
* Converged when more draws would not change the answer at the precision shown: the 95 %
  half-width of mean NPV is below max(1 % of |mean|, €100), and that of P(NPV > 0) below one
  percentage point. For the probability the half-width is taken from the Agresti–Coull estimate
  p̃ = (k+2)/(N+4), so that 10 draws that all pay off do not count as a certainty.

Reference: Agresti, A., Coull, B. A. (1998). Approximate is better than "exact" for interval
estimation of binomial proportions. *The American Statistician* 52(2), 119–126.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

import numpy as np

Z95 = 1.959963984540054
QUANTILES = (0.1, 0.5, 0.9)
#: Convergence targets: mean NPV to within max(1 % of |mean|, €100), P(NPV > 0) within ±0.01.
MEAN_REL_TOL, MEAN_ABS_TOL, PROB_TOL = 0.01, 100.0, 0.01
_NEVER = np.finfo(float).max / 4


def percentiles(values: np.ndarray, qs: tuple[float, ...] = QUANTILES) -> list[float | None]:
    """Percentiles of ``values`` with NaN read as "never" (+∞); non-finite results → None."""
    values = np.asarray(values, dtype=float)
    never = ~np.isfinite(values)
    if not never.any():
        return [float(v) for v in np.quantile(values, qs)]
    if never.all():
        return [None] * len(qs)
    # "never" as a huge finite stand-in, so that a percentile landing exactly on a finite year
    # stays exact (inf·0 would give NaN) and any interpolation towards "never" exceeds the
    # largest finite value and is reported as None.
    latest = float(values[~never].max())
    out = np.quantile(np.where(never, _NEVER, values), qs)
    return [float(v) if v <= latest else None for v in out]


def _stats(prefix: str, values: np.ndarray | None) -> dict[str, float | None]:
    if values is None:
        return {f"{prefix}_mean": None, **{f"{prefix}_p{round(q * 100)}": None for q in QUANTILES}}
    p10, p50, p90 = percentiles(values)
    return {f"{prefix}_mean": float(np.mean(values)), f"{prefix}_p10": p10,
            f"{prefix}_p50": p50, f"{prefix}_p90": p90}


def convergence(npv: np.ndarray) -> dict[str, Any]:
    """Standard errors of mean NPV and P(NPV > 0), converged flag, note and suggested draws."""
    n = npv.size
    mean = float(np.mean(npv))
    sd = float(np.std(npv, ddof=1)) if n > 1 else math.inf
    positive = int(np.count_nonzero(npv > 0))
    p = positive / n
    se_mean = sd / math.sqrt(n)
    se_p = math.sqrt(p * (1 - p) / n)
    p_adj = (positive + 2) / (n + 4)
    hw_p = Z95 * math.sqrt(p_adj * (1 - p_adj) / (n + 4))
    hw_mean = Z95 * se_mean
    target_mean = max(MEAN_REL_TOL * abs(mean), MEAN_ABS_TOL)
    ok_mean, ok_p = hw_mean <= target_mean, hw_p <= PROB_TOL
    factor = max((hw_mean / target_mean) ** 2 if math.isfinite(hw_mean) else 4.0,
                 (hw_p / PROB_TOL) ** 2, 1.0)
    suggested = int(math.ceil(n * factor / 1000.0) * 1000) if factor > 1 else n
    converged = ok_mean and ok_p
    if converged:
        note = (f"Converged: with {n:,} draws, more draws would move mean NPV by less than "
                f"±€{hw_mean:,.0f} and P(NPV > 0) by less than ±{100 * hw_p:.1f} points (95 %).")
    else:
        missing = [text for ok, text in (
            (ok_mean, f"mean NPV is known to ±€{hw_mean:,.0f} (target ±€{target_mean:,.0f})"),
            (ok_p, f"P(NPV > 0) to ±{100 * hw_p:.1f} points (target ±{100 * PROB_TOL:.0f})"),
        ) if not ok]
        note = (f"Not converged with {n:,} draws: " + " and ".join(missing)
                + f"; about {suggested:,} draws would be enough.")
    return {"npv_std": sd, "npv_std_error": se_mean, "p_npv_positive_std_error": se_p,
            "converged": converged, "convergence_note": note, "draws_suggested": suggested}


def summarise(metrics: Mapping[str, np.ndarray], npv: str = "npv", saving: str = "net_saving",
              payback: str = "payback_year") -> dict[str, Any]:
    """The summary mapping of a Monte Carlo run (JSON-ready floats, ints, bools, str, None).

    Keys: draws, p_npv_positive, npv_mean/p10/p50/p90, saving_mean/p10/p50/p90,
    payback_mean (finite paybacks only)/p10/p50/p90, p_payback_within_horizon, npv_std,
    npv_std_error, p_npv_positive_std_error, converged, convergence_note, draws_suggested.
    Saving and payback entries are None when the model did not return them.
    """
    values = np.asarray(metrics[npv], dtype=float)
    out: dict[str, Any] = {"draws": int(values.size),
                           "p_npv_positive": float(np.mean(values > 0))}
    out |= _stats("npv", values)
    out |= _stats("saving", metrics.get(saving))
    pay = metrics.get(payback)
    out |= _stats("payback", pay)
    if pay is not None:
        finite = np.isfinite(pay)
        out["payback_mean"] = float(np.mean(pay[finite])) if finite.any() else None
        out["p_payback_within_horizon"] = float(np.mean(finite))
    else:
        out["p_payback_within_horizon"] = None
    out |= convergence(values)
    return out
