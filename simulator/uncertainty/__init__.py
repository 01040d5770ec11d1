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

from simulator.uncertainty.correlation import (
    RankCorrelation,
    parse_correlation,
    validate_correlation_matrix,
)
from simulator.uncertainty.distributions import (
    Distribution,
    Fixed,
    LogNormal,
    Pert,
    Triangular,
    TruncNormal,
    Uniform,
)
from simulator.uncertainty.montecarlo import (
    MAX_DRAWS,
    MonteCarloResult,
    chunk_size_for,
    run_monte_carlo,
)
from simulator.uncertainty.parse import (
    catalogue_distributions,
    default_distribution,
    parse_distribution,
)
from simulator.uncertainty.sampling import (
    BLOCK_SIZE,
    METHODS,
    UniformStream,
    apply_rank_correlation,
    sample_uniforms,
)
from simulator.uncertainty.sensitivity import sobol, tornado
from simulator.uncertainty.summary import summarise

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
