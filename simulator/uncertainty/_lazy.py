"""scipy on first use: ``special = lazy_module("scipy.special")`` reads like the module itself.

Checking a scenario's ranges (``mutualise validate``, the app's form) builds distributions but
never draws from them; importing ``scipy.stats`` costs about 0.7 s of CPU, seven times a numpy
import. The distributions, the Beta inverse CDF and the samplers therefore reach scipy through
this proxy: the first attribute looked up imports the module, later ones find it in
``sys.modules``.
"""

from __future__ import annotations

import importlib
from types import ModuleType
from typing import Any


class LazyModule:
    """Stands for the module named ``name`` and imports it when an attribute is first read."""

    def __init__(self, name: str):
        self._name = name

    def __getattr__(self, attr: str) -> Any:
        module: ModuleType = importlib.import_module(self._name)
        return getattr(module, attr)

    def __repr__(self) -> str:
        return f"<lazy module {self._name!r}>"


def lazy_module(name: str) -> LazyModule:
    """A proxy for ``import name`` that imports on first attribute access."""
    return LazyModule(name)
