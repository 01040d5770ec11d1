"""Monte Carlo driver: reproducibility across chunk sizes, degenerate runs, summary, bad inputs."""

import json
import math
import pickle

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import stats

from simulator.errors import InputError
from simulator.uncertainty import (
    BLOCK_SIZE,
    Fixed,
    LogNormal,
    Pert,
    RankCorrelation,
    Triangular,
    TruncNormal,
    Uniform,
    chunk_size_for,
    run_monte_carlo,
    summarise,
)

YEARS = 10
SHARES = np.array([0.4, 0.3, 0.2, 0.1])

DISTS = {
    "scale_exponent": Triangular(0.6, 0.85, 0.95),
    "setup_overrun": Pert(1.0, 1.2, 1.6),
    "discount_rate": TruncNormal(0.03, 0.01, 0.01, 0.06),
    "coordination": LogNormal(40_000, 70_000),
    "salary": Uniform(3000, 4000),
}
BASE = {name: d.base for name, d in DISTS.items()}


def toy_model(params):
    """A small pooling economy on arrays: draws × members × years, no loop over draws."""
    b = params["scale_exponent"][:, None]
    salary = params["salary"][:, None] * 13.92 * 1.32
    standalone = salary * (0.5 + SHARES)[None, :]  # (B, n)
    pooled = standalone.sum(1) ** b[:, 0] * (standalone.sum(1) ** (1 - b[:, 0])) * 4 ** (
        b[:, 0] - 1)
    saving = standalone.sum(1) - pooled - params["coordination"]
    setup = 0.2 * pooled * params["setup_overrun"]
    years = np.arange(YEARS + 1)
    flows = np.where(years[None, :] == 0, -setup[:, None], saving[:, None])
    discount = (1 + params["discount_rate"][:, None]) ** -years[None, :]
    npv = (flows * discount).sum(1)
    cumulative = np.cumsum(flows, axis=1)
    paid = cumulative >= 0
    payback = np.where(paid.any(1), np.argmax(paid, axis=1).astype(float), np.nan)
    member_gain = saving[:, None] * SHARES[None, :] - np.array([0, 0, 0, 5000.0])
    return {"npv": npv, "net_saving": saving, "payback_year": payback,
            "member_gain": member_gain, "cumulative_cashflow": cumulative}


def test_same_seed_same_numbers_across_chunk_sizes():
    corr = RankCorrelation.from_pairs({("salary", "coordination"): 0.5})
    runs = [run_monte_carlo(toy_model, DISTS, 100_000, seed=2024, chunk_size=c, correlation=corr)
            for c in (1000, BLOCK_SIZE, 100_000)]
    first = runs[0]
    for other in runs[1:]:
        for key, values in first.metrics.items():
            np.testing.assert_array_equal(values, other.metrics[key])
        for key, values in first.samples.items():
            np.testing.assert_array_equal(values, other.samples[key])
        np.testing.assert_array_equal(first.member_probability_better_off,
                                      other.member_probability_better_off)
        assert json.dumps(first.summary) == json.dumps(other.summary)


def test_different_seeds_differ_and_prefix_property():
    a = run_monte_carlo(toy_model, DISTS, 5000, seed=1)
    b = run_monte_carlo(toy_model, DISTS, 5000, seed=2)
    assert not np.array_equal(a.npv, b.npv)
    longer = run_monte_carlo(toy_model, DISTS, 9000, seed=1, chunk_size=777)
    np.testing.assert_array_equal(longer.npv[:5000], a.npv)


def test_seed_none_is_recorded_and_replays():
    run = run_monte_carlo(toy_model, DISTS, 500)
    again = run_monte_carlo(toy_model, DISTS, 500, seed=run.seed)
    np.testing.assert_array_equal(run.npv, again.npv)


def test_fixed_distributions_reproduce_the_deterministic_result_exactly():
    fixed = {name: Fixed(value) for name, value in BASE.items()}
    deterministic = toy_model({name: np.array([value]) for name, value in BASE.items()})
    run = run_monte_carlo(toy_model, fixed, 3000, seed=5, chunk_size=1000)
    assert np.all(run.npv == deterministic["npv"][0])
    assert run.summary["npv_p10"] == run.summary["npv_p90"] == deterministic["npv"][0]
    assert run.summary["p_npv_positive"] == float(deterministic["npv"][0] > 0)
    degenerate = {"salary": Uniform(BASE["salary"], BASE["salary"]),
                  **{n: Fixed(v) for n, v in BASE.items() if n != "salary"}}
    assert np.all(run_monte_carlo(toy_model, degenerate, 10, seed=0).npv == run.npv[0])


