"""Nucleolus and least core: stability properties on random games, limits."""

import numpy as np
import pytest
from games_cases import games
from hypothesis import given, settings
from hypothesis import strategies as st

from simulator.errors import InputError
from simulator.games import NUCLEOLUS_LIMIT, CostGame
from simulator.games.coalitions import subset_sums
from simulator.games.synthetic import candidate_table, labour_pool_cost


def _tol(game):
    return 1e-6 * max(1.0, float(np.abs(game.costs).max()))


def _sorted_excesses(game, x):
    excess = game.costs - subset_sums(np.asarray(x))
    return np.sort(excess[1:-1])


@settings(deadline=None)
@given(games())
def test_nucleolus_is_efficient(game):
    assert game.nucleolus().sum() == pytest.approx(game.grand_cost, abs=_tol(game))


@settings(deadline=None)
@given(games())
def test_nucleolus_is_in_the_core_whenever_the_core_is_not_empty(game):
    least = game.least_core()
    if least.epsilon <= 0:
        nucleolus = game.nucleolus()
        assert game.in_core(nucleolus, tol=_tol(game))
        assert game.blocking_coalition(nucleolus, tol=_tol(game)) is None


@settings(deadline=None)
@given(games(kinds=("concave", "airport")))
def test_concave_and_airport_games_have_a_core(game):
    # submodular cost games are convex games: the core is non-empty and holds the Shapley value
    assert game.least_core().epsilon <= _tol(game)
    assert game.in_core(game.shapley(), tol=_tol(game))


@settings(deadline=None)
@given(games(min_players=2))
def test_least_core_allocation_meets_its_epsilon(game):
    least = game.least_core()
    x = least.allocation.to_numpy()
    assert x.sum() == pytest.approx(game.grand_cost, abs=_tol(game))
    violation = subset_sums(x) - game.costs
    assert violation[1:-1].max() <= least.epsilon + _tol(game)
    assert least.core_is_empty == (least.epsilon > 1e-9 * max(1.0, float(np.abs(game.costs).max())))


@settings(deadline=None)
@given(games())
def test_nucleolus_is_individually_rational_when_imputations_exist(game):
    standalone = game.standalone().to_numpy()
    nucleolus = game.nucleolus()
    if standalone.sum() >= game.grand_cost + _tol(game):
        assert nucleolus.attrs["kind"] == "nucleolus"
    elif standalone.sum() < game.grand_cost - _tol(game):
        assert nucleolus.attrs["kind"] == "prenucleolus"
    if nucleolus.attrs["kind"] == "nucleolus":
        assert (nucleolus.to_numpy() <= standalone + _tol(game)).all()


@settings(deadline=None, max_examples=60)
@given(games(min_players=2, max_players=5), st.integers(0, 2**32 - 1))
def test_no_nearby_imputation_has_lexicographically_better_excesses(game, seed):
    """The nucleolus maximises the sorted excess vector lexicographically (Schmeidler 1969)."""
    x = game.nucleolus().to_numpy()
    standalone = game.standalone().to_numpy()
    imputations = standalone.sum() >= game.grand_cost
    theta_x = _sorted_excesses(game, x)
    rng = np.random.default_rng(seed)
    scale = max(1.0, float(np.abs(game.costs).max()))
    tol = 1e-7 * scale  # LP accuracy; the smallest step moves excesses by about 1e-3 · scale
    for step in scale * np.array([1e-3, 1e-2, 1e-1, 1.0]):
        for _ in range(20):
            d = rng.normal(size=game.n)
            d -= d.mean()
            y = x + step * d
            if imputations and (y > standalone).any():
                continue
            theta_y = _sorted_excesses(game, y)
            differs = np.flatnonzero(np.abs(theta_x - theta_y) > tol)
            assert differs.size == 0 or theta_x[differs[0]] > theta_y[differs[0]]


def test_nucleolus_levels_increase():
    candidates = candidate_table(8, seed=4)
    game = CostGame.from_cost_function(list(candidates.index), labour_pool_cost(candidates.fte.to_numpy()))
    nucleolus = game.nucleolus()
    levels = nucleolus.attrs["levels"]
    assert levels == sorted(levels)
    # over imputations the first level can only be lower than the least core's -epsilon
    assert nucleolus.attrs["kind"] == "nucleolus"
    assert levels[0] <= -game.least_core().epsilon + 1e-6


def test_above_the_lp_limit_is_a_clear_error():
    n = NUCLEOLUS_LIMIT + 1
    candidates = candidate_table(n, seed=4)
    game = CostGame.from_cost_function(list(candidates.index), labour_pool_cost(candidates.fte.to_numpy()))
    for method in (game.nucleolus, game.least_core):
        with pytest.raises(InputError, match=f"above the limit of {NUCLEOLUS_LIMIT}"):
            method()
    assert game.shapley().sum() == pytest.approx(game.grand_cost)  # exact Shapley still fine
