"""Mutualise — shared-services cost simulation for Brussels social-health non-profits.

Public API::

    from simulator import load_scenario, simulate
    res = simulate(load_scenario("scenarios/a_medical_centres_employer_group.yaml"))
    res.summary, res.cashflows, res.members, res.waterfall, res.to_excel("out.xlsx")
"""

from simulator.api import load_scenario, simulate
from simulator.errors import InputError, InputErrors
from simulator.results import SimulationResult
from simulator.scenario import Scenario
from simulator.version import MODEL_VERSION, __version__

__all__ = [
    "MODEL_VERSION",
    "InputError",
    "InputErrors",
    "Scenario",
    "SimulationResult",
    "__version__",
    "load_scenario",
    "simulate",
]
