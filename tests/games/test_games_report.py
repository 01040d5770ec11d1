"""The per-member allocation report: every method side by side with IR, core and VAT flags."""

import pandas as pd
import pytest
from games_cases import airport, flatmates

from simulator.errors import InputError
from simulator.games import CostGame, allocation_report, allocation_summary
from simulator.games.report import METHODS
from simulator.games.synthetic import candidate_table, labour_pool_cost

COLUMNS = ["method", "key", "member", "pays", "standalone", "gain", "gain_pct", "individually_rational",
           "in_core", "blocking_coalition", "blocking_amount", "vat_status", "vat_safe", "vat_note"]


def test_shape_columns_and_totals():
    report = allocation_report(flatmates(), methods=METHODS)
    assert list(report.columns) == COLUMNS
    assert len(report) == len(METHODS) * 3
    assert report.groupby("method")["pays"].sum().to_numpy() == pytest.approx([550] * len(METHODS))
    assert (report["gain"] == report["standalone"] - report["pays"]).all()
    assert "not legal advice" in report.attrs["note"]


def test_flatmates_every_method_is_stable():
    report = allocation_report(flatmates(), methods=METHODS)
    assert report["individually_rational"].all()
    assert report["in_core"].all()
    assert (report["blocking_coalition"] == "").all()
    shapley = report[report.method == "shapley"].set_index("member")["pays"]
    assert shapley.round(2).tolist() == [191.67, 176.67, 181.67]


def test_vat_flags():
    report = allocation_report(flatmates(), methods=METHODS)
    status = report.groupby("method")["vat_status"].first()
    assert status[["proportional", "standalone", "equal"]].eq("safe").all()
    assert status[["shapley", "nucleolus", "scrb"]].eq("to document").all()
    assert report.loc[report.vat_status == "safe", "vat_safe"].all()
    assert not report.loc[report.vat_status != "safe", "vat_safe"].any()


def test_use_based_key_can_push_a_member_out():
    # B uses five times more than A or C: proportional to use, B pays 392.86 > 270 alone and leaves
    report = allocation_report(flatmates(), methods=("proportional",), weights={"A": 1, "B": 5, "C": 1})
    row = report.set_index("member").loc["B"]
    assert row["pays"] == pytest.approx(550 * 5 / 7)
    assert not row["individually_rational"]
    assert not row["in_core"]
    assert row["blocking_coalition"] == "B"
    assert row["blocking_amount"] == pytest.approx(550 * 5 / 7 - 270)
    assert row["key"] == "proportional to use" and row["vat_safe"]


def test_airport_equal_split_is_not_in_the_core():
    report = allocation_report(airport(), methods=("equal", "shapley"))
    equal = report[report.method == "equal"]
    assert not equal["in_core"].any()
    # 4.5 each: the three small users pay 13.5 for a runway that costs them 13 on their own
    assert equal["blocking_coalition"].iloc[0] == "p1 + p2 + p3"
    assert equal["blocking_amount"].iloc[0] == pytest.approx(0.5)
    assert report[report.method == "shapley"]["in_core"].all()


def test_summary_one_row_per_method():
    report = allocation_report(flatmates(), weights=[1, 5, 1])
    summary = allocation_summary(report)
    assert list(summary.index) == ["shapley", "nucleolus", "scrb", "proportional", "equal"]
    assert summary.loc["proportional", "members_worse_off"] == 1
    assert summary.loc["shapley", "members_worse_off"] == 0
    assert summary["total"].to_numpy() == pytest.approx([550] * 5)


def test_large_pool_report_uses_sampling_and_leaves_the_core_unchecked():
    candidates = candidate_table(24, seed=5)
    game = CostGame.from_cost_function(list(candidates.index), labour_pool_cost(candidates.fte.to_numpy()))
    report = allocation_report(game, methods=("shapley", "scrb", "proportional", "equal"), shapley_samples=100)
    assert report["in_core"].isna().all()
    assert report.groupby("method")["pays"].sum().to_numpy() == pytest.approx([game.grand_cost] * 4)
    assert "sampled, 100 orders" in report.loc[report.method == "shapley", "key"].iloc[0]
    with pytest.raises(InputError, match="exact limit"):
        allocation_report(game)  # the nucleolus needs every coalition


def test_unknown_method():
    with pytest.raises(InputError, match="unknown method"):
        allocation_report(flatmates(), methods=("shapley", "banzhaf"))


def test_a_member_paid_to_take_part_is_flagged_unsafe():
    # a pool cheaper than its cheapest member alone can give negative SCRB shares
    table = {("a",): 100, ("b",): 1, ("a", "b"): 50}
    report = allocation_report(CostGame.from_table(["a", "b"], table), methods=("scrb", "shapley"))
    assert isinstance(report, pd.DataFrame)
    negative = report[report.pays < 0]
    # b lowers the pool's cost by 50: SCRB and Shapley both pay it 24.5 to take part
    assert negative["member"].tolist() == ["b", "b"]
    assert negative["pays"].to_numpy() == pytest.approx([-24.5, -24.5])
    assert (negative["vat_status"] == "unsafe").all()
