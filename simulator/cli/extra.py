"""Optional command groups (Monte Carlo, sensitivity, cost-sharing games) register here."""

from __future__ import annotations

import importlib

_MODULES = ("simulator.cli.uncertainty", "simulator.cli.games", "simulator.cli.backtest", "simulator.cli.batch",
            "simulator.cli.funding", "simulator.cli.brief", "simulator.cli.examples")
for _module in _MODULES:
    try:
        importlib.import_module(_module)
    except ModuleNotFoundError as exc:  # module not written yet
        if exc.name != _module:
            raise
