"""Reading the YAML files bundled in ``simulator/data/`` fast: libyaml's C parser when present.

The bundled catalogues (parameters, functions, vehicles…) are the model's own trusted files,
read once per process. PyYAML's pure-Python parser takes about 50 ms for ``parameters.yaml``
alone — a third of a ``mutualise validate`` process (issue 15); libyaml's ``CSafeLoader``
builds the same Python objects (plain types only, same safe constructor) in about a ninth of
the time. Without libyaml, the pure-Python ``SafeLoader`` is used: same result, slower.

Scenario files written by users are *not* read here: they go through
:mod:`simulator.safe_yaml` (alias, depth and duplicate-key limits).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

#: The loader used: libyaml's C safe loader when PyYAML was built with it.
LOADER: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_bundled(path: str | Path) -> Any:
    """The content of a bundled YAML file (UTF-8), as ``yaml.safe_load`` would give it."""
    with open(path, encoding="utf-8") as handle:
        return yaml.load(handle, Loader=LOADER)  # a safe loader: plain types only
