"""The funder's figures of one pool: public cost, NPV with and without funding, capacity freed.

MODEL.md §3.7 and §8.2: the members' view and the public purse's view, and net results in
**frontline FTE** — the sector thinks in capacity. All come from the kernel's outputs::

    public cost (PV)              = Σ_t public funding_t × discount_t   (grants, subsidies, loan
                                    net of repayments, minus clawback)
    frontline FTE freed (net)     = net annual result ÷ loaded cost of a frontline worker, where
                                    the net result is after annualised set-up, exit risk and
                                    funding (clawback included; reinvested savings are spared
                                    from clawback, see simulator.mechanisms.funding)
    public € per frontline FTE    = public cost × annuity factor ÷ frontline FTE freed (net)
                                    (€/yr of public money per FTE of capacity: compare with the
                                    loaded cost of a frontline worker, ~60 k€)
    leverage                      = members' NPV with funding ÷ public cost (PV)

The last two are undefined (None) when no public money is spent or no capacity is freed.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from simulator.mechanisms import cashflow

#: Summary keys added by :func:`funding_summary` (the app's and the CLI's comparison rows).
FUNDING_KEYS = ("public_cost_eur", "npv_eur", "npv_without_funding_eur", "frontline_fte_freed_net",
                "public_eur_per_frontline_fte", "leverage")


def frontline_fte(net_result: np.ndarray, frontline_cost: np.ndarray | float) -> np.ndarray:
    """Frontline FTE freed by a net annual result (€/yr) — the one place this division lives."""
    return np.asarray(net_result, dtype=float) / frontline_cost


def funding_summary(kernel: Any, model: Any) -> dict[str, float | None]:
    """The funder's figures of a single run (row 0 of the kernel's output)."""
    p = model.params
    public = float(kernel.public_cost[0])
    npv = float(kernel.npv[0])
    rate = np.array([float(p["finance.discount_rate"])])
    annuity = float(cashflow.annuity_factor(rate, model.horizon)[0])
    fte = float(frontline_fte(kernel.net_result[0], float(p["frontline.loaded_cost"])))
    return {
        "frontline_fte_freed_net": fte,
        "public_eur_per_frontline_fte": public * annuity / fte if public > 0 and fte > 0 else None,
        "leverage": npv / public if public > 0 else None,
    }
