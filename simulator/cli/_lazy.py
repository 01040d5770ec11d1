"""The engine's entry points for the commands, loaded on first call.

``mutualise --help`` and command registration must not pay for numpy, pydantic, the kernel or
pandas: a command module imports these thin stand-ins at module level, and the engine is
imported the first time a command actually runs one of them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pandas as pd

    from simulator.results import SimulationResult
    from simulator.scenario import Scenario


def load_scenario(*args: Any, **kwargs: Any) -> Scenario:
    """:func:`simulator.api.load_scenario`, imported on first use."""
    from simulator.api import load_scenario as real

    return real(*args, **kwargs)


def simulate(*args: Any, **kwargs: Any) -> SimulationResult:
    """:func:`simulator.api.simulate`, imported on first use."""
    from simulator.api import simulate as real

    return real(*args, **kwargs)


def parameter_catalogue() -> pd.DataFrame:
    """:func:`simulator.catalogue.parameter_catalogue`, imported on first use."""
    from simulator.catalogue import parameter_catalogue as real

    return real()
