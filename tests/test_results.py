"""Result frames and exports: tidy costs, cash flows, manifest; CSV / Excel / Parquet writers."""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from simulator import MODEL_VERSION, load_scenario, simulate
from simulator.export import ExportError

SCENARIO_DIR = Path(__file__).resolve().parents[1] / "scenarios"
TABLES = ("summary", "members", "cashflows", "waterfall", "functions", "costs", "manifest")
TIDY = ["scenario", "draw", "member", "function", "year", "metric", "value"]


@pytest.fixture(scope="module")
def result():
    return simulate(load_scenario(SCENARIO_DIR / "b_shared_house.yaml"))


def listing(directory: Path) -> list[str]:
    return sorted(p.name for p in directory.iterdir())


# --- frames --------------------------------------------------------------------------------------------

def test_costs_is_tidy(result):
    costs = result.costs
    assert list(costs.columns) == TIDY
    assert set(costs["scenario"]) == {result.model.scenario.name}
    assert set(costs["draw"]) == {0}
    k = result.kernel
    steady = costs[costs["year"] == "steady"].pivot_table(index="metric", values="value", aggfunc="sum")["value"]
    # standalone rows are today's cost of what is pooled; allocated rows the pooled functions' split
    assert steady["standalone_cost_eur"] == pytest.approx(k.baseline_total[0], rel=1e-12)
    assert steady["allocated_cost_eur"] == pytest.approx(k.allocated_function[0].sum(), rel=1e-12)
    # one steady row per pooled (member, function) cell and metric
    assert (costs["year"] == "steady").sum() == 2 * int(k.effective_mask[0].sum())
    net = costs[(costs["member"] == "pool") & (costs["metric"] == "net_cashflow_eur")]
    assert list(net["year"]) == [str(t) for t in range(result.model.horizon + 1)]
    np.testing.assert_allclose(net["value"], result.cashflows["net_cashflow_eur"])


def test_cashflows(result):
    cf = result.cashflows
    T = result.model.horizon
    assert list(cf.index) == list(range(T + 1))
    for col in ("baseline_eur", "pooled_eur", "gross_saving_eur", "coordination_eur", "setup_eur", "funding_eur",
                "net_cashflow_eur", "cumulative_eur", "discounted_eur"):
        assert col in cf.columns
    np.testing.assert_allclose(cf["cumulative_eur"], cf["net_cashflow_eur"].cumsum())
    # discounted_t = net_t / 1.03^t, and they sum to the NPV
    np.testing.assert_allclose(cf["discounted_eur"], cf["net_cashflow_eur"] / 1.03 ** np.arange(T + 1))
    assert cf["discounted_eur"].sum() == pytest.approx(result.summary["npv_eur"], rel=1e-12)
    # year 0: set-up paid, start-up grant (60 % capped at 100 000) received, nothing saved yet
    setup = result.summary["setup_cost_eur"]
    assert cf.loc[0, "setup_eur"] == pytest.approx(-setup)
    assert cf.loc[0, "funding_eur"] == pytest.approx(min(0.6 * setup, 100_000))
    assert cf.loc[0, "gross_saving_eur"] == 0.0
    # coordination subsidy of 15 000 in years 1–3 only
    assert cf.loc[1:3, "funding_eur"].tolist() == pytest.approx([15_000] * 3)
    assert not cf.loc[4:, "funding_eur"].any()


def test_summary_and_members_agree(result):
    s, m = result.summary, result.members
    assert s["net_annual_saving_eur"] == pytest.approx(s["baseline_annual_cost_eur"] - s["pooled_annual_cost_eur"])
    # model v2 (MODEL.md §8.2): hidden hours freed + net result (after set-up, exit risk, funding) / 60 000 €
    assert s["frontline_fte_freed"] == pytest.approx(s["hidden_fte_freed"] + s["net_annual_result_eur"] / 60_000)
    assert m["allocated_cost_eur"].sum() == pytest.approx(s["pooled_annual_cost_eur"], rel=1e-12)
    assert m["standalone_cost_eur"].sum() == pytest.approx(s["baseline_annual_cost_eur"], rel=1e-12)
    assert list(m.index) == result.model.scenario.members
    assert (m["individually_rational"] == (m["gain_eur"] >= -0.005)).all()
    assert s["payback_year"] is None or isinstance(s["payback_year"], int)


def test_manifest(result):
    man = result.manifest
    assert man["model_version"] == MODEL_VERSION
    assert re.fullmatch(r"[0-9a-f]{16}", man["parameter_hash"])
    assert man["parameter_hash"] == result.model.params.digest()
    assert man["scenario"] == result.model.scenario.name
    # same parameters → same hash; one parameter changed → another hash
    a = simulate(load_scenario(SCENARIO_DIR / "a_medical_centres_employer_group.yaml"))
    a2 = simulate(load_scenario(SCENARIO_DIR / "a_medical_centres_employer_group.yaml"))
    no_grant = simulate(load_scenario(SCENARIO_DIR / "a_variant_no_grant.yaml"))  # overrun 1.55
    assert a.manifest["parameter_hash"] == a2.manifest["parameter_hash"] == result.manifest["parameter_hash"]
    assert no_grant.manifest["parameter_hash"] != a.manifest["parameter_hash"]


# --- exports --------------------------------------------------------------------------------------------

def test_to_csv_writes_every_table_and_refuses_to_overwrite(result, tmp_path):
    out = tmp_path / "csv"
    paths = result.to_csv(out)
    assert listing(out) == sorted(f"{t}.csv" for t in TABLES)  # no temporary file left
    assert sorted(p.name for p in paths) == listing(out)
    costs = pd.read_csv(out / "costs.csv")
    assert list(costs.columns) == TIDY and len(costs) == len(result.costs)
    manifest = pd.read_csv(out / "manifest.csv").set_index("key")["value"]
    assert manifest["model_version"] == MODEL_VERSION
    assert manifest["parameter_hash"] == result.manifest["parameter_hash"]
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    with pytest.raises(FileExistsError, match="overwrite"):
        result.to_csv(out)
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before
    result.to_csv(out, overwrite=True)
    assert listing(out) == sorted(before)


def test_to_excel(result, tmp_path):
    path = result.to_excel(tmp_path / "run.xlsx")
    assert listing(tmp_path) == ["run.xlsx"]
    sheets = pd.read_excel(path, sheet_name=None)
    assert list(sheets) == list(TABLES)
    assert list(sheets["costs"].columns) == TIDY
    with pytest.raises(FileExistsError):
        result.to_excel(path)
    result.to_excel(path, overwrite=True)
    assert listing(tmp_path) == ["run.xlsx"]


def test_to_parquet(result, tmp_path):
    pytest.importorskip("pyarrow")
    out = tmp_path / "pq"
    result.to_parquet(out)
    assert listing(out) == sorted(f"{t}.parquet" for t in TABLES)
    costs = pd.read_parquet(out / "costs.parquet")
    assert list(costs.columns) == TIDY
    np.testing.assert_allclose(costs["value"], result.costs["value"])
    with pytest.raises(FileExistsError):
        result.to_parquet(out)


def test_a_failed_write_leaves_nothing_behind(result, tmp_path, monkeypatch):
    def broken(self, path, *args, **kwargs):
        Path(path).write_text("half a table")
        raise OSError("disk full")

    monkeypatch.setattr(pd.DataFrame, "to_csv", broken)
    out = tmp_path / "csv"
    with pytest.raises(ExportError, match="disk full") as refused:
        result.to_csv(out)
    assert str(out / "summary.csv") in str(refused.value)  # the user's target, not a temp file
    assert not out.exists() or listing(out) == []
