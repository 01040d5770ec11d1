"""The policymaker's view: funding options compared across a population of ASBLs (MODEL.md §3.10).

>>> from simulator.sector import generate_population, load_funding_options, compare_funding
>>> options = load_funding_options("scenarios/funding/funding_options.yaml")
>>> result = compare_funding(options, generate_population(1000, seed=1), draws=200)  # doctest: +SKIP
>>> result.records[0]["option"]                                                      # doctest: +SKIP
'no_funding'

Modules: :mod:`population` (seeded synthetic ASBLs, calibrated), :mod:`options` (the options
file), :mod:`pools` (candidate pools by rule), :mod:`evaluate` (one pool through the kernel,
funding applied on top), :mod:`formation` (participation, eligibility, budget), :mod:`outcomes`
(per-option sector figures, paired over the same draws).
"""

from simulator.sector.options import FundingOption, FundingOptions, load_funding_options
from simulator.sector.outcomes import SectorComparison, compare_funding
from simulator.sector.population import Population, calibration, generate_population, read_population

__all__ = ["FundingOption", "FundingOptions", "Population", "SectorComparison", "calibration",
           "compare_funding", "generate_population", "load_funding_options", "read_population"]
