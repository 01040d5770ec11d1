"""Which parameters vary in a scenario's Monte Carlo run, how, and with which correlations.

A scenario's uncertainty is built in three layers, later layers winning (MODEL.md §3.9):

1. **Catalogue defaults.** Every parameter of ``simulator/data/parameters.yaml`` has a default
   distribution: its ``dist:`` entry if it has one, else a triangular on (low, value, high);
   a parameter whose range is a single point (low = value = high) is fixed.
2. **The scenario's own values are fixed.** A parameter the scenario sets under ``parameters:``
   *without* giving it a distribution is held at that value in every draw: the user chose the
   number (a known rent, a negotiated price), so the catalogue's generic range no longer
   describes it. To keep such a parameter uncertain, give it a distribution under
   ``uncertainty:`` (for instance around the chosen value).
3. **The scenario's ``uncertainty:`` entries** (``name: spec``, see
   :mod:`simulator.uncertainty.parse`) replace whatever the first two layers said.

``vary="scenario"`` skips layer 1: only the ``uncertainty:`` entries vary, everything else stays
at the scenario's value — useful to study one named doubt at a time.

Every distribution must stay inside the parameter's hard bounds (``min``/``max`` in the
catalogue) for every draw the sampler can produce (u ∈ [2⁻⁵³, 1 − 2⁻⁵³]); an unbounded normal
on a rate, say, must be truncated. ``correlations:`` (pairs or a matrix, see
:mod:`simulator.uncertainty.correlation`) may only name parameters that vary in the run.

Sobol groups (:func:`resolve_groups`) gather parameters into factors, by default by the prefix
of their name (all salaries, all scale exponents, all premises parameters …).
"""

from __future__ import annotations

import fnmatch
import math
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np

from simulator.catalogue import Parameter, parameters, suggest
from simulator.errors import InputError
from simulator.messages import did_you_mean, msg
from simulator.uncertainty.correlation import RankCorrelation, parse_correlation
from simulator.uncertainty.distributions import Distribution, Fixed
from simulator.uncertainty.parse import default_distribution, parse_distribution
from simulator.uncertainty.sampling import U_MIN

VARY = ("all", "scenario")

#: Default Sobol groups: group name → name prefixes of its parameters. A parameter matching no
#: prefix is a factor on its own.
DEFAULT_GROUPS: dict[str, tuple[str, ...]] = {
    "salaries": ("salary.", "employer_cost."),
    "scale_exponents": ("scale_exponent.",),
    "labour": ("labour.", "work.", "hidden_time."),
    "reception": ("reception.",),
    "purchasing": ("purchasing.",),
    "software": ("software.",),
    "premises": ("premises.",),
    "setup": ("setup.", "vehicle_creation."),
    "coordination": ("coordination.", "governance."),
    "vat_and_margin": ("vat.", "provider."),
    "exit": ("exit.",),
    "finance": ("finance.",),
    "frontline": ("frontline.",),
}


def _check_vary(vary: str) -> None:
    if vary not in VARY:
        raise InputError("vary", f"unknown choice {vary!r}; use 'all' (catalogue ranges and the "
                         "scenario's uncertainty:) or 'scenario' (only the scenario's uncertainty:)")


def _check_support(dist: Distribution, p: Parameter, field: str) -> None:
    """Every value the sampler can draw must lie within the parameter's hard bounds.

    A distribution whose declared range (``low``–``high``, or a fixed value) lies within the
    bounds passes at once: every draw falls in that range. Otherwise the extreme draws decide,
    ppf(U_MIN) and ppf(1 − U_MIN) — an unbounded tail, or a range end outside the bounds that the
    sampler may still never reach. The shortcut keeps checking a PERT range (``mutualise
    validate``, the app's forms) from computing a Beta inverse, and so from importing scipy.
    """
    low = getattr(dist, "low", getattr(dist, "value", -math.inf))
    high = getattr(dist, "high", getattr(dist, "value", math.inf))
    if p.min <= low and high <= p.max:
        return
    lo, hi = (float(v) for v in dist.ppf(np.array([U_MIN, 1.0 - U_MIN])))
    if lo < p.min:
        raise InputError(field, msg("distribution.below_min", "this distribution can draw {value} {unit}, below "
                                    "the valid minimum {bound}: raise its low end (or truncate it with low:)",
                                    value=lo, unit=p.unit, bound=p.min))
    if hi > p.max:
        raise InputError(field, msg("distribution.above_max", "this distribution can draw {value} {unit}, above "
                                    "the valid maximum {bound}: lower its high end (or truncate it with high:)",
                                    value=hi, unit=p.unit, bound=p.max))


def parse_uncertainty(spec: Mapping[str, Any] | None) -> dict[str, Distribution]:
    """The scenario's ``uncertainty:`` mapping as validated distributions.

    Raises
    ------
    InputError
        ``uncertainty.<name>`` for an unknown parameter (with a suggestion), a malformed spec
        (``uncertainty.<name>.high`` …) or a distribution reaching outside the parameter's hard
        bounds.
    """
    cat = parameters()
    out: dict[str, Distribution] = {}
    if spec is None:
        return out
    if not isinstance(spec, Mapping):
        raise InputError("uncertainty", msg("distribution.mapping", "expected a mapping parameter name → distribution"))
    for name, raw in spec.items():
        field = f"uncertainty.{name}"
        if name not in cat:
            raise InputError(field, msg("parameter.unknown", "unknown parameter{hint}",
                                        hint=did_you_mean(str(name), list(cat))))
        dist = parse_distribution(raw, field)
        _check_support(dist, cat[name], field)
        out[name] = dist
    return out


