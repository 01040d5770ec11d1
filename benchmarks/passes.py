"""The yardstick of issue 15's Monte Carlo target: one multiply-add pass over a float64 array.

``y = a·x + b`` over a ``(draws, members, functions)`` array, written in place: what "the time of
30 multiply-add passes" means in ``bench_speed.py`` and ``bench_mc_versions.py``.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np


def multiply_add_pass(shape: tuple[int, ...]) -> Callable[[], None]:
    """A function doing one pass over arrays of ``shape`` (random ``x`` and ``b``, ``y`` reused)."""
    x = np.random.default_rng(0).random(shape)
    b = np.random.default_rng(1).random(shape)
    y = np.empty_like(x)

    def one_pass() -> None:
        np.multiply(x, 1.0001, out=y)
        np.add(y, b, out=y)

    return one_pass
