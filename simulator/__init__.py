"""Mutualise — shared-services cost simulation for Brussels social-health non-profits.

Public API::

    from simulator import load_scenario, monte_carlo, simulate
    res = simulate(load_scenario("scenarios/a_medical_centres_employer_group.yaml"))
    res.summary, res.cashflows, res.members, res.waterfall, res.to_excel("out.xlsx")
    mc = monte_carlo(load_scenario("scenarios/a_medical_centres_employer_group.yaml"), draws=10_000, seed=1)
    mc.summary["p_npv_positive"], mc.npv, mc.member_probabilities, mc.fan

The engine loads on first use of a name (PEP 562): ``import simulator`` — and so the command
line's ``--help`` — costs no numpy, pydantic, pandas, scipy or SALib.
"""

import importlib
import importlib.util
from typing import TYPE_CHECKING

from simulator.errors import InputError, InputErrors
from simulator.version import MODEL_VERSION, __version__

if TYPE_CHECKING:
    from simulator.api import load_scenario, simulate
    from simulator.results import SimulationResult
    from simulator.scenario import Scenario
    from simulator.uncertainty.model_mc import monte_carlo

#: Public name → module that defines it, imported on first access.
_LAZY = {
    "load_scenario": "simulator.api",
    "simulate": "simulator.api",
    "Scenario": "simulator.scenario",
    "SimulationResult": "simulator.results",  # results are pandas frames
    "monte_carlo": "simulator.uncertainty.model_mc",  # the uncertainty layer loads scipy and SALib
}


def __getattr__(name: str):
    """Import a public name, or a submodule (``simulator.api``), on first access."""
    if name in _LAZY:
        value = getattr(importlib.import_module(_LAZY[name]), name)
        globals()[name] = value  # later look-ups skip this function
        return value
    if not name.startswith("_") and importlib.util.find_spec(f"{__name__}.{name}") is not None:
        return importlib.import_module(f"{__name__}.{name}")
    raise AttributeError(f"module 'simulator' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted({*globals(), *_LAZY})


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
