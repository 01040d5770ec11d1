"""Shared cases for the games tests: MODEL.md §6 games and hypothesis strategies for random games."""

from __future__ import annotations

import itertools
import math

import numpy as np
from hypothesis import strategies as st

from simulator.games import CostGame

AIRPORT_NEEDS = {"p1": 8.0, "p2": 11.0, "p3": 13.0, "p4": 18.0}
FLATMATES = {("A",): 300, ("B",): 270, ("C",): 280, ("A", "B"): 410, ("A", "C"): 410,
             ("B", "C"): 410, ("A", "B", "C"): 550}


def airport() -> CostGame:
    """Littlechild & Owen (1973): a runway built for the most demanding member of each group."""
    players = list(AIRPORT_NEEDS)
    table = {s: max(AIRPORT_NEEDS[p] for p in s)
             for k in range(1, 5) for s in itertools.combinations(players, k)}
    return CostGame.from_table(players, table)


def flatmates() -> CostGame:
    return CostGame.from_table(["A", "B", "C"], FLATMATES)


def brute_force_shapley(game: CostGame) -> np.ndarray:
    """Average marginal cost over all n! orders (the definition, for small n)."""
    n, costs = game.n, game.costs
    phi = np.zeros(n)
    for order in itertools.permutations(range(n)):
        mask = 0
        for i in order:
            phi[i] += costs[mask | 1 << i] - costs[mask]
            mask |= 1 << i
    return phi / math.factorial(n)


@st.composite
def games(draw, min_players: int = 1, max_players: int = 6, kinds=("random", "concave", "airport")):
    """Random cost games: arbitrary tables, concave costs of a weight sum (core non-empty), airports."""
    n = draw(st.integers(min_players, max_players))
    kind = draw(st.sampled_from(kinds))
    size = 1 << n
    members = (np.arange(size)[:, None] >> np.arange(n)) & 1
    if kind == "random":
        values = draw(st.lists(st.floats(0, 1000, allow_nan=False, allow_infinity=False),
                               min_size=size - 1, max_size=size - 1))
        costs = np.r_[0.0, values]
    else:
        weights = np.array(draw(st.lists(st.floats(0.5, 100), min_size=n, max_size=n)))
        if kind == "concave":
            exponent = draw(st.floats(0.3, 1.0))
            costs = (members @ weights) ** exponent
        else:
            costs = np.where(members, weights, 0.0).max(axis=1)
    return CostGame([f"m{i}" for i in range(n)], costs)


def set_partitions(items):
    """Every partition of ``items`` into non-empty blocks (Bell(n) of them), for brute force."""
    if not items:
        yield []
        return
    first, rest = items[0], items[1:]
    for partition in set_partitions(rest):
        for k in range(len(partition)):
            yield [*partition[:k], [first, *partition[k]], *partition[k + 1:]]
        yield [[first], *partition]


def best_partition_by_brute_force(cost_fn, n: int, admits) -> float:
    """Best total benefit over every partition of ``range(n)`` whose pools are all admitted.

    A pool (block of two or more) has benefit Σ standalone − c(pool); ``admits(block, own, cost)``
    (``own`` the members' standalone costs) says whether the search may form it. Singletons are
    always allowed and add nothing.
    """
    import numpy as np

    standalone = cost_fn(np.eye(n, dtype=bool))
    best = 0.0
    for partition in set_partitions(list(range(n))):
        total = 0.0
        for block in partition:
            if len(block) == 1:
                continue
            mask = np.zeros((1, n), dtype=bool)
            mask[0, block] = True
            cost = cost_fn(mask)[0]
            own = standalone[block]
            if not admits(block, own, cost):
                total = -np.inf
                break
            total += own.sum() - cost
        best = max(best, total)
    return best
