"""Which split to recommend to a pool's directors, and why (MODEL.md §3.8).

A director does not want six methods; they want one split they can defend at the general
assembly. The recommendation follows what keeps a pool together and out of trouble, in order:

1. **stable**: in the core (no member or group of members would pay less on its own); when the
   core cannot be checked (more than 20 members), nobody pays more than alone;
2. **fewest members worse off** than alone (a member who loses leaves);
3. **VAT-safe**: a cost-based key (each member reimburses its share of the joint cost) keeps the
   art. 44 §2bis exemption beyond discussion; game-theoretic splits must be documented. Where the
   vehicle's VAT does not depend on the key (taxable service, exempt lease), every key is equal here;
4. **smallest temptation to leave**: the amount the most tempted group would save on its own;
5. **the simplest key**: the scenario's own key first, then equal shares, proportional to
   standalone cost, the nucleolus, Shapley, SCRB.

The reason is returned as a code (``stable_safe``, ``stable_documented``, ``unstable``) that the
app and the brief put into words in the user's language.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from simulator.errors import InputError
from simulator.messages import msg

from .report import allocation_summary

__all__ = ["PREFERENCE", "Recommendation", "members_of", "recommend_split"]

#: Tie-break order: the simpler, more familiar key first.
PREFERENCE = ("proportional", "equal", "standalone", "nucleolus", "shapley", "scrb")
#: VAT statuses under which the split keeps the exemption (or VAT does not depend on the split).
_VAT_OK = ("safe", "not applicable")


@dataclass(frozen=True)
class Recommendation:
    """The recommended split of a pool.

    Attributes
    ----------
    method
        A method of the report (``proportional``, ``shapley``…).
    reason
        ``stable_safe`` (stable and VAT-safe), ``stable_documented`` (stable, but the key must be
        written into the agreement for VAT), or ``unstable`` (no method is stable: the one that
        loses fewest members).
    stable
        Whether the split is in the core (``None`` when the core could not be checked).
    members_worse_off
        How many members pay more than alone under it.
    """

    method: str
    reason: str
    stable: bool | None
    members_worse_off: int


def recommend_split(report: pd.DataFrame) -> Recommendation:
    """Pick the split to recommend from an :func:`~simulator.games.allocation_report` table.

    Methods are ranked by the tuple (not stable, members worse off, not VAT-safe, blocking
    amount, preference order) and the first wins; see the module docstring for why.
    """
    if report.empty or "method" not in report:
        raise InputError("report", msg("game.report_needed",
                                       "an allocation report with at least one method is needed."))
    summary = allocation_summary(report)
    regime = report.attrs.get("vat_regime")
    key_free = regime in ("taxable", "exempt")  # VAT does not depend on the split
    rows = []
    for method, row in summary.iterrows():
        checked = not pd.isna(row["in_core"])
        worse = int(row["members_worse_off"])
        stable = bool(row["in_core"]) if checked else worse == 0
        vat_ok = key_free or row["vat_status"] in _VAT_OK
        amount = 0.0 if pd.isna(row["blocking_amount"]) else float(row["blocking_amount"])
        order = PREFERENCE.index(method) if method in PREFERENCE else len(PREFERENCE)
        rows.append(((not stable, worse, not vat_ok, round(amount, 2), order), method, stable, checked,
                     vat_ok, worse))
    _, method, stable, checked, vat_ok, worse = min(rows, key=lambda r: r[0])
    reason = "unstable" if not stable else "stable_safe" if vat_ok else "stable_documented"
    return Recommendation(method=str(method), reason=reason, stable=stable if checked else None,
                          members_worse_off=worse)


def members_of(report: pd.DataFrame, method: str) -> pd.DataFrame:
    """The rows of one method, indexed by member, with ``extra_cost`` = what it pays above alone."""
    rows = report[report["method"] == method].set_index("member")
    rows = rows.assign(extra_cost=np.maximum(-rows["gain"].to_numpy(dtype=float), 0.0))
    return rows
