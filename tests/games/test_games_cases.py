"""MODEL.md §6 validation games: airport (Littlechild & Owen 1973) and the three flatmates."""

import numpy as np
import pytest
from games_cases import AIRPORT_NEEDS, airport, flatmates

from simulator.games import CostGame


def test_airport_shapley_is_2_3_4_9():
    assert airport().shapley().tolist() == pytest.approx([2, 3, 4, 9])


def test_airport_nucleolus_follows_littlechild():
    # Littlechild (1974): the smallest players share the cheapest runway section level by level:
    # min_k c_k / (k + 1) = 13/4 for the three smallest, the largest pays the rest.
    assert airport().nucleolus().tolist() == pytest.approx([3.25, 3.25, 3.25, 8.25])


def test_airport_core_is_not_empty_and_shapley_is_in_it():
    game = airport()
    assert game.least_core().epsilon < 0
    assert game.in_core(game.shapley())
    assert game.blocking_coalition(game.shapley()) is None


def test_flatmates_shapley():
    assert flatmates().shapley().round(2).tolist() == [191.67, 176.67, 181.67]


def test_flatmates_nucleolus_is_equal_split():
    nucleolus = flatmates().nucleolus()
    assert nucleolus.tolist() == pytest.approx([550 / 3] * 3, abs=1e-9)
    assert nucleolus.sum() == pytest.approx(550, abs=1e-12)
    assert nucleolus.attrs["kind"] == "nucleolus"


def test_flatmates_least_core_value():
    # excess of every pair at the equal split is 410 - 2·550/3 = 43.33: the least-core value is -43.33
    least = flatmates().least_core()
    assert least.epsilon == pytest.approx(-(410 - 2 * 550 / 3))
    assert not least.core_is_empty


def test_flatmates_scrb_by_hand():
    # SC = 550 - 410 = 140 each; NSC = 130; remaining benefits 160, 130, 140 (total 430)
    expected = [140 + 130 * 160 / 430, 140 + 130 * 130 / 430, 140 + 130 * 140 / 430]
    assert flatmates().scrb().tolist() == pytest.approx(expected)


def test_proportional_and_equal_split_sum_to_the_pool_cost():
    game = flatmates()
    assert game.proportional().tolist() == pytest.approx([550 * c / 850 for c in (300, 270, 280)])
    assert game.proportional({"A": 1, "B": 1, "C": 2}).tolist() == pytest.approx([137.5, 137.5, 275])
    assert game.equal_split().sum() == pytest.approx(550)


def test_two_player_table_in_any_key_order_and_key_type():
    table = {frozenset({"b", "a"}): 15, "a": 10, ("b",): 8}
    game = CostGame.from_table(["a", "b"], table)
    assert game.shapley().tolist() == [8.5, 6.5]
    assert game.cost(["b", "a"]) == 15
    assert game.standalone().tolist() == [10, 8]


def test_series_are_indexed_by_member():
    shares = airport().shapley()
    assert list(shares.index) == list(AIRPORT_NEEDS)
    assert shares.index.name == "member"
    assert shares.attrs["std_error"] == dict.fromkeys(AIRPORT_NEEDS, 0.0)


def test_single_player_game():
    game = CostGame.from_table(["solo"], {("solo",): 42.0})
    for method in (game.shapley, game.nucleolus, game.scrb, game.equal_split, game.proportional):
        assert method().tolist() == [42.0]
    assert game.in_core([42.0])
    assert game.blocking_coalition([42.0]) is None
    assert np.isneginf(game.least_core().epsilon)
