"""Sensitivity: Sobol wiring checked on the Ishigami function, tornado on a linear model, groups.

Ishigami & Homma (1990): Y = sin X1 + a sin² X2 + b X3⁴ sin X1, Xi ~ U(−π, π), a = 7, b = 0.1.
Analytic variances: V1 = ½(1 + bπ⁴/5)², V2 = a²/8, V13 = b²π⁸(1/18 − 1/50), V = V1 + V2 + V13 + ...
giving S = (0.3139, 0.4424, 0) and ST = (0.5576, 0.4424, 0.2437).
"""

import math

import numpy as np
import pytest

from simulator.errors import InputError
from simulator.uncertainty import Fixed, LogNormal, Triangular, Uniform, sobol, tornado

A, B = 7.0, 0.1
PI = math.pi
ISHIGAMI = {"x1": Uniform(-PI, PI), "x2": Uniform(-PI, PI), "x3": Uniform(-PI, PI)}


def ishigami(params):
    x1, x2, x3 = params["x1"], params["x2"], params["x3"]
    return np.sin(x1) + A * np.sin(x2) ** 2 + B * x3**4 * np.sin(x1)


def analytic():
    v1 = 0.5 * (1 + B * PI**4 / 5) ** 2
    v2 = A**2 / 8
    v13 = B**2 * PI**8 * (1 / 18 - 1 / 50)
    v = v1 + v2 + v13
    return np.array([v1, v2, 0]) / v, np.array([v1 + v13, v2, v13]) / v


def test_analytic_values():
    s1, st = analytic()
    np.testing.assert_allclose(s1, [0.3139, 0.4424, 0.0], atol=1e-4)
    np.testing.assert_allclose(st, [0.5576, 0.4424, 0.2437], atol=1e-4)


def test_sobol_recovers_ishigami_indices():
    df = sobol(ishigami, ISHIGAMI, n=8192, seed=42, chunk_size=5000)
    s1, st = analytic()
    assert list(df.index) == ["x1", "x2", "x3"]
    assert list(df.columns) == ["S1", "S1_conf", "ST", "ST_conf"]
    np.testing.assert_allclose(df["S1"], s1, atol=0.03)
    np.testing.assert_allclose(df["ST"], st, atol=0.03)
    # the analytic value lies inside (a generous multiple of) the bootstrap interval
    assert np.all(np.abs(df["S1"] - s1) < 2 * df["S1_conf"] + 0.005)
    assert np.all(np.abs(df["ST"] - st) < 2 * df["ST_conf"] + 0.005)
    assert df.attrs["evaluations"] == 8192 * 5


def test_sobol_is_reproducible_and_ignores_fixed_parameters():
    with_fixed = {**ISHIGAMI, "unused": Fixed(3.0)}
    a = sobol(ishigami, with_fixed, n=512, seed=7)
    b = sobol(ishigami, ISHIGAMI, n=512, seed=7, chunk_size=100)
    np.testing.assert_array_equal(a.to_numpy(), b.to_numpy())
    assert list(a.index) == ["x1", "x2", "x3"]
    c = sobol(ishigami, ISHIGAMI, n=512, seed=0)  # seed 0 is a real seed, too
    d = sobol(ishigami, ISHIGAMI, n=512, seed=0)
    np.testing.assert_array_equal(c.to_numpy(), d.to_numpy())


def test_sobol_groups():
    s1, st = analytic()
    df = sobol(ishigami, ISHIGAMI, n=8192, seed=1, groups={"x1 and x2": ["x1", "x2"]})
    assert list(df.index) == ["x1 and x2", "x3"]
    # S1 of the group = S1 + S2 + S12 (S12 = 0); its ST = 1 − S1(x3) = 1
    assert df.loc["x1 and x2", "S1"] == pytest.approx(s1[0] + s1[1], abs=0.03)
    assert df.loc["x1 and x2", "ST"] == pytest.approx(1.0, abs=0.03)
    assert df.loc["x3", "ST"] == pytest.approx(st[2], abs=0.03)


def test_sobol_second_order():
    df = sobol(ishigami, ISHIGAMI, n=4096, seed=3, calc_second_order=True)
    s2 = df.attrs["S2"]
    _, st = analytic()
    assert s2.loc["x1", "x3"] == pytest.approx(st[2], abs=0.05)  # S13 = V13/V
    assert s2.loc["x1", "x2"] == pytest.approx(0.0, abs=0.05)


@pytest.mark.parametrize(("kwargs", "field"), [
    ({"n": 1000}, "n"),
    ({"n": 0}, "n"),
    ({"groups": {"g": ["x1", "nope"]}}, "groups.g"),
    ({"groups": {"g": ["x1"], "h": ["x1", "x2"]}}, "groups.h"),
    ({"groups": {"x3": ["x1", "x2"]}}, "groups.x3"),
    ({"groups": {"g": []}}, "groups.g"),
])
def test_sobol_bad_inputs(kwargs, field):
    with pytest.raises(InputError) as info:
        sobol(ishigami, ISHIGAMI, **kwargs)
    assert info.value.field == field


def test_sobol_edge_cases():
    with pytest.raises(InputError, match="no parameter is uncertain"):
        sobol(ishigami, {"x1": Fixed(0), "x2": Fixed(1), "x3": Fixed(2)})
    flat = sobol(lambda p: np.zeros(p["x1"].shape), ISHIGAMI, n=64)
    assert (flat[["S1", "ST"]].to_numpy() == 0).all() and "does not vary" in flat.attrs["note"]
    one = sobol(ishigami, ISHIGAMI, n=64, groups={"all": ["x1", "x2", "x3"]})
    assert list(one.index) == ["all"] and one.loc["all", "S1"] == 1.0
    with pytest.raises(InputError, match="non-numeric"):
        sobol(lambda p: np.full(p["x1"].shape, np.nan), ISHIGAMI, n=64)


def test_tornado_linear_model_gives_analytic_swings():
    dists = {"a": Triangular(0, 1, 3), "b": Uniform(10, 20), "c": LogNormal(2, 3),
             "k": Fixed(100.0)}
    coef = {"a": 5.0, "b": -2.0, "c": 0.5, "k": 1.0}
    calls = []

    def linear(params):
        calls.append(len(params["a"]))
        return sum(coef[n] * params[n] for n in coef)

    df = tornado(linear, dists)
    assert calls == [7]  # one batched call: base + 2 × 3 uncertain parameters
    expected = {n: abs(coef[n]) * (dists[n].p90 - dists[n].p10) for n in "abc"}
    assert list(df["parameter"]) == sorted(expected, key=expected.get, reverse=True)
    for row in df.itertuples():
        assert row.swing == pytest.approx(expected[row.parameter])
        assert row.value_low == pytest.approx(dists[row.parameter].p10)
        assert row.value_high == pytest.approx(dists[row.parameter].p90)
    base = sum(coef[n] * dists[n].base for n in coef)
    assert df["output_base"].iloc[0] == pytest.approx(base)


def test_tornado_base_values_and_errors():
    dists = {"a": Uniform(0, 1), "b": Uniform(0, 1)}
    df = tornado(lambda p: p["a"] * p["b"], dists, {"b": 2.0})
    row = df.set_index("parameter").loc["a"]
    assert row.output_high - row.output_low == pytest.approx(2.0 * 0.8)
    with pytest.raises(InputError) as info:
        tornado(lambda p: p["a"], dists, {"zz": 1.0})
    assert info.value.field == "base_values.zz"
    with pytest.raises(ValueError, match="shape"):
        tornado(lambda p: np.zeros(2), dists)
