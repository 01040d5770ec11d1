"""Which assumption drives a scenario's result: tornado and Sobol indices on the real kernel.

:func:`sensitivity` prepares a scenario exactly as :func:`~simulator.uncertainty.model_mc.monte_carlo`
does (same distributions, same fixed values, see :mod:`simulator.uncertainty.scenario_inputs`),
reduces the kernel to one output per row (NPV by default) and hands it to
:func:`run_sensitivity`, the single dispatcher onto the model-independent estimators of
:mod:`simulator.uncertainty.sensitivity`:

tornado
    Each uncertain parameter alone at its P10 and P90, every other parameter at the scenario's
    value, so ``output_base`` is the deterministic NPV and ``output_low`` is exactly
    ``simulate(scenario.with_overrides({"parameters.X": value_low}))``'s NPV. 2k + 1 kernel rows,
    one call. Rows sorted by swing = |output_high − output_low|.
sobol
    First-order S1 and total ST indices with bootstrap confidence intervals, computed by SALib
    (Saltelli sampling, Saltelli 2010 / Jansen 1999 estimators) in u-space through each
    parameter's inverse CDF. Parameters can be grouped (:func:`resolve_groups`; by default by
    name prefix: all salaries, all scale exponents …), one S1/ST per group. N·(D + 2) kernel rows
    for D factors, chunked. Rank correlations are ignored (Sobol indices assume independent
    inputs); the Monte Carlo run honours them.

The Sobol wiring is tested on the Ishigami function through :func:`run_sensitivity`
(``tests/uncertainty/test_unc_model_sensitivity.py``).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from simulator.catalogue import parameters
from simulator.errors import InputError
from simulator.messages import Message, msg
from simulator.organisations import Organisations
from simulator.scenario import Scenario
from simulator.uncertainty import sensitivity as core
from simulator.uncertainty.distributions import Distribution
from simulator.uncertainty.model_mc import DEFAULT_CHUNK, max_chunk, prepare
from simulator.uncertainty.parse import whole_number
from simulator.uncertainty.scenario_inputs import DEFAULT_GROUPS, resolve_groups

METHODS = ("tornado", "sobol")
DEFAULT_SOBOL_N = 1024


def run_sensitivity(evaluate_scalar: Callable[[dict[str, np.ndarray]], np.ndarray],
                    distributions: Mapping[str, Distribution | Any], *, method: str = "tornado",
                    base_values: Mapping[str, float] | None = None, n: int = DEFAULT_SOBOL_N,
                    seed: int = 0, groups: Mapping[str, Sequence[str]] | None = None,
                    low: float = 0.1, high: float = 0.9, chunk_size: int = DEFAULT_CHUNK,
                    num_resamples: int = 100, conf_level: float = 0.95,
                    progress: Callable[[int, int], None] | None = None) -> pd.DataFrame:
    """Dispatch to :func:`simulator.uncertainty.sensitivity.tornado` or ``.sobol``.

    The one code path for every model: the scenario sensitivity and the Ishigami check both
    come through here. ``groups`` (already resolved to parameter names) only apply to Sobol.
    """
    if method == "tornado":
        return core.tornado(evaluate_scalar, distributions, base_values, low=low, high=high)
    if method == "sobol":
        return core.sobol(evaluate_scalar, distributions, n=n, seed=seed, groups=groups,
                          num_resamples=num_resamples, conf_level=conf_level,
                          chunk_size=chunk_size, progress=progress)
    raise InputError("method", _unknown_method(method))


def _unknown_method(method: object) -> Message:
    return msg("sensitivity.unknown_method", "unknown sensitivity method '{method}'; use tornado or sobol",
               method=str(method))


def sensitivity(scenario: Scenario | str | Path, *, method: str = "tornado",
                n: int = DEFAULT_SOBOL_N, seed: int = 0,
                groups: str | Mapping[str, Sequence[str]] | None = "default",
                organisations: Organisations | None = None, vary: str = "all",
                output: str = "npv", low: float = 0.1, high: float = 0.9,
                chunk_size: int | None = None, num_resamples: int = 100,
                progress: Callable[[int, int], None] | None = None) -> pd.DataFrame:
    """Sensitivity of a scenario's NPV (or net annual saving) to its uncertain parameters.

    Parameters
    ----------
    scenario
        A Scenario or the path of a scenario file.
    method
        ``"tornado"`` (one at a time, P10 ↔ P90) or ``"sobol"`` (global indices via SALib).
    n
        Sobol base sample (a power of two); N·(D + 2) kernel rows.
    seed
        Seeds the Sobol sequence and the bootstrap (same seed, same indices).
    groups
        Sobol factors: ``"default"`` (by name prefix, :data:`DEFAULT_GROUPS`), ``"none"`` (one
        factor per parameter) or a mapping ``group → [parameter or glob pattern, …]``.
    vary
        ``"all"`` or ``"scenario"``, as for :func:`~simulator.uncertainty.model_mc.monte_carlo`.
    output
        ``"npv"`` (€ over the horizon) or ``"net_saving"`` (steady-state €/year).
    low, high
        Tornado bar ends (quantiles).

    Returns
    -------
    pandas.DataFrame
        Tornado: parameter, group, unit, value_low, value_high, base_value, output_low,
        output_high, output_base, swing (largest swing first). Sobol: index factor, S1,
        S1_conf, ST, ST_conf, parameters (members of a group). ``attrs``: method, output,
        scenario, vary, seed, n, evaluations, model_version.
    """
    if method not in METHODS:
        raise InputError("method", _unknown_method(method))
    problem = prepare(scenario, organisations, vary)
    model = problem.model
    evaluate_scalar = problem.evaluator().scalar(output)
    if not problem.uncertain:
        raise InputError("uncertainty", msg("sensitivity.nothing_uncertain", "no parameter is uncertain in this "
                                            "scenario: nothing to analyse (use vary='all' or give distributions "
                                            "under uncertainty:)"))
    limit = max_chunk(model)
    chunk = min(DEFAULT_CHUNK, limit) if chunk_size is None else whole_number(chunk_size, "chunk_size")
    if chunk > limit:
        raise InputError("chunk_size", msg("sensitivity.chunk", "at most {limit} rows fit in memory at once",
                                           limit=int(limit)))
    resolved = resolve_groups(groups, list(problem.distributions)) if method == "sobol" else None
    frame = run_sensitivity(evaluate_scalar, problem.distributions, method=method,
                            base_values=problem.base, n=n, seed=seed, groups=resolved, low=low,
                            high=high, chunk_size=chunk, num_resamples=num_resamples,
                            progress=progress)
    from simulator.version import MODEL_VERSION

    attrs = dict(frame.attrs)
    if method == "tornado":
        cat = parameters()
        frame.insert(1, "group", [group_of(p) for p in frame["parameter"]])
        frame.insert(2, "unit", [cat[p].unit for p in frame["parameter"]])
    else:
        owner = attrs.get("groups", {})
        frame["parameters"] = [", ".join(p for p, g in owner.items() if g == f) for f in frame.index]
        frame = frame.sort_values("ST", ascending=False, kind="stable")
    frame.attrs = attrs | {"method": method, "output": output, "scenario": model.scenario.name,
                           "vary": vary, "seed": seed if method == "sobol" else None,
                           "model_version": MODEL_VERSION}
    return frame


def group_of(name: str) -> str:
    """The default group of a parameter (its own name when no prefix matches)."""
    for group, prefixes in DEFAULT_GROUPS.items():
        if name.startswith(prefixes):
            return group
    return name
