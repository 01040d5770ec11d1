"""Back-test against documented pooling cases (issue 16): case format, metrics, coverage.

Hand-computed values: a two-member pool of identical members with scale exponent b = 0.5, no
post rounding and no coordination post saves 1 − √2/2 of the function's cost (W_pool = √2·w,
MODEL.md §3.6 validation case); an exit hazard h gives 1 − (1 − h)^y members gone by year y.
"""

from __future__ import annotations

import csv
import json
import math
import shutil
from pathlib import Path

import numpy as np
import pytest
import yaml

from simulator import simulate
from simulator.backtest import METRICS, RELIABILITY, backtest, bundled_cases_dir, load_cases, self_check
from simulator.backtest.run import band, percentile_of
from simulator.cli import main
from simulator.errors import InputError

IDENTITY_TEXT = {"id", "name", "subsector", "commune", "joint_committee", "vat_exempt",
                 "contracting_authority"}
REQUIRED_KEYS = {"case", "metric", "reported", "p10", "p50", "p90", "inside_band", "reported_percentile"}


# --- the bundled cases ---------------------------------------------------------------------------

def test_at_least_five_documented_cases_with_sources():
    cases = load_cases()
    assert len(cases) >= 5
    for case in cases:
        assert case.outcomes and case.approximation and case.currency.source
        for o in case.outcomes:
            assert o.source and o.reliability in RELIABILITY and o.metric in METRICS


def test_every_number_of_a_case_table_has_its_assumption_next_to_it():
    for folder in sorted(p for p in bundled_cases_dir().iterdir() if p.is_dir()):
        with open(folder / "organisations.csv", encoding="utf-8") as handle:
            rows = list(csv.reader(handle))
        header = rows[0]
        for k, column in enumerate(header):
            if column.startswith("#") or column in IDENTITY_TEXT:
                continue
            assert k + 1 < len(header) and header[k + 1] == f"#{column} note", (folder.name, column)
            for row in rows[1:]:
                assert not row[k] or row[k + 1].strip(), (folder.name, row[0], column)


def test_backtest_records_and_coverage_add_up():
    res = backtest(draws=400, seed=7)
    n = sum(len(c.outcomes) for c in load_cases())
    assert len(res.records) == n
    for r in res.records:
        assert REQUIRED_KEYS <= set(r)
        assert r["p10"] <= r["p50"] <= r["p90"]
        assert r["inside_band"] == (r["p10"] <= r["reported"] <= r["p90"])
        assert 0 <= r["reported_percentile"] <= 100
    s = res.summary
    assert s["outcomes"] == n and s["outcomes_inside"] == sum(r["inside_band"] for r in res.records)
    assert s["coverage"] == pytest.approx(s["outcomes_inside"] / n)
    assert s["coverage_se_if_calibrated"] == pytest.approx(math.sqrt(0.16 / n))
    assert s["below_band"] + s["above_band"] <= n - s["outcomes_inside"]
    again = backtest(draws=400, seed=7)
    assert again.records == res.records  # seeded: reproducible


def test_money_outcomes_are_converted_at_the_stated_rate():
    case = next(c for c in load_cases() if c.id == "charlotte_cfsc")
    money = next(o for o in case.outcomes if o.metric == "net_saving_eur")
    assert case.currency.code == "USD"
    assert money.reported == pytest.approx(1_130_000 * case.currency.eur_per_unit)


# --- quantiles and percentiles ----------------------------------------------------------------------

def test_band_and_percentile_by_hand():
    values = np.arange(1.0, 101.0)
    assert band(values) == (10.0, 50.0, 90.0)  # order statistics
    assert percentile_of(np.arange(1.0, 11.0), 5.0) == pytest.approx(45.0)  # (4 + ½) / 10
    assert percentile_of(np.array([1.0, np.inf, np.inf]), 30.0) == pytest.approx(100 / 3)
    assert percentile_of(np.array([np.nan, 2.0]), 3.0) == 100.0  # undefined draws left out


# --- metrics, on a small hand-checkable case --------------------------------------------------------

