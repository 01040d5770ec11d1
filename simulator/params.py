"""Parameter values as kernel arrays: every parameter becomes an array with a leading batch axis.

A single run passes a :class:`~simulator.catalogue.ParameterSet` (scalars → shape ``(1,)``);
Monte Carlo passes a mapping of ``(B,)`` draws for the parameters it varies, on top of the
scenario's values. :class:`ParamArrays` merges and checks the shapes once, so mechanisms can
assume ``(B,)`` arrays.
"""

from __future__ import annotations

import threading
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
        out = np.empty((self.B, 1, len(fids)))
        for j, f in enumerate(fids):  # loop over functions (few); a column assignment broadcasts (1,) draws
            out[:, 0, j] = self._v[template.format(f)]
        return out


#: The defaults' arrays of the last few parameter sets run without draws, so a single run does not
#: rebuild ~90 parameter arrays (about a tenth of a one-run kernel call). Keyed by identity; the
#: lock keeps eviction safe when runs share a thread pool (the cost game) or Streamlit's threads.
_DEFAULT_ARRAYS: dict[int, tuple[object, ParamArrays]] = {}
_DEFAULT_LOCK = threading.Lock()


def default_arrays(params: Mapping[str, float]) -> ParamArrays:
    """``ParamArrays(params)``, built once per parameter set object and read-only (a stage that
    wrote into a parameter array would raise instead of corrupting the next run)."""
    hit = _DEFAULT_ARRAYS.get(id(params))
    if hit is not None and hit[0] is params:
        return hit[1]
    arrays = ParamArrays(params)
    for v in arrays._v.values():
        v.flags.writeable = False
    with _DEFAULT_LOCK:
        if len(_DEFAULT_ARRAYS) >= 64:
            _DEFAULT_ARRAYS.pop(next(iter(_DEFAULT_ARRAYS)))
        _DEFAULT_ARRAYS[id(params)] = (params, arrays)
    return arrays
