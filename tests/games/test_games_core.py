"""Core membership, blocking coalitions, and the bitmask helpers they rest on."""

import itertools

import numpy as np
import pytest
from games_cases import flatmates, games
from hypothesis import given, settings
from hypothesis import strategies as st

from simulator.games.coalitions import bool_to_int, int_to_bool, popcounts, submasks, subset_sums


@settings(deadline=None)
@given(st.lists(st.floats(-1e6, 1e6), min_size=0, max_size=10))
def test_subset_sums_match_the_definition(values):
    sums = subset_sums(values)
    n = len(values)
    for mask in range(1 << n):
        expected = sum(v for i, v in enumerate(values) if mask >> i & 1)
        assert sums[mask] == pytest.approx(expected, abs=1e-6)


def test_popcounts_and_mask_conversions():
    n = 7
    masks = np.arange(1 << n)
    assert (popcounts(n) == [bin(m).count("1") for m in masks]).all()
    rows = int_to_bool(masks, n)
    assert (bool_to_int(rows) == masks).all()
    assert rows[0b1010110].tolist() == [False, True, True, False, True, False, True]


@settings(deadline=None)
@given(st.integers(0, 2**12 - 1))
def test_submasks_are_every_subset_in_order(mask):
    subs = submasks(mask)
    members = [i for i in range(12) if mask >> i & 1]
    expected = sorted(sum(1 << i for i in c) for k in range(len(members) + 1)
                      for c in itertools.combinations(members, k))
    assert subs.tolist() == expected


def test_flatmates_blocking_pair_and_amount():
    game = flatmates()
    # A and B pay 250 each: together 500 > 410 alone — they walk away and save 90
    blocking = game.blocking_coalition({"A": 250, "B": 250, "C": 50})
    assert blocking is not None
    assert set(blocking.coalition) == {"A", "B"}
    assert blocking.amount == pytest.approx(90)
    players, amount = blocking  # unpacks like a tuple
    assert amount == blocking.amount and players == blocking.coalition
    assert not game.in_core([250, 250, 50])


def test_a_member_paying_more_than_alone_is_caught():
    game = flatmates()
    blocking = game.blocking_coalition([340, 105, 105])  # {A, B}: 445 - 410 = 35 < 40
    assert blocking.coalition == ("A",) and blocking.amount == pytest.approx(40)


def test_inefficient_allocation_is_not_in_the_core():
    game = flatmates()
    assert game.in_core([550 / 3] * 3)
    assert not game.in_core([180, 180, 180])  # sums to 540, not 550
    assert game.blocking_coalition([180, 180, 180]) is None  # no sub-group gains by leaving


@settings(deadline=None)
@given(games(min_players=2), st.data())
def test_blocking_coalition_is_the_largest_violation(game, data):
    x = np.array(data.draw(st.lists(st.floats(-500, 1500), min_size=game.n, max_size=game.n)))
    violation = subset_sums(x) - game.costs
    worst = violation[1:-1].max()
    blocking = game.blocking_coalition(x)
    if worst <= 1e-9 * max(1.0, np.abs(game.costs).max()):
        assert blocking is None
    else:
        assert blocking.amount == pytest.approx(worst)
        mask = sum(1 << game.players.index(p) for p in blocking.coalition)
        assert violation[mask] == pytest.approx(worst)
