"""The recommended split: stable first, then fewest losers, then VAT-safe, then the simplest key."""

import pandas as pd
import pytest

from simulator.errors import InputError
from simulator.games import CostGame, allocation_report
from simulator.games.recommend import members_of, recommend_split

FLATMATES = {("A",): 300, ("B",): 270, ("C",): 280, ("A", "B"): 410, ("A", "C"): 410, ("B", "C"): 410,
             ("A", "B", "C"): 550}


def report_of(table, **attrs):
    game = CostGame.from_table(sorted({p for k in table for p in k}), table)
    report = allocation_report(game, methods=("shapley", "nucleolus", "scrb", "proportional", "equal"))
    report.attrs.update(attrs)
    return report


def test_every_split_stable_recommends_the_scenario_key():
    rec = recommend_split(report_of(FLATMATES))
    assert (rec.method, rec.reason, rec.stable, rec.members_worse_off) == ("proportional", "stable_safe", True, 0)


def test_only_the_nucleolus_is_stable():
    # B and C are cheap together (150): the core is x_A = 300, x_B, x_C in [70, 80]; the
    # proportional key (270, 90, 90) lets B + C save 30 by leaving; the nucleolus is (300, 75, 75).
    table = {("A",): 300, ("B",): 100, ("C",): 100, ("A", "B"): 380, ("A", "C"): 380, ("B", "C"): 150,
             ("A", "B", "C"): 450}
    report = report_of(table)
    rec = recommend_split(report)
    assert rec.method == "nucleolus"
    assert rec.reason == "stable_documented"
    assert members_of(report, "nucleolus")["pays"].round(6).tolist() == [300.0, 75.0, 75.0]


def test_vat_free_of_the_key_makes_any_stable_split_safe():
    table = {("A",): 300, ("B",): 100, ("C",): 100, ("A", "B"): 380, ("A", "C"): 380, ("B", "C"): 150,
             ("A", "B", "C"): 450}
    assert recommend_split(report_of(table, vat_regime="taxable")).reason == "stable_safe"


def test_empty_core_says_unstable_and_keeps_the_simplest_key():
    table = {("A",): 100, ("B",): 100, ("C",): 100, ("A", "B"): 120, ("A", "C"): 120, ("B", "C"): 120,
             ("A", "B", "C"): 200}
    rec = recommend_split(report_of(table))
    assert (rec.method, rec.reason, rec.stable, rec.members_worse_off) == ("proportional", "unstable", False, 0)


def test_fewest_losers_wins_over_vat_safety():
    # airport game (8, 11, 13, 18): equal shares (4.5) make the three small players together pay
    # 13.5 > 13, and player 1 pays less than alone... every split stable except equal.
    table = {}
    needs = {"A": 8, "B": 11, "C": 13, "D": 18}
    players = sorted(needs)
    from itertools import combinations
    for k in range(1, 5):
        for s in combinations(players, k):
            table[s] = max(needs[p] for p in s)
    rec = recommend_split(report_of(table))
    assert rec.stable is True and rec.method != "equal"


def test_extra_cost_is_what_a_member_pays_above_alone():
    report = report_of({("A",): 100, ("B",): 100, ("A", "B"): 230})
    rows = members_of(report, "equal")
    assert rows["extra_cost"].tolist() == pytest.approx([15.0, 15.0])


def test_empty_report_is_refused():
    with pytest.raises(InputError, match="report"):
        recommend_split(pd.DataFrame())