def test_summary_contents_and_types():
    run = run_monte_carlo(toy_model, DISTS, 20_000, seed=3)
    s = run.summary
    for key in ("p_npv_positive", "npv_p10", "npv_p50", "npv_p90", "npv_mean", "saving_p10",
                "saving_p50", "saving_p90", "payback_p10", "payback_p50", "payback_p90",
                "p_payback_within_horizon", "npv_std_error", "p_npv_positive_std_error",
                "converged", "convergence_note", "draws_suggested"):
        assert key in s
    json.dumps(s)  # JSON-ready
    npv = run.npv
    assert s["p_npv_positive"] == pytest.approx(np.mean(npv > 0))
    assert s["npv_p10"] <= s["npv_p50"] <= s["npv_p90"]
    assert s["npv_p50"] == pytest.approx(np.median(npv))
    assert s["npv_std_error"] == pytest.approx(np.std(npv, ddof=1) / math.sqrt(npv.size))
    assert run.npv.shape == (20_000,) and run.draws == 20_000 and run.seed == 3
    frame = run.frame()
    assert list(frame.columns) == ["draw", "metric", "value"]
    assert len(frame) == 20_000 * len(run.metrics)
    members = run.member_summary()
    assert members["p_better_off"].iloc[0] == pytest.approx(np.mean(
        run.samples["member_gain"][:, 0] > 0))
    assert run.fan("cumulative_cashflow").shape == (YEARS + 1, 3)
    assert set(run.inputs) == set(DISTS)


def test_payback_never_counts_as_infinity():
    metrics = {"npv": np.array([1.0, 2.0, -1.0, -2.0, 3.0]),
               "payback_year": np.array([2.0, 3.0, np.nan, np.nan, 4.0])}
    s = summarise(metrics)
    assert s["p_payback_within_horizon"] == pytest.approx(0.6)
    assert s["payback_p10"] == pytest.approx(2.4)
    assert s["payback_p50"] == pytest.approx(4.0)
    assert s["payback_p90"] is None
    assert s["payback_mean"] == pytest.approx(3.0)
    assert s["saving_p50"] is None


def test_convergence_flag_and_advice():
    rng = np.random.default_rng(0)
    small = summarise({"npv": rng.normal(50_000, 100_000, 200)})
    assert not small["converged"] and small["draws_suggested"] > 200
    assert "Not converged" in small["convergence_note"]
    big = summarise({"npv": rng.normal(50_000, 100_000, 400_000)})
    assert big["converged"] and "Converged" in big["convergence_note"]
    all_positive = summarise({"npv": np.full(10, 1e6)})
    assert not all_positive["converged"]  # ten lucky draws are not a certainty


def test_member_probabilities_are_exact_counts():
    run = run_monte_carlo(toy_model, DISTS, 10_000, seed=8, chunk_size=999,
                          member_labels=["A", "B", "C", "D"])
    gains = run.samples["member_gain"]
    assert gains.shape == (10_000, 4)
    np.testing.assert_array_equal(run.member_probability_better_off, np.mean(gains > 0, axis=0))
    np.testing.assert_array_equal(run.member_probability_worse_off, np.mean(gains < 0, axis=0))
    assert list(run.member_summary()["member"]) == ["A", "B", "C", "D"]


def test_large_outputs_are_subsampled_within_budget():
    full = run_monte_carlo(toy_model, DISTS, 20_000, seed=4)
    small = run_monte_carlo(toy_model, DISTS, 20_000, seed=4, chunk_size=3000,
                            store_bytes=200_000)
    stride = small.sample_index[1]
    assert stride > 1 and small.samples["cumulative_cashflow"].nbytes < 200_000
    np.testing.assert_array_equal(small.samples["cumulative_cashflow"],
                                  full.samples["cumulative_cashflow"][::stride])
    np.testing.assert_array_equal(small.inputs["salary"], full.inputs["salary"][::stride])
    # exact statistics still use every draw
    np.testing.assert_array_equal(small.npv, full.npv)
    np.testing.assert_array_equal(small.member_probability_better_off,
                                  full.member_probability_better_off)


