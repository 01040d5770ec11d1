"""Distributions: inverse CDFs against scipy / closed forms, moments, validation, YAML parsing."""

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import stats

from simulator.errors import InputError
from simulator.uncertainty import (
    Fixed,
    LogNormal,
    Pert,
    Triangular,
    TruncNormal,
    Uniform,
    default_distribution,
    parse_distribution,
)
from simulator.uncertainty._beta import beta_ppf

U = np.concatenate([np.linspace(1e-6, 1 - 1e-6, 2001), [1e-15, 0.1, 0.5, 0.9, 1 - 1e-12]])


@pytest.mark.parametrize(("dist", "reference"), [
    (Uniform(2.0, 5.0), stats.uniform(2.0, 3.0)),
    (Triangular(0.7, 0.85, 0.95), stats.triang(0.6, loc=0.7, scale=0.25)),
    (Triangular(1.0, 1.0, 4.0), stats.triang(0.0, loc=1.0, scale=3.0)),
    (Triangular(1.0, 4.0, 4.0), stats.triang(1.0, loc=1.0, scale=3.0)),
    (Pert(1.0, 1.2, 1.6), stats.beta(1 + 4 / 3, 1 + 8 / 3, loc=1.0, scale=0.6)),
    (Pert(0.0, 0.0, 10.0, lamb=2.0), stats.beta(1.0, 3.0, loc=0.0, scale=10.0)),
    (TruncNormal(0.02, 0.01, 0.0, 0.05), stats.truncnorm(-2.0, 3.0, loc=0.02, scale=0.01)),
    (TruncNormal(0.0, 1.0, 3.0, 6.0), stats.truncnorm(3.0, 6.0)),  # far right tail
    (TruncNormal(10.0, 2.0), stats.norm(10.0, 2.0)),
    (LogNormal(100.0, 150.0), stats.lognorm(math.log(1.5) / stats.norm.ppf(0.9), scale=100.0)),
])
def test_ppf_matches_scipy(dist, reference):
    np.testing.assert_allclose(dist.ppf(U), reference.ppf(U), rtol=1e-9, atol=1e-12)
    assert dist.mean == pytest.approx(reference.mean(), rel=1e-9)
    assert dist.p10 == pytest.approx(reference.ppf(0.1), rel=1e-9)
    assert dist.p90 == pytest.approx(reference.ppf(0.9), rel=1e-9)


@pytest.mark.parametrize(("a", "b"), [(1.0, 1.0), (1.0, 5.0), (5.0, 1.0), (2.2, 3.1),
                                      (1.0001, 4.9999), (41.0, 1.5), (121.0, 281.0)])
def test_beta_ppf_accuracy_including_tails(a, b):
    u = np.concatenate([np.random.default_rng(0).random(20_000),
                        [0.0, 1e-30, 1e-20, 1e-12, 0.5, 1 - 1e-9, 1 - 2**-53, 1.0]])
    x = beta_ppf(a, b, u)
    ref = stats.beta(a, b).ppf(u)
    np.testing.assert_allclose(x, ref, rtol=1e-9, atol=1e-13)
    assert x[-8] == 0.0 and x[-1] == 1.0


def test_pert_mean_is_classic_formula():
    d = Pert(10.0, 13.0, 22.0)
    assert d.mean == pytest.approx((10 + 4 * 13 + 22) / 6)
    sample = d.ppf(np.random.default_rng(1).random(200_000))
    assert sample.mean() == pytest.approx(d.mean, rel=2e-3)


def test_triangular_mean_and_lognormal_moments():
    assert Triangular(1, 2, 6).mean == pytest.approx(3.0)
    d = LogNormal.from_mean_sd(100.0, 30.0)
    assert d.mean == pytest.approx(100.0)
    sample = d.ppf(np.random.default_rng(2).random(400_000))
    assert sample.std() == pytest.approx(30.0, rel=1e-2)
    assert d.median == pytest.approx(100 / math.sqrt(1.09))


def test_fixed_and_degenerate_ranges_reproduce_the_value_exactly():
    u = np.random.default_rng(3).random(1000)
    value = 0.1 + 0.2  # not exactly representable: must come back bit for bit
    for d in (Fixed(value), Uniform(value, value), Triangular(value, value, value),
              Pert(value, value, value), TruncNormal(value, 0.0), TruncNormal(0, 1, value, value),
              LogNormal(value, value)):
        out = d.ppf(u)
        assert d.is_degenerate
        assert out.shape == u.shape and np.all(out == value), d
        assert d.mean == value and d.p10 == value and d.p90 == value and d.base == value


def test_ppf_is_monotone_and_in_bounds():
    u = np.linspace(0, 1, 1001)
    for d in (Uniform(0, 1), Triangular(0, 0.3, 1), Pert(0, 0.9, 1), TruncNormal(0.5, 2, 0, 1),
              LogNormal(2, 5)):
        x = d.ppf(u)
        lo, hi = d.bounds
        assert np.all(np.diff(x) >= 0) and x[0] == lo and x[-1] == hi
    assert TruncNormal(0.5, 2, 0, 1).bounds == (0.0, 1.0)
    assert LogNormal(2, 5).bounds == (0.0, math.inf)


