"""Optional command groups (Monte Carlo, sensitivity, cost-sharing games) register here."""

from __future__ import annotations

import importlib

for _module in ("simulator.cli.uncertainty", "simulator.cli.games", "simulator.cli.brief"):
    try:
        importlib.import_module(_module)
    except ModuleNotFoundError as exc:  # module not written yet
        if exc.name != _module:
            raise