@pytest.mark.parametrize(("kwargs", "field"), [
    ({"draws": 0}, "draws"),
    ({"draws": -5}, "draws"),
    ({"draws": 2.5}, "draws"),
    ({"draws": True}, "draws"),
    ({"draws": 10**12}, "draws"),
    ({"draws": 100, "chunk_size": 0}, "chunk_size"),
    ({"draws": 100, "seed": -1}, "seed"),
    ({"draws": 100, "method": "latin"}, "method"),
    ({"draws": 100, "correlation": [["salary", "nope", 0.5]]}, "correlations.nope"),
    ({"draws": 100, "correlation": {"names": ["salary", "coordination"],
                                    "matrix": [[1, 0.5], [0.4, 1]]}},
     "correlations[salary, coordination]"),
])
def test_bad_inputs_raise_input_error(kwargs, field):
    with pytest.raises(InputError) as info:
        run_monte_carlo(toy_model, DISTS, **kwargs)
    assert info.value.field == field


def test_draws_limit_message_and_distribution_specs():
    with pytest.raises(InputError, match="more than the limit"):
        run_monte_carlo(toy_model, DISTS, 2_000_000, max_draws=1_000_000)
    specs = {"salary": {"dist": "uniform", "low": 3000, "high": 4000},
             **{n: v for n, v in BASE.items() if n != "salary"}}
    run = run_monte_carlo(toy_model, specs, 100, seed=1)
    assert run.inputs["salary"].min() >= 3000
    with pytest.raises(InputError) as info:
        run_monte_carlo(toy_model, {**specs, "salary": {"dist": "uniform", "low": 5, "high": 1}},
                        10)
    assert info.value.field == "salary.high"


def test_model_output_problems_are_reported():
    with pytest.raises(KeyError, match="npv"):
        run_monte_carlo(lambda p: {"saving": p["salary"]}, DISTS, 10, seed=0)
    with pytest.raises(ValueError, match="leading axis"):
        run_monte_carlo(lambda p: {"npv": np.zeros(3)}, DISTS, 10, seed=0)
    with pytest.raises(InputError, match="not a number"):
        run_monte_carlo(lambda p: {"npv": np.full(p["salary"].shape, np.nan)}, DISTS, 10, seed=0)
    run = run_monte_carlo(lambda p: {"npv": np.array([1.0])}, DISTS, 10, seed=0)
    assert np.all(run.npv == 1.0)  # (1,) outputs broadcast


def test_progress_and_chunk_size_helper():
    calls = []
    run_monte_carlo(toy_model, DISTS, 2500, seed=0, chunk_size=1000,
                    progress=lambda done, total: calls.append((done, total)))
    assert calls == [(1000, 2500), (2000, 2500), (2500, 2500)]
    assert chunk_size_for(20 * 8 * 11 * 8, 512 * 2**20) % BLOCK_SIZE == 0
    assert chunk_size_for(10**9) == BLOCK_SIZE


@settings(max_examples=25, deadline=None)
@given(chunk=st.integers(1, 3000), seed=st.integers(0, 2**63))
def test_any_chunk_size_gives_the_same_draws(chunk, seed):
    def cheap(params):
        return {"npv": params["salary"] - 3500 + params["coordination"] / 100}

    reference = run_monte_carlo(cheap, DISTS, 2500, seed=seed, chunk_size=2500)
    other = run_monte_carlo(cheap, DISTS, 2500, seed=seed, chunk_size=chunk)
    np.testing.assert_array_equal(reference.npv, other.npv)


def test_matrix_correlation_chunk_limit_and_pickling():
    names = list(DISTS)
    matrix = np.eye(len(names))
    matrix[0, 4] = matrix[4, 0] = 0.8
    run = run_monte_carlo(toy_model, DISTS, 20_000, seed=9, correlation=matrix)
    rho = stats.spearmanr(run.inputs[names[0]], run.inputs[names[4]]).statistic
    assert rho == pytest.approx(0.8, abs=0.01)
    with pytest.raises(InputError) as info:
        run_monte_carlo(toy_model, DISTS, 10, chunk_size=10**7)
    assert info.value.field == "chunk_size"
    copy = pickle.loads(pickle.dumps(run))
    np.testing.assert_array_equal(copy.npv, run.npv)
    assert pickle.loads(pickle.dumps(DISTS)) == DISTS
    assert len({*DISTS.values()}) == len(DISTS)  # hashable, usable as cache keys
