"""Monte Carlo through the real kernel: reproducibility, exactness, batch = single run, outputs.

Expected values always come from the engine's deterministic path (``simulate``), never from
stored numbers, so these tests keep holding while the economics evolve.
"""

from __future__ import annotations

import json
import pickle
from pathlib import Path

import numpy as np
import pytest
from scipy import stats

from simulator import InputError, load_scenario, monte_carlo, simulate
from simulator.uncertainty.model_mc import ScenarioMonteCarlo, max_chunk, prepare

SCENARIOS = Path(__file__).resolve().parents[2] / "scenarios"
A = SCENARIOS / "a_medical_centres_employer_group.yaml"
C = SCENARIOS / "c_purchasing_central.yaml"

def example_params():
    return [pytest.param(path, id=path.stem) for path in sorted(SCENARIOS.glob("*.yaml"))]


@pytest.fixture(scope="module")
def scn_a():
    return load_scenario(A)


def test_same_seed_same_numbers_across_chunk_sizes(scn_a):
    runs = [monte_carlo(scn_a, 3000, seed=2024, chunk_size=c) for c in (1, 777, 1024, 3000)]
    first = runs[0]
    for other in runs[1:]:
        for key, values in first.core.metrics.items():
            np.testing.assert_array_equal(values, other.core.metrics[key])
        np.testing.assert_array_equal(first.member_probabilities.to_numpy(),
                                      other.member_probabilities.to_numpy())
        np.testing.assert_array_equal(first.fan.to_numpy(), other.fan.to_numpy())
        drop = ("chunk_size", "manifest")
        assert json.dumps({k: v for k, v in first.summary.items() if k not in drop}) == \
            json.dumps({k: v for k, v in other.summary.items() if k not in drop})


def test_different_seeds_differ_and_none_is_recorded(scn_a):
    a = monte_carlo(scn_a, 500, seed=1)
    b = monte_carlo(scn_a, 500, seed=2)
    assert not np.array_equal(a.npv, b.npv)
    fresh = monte_carlo(scn_a, 300)
    assert isinstance(fresh.seed, int) and fresh.summary["seed"] == fresh.manifest["seed"]
    np.testing.assert_array_equal(fresh.npv, monte_carlo(scn_a, 300, seed=fresh.seed).npv)
    np.testing.assert_array_equal(monte_carlo(scn_a, 1200, seed=1).npv[:500], a.npv)  # prefix


def test_all_fixed_reproduces_the_deterministic_run_bit_for_bit(scn_a):
    """Nothing varies → every draw is the kernel's B = 1 run, the very numbers of simulate()."""
    expected = simulate(scn_a).summary
    run = monte_carlo(scn_a, 2000, seed=3, vary="scenario", chunk_size=700)
    assert run.summary["uncertain_parameters"] == 0 and run.warnings
    assert np.all(run.npv == expected["npv_eur"])
    assert np.all(run.net_saving == expected["net_annual_saving_eur"])
    assert run.summary["npv_p10"] == run.summary["npv_p90"] == expected["npv_eur"]
    assert run.summary["npv_deterministic_eur"] == expected["npv_eur"]


def test_degenerate_distributions_on_every_parameter_are_exact(scn_a):
    """Point distributions written in uncertainty: (fixed, uniform low = high, truncnormal sd 0)."""
    values = dict(scn_a.parameter_set())
    forms = [lambda v: v, lambda v: {"dist": "uniform", "low": v, "high": v},
             lambda v: {"dist": "truncnormal", "mean": v, "sd": 0}]
    spec = {f"uncertainty.{n}": forms[i % 3](v) for i, (n, v) in enumerate(values.items())}
    run = monte_carlo(scn_a.with_overrides(spec), 50, seed=0)
    assert run.summary["uncertain_parameters"] == 0
    assert np.all(run.npv == simulate(scn_a).summary["npv_eur"])


