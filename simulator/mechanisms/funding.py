"""Funding instruments and the funder's behaviour (MODEL.md §3.7).

Members' view, per year: start-up grant (share of set-up, capped; year 0), zero-interest loan
(received year 0, repaid in equal instalments), yearly coordination subsidy and per-pooled-FTE
subsidy for their first N years, and clawback (the funder cuts operating subsidies by a share of
positive net savings). Reinvestment (savings must fund frontline staff) shields the reinvested
share from clawback — a funder does not take back what its own rule made members spend on
frontline staff ([G] reading of the usual rule on unspent subsidies) — so clawback falls on
c × (1 − r) × positive operating saving. The public purse's view is the mirror: grant +
subsidies + loan − repayments − clawback.
"""

from __future__ import annotations

import numpy as np


def coalition_scale(funding, members, grand_members):
    """Share of the grand pool's fixed funding a pool of ``members`` gets (MODEL.md §8.7), ``(B,)``.

    A subsidy is a property of the grand pool under the funder's rule, not free money for every
    coalition: ``per_member`` gives fixed amounts pro rata to members (n_S / n_N), ``lump`` gives
    them in full to pools of at least ``min_members`` and nothing to smaller ones. The grand pool
    itself always gets 1 (under ``lump`` if it is eligible). Per-FTE subsidies are already
    proportional and are not scaled.
    """
    members = np.asarray(members, dtype=float)
    if funding.rule == "lump":
        return (members >= funding.min_members).astype(float)
    return np.minimum(members / max(grand_members, 1), 1.0)


def funding_flows(funding, setup, pooled_fte, operating_net, horizon, scale=1.0):
    """Members' funding cash flows ``(B, T+1)`` by instrument (dict) from the scenario's Funding.

    ``setup`` ``(B,)``; ``pooled_fte`` ``(B,)``; ``operating_net`` ``(B, T+1)`` net operating
    saving before funding (for clawback); ``scale`` ``(B,)`` the share of fixed amounts each row
    gets under the funder's rule (:func:`coalition_scale`).
    """
    B = setup.shape[0]
    k = np.broadcast_to(np.asarray(scale, dtype=float), (B,))
    years = np.arange(horizon + 1)
    # an instrument the scenario does not use is a read-only zero (no allocation: the cost game
    # evaluates this for a million coalitions, mostly without funding)
    none = np.broadcast_to(0.0, (B, horizon + 1))
    flows = dict.fromkeys(("startup_grant", "coordination_subsidy", "fte_subsidy", "loan", "clawback"), none)
    if funding.startup_grant is not None:
        g = funding.startup_grant
        flows["startup_grant"] = np.zeros((B, horizon + 1))
        flows["startup_grant"][:, 0] = np.minimum(g.share * setup, g.cap_eur * k) * (k > 0)
    if funding.coordination_subsidy is not None:
        c = funding.coordination_subsidy
        # 0.0 + …: as when added to zeros, a −0.0 (False × a negative amount) reads 0.0
        flows["coordination_subsidy"] = 0.0 + ((years >= 1) & (years <= c.years)) * (c.eur_per_year * k)[:, None]
    if funding.fte_subsidy is not None:
        s = funding.fte_subsidy
        flows["fte_subsidy"] = 0.0 + ((years >= 1) & (years <= s.years)) \
            * (s.eur_per_fte * pooled_fte * (k > 0))[:, None]
    if funding.loan is not None:
        ln = funding.loan
        flows["loan"] = np.zeros((B, horizon + 1))
        flows["loan"][:, 0] = ln.amount_eur * k
        flows["loan"] -= ((years >= 1) & (years <= ln.years)) * (ln.amount_eur * k / ln.years)[:, None]
    if funding.clawback_share > 0:
        kept = 1.0 - funding.reinvestment_share  # reinvested savings are not clawed back
        flows["clawback"] = -funding.clawback_share * kept * np.maximum(operating_net, 0.0) * (years >= 1)
    return flows
