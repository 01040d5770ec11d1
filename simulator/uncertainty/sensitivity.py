"""Which uncertain parameters matter: tornado (one at a time) and Sobol indices (global).

Both take ``evaluate_scalar(params) -> (B,)``, the model reduced to one number per row (usually
NPV), and call it on a whole batch of parameter rows at once — no Python loop over rows.

Tornado
    Each uncertain parameter alone at its P10 and at its P90, every other parameter at its base
    value (the value a director would quote: mode, median or fixed value). Swing = |y(P90) −
    y(P10)|; bars sorted by swing. Cheap (2k + 1 rows) but blind to interactions and to the
    shape of each distribution beyond its P10/P90.

Sobol
    Variance-based global indices (Sobol' 2001) estimated with SALib: the first-order index
    S1ᵢ = Var(E[Y|Xᵢ])/Var(Y) is the share of output variance explained by Xᵢ alone; the total
    index STᵢ = E[Var(Y|X₋ᵢ)]/Var(Y) adds all its interactions. Sampling is Saltelli's scheme
    on a scrambled Sobol' sequence (``SALib.sample.sobol.sample``), N·(D + 2) model rows for D
    factors; estimators and bootstrap confidence intervals are Saltelli et al. (2010), Jansen
    (1999) for ST (``SALib.analyze.sobol.analyze``). Sampling is done in **u-space**: SALib
    draws u ∈ [0, 1]^D and each parameter's inverse CDF maps u to its value, so any of our
    distributions (PERT, lognormal …) works, and Sobol indices are invariant to this monotone
    re-parameterisation. Groups (e.g. all HR parameters) are passed as SALib's ``groups``: the
    group's parameters move together in the cross-sampled matrices and get one S1/ST.

    Sobol indices assume independent inputs: rank correlations are ignored here (and in the
    tornado); they are honoured by the Monte Carlo run itself.

References
----------
Ishigami, T., Homma, T. (1990). An importance quantification technique in uncertainty analysis
for computer models. *Proc. ISUMA '90*, 398–403.
Jansen, M. J. W. (1999). Analysis of variance designs for model output. *Comput. Phys. Commun.*
117, 35–43.
Saltelli, A., Annoni, P., Azzini, I., Campolongo, F., Ratto, M., Tarantola, S. (2010). Variance
based sensitivity analysis of model output. Design and estimator for the total sensitivity index.
*Comput. Phys. Commun.* 181(2), 259–270.
Sobol', I. M. (2001). Global sensitivity indices for nonlinear mathematical models and their
Monte Carlo estimates. *Math. Comput. Simul.* 55, 271–280.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable, Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd

from simulator.errors import InputError
from simulator.uncertainty._lazy import lazy_module
from simulator.uncertainty.distributions import Distribution
from simulator.uncertainty.montecarlo import DEFAULT_CHUNK
from simulator.uncertainty.parse import parse_distribution, whole_number
from simulator.uncertainty.sampling import U_MIN, to_parameters

#: SALib (and the scipy.stats it imports, ~0.5 s) loads when a Sobol analysis runs, not for a tornado.
sobol_analyze = lazy_module("SALib.analyze.sobol")
sobol_sample = lazy_module("SALib.sample.sobol")

EvaluateScalar = Callable[[dict[str, np.ndarray]], np.ndarray]
SOBOL_COLUMNS = ["S1", "S1_conf", "ST", "ST_conf"]
#: Most model runs a Sobol analysis may ask for: n·(2D + 2) rows (a few minutes at most).
MAX_SOBOL_ROWS = 20_000_000


def _parse(distributions: Mapping[str, Any]) -> dict[str, Distribution]:
    return {n: parse_distribution(d, n) for n, d in distributions.items()}


def _call(evaluate_scalar: EvaluateScalar, params: dict[str, np.ndarray], size: int) -> np.ndarray:
    y = np.asarray(evaluate_scalar(params), dtype=float)
    if y.shape not in ((size,), (1,)):
        raise ValueError(f"evaluate_scalar must return shape ({size},), got {y.shape}")
    y = np.broadcast_to(y, (size,))
    if not np.all(np.isfinite(y)):
        raise InputError("sensitivity", f"the model gave {np.count_nonzero(~np.isfinite(y))} "
                         "non-numeric result(s); check the parameter ranges")
    return y


def tornado(evaluate_scalar: EvaluateScalar, distributions: Mapping[str, Any],
            base_values: Mapping[str, float] | None = None, *,
            low: float = 0.1, high: float = 0.9) -> pd.DataFrame:
    """One-at-a-time sensitivity: each uncertain parameter at its P10 and P90, others at base.

    Parameters
    ----------
    evaluate_scalar
        Model: ``{name: (B,)} -> (B,)``; called once with B = 2k + 1 rows (row 0 = base).
    distributions
        ``{name: Distribution}``; degenerate (fixed) ones stay at their value and get no bar.
    base_values
        Base value per parameter; default each distribution's :attr:`~Distribution.base`.
    low, high
        Quantiles of the bar ends (default P10 and P90).

    Returns
    -------
    pandas.DataFrame
        One row per uncertain parameter, largest swing first: parameter, value_low, value_high,
        base_value, output_low, output_high, output_base, swing = |output_high − output_low|.
    """
    dists = _parse(distributions)
    base = {n: d.base for n, d in dists.items()}
    for name, value in (base_values or {}).items():
        if name not in dists:
            raise InputError(f"base_values.{name}", "no distribution for this parameter")
        base[name] = float(value)
    varying = [n for n, d in dists.items() if not d.is_degenerate]
    k = len(varying)
    rows = 1 + 2 * k
    params = {n: np.full(rows, base[n]) for n in dists}
    ends = {n: (dists[n].quantile(low), dists[n].quantile(high)) for n in varying}
    for i, n in enumerate(varying):
        params[n][1 + i], params[n][1 + k + i] = ends[n]
    y = _call(evaluate_scalar, params, rows)
    frame = pd.DataFrame({
        "parameter": varying,
        "value_low": [ends[n][0] for n in varying],
        "value_high": [ends[n][1] for n in varying],
        "base_value": [base[n] for n in varying],
        "output_low": y[1:1 + k], "output_high": y[1 + k:], "output_base": y[0],
    })
    frame["swing"] = (frame["output_high"] - frame["output_low"]).abs()
    return frame.sort_values("swing", ascending=False, kind="stable").reset_index(drop=True)


def _factor_groups(varying: Sequence[str], dists: Mapping[str, Distribution],
                   groups: Mapping[str, Sequence[str]] | None) -> list[str]:
    """Group name of each varying parameter (ungrouped parameters are their own group)."""
    owner: dict[str, str] = {}
    for group, members in (groups or {}).items():
        if isinstance(members, str) or not isinstance(members, Sequence) or not members:
            raise InputError(f"groups.{group}", "expected a non-empty list of parameter names")
        if group in dists and list(members) != [group]:
            raise InputError(f"groups.{group}", "a group cannot have the name of a parameter")
        for m in members:
            if m not in dists:
                raise InputError(f"groups.{group}", f"unknown parameter {m!r}")
            if m in owner:
                raise InputError(f"groups.{group}", f"{m!r} is already in group {owner[m]!r}")
            owner[m] = group
    return [owner.get(n, n) for n in varying]


def sobol(evaluate_scalar: EvaluateScalar, distributions: Mapping[str, Any], n: int = 1024,
          seed: int = 0, groups: Mapping[str, Sequence[str]] | None = None, *,
          calc_second_order: bool = False, num_resamples: int = 100, conf_level: float = 0.95,
          chunk_size: int = DEFAULT_CHUNK,
          progress: Callable[[int, int], None] | None = None) -> pd.DataFrame:
    """Sobol first-order and total indices with bootstrap confidence intervals (via SALib).

    Parameters
    ----------
    evaluate_scalar
        Model: ``{name: (B,)} -> (B,)``; called on chunks of ``chunk_size`` rows, N·(D+2) rows in
        all (N·(2D+2) with second order), D = number of factors (parameters or groups).
    distributions
        ``{name: Distribution}``; degenerate ones are held at their value and are not factors.
    n
        Base sample size N, a power of two (Sobol' sequence balance).
    seed
        Seeds both the scrambled Sobol' sequence and the bootstrap: same seed, same indices.
    groups
        ``{group: [parameter, …]}``; ungrouped uncertain parameters stay factors on their own.
    progress
        Called as ``progress(rows done, rows)`` after each chunk of model runs.
    calc_second_order
        Also estimate S2 (returned in ``frame.attrs["S2"]`` as a D × D frame).
    num_resamples, conf_level
        Bootstrap resamples and level of the ``*_conf`` half-widths.

    Returns
    -------
    pandas.DataFrame
        Index = factor (parameter or group), columns S1, S1_conf, ST, ST_conf. ``attrs`` holds
        n, evaluations, seed, groups and, when relevant, a note.
    """
    dists = _parse(distributions)
    n = whole_number(n, "n", 2)
    if n & (n - 1):
        raise InputError("n", f"the Sobol base sample must be a power of two (e.g. "
                         f"{1 << (n.bit_length() - 1)} or {1 << n.bit_length()}), got {n}")
    seed = whole_number(seed, "seed", 0)
    chunk_size = whole_number(chunk_size, "chunk_size")
    varying = [p for p, d in dists.items() if not d.is_degenerate]
    if not varying:
        raise InputError("distributions", "no parameter is uncertain: nothing to analyse")
    owner = _factor_groups(varying, dists, groups)
    factors = list(dict.fromkeys(owner))
    attrs: dict[str, Any] = {"n": n, "seed": seed, "groups": dict(zip(varying, owner, strict=True))}
    if len(factors) < 2:
        attrs |= {"evaluations": 0, "note": "a single factor explains all of the variance"}
        return _frame(factors, {"S1": [1.0], "S1_conf": [0.0], "ST": [1.0], "ST_conf": [0.0]},
                      attrs)
    rows = n * ((2 * len(factors) + 2) if calc_second_order else (len(factors) + 2))
    if rows > MAX_SOBOL_ROWS:  # refused before the sample is allocated
        raise InputError("n", f"a Sobol base sample of {n:,} with {len(factors)} factors needs "
                         f"{rows:,} model runs; the limit is {MAX_SOBOL_ROWS:,} (try n = 1024)")
    problem: dict[str, Any] = {"num_vars": len(varying), "names": varying,
                               "bounds": [[0.0, 1.0]] * len(varying)}
    if factors != varying:
        problem["groups"] = owner
    sample_seed, boot_seed = (int(s) + 1 for s in np.random.SeedSequence(seed).generate_state(2))
    u = sobol_sample.sample(problem, n, calc_second_order=calc_second_order, seed=sample_seed)
    u = np.clip(u, U_MIN, 1.0 - U_MIN)
    y = np.empty(u.shape[0])
    fixed = {p: d for p, d in dists.items() if d.is_degenerate}
    for start in range(0, u.shape[0], chunk_size):
        block = u[start:start + chunk_size]
        params = to_parameters(dists, varying, block)
        params |= {p: d.ppf(np.zeros(block.shape[0])) for p, d in fixed.items()}
        y[start:start + block.shape[0]] = _call(evaluate_scalar, params, block.shape[0])
        if progress is not None:
            progress(start + block.shape[0], u.shape[0])
    attrs["evaluations"] = int(y.size)
    if np.ptp(y) == 0.0:
        attrs["note"] = "the output does not vary: every index is zero"
        zeros = [0.0] * len(factors)
        return _frame(factors, dict.fromkeys(SOBOL_COLUMNS, zeros), attrs)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        si = sobol_analyze.analyze(problem, y, calc_second_order=calc_second_order,
                                   num_resamples=num_resamples, conf_level=conf_level,
                                   seed=boot_seed)
    if calc_second_order:
        attrs["S2"] = pd.DataFrame(si["S2"], index=factors, columns=factors)
        attrs["S2_conf"] = pd.DataFrame(si["S2_conf"], index=factors, columns=factors)
    return _frame(factors, {c: si[c] for c in SOBOL_COLUMNS}, attrs)


def _frame(factors: list[str], values: Mapping[str, Any], attrs: dict[str, Any]) -> pd.DataFrame:
    frame = pd.DataFrame({c: np.asarray(values[c], dtype=float) for c in SOBOL_COLUMNS},
                         index=pd.Index(factors, name="factor"))
    frame.attrs.update(attrs)
    return frame
