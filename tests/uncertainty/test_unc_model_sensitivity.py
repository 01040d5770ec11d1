"""Sensitivity on the real kernel: the Sobol path checked on Ishigami, tornado against simulate().

The scenario sensitivity and the Ishigami check go through the same dispatcher,
:func:`simulator.uncertainty.model_sensitivity.run_sensitivity`, onto
:func:`simulator.uncertainty.sensitivity.sobol` (SALib); a spy checks that the scenario path
really calls that function with the kernel as its model.
"""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from simulator import InputError, load_scenario, simulate
from simulator.kernel import run_kernel
from simulator.params import ParamArrays
from simulator.uncertainty import Uniform
from simulator.uncertainty import sensitivity as core
from simulator.uncertainty.model_sensitivity import run_sensitivity, sensitivity

SCENARIOS = Path(__file__).resolve().parents[2] / "scenarios"
A = SCENARIOS / "a_medical_centres_employer_group.yaml"

A_, B_, PI = 7.0, 0.1, math.pi
ISHIGAMI = {"x1": Uniform(-PI, PI), "x2": Uniform(-PI, PI), "x3": Uniform(-PI, PI)}


def ishigami(params):
    x1, x2, x3 = params["x1"], params["x2"], params["x3"]
    return np.sin(x1) + A_ * np.sin(x2) ** 2 + B_ * x3**4 * np.sin(x1)


def ishigami_variances():
    v1 = 0.5 * (1 + B_ * PI**4 / 5) ** 2
    v2 = A_**2 / 8
    v13 = B_**2 * PI**8 * (1 / 18 - 1 / 50)
    return v1, v2, v13, v1 + v2 + v13


@pytest.fixture(scope="module")
def scn():
    return load_scenario(A)


def test_sobol_path_recovers_ishigami_indices():
    v1, v2, v13, v = ishigami_variances()
    df = run_sensitivity(ishigami, ISHIGAMI, method="sobol", n=8192, seed=42)
    np.testing.assert_allclose(df.loc[["x1", "x2", "x3"], "S1"], [v1 / v, v2 / v, 0], atol=0.03)
    np.testing.assert_allclose(df.loc[["x1", "x2", "x3"], "ST"], [(v1 + v13) / v, v2 / v, v13 / v],
                               atol=0.03)


def test_sobol_path_with_groups_on_ishigami():
    """Group {x1, x3}: first-order = total = (V1 + V13)/V, since they interact only together."""
    v1, v2, v13, v = ishigami_variances()
    df = run_sensitivity(ishigami, ISHIGAMI, method="sobol", n=8192, seed=1,
                         groups={"x13": ["x1", "x3"]})
    assert set(df.index) == {"x13", "x2"}
    assert df.loc["x13", "S1"] == pytest.approx((v1 + v13) / v, abs=0.03)
    assert df.loc["x13", "ST"] == pytest.approx((v1 + v13) / v, abs=0.03)
    assert df.loc["x2", "S1"] == pytest.approx(v2 / v, abs=0.03)


def test_scenario_sobol_calls_the_core_sobol_with_the_kernel(scn, monkeypatch):
    seen = {}
    real = core.sobol

    def spy(evaluate_scalar, distributions, **kwargs):
        seen.update(evaluate=evaluate_scalar, distributions=distributions, kwargs=kwargs)
        return real(evaluate_scalar, distributions, **kwargs)

    monkeypatch.setattr(core, "sobol", spy)
    df = sensitivity(scn, method="sobol", n=64, seed=3)
    assert seen["kwargs"]["n"] == 64 and seen["kwargs"]["seed"] == 3
    assert seen["kwargs"]["groups"]["salaries"][0].startswith(("salary.", "employer_cost."))
    # the model handed to SALib's sampler is the kernel: same NPV as a direct kernel call
    rng = np.random.default_rng(0)
    draws = {n: d.ppf(rng.random(5)) for n, d in seen["distributions"].items()}
    model_npv = seen["evaluate"](draws)
    from simulator.model import compile_scenario

    direct = run_kernel(compile_scenario(scn), ParamArrays({}, draws), with_irr=False).npv
    np.testing.assert_array_equal(model_npv, direct)
    assert df.attrs["method"] == "sobol" and df.attrs["evaluations"] == 64 * (len(df) + 2)
    assert list(df.columns) == ["S1", "S1_conf", "ST", "ST_conf", "parameters"]
    assert df["ST"].is_monotonic_decreasing
    again = sensitivity(scn, method="sobol", n=64, seed=3)
    pd.testing.assert_frame_equal(df, again)


def test_sobol_without_groups_has_one_factor_per_uncertain_parameter(scn):
    df = sensitivity(scn, method="sobol", n=32, seed=0, groups="none")
    assert "salary.hr_officer" in df.index and "salaries" not in df.index
    assert (df["S1"].abs() <= 1.5).all()


def test_tornado_on_a_real_scenario_matches_deterministic_runs(scn):
    df = sensitivity(scn)
    base = simulate(scn).summary["npv_eur"]
    assert df["swing"].is_monotonic_decreasing and df["swing"].iloc[0] > 0
    assert (df["output_base"] == base).all()
    assert {"parameter", "group", "unit", "value_low", "value_high", "output_low", "output_high",
            "swing"} <= set(df.columns)
    for _, row in df.head(2).iterrows():  # spot-check the biggest swings
        for end in ("low", "high"):
            alt = scn.with_overrides({f"parameters.{row['parameter']}": float(row[f"value_{end}"])})
            assert row[f"output_{end}"] == pytest.approx(simulate(alt).summary["npv_eur"],
                                                         rel=1e-12, abs=1e-6)
    # the bar ends are each distribution's P10 and P90
    top = df.iloc[0]
    from simulator.uncertainty.scenario_inputs import scenario_distributions

    dist = scenario_distributions(scn)[top["parameter"]]
    assert top["value_low"] == pytest.approx(dist.p10) and top["value_high"] == pytest.approx(dist.p90)


def test_tornado_on_the_net_saving_and_only_scenario_entries(scn):
    narrow = scn.with_overrides({"uncertainty.setup.overrun_factor":
                                 {"dist": "uniform", "low": 1.0, "high": 1.6}})
    df = sensitivity(narrow, vary="scenario")
    assert list(df["parameter"]) == ["setup.overrun_factor"]
    saving = sensitivity(narrow, vary="scenario", output="net_saving")
    assert saving["swing"].iloc[0] == 0  # set-up is one-off: the steady-state saving ignores it


def test_bad_sensitivity_options_are_errors(scn):
    with pytest.raises(InputError) as err:
        sensitivity(scn, method="morris")
    assert err.value.field == "method"
    with pytest.raises(InputError) as err:
        sensitivity(scn, method="sobol", n=100)
    assert err.value.field == "n"
    with pytest.raises(InputError) as err:
        sensitivity(scn, output="irr")
    assert err.value.field == "output"
    with pytest.raises(InputError) as err:
        sensitivity(scn, vary="scenario")
    assert err.value.field == "uncertainty"
    with pytest.raises(InputError) as err:
        sensitivity(scn, method="sobol", n=32, groups={"hr": ["salary.nobody"]})
    assert err.value.field == "groups.hr"
