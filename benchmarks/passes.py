"""Shared pieces of the speed benchmarks (issue 15).

- The yardstick of the Monte Carlo target: one multiply-add pass ``y = a·x + b`` over a
  ``(draws, members, functions)`` float64 array, written in place — what "the time of 30
  multiply-add passes" means in ``bench_speed.py`` and ``bench_mc_versions.py``.
- The command line of the before/after scripts that run two source trees alternately
  (``bench_mc_versions.py``, ``bench_partition_versions.py``).
"""

from __future__ import annotations

import argparse
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


def two_trees_parser(doc: str) -> argparse.ArgumentParser:
    """``BEFORE AFTER [--rounds N]``: two source trees measured alternately, ``N`` rounds."""
    parser = argparse.ArgumentParser(description=doc.splitlines()[0])
    parser.add_argument("before", help="source tree measured first in each round (e.g. an export of main)")
    parser.add_argument("after", help="source tree measured second (e.g. this working tree)")
    parser.add_argument("--rounds", type=int, default=1)
    return parser