def test_base_is_the_value_a_director_quotes():
    assert Triangular(1, 2, 6).base == 2
    assert Pert(1, 2, 6).base == 2
    assert Uniform(1, 3).base == 2
    assert LogNormal(5, 9).base == 5
    assert TruncNormal(3, 1, 0, 6).base == pytest.approx(3)


@pytest.mark.parametrize(("make", "field", "words"), [
    (lambda: Uniform(2, 1), "high", "below low"),
    (lambda: Triangular(0.9, 0.85, 0.8), "high", "below low"),
    (lambda: Triangular(0.7, 0.99, 0.95), "mode", "outside"),
    (lambda: Pert(0.7, 0.6, 0.95), "mode", "outside"),
    (lambda: Pert(0, 1, 2, lamb=0), "lamb", "positive"),
    (lambda: TruncNormal(1, -0.5), "sd", "negative"),
    (lambda: TruncNormal(1, 0.5, 3, 2), "high", "below low"),
    (lambda: TruncNormal(0, 1, 50, 60), "low", "far"),
    (lambda: TruncNormal(5, 0, 0, 1), "mean", "outside"),
    (lambda: LogNormal(-1, 2), "median", "positive"),
    (lambda: LogNormal(2, 1), "p90", "below the median"),
    (lambda: LogNormal.from_mean_sd(10, -1), "sd", "negative"),
    (lambda: Fixed(float("nan")), "value", "finite"),
    (lambda: Uniform(0, float("inf")), "high", "finite"),
    (lambda: Uniform("1", 2), "low", "number"),
])
def test_bad_parameters_raise_input_error_naming_the_field(make, field, words):
    with pytest.raises(InputError) as info:
        make()
    assert info.value.field == field
    assert words in info.value.message


def test_parse_yaml_forms():
    assert parse_distribution(0.03, "x") == Fixed(0.03)
    assert parse_distribution({"dist": "Triangular", "low": 0.7, "mode": 0.85, "high": 0.95},
                              "x") == Triangular(0.7, 0.85, 0.95)
    assert parse_distribution({"dist": "pert", "low": 1, "mode": 1.2, "high": 1.6}, "x").lamb == 4
    assert parse_distribution({"dist": "uniform", "low": 1, "high": 2}, "x") == Uniform(1, 2)
    assert parse_distribution({"dist": "truncnormal", "mean": 0.02, "sd": 0.01, "low": 0},
                              "x") == TruncNormal(0.02, 0.01, 0.0)
    assert parse_distribution({"dist": "lognormal", "median": 1, "p90": 2}, "x") == LogNormal(1, 2)
    assert parse_distribution({"dist": "lognormal", "mean": 10, "sd": 3}, "x").mean == \
        pytest.approx(10)
    assert parse_distribution({"dist": "fixed", "value": 7}, "x") == Fixed(7)
    d = Pert(0, 1, 3)
    assert parse_distribution(d, "x") is d


@pytest.mark.parametrize(("spec", "field", "words"), [
    ({"dist": "triangular", "low": 0.9, "mode": 0.85, "high": 0.8}, "p.x.high", "impossible"),
    ({"dist": "triangular", "low": 0.7, "mode": 0.99, "high": 0.95}, "p.x.mode", "outside"),
    ({"dist": "truncnormal", "mean": 1, "sd": -1}, "p.x.sd", "negative"),
    ({"dist": "gamma", "a": 1}, "p.x.dist", "unknown distribution"),
    ({"low": 1, "high": 2}, "p.x.dist", "missing"),
    ({"dist": "uniform", "low": 1, "hi": 2}, "p.x.hi", "unknown key"),
    ({"dist": "uniform", "low": 1}, "p.x.high", "missing"),
    ({"dist": "uniform", "low": "a", "high": 2}, "p.x.low", "number"),
    ({"dist": "lognormal", "median": 1}, "p.x", "median and p90"),
    ({"dist": "fixed", "value": float("nan")}, "p.x", "finite"),
    (True, "p.x", "number"),
    ("0.3", "p.x", "number"),
    ([1, 2], "p.x", "number"),
])
def test_parse_errors_name_the_field(spec, field, words):
    with pytest.raises(InputError) as info:
        parse_distribution(spec, "p.x")
    assert info.value.field == field
    assert words in info.value.message


def test_catalogue_default_is_triangular_on_low_value_high():
    assert default_distribution(0.85, 0.6, 0.95) == Triangular(0.6, 0.85, 0.95)
    assert default_distribution(13.92, 13.92, 13.92) == Fixed(13.92)
    spec = {"dist": "pert", "low": 0.6, "mode": 0.85, "high": 0.95}
    assert default_distribution(0.85, 0.6, 0.95, spec) == Pert(0.6, 0.85, 0.95)


finite = st.floats(-1e6, 1e6, allow_nan=False)


@settings(max_examples=200, deadline=None)
@given(a=finite, b=finite, c=finite, u=st.floats(0, 1))
def test_round_trip_and_range(a, b, c, u):
    low, mode, high = sorted((a, b, c))
    for d in (Uniform(low, high), Triangular(low, mode, high), Pert(low, mode, high)):
        assert parse_distribution(d.to_dict(), "x") == d
        x = d.quantile(u)
        assert low - 1e-9 * (1 + abs(low)) <= x <= high + 1e-9 * (1 + abs(high))