def test_batch_rows_equal_single_runs_bit_for_bit(scn_a):
    """The adapter with every parameter as a (B,) array gives simulate()'s numbers in each row."""
    problem = prepare(scn_a)
    out = problem.evaluator()({n: np.full(7, v) for n, v in problem.base.items()})
    expected = simulate(scn_a).summary
    assert np.all(out["npv"] == expected["npv_eur"])
    payback = expected["payback_year"]
    np.testing.assert_array_equal(out["payback_year"], np.full(7, np.nan if payback is None else payback))
    gains = [m["gain_eur"] for m in expected["members"]]
    assert np.all(out["member_gain"] == np.array(gains)[None, :])


@pytest.mark.parametrize("path", example_params())
def test_random_draws_equal_deterministic_runs_with_those_values(path):
    """Draw j of the batch = simulate(scenario with parameters set to draw j's values)."""
    scn = load_scenario(path)
    run = monte_carlo(scn, 40, seed=11)
    inputs = run.core.inputs
    assert set(inputs) == set(run.distributions["parameter"])
    for j in (0, 13, 39):
        row = scn.with_overrides({f"parameters.{n}": float(v[j]) for n, v in inputs.items()})
        res = simulate(row)
        assert run.npv[j] == pytest.approx(res.summary["npv_eur"], rel=1e-12, abs=1e-6)
        assert run.net_saving[j] == pytest.approx(res.summary["net_annual_saving_eur"], rel=1e-12,
                                                  abs=1e-6)
        cum = res.cashflows["cumulative_eur"].to_numpy()
        np.testing.assert_allclose(run.core.samples["cumulative_cashflow"][j], cum, rtol=1e-12,
                                   atol=1e-6)


def test_summary_members_fan_frame_and_manifest(scn_a):
    run = monte_carlo(scn_a, 4000, seed=7)
    s = run.summary
    json.dumps(s)
    for key in ("p_npv_positive", "npv_p10", "npv_p50", "npv_p90", "saving_p10", "saving_p50",
                "saving_p90", "payback_p10", "payback_p50", "payback_p90",
                "p_payback_within_horizon", "converged", "convergence_note", "npv_std_error",
                "model_version", "seed", "draws", "p_payback_by_year", "members", "manifest"):
        assert key in s, key
    assert s["p_npv_positive"] == np.mean(run.npv > 0)
    assert s["npv_p50"] == pytest.approx(np.median(run.npv))
    cdf = s["p_payback_by_year"]
    assert len(cdf) == scn_a.horizon_years + 1 and np.all(np.diff(cdf) >= 0)
    assert cdf[-1] == s["p_payback_within_horizon"]
    assert run.p_payback_within(4) == cdf[4]
    members = run.member_probabilities
    assert list(members["id"]) == scn_a.members
    assert {"name", "p_better_off", "p_worse_off", "gain_p50"} <= set(members.columns)
    gains = run.core.samples["member_gain"]
    np.testing.assert_array_equal(members["p_better_off"], np.mean(gains > 0, axis=0))
    fan = run.fan
    assert list(fan.index) == list(range(scn_a.horizon_years + 1))
    assert np.all(fan["p10"] <= fan["p50"]) and np.all(fan["p50"] <= fan["p90"])
    np.testing.assert_allclose(fan["p50"], np.median(run.core.samples["cumulative_cashflow"], axis=0))
    frame = run.frame()
    assert list(frame.columns) == ["scenario", "draw", "metric", "value"]
    assert len(frame) == 3 * 4000 and set(frame["metric"]) == {"npv", "net_saving", "payback_year"}
    assert {"model_version", "parameter_hash", "seed"} <= set(run.manifest)
    assert run.manifest["parameter_hash"] == simulate(scn_a).manifest["parameter_hash"]
    again = pickle.loads(pickle.dumps(run))  # the app caches results by pickling them
    assert isinstance(again, ScenarioMonteCarlo) and again.summary == run.summary


