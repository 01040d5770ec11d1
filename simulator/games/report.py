"""Per-member allocation report: every method side by side, with stability and VAT flags.

For each method and member: what it **pays**, its **standalone** cost ``c({i})``, its **gain**
``c({i}) − x_i``, whether the split is **individually rational** (nobody pays more than alone),
whether it is in the **core** (no sub-group pays more together than on its own) and, if not, the
sub-group that would walk away and what it would save (MODEL.md §3.8).

VAT (art. 44 §2bis of the Belgian VAT code, the cost-sharing exemption). The exemption requires,
among other conditions, that each member reimburse *exactly its share of the joint costs*, with no
margin. Every method here splits exactly ``c(N)`` — no margin in total — and the report checks that
(and that nobody is paid to take part). What differs is how easy it is to show that a share *is*
the member's share of the joint costs:

- ``proportional`` to a use driver (payslips, entries, users): each member pays for what it uses;
  the VAT-safe default. Proportional to standalone cost and equal split are also plain cost-based
  keys (equal split is defensible when members use the service about equally). Flag: ``safe``.
- ``shapley``, ``nucleolus``, ``scrb``: cost-based, but they redistribute the *savings* according
  to each member's alternatives (what it would cost alone or in a smaller group), so a member may
  pay less than its use would suggest. That can be read as one member subsidising another. Flag:
  ``to document`` — write the key into the cost-sharing agreement, explain it, and have it
  validated before relying on the exemption.

This is a simulation, not legal advice.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping, Sequence

import numpy as np
import pandas as pd

from simulator.errors import InputError
from simulator.messages import msg

from .core import core_tolerance
from .game import CostGame

__all__ = ["DEFAULT_METHODS", "METHODS", "allocation_report", "allocation_summary"]

#: Every method the report knows, in display order.
METHODS = ("proportional", "standalone", "equal", "scrb", "shapley", "nucleolus")
DEFAULT_METHODS = ("shapley", "nucleolus", "scrb", "proportional", "equal")

_SAFE = "cost-based key, no margin; each member reimburses its share of the joint cost"
_VAT = {
    "proportional": ("safe", _SAFE + " in proportion to its use"),
    "standalone": ("safe", _SAFE + " in proportion to its standalone cost"),
    "equal": ("safe", _SAFE + "; defensible when members use the service about equally"),
    "scrb": ("to document", "redistributes savings by each member's alternatives; document it"),
    "shapley": ("to document", "redistributes savings by marginal costs; document it"),
    "nucleolus": ("to document", "redistributes savings to stabilise the pool; document it"),
}
DISCLAIMER = "VAT flags are a simulation of art. 44 §2bis conditions, not legal advice."


def allocation_report(
    game: CostGame,
    methods: Sequence[str] = DEFAULT_METHODS,
    weights: Mapping[Hashable, float] | Sequence[float] | None = None,
    *,
    shapley_samples: int | None = None,
    seed: int | None = None,
    tol: float | None = None,
) -> pd.DataFrame:
    """Tidy table, one row per method × member.

    Parameters
    ----------
    game
        The pool's cost game.
    methods
        Any of :data:`METHODS`. ``"proportional"`` uses ``weights`` (use drivers) and falls back to
        standalone costs when none are given (the ``key`` column says which).
    weights
        Per-member use driver for the proportional key (mapping by member or sequence in order).
    shapley_samples, seed
        Sample Shapley over random orders (needed above the exact limit of 20 members).
    tol
        Tolerance in euro for the core and individual-rationality checks (default: rounding noise).

    Returns
    -------
    pandas.DataFrame
        Columns ``method, key, member, pays, standalone, gain, gain_pct, individually_rational,
        in_core, blocking_coalition, blocking_amount, vat_status, vat_safe, vat_note``.
        ``in_core`` and the blocking columns are empty (NA) when the game is too large to check.
        ``attrs``: ``note`` (the VAT disclaimer) and, with Shapley, ``shapley_std_error`` (member
        → standard error in euro; 0 when exact).
    """
    unknown = [m for m in methods if m not in METHODS]
    if unknown or not methods:
        raise InputError("methods", msg("game.unknown_methods", "unknown method(s) {names}; choose from {known}.",
                                        names=[repr(u) for u in unknown], known=", ".join(METHODS)))
    standalone = game.standalone()
    grand = game.grand_cost
    if tol is None:
        tol = core_tolerance(game.costs) if game.is_exact else 1e-9 * max(1.0, abs(grand))
    frames, std_error = [], None
    for method in methods:
        shares, key = _shares(game, method, weights, shapley_samples, seed)
        if method == "shapley":
            std_error = shares.attrs.get("std_error")
        pays = shares.to_numpy()
        gain = standalone.to_numpy() - pays
        status, note = _VAT[method]
        if abs(pays.sum() - grand) > tol:
            status, note = "unsafe", "shares do not sum to the pool's cost (margin or shortfall)"
        elif (pays < -tol).any():
            status, note = "unsafe", "a member is paid to take part, not reimbursing a cost share"
        if game.is_exact:
            in_core = game.in_core(pays, tol)
            blocking = game.blocking_coalition(pays, tol)
            coalition = " + ".join(map(str, blocking.coalition)) if blocking else ""
            amount = blocking.amount if blocking else 0.0
        else:
            in_core, coalition, amount = pd.NA, pd.NA, np.nan
        frames.append(
            pd.DataFrame(
                {
                    "method": method,
                    "key": key,
                    "member": list(game.players),
                    "pays": pays,
                    "standalone": standalone.to_numpy(),
                    "gain": gain,
                    "gain_pct": np.divide(
                        gain,
                        standalone.to_numpy(),
                        out=np.full(game.n, np.nan),
                        where=standalone.to_numpy() != 0,
                    ),
                    "individually_rational": gain >= -tol,
                    "in_core": pd.array([in_core] * game.n, dtype="boolean"),
                    "blocking_coalition": coalition,
                    "blocking_amount": amount,
                    "vat_status": status,
                    "vat_safe": status == "safe",
                    "vat_note": note,
                }
            )
        )
    report = pd.concat(frames, ignore_index=True)
    report.attrs["note"] = DISCLAIMER
    if std_error is not None:
        report.attrs["shapley_std_error"] = std_error
    return report


def allocation_summary(report: pd.DataFrame) -> pd.DataFrame:
    """One row per method: total paid, members worse off than alone, core, blocking group, VAT."""
    grouped = report.groupby("method", sort=False)
    return pd.DataFrame(
        {
            "key": grouped["key"].first(),
            "total": grouped["pays"].sum(),
            "members_worse_off": grouped["individually_rational"].apply(lambda s: int((~s).sum())),
            "in_core": grouped["in_core"].first(),
            "blocking_coalition": grouped["blocking_coalition"].first(),
            "blocking_amount": grouped["blocking_amount"].first(),
            "vat_status": grouped["vat_status"].first(),
        }
    )


def _shares(
    game: CostGame,
    method: str,
    weights: Mapping[Hashable, float] | Sequence[float] | None,
    samples: int | None,
    seed: int | None,
) -> tuple[pd.Series, str]:
    """Shares of one method and a short description of its key."""
    if method == "proportional":
        if weights is None:
            return game.proportional(), "proportional to standalone cost (no use driver given)"
        return game.proportional(weights), "proportional to use"
    if method == "standalone":
        return game.proportional(), "proportional to standalone cost"
    if method == "equal":
        return game.equal_split(), "equal split"
    if method == "scrb":
        return game.scrb(), "separable costs, remaining benefits"
    if method == "shapley":
        if samples is not None or not game.is_exact:
            shares = game.shapley(samples=samples, seed=seed)
            return shares, f"Shapley value (sampled, {shares.attrs['samples']} orders)"
        return game.shapley(), "Shapley value (exact)"
    shares = game.nucleolus()
    return shares, "nucleolus" if shares.attrs["kind"] == "nucleolus" else "pre-nucleolus"