ORGS = """id,name,subsector,commune,fte_total,#fte_total note,budget_eur,#budget_eur note,\
accounting.fte,#accounting.fte note
one,One,social_service,ixelles,10,assumed,1000000,assumed,1,assumed
two,Two,social_service,ixelles,10,assumed,1000000,assumed,1,assumed
"""


def _case(tmp_path: Path, outcomes: list[dict], parameters: dict | None = None, **extra) -> Path:
    folder = tmp_path / "twins"
    folder.mkdir(exist_ok=True)
    (folder / "organisations.csv").write_text(ORGS, encoding="utf-8")
    data = {"title": "Two identical members", "currency": {"code": "EUR", "eur_per_unit": 1.0,
                                                          "year": 2024, "source": "euro"},
            "scenario": {"name": "twins", "organisations": "organisations.csv", "members": ["one", "two"],
                         "pooling": {"accounting": "all"}, "vehicle": "cost_sharing_association",
                         "horizon_years": 5,
                         "parameters": parameters if parameters is not None else
                         {"scale_exponent.accounting": 0.5, "labour.post_fraction": 0,
                          "labour.span_of_control": 1e9, "exit.hazard": 0.05}},
            "outcomes": outcomes, **extra}
    (folder / "case.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return folder


def _outcome(metric: str, value: float = 0.1, **extra) -> dict:
    return {"metric": metric, "value": value, "source": "test", "reliability": "audit", **extra}


def test_function_saving_and_exit_share_by_hand(tmp_path):
    folder = _case(tmp_path, [_outcome("function_saving_share", 0.3, function="accounting"),
                              _outcome("exit_share", 0.2, year=3)])
    res = backtest(folder, draws=300, seed=1)
    saving, gone = res.records
    for q in ("p10", "p50", "p90"):  # salaries vary, but the same grade prices both sides
        assert saving[q] == pytest.approx(1 - math.sqrt(2) / 2, rel=1e-6)
        assert gone[q] == pytest.approx(1 - 0.95 ** 3)
    assert saving["inside_band"] is False and saving["reported_percentile"] == 100.0


def test_cash_flow_metrics_equal_the_single_run_when_nothing_varies(tmp_path):
    outcomes = [_outcome("realised_vs_forecast_saving", 1.0, year=5),
                _outcome("savings_to_setup_ratio", 0.5, year=2),
                _outcome("net_saving_share_of_pooled_cost"), _outcome("setup_overrun_ratio", 1.2),
                _outcome("net_saving_eur", 1000.0), _outcome("payback_year", 3)]
    folder = _case(tmp_path, outcomes)
    res = backtest(folder, draws=50, seed=3, vary="scenario")  # every draw = central assumptions
    got = {r["metric"]: r for r in res.records}
    single = simulate(load_cases(folder)[0].scenario)
    s, flows = single.summary, single.cashflows
    expected = {
        "realised_vs_forecast_saving": 1.0,
        "savings_to_setup_ratio": flows.loc[1:2, "net_cashflow_eur"].sum() / s["setup_cost_eur"],
        "net_saving_share_of_pooled_cost": s["net_annual_saving_eur"] / s["baseline_annual_cost_eur"],
        "setup_overrun_ratio": 1.2,
        "net_saving_eur": s["net_annual_saving_eur"],
        "payback_year": math.inf if s["payback_year"] is None else s["payback_year"],
    }
    for metric, value in expected.items():
        for q in ("p10", "p50", "p90"):
            assert got[metric][q] == pytest.approx(value, rel=1e-9), metric


def test_benefit_realisation_scales_planned_savings_in_the_cash_flows(tmp_path):
    folder = _case(tmp_path, [_outcome("net_saving_eur")], parameters={"scale_exponent.accounting": 0.5})
    scn = load_cases(folder)[0].scenario
    full = simulate(scn).cashflows
    half = simulate(scn.with_overrides({"parameters.benefit.realisation": 0.5})).cashflows
    assert (full["gross_saving_eur"] > 0).any()
    assert np.allclose(half["gross_saving_eur"], 0.5 * full["gross_saving_eur"])
    assert np.allclose(half["coordination_eur"], full["coordination_eur"])  # costs stay as planned


# --- bad input: one line naming the case file and the field -----------------------------------------

@pytest.mark.parametrize(("outcome", "field", "words"), [
    ({"metric": "net_saving_eur", "value": 1, "reliability": "press"}, "outcomes[0].source", "source"),
    (_outcome("yearly_miracle"), "outcomes[0].metric", "unknown metric"),
    (_outcome("net_saving_eur", reliability="blog"), "outcomes[0].reliability", "audit"),
    ({**_outcome("net_saving_eur"), "value": "a lot"}, "outcomes[0].value", "number"),
    (_outcome("exit_share"), "outcomes[0].year", "needs a year"),
    (_outcome("function_saving_share", function="reception"), "outcomes[0].function", "not pooled"),
    ({**_outcome("net_saving_eur"), "sorce": "x"}, "outcomes[0].sorce", "unknown key"),
])
def test_bad_case_is_one_line_naming_the_field(tmp_path, outcome, field, words):
    folder = _case(tmp_path, [outcome])
    with pytest.raises(InputError) as err:
        load_cases(folder)
    message = str(err.value)
    assert "\n" not in message and f"twins/case.yaml: {field}" in message and words in message


def test_scenario_checked_against_its_table_when_the_case_is_read(tmp_path):
    folder = _case(tmp_path, [_outcome("net_saving_eur")])
    text = (folder / "case.yaml").read_text(encoding="utf-8").replace("- two", "- three")
    (folder / "case.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as err:
        load_cases(folder)
    assert "twins/case.yaml (scenario)" in str(err.value) and "three" in str(err.value)


def test_realised_vs_forecast_needs_a_forecast_saving(tmp_path):
    folder = _case(tmp_path, [_outcome("realised_vs_forecast_saving", 1.0, year=1)])  # year 1: set-up only
    with pytest.raises(InputError, match=r"twins/case.yaml: outcomes\[0\].metric: .*no net saving by year 1"):
        backtest(folder, draws=10)


def test_cli_backtest_json_and_errors(tmp_path, capsys):
    folder = _case(tmp_path, [_outcome("exit_share", 0.15, year=3)],
                   parameters={"scale_exponent.accounting": 0.5})  # the exit hazard varies
    assert main(["backtest", str(tmp_path), "--draws", "200", "--seed", "5", "--format", "json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["summary"]["outcomes"] == 1 and REQUIRED_KEYS <= set(out["records"][0])
    assert main(["backtest", str(folder), "--draws", "200"]) == 0
    assert "the model's 80 % band contained 1" in capsys.readouterr().out
    bad = tmp_path / "bad"
    shutil.copytree(folder, bad)
    text = (bad / "case.yaml").read_text(encoding="utf-8").replace("source: test", "note: no source")
    (bad / "case.yaml").write_text(text, encoding="utf-8")
    assert main(["backtest", str(bad)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "bad/case.yaml: outcomes[0].source" in err


# --- calibration self-check -------------------------------------------------------------------------

def test_self_check_band_holds_eighty_percent_of_the_models_own_outcomes():
    """Held-out draws of the model fall in its P10–P90 band at the nominal 80 % rate.

    Per outcome, K = 500 held-out values: binomial SE √(0.8·0.2/500) = 1.8 points, plus the
    band's own sampling error from 2,000 draws (each end ±√(0.1·0.9/2000) = 0.7 points), about
    2 points in all; 4 SE = 8 points. Pooled over every outcome the binomial part shrinks
    (√(0.16/ΣK)) but band errors only partly cancel: tolerance 3 points.
    """
    table = self_check(draws=2_000, held_out=500, seed=11)
    assert len(table) == sum(len(c.outcomes) for c in load_cases())
    assert (table["held_out"] == 500).all()
    assert (table["coverage"] - 0.8).abs().max() <= 0.08, table
    pooled = table["inside"].sum() / table["held_out"].sum()
    assert abs(pooled - 0.8) <= 0.03, table
