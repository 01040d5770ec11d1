"""Bad inputs give an InputError naming the field and saying what to do."""

import numpy as np
import pytest
from games_cases import FLATMATES, flatmates

from simulator.errors import InputError, InputErrors
from simulator.games import EXACT_LIMIT, CostGame
from simulator.games.synthetic import candidate_table, labour_pool_cost


def test_missing_coalitions_are_listed():
    table = dict(FLATMATES)
    del table[("A", "B")], table[("B", "C")]
    with pytest.raises(InputError, match=r"2 of the 7 non-empty coalitions have no cost: \{A, B\}; \{B, C\}"):
        CostGame.from_table(["A", "B", "C"], table)


def test_many_missing_coalitions_are_summarised():
    with pytest.raises(InputError, match=r"1022 of the 1023 .* and 1017 more"):
        CostGame.from_table([f"p{i}" for i in range(10)], {("p0",): 1.0})


@pytest.mark.parametrize("bad", ["cheap", None, True, float("nan"), float("inf"), [1, 2]])
def test_non_numeric_or_non_finite_costs(bad):
    table = {**FLATMATES, ("A", "B"): bad}
    with pytest.raises(InputError) as error:
        CostGame.from_table(["A", "B", "C"], table)
    assert error.value.field == "costs[('A', 'B')]"
    assert "number" in error.value.message


def test_numpy_and_integer_costs_are_fine():
    table = {k: np.float32(v) if len(k) == 1 else int(v) for k, v in FLATMATES.items()}
    assert CostGame.from_table(["A", "B", "C"], table).grand_cost == 550


@pytest.mark.parametrize("players", [["A", "B", "A"], ("x", "x")])
def test_duplicate_players(players):
    with pytest.raises(InputError, match="duplicate name"):
        CostGame.from_table(players, {})


@pytest.mark.parametrize("players", ["ABC", [], None])
def test_players_must_be_a_list(players):
    with pytest.raises(InputError) as error:
        CostGame.from_table(players, FLATMATES)
    assert error.value.field == "players"


def test_unknown_player_repeated_player_and_twice_given_coalition_are_reported_together():
    table = {**FLATMATES, ("A", "Z"): 1, ("A", "A"): 2, ("C", "B"): 410}
    with pytest.raises(InputErrors) as errors:
        CostGame.from_table(["A", "B", "C"], table)
    text = str(errors.value)
    assert "unknown player(s) 'Z'" in text
    assert "listed twice" in text
    assert "given twice" in text
    assert len(errors.value) == 3


def test_empty_coalition_must_cost_zero():
    with pytest.raises(InputError, match="empty coalition must cost 0"):
        CostGame.from_table(["A", "B", "C"], {**FLATMATES, (): 5})
    assert CostGame.from_table(["A", "B", "C"], {**FLATMATES, (): 0}).grand_cost == 550


def test_more_players_than_the_exact_limit_without_sampling():
    candidates = candidate_table(EXACT_LIMIT + 5, seed=0)
    game = CostGame.from_cost_function(list(candidates.index), labour_pool_cost(candidates.fte.to_numpy()))
    with pytest.raises(InputError, match=r"25 members is above the exact limit of 20 .*shapley\(samples="):
        game.shapley()
    with pytest.raises(InputError, match="above the exact limit"):
        game.in_core(np.zeros(25))
    with pytest.raises(InputError, match="above the exact limit"):
        _ = game.costs
    with pytest.raises(InputError, match="above the exact limit"):
        CostGame.from_table(list(candidates.index), {})


def test_lazy_small_game_says_how_to_enumerate():
    game = CostGame.from_cost_function(["a", "b"], lambda m: m.sum(axis=1) * 1.0, lazy=True)
    with pytest.raises(InputError, match="lazy=False"):
        game.nucleolus()
    assert game.equal_split().tolist() == [1.0, 1.0]


@pytest.mark.parametrize("samples", [1, 0, 2.5, True])
def test_bad_sample_counts(samples):
    with pytest.raises(InputError) as error:
        flatmates().shapley(samples=samples)
    assert error.value.field == "samples"


def test_cost_function_returning_the_wrong_shape_or_nan():
    with pytest.raises(InputError, match=r"returned shape \(3, 1\)"):
        CostGame.from_cost_function(["a", "b"], lambda m: np.ones((m.shape[0], 1)))
    with pytest.raises(InputError, match=r"returned nan for coalition \{'b'\}"):
        CostGame.from_cost_function(["a", "b"], lambda m: np.where(m[:, 1] & ~m[:, 0], np.nan, 1.0))
    with pytest.raises(InputError, match="expected a function"):
        CostGame.from_cost_function(["a", "b"], "not callable")


def test_cost_function_is_called_in_chunks_without_the_empty_coalition():
    calls = []

    def cost_fn(masks):
        calls.append(masks.shape)
        assert masks.any(axis=1).all()
        return masks.sum(axis=1) ** 0.5

    game = CostGame.from_cost_function([f"p{i}" for i in range(10)], cost_fn, chunk=100)
    assert sum(shape[0] for shape in calls) == 1023 and max(shape[0] for shape in calls) == 100
    assert game.cost(["p0", "p3", "p7", "p9"]) == pytest.approx(2.0)


def test_bad_allocations_and_weights():
    game = flatmates()
    with pytest.raises(InputError, match="missing 'C'"):
        game.in_core({"A": 1, "B": 2})
    with pytest.raises(InputError, match="unknown 'D'"):
        game.in_core({"A": 1, "B": 2, "C": 3, "D": 4})
    with pytest.raises(InputError, match="one number per player"):
        game.in_core([1, 2])
    with pytest.raises(InputError, match="expected numbers"):
        game.in_core(["a", "b", "c"])
    with pytest.raises(InputError, match="non-negative with a positive total"):
        game.proportional([1, -1, 1])
    with pytest.raises(InputError, match="non-negative with a positive total"):
        game.proportional([0, 0, 0])
    with pytest.raises(InputError, match="unknown player"):
        game.cost(["A", "Q"])


def test_direct_constructor_checks_the_table():
    with pytest.raises(InputError, match="expected 8 costs"):
        CostGame(["a", "b", "c"], [0, 1, 2])
    with pytest.raises(InputError, match="empty coalition"):
        CostGame(["a"], [1, 2])
    with pytest.raises(InputError, match="NaN"):
        CostGame(["a"], [0, np.nan])


def test_from_scenario_with_a_cost_function_factory():
    candidates = candidate_table(5, seed=1)

    def factory(scenario):
        assert scenario == "my scenario"
        return list(candidates.index), labour_pool_cost(candidates.fte.to_numpy())

    game = CostGame.from_scenario("my scenario", cost_fn_factory=factory)
    assert game.players == tuple(candidates.index) and game.is_exact
