"""Parameter values as kernel arrays: every parameter becomes an array with a leading batch axis.

A single run passes a :class:`~simulator.catalogue.ParameterSet` (scalars → shape ``(1,)``);
Monte Carlo passes a mapping of ``(B,)`` draws for the parameters it varies, on top of the
scenario's values. :class:`ParamArrays` merges and checks the shapes once, so mechanisms can
assume ``(B,)`` arrays.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np

from simulator.catalogue import parameters


class ParamArrays:
    """Read-only view: ``p["name"]`` → ``(B,)``; ``p.col(name)`` → ``(B, 1, 1)``."""

    def __init__(self, base: Mapping[str, float], draws: Mapping[str, np.ndarray] | None = None):
        cat = parameters()
        sizes = set()
        self._v: dict[str, np.ndarray] = {}
        for name, value in base.items():
            self._v[name] = np.atleast_1d(np.asarray(value, dtype=float))
        for name, value in (draws or {}).items():
            if name not in cat:
                raise KeyError(f"unknown parameter {name!r}")
            arr = np.atleast_1d(np.asarray(value, dtype=float))
            if arr.ndim != 1:
                raise ValueError(f"parameter draws must be 1-D, {name!r} has shape {arr.shape}")
            self._v[name] = arr
            sizes.add(arr.shape[0])
        sizes.discard(1)
        if len(sizes) > 1:
            raise ValueError(f"parameter draws have different lengths: {sorted(sizes)}")
        self.B = sizes.pop() if sizes else 1

    def __getitem__(self, name: str) -> np.ndarray:
        return self._v[name]

    def col(self, name: str) -> np.ndarray:
        """``(B, 1, 1)`` for broadcasting against ``(B, n, K)``."""
        return self._v[name][:, None, None]

    def per_function(self, template: str, fids) -> np.ndarray:
        """``(B, 1, K)`` stacking ``template.format(f)`` over functions."""
        cols = [np.broadcast_to(self._v[template.format(f)], (self.B,)) for f in fids]
        return np.stack(cols, axis=-1)[:, None, :] if cols else np.zeros((self.B, 1, 0))
