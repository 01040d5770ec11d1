"""Pay only for what you use: importing the package and the command line loads no heavy library.

Each check runs a fresh interpreter (the test process itself has everything loaded already).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from fresh_python import modules_after

ROOT = Path(__file__).resolve().parents[1]
HEAVY = ("pandas", "scipy", "SALib", "rich", "pyarrow", "streamlit", "simulator.games",
         "simulator.uncertainty")


@pytest.mark.parametrize("code", [
    "import simulator",
    "import simulator.cli",
    "from simulator.cli import main\nmain(['--help'])",
])
def test_package_cli_and_help_load_no_heavy_library(code):
    loaded = modules_after(code)
    assert not [m for m in HEAVY if m in loaded]
    assert "numpy" not in loaded and "pydantic" not in loaded  # --help needs neither


def test_validate_loads_no_scipy_salib_rich_or_games():
    scenario = ROOT / "scenarios" / "a_medical_centres_employer_group.yaml"
    loaded = modules_after(f"from simulator.cli import main\nassert main(['validate', {str(scenario)!r}]) == 0")
    assert "simulator.model" in loaded  # it did validate
    assert not [m for m in ("scipy", "SALib", "rich", "simulator.games", "simulator.uncertainty")
                if m in loaded]


def test_lazy_names_resolve_and_unknown_names_fail():
    import simulator

    assert simulator.simulate.__module__ == "simulator.api"
    assert simulator.SimulationResult.__name__ == "SimulationResult"
    assert simulator.api.load_scenario is simulator.load_scenario
    assert set(simulator.__all__) <= set(dir(simulator))
    with pytest.raises(AttributeError, match="no attribute 'nope'"):
        simulator.nope  # noqa: B018
