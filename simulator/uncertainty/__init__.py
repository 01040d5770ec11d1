"""Uncertainty layer: distributions, rank correlations, Monte Carlo driver, sensitivity.

Model-agnostic: everything here works on ``evaluate(params) -> outputs`` where ``params`` maps
parameter names to arrays with the draws on the leading axis (docs/ARCHITECTURE.md), so the same
kernel serves a single run, Monte Carlo and sensitivity analysis.

============================  ==================================================================
module                        job
============================  ==================================================================
``distributions``             Fixed, Uniform, Triangular, Pert, TruncNormal, LogNormal (ppf)
``parse``                     YAML / catalogue specs → distributions, with field-named errors
``correlation``               rank-correlation matrices: parse, validate, normal-scores factor
``sampling``                  uniforms in (0, 1), Gaussian copula / Iman–Conover, chunk-proof
``montecarlo``                chunked driver and :class:`MonteCarloResult`
``summary``                   P(NPV > 0), percentiles, convergence
``sensitivity``               tornado (one at a time) and Sobol indices (SALib)
============================  ==================================================================
"""

from __future__ import annotations

import importlib
from typing import Any

#: Public name → the module that defines it. Loaded on first access (PEP 562): checking a
#: scenario's ranges needs the distributions, not the Monte Carlo driver (pandas) nor Sobol (SALib).
_HOME = {
    "BLOCK_SIZE": "simulator.uncertainty.sampling",
    "Distribution": "simulator.uncertainty.distributions",
    "Fixed": "simulator.uncertainty.distributions",
    "LogNormal": "simulator.uncertainty.distributions",
    "MAX_DRAWS": "simulator.uncertainty.montecarlo",
    "METHODS": "simulator.uncertainty.sampling",
    "MonteCarloResult": "simulator.uncertainty.montecarlo",
    "Pert": "simulator.uncertainty.distributions",
    "RankCorrelation": "simulator.uncertainty.correlation",
    "Triangular": "simulator.uncertainty.distributions",
    "TruncNormal": "simulator.uncertainty.distributions",
    "Uniform": "simulator.uncertainty.distributions",
    "UniformStream": "simulator.uncertainty.sampling",
    "apply_rank_correlation": "simulator.uncertainty.sampling",
    "catalogue_distributions": "simulator.uncertainty.parse",
    "chunk_size_for": "simulator.uncertainty.montecarlo",
    "default_distribution": "simulator.uncertainty.parse",
    "parse_correlation": "simulator.uncertainty.correlation",
    "parse_distribution": "simulator.uncertainty.parse",
    "run_monte_carlo": "simulator.uncertainty.montecarlo",
    "sample_uniforms": "simulator.uncertainty.sampling",
    "sobol": "simulator.uncertainty.sensitivity",
    "summarise": "simulator.uncertainty.summary",
    "tornado": "simulator.uncertainty.sensitivity",
    "validate_correlation_matrix": "simulator.uncertainty.correlation",
}


def __getattr__(name: str) -> Any:
    if name in _HOME:
        value = getattr(importlib.import_module(_HOME[name]), name)
        globals()[name] = value  # later look-ups are plain attribute reads
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_HOME))


__all__ = [
    "BLOCK_SIZE",
    "MAX_DRAWS",
    "METHODS",
    "Distribution",
    "Fixed",
    "LogNormal",
    "MonteCarloResult",
    "Pert",
    "RankCorrelation",
    "Triangular",
    "TruncNormal",
    "Uniform",
    "UniformStream",
    "apply_rank_correlation",
    "catalogue_distributions",
    "chunk_size_for",
    "default_distribution",
    "parse_correlation",
    "parse_distribution",
    "run_monte_carlo",
    "sample_uniforms",
    "sobol",
    "summarise",
    "tornado",
    "validate_correlation_matrix",
]
