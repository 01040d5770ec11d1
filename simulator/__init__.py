"""Mutualise — shared-services cost simulation for Brussels social-health non-profits.

Public API::

    from simulator import load_scenario, monte_carlo, simulate
    res = simulate(load_scenario("scenarios/a_medical_centres_employer_group.yaml"))
    res.summary, res.cashflows, res.members, res.waterfall, res.to_excel("out.xlsx")
    mc = monte_carlo(load_scenario("scenarios/a_medical_centres_employer_group.yaml"), draws=10_000, seed=1)
    mc.summary["p_npv_positive"], mc.npv, mc.member_probabilities, mc.fan
"""

from simulator.api import load_scenario, simulate
from simulator.errors import InputError, InputErrors
from simulator.results import SimulationResult
from simulator.scenario import Scenario
from simulator.version import MODEL_VERSION, __version__


def __getattr__(name: str):
    """``monte_carlo`` is imported on first use: the uncertainty layer loads scipy and SALib."""
    if name == "monte_carlo":
        from simulator.uncertainty.model_mc import monte_carlo

        return monte_carlo
    raise AttributeError(f"module 'simulator' has no attribute {name!r}")


__all__ = [
    "MODEL_VERSION",
    "InputError",
    "InputErrors",
    "Scenario",
    "SimulationResult",
    "__version__",
    "load_scenario",
    "monte_carlo",
    "simulate",
]
