"""Shapley value: the axioms on random games, the definition by permutations, sampling."""

import numpy as np
import pytest
from games_cases import brute_force_shapley, games
from hypothesis import given, settings
from hypothesis import strategies as st

from simulator.games import CostGame
from simulator.games.synthetic import candidate_table, labour_pool_cost

TOL = 1e-8


@settings(deadline=None)
@given(games())
def test_efficiency(game):
    assert game.shapley().sum() == pytest.approx(game.grand_cost, abs=TOL * max(1, game.grand_cost))


@settings(deadline=None)
@given(games(max_players=5))
def test_matches_the_permutation_definition(game):
    assert game.shapley().to_numpy() == pytest.approx(brute_force_shapley(game), abs=1e-7)


@settings(deadline=None)
@given(games(min_players=2))
def test_symmetry(game):
    # make players 0 and 1 interchangeable: c'(S) = (c(S) + c(swap(S))) / 2
    masks = np.arange(1 << game.n)
    b0, b1 = masks & 1, (masks >> 1) & 1
    swapped = masks & ~3 | b0 << 1 | b1
    symmetric = CostGame(game.players, (game.costs + game.costs[swapped]) / 2)
    phi = symmetric.shapley()
    assert phi.iloc[0] == pytest.approx(phi.iloc[1], abs=1e-7)


@settings(deadline=None)
@given(games(max_players=5), st.integers(0, 5))
def test_null_player_gets_zero_and_changes_nothing(game, position):
    # insert a player at bit `position` who adds nothing to any coalition
    k = min(position, game.n)
    masks = np.arange(1 << (game.n + 1))
    without_k = (masks & ((1 << k) - 1)) | ((masks >> (k + 1)) << k)
    players = [*game.players[:k], "null", *game.players[k:]]
    bigger = CostGame(players, game.costs[without_k])
    phi = bigger.shapley()
    assert phi["null"] == pytest.approx(0, abs=1e-7)
    assert phi.drop("null").to_numpy() == pytest.approx(game.shapley().to_numpy(), abs=1e-7)


@settings(deadline=None)
@given(games(min_players=3, max_players=3), games(min_players=3, max_players=3))
def test_additivity(first, second):
    total = CostGame(first.players, first.costs + second.costs)
    expected = first.shapley().to_numpy() + second.shapley().to_numpy()
    assert total.shapley().to_numpy() == pytest.approx(expected, abs=1e-7)


def _synthetic_game(n, seed=1):
    candidates = candidate_table(n, seed=seed)
    cost_fn = labour_pool_cost(candidates.fte.to_numpy(), groups=candidates.subsector.to_numpy())
    return CostGame.from_cost_function(list(candidates.index), cost_fn), cost_fn


def test_sampled_is_close_to_exact_within_a_few_standard_errors():
    game, _ = _synthetic_game(10)
    exact = game.shapley()
    sampled = game.shapley(samples=3000, seed=7)
    errors = np.array([sampled.attrs["std_error"][p] for p in game.players])
    assert (errors > 0).all()
    z = (sampled - exact).to_numpy() / errors
    assert np.abs(z).max() < 4.5  # 10 players, each |z| > 4.5 has probability ~7e-6
    assert sampled.sum() == pytest.approx(game.grand_cost, rel=1e-12)
    assert sampled.attrs["method"] == "sampled" and sampled.attrs["samples"] == 3000


def test_sampling_is_reproducible_with_a_seed():
    game, _ = _synthetic_game(8)
    assert game.shapley(samples=50, seed=3).equals(game.shapley(samples=50, seed=3))


@settings(max_examples=10, deadline=None)
@given(st.integers(0, 2**32 - 1))
def test_sampled_through_cost_function_agrees_with_table_lookup(seed):
    # the lazy path (cost function on boolean prefixes) and the table path give the same estimate
    game, cost_fn = _synthetic_game(6, seed=seed % 1000)
    lazy = CostGame.from_cost_function(game.players, cost_fn, lazy=True)
    assert not lazy.is_exact
    table = game.shapley(samples=40, seed=seed)
    via_fn = lazy.shapley(samples=40, seed=seed)
    assert via_fn.to_numpy() == pytest.approx(table.to_numpy(), rel=1e-9, abs=1e-6)


def test_above_exact_limit_sampling_works():
    candidates = candidate_table(30, seed=2)
    cost_fn = labour_pool_cost(candidates.fte.to_numpy())
    game = CostGame.from_cost_function(list(candidates.index), cost_fn)
    assert not game.is_exact
    sampled = game.shapley(samples=200, seed=0)
    assert sampled.sum() == pytest.approx(game.grand_cost, rel=1e-12)
    assert len(sampled.attrs["std_error"]) == 30
    # keys that need only c(N), c({i}) and c(N \ {i}) work too
    for shares in (game.scrb(), game.proportional(), game.equal_split()):
        assert shares.sum() == pytest.approx(game.grand_cost, rel=1e-12)


def test_exact_twenty_players():
    game, _ = _synthetic_game(20)
    phi = game.shapley()
    assert phi.sum() == pytest.approx(game.grand_cost, rel=1e-10)
    sampled = game.shapley(samples=400, seed=1)
    errors = np.array(list(sampled.attrs["std_error"].values()))
    assert np.abs((sampled - phi).to_numpy() / errors).max() < 5