def test_to_csv_writes_tables_and_refuses_to_overwrite(scn_a, tmp_path):
    run = monte_carlo(scn_a, 200, seed=1)
    paths = run.to_csv(tmp_path / "mc")
    assert {p.name for p in paths} >= {"mc_summary.csv", "mc_members.csv", "mc_fan.csv",
                                       "mc_draws.csv", "mc_manifest.csv", "mc_distributions.csv"}
    with pytest.raises(FileExistsError):
        run.to_csv(tmp_path / "mc")
    run.to_csv(tmp_path / "mc", overwrite=True)


def test_scenario_values_are_fixed_and_uncertainty_entries_vary(scn_a):
    chosen = scn_a.with_overrides({"parameters.finance.discount_rate": 0.05,
                                   "parameters.setup.overrun_factor": 1.3,
                                   "uncertainty.setup.overrun_factor":
                                       {"dist": "pert", "low": 1.0, "mode": 1.3, "high": 1.6}})
    run = monte_carlo(chosen, 300, seed=1)
    table = run.distributions.set_index("parameter")
    assert "finance.discount_rate" not in table.index  # set by the user: fixed
    assert table.loc["setup.overrun_factor", "source"] == "scenario"
    assert table.loc["scale_exponent.accounting", "source"] == "catalogue"
    only = monte_carlo(chosen, 300, seed=1, vary="scenario")
    assert list(only.distributions["parameter"]) == ["setup.overrun_factor"]
    drawn = only.core.inputs["setup.overrun_factor"]
    assert drawn.min() >= 1.0 and drawn.max() <= 1.6 and np.ptp(drawn) > 0


def test_rank_correlations_are_honoured(scn_a):
    corr = scn_a.with_overrides({"correlations": [["salary.hr_officer", "salary.bookkeeper", 0.8]]})
    run = monte_carlo(corr, 5000, seed=4)
    rho = stats.spearmanr(run.core.inputs["salary.hr_officer"],
                          run.core.inputs["salary.bookkeeper"])[0]
    assert rho == pytest.approx(0.8, abs=0.03)
    ic = monte_carlo(corr, 5000, seed=4, method="iman_conover")
    assert stats.spearmanr(ic.core.inputs["salary.hr_officer"],
                           ic.core.inputs["salary.bookkeeper"])[0] == pytest.approx(0.8, abs=0.03)


def test_correlating_a_fixed_parameter_is_an_error(scn_a):
    bad = scn_a.with_overrides({"parameters.salary.hr_officer": 3600,
                                "correlations": [["salary.hr_officer", "salary.bookkeeper", 0.5]]})
    with pytest.raises(InputError) as err:
        monte_carlo(bad, 100, seed=1)
    assert err.value.field == "correlations.salary.hr_officer"


@pytest.mark.parametrize("draws", [0, -5, 2.5, "many", 10**8])
def test_bad_draws_are_clear_errors(scn_a, draws):
    with pytest.raises(InputError) as err:
        monte_carlo(scn_a, draws, seed=1)
    assert err.value.field == "draws"


def test_chunks_too_large_for_memory_and_bad_options_are_errors(scn_a):
    model = prepare(scn_a).model
    with pytest.raises(InputError) as err:
        monte_carlo(scn_a, 10, seed=1, chunk_size=max_chunk(model) + 1)
    assert err.value.field == "chunk_size" and "GB" in err.value.message
    with pytest.raises(InputError) as err:
        monte_carlo(scn_a, 10, seed=-1)
    assert err.value.field == "seed"
    with pytest.raises(InputError) as err:
        monte_carlo(scn_a, 10, seed=1, vary="everything")
    assert err.value.field == "vary"


def test_a_path_is_accepted_and_progress_is_reported():
    calls = []
    run = monte_carlo(C, 2500, seed=9, chunk_size=1000, progress=lambda d, n: calls.append((d, n)))
    assert calls == [(1000, 2500), (2000, 2500), (2500, 2500)]
    assert run.summary["scenario"] == load_scenario(C).name