def parse_scenario_correlation(spec: Any) -> RankCorrelation | None:
    """The scenario's ``correlations:`` as a validated matrix over catalogue parameters."""
    corr = parse_correlation(spec, "correlations")
    if corr is not None:
        cat = parameters()
        for name in corr.names:
            if name not in cat:
                raise InputError(f"correlations.{name}", msg("parameter.unknown", "unknown parameter{hint}",
                                                             hint=did_you_mean(name, list(cat))))
    return corr


def validate_scenario_uncertainty(uncertainty: Mapping[str, Any] | None,
                                  correlations: Any) -> list[InputError]:
    """Problems in a scenario's ``uncertainty:`` and ``correlations:`` (empty list = fine).

    Called by :class:`simulator.scenario.Scenario` when it validates itself, so that a bad range
    is reported when the file is loaded, not when Monte Carlo runs.
    """
    errors: list[InputError] = []
    for name, raw in (uncertainty or {}).items():
        try:
            parse_uncertainty({name: raw})
        except InputError as exc:
            errors.append(exc)
    try:
        parse_scenario_correlation(correlations)
    except InputError as exc:
        errors.append(exc)
    return errors


def scenario_distributions(scenario: Any, vary: str = "all") -> dict[str, Distribution]:
    """One distribution per catalogue parameter for ``scenario`` (fixed ones included).

    Parameters
    ----------
    scenario
        A :class:`simulator.scenario.Scenario`.
    vary
        ``"all"``: catalogue defaults, the scenario's fixed values, its ``uncertainty:``
        entries (module docstring). ``"scenario"``: only the ``uncertainty:`` entries vary.
    """
    _check_vary(vary)
    values = scenario.parameter_set()
    chosen = set(scenario.parameters)
    out: dict[str, Distribution] = {}
    for name, p in parameters().items():
        if vary == "all" and name not in chosen:
            out[name] = default_distribution(p.value, p.low, p.high, p.dist, f"parameters.{name}")
        else:
            out[name] = Fixed(values[name])
    out.update(parse_uncertainty(scenario.uncertainty))
    return out


def distribution_source(scenario: Any, name: str, vary: str = "all") -> str:
    """Where a parameter's distribution comes from: ``scenario``, ``fixed`` or ``catalogue``."""
    if name in scenario.uncertainty:
        return "scenario"
    if vary == "scenario" or name in scenario.parameters:
        return "fixed"
    return "catalogue"


def scenario_correlation(scenario: Any, uncertain: Sequence[str]) -> RankCorrelation | None:
    """The scenario's correlations, checked against the parameters that vary in this run."""
    corr = parse_scenario_correlation(scenario.correlations)
    if corr is None:
        return None
    for name in corr.names:
        if name not in uncertain:
            raise InputError(f"correlations.{name}", msg(
                "correlation.fixed_parameter", "this parameter does not vary in this run (it is set under "
                "parameters: without a distribution, its range is a single value, or only the scenario's "
                "uncertainty: varies): give it a distribution under uncertainty: or remove it from the correlations"))
    return corr


def resolve_groups(groups: str | Mapping[str, Sequence[str]] | None,
                   names: Sequence[str]) -> dict[str, list[str]] | None:
    """Sobol groups over ``names`` (the parameters with a distribution).

    Parameters
    ----------
    groups
        ``"default"`` (:data:`DEFAULT_GROUPS`, by name prefix), ``"none"`` or None (every
        parameter is its own factor), or a mapping ``group → [parameter or glob pattern, …]``,
        e.g. ``{"hr": ["salary.hr_officer", "scale_exponent.payroll_hr"], "rents": ["premises.*"]}``.
        Parameters left out of every group stay factors on their own.
    names
        Parameters that have a distribution (fixed ones are allowed in groups and ignored).
    """
    if groups is None or groups == "none":
        return None
    if groups == "default":
        out: dict[str, list[str]] = {}
        for group, prefixes in DEFAULT_GROUPS.items():
            members = [n for n in names if n.startswith(prefixes)]
            if members:
                out[group] = members
        return out
    if not isinstance(groups, Mapping):
        raise InputError("groups", f"expected 'default', 'none' or a mapping group → parameters, "
                         f"got {groups!r}")
    out = {}
    for group, patterns in groups.items():
        if isinstance(patterns, str) or not isinstance(patterns, Sequence) or not patterns:
            raise InputError(f"groups.{group}", "expected a non-empty list of parameter names")
        members = []
        for pattern in patterns:
            found = fnmatch.filter(names, pattern) if any(c in pattern for c in "*?[") else (
                [pattern] if pattern in names else [])
            if not found:
                raise InputError(f"groups.{group}", f"no parameter matches {pattern!r}"
                                 + suggest(pattern, list(names)))
            members += [m for m in found if m not in members]
        out[str(group)] = members
    return out
